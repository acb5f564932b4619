"""What Word does to tags, checked as the engine will see it: pending
tracked changes, tags across a Word element (insertion, hyperlink, content
control, field), hyperlinks whose text is a tag, formatting inside a tag,
the styles the Markdown filter needs, and the part's XML once docxtpl has
repaired its tags (``patch_xml``, then a strict parse).

The rules are those of :mod:`courriers.moteur.word` and
:mod:`courriers.moteur.styles`, documented in ``docs/modeles-docx.md``
(« Ce que Word fait à vos balises »).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from courriers.moteur.etapes import avant_jinja as _avant_jinja
from courriers.moteur.styles import styles_manquants, styles_sans_numerotation
from courriers.moteur.word import nature, revisions
from courriers.verification.balises import _Balise
from courriers.verification.lieux import _Paragraphe, _textes
from courriers.verification.problemes import Probleme, _Signalements
from courriers.verification.textes import _abrege

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_NS = {"w": _W[1:-1]}

#: Word elements a tag may cross, in French.
_CONTENEURS = {
    "ins": "une insertion suivie",
    "del": "une suppression suivie",
    "moveFrom": "un déplacement suivi",
    "moveTo": "un déplacement suivi",
    "hyperlink": "un lien hypertexte",
    "sdt": "un contrôle de contenu",
    "sdtContent": "un contrôle de contenu",
    "smartTag": "une balise active (smart tag)",
    "fldSimple": "un champ",
    "customXml": "un élément XML personnalisé",
}
# Run properties that change nothing the reader sees.
_SANS_EFFET = frozenset({"lang", "noProof", "rStyle_", "webHidden"})
# Marks that only delimit a move: the moved text itself is reported.
_BORNES = frozenset({"moveFromRangeStart", "moveToRangeStart"})


def verifier_word(signalements: _Signalements, racine: Any, balises: Sequence[_Balise]) -> None:
    """Report the tracked changes of a part, the tags across a Word element
    or partly formatted, and the hyperlinks whose text is a tag."""
    _revisions(signalements, racine)
    for balise in balises:
        _balise(signalements, balise)
    for paragraphe in signalements.paragraphes:
        _liens(signalements, paragraphe)


def _revisions(signalements: _Signalements, racine: Any) -> None:
    """Each pending tracked change, at its paragraph."""
    paragraphes = {p.element: p for p in signalements.paragraphes}
    for marque in revisions(racine):
        if etree.QName(marque).localname in _BORNES:
            continue
        paragraphe = _paragraphe_de(marque, paragraphes) or signalements.paragraphes[0]
        texte = "".join(marque.xpath(".//w:t/text() | .//w:delText/text()", namespaces=_NS))
        quoi = f"{nature(marque)} « {_abrege(texte.strip())} »" if texte.strip() else nature(marque)
        signalements.signaler(
            "modification_suivie",
            paragraphe,
            0,
            f"modification suivie en attente ({quoi}) : courriers refuse un modèle en "
            "révision (un texte supprimé serait rendu, un texte déplacé imprimé deux fois, "
            "les marques copiées dans chaque document) ; dans Word, Révision > Accepter > "
            "Accepter toutes les modifications (ou Refuser), puis enregistrez",
        )


def _paragraphe_de(element: Any, paragraphes: dict[Any, _Paragraphe]) -> _Paragraphe | None:
    """The paragraph holding ``element``, or the first one after it."""
    for candidat in (element, *element.iterancestors(f"{_W}p")):
        if candidat in paragraphes:
            return paragraphes[candidat]
    for candidat in element.xpath(".//w:p | following::w:p", namespaces=_NS):
        if candidat in paragraphes:
            return paragraphes[candidat]
    return None


def _morceaux(balise: _Balise) -> list[Any]:
    """The text elements of its paragraph that hold part of ``balise``."""
    debut, fin = balise.position, balise.position + len(balise.texte)
    morceaux, position = [], 0
    for element in _textes(balise.paragraphe.element):
        longueur = len(element.text or "")
        if position < fin and position + longueur > debut:
            morceaux.append(element)
        position += longueur
    return morceaux


def _conteneurs(texte: Any, paragraphe: Any) -> tuple[Any, ...]:
    """The Word elements between a text's run and its paragraph."""
    chaine = []
    for ancetre in texte.getparent().iterancestors():
        if ancetre is paragraphe:
            break
        chaine.append(ancetre)
    return tuple(chaine)


def _balise(signalements: _Signalements, balise: _Balise) -> None:
    """A tag across a Word element, or partly formatted."""
    if balise.prefixe in ("p", "tr", "tc"):
        return  # docxtpl replaces the whole paragraph, row or cell: nothing is left
    morceaux = _morceaux(balise)
    if len(morceaux) < 2:
        return
    element = balise.paragraphe.element
    chaines = {_conteneurs(t, element) for t in morceaux}
    if len(chaines) > 1:
        differents = set().union(*chaines) - set.intersection(*(set(c) for c in chaines))
        noms = sorted({_nom_conteneur(e) for e in differents})
        signalements.signaler(
            "balise_a_cheval",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » est à cheval sur {' et '.join(noms)} : une partie de la "
            "balise est dedans, une partie dehors, et docxtpl produirait un XML invalide ; "
            "retapez la balise d'un seul tenant, entièrement dedans ou entièrement dehors",
        )
        return
    formats = [_format(t.getparent()) for t in morceaux]
    if balise.sorte == "{{" and len(set(formats)) > 1:
        debut = (morceaux[0].text or "").strip()
        signalements.signaler(
            "mise_en_forme_dans_balise",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » n'a pas la même mise en forme d'un bout à l'autre (gras, "
            "italique, police…) : la mise en forme à l'intérieur d'une balise est ignorée, la "
            f"valeur prendra celle du début de la balise (« {_abrege(debut, 20)} ») ; "
            "sélectionnez toute la balise et donnez-lui une seule mise en forme",
        )


