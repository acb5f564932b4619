"""Walking the Jinja tree of a tag: names, attributes and filters checked
against the variables visible at its place, and the names a tag defines."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import nodes

from courriers.moteur.bac_a_sable import LimiteDepassee, verifier_operation
from courriers.verification.problemes import Genre
from courriers.verification.schema import (
    _deballer,
    _element,
    _membres,
    _Regles,
    _suggestion,
    mecanismes,
)


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
        if isinstance(noeud, nodes.Const):
            return type(noeud.value) if isinstance(noeud.value, str) else None
        if isinstance(noeud, nodes.NSRef):
            return self._nom(noeud.name)
        if isinstance(noeud, nodes.Getattr):
            return self._attribut(noeud.node, noeud.attr)
        if isinstance(noeud, nodes.Getitem):
            return self._indice(noeud)
        if isinstance(noeud, nodes.Filter) and noeud.name == "attr" and noeud.node is not None:
            nom = _constante_texte(noeud.args[0] if noeud.args else None)
            if nom is not None:
                return self._attribut(noeud.node, nom)
        if isinstance(noeud, nodes.BinExpr):
            self._calcul(noeud)
        if isinstance(noeud, (nodes.List, nodes.Tuple)) and getattr(noeud, "ctx", "load") == "load":
            sortes = {self.type_de(element) for element in noeud.items}
            if len(sortes) == 1 and None not in sortes:
                return list.__class_getitem__(sortes.pop())
            return None
        for enfant in noeud.iter_child_nodes():
            self.type_de(enfant)
        if isinstance(noeud, nodes.Filter):
            self._filtre(noeud.name, self.regles.env.filters, "filtre")
            self._attributs_de_filtre(noeud)
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
            if attribut in mecanismes():
                self._signaler(
                    "variable_inconnue",
                    f"variable inconnue « {_chemin(base)}.{attribut} » : accès interdit à "
                    f"« {attribut} » : un modèle ne lit que les champs des données et quelques "
                    "méthodes de texte et de date (docs/securite.md)",
                )
            return None
        quoi, attributs = membres
        if attribut in attributs:
            return attributs[attribut]
        chemin = f"{_chemin(base)}.{attribut}"
        sorte = _deballer(self.type_de(base)) if quoi != "une liste" else list
        if isinstance(sorte, type) and hasattr(sorte, attribut):
            self._signaler(
                "variable_inconnue",
                f"variable inconnue « {chemin} » : accès interdit à « {attribut} » : un modèle "
                "ne lit que les champs des données et quelques méthodes de texte et de date "
                "(docs/securite.md)",
            )
            return None
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

    def _attributs_de_filtre(self, noeud: nodes.Filter) -> None:
        """``map(attribute='nom')``, ``selectattr('nom')``…: the attribute
        checked on the elements of what is filtered, like ``x.nom``."""
        noms = [_constante_texte(k.value) for k in noeud.kwargs if k.key == "attribute"]
        if noeud.name in ("selectattr", "rejectattr", "groupby") and noeud.args:
            noms.append(_constante_texte(noeud.args[0]))
        element = _element(self.type_de(noeud.node)) if noeud.node is not None else None
        for nom in noms:
            if nom is None:
                continue
            base: nodes.Node = nodes.Name("element", "load")
            for morceau in nom.split("."):
                if morceau.startswith("_") or element is not None:
                    self.visibles = [*self.visibles, {"element": element}]
                    element = self._attribut(base, morceau)
                    self.visibles = self.visibles[:-1]

    def _calcul(self, noeud: nodes.BinExpr) -> None:
        """A computation on constants refused by the sandbox (``'a' * 10**9``,
        ``2 ** 10**9``) is reported here, before any rendering."""
        try:
            _valeur_constante(noeud)
        except LimiteDepassee as exc:
            self._signaler("calcul_refuse", str(exc))

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


def _constante_texte(noeud: nodes.Node | None) -> str | None:
    """The text of a constant node, else None."""
    if isinstance(noeud, nodes.Const) and isinstance(noeud.value, str):
        return noeud.value
    return None


_OPERATIONS: dict[type[nodes.BinExpr], Any] = {
    nodes.Add: lambda a, b: a + b,
    nodes.Mul: lambda a, b: a * b,
    nodes.Pow: lambda a, b: a**b,
    nodes.Mod: lambda a, b: a % b,
    nodes.Sub: lambda a, b: a - b,
}


def _valeur_constante(noeud: nodes.Node) -> Any:
    """The value of a computation on constants, each step checked by the
    sandbox's own rule (:func:`verifier_operation`); None when unknown."""
    if isinstance(noeud, nodes.Const):
        return noeud.value
    if isinstance(noeud, nodes.Neg):
        valeur = _valeur_constante(noeud.node)
        return -valeur if isinstance(valeur, (int, float)) else None
    if not isinstance(noeud, nodes.BinExpr):
        return None
    operation = _OPERATIONS.get(type(noeud))
    if operation is None:
        return None
    gauche, droite = _valeur_constante(noeud.left), _valeur_constante(noeud.right)
    if gauche is None or droite is None:
        return None
    verifier_operation(noeud.operator, gauche, droite)
    try:
        return operation(gauche, droite)
    except Exception:  # 1 % 0, 'a' - 1: reported at render time
        return None
