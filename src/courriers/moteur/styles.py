"""The template's own ids for the styles the engine writes.

Word saves a style under an id of its interface language (``Titre3``,
``Listepuces``, ``Citation``, ``Grilledutableau`` in French Word) while its
*name* stays the built-in English one (``heading 3``, ``List Bullet``,
``Quote``, ``Table Grid``). The Markdown filter must write the template's
ids, or Word falls back to Normal: bullets, numbers, heading styles and the
table grid vanish silently. Each style is looked up, once per prepared
template, in ``word/styles.xml``:

1. by its built-in name (case and spaces ignored: ``heading 3`` and
   ``Heading3`` are the same name), among styles of the right type;
2. else by its English id (``Heading3``);
3. else the documented fallback: a deeper list or heading level takes the
   style of the level above it (``List Bullet 3`` → ``List Bullet 2`` →
   ``List Bullet``); a style still missing keeps its English id, which Word
   and LibreOffice render as Normal; :func:`styles_manquants` names it so
   that the checker can report it.

The result is a frozen :class:`~courriers.moteur.markdown.StylesMarkdown`,
handed to the ``markdown`` filter out of the templates' reach
(:data:`STYLES_COURANTS`, like the numbering).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from lxml import etree

from courriers.moteur.markdown import StylesMarkdown

__all__ = ["STYLES_COURANTS", "StylesDuModele", "resoudre_styles"]

#: The :class:`StylesMarkdown` of the template being rendered (set by the
#: engine around each part's rendering, never a template variable).
STYLES_COURANTS: ContextVar[StylesMarkdown | None] = ContextVar("styles_courants", default=None)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ANALYSEUR = etree.XMLParser(resolve_entities=False, huge_tree=True)

# The styles the engine writes: (role, built-in name, English id, type).
_PUCES = ("List Bullet", "List Bullet 2", "List Bullet 3")
_NUMEROS = ("List Number", "List Number 2", "List Number 3")
_TITRES = ("heading 3", "heading 4", "heading 5")
_TABLEAU = "Table Grid"
_CITATION = "Quote"


def _cle(nom: str) -> str:
    """A style name compared as Word does for built-in names.

    >>> _cle("heading 3") == _cle("Heading3")
    True
    """
    return re.sub(r"\s+", "", nom).casefold()


def _id_anglais(nom: str) -> str:
    """The id English Word gives a built-in style.

    >>> _id_anglais("heading 3"), _id_anglais("List Bullet 2")
    ('Heading3', 'ListBullet2')
    """
    return "".join(mot[:1].upper() + mot[1:] for mot in nom.split())


@dataclass(frozen=True)
class StylesDuModele:
    """The styles of a template: name (compared by :func:`_cle`) → id, and
    the ids, for paragraph and table styles."""

    par_nom: Mapping[tuple[str, str], str]
    ids: frozenset[tuple[str, str]]

    @classmethod
    def lire(cls, styles_xml: bytes | None) -> StylesDuModele:
        """The styles of a ``word/styles.xml`` (none when absent)."""
        par_nom: dict[tuple[str, str], str] = {}
        ids: set[tuple[str, str]] = set()
        if styles_xml:
            racine = etree.fromstring(styles_xml, _ANALYSEUR)
            for style in racine.iter(f"{_W}style"):
                sorte = style.get(f"{_W}type", "paragraph")
                style_id = style.get(f"{_W}styleId")
                if not style_id:
                    continue
                ids.add((sorte, style_id))
                nom = style.find(f"{_W}name")
                if nom is not None and nom.get(f"{_W}val"):
                    par_nom.setdefault((sorte, _cle(nom.get(f"{_W}val", ""))), style_id)
        return cls(MappingProxyType(par_nom), frozenset(ids))

    def trouver(self, nom: str, sorte: str = "paragraph") -> str | None:
        """The id of the style named ``nom`` (by name, then by English id)."""
        trouve = self.par_nom.get((sorte, _cle(nom)))
        if trouve is not None:
            return trouve
        anglais = _id_anglais(nom)
        return anglais if (sorte, anglais) in self.ids else None


def _niveaux(styles: StylesDuModele, noms: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of a series of levels; a missing level takes the one above."""
    resolus: list[str] = []
    for nom in noms:
        trouve = styles.trouver(nom)
        resolus.append(trouve or (resolus[-1] if resolus else _id_anglais(nom)))
    return tuple(resolus)


