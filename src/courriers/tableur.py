"""Reading the members of a meeting from a spreadsheet: XLSX, ODS or CSV.

Secretaries keep the members of a commission in a spreadsheet. This module
reads one sheet of it (the sheet named « Membres » when there is one, else
the first) into :class:`~courriers.donnees.membre.Membre` objects:

- the header is the first row, among the first ten, naming at least two
  known columns (title rows above it are skipped); columns are recognised
  by their French header in any order, case, accents and spaces aside, with
  aliases (:data:`COLONNES`); other columns are reported, never an error;
- a cell merged over several rows (a collège written once for its members)
  gives its value to each row; wholly empty rows are skipped;
- dates may be typed as dates, as Excel serial numbers or as ``JJ/MM/AAAA``;
  a phone number typed as a number gets its leading zero back;
- every row is validated by the same Pydantic model as the JSON file, and
  all the problems of all rows are reported at once, each located as
  ``feuille « Membres », ligne 12, colonne « Civilité »``.

XLSX is read with openpyxl, ODS with python-calamine (see the README).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

from pydantic import BaseModel, ValidationError

from courriers.chargement import attendu
from courriers.correspondants import _separateur, _texte_csv
from courriers.donnees.membre import Membre
from courriers.limites import verifier_taille_donnees
from courriers.messages import erreur

M = TypeVar("M", bound=BaseModel)

__all__ = ["COLONNES", "Colonne", "Lecture", "Ligne", "lire_lignes", "lire_membres", "normaliser"]


@dataclass(frozen=True)
class Colonne:
    """A column of the members' spreadsheet."""

    champ: str
    """The field of :class:`Membre` (``adresse_1`` … for the address lines)."""
    entete: str
    """The header written in the template spreadsheet."""
    alias: tuple[str, ...] = ()
    """Other headers accepted (compared once normalised)."""


COLONNES: Final[tuple[Colonne, ...]] = (
    Colonne("college", "Collège", ("groupe",)),
    Colonne("civilite", "Civilité", ("civ", "titre de civilite")),
    Colonne("prenom", "Prénom"),
    Colonne("nom", "Nom", ("nom de famille",)),
    Colonne("fonction", "Fonction"),
    Colonne("organisme", "Organisme", ("structure", "organisation", "organisme represente")),
    Colonne("siege", "Titulaire ou suppléant", ("siege", "titulaire/suppleant", "statut")),
    Colonne("suppleant_de", "Suppléant de", ("titulaire supplee",)),
    Colonne("membre", "Membre", ("membre de l'instance",)),
    Colonne("courriel", "Courriel", ("e mail", "email", "mel", "adresse electronique")),
    Colonne("telephone", "Téléphone", ("tel",)),
    Colonne("qualite_formules", "Qualité", ("qualite formules", "qualite pour les formules")),
    Colonne("formule_appel", "Formule d'appel"),
    Colonne("niveau", "Niveau de considération", ("niveau",)),
    *(Colonne(f"adresse_{i}", f"Adresse {i}", (f"adresse ligne {i}",)) for i in range(1, 6)),
    Colonne("presence", "Réponse", ("presence",)),
    Colonne("pouvoir_a", "Pouvoir à", ("mandataire", "pouvoir donne a")),
    Colonne("emarge", "Émargé", ("a emarge", "signe")),
    Colonne("date_reponse", "Date de réponse", ("reponse recue le",)),
)
"""The columns a members' spreadsheet may have (``docs/reunions.md``)."""

ADRESSE: Final = tuple(f"adresse_{i}" for i in range(1, 6))
_DATES: Final = frozenset({"date_reponse"})
_BOOLEENS: Final = frozenset({"emarge", "membre"})
_MAX_LIGNES_AVANT_ENTETE: Final = 10
_FEUILLE_PREFEREE: Final = "membres"
_ORIGINE_EXCEL: Final = dt.date(1899, 12, 30)


