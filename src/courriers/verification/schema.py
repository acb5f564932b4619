"""The rules of a document type: the variables a template may use, typed
from the Pydantic models and the computed variables, the attributes of
those types, and suggestions for a misspelt name."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Annotated, Any, Union, get_args, get_origin

from jinja2.runtime import LoopContext
from pydantic import BaseModel

from courriers.moteur.bac_a_sable import ATTRIBUTS_PERMIS, BacASable, attributs_permis
from courriers.moteur.donnees_gabarit import DonneesGabarit
from courriers.moteur.environnement import environnement
from courriers.moteur.prepare import IMAGES_SIGNATURE
from courriers.registre import TYPES


@dataclass(frozen=True, eq=False)
class _Espace:
    """A computed variable holding others (``formules`` of ``formules.appel``)."""

    nom: str
    attributs: dict[str, Any]


@dataclass(frozen=True)
class _Regles:
    """What a template of one document type may use."""

    env: BacASable
    racines: Mapping[str, Any]
    libelle: str


def _regles(code_type: str) -> _Regles:
    """The names a template of ``code_type`` may use, and its environment."""
    if code_type not in TYPES:
        raise ValueError(f"type de document inconnu « {code_type} » ; types : {', '.join(TYPES)}")
    type_document = TYPES[code_type]
    env = environnement()
    racines: dict[str, Any] = {nom: None for nom in env.globals}
    racines |= {"loop": LoopContext, "image_marianne": None, IMAGES_SIGNATURE: None}
    racines |= {nom: champ.annotation for nom, champ in type_document.classe.model_fields.items()}
    racines |= _variables_calculees(type_document.variables_calculees)
    return _Regles(env, racines, type_document.libelle)


def _variables_calculees(calculees: Iterable[tuple[str, Any, str]]) -> dict[str, Any]:
    """The computed variables by root name: ``formules.appel`` gives a
    root ``formules`` whose attributes are ``appel``…"""
    racines: dict[str, Any] = {}
    for nom, annotation, _description in calculees:
        *chemin, dernier = nom.split(".")
        niveau = racines
        for morceau in chemin:
            espace = niveau.get(morceau)
            if not isinstance(espace, _Espace):
                espace = niveau[morceau] = _Espace(morceau, {})
            niveau = espace.attributs
        niveau[dernier] = annotation
    return racines


def _deballer(annotation: Any) -> Any:
    """``X`` for ``X | None`` and ``Annotated[X, …]``; None (not checked)
    for a union of several types or a description in words."""
    origine = get_origin(annotation)
    if origine is Annotated:
        return _deballer(get_args(annotation)[0])
    if origine is Union or origine is types.UnionType:
        autres = [a for a in get_args(annotation) if a is not type(None)]
        return _deballer(autres[0]) if len(autres) == 1 else None
    return None if isinstance(annotation, str) else annotation


def _element(annotation: Any) -> Any:
    """The type of the elements of a list type (None when unknown)."""
    sorte = _deballer(annotation)
    arguments = get_args(sorte)
    if get_origin(sorte) in (list, tuple, set, frozenset) and arguments:
        return _deballer(arguments[0])
    return None


def _membres(annotation: Any) -> tuple[str, Mapping[str, Any]] | None:
    """(name for messages, attribute → type) of a type whose attributes are
    checked; None for scalars and unknown types."""
    sorte = _deballer(annotation)
    if isinstance(sorte, _Espace):
        return f"« {sorte.nom} »", sorte.attributs
    if sorte is LoopContext:
        return "« loop »", dict.fromkeys(attributs_permis(LoopContext) or ())
    if get_origin(sorte) in (list, tuple, set, frozenset) or sorte in (list, tuple, set, frozenset):
        return "une liste", {}
    if isinstance(sorte, type) and issubclass(sorte, BaseModel):
        return sorte.__name__, _membres_modele(sorte)
    if isinstance(sorte, type) and dataclasses.is_dataclass(sorte):
        return sorte.__name__, {c.name: c.type for c in dataclasses.fields(sorte)}
    if isinstance(sorte, type) and issubclass(sorte, PurePath):
        sorte = str  # a path is handed to templates as its text
    if sorte in _SCALAIRES:
        return _SCALAIRES[sorte], dict.fromkeys(attributs_permis(sorte) or ())
    return None


@functools.cache
def mecanismes() -> frozenset[str]:
    """Names of Python mechanisms (methods of models, paths, mappings…)
    that are never data: refused even on a value whose type the checker
    does not know, unless some model has a field of that name."""
    classes = (BaseModel, Path, DonneesGabarit, dict, tuple, str, dt.datetime)
    noms = {n for classe in classes for n in dir(classe)}
    permis = {n for _classe, autorises in ATTRIBUTS_PERMIS for n in autorises}
    return frozenset(noms - permis - _noms_de_champs())


def _noms_de_champs() -> set[str]:
    noms: set[str] = set()
    a_voir: list[Any] = [t.classe for t in TYPES.values()]
    vus: set[Any] = set()
    while a_voir:
        sorte = a_voir.pop()
        if sorte in vus or not (isinstance(sorte, type) and issubclass(sorte, BaseModel)):
            continue
        vus.add(sorte)
        for nom, champ in sorte.model_fields.items():
            noms.add(nom)
            a_voir.extend(_types_dans(champ.annotation))
    return noms


def _types_dans(annotation: Any) -> list[Any]:
    return [annotation, *(t for a in get_args(annotation) for t in _types_dans(a))]


#: The plain types a template sees, for messages; their attributes are
#: those the sandbox allows (``bac_a_sable.ATTRIBUTS_PERMIS``).
_SCALAIRES: dict[Any, str] = {
    str: "un texte",
    int: "un nombre",
    float: "un nombre",
    bool: "un booléen",
    dt.date: "une date",
    dt.datetime: "une date et heure",
    dt.time: "une heure",
}


@functools.cache
def _membres_modele(classe: type[BaseModel]) -> dict[str, Any]:
    """The fields of a model with their types: all a template sees of it
    (plain data, ``moteur/donnees_gabarit.py``); no method, no property."""
    return {nom: champ.annotation for nom, champ in classe.model_fields.items()}


def _suggestion(nom: str, possibles: Iterable[str], quoi: str) -> str:
    """`` ; vouliez-vous dire « x » ?`` or the list of what exists."""
    candidats = sorted(set(possibles))
    proches = difflib.get_close_matches(nom, candidats, n=1, cutoff=0.6)
    if proches:
        return f" ; vouliez-vous dire « {proches[0]} » ?"
    if not candidats or len(candidats) > 20:
        return ""
    return f" ; {quoi} : {', '.join(candidats)}"
