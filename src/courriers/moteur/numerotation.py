"""Restarting numbered lists in a rendered document.

Word numbers every paragraph of the ``ListNumber`` style in one sequence
across the document; each Markdown numbered list must start again at its
own first number. For each list, a new ``w:num`` pointing to the style's
abstract numbering, with a start override, is added to the numbering part
of the document being rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Name of the context entry holding the document's :class:`Numerotation`.
CLE_NUMEROTATION = "_numerotation"


@dataclass
class Numerotation:
    """Allocates restarted numberings in one document being rendered."""

    numbering: Any  # docx.oxml.numbering.CT_Numbering
    abstract_num_id: int

    @classmethod
    def du_document(cls, document: Any, style_id: str = "ListNumber") -> Numerotation | None:
        """The allocator for ``document`` (python-docx), or None when the
        style has no numbering (then lists simply follow the style)."""
        style = document.styles.element.get_by_id(style_id)
        if style is None or style.pPr is None or style.pPr.numPr is None:
            return None
        num_id = style.pPr.numPr.numId
        if num_id is None:
            return None
        numbering = document.part.numbering_part.element
        num = numbering.num_having_numId(num_id.val)
        return cls(numbering, num.abstractNumId.val)

    def nouvelle_liste(self, debut: int) -> int:
        """A new numbering that starts at ``debut``; returns its numId."""
        num = self.numbering.add_num(self.abstract_num_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(debut)
        return int(num.numId)
