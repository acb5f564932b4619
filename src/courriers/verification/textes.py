"""Small helpers for writing the French messages."""

from __future__ import annotations

from collections.abc import Sequence


def _et(elements: Sequence[str]) -> str:
    """« a » et « b »."""
    return " et ".join(f"« {e} »" for e in elements)


def _abrege(texte: str, longueur: int = 60) -> str:
    """``texte`` cut to ``longueur`` characters."""
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"
