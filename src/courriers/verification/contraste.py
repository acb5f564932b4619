"""Text colour contrast against white (WCAG 2.1, success criterion 1.4.3)."""

from __future__ import annotations

import re
from typing import Any

from courriers.moteur.etapes import NS_W

_W = f"{{{NS_W}}}"
CONTRASTE_MINIMAL = 4.5
"""WCAG 2.1 success criterion 1.4.3 (level AA), for text of normal size."""


def luminance(couleur: str) -> float:
    """Relative luminance of an ``RRGGBB`` colour (WCAG 2.1).

    >>> round(luminance("FFFFFF"), 3), round(luminance("000000"), 3)
    (1.0, 0.0)
    """
    canaux = [int(couleur[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lineaires = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in canaux]
    return 0.2126 * lineaires[0] + 0.7152 * lineaires[1] + 0.0722 * lineaires[2]


def contraste_sur_blanc(couleur: str) -> float:
    """Contrast ratio of a text colour against white (1 to 21).

    >>> round(contraste_sur_blanc("000091"), 1)  # bleu France
    14.9
    >>> round(contraste_sur_blanc("4F81BD"), 2)  # Word 2010's headings
    4.03
    """
    return 1.05 / (luminance(couleur) + 0.05)


def _couleur(rpr: Any) -> str | None:
    """The explicit text colour of run properties, ``RRGGBB`` (None: auto or none)."""
    if rpr is None:
        return None
    couleur = rpr.find(f"{_W}color")
    valeur = "" if couleur is None else couleur.get(f"{_W}val", "")
    return valeur.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", valeur) else None


def _message_contraste(couleur: str) -> str:
    ratio = f"{contraste_sur_blanc(couleur):.1f}".replace(".", ",")
    return (
        f"texte de couleur #{couleur} : contraste de {ratio}:1 sur fond blanc, moins que les "
        "4,5:1 demandés (RGAA 3.2, WCAG 1.4.3) ; choisissez une couleur plus foncée "
        "(le bleu France #000091, le noir ou un gris foncé comme #3A3A3A)"
    )
