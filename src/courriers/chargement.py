"""Reading a data file (JSON or YAML) into a validated document.

Every failure becomes an :class:`ErreurDonnees` whose French message says
what is wrong, where (line and column, or the path of the field) and what
was expected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from courriers.limites import verifier_taille_donnees
from courriers.messages import erreur

M = TypeVar("M", bound=BaseModel)

#: What Pydantic's error types mean, in French.
_ATTENDUS: dict[str, str] = {
    "missing": "champ obligatoire absent",
    "extra_forbidden": "champ inconnu : ce champ n'existe pas dans le modèle de données "
    "(faute de frappe ?)",
    "string_type": "texte attendu",
    "bool_type": "booléen attendu (true ou false)",
    "bool_parsing": "booléen attendu (true ou false)",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "list_type": "liste attendue (entre crochets [ ])",
    "dict_type": "objet attendu (entre accolades { })",
    "model_type": "objet attendu (entre accolades { })",
    "model_attributes_type": "objet attendu (entre accolades { })",
    "date_type": "date attendue au format AAAA-MM-JJ (2022-02-28)",
    "date_parsing": "date attendue au format AAAA-MM-JJ (2022-02-28)",
    "date_from_datetime_parsing": "date attendue au format AAAA-MM-JJ (2022-02-28)",
    "date_from_datetime_inexact": "date sans heure attendue, au format AAAA-MM-JJ",
    "time_type": "heure attendue au format HH:MM (10:30)",
    "time_parsing": "heure attendue au format HH:MM (10:30)",
    "path_type": "chemin de fichier attendu",
}


def lire(chemin: Path) -> Any:
    """The raw data of a JSON or YAML file (by its extension)."""
    verifier_taille_donnees(chemin)
    try:
        texte = chemin.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise erreur("donnees.fichier_introuvable", chemin=chemin) from exc
    except UnicodeDecodeError as exc:
        raise erreur("donnees.pas_utf8", chemin=chemin, octet=exc.start) from exc
    except OSError as exc:
        raise erreur("donnees.lecture_impossible", chemin=chemin, raison=exc.strerror) from exc
    try:
        if chemin.suffix.lower() in {".yaml", ".yml"}:
            return _lire_yaml(chemin, texte)
        return _lire_json(chemin, texte)
    except RecursionError as exc:
        raise erreur("donnees.trop_imbrique", chemin=chemin) from exc


def _lire_json(chemin: Path, texte: str) -> Any:
    try:
        return json.loads(texte)
    except json.JSONDecodeError as exc:
        raise erreur(
            "donnees.json_mal_forme",
            chemin=chemin,
            ligne=exc.lineno,
            colonne=exc.colno,
            probleme=_json_en_francais(exc.msg),
        ) from exc


def _json_en_francais(message: str) -> str:
    traductions = {
        "Expecting ',' delimiter": "virgule attendue",
        "Expecting ':' delimiter": "deux-points attendu",
        "Expecting value": "valeur attendue",
        "Expecting property name enclosed in double quotes": "nom de champ entre "
        "guillemets droits attendu (virgule en trop ?)",
        "Unterminated string starting at": "texte non terminé (guillemet fermant manquant)",
        "Extra data": "données en trop après la fin",
        "Invalid control character at": "caractère de contrôle interdit dans un texte",
        "Invalid \\escape": "séquence d'échappement invalide",
    }
    return traductions.get(message, message)


#: PyYAML's messages for a date that does not exist, in French.
_VALEURS_YAML = {
    "day is out of range for month": "ce jour n'existe pas dans ce mois",
    "month must be in 1..12": "mois entre 1 et 12 attendu",
}


def _lire_yaml(chemin: Path, texte: str) -> Any:
    try:
        return yaml.safe_load(texte)
    except yaml.MarkedYAMLError as exc:
        marque = exc.problem_mark
        if marque is None:
            raise erreur("donnees.yaml_illisible", chemin=chemin, probleme=exc.problem) from exc
        raise erreur(
            "donnees.yaml_mal_forme",
            chemin=chemin,
            ligne=marque.line + 1,
            colonne=marque.column + 1,
            probleme=exc.problem,
        ) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, before parsing
        debut_de_ligne = texte.rfind("\n", 0, exc.position) + 1
        raise erreur(
            "donnees.yaml_mal_forme",
            chemin=chemin,
            ligne=texte.count("\n", 0, exc.position) + 1,
            colonne=exc.position - debut_de_ligne + 1,
            probleme=f"caractère interdit U+{exc.character:04X}",
        ) from exc
    except yaml.YAMLError as exc:
        raise erreur("donnees.yaml_illisible", chemin=chemin, probleme=exc) from exc
    except (ValueError, AttributeError) as exc:  # let through by PyYAML's constructors
        detail = _VALEURS_YAML.get(str(exc), str(exc)) if isinstance(exc, ValueError) else ""
        probleme = f"valeur illisible : {detail}" if detail else "valeur illisible"
        raise erreur("donnees.yaml_illisible", chemin=chemin, probleme=probleme) from exc


def valider(donnees: Any, classe: type[M], origine: str) -> M:
    """``donnees`` validated as ``classe``; all problems reported at once."""
    try:
        return classe.model_validate(donnees)
    except ValidationError as exc:
        lignes = [_message(e) for e in exc.errors(include_url=False)]
        raise erreur(
            "donnees.non_conformes",
            origine=origine,
            erreurs=f"{len(lignes)} erreur{'s' if len(lignes) > 1 else ''}",
            detail="\n".join(f"  - {ligne}" for ligne in lignes),
        ) from exc


def chemin_du_champ(loc: tuple[str | int, ...]) -> str:
    """``reunion.presents[0].participants[3].civilite``.

    >>> chemin_du_champ(("reunion", "presents", 0, "participants", 3, "civilite"))
    'reunion.presents[0].participants[3].civilite'
    >>> chemin_du_champ(())
    '(document)'
    """
    chemin = ""
    for partie in loc:
        chemin += f"[{partie}]" if isinstance(partie, int) else f".{partie}"
    return chemin.lstrip(".") or "(document)"


def attendu(probleme: Any) -> str:
    """What one Pydantic error (an item of ``errors()``) expected, in French."""
    type_ = probleme["type"]
    if type_ == "literal_error":
        return _valeurs_permises(probleme["ctx"]["expected"])
    if type_ == "value_error":
        return str(probleme["ctx"]["error"])
    return _ATTENDUS.get(type_, str(probleme["msg"]))


def _message(probleme: Any) -> str:
    ou = chemin_du_champ(tuple(probleme["loc"]))
    type_ = probleme["type"]
    attendu_ = attendu(probleme)
    recu = probleme.get("input")
    if type_ in {"missing", "extra_forbidden"} or isinstance(recu, (dict, list)):
        return f"{ou} : {attendu_}"
    return f"{ou} : {attendu_} ; reçu : {json.dumps(recu, ensure_ascii=False, default=str)}"


def _valeurs_permises(attendu: str) -> str:
    """Pydantic's ``'M.' or 'Mme'`` as ``« M. » ou « Mme »``."""
    valeurs = [v.strip().strip("'") for v in attendu.replace(" or ", ",").split(",")]
    return "valeur attendue parmi : " + ", ".join(f"« {v} »" for v in valeurs if v)
