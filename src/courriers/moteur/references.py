"""External references of a DOCX package: what would make Word or
LibreOffice read a file or fetch an address when the document is opened or
converted.

Refused (the checker reports each, the engine refuses the template):

* every relationship with ``TargetMode="External"`` except hyperlinks
  (linked images, ``altChunk``, frames, attached templates, sub-documents,
  OLE links…), in every ``.rels`` part;
* the fields that include a file or an address: ``INCLUDEPICTURE``,
  ``INCLUDETEXT``, ``INCLUDE``, ``LINK``, ``DDE``, ``DDEAUTO``, ``IMPORT``;
* a ``DOCTYPE`` or an entity declaration in any XML part (``customXml``
  included): entities can read files or expand without bound.

A hyperlink stays: it is only followed when a reader clicks it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from courriers.messages import erreur

_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LIEN = re.compile(r"/hyperlink$")
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CHAMPS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b", re.I)
_ANALYSEUR = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass(frozen=True)
class Reference:
    """An external reference: where it is, and what it points to."""

    #: Member of the package (``word/_rels/document.xml.rels``).
    partie: str
    #: Place in the member (``relation rId7``, ``champ 2``, ``déclaration``).
    lieu: str
    #: What it is and where it points, in French.
    detail: str


def references_externes(membres: Iterable[tuple[str, bytes]]) -> list[Reference]:
    """Every external reference of the package members (name, bytes).

    >>> rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    ...         b'relationships"><Relationship Id="rId9" TargetMode="External" '
    ...         b'Type="http://x/image" Target="file:///etc/passwd"/></Relationships>')
    >>> [r.lieu for r in references_externes([("word/_rels/document.xml.rels", rels)])]
    ['relation rId9']
    """
    trouvees: list[Reference] = []
    for nom, octets in membres:
        if not nom.endswith((".xml", ".rels")):
            continue
        if _DECLARATION.search(octets):
            trouvees.append(
                Reference(
                    nom, "déclaration", "DOCTYPE ou déclaration d'entité (<!DOCTYPE, <!ENTITY)"
                )
            )
            continue
        if nom.endswith(".rels"):
            trouvees.extend(_relations(nom, octets))
        elif nom.startswith("word/"):
            trouvees.extend(_champs(nom, octets))
    return trouvees


def references_du_paquet(chemin: Path) -> list[Reference]:
    """Every external reference of the DOCX package ``chemin``."""
    try:
        with zipfile.ZipFile(chemin) as paquet:
            return references_externes((n, paquet.read(n)) for n in paquet.namelist())
    except Exception as exc:  # zipfile raises several kinds
        raise erreur("modele.illisible", chemin=chemin, raison=exc) from exc


def refuser_references_externes(chemin: Path) -> None:
    """Refuse (the engine) a template that links a file or an address."""
    externes = references_du_paquet(chemin)
    if externes:
        premiere = externes[0]
        raise erreur(
            "modele.reference_externe",
            chemin=chemin,
            partie=premiere.partie,
            lieu=premiere.lieu,
            detail=premiere.detail,
        )


def _arbre(octets: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(octets, _ANALYSEUR)
    except etree.XMLSyntaxError:
        return None  # reported elsewhere as an unreadable part


def _relations(nom: str, octets: bytes) -> Iterator[Reference]:
    racine = _arbre(octets)
    if racine is None:
        return
    for relation in racine.iter(f"{{{_RELATIONS}}}Relationship"):
        if (relation.get("TargetMode") or "").lower() != "external":
            continue
        sorte = relation.get("Type") or ""
        if _LIEN.search(sorte):
            continue
        yield Reference(
            nom,
            f"relation {relation.get('Id')}",
            f"lien externe de type « {sorte.rsplit('/', 1)[-1]} » vers « {relation.get('Target')} »",
        )


def _champs(nom: str, octets: bytes) -> Iterator[Reference]:
    if b"instr" not in octets:
        return
    racine = _arbre(octets)
    if racine is None:
        return
    instructions = [e.get(f"{{{_NS_W}}}instr") or "" for e in racine.iter(f"{{{_NS_W}}}fldSimple")]
    # A complex field's instruction may be cut into several runs: joined by paragraph.
    for paragraphe in racine.iter(f"{{{_NS_W}}}p"):
        morceaux = [t.text or "" for t in paragraphe.iter(f"{{{_NS_W}}}instrText")]
        if morceaux:
            instructions.append("".join(morceaux))
    for numero, instruction in enumerate(instructions, start=1):
        trouve = _CHAMPS.search(instruction)
        if trouve:
            yield Reference(
                nom,
                f"champ {numero}",
                f"champ {trouve[1].upper()} qui lit un fichier ou une adresse : "
                f"« {instruction.strip()[:120]} »",
            )
