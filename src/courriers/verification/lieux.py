"""Walking a part's XML: its paragraphs in document order, each with its
text as Jinja sees it and its place (``¶12``, ``tableau 2, ligne 3,
cellule 1, ¶1``), tables, rows, cells and paragraphs numbered from 1."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from courriers.moteur.etapes import NS_W

_W = f"{{{NS_W}}}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass(frozen=True, eq=False)
class _Paragraphe:
    """A paragraph of a part, with its place and text."""

    rang: int
    lieu: str
    texte: str
    element: Any
    cellule: Any
    ligne: Any
    tableau: Any


def _ancetre(element: Any, balise: str) -> Any:
    """The nearest ancestor of ``element`` with the tag ``balise``."""
    return next(element.iterancestors(balise), None)


_DELIMITEURS = frozenset("{}%#")


def _textes(paragraphe: Any) -> list[Any]:
    """The text elements of a paragraph as Jinja sees them, in order: its
    runs' texts (those of the paragraphs of a text box inside it left out)
    and the field codes that hold a Jinja delimiter (Jinja renders them too)."""
    return [
        t
        for t in paragraphe.iter(f"{_W}t", f"{_W}instrText")
        if _ancetre(t, f"{_W}p") is paragraphe
        and (t.tag == f"{_W}t" or not _DELIMITEURS.isdisjoint(t.text or ""))
    ]


def _texte(paragraphe: Any) -> str:
    """The paragraph's text as Jinja sees it (see :func:`_textes`)."""
    return "".join(t.text or "" for t in _textes(paragraphe))


_NOTES = (f"{_W}footnote", f"{_W}endnote")


def _paragraphes(racine: Any) -> list[_Paragraphe]:
    """The paragraphs of a part in document order, with their places."""
    numeros: dict[Any, int] = {}
    compteurs: dict[Any, int] = {}
    paragraphes: list[_Paragraphe] = []
    for element in racine.iter(f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}p"):
        if _ancetre(element, _FALLBACK) is not None:
            continue  # a copy of a text box for old readers
        note = next(element.iterancestors(*_NOTES), None)
        if note is not None and note.get(f"{_W}type"):
            continue  # Word's separator paragraphs, never seen by the author
        if element.tag == f"{_W}p":
            paragraphes.append(_paragraphe(element, len(paragraphes), numeros, compteurs))
            continue
        parent = {"tbl": racine, "tr": f"{_W}tbl", "tc": f"{_W}tr"}[etree.QName(element).localname]
        conteneur = parent if parent is racine else _ancetre(element, parent)
        compteurs[conteneur] = numeros[element] = compteurs.get(conteneur, 0) + 1
    return paragraphes


def _paragraphe(
    element: Any, rang: int, numeros: dict[Any, int], compteurs: dict[Any, int]
) -> _Paragraphe:
    """A paragraph with its place: ``¶n`` outside tables, else its table,
    row, cell and rank in the cell."""
    cellule = _ancetre(element, f"{_W}tc")
    # Numbered in its cell, or (key None) among the paragraphs outside tables.
    compteurs[cellule] = numero = compteurs.get(cellule, 0) + 1
    if cellule is None:
        return _Paragraphe(rang, f"¶{numero}", _texte(element), element, None, None, None)
    ligne = _ancetre(cellule, f"{_W}tr")
    tableau = _ancetre(ligne, f"{_W}tbl")
    lieu = (
        f"tableau {numeros[tableau]}, ligne {numeros[ligne]}, cellule {numeros[cellule]}, ¶{numero}"
    )
    return _Paragraphe(rang, lieu, _texte(element), element, cellule, ligne, tableau)
