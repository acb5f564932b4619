"""docxtpl's steps around Jinja, and the checks of a rendered part.

Before Jinja, a part's XML is given as docxtpl gives it (tags split by Word
repaired, :func:`avant_jinja`); after it, docxtpl's own steps in its order
(:func:`apres_jinja`). The rendered part is then parsed by a strict parser
(:func:`verifier_partie`: an error, never a repair) and completed by the
passes that only read its markup (:func:`cellules_terminees`,
:func:`renumeroter_images`). Used by the engine (``prepare``) and by the
template checker (``verification``), so that both see the same XML.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docxtpl import DocxTemplate
from lxml import etree

from courriers.messages import erreur
from courriers.moteur.word import refuser_revisions, retirer_commentaires

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": NS_W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
_W_T = f"{{{NS_W}}}t"
_W_TC = f"{{{NS_W}}}tc"
_WP_DOCPR = f"{{{_NS['wp']}}}docPr"
#: The parser of every part: no entity resolved, large parts allowed.
ANALYSEUR = etree.XMLParser(resolve_entities=False, huge_tree=True)
#: docxtpl's stateless helpers (patch_xml, resolve_listing).
DOCXTPL = DocxTemplate(io.BytesIO())


def avant_jinja(octets: bytes, modele: str = "", nom: str = "") -> str:
    """A part's XML as docxtpl gives it to Jinja: tracked changes refused,
    comment anchors removed, serialised by lxml, tags repaired, a newline
    before each paragraph (for error line numbers)."""
    racine = etree.fromstring(octets, ANALYSEUR)
    refuser_revisions(racine, modele, nom)
    retirer_commentaires(racine)
    source = etree.tostring(racine, encoding="unicode")
    source = DOCXTPL.patch_xml(source)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", source)


def apres_jinja(xml: str) -> str:
    """docxtpl's steps after Jinja, in its order."""
    # re.sub(r"\n<w:p([ >])", r"<w:p\1", xml), by plain replacements.
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    if "{_" in xml or "_}" in xml or "%_" in xml:
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
    if not any(c in xml for c in "\t\n\a\f") or not _CONTROLES_DANS_UN_TEXTE.search(xml):
        return xml  # resolve_listing would change nothing: skip its cost
    resolu: str = DOCXTPL.resolve_listing(xml)
    return resolu


# \t \n \a \f inside a text node: what docxtpl's resolve_listing turns into
# Word elements. Values never hold them (``finaliser`` maps them already);
# only the template's own text might.
_CONTROLES_DANS_UN_TEXTE = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")


def verifier_partie(xml: str, modele: str, partie: str) -> Any:
    """Strict parse of a rendered part, and the one structural mistake a
    well-formed part can still hold: elements inside a text node (a block
    filter such as ``markdown`` used without ``{{p … }}``)."""
    try:
        arbre = etree.fromstring(xml.encode("utf-8"), ANALYSEUR)
    except etree.XMLSyntaxError as exc:
        raise erreur("modele.xml_invalide", modele=modele, partie=partie, detail=exc.msg) from exc
    if any(len(t) for t in arbre.iter(_W_T)):
        raise erreur("modele.paragraphe_dans_un_texte", modele=modele, partie=partie)
    return arbre


def cellules_terminees(arbre: Any) -> bool:
    """Word requires every table cell to end with a paragraph; a Markdown
    table inserted last in a cell (``{{p … |markdown }}``) would not.
    Whether a paragraph was added."""
    ajoute = False
    for cellule in arbre.iter(_W_TC):
        if len(cellule) == 0 or cellule[-1].tag != f"{{{NS_W}}}p":
            etree.SubElement(cellule, f"{{{NS_W}}}p")
            ajoute = True
    return ajoute


def renumeroter_images(arbre: Any) -> bool:
    """Unique ids for drawings (a loop may repeat an image); whether there
    was one."""
    numero = 1000
    for numero, doc_pr in enumerate(arbre.iter(_WP_DOCPR), start=1001):
        doc_pr.set("id", str(numero))
    return numero > 1000


def saut_de_page() -> Any:
    return etree.fromstring(
        f'<w:p xmlns:w="{NS_W}"><w:r><w:br w:type="page"/></w:r></w:p>', ANALYSEUR
    )
