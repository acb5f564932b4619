"""Walking the Jinja tree of a tag: names, attributes and filters checked
against the variables visible at its place, and the names a tag defines."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import nodes

from courriers.verification.problemes import Genre
from courriers.verification.schema import _element, _membres, _Regles, _suggestion


def _cibles(cible: nodes.Node) -> list[str]:
    """The names a ``for`` or ``set`` target defines."""
    if isinstance(cible, nodes.Name):
        return [cible.name]
    if isinstance(cible, nodes.Tuple):
        return [nom for element in cible.items for nom in _cibles(element)]
    return []


def _noms_ecrits(corps: str) -> list[str]:
    """The names a block tag Jinja cannot parse seems to define (``for x,
    y in``, ``set x``, ``macro f(a, b)``), so that its variables are not
    reported again as unknown."""
    mot, _, reste = corps.partition(" ")
    motifs = {
        "for": r"^(.*?)\bin\b",
        "set": r"^([^=|]*)",
        "macro": r"^(.*)",
        "call": r"^(.*)",
        "with": r"(\w+)\s*=",
    }
    motif = motifs.get(mot)
    if motif is None:
        return []
    trouve = " ".join(re.findall(motif, reste))
    return re.findall(r"[A-Za-z_]\w*", trouve)


class _Controle:
    """Checks the names, attributes and filters of a Jinja expression or
    statement, given the variables visible at its place."""

    def __init__(self, regles: _Regles, visibles: Sequence[Mapping[str, Any]]) -> None:
        self.regles = regles
        self.visibles = visibles
        self.trouves: list[tuple[Genre, str]] = []

    def _signaler(self, genre: Genre, message: str) -> None:
        """Record a problem once."""
        if (genre, message) not in self.trouves:
            self.trouves.append((genre, message))

    def type_de(self, noeud: nodes.Node) -> Any:
        """Check ``noeud`` and everything in it; its type when known."""
        if isinstance(noeud, nodes.Name):
            return self._nom(noeud.name) if noeud.ctx == "load" else None
        if isinstance(noeud, nodes.NSRef):
            return self._nom(noeud.name)
        if isinstance(noeud, nodes.Getattr):
            return self._attribut(noeud.node, noeud.attr)
        if isinstance(noeud, nodes.Getitem):
            return self._indice(noeud)
        for enfant in noeud.iter_child_nodes():
            self.type_de(enfant)
        if isinstance(noeud, nodes.Filter):
            self._filtre(noeud.name, self.regles.env.filters, "filtre")
        elif isinstance(noeud, nodes.Test):
            self._filtre(noeud.name, self.regles.env.tests, "test")
        return None

    def _nom(self, nom: str) -> Any:
        """The type of a variable, or a problem when it does not exist."""
        for portee in reversed(self.visibles):
            if nom in portee:
                return portee[nom]
        globales = {*self.regles.env.globals, "loop"}
        possibles = {n for portee in self.visibles for n in portee if n not in globales}
        self._signaler(
            "variable_inconnue",
            f"variable inconnue « {nom} » : ce n'est pas une variable des modèles de "
            f"{self.regles.libelle}" + _suggestion(nom, possibles, "variables"),
        )
        return None

    def _attribut(self, base: nodes.Node, attribut: str) -> Any:
        """The type of an attribute, or a problem when it does not exist."""
        membres = _membres(self.type_de(base))
        if attribut.startswith("_"):  # refused by the sandbox, whatever the type
            self._signaler(
                "variable_inconnue",
                f"variable inconnue « {_chemin(base)}.{attribut} » : accès interdit à "
                f"« {attribut} » : les modèles ne peuvent pas atteindre les mécanismes "
                "internes de Python",
            )
            return None
        if membres is None:
            return None
        quoi, attributs = membres
        if attribut in attributs:
            return attributs[attribut]
        chemin = f"{_chemin(base)}.{attribut}"
        if quoi == "une liste":
            explication = (
                f"« {_chemin(base)} » est une liste, sans « {attribut} » ; parcourez-la avec "
                f"« {{%p for element in {_chemin(base)} %}} » et écrivez « element.{attribut} »"
            )
        else:
            explication = f"« {attribut} » n'existe pas dans {quoi}" + _suggestion(
                attribut, attributs, "attributs"
            )
        self._signaler("variable_inconnue", f"variable inconnue « {chemin} » : {explication}")
        return None

    def _indice(self, noeud: nodes.Getitem) -> Any:
        """``x['nom']`` (an attribute for Jinja) or ``x[0]`` (an element)."""
        cle = noeud.arg
        if isinstance(cle, nodes.Const) and isinstance(cle.value, str):
            return self._attribut(noeud.node, cle.value)
        base = self.type_de(noeud.node)
        self.type_de(cle)
        return base if isinstance(cle, nodes.Slice) else _element(base)

    def _filtre(self, nom: str, connus: Mapping[str, Any], quoi: str) -> None:
        """A problem when the filter (or test) ``nom`` does not exist."""
        if nom not in connus:
            self._signaler(
                "filtre_inconnu",
                f"{quoi} inconnu « {nom} »"
                + _suggestion(nom, connus, f"{quoi}s")
                + (" (catalogue : docs/modeles-docx.md)" if quoi == "filtre" else ""),
            )


def _chemin(noeud: nodes.Node) -> str:
    """``reunion.president`` for the expression of an attribute."""
    if isinstance(noeud, nodes.Name):
        return noeud.name
    if isinstance(noeud, nodes.Getattr):
        return f"{_chemin(noeud.node)}.{noeud.attr}"
    if isinstance(noeud, nodes.Getitem) and isinstance(noeud.arg, nodes.Const):
        return f"{_chemin(noeud.node)}[{noeud.arg.value!r}]"
    return "…"
