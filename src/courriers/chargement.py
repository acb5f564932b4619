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

from courriers.erreurs import ErreurDonnees
from courriers.limites import verifier_taille_donnees

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
        raise ErreurDonnees(f"{chemin} : fichier introuvable") from exc
    except UnicodeDecodeError as exc:
        raise ErreurDonnees(
            f"{chemin} : le fichier n'est pas en UTF-8 (octet {exc.start})"
        ) from exc
    except OSError as exc:
        raise ErreurDonnees(f"{chemin} : lecture impossible ({exc.strerror})") from exc
    if chemin.suffix.lower() in {".yaml", ".yml"}:
        return _lire_yaml(chemin, texte)
    return _lire_json(chemin, texte)


def _lire_json(chemin: Path, texte: str) -> Any:
    try:
        return json.loads(texte)
    except json.JSONDecodeError as exc:
        raise ErreurDonnees(
            f"{chemin}, ligne {exc.lineno}, colonne {exc.colno} : JSON mal formé "
            f"({_json_en_francais(exc.msg)})"
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


def _lire_yaml(chemin: Path, texte: str) -> Any:
    try:
        return yaml.safe_load(texte)
    except yaml.MarkedYAMLError as exc:
        marque = exc.problem_mark
        ou = f"ligne {marque.line + 1}, colonne {marque.column + 1}" if marque else "?"
        raise ErreurDonnees(f"{chemin}, {ou} : YAML mal formé ({exc.problem})") from exc
    except yaml.YAMLError as exc:
        raise ErreurDonnees(f"{chemin} : YAML mal formé ({exc})") from exc


def valider(donnees: Any, classe: type[M], origine: str) -> M:
    """``donnees`` validated as ``classe``; all problems reported at once."""
    try:
        return classe.model_validate(donnees)
    except ValidationError as exc:
        lignes = [_message(e) for e in exc.errors(include_url=False)]
        pluriel = "s" if len(lignes) > 1 else ""
        raise ErreurDonnees(
            f"{origine} : {len(lignes)} erreur{pluriel} de données\n"
            + "\n".join(f"  - {ligne}" for ligne in lignes)
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


def _message(erreur: Any) -> str:
    ou = chemin_du_champ(tuple(erreur["loc"]))
    type_ = erreur["type"]
    if type_ == "literal_error":
        attendu = _valeurs_permises(erreur["ctx"]["expected"])
    elif type_ == "value_error":
        attendu = str(erreur["ctx"]["error"])
    else:
        attendu = _ATTENDUS.get(type_, erreur["msg"])
    recu = erreur.get("input")
    if type_ in {"missing", "extra_forbidden"} or isinstance(recu, (dict, list)):
        return f"{ou} : {attendu}"
    return f"{ou} : {attendu} ; reçu : {json.dumps(recu, ensure_ascii=False, default=str)}"


def _valeurs_permises(attendu: str) -> str:
    """Pydantic's ``'M.' or 'Mme'`` as ``« M. » ou « Mme »``."""
    valeurs = [v.strip().strip("'") for v in attendu.replace(" or ", ",").split(",")]
    return "valeur attendue parmi : " + ", ".join(f"« {v} »" for v in valeurs if v)