def normaliser(texte: str) -> str:
    """A header or a value as compared: lower case, no accents, ``_``,
    ``-`` and runs of spaces as one space, no final ``(e)``.

    >>> normaliser("  Prénom ")
    'prenom'
    >>> normaliser("qualite_formules"), normaliser("E-mail"), normaliser("Excusé(e)")
    ('qualite formules', 'e mail', 'excuse')
    """
    decompose = unicodedata.normalize("NFKD", texte.strip().lower())
    sans_accent = "".join(c for c in decompose if not unicodedata.combining(c))
    sans_accent = sans_accent.replace("’", "'").removesuffix("(e)").removesuffix("(s)")
    return re.sub(r"[\s_\-]+", " ", sans_accent).strip()


_PAR_ENTETE: Final[dict[str, Colonne]] = {
    normaliser(nom): colonne
    for colonne in COLONNES
    for nom in (colonne.champ, colonne.entete, *colonne.alias)
}

#: Values typed in the sheet, normalised, and the value of the model.
VALEURS: Final[dict[str, dict[str, str]]] = {
    "civilite": {"m": "M.", "m.": "M.", "monsieur": "M.", "mme": "Mme", "madame": "Mme"},
    "siege": {
        "titulaire": "titulaire",
        "t": "titulaire",
        "suppleant": "suppleant",
        "s": "suppleant",
    },
    "presence": {
        "present": "present",
        "en personne": "present",
        "distance": "distance",
        "a distance": "distance",
        "visioconference": "distance",
        "excuse": "excuse",
        "absent": "absent",
        "supplee": "supplee",
        "represente par son suppleant": "supplee",
        "suppleant": "supplee",
        "pouvoir": "pouvoir",
        "donne pouvoir": "pouvoir",
        "mandat": "pouvoir",
    },
}
_OUI: Final = frozenset({"oui", "o", "x", "vrai", "true", "1"})
_NON: Final = frozenset({"non", "n", "faux", "false", "0"})


@dataclass(frozen=True)
class Ligne:
    """One row of the sheet, before validation."""

    numero: int
    """Its row number in the spreadsheet (1 is the first row)."""
    donnees: dict[str, Any]
    """The fields read (the address as a list of lines)."""
    colonnes_adresse: tuple[str, ...] = ()
    """The header of each address line kept, in order."""
    problemes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lecture:
    """What was read from a sheet."""

    feuille: str
    lignes: list[Ligne]
    entetes: dict[str, str]
    """The header typed in the sheet for each field read."""
    ignorees: list[str] = field(default_factory=list)
    """Headers of columns that are not in :data:`COLONNES` (reported)."""
    membres: list[Membre] = field(default_factory=list)

    def repere(self, ligne: Ligne, champ: str | None = None) -> str:
        """``feuille « Membres », ligne 12, colonne « Civilité »``."""
        ou = f"feuille « {self.feuille} », ligne {ligne.numero}"
        return f"{ou}, colonne « {self.entetes.get(champ, champ)} »" if champ else ou


# --- Reading the cells ------------------------------------------------------


def _cellules(chemin: Path) -> tuple[str, list[list[Any]]]:
    """The name of the sheet read and its rows of cell values (merged
    cells filled from their first cell)."""
    extension = chemin.suffix.lower()
    if not chemin.is_file():
        raise erreur("donnees.fichier_introuvable", chemin=chemin)
    verifier_taille_donnees(chemin)
    try:
        if extension in {".xlsx", ".xlsm"}:
            return _cellules_xlsx(chemin)
        if extension == ".ods":
            return _cellules_ods(chemin)
    except Exception as exc:  # the readers' own errors (zip, XML, calamine)
        raise erreur("donnees.tableur_illisible", chemin=chemin, raison=exc) from exc
    if extension == ".csv":
        texte = _texte_csv(chemin)
        lecteur = csv.reader(io.StringIO(texte, newline=""), delimiter=_separateur(texte))
        try:
            return chemin.stem, [list(r) for r in lecteur]
        except csv.Error as exc:
            raise erreur(
                "donnees.csv_mal_forme", chemin=chemin, ligne=lecteur.line_num, probleme=exc
            ) from exc
    raise erreur("donnees.tableur_extension", chemin=chemin, extension=chemin.suffix or "(aucune)")


