"""Rendering one document: prepare the template, render once.

Batches keep the :class:`~courriers.moteur.prepare.ModelePrepare` and call
its ``rendre`` for each document.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from courriers.moteur.prepare import Proprietes, preparer

__all__ = ["Proprietes", "rendre"]


def rendre(
    modele: Path,
    contexte: Mapping[str, Any],
    proprietes: Proprietes,
    image_marianne: Path | None = None,
) -> bytes:
    """Render ``modele`` with ``contexte``; return the DOCX bytes.

    Raises :class:`~courriers.erreurs.ErreurModele` with a French message for
    any template error (unknown variable, syntax, malformed result).
    """
    return preparer(modele, image_marianne).rendre(contexte, proprietes)