def _nom_conteneur(element: Any) -> str:
    nom = etree.QName(element).localname
    return _CONTENEURS.get(nom, f"un élément « {nom} »")


def _format(run: Any) -> bytes:
    """The visible formatting of a run (spell-checking marks left out)."""
    proprietes = run.find(f"{_W}rPr")
    if proprietes is None:
        return b""
    morceaux = []
    for enfant in proprietes:
        if etree.QName(enfant).localname in _SANS_EFFET:
            continue
        copie = etree.fromstring(etree.tostring(enfant))
        if f"{_W}hint" in copie.attrib:
            del copie.attrib[f"{_W}hint"]
        morceaux.append(etree.tostring(copie, method="c14n"))
    return b"".join(sorted(morceaux))


def _liens(signalements: _Signalements, paragraphe: _Paragraphe) -> None:
    """A hyperlink whose text holds a tag: its target would not follow."""
    for lien in paragraphe.element.iter(f"{_W}hyperlink"):
        if lien.get(_R_ID) is None:
            continue  # a link to a bookmark of the document
        texte = "".join(lien.xpath(".//w:t/text()", namespaces=_NS))
        if "{{" in texte or "{%" in texte:
            signalements.signaler(
                "lien_fige",
                paragraphe,
                0,
                f"« {_abrege(texte)} » est le texte d'un lien hypertexte : le texte suivrait "
                "la valeur mais le lien pointerait toujours vers l'adresse du modèle ; "
                "supprimez le lien (clic droit > Supprimer le lien hypertexte) et laissez la "
                "balise en texte : l'adresse produite est écrite en clair",
            )


def verifier_styles(
    parties: Sequence[tuple[str, bytes]], styles_xml: bytes | None
) -> list[Probleme]:
    """The styles the Markdown filter writes and the template lacks (only
    when a part uses the filter): lists are errors (their bullets and
    numbers would vanish), the others warnings."""
    if not any(re.search(rb"\|\s*markdown", octets) for _nom, octets in parties):
        return []
    problemes = []
    for nom in styles_manquants(styles_xml):
        liste = nom.startswith("List")
        suite = (
            "les puces ou les numéros des listes disparaîtraient"
            if liste
            else "ce texte prendrait le style Normal"
        )
        problemes.append(
            Probleme(
                "style_introuvable",
                "styles",
                f"style « {nom} »",
                "",
                f"le filtre « markdown » écrit des paragraphes au style prédéfini « {nom} » "
                f"et le modèle n'a pas ce style (ni sous son nom anglais, ni sous un autre "
                f"identifiant) : {suite} ; recopiez le style depuis un modèle intégré "
                "(« courriers modele copier ») ou créez-le à partir du style prédéfini",
                "erreur" if liste else "avertissement",
            )
        )
    for nom, style_id in styles_sans_numerotation(styles_xml):
        problemes.append(
            Probleme(
                "style_introuvable",
                "styles",
                f"style « {nom} »",
                "",
                f"le style « {style_id} » (« {nom} ») n'a pas de puce ni de numéro : les listes "
                "du filtre « markdown » n'en auraient pas ; dans Word, modifiez le style > "
                "Format > Numérotation, et choisissez une puce ou une numérotation",
            )
        )
    return problemes


_BALISES_JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL)
_ANALYSEUR_STRICT = etree.XMLParser(resolve_entities=False, huge_tree=True)


def structure_apres_reparation(
    partie: str, octets: bytes, paragraphes: Sequence[_Paragraphe]
) -> list[Probleme]:
    """The part as the engine will see it: docxtpl's repair of the tags,
    then the tags taken out and the XML parsed strictly. A tag that
    crossed a Word element leaves the XML broken: reported at its paragraph."""
    source = _BALISES_JINJA.sub("", _avant_jinja(octets))
    try:
        etree.fromstring(source.encode("utf-8"), _ANALYSEUR_STRICT)
    except etree.XMLSyntaxError as exc:
        ligne = exc.lineno or 0
        lignes = source.splitlines()
        texte = lignes[ligne - 1] if 0 < ligne <= len(lignes) else ""
        trouve = _paragraphe_du_texte(texte, paragraphes)
        lieu = trouve.lieu if trouve else f"ligne {ligne} du XML"
        return [
            Probleme(
                "xml_invalide",
                partie,
                lieu,
                trouve.texte if trouve else "",
                "une fois les balises réparées par docxtpl, le XML de ce paragraphe est "
                f"invalide ({exc.msg}) : une balise y chevauche sans doute un élément de "
                "Word (lien, contrôle de contenu, champ, modification suivie) ; retapez les "
                "balises de ce paragraphe d'un seul tenant, hors de ces éléments",
            )
        ]
    return []


def _paragraphe_du_texte(ligne: str, paragraphes: Sequence[_Paragraphe]) -> _Paragraphe | None:
    """The paragraph whose text begins the line (the tags taken out)."""
    texte = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)", ligne)).strip()
    if not texte:
        return None
    for paragraphe in paragraphes:
        sans_balises = _BALISES_JINJA.sub("", paragraphe.texte).strip()
        if sans_balises and (sans_balises in texte or texte in sans_balises):
            return paragraphe
    return None
