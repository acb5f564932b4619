"""Restarting numbered lists in a rendered document.

Word numbers every paragraph of the ``ListNumber`` style in one sequence
across the document; each Markdown numbered list must start again at its
own first number, and so must each document of a merged batch. For each
such list, a new ``w:num`` pointing to the style's abstract numbering, with
a start override, is added to the document's own copy of the numbering part.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.numbering import CT_Num
from lxml import etree

#: Former name of the context entry of the numbering; the numbering of the
#: part being rendered is now in :data:`NUMEROTATION_COURANTE`, out of the
#: templates' reach.
CLE_NUMEROTATION = "_numerotation"
#: The :class:`Numerotation` of the document being rendered (set by the
#: engine around each part, read by the ``markdown`` filter).
NUMEROTATION_COURANTE: ContextVar[Numerotation | None] = ContextVar(
    "numerotation_courante", default=None
)


def abstrait_du_style(document: Any, style_id: str) -> int | None:
    """The abstract numbering of a paragraph style of ``document``
    (python-docx), or None when the style is not numbered."""
    style = document.styles.element.get_by_id(style_id)
    if style is None or style.pPr is None or style.pPr.numPr is None:
        return None
    num_id = style.pPr.numPr.numId
    if num_id is None:
        return None
    num = document.part.numbering_part.element.num_having_numId(num_id.val)
    return int(num.abstractNumId.val)


def styles_numerotes(document: Any) -> dict[str, str]:
    """Paragraph style id → numId, for the numbered styles of ``document``."""
    numerotes: dict[str, str] = {}
    for style in document.styles.element.iter(qn("w:style")):
        num_id = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num_id is not None:
            numerotes[style.get(qn("w:styleId"))] = num_id.get(qn("w:val"))
    return numerotes


# Children of w:pPr that come after w:numPr (ECMA-376 order).
_APRES_NUMPR = frozenset(
    qn(f"w:{nom}")
    for nom in [
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)


def _inserer_dans_ppr(ppr: Any, num_pr: Any) -> None:
    """Insert ``w:numPr`` at its schema position in ``w:pPr``."""
    for enfant in ppr:
        if enfant.tag in _APRES_NUMPR:
            enfant.addprevious(num_pr)
            return
    ppr.append(num_pr)


class Numerotation:
    """Allocates restarted numberings in one document being rendered.

    The numbering part is parsed on first use only, its numberings indexed
    once (numId → abstract numbering, next free numId); new numberings are
    inserted all at once when the part is written, so that N lists cost
    O(N). :attr:`modifiee` tells whether the document needs its own copy.
    """

    def __init__(
        self,
        numbering: bytes | None,
        abstrait_liste: int | None,
        styles: dict[str, str] | None = None,
    ) -> None:
        self._source = numbering
        self._abstrait_liste = abstrait_liste
        self._styles = styles or {}
        self._arbre: Any = None
        self._abstraits: dict[str, int] = {}
        self._prochain = 1
        self._nouveaux: list[Any] = []
        self._allouees: set[str] = set()

    @property
    def modifiee(self) -> bool:
        """Whether a numbering was added."""
        return bool(self._allouees)

    @property
    def disponible(self) -> bool:
        """Whether lists can be restarted (the template has the numbering)."""
        return self._source is not None and self._abstrait_liste is not None

    def nouvelle_liste(self, debut: int) -> int:
        """A new numbering of the ``ListNumber`` style that starts at
        ``debut``; returns its numId."""
        if self._abstrait_liste is None:
            raise ValueError("le modèle n'a pas de style ListNumber numéroté")
        return self._nouvelle(self._abstrait_liste, debut)

    def _indexer(self) -> None:
        """Parse the numbering part and index its numberings, once."""
        if self._arbre is not None:
            return
        if self._source is None:
            raise ValueError("le modèle n'a pas de partie de numérotation")
        self._arbre = parse_xml(self._source)
        for num in self._arbre.iter(qn("w:num")):
            abstrait: Any = num.find(qn("w:abstractNumId"))
            self._abstraits[num.get(qn("w:numId"))] = int(abstrait.get(qn("w:val")))
        numeros = [int(n) for n in self._abstraits if n.isdigit()]
        self._prochain = max(numeros, default=0) + 1

    def _nouvelle(self, abstrait: int, debut: int) -> int:
        self._indexer()
        num_id, self._prochain = self._prochain, self._prochain + 1
        num: Any = CT_Num.new(num_id, abstrait)  # type: ignore[no-untyped-call]
        num.add_lvlOverride(ilvl=0).add_startOverride(debut)
        self._nouveaux.append(num)
        self._abstraits[str(num_id)] = abstrait
        self._allouees.add(str(num_id))
        return num_id

    def recommencer_listes(self, blocs: list[Any]) -> None:
        """Restart every list of ``blocs`` (the body elements of one document
        merged after others): each numbering they use, directly or through
        their paragraph style, is replaced by a new one starting at 1.
        Numberings allocated here for Markdown lists are already unique."""
        if self._source is None:
            return
        abstraits = self._abstraits_par_num()
        nouveaux: dict[str, str] = {}

        def remplacant(ancien: str) -> str:
            if ancien not in nouveaux:
                nouveaux[ancien] = str(self._nouvelle(abstraits[ancien], 1))
            return nouveaux[ancien]

        for bloc in blocs:
            for paragraphe in bloc.iter(qn("w:p")):
                ppr = paragraphe.find(qn("w:pPr"))
                num_id = None if ppr is None else ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}")
                if num_id is not None:
                    ancien = num_id.get(qn("w:val"))
                    if ancien in abstraits and ancien not in self._allouees:
                        num_id.set(qn("w:val"), remplacant(ancien))
                    continue
                style = None if ppr is None else ppr.find(qn("w:pStyle"))
                ancien = None if style is None else self._styles.get(style.get(qn("w:val")))
                if ancien in abstraits:
                    num_pr = etree.Element(qn("w:numPr"))
                    etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), remplacant(ancien))
                    _inserer_dans_ppr(ppr, num_pr)

    def _abstraits_par_num(self) -> dict[str, int]:
        self._indexer()
        return self._abstraits

    def xml(self) -> bytes:
        """The numbering part with the added numberings (inserted before
        ``w:numIdMacAtCleanup`` when there is one, as the schema orders)."""
        self._indexer()
        fin = self._arbre.find(qn("w:numIdMacAtCleanup"))
        for num in self._nouveaux:
            if fin is not None:
                fin.addprevious(num)
            else:
                self._arbre.append(num)
        self._nouveaux = [n for n in self._nouveaux if n.getparent() is None]
        return b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + etree.tostring(
            self._arbre, encoding="utf-8"
        )
