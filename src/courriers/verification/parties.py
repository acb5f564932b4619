"""Reading the parts of a DOCX the engine renders (body, headers, footers,
notes), naming them for the reports, and compiling a part whole as the
engine does."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from lxml import etree

from courriers.messages import erreur
from courriers.moteur.bac_a_sable import BacASable
from courriers.moteur.erreurs_jinja import message_jinja, texte_autour
from courriers.moteur.etapes import ANALYSEUR as _ANALYSEUR
from courriers.moteur.etapes import avant_jinja as _avant_jinja
from courriers.moteur.prepare import _PARTIES_A_RENDRE
from courriers.verification.lieux import _Paragraphe
from courriers.verification.problemes import Probleme

_NOM_PARTIE = re.compile(r"^word/(document|header|footer|footnotes|endnotes)(\d*)\.xml$")
_LIBELLES_PARTIES = {
    "document": "corps",
    "header": "en-tête",
    "footer": "pied de page",
    "footnotes": "notes de bas de page",
    "endnotes": "notes de fin",
}


def _parties(chemin: Path) -> list[tuple[str, bytes]]:
    """The parts the engine renders, body first, then headers, footers and
    notes."""
    try:
        with zipfile.ZipFile(chemin) as paquet:
            noms = [nom for nom in paquet.namelist() if _PARTIES_A_RENDRE.match(nom)]
            if "word/document.xml" not in noms:
                raise KeyError("pas de word/document.xml")
            contenus = [(nom, paquet.read(nom)) for nom in noms]
    except Exception as exc:  # zipfile raises several kinds
        raise erreur("modele.illisible", chemin=chemin, raison=exc) from exc
    return sorted(contenus, key=lambda contenu: _ordre_partie(contenu[0]))


def _ordre_partie(nom: str) -> tuple[int, int]:
    """Sort key of a part: body, headers, footers, notes, each by number."""
    correspondance = _NOM_PARTIE.match(nom)
    if correspondance is None:
        return (len(_LIBELLES_PARTIES), 0)
    sorte, numero = correspondance.groups()
    return (list(_LIBELLES_PARTIES).index(sorte), int(numero or 0))


def _nom_partie(nom: str) -> str:
    """``corps``, ``en-tête 1``, ``pied de page 2``, ``notes de bas de page``."""
    correspondance = _NOM_PARTIE.match(nom)
    if correspondance is None:
        return nom
    sorte, numero = correspondance.groups()
    libelle = _LIBELLES_PARTIES[sorte]
    return f"{libelle} {numero}" if numero and sorte in ("header", "footer") else libelle


def _racine(chemin: Path, nom: str, octets: bytes) -> Any:
    """The XML tree of a part."""
    try:
        return etree.fromstring(octets, _ANALYSEUR)
    except etree.XMLSyntaxError as exc:
        raise erreur("modele.illisible", chemin=chemin, raison=f"{nom} : {exc.msg}") from exc


def _compilation(
    modele: str,
    partie: str,
    octets: bytes,
    paragraphes: Sequence[_Paragraphe],
    env: BacASable,
) -> list[Probleme]:
    """The part compiled whole, as the engine does: the last guard, for a
    mistake the tag by tag checks would have missed."""
    source = _avant_jinja(octets)
    try:
        env.from_string(source)
    except TemplateError as exc:
        ligne = getattr(exc, "lineno", None) or 0
        lieu, texte = f"ligne {ligne} du XML", texte_autour(source, ligne)
        lignes = source.splitlines()
        if 0 < ligne <= len(lignes):
            trouve = _paragraphe_de_la_ligne(lignes[ligne - 1], paragraphes)
            if trouve is not None:
                lieu, texte = trouve.lieu, trouve.texte
        return [Probleme("syntaxe", partie, lieu, texte, message_jinja(modele, exc))]
    except (ValueError, RecursionError, MemoryError):
        texte = "expression trop longue ou trop imbriquée ; simplifiez-la"
        return [Probleme("syntaxe", partie, "toute la partie", "", texte)]
    return []


def _paragraphe_de_la_ligne(ligne: str, paragraphes: Sequence[_Paragraphe]) -> _Paragraphe | None:
    """The paragraph of a line of a part's Jinja source (one paragraph a
    line), found by its text."""
    texte = html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)", ligne))).strip()
    return next((p for p in paragraphes if texte and p.texte.strip() == texte), None)