def _choisir(noms: list[str]) -> str:
    """The sheet read: « Membres » when there is one, else the first.

    >>> _choisir(["Lisez-moi", "membres"]), _choisir(["Feuil1", "Feuil2"])
    ('membres', 'Feuil1')
    """
    return next((n for n in noms if normaliser(n) == _FEUILLE_PREFEREE), noms[0])


def _cellules_xlsx(chemin: Path) -> tuple[str, list[list[Any]]]:
    from openpyxl import load_workbook

    classeur = load_workbook(chemin, data_only=True)
    feuille = classeur[_choisir(classeur.sheetnames)]
    lignes = [list(r) for r in feuille.iter_rows(values_only=True)]
    for plage in feuille.merged_cells.ranges:
        _remplir(lignes, plage.min_row - 1, plage.min_col - 1, plage.max_row - 1, plage.max_col - 1)
    return feuille.title, lignes


def _cellules_ods(chemin: Path) -> tuple[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    classeur = CalamineWorkbook.from_path(str(chemin))
    nom = _choisir(list(classeur.sheet_names))
    feuille = classeur.get_sheet_by_name(nom)
    lignes = [list(r) for r in feuille.to_python(skip_empty_area=False)]
    fusions = feuille.merged_cell_ranges or _fusions_ods(chemin, nom)
    for (ligne0, colonne0), (ligne1, colonne1) in fusions:
        _remplir(lignes, ligne0, colonne0, ligne1, colonne1)
    return nom, lignes


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_MAX_REPETITIONS = 10_000  # a row "repeated" a million times to the end of the sheet


def _fusions_ods(chemin: Path, feuille: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged ranges of an ODS sheet (python-calamine gives them for
    XLSX only), read from ``content.xml``: cells with
    ``table:number-rows-spanned`` or ``-columns-spanned``."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(chemin) as paquet:
        contenu = paquet.read("content.xml")
    racine = etree.fromstring(contenu, etree.XMLParser(resolve_entities=False, no_network=True))
    t = f"{{{_ODS_TABLE}}}"
    fusions = []
    for table in racine.iter(f"{t}table"):
        if table.get(f"{t}name") != feuille:
            continue
        ligne = 0
        for rang in table.iter(f"{t}table-row"):
            colonne = 0
            for cellule in rang:
                if cellule.tag not in (f"{t}table-cell", f"{t}covered-table-cell"):
                    continue
                hauteur = int(cellule.get(f"{t}number-rows-spanned", "1"))
                largeur = int(cellule.get(f"{t}number-columns-spanned", "1"))
                if hauteur > 1 or largeur > 1:
                    fusions.append(((ligne, colonne), (ligne + hauteur - 1, colonne + largeur - 1)))
                colonne += min(
                    int(cellule.get(f"{t}number-columns-repeated", "1")), _MAX_REPETITIONS
                )
            ligne += min(int(rang.get(f"{t}number-rows-repeated", "1")), _MAX_REPETITIONS)
    return fusions


def _remplir(lignes: list[list[Any]], l0: int, c0: int, l1: int, c1: int) -> None:
    """Give the value of the first cell of a merged range to all its cells.

    >>> lignes = [["Collège A", "x"], [None, "y"], ["", "z"]]
    >>> _remplir(lignes, 0, 0, 2, 0)
    >>> [ligne[0] for ligne in lignes]
    ['Collège A', 'Collège A', 'Collège A']
    """
    if l0 >= len(lignes) or c0 >= len(lignes[l0]):
        return
    valeur = lignes[l0][c0]
    for ligne in lignes[l0 : l1 + 1]:
        for colonne in range(c0, min(c1 + 1, len(ligne))):
            ligne[colonne] = valeur


# --- The header --------------------------------------------------------------


def _vide(valeur: Any) -> bool:
    return valeur is None or (isinstance(valeur, str) and not valeur.strip())


def _trouver_entete(lignes: list[list[Any]]) -> int | None:
    """The index of the header row: the first of the first ten rows naming
    at least two known columns."""
    for index, cellules in enumerate(lignes[:_MAX_LIGNES_AVANT_ENTETE]):
        connues = [c for c in cellules if isinstance(c, str) and normaliser(c) in _PAR_ENTETE]
        if len(connues) >= 2:
            return index
    return None


def _colonnes(
    chemin: Path, feuille: str, numero: int, entete: list[Any], requis: Iterable[str]
) -> tuple[dict[int, Colonne], dict[str, str], list[str]]:
    """The known column of each cell index, the header typed for each
    field, the unknown headers; an error for a duplicate or missing column."""
    colonnes: dict[int, Colonne] = {}
    entetes: dict[str, str] = {}
    ignorees: list[str] = []
    doubles: list[str] = []
    for index, cellule in enumerate(entete):
        if _vide(cellule):
            continue
        texte = str(cellule).strip()
        colonne = _PAR_ENTETE.get(normaliser(texte))
        if colonne is None:
            ignorees.append(texte)
        elif colonne.champ in entetes:
            doubles.append(texte)
        else:
            colonnes[index] = colonne
            entetes[colonne.champ] = texte
    problemes = [f"colonne en double : « {d} »" for d in doubles]
    problemes += [f"colonne « {_entete_de(c)} » absente" for c in requis if c not in entetes]
    if "nom" not in entetes and "fonction" not in entetes:
        problemes.append("ni colonne « Nom » ni colonne « Fonction »")
    if problemes:
        raise erreur(
            "donnees.tableur_entete",
            chemin=chemin,
            feuille=feuille,
            ligne=numero,
            problemes=" ; ".join(problemes),
            colonnes=", ".join(c.entete for c in COLONNES),
        )
    return colonnes, entetes, ignorees


def _entete_de(champ: str) -> str:
    return next(c.entete for c in COLONNES if c.champ == champ)


# --- The values --------------------------------------------------------------


def _valeur(champ: str, brute: Any) -> Any:
    """A cell value as the model expects it for ``champ``.

    >>> _valeur("date_reponse", 45000), _valeur("date_reponse", "03/03/2023")
    (datetime.date(2023, 3, 15), datetime.date(2023, 3, 3))
    >>> _valeur("telephone", 470483074), _valeur("civilite", "Madame"), _valeur("emarge", "x")
    ('0470483074', 'Mme', True)
    """
    if champ in _DATES:
        return _date(brute)
    if isinstance(brute, bool):
        return brute
    if isinstance(brute, (dt.datetime, dt.date)):
        jour = brute.date() if isinstance(brute, dt.datetime) else brute
        return jour.strftime("%d/%m/%Y")
    if isinstance(brute, float) and brute.is_integer():
        brute = int(brute)
    texte = str(brute).strip()
    if champ == "telephone" and isinstance(brute, int) and len(texte) == 9:
        return "0" + texte  # typed as a number: the leading zero was dropped
    if champ in _BOOLEENS:
        cle = normaliser(texte)
        return True if cle in _OUI else False if cle in _NON else texte
    return VALEURS.get(champ, {}).get(normaliser(texte), texte)


def _date(brute: Any) -> Any:
    if isinstance(brute, dt.datetime):
        return brute.date()
    if isinstance(brute, (dt.date, bool)):
        return brute
    if isinstance(brute, (int, float)):
        return _ORIGINE_EXCEL + dt.timedelta(days=int(brute))
    texte = str(brute).strip()
    trouve = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", texte)
    if trouve:
        jour, mois, annee = (int(g) for g in trouve.groups())
        try:
            return dt.date(annee, mois, jour)
        except ValueError:
            return texte
    return texte


def _ligne(numero: int, cellules: list[Any], colonnes: dict[int, Colonne]) -> Ligne | None:
    donnees: dict[str, Any] = {}
    adresse: dict[str, Any] = {}
    for index, colonne in colonnes.items():
        brute = cellules[index] if index < len(cellules) else None
        if _vide(brute):
            continue
        valeur = _valeur(colonne.champ, brute)
        (adresse if colonne.champ in ADRESSE else donnees)[colonne.champ] = valeur
    if not donnees and not adresse:
        return None
    gardees = tuple(c for c in ADRESSE if c in adresse)
    if gardees:
        donnees["adresse"] = [str(adresse[c]) for c in gardees]
    return Ligne(numero, donnees, gardees)


def lire_lignes(chemin: Path, requis: Iterable[str] = ("civilite",)) -> Lecture:
    """The rows of the sheet as fields, not validated; ``requis``: the
    columns that must be there."""
    feuille, lignes = _cellules(chemin)
    index = _trouver_entete(lignes)
    if index is None:
        raise erreur("donnees.tableur_sans_entete", chemin=chemin, feuille=feuille)
    colonnes, entetes, ignorees = _colonnes(chemin, feuille, index + 1, lignes[index], requis)
    lues = [
        ligne
        for numero, cellules in enumerate(lignes[index + 1 :], start=index + 2)
        if (ligne := _ligne(numero, cellules, colonnes)) is not None
    ]
    if not lues:
        raise erreur("donnees.tableur_vide", chemin=chemin, feuille=feuille)
    return Lecture(feuille, lues, entetes, ignorees)


def lire_membres(chemin: Path, echecs: list[str] | None = None) -> Lecture:
    """The members listed in the spreadsheet ``chemin``, validated
    (:attr:`Lecture.membres`), in the order of the sheet.

    Raises :class:`~courriers.erreurs.ErreurDonnees` listing every problem
    of every row, located by sheet, row and column; with ``echecs`` (for
    ``--continuer``), the invalid rows are set aside and their problems
    added to it instead.
    """
    lecture = lire_lignes(chemin)
    membres, problemes = valider_lignes(lecture, Membre)
    if problemes and echecs is not None:
        echecs.extend(f"{chemin}, {probleme}" for probleme in problemes)
    elif problemes:
        en_erreur = len({p.split(", colonne")[0].split(" : ")[0] for p in problemes})
        raise erreur(
            "donnees.tableur_non_conformes",
            chemin=chemin,
            erreurs=f"{len(problemes)} erreur{'s' if len(problemes) > 1 else ''}",
            lignes=f"{en_erreur} ligne{'s' if en_erreur > 1 else ''}",
            total=len(lecture.lignes),
            detail="\n".join(f"  - {p}" for p in problemes),
        )
    return Lecture(lecture.feuille, lecture.lignes, lecture.entetes, lecture.ignorees, membres)


def valider_lignes(lecture: Lecture, classe: type[M]) -> tuple[list[M], list[str]]:
    """Each row validated as ``classe``; the problems located by sheet, row
    and column."""
    valides: list[M] = []
    problemes: list[str] = []
    for ligne in lecture.lignes:
        try:
            valides.append(classe.model_validate(ligne.donnees))
        except ValidationError as exc:
            problemes.extend(_probleme(lecture, ligne, e) for e in exc.errors(include_url=False))
    return valides, problemes


def _probleme(lecture: Lecture, ligne: Ligne, detail: Any) -> str:
    loc = tuple(detail["loc"])
    champ: str | None = str(loc[0]) if loc else None
    if champ == "adresse":
        rang = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else 0
        champ = ligne.colonnes_adresse[rang] if rang < len(ligne.colonnes_adresse) else "adresse_1"
    recu = detail.get("input")
    suite = (
        ""
        if detail["type"] == "missing" or isinstance(recu, (dict, list))
        else f" ; reçu : « {recu} »"
    )
    return f"{lecture.repere(ligne, champ)} : {attendu(detail)}{suite}"
