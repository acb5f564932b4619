"""Checking a part tag by tag, in document order: syntax, names and filters,
the variables each block defines, and the block structure."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from jinja2.runtime import LoopContext

from courriers.moteur.bornes import verifier_echeance
from courriers.moteur.erreurs_jinja import expliquer_caractere
from courriers.verification.balises import (
    _BALISES_DOCXTPL,
    _FERMANTS,
    _INCLUSIONS,
    _MILIEUX,
    _MOTS_DE_BLOC,
    _OUVRANTS,
    _Balise,
    _mot_de_bloc,
)
from courriers.verification.blocs import _Blocs, _Ouvert
from courriers.verification.expressions import _cibles, _Controle, _noms_ecrits
from courriers.verification.problemes import _Signalements
from courriers.verification.schema import _element, _Regles, _suggestion

#: The problem of an expression Jinja's parser cannot handle.
TROP_IMBRIQUE = "expression trop longue ou trop imbriquée ; simplifiez-la"


class _Balises(_Blocs):
    """Tag by tag, in document order: syntax, names and filters, blocks."""

    def __init__(self, signalements: _Signalements, regles: _Regles) -> None:
        super().__init__(signalements)
        self.regles = regles
        self.definies: dict[str, Any] = {}

    def verifier(self, balises: Sequence[_Balise]) -> None:
        """Check each tag, then the blocks left open."""
        for balise in balises:
            verifier_echeance()  # where no signal does (and at once when it is past)
            if self.pile and self.pile[-1].mot == "raw" and balise.mot != "endraw":
                continue  # text for Jinja
            self._balise(balise)
        for ouvert in self.pile:
            self._non_ferme(ouvert)

    def _balise(self, balise: _Balise) -> None:
        """Check one tag."""
        if balise.sorte == "{#":
            return
        if balise.espace:
            self._avec_espace(balise)
        if balise.prefixe and re.search(r"[}%]", balise.corps):
            self._syntaxe(
                balise,
                "docxtpl ne reconnaît pas une balise à préfixe (p, tr, tc, r) qui contient "
                "« % » ou « } » ; calculez la valeur autrement",
            )
        elif balise.sorte == "{{":
            self._expression(balise, balise.corps)
        else:
            self._instruction(balise)

    def _avec_espace(self, balise: _Balise) -> None:
        """``{% tr for … %}``: a prefix typed after a space."""
        voulue = f"{{%{balise.prefixe} {balise.corps} %}}"
        self._signaler(
            "tr_avec_espace",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » : l'espace entre « {{% » et « {balise.prefixe} » en fait "
            f"une balise inconnue de docxtpl ; écrivez « {voulue} »",
        )

    def _analyser(self, balise: _Balise, source: str) -> nodes.Template | None:
        """The Jinja tree of ``source``, or None after reporting its syntax error."""
        try:
            return self.regles.env.parse(source)
        except TemplateSyntaxError as exc:
            self._syntaxe(balise, _detail_syntaxe(exc))
            return None
        except (ValueError, RecursionError, MemoryError):
            # A number of thousands of digits, parentheses nested thousands deep.
            self._syntaxe(balise, TROP_IMBRIQUE)
            return None

    def _expression(self, balise: _Balise, expression: str) -> None:
        """Check a ``{{ }}`` expression."""
        arbre = self._analyser(balise, "{{ " + expression + " }}")
        if arbre is not None:
            self._controler(balise, arbre)

    def _controler(self, balise: _Balise, noeud: nodes.Node) -> Any:
        """Check the names and filters of ``noeud``; its type when known."""
        controle = _Controle(self.regles, self._visibles())
        sorte = controle.type_de(noeud)
        for genre, message in controle.trouves:
            self._signaler(genre, balise.paragraphe, balise.position, message)
        return sorte

    def _visibles(self) -> list[Mapping[str, Any]]:
        """The variables visible at this point, innermost last."""
        return [self.regles.racines, self.definies, *(o.portee for o in self.pile)]

    def _instruction(self, balise: _Balise) -> None:
        """Check a ``{% %}`` tag by its keyword."""
        mot = _mot_de_bloc(balise.mot)
        if mot != balise.mot:
            majuscule = (
                " (Word met une majuscule en début de paragraphe : Fichier > Options > "
                "Vérification > Options de correction automatique, décochez « Majuscule en "
                "début de phrase »)"
                if mot == balise.mot.lower()
                else ""
            )
            self._syntaxe(
                balise,
                f"balise inconnue « {balise.mot} » ; vouliez-vous dire « {mot} » ?{majuscule}",
            )
            balise = dataclasses.replace(balise, corps=mot + balise.corps[len(balise.mot) :])
        if mot in _FERMANTS:
            self._fermant(balise, mot)
        elif mot in _MILIEUX:
            self._milieu(balise, mot)
        elif mot in _BALISES_DOCXTPL:
            expression = balise.corps[len(mot) :].strip()
            if expression:
                self._expression(balise, expression)
        elif mot in _INCLUSIONS:
            self._syntaxe(
                balise,
                f"« {mot} » n'est pas possible dans un modèle DOCX : il ne peut ni inclure ni "
                "importer d'autres modèles ; écrivez le texte dans le modèle lui-même",
            )
        elif mot in _OUVRANTS and not (mot == "set" and "=" in balise.corps):
            self._ouvrant(balise, mot)
        else:
            self._simple(balise)

    def _simple(self, balise: _Balise) -> None:
        """A tag that opens no block (``{% set x = … %}``)."""
        arbre = self._analyser(balise, "{% " + balise.corps + " %}")
        if arbre is None:
            self._definir(_noms_ecrits(balise.corps))
            return
        for noeud in arbre.body:
            if isinstance(noeud, nodes.Assign) and isinstance(noeud.target, nodes.Name):
                sorte = self._controler(balise, noeud.node)  # typed by its value
                self._definir_types({noeud.target.name: sorte})
                continue
            self._controler(balise, noeud)
            if isinstance(noeud, nodes.Assign):
                self._definir(_cibles(noeud.target))

    def _definir(self, noms: Iterable[str]) -> None:
        """``set`` variables: local to the loop or macro they are in, else
        to the part (an ``if`` makes no scope)."""
        self._definir_types(dict.fromkeys(noms))

    def _definir_types(self, types: Mapping[str, Any]) -> None:
        """``set`` variables with their types (None: unknown)."""
        portee = next((o.portee for o in reversed(self.pile) if o.mot != "if"), self.definies)
        portee.update(types)

    def _ouvrant(self, balise: _Balise, mot: str) -> None:
        """A tag that opens a block: check it, then push the block with its variables."""
        arbre = self._analyser(balise, "{% " + balise.corps + " %}{% end" + mot + " %}")
        noeud = arbre.body[0] if arbre is not None and arbre.body else None
        portee: dict[str, Any] = {}
        if noeud is None:
            portee = dict.fromkeys(_noms_ecrits(balise.corps))
        elif isinstance(noeud, nodes.For):
            portee = self._portee_boucle(balise, noeud)
        else:
            self._controler(balise, noeud)
            portee = self._portee(noeud)
        self.pile.append(_Ouvert(balise, mot, portee))
        if isinstance(noeud, nodes.For) and noeud.test is not None:
            self._controler(balise, noeud.test)

    def _portee_boucle(self, balise: _Balise, boucle: nodes.For) -> dict[str, Any]:
        """The variables of a ``for`` block: ``loop``, and the loop variable
        typed by what it iterates."""
        parcouru = self._controler(balise, boucle.iter)
        portee: dict[str, Any] = dict.fromkeys(_cibles(boucle.target))
        if isinstance(boucle.target, nodes.Name):
            portee[boucle.target.name] = _element(parcouru)
        portee["loop"] = LoopContext
        return portee

    def _portee(self, noeud: nodes.Node) -> dict[str, Any]:
        """The variables a block defines inside it (macro arguments…)."""
        if isinstance(noeud, nodes.AssignBlock):
            self._definir(_cibles(noeud.target))
        if isinstance(noeud, nodes.Macro):
            self._definir([noeud.name])
        if isinstance(noeud, (nodes.Macro, nodes.CallBlock)):
            arguments = [a.name for a in noeud.args]
            return dict.fromkeys([*arguments, "varargs", "kwargs", "caller"])
        if isinstance(noeud, nodes.With):
            return dict.fromkeys(n for cible in noeud.targets for n in _cibles(cible))
        if isinstance(noeud, nodes.Block):
            return dict.fromkeys(["self", "super"])
        return {}

    def _milieu(self, balise: _Balise, mot: str) -> None:
        """Check ``else`` or ``elif``, then place it in its block."""
        arbre = self._analyser(balise, "{% if true %}{% " + balise.corps + " %}{% endif %}")
        if arbre is not None and mot == "elif":
            si = arbre.body[0]
            if isinstance(si, nodes.If) and si.elif_:
                self._controler(balise, si.elif_[0].test)
        self._placer_milieu(balise, mot)


def _detail_syntaxe(exc: TemplateSyntaxError) -> str:
    """A Jinja syntax error in French when it is an unknown tag, else Jinja's own words."""
    caractere = expliquer_caractere(exc.message or "")
    if caractere:
        return caractere
    inconnue = re.match(r"Encountered unknown tag '(\w+)'", exc.message or "")
    if inconnue:
        mot = inconnue[1]
        return f"balise inconnue « {mot} »" + _suggestion(mot, _MOTS_DE_BLOC, "balises")
    return (
        f"{exc.message} (message de Jinja) ; vérifiez les parenthèses, les guillemets, les "
        "opérateurs et qu'il ne manque rien"
    )
