"""A part rendered by segments: what depends only on the shared meeting is
rendered once per batch.

Every invitation of a batch renders the same body, where only a few tags
name the invitee (``convoque``, ``formules``, ``numero``); the bloc-marque,
the meeting's date and place, the agenda, the signature… come out the same
in every document. The part's top-level statements are therefore grouped,
for the variables that change from one document to the next, into
segments that use none of them (**shared**: rendered once, then their text
reused while their variables are the very same objects, which the
conversion of plain data guarantees for a batch) and segments that use one
(rendered for each document). The concatenation is the text the whole
template gives: the statements are the same nodes, compiled by the same
environment, and a segment is shared only when its variables are the same
objects as when its text was made, and it added no numbering of its own
(a Markdown numbered list restarts in each document).

A template that holds a statement whose effect crosses statements (``set``
outside a loop, macros, blocks, ``include``, ``import``, ``do``…), or a
single statement (a footer's ``{%p if %}``), is rendered whole: as one
shared segment, its text reused while all its variables are the same
objects (unless it brings in another template). The first document of a
batch is rendered whole. On any error the whole template is rendered
again, so that the error is reported as without segments.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, Template, meta, nodes

from courriers.moteur.bornes import TempsDepasse
from courriers.moteur.numerotation import NUMEROTATION_COURANTE

#: Statements whose effect is not confined to themselves.
_NON_SEPARABLES = (
    nodes.Assign,
    nodes.AssignBlock,
    nodes.Macro,
    nodes.CallBlock,
    nodes.Block,
    nodes.Extends,
    nodes.Include,
    nodes.Import,
    nodes.FromImport,
    nodes.ExprStmt,
    nodes.ScopedEvalContextModifier,
)
#: Statements that bring in another template: its variables are not seen.
_AUTRES_GABARITS = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)
_ABSENT = object()
#: Variables the filters read from the context (``filtres._options``).
_LUES_PAR_LES_FILTRES = frozenset({"options"})


def _a_cheval(avant: str, apres: str) -> bool:
    return CANDIDAT_ORDINAL.search(avant[-1:] + apres[:1]) is not None


#: A digit followed by the first letter of an ordinal suffix (``1er``,
#: ``2e``, ``1re``): a quick superset of the ordinals of a text.
CANDIDAT_ORDINAL = re.compile(r"\d[er]")


def _memes(contexte: Mapping[str, Any], variables: tuple[str, ...], cle: tuple[Any, ...]) -> bool:
    """Whether the ``variables`` of ``contexte`` are the very objects of ``cle``."""
    for variable, valeur in zip(variables, cle, strict=True):
        if contexte.get(variable, _ABSENT) is not valeur:
            return False
    return True


@dataclass(frozen=True)
class Rendu:
    """A part's rendered text, as the pieces its segments gave."""

    #: The texts of the segments, in order (one piece when rendered whole).
    morceaux: tuple[str, ...]
    #: For each piece, whether it is the text kept for the batch (the same
    #: object in every document that shares it).
    partages: tuple[bool, ...]
    #: Whether the text may hold an ordinal (``1er``, ``2e``).
    ordinal: bool

    @property
    def texte(self) -> str:
        return "".join(self.morceaux)


@dataclass
class _Segment:
    gabarit: Template
    variables: tuple[str, ...]
    partage: bool
    cle: tuple[Any, ...] | None = None
    texte: str = ""
    ordinal: bool = False

    def rendre(self, contexte: Mapping[str, Any]) -> tuple[str, bool, bool]:
        """The segment's text, whether it may hold an ordinal, and whether
        it is the text kept for the batch (the same object each time)."""
        if not self.partage:
            # Only the variables it names (and the options, read by filters):
            # a smaller context to build for each document.
            texte = self.gabarit.render({v: contexte[v] for v in self.variables if v in contexte})
            return texte, CANDIDAT_ORDINAL.search(texte) is not None, False
        if self.cle is not None and _memes(contexte, self.variables, self.cle):
            return self.texte, self.ordinal, True
        cle = tuple([contexte.get(v, _ABSENT) for v in self.variables])
        numerotation = NUMEROTATION_COURANTE.get()
        avant = numerotation.allouees if numerotation is not None else 0
        texte = self.gabarit.render(contexte)
        ordinal = CANDIDAT_ORDINAL.search(texte) is not None
        if numerotation is None or numerotation.allouees == avant:
            self.cle, self.texte, self.ordinal = cle, texte, ordinal
            return texte, ordinal, True
        return texte, ordinal, False  # its own numbering: this document's


