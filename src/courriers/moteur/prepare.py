"""A DOCX template prepared once, rendered as many times as needed.

Preparing does everything that does not depend on the data: read the
package, insert the bloc-marque image, patch the Jinja tags split by Word
(docxtpl's ``patch_xml``), compile each part's Jinja template, and compress
the members no rendering changes (styles, theme, images…). Rendering a
document then costs only its own Jinja rendering, checks and zip writing.

The result is the document docxtpl would produce (same steps, from its own
helpers: ``patch_xml``, ``resolve_listing``), with these
differences, all deliberate: each rendered part is parsed by a strict XML
parser (an error, never a silent repair); ordinal suffixes are set in
superscript; Markdown numbered lists restart; document properties are set
(``proprietes``); every table's grid is repaired when its rendered rows
disagree with it (``grilles``).

A prepared template holds no per-render state: it can render documents in
any order, and be shared by the processes of a batch.
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Mm
from jinja2 import Template, TemplateError
from lxml import etree
from markupsafe import Markup

from courriers.limites import verifier_paquet_docx
from courriers.messages import erreur
from courriers.moteur.bornes import TempsDepasse, duree_limitee, valeur_limite
from courriers.moteur.donnees_gabarit import Conversion
from courriers.moteur.environnement import environnement
from courriers.moteur.erreurs_jinja import erreur_de_rendu, erreur_jinja, texte_pres_de
from courriers.moteur.etapes import (
    NS_W,
    apres_jinja,
    avant_jinja,
    cellules_terminees,
    renumeroter_images,
    saut_de_page,
    verifier_partie,
)
from courriers.moteur.exposants import ordinaux_en_exposant
from courriers.moteur.formes import Formes
from courriers.moteur.grilles import reparer_grilles
from courriers.moteur.markdown import STYLES_PAR_DEFAUT, StylesMarkdown
from courriers.moteur.numerotation import (
    NUMEROTATION_COURANTE,
    Numerotation,
    abstrait_du_style,
    styles_numerotes,
)
from courriers.moteur.paquet_zip import Membre, ecrire_zip
from courriers.moteur.proprietes import Proprietes, ProprietesModele, compiler
from courriers.moteur.references import refuser_references_externes
from courriers.moteur.segments import Rendu, Segments
from courriers.moteur.styles import STYLES_COURANTS, resoudre_styles
from courriers.moteur.word import (
    RELATIONS_COMMENTAIRES,
    en_document,
)

_DECLARATION = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_PARTIES_A_RENDRE = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_CORE = "docProps/core.xml"
_NUMBERING = "word/numbering.xml"

#: Width of the Marianne image in the bloc-marque (house style).
LARGEUR_MARIANNE = Mm(25)
#: Alternative text of the Marianne image (accessibility).
TEXTE_ALTERNATIF_MARIANNE = "Marianne, emblème de la République française"
#: Width of a signature image in the signature block.
LARGEUR_SIGNATURE = Mm(40)
#: The template variable of the signature images, by signatory rank.
IMAGES_SIGNATURE = "images_signature"


@dataclass(frozen=True)
class ImageSignature:
    """A signatory's scanned signature: file and alternative text."""

    chemin: Path
    texte_alternatif: str


@dataclass(frozen=True)
class _Partie:
    """A part of the package rendered for each document."""

    nom: str
    gabarit: Template
    image: Markup | None
    #: The Jinja source (to quote the text near an error).
    source: str
    #: The signature images of the part, by signatory rank.
    signatures: Mapping[int, Markup]
    #: The same template by segments (shared ones rendered once a batch).
    segments: Segments = field(compare=False, repr=False)
    #: The shapes of the part already checked (:mod:`courriers.moteur.formes`).
    formes: Formes = field(default_factory=Formes, compare=False, repr=False)


