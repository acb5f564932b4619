"""Reading a data file (JSON or YAML) into a validated document.

Every failure becomes an :class:`ErreurDonnees` whose French message says
what is wrong, where (line and column, or the path of the field) and what
was expected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from courriers.lecture import chemin_du_champ, lire_json, lire_yaml
from courriers.limites import verifier_taille_donnees
from courriers.messages import erreur
from courriers.systeme import raison

__all__ = ["chemin_du_champ", "lire", "valider"]

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
    "int_from_float": "nombre entier attendu (sans partie décimale)",
    "int_parsing_size": "nombre entier démesuré",
    "finite_number": "nombre fini attendu (pas l'infini ni NaN)",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "string_too_long": "texte trop long",
    "too_long": "liste trop longue",
    "recursion_loop": "données qui se contiennent elles-mêmes",
}

#: Pydantic's reasons for a date or time it cannot read, in French.
_RAISONS_DATE = {
    "day value is outside expected range": "ce jour n'existe pas dans ce mois",
    "month value is outside expected range of 1-12": "mois entre 1 et 12 attendu",
    "hour value is outside expected range of 0-23": "heure entre 0 et 23 attendue",
    "minute value is outside expected range of 0-59": "minutes entre 0 et 59 attendues",
    "second value is outside expected range of 0-59": "secondes entre 0 et 59 attendues",
}
_BORNES = {
    "greater_than_equal": ("ge", "supérieur ou égal à"),
    "greater_than": ("gt", "supérieur à"),
    "less_than_equal": ("le", "inférieur ou égal à"),
    "less_than": ("lt", "inférieur à"),
}


def lire(chemin: Path) -> Any:
    """The raw data of a JSON or YAML file (by its extension), bounded and
    checked by :mod:`courriers.lecture`; a byte order mark is accepted."""
    verifier_taille_donnees(chemin)
    try:
        texte = chemin.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise erreur("donnees.fichier_introuvable", chemin=chemin) from exc
    except UnicodeDecodeError as exc:
        raise erreur("donnees.pas_utf8", chemin=chemin, octet=exc.start) from exc
    except OSError as exc:
        raise erreur("donnees.lecture_impossible", chemin=chemin, raison=raison(exc)) from exc
    try:
        if chemin.suffix.lower() in {".yaml", ".yml"}:
            return lire_yaml(chemin, texte)
        return lire_json(chemin, texte)
    except RecursionError as exc:
        raise erreur("donnees.trop_imbrique", chemin=chemin) from exc


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


def attendu(probleme: Any) -> str:
    """What one Pydantic error (an item of ``errors()``) expected, in French."""
    type_ = probleme["type"]
    if type_ == "literal_error":
        return _valeurs_permises(probleme["ctx"]["expected"])
    if type_ == "value_error":
        return str(probleme["ctx"]["error"])
    return _attendu(type_, probleme.get("ctx") or {}, probleme.get("input"))


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


def _attendu(type_: str, ctx: dict[str, Any], recu: Any) -> str:
    """What Pydantic expected, in French: never its English message.

    >>> _attendu("date_from_datetime_parsing",
    ...          {"error": "day value is outside expected range"}, "2022-02-30")
    "la date 2022-02-30 n'existe pas (ce jour n'existe pas dans ce mois)"
    >>> _attendu("greater_than_equal", {"ge": 1}, 0)
    'nombre supérieur ou égal à 1 attendu'
    >>> _attendu("nouveau_type", {}, 0)
    'valeur refusée (erreur de validation « nouveau_type »)'
    """
    raison_date = _RAISONS_DATE.get(str(ctx.get("error", "")))
    if raison_date and type_.startswith("date") and isinstance(recu, str):
        return f"la date {recu} n'existe pas ({raison_date})"
    if raison_date and type_.startswith("time"):
        return f"heure au format HH:MM attendue ({raison_date})"
    if type_ in _BORNES:
        cle, comparaison = _BORNES[type_]
        return f"nombre {comparaison} {ctx.get(cle)} attendu"
    if type_ in ("too_short", "string_too_short"):
        return f"au moins {ctx.get('min_length')} élément(s) attendu(s)"
    return _ATTENDUS.get(type_, f"valeur refusée (erreur de validation « {type_} »)")
