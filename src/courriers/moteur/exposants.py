"""French ordinals with their suffix in superscript: ``1er``, ``2e``.

Applied to the rendered body tree: every run whose text holds an ordinal is
split so that the suffix stands in a run of its own, with the same
properties plus ``vertAlign=superscript``. A part with no ordinal costs one
regular-expression search per text node: the runs are only looked at when
a text holds an ordinal.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from courriers.francais.typographie import contient_un_ordinal, decouper_ordinaux

_W_R = qn("w:r")
_W_T = qn("w:t")
_W_RPR = qn("w:rPr")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def ordinaux_en_exposant(arbre: Any) -> bool:
    """Split the runs of ``arbre`` (an lxml element) around ordinal
    suffixes; whether one was."""
    # Most parts have no ordinal at all: one search over all their text
    # (a superset of the text nodes, separated so that no word is made
    # across two nodes) tells, and then no node is looked at.
    if not contient_un_ordinal("\n".join(arbre.itertext())):
        return False
    # The runs holding (at any depth) a text with an ordinal.
    candidats = {
        run
        for t in arbre.iter(_W_T)
        if t.text and contient_un_ordinal(t.text)
        for run in t.iterancestors(_W_R)
    }
    decoupe = False
    for run in list(arbre.iter(_W_R)):
        if run in candidats and not _en_exposant(run):
            _decouper(run)
            decoupe = True
    return decoupe


def _en_exposant(run: Any) -> bool:
    return run.find(f"{_W_RPR}/{qn('w:vertAlign')}") is not None


def _decouper(run: Any) -> None:
    """Replace ``run`` by runs where every ordinal suffix is superscript."""
    rpr = run.find(_W_RPR)
    runs = [_run(rpr, exposant=False)]
    for enfant in list(run):
        if enfant.tag == _W_RPR:
            continue
        if enfant.tag != _W_T or not enfant.text:
            runs[-1].append(enfant)
            continue
        for texte, exposant in decouper_ordinaux(enfant.text):
            if exposant:
                runs.append(_run(rpr, exposant=True))
                runs[-1].append(_texte(texte))
                runs.append(_run(rpr, exposant=False))
            else:
                runs[-1].append(_texte(texte))
    parent = run.getparent()
    position = parent.index(run)
    parent.remove(run)
    for decalage, nouveau in enumerate(r for r in runs if _a_du_contenu(r)):
        parent.insert(position + decalage, nouveau)


def _a_du_contenu(run: Any) -> bool:
    return any(enfant.tag != _W_RPR for enfant in run)


def _run(rpr: Any, exposant: bool) -> Any:
    run = OxmlElement("w:r")
    if rpr is not None or exposant:
        # Re-parsed by python-docx so that the superscript lands at its
        # schema position among the run properties.
        props: Any = parse_xml(etree.tostring(rpr)) if rpr is not None else OxmlElement("w:rPr")
        if exposant:
            props.superscript = True
        run.append(props)
    return run


def _texte(texte: str) -> Any:
    t = OxmlElement("w:t")
    t.text = texte
    t.set(_XML_SPACE, "preserve")
    return t
