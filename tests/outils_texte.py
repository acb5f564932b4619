"""Reading documents back with an independent reader (docx2python), and
comparing texts the way a person would: same lines, in the same order,
whatever the list markers and the kinds of spaces."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx2python import docx2python

_ESPACES = re.compile(r"[ \u00a0\u202f\t]+")
_PUCE = re.compile(r"^(?:[-–•]\s*)+")
_NUMERO = re.compile(r"^\d+\s*-\s+")


def _aplatir(x: Any) -> Iterator[str]:
    if isinstance(x, str):
        yield x
    else:
        for y in x:
            yield from _aplatir(y)


def paragraphes(chemin: Path | str) -> list[str]:
    """The paragraphs of the body, as docx2python reads them."""
    with docx2python(str(chemin)) as lu:
        return list(_aplatir(lu.body))


def texte(chemin: Path | str) -> str:
    """The body text, one paragraph a line, spaces normalised."""
    return "\n".join(_ESPACES.sub(" ", p).strip() for p in paragraphes(chemin))


def lignes_comparables(texte_brut: str) -> list[str]:
    """Lines without list markers, numbering or blank lines; every kind of
    space folded into one."""
    lignes = []
    for ligne in texte_brut.splitlines():
        ligne = _ESPACES.sub(" ", ligne).strip()
        ligne = _NUMERO.sub("", _PUCE.sub("", ligne)).strip()
        if ligne:
            lignes.append(ligne)
    return lignes
