"""Safe, readable, unique file names built from data.

A name never leaves its folder (no ``/``, ``..``, control characters or
reserved names), is short enough for every file system, and starts with
the document's number, which makes it unique within a batch.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALPHANUMERIQUE = re.compile(r"[^a-z0-9]+")
LONGUEUR_MAX = 80


def segment(texte: str) -> str:
    """ASCII lower-case words joined by hyphens.

    >>> segment("Dupont-Aïgnan, Marie-Hélène")
    'dupont-aignan-marie-helene'
    >>> segment("../../etc/passwd\\x00"), segment("  ")
    ('etc-passwd', '')
    """
    ascii_ = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return _NON_ALPHANUMERIQUE.sub("-", ascii_.lower()).strip("-")


def nom_de_fichier(prefixe: str, numero: int, total: int, *parties: str, extension: str) -> str:
    """``convocation-01-dupont-marie.docx``: prefix, number padded to the
    width of the total, readable parts, extension.

    >>> nom_de_fichier("convocation", 1, 12, "Dupont", "Marie", extension="docx")
    'convocation-01-dupont-marie.docx'
    >>> nom_de_fichier("convocation", 3, 9, "/", extension="docx")
    'convocation-3.docx'
    >>> len(nom_de_fichier("convocation", 1, 1, "x" * 300, extension="docx"))
    85
    """
    largeur = len(str(max(total, 1)))
    mots = "-".join(s for s in (segment(p) for p in parties) if s)
    base = f"{segment(prefixe)}-{numero:0{largeur}d}"
    if mots:
        base = f"{base}-{mots}"[:LONGUEUR_MAX].rstrip("-")
    return f"{base}.{extension}"
