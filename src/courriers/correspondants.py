"""Reading the list of correspondents of a batch of letters (one letter each).

The list comes from a JSON or YAML file (a list of objects with the fields
of :class:`~courriers.donnees.destinataire.Destinataire`) or from a CSV file
exported from a spreadsheet:

- UTF-8, with or without the byte order mark Excel writes;
- ``;`` (French Excel) or ``,`` as delimiter, found in the header line;
- a header line naming the columns: ``civilite``, ``prenom``, ``nom``,
  ``fonction``, ``organisme``, ``telephone``, ``courriel``,
  ``qualite_formules``, ``formule_appel``, ``niveau`` and the address lines
  ``adresse_1`` to ``adresse_5`` (case, surrounding spaces and accents do
  not matter: ``Prénom`` is ``prenom``);
- one correspondent a line; an empty cell is an absent field, empty address
  cells are skipped, wholly empty lines are ignored.

Every correspondent is validated and all the problems of all of them are
reported at once, in one :class:`~courriers.erreurs.ErreurDonnees` naming
the file, then for each problem the line (``ligne 3``, the header being
line 1) or the index (``[2]``), the person when known and the field.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError

from courriers.chargement import chemin_du_champ, lire, valider
from courriers.donnees.destinataire import Destinataire
from courriers.donnees.personne import Personne
from courriers.erreurs import ErreurDonnees
from courriers.limites import verifier_taille_donnees
from courriers.messages import erreur
from courriers.systeme import raison

__all__ = ["CHAMPS", "COLONNES", "COLONNES_ADRESSE", "charger_correspondants"]

CHAMPS: Final[tuple[str, ...]] = (
    "civilite",
    "prenom",
    "nom",
    "fonction",
    "organisme",
    "telephone",
    "courriel",
    "qualite_formules",
    "formule_appel",
    "niveau",
)
"""Columns of a CSV file that are fields of a correspondent, as they are."""

COLONNES_ADRESSE: Final[tuple[str, ...]] = tuple(f"adresse_{i}" for i in range(1, 6))
"""Columns of a CSV file holding the address lines, in order."""

COLONNES: Final[tuple[str, ...]] = CHAMPS + COLONNES_ADRESSE
"""Every column a CSV file may have."""

_EXTENSIONS_DONNEES: Final = frozenset({".json", ".yaml", ".yml"})
_IDENTITE: Final = ("civilite", "prenom", "nom", "fonction")
_TOUTE_L_ADRESSE: Final = f"{COLONNES_ADRESSE[0]} à {COLONNES_ADRESSE[-1]}"
_NORME_POSTALE: Final = " non conforme à la norme postale : "
_LIGNE_DU_BLOC: Final = re.compile(r"\bligne (\d+)\b")


@dataclass(frozen=True)
class _Ligne:
    """One correspondent as read, before validation."""

    repere: str
    """Where it is in the file: ``ligne 3`` (CSV) or ``[2]`` (JSON, YAML)."""
    donnees: Any
    """The fields, as a dict for the CSV (an address as a list of lines)."""
    colonnes_adresse: tuple[str, ...] | None = None
    """CSV: the column of each address line kept; ``None`` for JSON, YAML."""
    problemes: tuple[str, ...] = ()
    """Problems found while reading the line, before validation."""


def charger_correspondants(chemin: Path) -> list[Destinataire]:
    """The correspondents listed in ``chemin`` (``.csv``, ``.json``,
    ``.yaml`` or ``.yml``), validated, in the order of the file.

    Raises :class:`ErreurDonnees` when the file is missing, unreadable or
    malformed, lists nobody, or when any correspondent is invalid (all the
    problems of all the correspondents in one message).
    """
    lignes = _lire(chemin)
    destinataires, erreurs, en_erreur = _valider(lignes)
    if erreurs:
        raise erreur(
            "donnees.correspondants_non_conformes",
            chemin=chemin,
            erreurs=f"{len(erreurs)} erreur{'s' if len(erreurs) > 1 else ''}",
            correspondants=f"{en_erreur} correspondant{'s' if en_erreur > 1 else ''}",
            total=len(lignes),
            detail="\n".join(f"  - {probleme}" for probleme in erreurs),
        )
    return destinataires


def charger_correspondants_valides(chemin: Path) -> tuple[list[Destinataire], list[str]]:
    """For ``--continuer``: the valid correspondents of ``chemin`` and, for
    each invalid one, its problems (``ligne 3 (Jean MARTIN) : civilite : …``).
    A file that cannot be read at all still raises :class:`ErreurDonnees`."""
    destinataires, erreurs, _ = _valider(_lire(chemin))
    return destinataires, erreurs


def _lire(chemin: Path) -> list[_Ligne]:
    verifier_taille_donnees(chemin)
    extension = chemin.suffix.lower()
    if extension == ".csv":
        lignes = _lire_csv(chemin)
    elif extension in _EXTENSIONS_DONNEES:
        lignes = _lire_liste(chemin)
    else:
        raise erreur(
            "donnees.correspondants_extension", chemin=chemin, extension=chemin.suffix or "(aucune)"
        )
    if not lignes:
        raise erreur("donnees.correspondants_vide", chemin=chemin)
    return lignes


# --- JSON, YAML -----------------------------------------------------------


def _lire_liste(chemin: Path) -> list[_Ligne]:
    donnees = lire(chemin)
    if donnees is None:  # empty YAML file
        return []
    if not isinstance(donnees, list):
        raise erreur("donnees.correspondants_pas_une_liste", chemin=chemin, nature=_nature(donnees))
    return [_Ligne(f"[{index}]", element) for index, element in enumerate(donnees)]


def _nature(valeur: Any) -> str:
    """What a JSON or YAML value is, in French.

    >>> _nature({"nom": "Dumas"})
    'un objet (entre accolades { })'
    >>> _nature("Dumas")
    'un texte'
    """
    if isinstance(valeur, dict):
        return "un objet (entre accolades { })"
    if isinstance(valeur, str):
        return "un texte"
    if isinstance(valeur, bool):
        return "un booléen"
    if isinstance(valeur, (int, float)):
        return "un nombre"
    return f"une valeur de type {type(valeur).__name__}"


# --- CSV ------------------------------------------------------------------


def _lire_csv(chemin: Path) -> list[_Ligne]:
    texte = _texte_csv(chemin)
    lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=_separateur(texte))
    try:
        entete = next(lecteur, None)
        if not entete or not any(cellule.strip() for cellule in entete):
            return []
        noms = _noms_de_colonnes(chemin, entete)
        lignes: list[_Ligne] = []
        numero = lecteur.line_num + 1
        for cellules in lecteur:
            ligne = _ligne_csv(f"ligne {numero}", noms, cellules)
            if ligne is not None:
                lignes.append(ligne)
            numero = lecteur.line_num + 1
    except csv.Error as exc:
        raise erreur(
            "donnees.csv_mal_forme", chemin=chemin, ligne=lecteur.line_num, probleme=exc
        ) from exc
    return lignes


def _texte_csv(chemin: Path) -> str:
    """The text of a UTF-8 file, without the byte order mark if any."""
    try:
        octets = chemin.read_bytes()
    except FileNotFoundError as exc:
        raise erreur("donnees.fichier_introuvable", chemin=chemin) from exc
    except OSError as exc:
        raise erreur("donnees.lecture_impossible", chemin=chemin, raison=raison(exc)) from exc
    debut = len(codecs.BOM_UTF8) if octets.startswith(codecs.BOM_UTF8) else 0
    try:
        return octets[debut:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise erreur("donnees.pas_utf8", chemin=chemin, octet=debut + exc.start) from exc


def _separateur(texte: str) -> str:
    """The delimiter of a CSV text: ``;`` or ``,``, whichever the header
    line holds more of (``;`` when neither).

    >>> _separateur("civilite;nom;adresse_1\\nMme;Dumas, Claire;x\\n")
    ';'
    >>> _separateur("civilite,nom,adresse_1\\r\\nMme,Dumas;x\\r\\n")
    ','
    """
    premiere = texte.lstrip("\r\n").splitlines()[0] if texte.strip() else ""
    return "," if premiere.count(",") > premiere.count(";") else ";"


def _nom_de_colonne(entete: str) -> str:
    """A header cell as a column name: no surrounding spaces, lower case,
    no accents.

    >>> _nom_de_colonne("  Prénom ")
    'prenom'
    >>> _nom_de_colonne("Qualite_Formules")
    'qualite_formules'
    """
    decompose = unicodedata.normalize("NFKD", entete.strip().lower())
    return "".join(c for c in decompose if not unicodedata.combining(c))


def _noms_de_colonnes(chemin: Path, entete: list[str]) -> list[str]:
    """The column names of the header, checked: no unknown, duplicate or
    missing column (unnamed columns are kept as ``""``)."""
    noms = [_nom_de_colonne(cellule) for cellule in entete]
    problemes: list[str] = []
    inconnues = [
        cellule.strip()
        for cellule, nom in zip(entete, noms, strict=True)
        if nom and nom not in COLONNES
    ]
    if inconnues:
        pluriel = "s" if len(inconnues) > 1 else ""
        problemes.append(
            f"colonne{pluriel} inconnue{pluriel} : " + ", ".join(f"« {nom} »" for nom in inconnues)
        )
    doubles = sorted({nom for nom in noms if nom and noms.count(nom) > 1}, key=noms.index)
    if doubles:
        problemes.append("colonne en double : " + ", ".join(f"« {nom} »" for nom in doubles))
    if "civilite" not in noms:
        problemes.append("colonne « civilite » absente")
    if not any(nom in COLONNES_ADRESSE for nom in noms):
        problemes.append(f"aucune colonne d'adresse ({_TOUTE_L_ADRESSE})")
    if problemes:
        raise erreur(
            "donnees.csv_entete",
            chemin=chemin,
            problemes=" ; ".join(problemes),
            colonnes=", ".join(COLONNES),
        )
    return noms


def _ligne_csv(repere: str, noms: list[str], cellules: list[str]) -> _Ligne | None:
    """One line of the CSV as the fields of a correspondent; ``None`` for a
    line with no value at all."""
    donnees: dict[str, Any] = {}
    adresse: dict[str, str] = {}
    problemes: list[str] = []
    for position, cellule in enumerate(cellules):
        valeur = cellule.strip()
        if not valeur:
            continue
        if position >= len(noms):
            problemes.append(
                f"cellule {position + 1} au-delà des {len(noms)} colonnes de l'en-tête : "
                f"« {valeur} » (séparateur dans une cellule sans guillemets ?)"
            )
        elif not noms[position]:
            problemes.append(f"colonne {position + 1} sans nom dans l'en-tête : « {valeur} »")
        elif noms[position] in COLONNES_ADRESSE:
            adresse[noms[position]] = valeur
        else:
            donnees[noms[position]] = valeur
    if not donnees and not adresse and not problemes:
        return None
    colonnes = tuple(colonne for colonne in COLONNES_ADRESSE if colonne in adresse)
    if colonnes:
        donnees["adresse"] = [adresse[colonne] for colonne in colonnes]
    return _Ligne(repere, donnees, colonnes, tuple(problemes))


# --- Validation -----------------------------------------------------------


def _valider(lignes: list[_Ligne]) -> tuple[list[Destinataire], list[str], int]:
    """The valid correspondents, the problems of the others (one line each,
    with the row and the person), and how many rows are invalid."""
    destinataires: list[Destinataire] = []
    erreurs: list[str] = []
    en_erreur = 0
    for ligne in lignes:
        problemes = list(ligne.problemes)
        try:
            destinataire = valider(ligne.donnees, Destinataire, ligne.repere)
        except ErreurDonnees as exc:
            problemes.extend(_problemes_de_validation(exc, ligne))
        if problemes:
            en_erreur += 1
            nom = _nom_de_la_personne(ligne.donnees)
            ou = f"{ligne.repere} ({nom})" if nom else ligne.repere
            erreurs.extend(f"{ou} : {probleme}" for probleme in problemes)
        else:
            destinataires.append(destinataire)
    return destinataires, erreurs, en_erreur


def _problemes_de_validation(exc: ErreurDonnees, ligne: _Ligne) -> list[str]:
    """The French messages of :func:`valider`, one per problem, with the
    field named as in the file (the column for a CSV)."""
    messages = exc.message.split("\n  - ")[1:]
    if not messages:  # not the expected layout: the message as it is
        return [exc.message.removeprefix(f"{ligne.repere} : ")]
    cause = exc.__cause__
    if not isinstance(cause, ValidationError):
        return messages
    details = cause.errors(include_url=False)
    if len(details) != len(messages):
        return messages
    problemes: list[str] = []
    for message, detail in zip(messages, details, strict=True):
        loc = tuple(detail["loc"])
        prefixe = f"{chemin_du_champ(loc)} : "
        if not message.startswith(prefixe):
            problemes.append(message)
        elif not loc:  # the correspondent as a whole: no field to name
            problemes.append(_lignes_du_bloc(message.removeprefix(prefixe), ligne))
        else:
            problemes.append(f"{_champ(loc, ligne)} : {message.removeprefix(prefixe)}")
    return problemes


def _lignes_du_bloc(message: str, ligne: _Ligne) -> str:
    """The address problems of ``message`` with the field of each line of
    the address block (the name line first, when the correspondent has a
    name or a function, then the address lines), lest ``ligne 2`` be taken
    for a line of the file.

    >>> postale = "adresse de Madame DUMAS non conforme à la norme postale : "
    >>> _lignes_du_bloc(
    ...     postale + "ligne 2 : 50 caractères, 38 au plus ; 7 lignes, 6 au plus",
    ...     _Ligne("ligne 4", {"nom": "Dumas"}, ("adresse_2", "adresse_3")),
    ... )[len(postale) :]
    'ligne 2 (adresse_2) : 50 caractères, 38 au plus ; 7 lignes, 6 au plus'
    >>> _lignes_du_bloc(postale + "ligne 1 vide", _Ligne("[0]", {"nom": "Dumas"}))[len(postale) :]
    'ligne 1 (nom) vide'
    >>> _lignes_du_bloc(postale + "ligne 1 vide", _Ligne("[0]", {}))[len(postale) :]
    'ligne 1 (adresse[0]) vide'
    """
    debut, norme, problemes = message.partition(_NORME_POSTALE)
    if not norme:
        return message
    donnees = ligne.donnees
    ligne_du_nom = isinstance(donnees, dict) and bool(donnees.get("nom") or donnees.get("fonction"))

    def avec_champ(trouve: re.Match[str]) -> str:
        numero = int(trouve.group(1))
        if ligne_du_nom and numero == 1:
            champ = "nom" if donnees.get("nom") else "fonction"
        else:
            champ = _champ(("adresse", numero - (2 if ligne_du_nom else 1)), ligne)
        return f"{trouve.group(0)} ({champ})"

    return debut + norme + _LIGNE_DU_BLOC.sub(avec_champ, problemes)


def _champ(loc: tuple[str | int, ...], ligne: _Ligne) -> str:
    """The field of a problem as the file names it: the path for JSON and
    YAML, the column for a CSV.

    >>> csv_ = _Ligne("ligne 2", {}, ("adresse_1", "adresse_3"))
    >>> _champ(("adresse", 1), csv_), _champ(("adresse",), csv_), _champ(("nom",), csv_)
    ('adresse_3', 'adresse_1 à adresse_5', 'nom')
    >>> _champ(("adresse", 1), _Ligne("[0]", {}))
    'adresse[1]'
    """
    colonnes = ligne.colonnes_adresse
    if colonnes is None or loc[:1] != ("adresse",):
        return chemin_du_champ(loc)
    if len(loc) == 1:
        return _TOUTE_L_ADRESSE
    index = loc[1]
    if isinstance(index, int) and 0 <= index < len(colonnes):
        return colonnes[index]
    return chemin_du_champ(loc)


def _nom_de_la_personne(donnees: Any) -> str | None:
    """The person of an invalid correspondent: the name line of the model
    (``Madame Claire DUMAS``) when civilité, name and function are valid,
    otherwise the raw first name and name, ``None`` if neither is known."""
    if not isinstance(donnees, dict):
        return None
    identite = {champ: donnees[champ] for champ in _IDENTITE if champ in donnees}
    try:
        personne = Personne.model_validate(identite)
    except ValidationError:
        brut = (donnees.get("prenom"), donnees.get("nom"))
        return " ".join(v.strip() for v in brut if isinstance(v, str) and v.strip()) or None
    qualite = donnees.get("qualite_formules")
    champs: dict[str, Any] = personne.model_dump()
    if isinstance(qualite, str):
        champs["qualite_formules"] = qualite
    return Destinataire.model_construct(**champs).ligne_nom()