@dataclass(frozen=True)
class ModelePrepare:
    """A template ready to render documents (see the module docstring)."""

    nom: str
    ordre: tuple[str, ...]
    constants: Mapping[str, Membre]
    parties: tuple[_Partie, ...]
    core: ProprietesModele
    numbering: bytes | None
    abstrait_liste_numerotee: int | None
    styles_numerotes: dict[str, str]
    #: The template's ids of the styles the Markdown filter writes.
    styles_markdown: StylesMarkdown = STYLES_PAR_DEFAUT
    #: Plain data for the templates, shared objects converted once a batch.
    _conversion: Conversion = field(default_factory=Conversion, compare=False, repr=False)

    def _numerotation(self) -> Numerotation:
        return Numerotation(self.numbering, self.abstrait_liste_numerotee, self.styles_numerotes)

    def rendre(self, contexte: Mapping[str, Any], proprietes: Proprietes) -> bytes:
        """The DOCX bytes of one document (within the render time limit).

        ``contexte`` holds the template variables as Python objects (models,
        dates…); templates receive them as plain data (``donnees_gabarit``).
        """
        numerotation = self._numerotation()
        with self._limite("word/document.xml"):
            donnees = self._conversion.contexte(contexte)
            rendus = {p.nom: self._rendre_partie(p, donnees, numerotation) for p in self.parties}
            rendus[_CORE] = self.core.ecrire(proprietes, donnees, self.nom)
        if numerotation.modifiee:
            rendus[_NUMBERING] = numerotation.xml()
        return self._paquet(rendus)

    def _rendre_partie(
        self, partie: _Partie, contexte: Mapping[str, Any], numerotation: Numerotation
    ) -> bytes:
        rendu = self._rendu(partie, contexte, numerotation)
        octets = partie.formes.rendre(rendu, apres_jinja, lambda xml: self._serialiser(partie, xml))
        if octets is not None:
            return octets  # a shape checked already, filled with this document's texts
        xml = apres_jinja(rendu.texte)
        arbre, modifie = self._verifier_et_completer(partie, xml, rendu.ordinal)
        if not modifie:
            # The tree is the text parsed, unchanged: the text itself is the
            # part (same XML; re-serialising it would only cost time).
            return _DECLARATION + xml.encode("utf-8")
        return _DECLARATION + etree.tostring(arbre, encoding="utf-8")

    def _arbre(
        self, partie: _Partie, contexte: Mapping[str, Any], numerotation: Numerotation
    ) -> Any:
        rendu = self._rendu(partie, contexte, numerotation)
        return self._verifier_et_completer(partie, apres_jinja(rendu.texte), rendu.ordinal)[0]

    def _serialiser(self, partie: _Partie, xml: str) -> bytes:
        """A rendered part checked, completed by the passes and serialised."""
        arbre, _ = self._verifier_et_completer(partie, xml, True)
        return _DECLARATION + etree.tostring(arbre, encoding="utf-8")

    def _rendu(
        self, partie: _Partie, contexte: Mapping[str, Any], numerotation: Numerotation
    ) -> Rendu:
        """The rendered text of a part, by segments (before docxtpl's steps)."""
        ctx = {**contexte, "image_marianne": partie.image, IMAGES_SIGNATURE: partie.signatures}
        jeton = NUMEROTATION_COURANTE.set(numerotation)
        jeton_styles = STYLES_COURANTS.set(self.styles_markdown)
        try:
            rendu = partie.segments.rendre(ctx)
        except TempsDepasse as exc:
            gabarit = getattr(exc, "gabarit", partie.gabarit)
            exc.args = (texte_pres_de(exc, partie.source, gabarit),)
            raise
        except Exception as exc:
            traduite = erreur_de_rendu(self.nom, partie.nom, exc, partie.source)
            if traduite is None:
                raise
            raise traduite from exc
        finally:
            NUMEROTATION_COURANTE.reset(jeton)
            STYLES_COURANTS.reset(jeton_styles)
        return rendu

    def _verifier_et_completer(self, partie: _Partie, xml: str, ordinal: bool) -> tuple[Any, bool]:
        """The checked tree of a rendered part, after the passes, and
        whether a pass changed it."""
        arbre = verifier_partie(xml, self.nom, partie.nom)
        modifie = reparer_grilles(arbre) > 0
        modifie = renumeroter_images(arbre) or modifie
        modifie = cellules_terminees(arbre) or modifie
        if ordinal:  # most parts have none: no pass at all
            modifie = ordinaux_en_exposant(arbre) or modifie
        return arbre, modifie

    @contextlib.contextmanager
    def _limite(self, partie: str) -> Iterator[None]:
        """The time limit of one document's render, as a French error."""
        try:
            with duree_limitee("COURRIERS_DUREE_MAX_RENDU"):
                yield
        except TempsDepasse as exc:
            secondes = valeur_limite("COURRIERS_DUREE_MAX_RENDU")
            raise erreur(
                "modele.temps_depasse",
                modele=self.nom,
                partie=partie,
                secondes=f"{secondes:g}",
                pres_de=exc.args[0] if exc.args else "",
            ) from None

    def _paquet(self, rendus: Mapping[str, bytes]) -> bytes:
        return ecrire_zip(
            Membre.de(nom, rendus[nom]) if nom in rendus else self.constants[nom]
            for nom in self.ordre
        )

    def fusionner(self, contextes: Iterable[Mapping[str, Any]], proprietes: Proprietes) -> bytes:
        """One DOCX holding a document per context, separated by page breaks.

        Headers and footers are rendered with the first context; each
        document's numbered lists start again at 1.
        """
        numerotation = self._numerotation()
        corps_partie = next(p for p in self.parties if p.nom == "word/document.xml")
        premier: Mapping[str, Any] | None = None
        racine: Any = None
        contenu: list[Any] = []
        for numero, brut in enumerate(contextes):
            with self._limite(corps_partie.nom):
                contexte = self._conversion.contexte(brut)
                arbre = self._arbre(corps_partie, contexte, numerotation)
            corps = arbre.find(f"{{{NS_W}}}body")
            blocs = [e for e in corps if e.tag != f"{{{NS_W}}}sectPr"]
            if numero:
                numerotation.recommencer_listes(blocs)
                contenu.append(saut_de_page())
            else:
                premier, racine = contexte, arbre
            contenu.extend(blocs)
        if premier is None:
            raise ValueError("aucun document à fusionner")
        corps = racine.find(f"{{{NS_W}}}body")
        section = corps.find(f"{{{NS_W}}}sectPr")
        for enfant in list(corps):
            corps.remove(enfant)
        corps.extend(contenu)
        if section is not None:
            corps.append(section)
        renumeroter_images(racine)
        with self._limite("en-têtes et pieds de page"):
            rendus = {
                p.nom: self._rendre_partie(p, premier, numerotation)
                for p in self.parties
                if p is not corps_partie
            }
        rendus[corps_partie.nom] = _DECLARATION + etree.tostring(racine, encoding="utf-8")
        rendus[_CORE] = self.core.ecrire(proprietes, premier, self.nom)
        if numerotation.modifiee:
            rendus[_NUMBERING] = numerotation.xml()
        return self._paquet(rendus)


