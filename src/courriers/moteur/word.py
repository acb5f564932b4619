"""What Word leaves in a template besides its text: tracked changes,
comments, the content type of a Word template (``.dotx``).

The rules (documented in ``docs/modeles-docx.md``, « Ce que Word fait à vos
balises »):

* **tracked changes** (insertions, deletions, moves, formatting changes)
  are refused: the engine would otherwise run the tags of deleted text,
  print a moved text twice and copy the revision marks into every
  document. The checker reports each with its place; the author accepts or
  rejects them in Word (Révision > Accepter / Refuser) and saves;
* **comments** are removed from every generated document: their anchors
  are taken out of each part before docxtpl repairs the tags (an anchor
  inside a tag can never be left unbalanced), and the comments part is
  dropped from the package;
* a **Word template** (``.dotx``) is read as a document: the main part's
  content type is switched; macro-enabled files are refused earlier
  (:mod:`courriers.limites`).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

from courriers.messages import erreur

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{NS_W}}}"
_NS = {"w": NS_W}

#: Revision marks, with what they are in French (for the messages).
REVISIONS: dict[str, str] = {
    "ins": "insertion",
    "del": "suppression",
    "moveFrom": "déplacement (origine)",
    "moveTo": "déplacement (destination)",
    "moveFromRangeStart": "déplacement (origine)",
    "moveToRangeStart": "déplacement (destination)",
    "rPrChange": "mise en forme modifiée",
    "pPrChange": "mise en forme de paragraphe modifiée",
    "sectPrChange": "mise en page modifiée",
    "tblPrChange": "mise en forme de tableau modifiée",
    "trPrChange": "mise en forme de ligne modifiée",
    "tcPrChange": "mise en forme de cellule modifiée",
    "tblGridChange": "grille de tableau modifiée",
    "numberingChange": "numérotation modifiée",
    "cellIns": "cellule insérée",
    "cellDel": "cellule supprimée",
    "cellMerge": "cellules fusionnées",
}
_REVISIONS = tuple(f"{_W}{nom}" for nom in REVISIONS)
_COMMENTAIRES = tuple(f"{_W}{nom}" for nom in ("commentRangeStart", "commentRangeEnd"))
_REFERENCE = f"{_W}commentReference"

#: Relationships of the comments parts (Word 2007 to 365).
RELATIONS_COMMENTAIRES = ("/comments", "/commentsExtended", "/commentsIds", "/commentsExtensible")

_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MODELE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def revisions(racine: Any) -> list[Any]:
    """The revision marks of a part, in document order."""
    return list(racine.iter(*_REVISIONS))


def nature(revision: Any) -> str:
    """What a revision mark is, in French: ``insertion``, ``suppression``…"""
    return REVISIONS[etree.QName(revision).localname]


def refuser_revisions(racine: Any, modele: str, partie: str) -> None:
    """Raise ``modele.modifications_suivies`` when the part has a revision mark."""
    marques = revisions(racine)
    if marques:
        raise erreur(
            "modele.modifications_suivies",
            modele=modele,
            partie=partie,
            nombre=len(marques),
            premiere=f"{nature(marques[0])} « {_texte_revision(marques[0])} »",
        )


def _texte_revision(marque: Any) -> str:
    """The text of a revision mark (inserted, deleted or moved), or of its
    paragraph, cut to 60 characters."""
    textes = marque.xpath(".//w:t/text() | .//w:delText/text()", namespaces=_NS)
    if not textes:
        paragraphe = next(marque.iterancestors(f"{_W}p"), None)
        textes = [] if paragraphe is None else paragraphe.xpath(".//w:t/text()", namespaces=_NS)
    texte = "".join(textes).strip()
    return texte if len(texte) <= 60 else texte[:59] + "…"


def retirer_commentaires(racine: Any) -> None:
    """Remove the comment anchors and references of a part (in place)."""
    for ancre in list(racine.iter(*_COMMENTAIRES)):
        _retirer(ancre)
    for reference in list(racine.iter(_REFERENCE)):
        run = reference.getparent()
        if run is not None and run.tag == f"{_W}r" and len(_contenu(run)) == 1:
            _retirer(run)
        else:
            _retirer(reference)


def _contenu(run: Any) -> list[Any]:
    return [e for e in run if e.tag != f"{_W}rPr"]


def _retirer(element: Any) -> None:
    """Remove ``element``, keeping the text that follows it (lxml's tail)."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        precedent = element.getprevious()
        if precedent is not None:
            precedent.tail = (precedent.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def en_document(octets: bytes) -> bytes:
    """A ``.dotx`` package read as a ``.docx`` (the main part's content type
    switched); any other package unchanged.

    >>> en_document(b"pas un zip")
    b'pas un zip'
    """
    try:
        with zipfile.ZipFile(io.BytesIO(octets)) as paquet:
            types = paquet.read("[Content_Types].xml")
            if _MODELE.encode() not in types:
                return octets
            membres = [(info, paquet.read(info)) for info in paquet.infolist()]
    except (zipfile.BadZipFile, KeyError):
        return octets
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as copie:
        for info, contenu in membres:
            if info.filename == "[Content_Types].xml":
                contenu = re.sub(re.escape(_MODELE).encode(), _DOCUMENT.encode(), contenu)
            copie.writestr(info, contenu)
    return tampon.getvalue()
