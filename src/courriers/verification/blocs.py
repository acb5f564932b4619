"""The block structure of a part: blocks left open, closed out of order
(crossed), ``else``/``elif`` out of place, and pairs whose tags are not in
the container docxtpl needs them to share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from courriers.verification.balises import _MILIEUX, _Balise
from courriers.verification.problemes import _Signalements


@dataclass(eq=False)
class _Ouvert:
    """A block opened and not yet closed, with the variables it defines."""

    balise: _Balise
    mot: str
    portee: dict[str, Any]
    milieux: list[_Balise] = field(default_factory=list)


class _Blocs:
    """The block structure of a part: the blocks open at each tag, pairs
    closed in order and placed where docxtpl needs them."""

    def __init__(self, signalements: _Signalements) -> None:
        self._signaler = signalements.signaler
        self.pile: list[_Ouvert] = []

    def _syntaxe(self, balise: _Balise, detail: str) -> None:
        """A syntax error in ``balise``."""
        self._signaler(
            "syntaxe",
            balise.paragraphe,
            balise.position,
            f"erreur de syntaxe dans « {balise.texte} » : {detail}",
        )

    def _placer_milieu(self, balise: _Balise, mot: str) -> None:
        """``else`` or ``elif``: inside the right block, and not after ``else``."""
        permis = _MILIEUX[mot]
        if self.pile and self.pile[-1].mot in permis:
            haut = self.pile[-1]
            if any(m.mot == "else" for m in haut.milieux):
                self._syntaxe(
                    balise,
                    f"« {mot} » après « else » dans un même bloc : « else » vient en dernier",
                )
            haut.milieux.append(balise)
            return
        ouvert = next((o for o in reversed(self.pile) if o.mot in permis), None)
        if ouvert is None:
            self._signaler(
                "bloc_non_ferme",
                balise.paragraphe,
                balise.position,
                f"« {balise.texte} » n'est dans aucun bloc « {' » ou « '.join(sorted(permis))} » "
                "ouvert : ajoutez l'ouverture avant, ou supprimez cette balise",
            )
        else:
            self._croise(balise, ouvert, self.pile[-1])

    def _fermant(self, balise: _Balise, mot: str) -> None:
        """A tag that closes a block: the innermost block of that kind, or a problem."""
        if len(balise.corps.split()) > (2 if mot in ("endblock", "endmacro") else 1):
            self._syntaxe(balise, f"« {mot} » s'écrit seul dans sa balise")
        ouvrant = mot.removeprefix("end")
        rang = next((i for i in reversed(range(len(self.pile))) if self.pile[i].mot == ouvrant), -1)
        if rang < 0:
            self._signaler(
                "bloc_non_ferme",
                balise.paragraphe,
                balise.position,
                f"« {balise.texte} » ferme un bloc « {ouvrant} » qui n'est pas ouvert : "
                f"ajoutez l'ouverture « {{%{balise.prefixe} {ouvrant} … %}} » avant, ou "
                "supprimez cette balise",
            )
            return
        ouvert = self.pile.pop(rang)
        if rang < len(self.pile):
            self._croise(balise, ouvert, self.pile[rang])
        else:
            self._meme_conteneur(ouvert, balise)

    def _croise(self, balise: _Balise, ouvert: _Ouvert, interieur: _Ouvert) -> None:
        """A block closed while a block opened inside it is still open."""
        self._signaler(
            "bloc_croise",
            balise.paragraphe,
            balise.position,
            f"blocs croisés : « {balise.texte} » se rapporte à « {ouvert.balise.texte} » "
            f"({_ou(ouvert.balise)}) alors que « {interieur.balise.texte} » "
            f"({_ou(interieur.balise)}), ouvert après, n'est pas fermé ; fermez les blocs "
            "dans l'ordre inverse de leur ouverture",
        )

    def _meme_conteneur(self, ouvert: _Ouvert, fermeture: _Balise) -> None:
        """A pair whose tags are not where docxtpl needs them together."""
        balises = [ouvert.balise, *ouvert.milieux, fermeture]
        if any(b.prefixe in ("tr", "tc") and b.paragraphe.cellule is None for b in balises):
            return  # already reported as outside a table
        premiere = balises[0]
        autre = next((b for b in balises[1:] if _conteneur(b) is not _conteneur(premiere)), None)
        if autre is not None:
            self._signaler(
                "bloc_croise",
                premiere.paragraphe,
                premiere.position,
                _message_conteneur(premiere, autre),
            )

    def _non_ferme(self, ouvert: _Ouvert) -> None:
        """A block never closed."""
        balise = ouvert.balise
        self._signaler(
            "bloc_non_ferme",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » ouvre un bloc « {ouvert.mot} » jamais fermé : ajoutez "
            f"« {{%{balise.prefixe} end{ouvert.mot} %}} » à la fin du bloc",
        )


def _ou(balise: _Balise) -> str:
    """Where a tag is, for a message: ``¶3``, ``tableau 1, ligne 2…``."""
    return balise.paragraphe.lieu


def _conteneur(balise: _Balise) -> Any:
    """What the two tags of a pair must share: the table for ``tr``, the
    row for ``tc``, the parent of the paragraph (body, cell) for ``p``, the
    paragraph for a tag inside a paragraph."""
    paragraphe = balise.paragraphe
    if balise.prefixe == "tr":
        return paragraphe.tableau
    if balise.prefixe == "tc":
        return paragraphe.ligne
    if balise.prefixe == "p":
        return paragraphe.element.getparent()
    return paragraphe.element


def _controle_de_contenu(*balises: _Balise) -> bool:
    """Whether one of the tags' paragraphs is in a Word content control."""
    return any(
        any(etree.QName(a).localname == "sdtContent" for a in b.paragraphe.element.iterancestors())
        for b in balises
    )


