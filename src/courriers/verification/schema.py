"""The rules of a document type: the variables a template may use, typed
from the Pydantic models and the computed variables, the attributes of
those types, and suggestions for a misspelt name."""

from __future__ import annotations

import difflib
import functools
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from courriers.moteur.environnement import environnement
from courriers.registre import TYPES


@dataclass(frozen=True, eq=False)
class _Espace:
    """A computed variable holding others (``formules`` of ``formules.appel``)."""

    nom: str
    attributs: dict[str, Any]


@dataclass(frozen=True)
class _Regles:
    """What a template of one document type may use."""

    env: SandboxedEnvironment
    racines: Mapping[str, Any]
    libelle: str


def _regles(code_type: str) -> _Regles:
    """The names a template of ``code_type`` may use, and its environment."""
    if code_type not in TYPES:
        raise ValueError(f"type de document inconnu « {code_type} » ; types : {', '.join(TYPES)}")
    type_document = TYPES[code_type]
    env = environnement()
    racines: dict[str, Any] = {nom: None for nom in env.globals}
    racines |= {"loop": LoopContext, "image_marianne": None}
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
        return "« loop »", _publics(LoopContext)
    if sorte is list or get_origin(sorte) is list:
        return "une liste", _publics(list)
    if isinstance(sorte, type) and issubclass(sorte, BaseModel):
        return sorte.__name__, _membres_modele(sorte)
    return None


@functools.cache
def _publics(classe: type) -> dict[str, Any]:
    """The public attributes of a Python class."""
    return {nom: None for nom in dir(classe) if not nom.startswith("_")}


@functools.cache
def _membres_modele(classe: type[BaseModel]) -> dict[str, Any]:
    """The fields of a model (with their types) and the public methods and
    properties its own classes define (``ligne_nom``)."""
    membres = {nom: champ.annotation for nom, champ in classe.model_fields.items()}
    for ancetre in classe.__mro__:
        if ancetre is BaseModel:
            break
        for nom in vars(ancetre):
            if not nom.startswith(("_", "model_")):
                membres.setdefault(nom, None)
    return membres


def _suggestion(nom: str, possibles: Iterable[str], quoi: str) -> str:
    """`` ; vouliez-vous dire « x » ?`` or the list of what exists."""
    candidats = sorted(set(possibles))
    proches = difflib.get_close_matches(nom, candidats, n=1, cutoff=0.6)
    if proches:
        return f" ; vouliez-vous dire « {proches[0]} » ?"
    if not candidats or len(candidats) > 20:
        return ""
    return f" ; {quoi} : {', '.join(candidats)}"