@dataclass
class Segments:
    """The segments of one part (see the module docstring)."""

    env: Environment
    gabarit: Template
    instructions: list[nodes.Node] | None
    libres: list[frozenset[str]]
    #: The whole template as one shared segment, for a template that
    #: cannot be split: its text is reused while its variables are the
    #: same objects (a footer that names only the emitter).
    entier: _Segment | None = None
    _plans: dict[frozenset[str], list[_Segment]] = field(default_factory=dict)
    _precedent: Mapping[str, Any] | None = None

    @classmethod
    def de(cls, env: Environment, source: str, gabarit: Template) -> Segments:
        """The segments of ``source`` (already compiled as ``gabarit``)."""
        arbre = env.parse(source)
        entier = None
        if not any(True for _ in arbre.find_all(_AUTRES_GABARITS)):
            variables = meta.find_undeclared_variables(arbre) | _LUES_PAR_LES_FILTRES
            entier = _Segment(gabarit, tuple(sorted(variables)), True)
        if any(True for _ in arbre.find_all(_NON_SEPARABLES)):
            return cls(env, gabarit, None, [], entier)
        # An output statement (text and ``{{ }}`` between two other tags) is
        # split into one statement per piece: the same text, and an
        # invitee's name does not make the text around it per document.
        instructions: list[nodes.Node] = []
        for instruction in arbre.body:
            if isinstance(instruction, nodes.Output):
                instructions += [nodes.Output([n], lineno=n.lineno) for n in instruction.nodes]
            else:
                instructions.append(instruction)
        if len(instructions) < 2:
            return cls(env, gabarit, None, [], entier)
        libres = [
            frozenset(meta.find_undeclared_variables(_modele(env, [instruction])))
            for instruction in instructions
        ]
        return cls(env, gabarit, instructions, libres)

    def rendre(self, contexte: Mapping[str, Any]) -> Rendu:
        """The part's text for ``contexte`` (plain data of one document),
        by pieces."""
        precedent, self._precedent = self._precedent, contexte
        if self.instructions is None and self.entier is not None:
            texte, ordinal, garde = self.entier.rendre(contexte)
            return Rendu((texte,), (garde,), ordinal)
        if self.instructions is None or precedent is None:
            return self._entier(contexte)
        changes = frozenset(n for n, v in contexte.items() if precedent.get(n, _ABSENT) is not v)
        plan = self._plans.get(changes)
        if plan is None:
            plan = self._plans[changes] = self._planifier(changes)
        textes: list[str] = []
        gardes: list[bool] = []
        ordinal = False
        for segment in plan:
            try:
                texte, candidat, garde = segment.rendre(contexte)
            except TempsDepasse as exc:
                exc.gabarit = segment.gabarit  # type: ignore[attr-defined]
                raise
            except Exception:
                self._oublier()
                return self._entier(contexte)  # the error, as without segments
            # A candidate may also straddle two segments (``1`` | ``er``).
            ordinal = ordinal or candidat or bool(textes and _a_cheval(textes[-1], texte))
            textes.append(texte)
            gardes.append(garde)
        return Rendu(tuple(textes), tuple(gardes), ordinal)

    def _entier(self, contexte: Mapping[str, Any]) -> Rendu:
        texte = self.gabarit.render(contexte)
        return Rendu((texte,), (False,), CANDIDAT_ORDINAL.search(texte) is not None)

    def _oublier(self) -> None:
        self._plans.clear()
        self._precedent = None

    def _planifier(self, changes: frozenset[str]) -> list[_Segment]:
        """Consecutive statements grouped by whether they use a variable of
        ``changes``; each group compiled once."""
        assert self.instructions is not None
        groupes: list[tuple[bool, list[nodes.Node], set[str]]] = []
        for instruction, libres in zip(self.instructions, self.libres, strict=True):
            partage = not libres & changes
            if groupes and groupes[-1][0] == partage:
                groupes[-1][1].append(instruction)
                groupes[-1][2].update(libres)
            else:
                groupes.append((partage, [instruction], set(libres)))
        return [
            _Segment(
                self._compiler(corps), tuple(sorted(variables | _LUES_PAR_LES_FILTRES)), partage
            )
            for partage, corps, variables in groupes
        ]

    def _compiler(self, corps: list[nodes.Node]) -> Template:
        code = self.env.compile(_modele(self.env, corps))
        return self.env.template_class.from_code(self.env, code, self.env.make_globals(None))


def _modele(env: Environment, corps: list[nodes.Node]) -> nodes.Template:
    modele = nodes.Template(corps, lineno=1)
    modele.set_environment(env)
    return modele
