"""Accessibility checks of a template or of a rendered document (RGAA,
WCAG 2.1): what a program can see in the DOCX, each reported as a warning
with its place (``docs/accessibilite.md`` says what only a person can
judge, and how to fix each warning in Word).

* an image without alternative text (``descr`` of ``wp:docPr``), unless
  marked decorative;
* a data table (two rows or more) whose first row is not a header row
  (``w:tblHeader``, « Répéter en tant que ligne d'en-tête » in Word); a
  table of one row is taken for a layout table;
* a heading level skipped (a ``Heading 3`` after a ``Heading 1``), levels
  read from the paragraph's outline level, its style or the style's bases;
* empty paragraphs used as spacing: an empty paragraph between two
  paragraphs (not the one Word needs after a table, nor a cell's only one);
* text coloured with a contrast below 4.5:1 against white (WCAG 2.1,
  1.4.3), in a run or in a style that the document uses (or the Markdown
  filter, when a tag of the template uses it);
* a document title property left empty (rendered documents only: the
  engine gives every document a title);
* a list typed by hand (a paragraph starting with « - », « • »… that is
  not a Word list).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from courriers.messages import erreur
from courriers.moteur.etapes import ANALYSEUR as _ANALYSEUR
from courriers.moteur.etapes import NS_W
from courriers.moteur.markdown import STYLES_PAR_DEFAUT
from courriers.verification.contraste import (
    CONTRASTE_MINIMAL,
    _couleur,
    _message_contraste,
    contraste_sur_blanc,
)
from courriers.verification.lieux import _Paragraphe, _paragraphes
from courriers.verification.parties import _nom_partie, _ordre_partie
from courriers.verification.problemes import Genre, Probleme
from courriers.verification.rapports import rapport

_W = f"{{{NS_W}}}"
_NS = {
    "w": NS_W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_PARTIES = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_PUCE_TAPEE = re.compile(r"^\s*[-–—•*·▪]\s+\S")
_MARKDOWN = re.compile(r"\|\s*markdown\b")
_TITRE_STYLE = re.compile(r"^(?:heading|titre)\s*([1-9])$", re.IGNORECASE)


def refuser_si_inaccessible(contenu: bytes, nom: str) -> None:
    """For ``--strict``: raise the error ``controles.accessibilite`` when
    the rendered document ``nom`` has accessibility warnings."""
    problemes = verifier_accessibilite(contenu)
    if problemes:
        raise erreur("controles.accessibilite", document=nom, rapport=rapport(problemes))


def verifier_accessibilite(docx: Path | bytes, document: bool = True) -> list[Probleme]:
    """The accessibility warnings of a DOCX: a rendered document
    (``document=True``) or a template (the title check left out: the
    engine sets each document's title)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx) if isinstance(docx, bytes) else docx) as paquet:
            contenus = {nom: paquet.read(nom) for nom in paquet.namelist()}
    except (OSError, zipfile.BadZipFile):
        return []  # the package itself is checked elsewhere
    styles = _Styles(contenus.get("word/styles.xml"))
    problemes: list[Probleme] = []
    utilises: set[str] = set()
    markdown = False
    noms = sorted((n for n in contenus if _PARTIES.match(n)), key=_ordre_partie)
    for nom in noms:
        racine = etree.fromstring(contenus[nom], _ANALYSEUR)
        partie = _Partie(_nom_partie(nom), _paragraphes(racine), styles)
        problemes += partie.verifier(racine)
        utilises |= partie.styles_utilises
        markdown = markdown or any(_MARKDOWN.search(p.texte) for p in partie.paragraphes)
    problemes += styles.contrastes(utilises, markdown)
    if document:
        problemes += _titre(contenus.get("docProps/core.xml"))
    return problemes


@dataclass(frozen=True)
class _Style:
    nom: str
    base: str | None
    couleur: str | None
    niveau: int | None
    liste: bool


class _Styles:
    """The styles of ``word/styles.xml``: bases, colours, heading levels, lists."""

    def __init__(self, xml: bytes | None) -> None:
        self.styles: dict[str, _Style] = {}
        if xml is None:
            return
        for style in etree.fromstring(xml, _ANALYSEUR).iterfind("w:style", _NS):
            identifiant = style.get(f"{_W}styleId", "")
            nom = style.find("w:name", _NS)
            base = style.find("w:basedOn", _NS)
            niveau = style.find("w:pPr/w:outlineLvl", _NS)
            self.styles[identifiant] = _Style(
                nom="" if nom is None else nom.get(f"{_W}val", ""),
                base=None if base is None else base.get(f"{_W}val"),
                couleur=_couleur(style.find("w:rPr", _NS)),
                niveau=None if niveau is None else int(niveau.get(f"{_W}val", "9")) + 1,
                liste=style.find("w:pPr/w:numPr", _NS) is not None,
            )

    def _chaine(self, identifiant: str | None) -> Iterator[_Style]:
        vus: set[str] = set()
        while identifiant and identifiant in self.styles and identifiant not in vus:
            vus.add(identifiant)
            style = self.styles[identifiant]
            yield style
            identifiant = style.base

    def niveau(self, identifiant: str | None) -> int | None:
        """The heading level of a paragraph style (None: not a heading)."""
        for style in self._chaine(identifiant):
            trouve = _TITRE_STYLE.match(style.nom)
            if style.niveau is not None:
                return style.niveau if style.niveau <= 9 else None
            if trouve:
                return int(trouve[1])
        return None

    def liste(self, identifiant: str | None) -> bool:
        return any(style.liste for style in self._chaine(identifiant))

    def couleur(self, identifiant: str | None) -> str | None:
        return next((s.couleur for s in self._chaine(identifiant) if s.couleur), None)

    def contrastes(self, utilises: set[str], markdown: bool) -> list[Probleme]:
        """The used styles (and those of the Markdown filter, when a tag
        uses it) whose text colour lacks contrast."""
        du_markdown = {
            *STYLES_PAR_DEFAUT.puces,
            *STYLES_PAR_DEFAUT.numeros,
            *STYLES_PAR_DEFAUT.titres,
            STYLES_PAR_DEFAUT.citation,
        }
        if markdown:
            utilises = utilises | (du_markdown & set(self.styles))
        problemes = []
        for identifiant in sorted(utilises):
            couleur = self.couleur(identifiant)
            if couleur and contraste_sur_blanc(couleur) < CONTRASTE_MINIMAL:
                nom = self.styles[identifiant].nom if identifiant in self.styles else identifiant
                problemes.append(
                    _probleme(
                        "contraste_insuffisant",
                        "styles",
                        f"style « {nom} »",
                        "",
                        f"le style « {nom} » : " + _message_contraste(couleur),
                    )
                )
        return problemes


# --- one part ------------------------------------------------------------------


def _probleme(genre: Genre, partie: str, lieu: str, texte: str, message: str) -> Probleme:
    return Probleme(genre, partie, lieu, texte, message, gravite="avertissement")


class _Partie:
    """The checks of one part (body, header, footer), in document order."""

    def __init__(self, nom: str, paragraphes: list[_Paragraphe], styles: _Styles) -> None:
        self.nom = nom
        self.paragraphes = paragraphes
        self.par_element = {p.element: p for p in paragraphes}
        self.styles = styles
        self.styles_utilises: set[str] = set()
        self.trouves: list[tuple[int, Probleme]] = []

    def verifier(self, racine: Any) -> list[Probleme]:
        niveau_precedent = 0
        for paragraphe in self.paragraphes:
            style = _style_du_paragraphe(paragraphe.element)
            if style:
                self.styles_utilises.add(style)
            niveau_precedent = self._titre(paragraphe, style, niveau_precedent)
            self._liste_tapee(paragraphe, style)
            self._vide(paragraphe)
            self._couleurs(paragraphe)
            self._images(paragraphe)
        for numero, tableau in enumerate(racine.iter(f"{_W}tbl"), start=1):
            self._tableau(numero, tableau)
        return [p for _rang, p in sorted(self.trouves, key=lambda t: t[0])]

    def _signaler(self, paragraphe: _Paragraphe, genre: Genre, message: str) -> None:
        probleme = _probleme(genre, self.nom, paragraphe.lieu, paragraphe.texte, message)
        if all(p != probleme for _r, p in self.trouves):
            self.trouves.append((paragraphe.rang, probleme))

    def _titre(self, paragraphe: _Paragraphe, style: str | None, precedent: int) -> int:
        element = paragraphe.element.find("w:pPr/w:outlineLvl", _NS)
        if element is not None:
            niveau: int | None = int(element.get(f"{_W}val", "9")) + 1
            niveau = niveau if niveau is not None and niveau <= 9 else None
        else:
            niveau = self.styles.niveau(style)
        if niveau is None or not paragraphe.texte.strip():
            return precedent
        if niveau > precedent + 1:
            attendu = f"de niveau {precedent + 1} au plus" if precedent else "de niveau 1"
            self._signaler(
                paragraphe,
                "titre_saute",
                f"titre de niveau {niveau} après "
                + (f"un titre de niveau {precedent}" if precedent else "aucun titre")
                + f" : un niveau est sauté, les lecteurs d'écran s'y perdent ; "
                f"donnez-lui un style de titre {attendu}",
            )
        return niveau

    def _liste_tapee(self, paragraphe: _Paragraphe, style: str | None) -> None:
        if not _PUCE_TAPEE.match(paragraphe.texte):
            return
        if paragraphe.element.find("w:pPr/w:numPr", _NS) is not None or self.styles.liste(style):
            return
        precedent = self.par_element.get(paragraphe.element.getprevious())
        if precedent is not None and _PUCE_TAPEE.match(precedent.texte):
            return  # the list is reported at its first item
        self._signaler(
            paragraphe,
            "liste_tapee",
            "liste tapée à la main (tiret ou puce en début de paragraphe) : une liste Word "
            "(style Liste à puces, ou « - » en Markdown dans les données) est annoncée comme "
            "liste par les lecteurs d'écran",
        )

    def _vide(self, paragraphe: _Paragraphe) -> None:
        element = paragraphe.element
        if not _est_vide(element) or _est_vide_aussi(element.getprevious()):
            return
        precedent, suivant = element.getprevious(), element.getnext()
        if not (_a_du_contenu(precedent) and (_a_du_contenu(suivant) or _est_vide(suivant))):
            return
        self._signaler(
            paragraphe,
            "paragraphe_vide",
            "paragraphe vide servant d'espacement : les lecteurs d'écran l'annoncent « vide » ; "
            "supprimez-le et réglez l'espacement avant ou après du paragraphe (Format > "
            "Paragraphe > Espacement)",
        )

    def _couleurs(self, paragraphe: _Paragraphe) -> None:
        for run in paragraphe.element.iterfind("w:r", _NS):
            style = run.find("w:rPr/w:rStyle", _NS)
            if style is not None:
                self.styles_utilises.add(style.get(f"{_W}val", ""))
            couleur = _couleur(run.find("w:rPr", _NS))
            texte = "".join(t.text or "" for t in run.iterfind("w:t", _NS)).strip()
            if couleur and texte and contraste_sur_blanc(couleur) < CONTRASTE_MINIMAL:
                self._signaler(paragraphe, "contraste_insuffisant", _message_contraste(couleur))

    def _images(self, paragraphe: _Paragraphe) -> None:
        for doc_pr in paragraphe.element.iterfind(".//wp:docPr", _NS):
            if etree.QName(next(doc_pr.iterancestors()).getparent()).localname == "Fallback":
                continue
            if (doc_pr.get("descr") or "").strip() or _decorative(doc_pr):
                continue
            nom = doc_pr.get("name") or "sans nom"
            self._signaler(
                paragraphe,
                "image_sans_alternative",
                f"image « {nom} » sans texte de remplacement : clic droit > Modifier le texte "
                "de remplacement (ou « Marquer comme décoratif » si elle n'apporte rien)",
            )

    def _tableau(self, numero: int, tableau: Any) -> None:
        lignes = tableau.findall("w:tr", _NS)
        if len(lignes) < 2 or lignes[0].find("w:trPr/w:tblHeader", _NS) is not None:
            return
        premier = next((p for p in self.paragraphes if p.tableau is tableau), None)
        if premier is None:
            return
        self._signaler(
            premier,
            "tableau_sans_entete",
            f"tableau {numero} sans ligne d'en-tête : sélectionnez sa première ligne, "
            "Propriétés du tableau > Ligne > « Répéter en tant que ligne d'en-tête » (s'il ne "
            "sert qu'à la mise en page, n'en faites pas un tableau de données)",
        )


def _style_du_paragraphe(element: Any) -> str | None:
    style = element.find("w:pPr/w:pStyle", _NS)
    return None if style is None else style.get(f"{_W}val")


def _est_vide(element: Any) -> bool:
    """A paragraph with nothing in it: no text, image, break, field or section."""
    if element is None or element.tag != f"{_W}p":
        return False
    if element.find("w:pPr/w:sectPr", _NS) is not None:
        return False
    for enfant in element.iter():
        nom = etree.QName(enfant).localname if isinstance(enfant.tag, str) else ""
        if nom == "t" and (enfant.text or "").strip():
            return False
        if nom in {"drawing", "pict", "object", "br", "tab", "fldSimple", "fldChar", "sym"}:
            return False
    return True


def _est_vide_aussi(element: Any) -> bool:
    """The previous paragraph is empty too: the run of empties is reported once."""
    return _est_vide(element)


def _a_du_contenu(element: Any) -> bool:
    return element is not None and element.tag == f"{_W}p" and not _est_vide(element)


def _decorative(doc_pr: Any) -> bool:
    """Marked decorative in Word (``adec:decorative val="1"``)."""
    return any(
        etree.QName(e).localname == "decorative" and e.get("val") in {"1", "true"}
        for e in doc_pr.iter()
        if isinstance(e.tag, str)
    )


def _titre(core: bytes | None) -> list[Probleme]:
    titre = None
    if core is not None:
        titre = etree.fromstring(core, _ANALYSEUR).find("dc:title", _NS)
    if titre is not None and (titre.text or "").strip():
        return []
    return [
        _probleme(
            "titre_vide",
            "propriétés du document",
            "titre",
            "",
            "le titre du document est vide : il s'affiche dans la barre de titre du lecteur "
            "PDF et les lecteurs d'écran l'annoncent ; Fichier > Informations > Propriétés > "
            "Titre",
        )
    ]
