"""Rendering a DOCX template: the only code that drives docxtpl.

A fresh ``DocxTemplate`` is loaded for every document (docxtpl keeps
per-render state in it). The steps of ``DocxTemplate.render`` are run here
one by one so that each rendered part is checked by a strict XML parser
before docxtpl's lenient one sees it: a part that is not well-formed is an
error with the template's name, never a silently repaired document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from lxml import etree

from courriers.erreurs import ErreurModele
from courriers.moteur.environnement import environnement
from courriers.moteur.exposants import ordinaux_en_exposant
from courriers.moteur.numerotation import CLE_NUMEROTATION, Numerotation

_NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Width of the Marianne image in the bloc-marque (house style).
LARGEUR_MARIANNE = Mm(25)


@dataclass(frozen=True)
class Proprietes:
    """Document properties (File > Properties in Word)."""

    titre: str
    auteur: str = ""
    sujet: str = ""
    langue: str = "fr-FR"


def rendre(
    modele: Path,
    contexte: Mapping[str, Any],
    proprietes: Proprietes,
    image_marianne: Path | None = None,
) -> bytes:
    """Render ``modele`` with ``contexte``; return the DOCX bytes.

    Raises :class:`ErreurModele` with a French message for any template
    error (unknown variable, syntax, malformed result).
    """
    try:
        tpl = DocxTemplate(str(modele))
        tpl.render_init()
    except Exception as exc:  # python-docx raises several kinds
        raise ErreurModele(
            f"le modèle « {modele} » n'est pas un document DOCX lisible ({exc})"
        ) from exc
    env = environnement()
    ctx = dict(contexte)
    ctx[CLE_NUMEROTATION] = Numerotation.du_document(tpl.docx)
    ctx["image_marianne"] = (
        InlineImage(tpl, str(image_marianne), width=LARGEUR_MARIANNE) if image_marianne else None
    )
    try:
        _rendre_parties(tpl, ctx, env, modele)
    except TemplateError as exc:
        raise ErreurModele(_message_jinja(modele, exc)) from exc
    _ecrire_proprietes(tpl, proprietes)
    sortie = io.BytesIO()
    tpl.save(sortie)
    return sortie.getvalue()


def _rendre_parties(tpl: Any, ctx: dict[str, Any], env: Any, modele: Path) -> None:
    corps = tpl.build_xml(ctx, env)
    _verifier_xml(corps, modele, "corps du document")
    arbre = tpl.fix_tables(corps)
    tpl.fix_docpr_ids(arbre)
    ordinaux_en_exposant(arbre)
    tpl.map_tree(arbre)
    for uri, partie in ((tpl.HEADER_URI, "en-tête"), (tpl.FOOTER_URI, "pied de page")):
        for cle, xml in list(tpl.build_headers_footers_xml(ctx, uri, env)):
            _verifier_xml(xml, modele, partie)
            tpl.map_headers_footers_xml(cle, xml)
    tpl.is_rendered = True


def _verifier_xml(xml: str | bytes, modele: Path, partie: str) -> None:
    """Strict parse of a rendered part, and the one structural mistake a
    well-formed part can still hold: elements inside a text node (a block
    filter such as ``markdown`` used without ``{{p … }}``)."""
    donnees = xml.encode("utf-8") if isinstance(xml, str) else xml
    try:
        arbre = etree.fromstring(donnees, etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise ErreurModele(
            f"le modèle « {modele.name} » produit un XML invalide dans le {partie} ({exc.msg})"
        ) from exc
    if arbre.xpath("//w:t[*]", namespaces={"w": _NS_W}):
        raise ErreurModele(
            f"le modèle « {modele.name} » produit un XML invalide dans le {partie} : des "
            "paragraphes à l'intérieur d'un texte ; un filtre de bloc comme « markdown » "
            "s'écrit seul dans son paragraphe, avec « {{p … }} »"
        )


_TRADUCTIONS_JINJA: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^'(?P<nom>[^']+)' is undefined$"), "la variable « {nom} » n'existe pas"),
    (
        re.compile(r"^'(?:[\w.]+\.)?(?P<objet>\w+) object' has no attribute '(?P<nom>[^']+)'$"),
        "« {nom} » n'existe pas dans {objet}",
    ),
    (
        re.compile(
            r"^access to attribute '(?P<nom>[^']+)' of '(?P<objet>\w+)' object is unsafe\.$"
        ),
        "accès interdit à « {nom} » de {objet} : les modèles ne peuvent pas atteindre "
        "les mécanismes internes de Python",
    ),
    (re.compile(r"^No filter named '(?P<nom>[^']+)'\.?$"), "filtre inconnu « {nom} »"),
)


def _message_jinja(modele: Path, exc: TemplateError) -> str:
    """A French message for a Jinja error, with the text around it."""
    brut = exc.message or str(exc)
    for motif, francais in _TRADUCTIONS_JINJA:
        correspondance = motif.match(brut)
        if correspondance:
            brut = francais.format(**correspondance.groupdict())
            break
    contexte = " ".join(t.strip() for t in getattr(exc, "docx_context", []) if t.strip())
    pres = f" (près de : « {contexte[:200]} »)" if contexte else ""
    if isinstance(exc, UndefinedError) and not brut.startswith("accès interdit"):
        return f"le modèle « {modele.name} » utilise une variable inconnue : {brut}{pres}"
    if isinstance(exc, TemplateSyntaxError):
        return f"erreur de syntaxe dans le modèle « {modele.name} » : {brut}{pres}"
    return f"erreur dans le modèle « {modele.name} » : {brut}{pres}"


def _ecrire_proprietes(tpl: Any, proprietes: Proprietes) -> None:
    coeur = tpl.docx.core_properties
    coeur.title = proprietes.titre
    coeur.author = proprietes.auteur
    coeur.subject = proprietes.sujet
    coeur.language = proprietes.langue