def preparer(
    modele: Path,
    image_marianne: Path | None = None,
    texte_alternatif: str = TEXTE_ALTERNATIF_MARIANNE,
    images_signature: Mapping[int, ImageSignature] | None = None,
) -> ModelePrepare:
    """Prepare ``modele`` for rendering (see the module docstring).

    ``image_marianne``, the service's official image (or the logo of an
    emitter outside the State, with its ``texte_alternatif``), fills the
    ``{{ image_marianne }}`` slot of the parts that have one;
    ``images_signature``, the signatories' scanned signatures by rank, the
    ``{{ images_signature[rang] }}`` slots.
    """
    verifier_paquet_docx(modele)
    refuser_references_externes(modele)
    try:
        document = Document(io.BytesIO(en_document(modele.read_bytes())))
    except Exception as exc:  # python-docx raises several kinds
        raise erreur("modele.illisible", chemin=modele, raison=exc) from exc
    images = (
        _images(document, image_marianne, LARGEUR_MARIANNE, texte_alternatif)
        if image_marianne
        else {}
    )
    signatures: dict[str, dict[int, Markup]] = {}
    for rang, image in (images_signature or {}).items():
        for nom, xml in _images(
            document, image.chemin, LARGEUR_SIGNATURE, image.texte_alternatif, IMAGES_SIGNATURE
        ).items():
            signatures.setdefault(nom, {})[rang] = xml
    _sans_commentaires(document)
    tampon = io.BytesIO()
    document.save(tampon)
    with zipfile.ZipFile(tampon) as paquet:
        contenus = {nom: paquet.read(nom) for nom in paquet.namelist()}
    env = environnement()
    parties: list[_Partie] = []
    for nom, octets in contenus.items():
        if _PARTIES_A_RENDRE.match(nom):
            source = avant_jinja(octets, modele.name, nom)
            try:
                gabarit = env.from_string(source)
            except TemplateError as exc:
                raise erreur_jinja(modele.name, exc, source) from exc
            except (ValueError, RecursionError, MemoryError) as exc:
                # A number literal of thousands of digits, parentheses nested
                # thousands deep: Jinja's parser fails outside its own errors.
                raise erreur(
                    "modele.syntaxe",
                    modele=modele.name,
                    detail="expression trop longue ou trop imbriquée",
                    pres_de="",
                ) from exc
            segments = Segments.de(env, source, gabarit)
            partie = _Partie(
                nom, gabarit, images.get(nom), source, signatures.get(nom, {}), segments
            )
            parties.append(partie)
    rendus = {p.nom for p in parties} | {_CORE}
    styles = resoudre_styles(contenus.get("word/styles.xml"))
    return ModelePrepare(
        nom=modele.name,
        ordre=tuple(contenus),
        constants={n: Membre.de(n, c) for n, c in contenus.items() if n not in rendus},
        parties=tuple(parties),
        core=compiler(contenus[_CORE], env, modele.name),
        numbering=contenus.get(_NUMBERING),
        abstrait_liste_numerotee=abstrait_du_style(document, styles.numeros[0]),
        styles_numerotes=styles_numerotes(document),
        styles_markdown=styles,
    )


def _sans_commentaires(document: Any) -> None:
    """Drop the comments parts: generated documents carry no comment (their
    anchors are removed from each part by :func:`avant_jinja`)."""
    partie = document.part
    for rid, relation in list(partie.rels.items()):
        if relation.reltype.endswith(RELATIONS_COMMENTAIRES):
            partie.drop_rel(rid)


def _images(
    document: Any, image: Path, largeur: Any, texte: str, emplacement: str = "image_marianne"
) -> dict[str, Markup]:
    """The drawing XML of the image for each story part that has a slot
    (a part whose text names ``emplacement``)."""
    drawings: dict[str, Markup] = {}
    parties = [document.part] + [
        rel.target_part
        for rel in document.part.rels.values()
        if rel.reltype.endswith(("/header", "/footer"))
    ]
    for partie in parties:
        if emplacement not in partie.blob.decode("utf-8", "replace"):
            continue
        inline = partie.new_pic_inline(str(image), largeur)
        inline.docPr.set("descr", texte)
        xml = etree.tostring(inline, encoding="unicode")
        drawings[str(partie.partname).lstrip("/")] = Markup(
            f'</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t xml:space="preserve">'
        )
    return drawings