def _message_conteneur(premiere: _Balise, autre: _Balise) -> str:
    """Why the two tags of a pair must be together, and how to fix it."""
    paire = f"« {premiere.texte} » et « {autre.texte} » ({_ou(autre)})"
    if premiere.prefixe != autre.prefixe:
        return (
            f"{paire} n'ont pas le même préfixe : docxtpl remplace par la balise son "
            "paragraphe (p), sa ligne (tr), sa cellule (tc) ou son morceau de texte (r), "
            "et le document produit serait invalide ; utilisez le même préfixe aux deux "
            "balises, chacune seule à sa place"
        )
    if premiere.prefixe == "tr":
        return (
            f"{paire} sont dans deux tableaux différents : docxtpl perdrait des lignes ; "
            "placez les deux balises dans des lignes du même tableau"
        )
    if premiere.prefixe == "tc":
        return f"{paire} sont dans deux lignes différentes : placez-les dans la même ligne"
    if premiere.prefixe == "p" and _controle_de_contenu(premiere, autre):
        return (
            f"{paire} ne sont pas dans le même contrôle de contenu : l'une est dans un "
            "contrôle de contenu de Word (Développeur > Contrôles), l'autre dehors (ou dans "
            "un autre) ; le document produit serait invalide ; placez les deux balises dans "
            "le même contrôle de contenu, ou toutes deux hors de tout contrôle (Développeur "
            "> Supprimer le contrôle de contenu garde son texte)"
        )
    if premiere.prefixe == "p":
        return (
            f"{paire} ne sont pas au même niveau (l'une dans le corps, l'autre dans une "
            "cellule de tableau, ou deux cellules différentes) : le document produit serait "
            "invalide ; placez les deux balises dans la même cellule, ou toutes deux hors "
            "des tableaux"
        )
    bloc = "un bloc « {%r … %} »" if premiere.prefixe == "r" else "un bloc sans préfixe"
    return (
        f"{paire} ne sont pas dans le même paragraphe : {bloc} s'ouvre et se "
        "ferme dans un seul paragraphe ; sur plusieurs paragraphes, écrivez "
        "« {%p … %} » et sa fermeture, chacune seule dans son paragraphe"
    )