def resoudre_styles(styles_xml: bytes | None) -> StylesMarkdown:
    """The ids the Markdown filter writes, resolved in ``styles_xml``.

    >>> xml = b'''<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    ... <w:style w:type="paragraph" w:styleId="Titre3"><w:name w:val="heading 3"/></w:style>
    ... <w:style w:type="paragraph" w:styleId="Listepuces"><w:name w:val="List Bullet"/></w:style>
    ... <w:style w:type="table" w:styleId="Grilledutableau"><w:name w:val="Table Grid"/></w:style>
    ... </w:styles>'''
    >>> styles = resoudre_styles(xml)
    >>> styles.titres, styles.puces, styles.tableau
    (('Titre3', 'Titre3', 'Titre3'), ('Listepuces', 'Listepuces', 'Listepuces'), 'Grilledutableau')
    >>> styles.numeros, styles.citation
    (('ListNumber', 'ListNumber', 'ListNumber'), 'Quote')
    """
    styles = StylesDuModele.lire(styles_xml)
    return StylesMarkdown(
        puces=_niveaux(styles, _PUCES),
        numeros=_niveaux(styles, _NUMEROS),
        titres=_niveaux(styles, _TITRES),
        tableau=styles.trouver(_TABLEAU, "table") or _id_anglais(_TABLEAU),
        citation=styles.trouver(_CITATION) or _CITATION,
    )


def styles_manquants(styles_xml: bytes | None) -> list[str]:
    """The built-in names of the styles the Markdown filter needs and the
    template lacks (first levels only: deeper ones fall back).

    >>> styles_manquants(None)
    ['List Bullet', 'List Number', 'heading 3', 'Table Grid', 'Quote']
    """
    styles = StylesDuModele.lire(styles_xml)
    voulus = [(_PUCES[0], "paragraph"), (_NUMEROS[0], "paragraph"), (_TITRES[0], "paragraph")]
    voulus += [(_TABLEAU, "table"), (_CITATION, "paragraph")]
    return [nom for nom, sorte in voulus if styles.trouver(nom, sorte) is None]


def styles_sans_numerotation(styles_xml: bytes | None) -> list[tuple[str, str]]:
    """(built-in name, id) of the list styles the template has but that
    carry no numbering (``w:numPr``, directly or through ``basedOn``): their
    bullets or numbers would not show.

    >>> xml = b'''<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    ... <w:style w:type="paragraph" w:styleId="Listepuces"><w:name w:val="List Bullet"/></w:style>
    ... </w:styles>'''
    >>> styles_sans_numerotation(xml)
    [('List Bullet', 'Listepuces')]
    """
    if not styles_xml:
        return []
    racine = etree.fromstring(styles_xml, _ANALYSEUR)
    par_id = {
        s.get(f"{_W}styleId"): s
        for s in racine.iter(f"{_W}style")
        if s.get(f"{_W}type", "paragraph") == "paragraph"
    }
    styles = StylesDuModele.lire(styles_xml)
    manquants = []
    for nom in (_PUCES[0], _NUMEROS[0]):
        style_id = styles.trouver(nom)
        if style_id is not None and not _numerote(par_id, style_id):
            manquants.append((nom, style_id))
    return manquants


def _numerote(par_id: Mapping[str | None, object], style_id: str) -> bool:
    """Whether a paragraph style carries a numbering, itself or by inheritance."""
    vus: set[str] = set()
    courant: str | None = style_id
    while courant is not None and courant not in vus:
        vus.add(courant)
        style: Any = par_id.get(courant)
        if style is None:
            return False
        if style.find(f"{_W}pPr/{_W}numPr/{_W}numId") is not None:
            return True
        parent = style.find(f"{_W}basedOn")
        courant = None if parent is None else parent.get(f"{_W}val")
    return False
