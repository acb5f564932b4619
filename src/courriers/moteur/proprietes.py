"""Document properties (``docProps/core.xml``): the template's, rendered,
and those derived from the data.

A template author may write Jinja in a property (File > Properties in
Word: a title ``{{ objet }}``): it is rendered like the other parts, with
the same variables and filters. Which value a property gets:

1. written with Jinja in the template, and not empty once rendered: the
   rendered text;
2. else, when courriers derives one (title, author, subject, language):
   the derived value;
3. else the template's text, as it is (a description, keywords…).

A property without any tag describes the template (Word fills the author
with its user's name), not the document: the derived value replaces it.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, Template, TemplateError
from lxml import etree

from courriers.moteur.erreurs_jinja import erreur_jinja
from courriers.moteur.texte_xml import nettoyer

_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_BALISES = re.compile(r"<[^>]+>")
_ANALYSEUR = etree.XMLParser(resolve_entities=False, huge_tree=True)
ESPACES_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
#: The text properties a template may write with Jinja.
PROPRIETES_TEXTE = (
    ("dc", "title"),
    ("dc", "subject"),
    ("dc", "creator"),
    ("cp", "keywords"),
    ("dc", "description"),
    ("cp", "category"),
    ("dc", "language"),
    ("dc", "identifier"),
)


@dataclass(frozen=True)
class Proprietes:
    """Document properties (File > Properties in Word)."""

    titre: str
    auteur: str = ""
    sujet: str = ""
    langue: str = "fr-FR"


@dataclass(frozen=True)
class ProprietesModele:
    """The template's ``core.xml`` and the Jinja templates of its properties."""

    core: bytes
    gabarits: tuple[tuple[str, Template], ...]
    #: Without Jinja in the properties, the part serialised once with a
    #: hole for each derived property (:func:`_a_trous`).
    _trous: list[tuple[tuple[bytes, ...], tuple[str, ...]]] = field(
        default_factory=list, compare=False, repr=False
    )

    def ecrire(
        self, proprietes: Proprietes, contexte: Mapping[str, Any], modele: str = ""
    ) -> bytes:
        """``core.xml`` for one document (see the module docstring)."""
        if self.gabarits:
            return self._ecrire(proprietes, contexte, modele)
        # The same bytes as the tree, without parsing the part again for
        # every document: its four texts put in the holes, escaped as lxml
        # escapes a text.
        if not self._trous:
            self._trous.append(_a_trous(self.core))
        morceaux, ordre = self._trous[0]
        valeurs = _valeurs(proprietes)
        resultat = [morceaux[0]]
        for nom, suite in zip(ordre, morceaux[1:], strict=True):
            resultat += [_texte_ecrit(valeurs[nom]), suite]
        return b"".join(resultat)

    def _ecrire(self, proprietes: Proprietes, contexte: Mapping[str, Any], modele: str) -> bytes:
        arbre = etree.fromstring(self.core, _ANALYSEUR)
        valeurs = _valeurs(proprietes)
        for balise, gabarit in self.gabarits:
            element = arbre.find(balise)
            if element is None:
                continue
            try:
                rendu = gabarit.render(contexte)
            except TemplateError as exc:
                raise erreur_jinja(modele, exc) from exc
            texte = " ".join(html.unescape(_BALISES.sub(" ", rendu)).split())
            element.text = texte_propriete(texte) if texte else None
        rendues = {etree.QName(b).localname for b, _ in self.gabarits}
        for prefixe, nom in PROPRIETES_TEXTE:
            if nom not in valeurs or (nom in rendues and _texte(arbre, prefixe, nom)):
                continue
            element = arbre.find(f"{{{ESPACES_CORE[prefixe]}}}{nom}")
            if element is None:
                element = etree.SubElement(arbre, f"{{{ESPACES_CORE[prefixe]}}}{nom}")
            element.text = texte_propriete(valeurs[nom])
        return _DECLARATION + etree.tostring(arbre, encoding="utf-8")


def _valeurs(proprietes: Proprietes) -> dict[str, str]:
    return {
        "title": proprietes.titre,
        "creator": proprietes.auteur,
        "subject": proprietes.sujet,
        "language": proprietes.langue,
    }


_TROU = "courriers-propriete-{}-a-remplacer"


@functools.lru_cache(maxsize=256)
def _texte_ecrit(valeur: str) -> bytes:
    """A property's text as lxml writes it (the author and the subject are
    the same for every invitation of a batch: written once)."""
    return html.escape(texte_propriete(valeur), quote=False).replace("\r", "&#13;").encode()


def _a_trous(core: bytes) -> tuple[tuple[bytes, ...], tuple[str, ...]]:
    """The part with the four derived texts set to holes, serialised once:
    the pieces around the holes, and the property of each hole, in the
    order of the part."""
    arbre = etree.fromstring(core, _ANALYSEUR)
    noms = [nom for _, nom in PROPRIETES_TEXTE if nom in _valeurs(Proprietes(""))]
    for prefixe, nom in PROPRIETES_TEXTE:
        if nom not in noms:
            continue
        element = arbre.find(f"{{{ESPACES_CORE[prefixe]}}}{nom}")
        if element is None:
            element = etree.SubElement(arbre, f"{{{ESPACES_CORE[prefixe]}}}{nom}")
        element.text = _TROU.format(nom)
    xml = _DECLARATION + etree.tostring(arbre, encoding="utf-8")
    trous = sorted((xml.index(_TROU.format(nom).encode("ascii")), nom) for nom in noms)
    morceaux, debut = [], 0
    for position, nom in trous:
        morceaux.append(xml[debut:position])
        debut = position + len(_TROU.format(nom))
    morceaux.append(xml[debut:])
    return tuple(morceaux), tuple(nom for _, nom in trous)


def _texte(arbre: Any, prefixe: str, nom: str) -> str:
    element = arbre.find(f"{{{ESPACES_CORE[prefixe]}}}{nom}")
    return "" if element is None else (element.text or "").strip()


def compiler(core: bytes, env: Environment, modele: str = "") -> ProprietesModele:
    """Compile the properties of ``core`` that hold Jinja tags."""
    arbre = etree.fromstring(core, _ANALYSEUR)
    gabarits = []
    for prefixe, nom in PROPRIETES_TEXTE:
        balise = f"{{{ESPACES_CORE[prefixe]}}}{nom}"
        element = arbre.find(balise)
        texte = "" if element is None else element.text or ""
        if "{{" in texte or "{%" in texte:
            try:
                gabarits.append((balise, env.from_string(texte)))
            except TemplateError as exc:
                raise erreur_jinja(modele, exc) from exc
    return ProprietesModele(core, tuple(gabarits))


def texte_propriete(valeur: str) -> str:
    """Property text without XML-illegal characters (lxml refuses them), on
    one line, with the typographic apostrophe (LibreOffice 7.4 escapes an
    ASCII one twice in the PDF's XMP metadata: ``L&apos;ALLIER``).

    >>> texte_propriete("L'Allier\\nà\\x00 Moulins")
    'L’Allier à Moulins'
    """
    return nettoyer(valeur).replace("\n", " ").replace("'", "’")
