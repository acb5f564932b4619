"""Markdown vers WordprocessingML : le contenu des points d'un ordre du jour.

Le texte Markdown (CommonMark et tableaux GFM, sans HTML brut) est analysé
par markdown-it-py ; un rendu parcourt le flux de jetons et produit une suite
de blocs ``<w:p>`` et ``<w:tbl>``, préfixe ``w:`` seul et sans déclaration
d'espace de noms : la chaîne est insérée par le moteur dans un ``<w:body>``.

Règles :

* tout texte passe par :func:`courriers.moteur.texte_xml.contenu_run`
  (échappement, caractères interdits, sauts de ligne) : aucun texte saisi
  n'est perdu, le HTML reste du texte ;
* les styles (paragraphe, listes, titres, tableau, citation) sont désignés
  par leur identifiant et viennent du modèle : voir :class:`StylesMarkdown` ;
* chaque liste numérotée repart de son propre numéro de départ grâce au
  rappel ``nouvelle_liste`` qui fournit un ``numId`` par liste ;
* les ordinaux (``1er``, ``2e``, ``3es``…) ont leur suffixe en exposant ;
* un lien s'écrit « texte (adresse) » : aucune relation n'est ajoutée.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from courriers.francais.typographie import decouper_ordinaux, typographie
from courriers.moteur.markdown_controles import (
    PROFONDEUR_MAX,
    verifier_ligne_de_tableau,
    verifier_profondeur,
)
from courriers.moteur.texte_xml import contenu_run, echapper, nettoyer

__all__ = ["StylesMarkdown", "markdown_vers_wordml"]


@dataclass(frozen=True)
class StylesMarkdown:
    """Identifiants des styles du modèle utilisés pour le rendu.

    Les tuples sont indexés par la profondeur d'imbrication (listes) ou le
    niveau (titres : ``#`` prend le premier) ; au-delà, le dernier est repris.
    ``paragraphe`` à ``None`` : pas de ``pStyle``, donc le style Normal.
    """

    paragraphe: str | None = None
    puces: tuple[str, ...] = ("ListBullet", "ListBullet2", "ListBullet3")
    numeros: tuple[str, ...] = ("ListNumber", "ListNumber2", "ListNumber3")
    titres: tuple[str, ...] = ("Heading3", "Heading4", "Heading5")
    tableau: str = "TableGrid"
    citation: str = "Quote"


STYLES_PAR_DEFAUT = StylesMarkdown()

_MD = (
    # maxNesting above what the check below allows: markdown-it silently
    # drops what nests deeper than its own limit.
    MarkdownIt("commonmark", {"html": False, "maxNesting": 4 * PROFONDEUR_MAX + 10})
    .enable("table")
    # Pas de HTML ; les entités (« &amp; ») restent telles que saisies.
    .disable(["html_block", "html_inline", "entity"])
)

# Ordinaux en chiffres arabes : 1er, 1re, 1ers, 1res, 2e, 2es (pas « 2ème »).

_ALIGNEMENTS = {"text-align:center": "center", "text-align:right": "right"}

_FILET = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'


def markdown_vers_wordml(
    texte: str,
    styles: StylesMarkdown = STYLES_PAR_DEFAUT,
    nouvelle_liste: Callable[[int], int] | None = None,
) -> str:
    """Convertit ``texte`` (Markdown) en blocs ``<w:p>``/``<w:tbl>``.

    ``nouvelle_liste`` reçoit le numéro de départ de chaque liste numérotée,
    dans l'ordre du document, et rend le ``numId`` que ses éléments portent ;
    sans lui, seul le style de liste est posé.

    >>> xml = markdown_vers_wordml("**gras** et *italique*")
    >>> print(xml.replace("<w:r>", "\\n<w:r>"))
    <w:p>
    <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">gras</w:t></w:r>
    <w:r><w:t xml:space="preserve"> et </w:t></w:r>
    <w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">italique</w:t></w:r></w:p>
    >>> xml = markdown_vers_wordml("- le 1er")
    >>> print(xml.replace("<w:r>", "\\n<w:r>").replace("<w:t ", "\\n  <w:t "))
    <w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>
    <w:r>
      <w:t xml:space="preserve">le 1</w:t></w:r>
    <w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>
      <w:t xml:space="preserve">er</w:t></w:r></w:p>
    >>> markdown_vers_wordml("  \\n ")
    ''
    """
    if not texte.strip():
        return ""
    jetons = _MD.parse(texte)
    verifier_profondeur(jetons, texte)
    rendu = _RenduBlocs(styles, nouvelle_liste, texte.splitlines())
    return rendu.rendre(jetons)


# --- Runs -----------------------------------------------------------------


@dataclass(frozen=True)
class _Format:
    """Mise en forme d'un morceau de texte ; ``brut`` : pas d'ordinaux."""

    gras: bool = False
    italique: bool = False
    brut: bool = False


def _run(texte: str, format_: _Format, exposant: bool = False) -> str:
    """Un ``<w:r>`` portant ``texte`` avec sa mise en forme."""
    proprietes = "".join(
        balise
        for balise, actif in (
            ("<w:b/>", format_.gras),
            ("<w:i/>", format_.italique),
            ('<w:vertAlign w:val="superscript"/>', exposant),
        )
        if actif
    )
    rpr = f"<w:rPr>{proprietes}</w:rPr>" if proprietes else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{contenu_run(texte)}</w:t></w:r>'


def _runs(texte: str, format_: _Format) -> str:
    """Les runs d'un morceau : typographie française, suffixes d'ordinaux en
    exposant (sauf dans le code, rendu tel quel)."""
    if format_.brut:
        return _run(texte, format_)
    texte = typographie(nettoyer(texte))
    morceaux = decouper_ordinaux(texte) or [(texte, False)]
    return "".join(_run(t, format_, exposant=sup) for t, sup in morceaux)


class _RenduInline:
    """Rendu des jetons enfants d'un jeton ``inline`` en runs."""

    def __init__(self, gras: bool) -> None:
        self._gras = int(gras)
        self._italique = 0
        self._morceaux: list[tuple[str, _Format]] = []
        self._lu: list[str] = []
        self._liens: list[tuple[str, int]] = []

    def rendre(self, jetons: Sequence[Token]) -> str:
        """Les runs de toute la suite de jetons."""
        for jeton in jetons:
            self._jeton(jeton)
        return "".join(_runs(texte, format_) for texte, format_ in self._morceaux)

    def _jeton(self, jeton: Token) -> None:
        type_ = jeton.type
        if type_ in ("strong_open", "strong_close"):
            self._gras += 1 if jeton.nesting > 0 else -1
        elif type_ in ("em_open", "em_close"):
            self._italique += 1 if jeton.nesting > 0 else -1
        elif type_ == "softbreak":
            self._ajouter(" ")
        elif type_ == "hardbreak":
            self._ajouter("\n")
        elif type_ == "code_inline":
            self._ajouter(jeton.content, brut=True)
        elif type_ == "link_open":
            self._ouvrir_lien(str(jeton.attrGet("href") or ""))
        elif type_ == "link_close":
            self._fermer_lien()
        elif type_ == "image":
            self._ouvrir_lien(str(jeton.attrGet("src") or ""))
            for enfant in jeton.children or []:
                self._jeton(enfant)
            self._fermer_lien()
        else:  # text, et tout jeton inconnu : son contenu, jamais perdu
            self._ajouter(jeton.content)

    def _ajouter(self, texte: str, brut: bool = False) -> None:
        """Ajoute du texte ; fusionne avec le morceau précédent de même format."""
        if not texte:
            return
        self._lu.append(texte)
        format_ = _Format(self._gras > 0, self._italique > 0, brut)
        if self._morceaux and self._morceaux[-1][1] == format_:
            self._morceaux[-1] = (self._morceaux[-1][0] + texte, format_)
        else:
            self._morceaux.append((texte, format_))

    def _ouvrir_lien(self, adresse: str) -> None:
        self._liens.append((adresse, len(self._lu)))

    def _fermer_lien(self) -> None:
        """Écrit « (adresse) » après le texte du lien, s'il en diffère."""
        adresse, debut = self._liens.pop()
        lisible = _MD.normalizeLinkText(adresse).removeprefix("mailto:")
        texte = "".join(self._lu[debut:])
        if not lisible or texte in (adresse, lisible):
            return
        self._ajouter(f" ({lisible})" if texte.strip() else lisible, brut=True)


# --- Blocs ----------------------------------------------------------------


@dataclass
class _Liste:
    """Liste ouverte ; ``num_id`` : celui fourni par ``nouvelle_liste``."""

    ordonnee: bool
    num_id: int | None


@dataclass
class _Element:
    """Élément de liste ; ``marque`` : son premier paragraphe est écrit."""

    liste: _Liste
    profondeur: int
    marque: bool = False


class _Citation:
    """Bloc de citation (``>``) : ses paragraphes prennent le style citation."""


def _style_par_niveau(styles: tuple[str, ...], niveau: int) -> str | None:
    """Le style du niveau (0 = premier), le dernier au-delà ; None si vide."""
    if not styles:
        return None
    return styles[min(niveau, len(styles) - 1)]


def _ppr(style: str | None = None, num_id: int | None = None, suite: str = "") -> str:
    """Un ``<w:pPr>`` (vide : chaîne vide) ; ``suite`` après ``numPr``."""
    contenu = f'<w:pStyle w:val="{echapper(style)}"/>' if style else ""
    if num_id is not None:
        contenu += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    contenu += suite
    return f"<w:pPr>{contenu}</w:pPr>" if contenu else ""


class _RenduBlocs:
    """Parcourt le flux de jetons de bloc et accumule le WordprocessingML."""

    def __init__(
        self,
        styles: StylesMarkdown,
        nouvelle_liste: Callable[[int], int] | None,
        lignes: Sequence[str] = (),
    ) -> None:
        self._lignes = lignes
        self._styles = styles
        self._nouvelle_liste = nouvelle_liste
        self._sortie: list[str] = []
        self._conteneurs: list[_Liste | _Element | _Citation] = []
        self._ppr_courant = ""
        self._apres_tableau = False
        # Tableau en cours : position de la grille, colonnes, cellule.
        self._grille = 0
        self._colonnes = 0
        self._en_tete = False
        self._cellule: str | None = None
        self._cellule_remplie = False
        self._actions: dict[str, Callable[[Token], None]] = {
            "paragraph_open": self._paragraphe,
            "heading_open": self._titre,
            "inline": self._inline,
            "bullet_list_open": self._ouvrir_liste,
            "ordered_list_open": self._ouvrir_liste,
            "bullet_list_close": self._fermer_conteneur,
            "ordered_list_close": self._fermer_conteneur,
            "list_item_open": self._ouvrir_element,
            "list_item_close": self._fermer_element,
            "blockquote_open": self._ouvrir_citation,
            "blockquote_close": self._fermer_conteneur,
            "fence": self._code,
            "code_block": self._code,
            "hr": self._filet,
            "table_open": self._ouvrir_tableau,
            "table_close": self._fermer_tableau,
            "thead_open": self._ouvrir_en_tete,
            "thead_close": self._fermer_en_tete,
            "tr_open": self._ouvrir_ligne,
            "tr_close": self._fermer_ligne,
            "th_open": self._ouvrir_cellule,
            "td_open": self._ouvrir_cellule,
            "th_close": self._fermer_cellule,
            "td_close": self._fermer_cellule,
        }

    def rendre(self, jetons: Sequence[Token]) -> str:
        """Le WordprocessingML de toute la suite de jetons."""
        for jeton in jetons:
            action = self._actions.get(jeton.type)
            if action is not None:
                action(jeton)
        return "".join(self._sortie)

    # Paragraphes

    def _ecrire_paragraphe(self, ppr: str, runs: str) -> None:
        self._sortie.append(f"<w:p>{ppr}{runs}</w:p>")
        self._apres_tableau = False

    def _ppr_bloc(self) -> str:
        """Propriétés d'un paragraphe selon le conteneur le plus proche."""
        for conteneur in reversed(self._conteneurs):
            if isinstance(conteneur, _Citation):
                return _ppr(self._styles.citation)
            if isinstance(conteneur, _Element):
                return self._ppr_element(conteneur)
        return _ppr(self._styles.paragraphe)

    def _ppr_element(self, element: _Element) -> str:
        """Premier paragraphe : la marque ; les suivants : numId 0, même retrait."""
        liste = element.liste
        styles = self._styles.numeros if liste.ordonnee else self._styles.puces
        style = _style_par_niveau(styles, element.profondeur - 1)
        if element.marque:
            return _ppr(style, 0)
        element.marque = True
        return _ppr(style, liste.num_id)

    def _poser_marque(self) -> None:
        """Avant un bloc autre qu'un paragraphe en tête d'élément de liste :
        un paragraphe vide porte la puce ou le numéro de l'élément."""
        if self._conteneurs:
            element = self._conteneurs[-1]
            if isinstance(element, _Element) and not element.marque:
                self._ecrire_paragraphe(self._ppr_element(element), "")

    def _paragraphe(self, _jeton: Token) -> None:
        self._ppr_courant = self._ppr_bloc()

    def _titre(self, jeton: Token) -> None:
        self._poser_marque()
        niveau = int(jeton.tag[1:]) - 1
        self._ppr_courant = _ppr(_style_par_niveau(self._styles.titres, niveau))

    def _inline(self, jeton: Token) -> None:
        en_cellule = self._cellule is not None
        runs = _RenduInline(gras=en_cellule and self._en_tete).rendre(jeton.children or [])
        if self._cellule is not None:
            self._sortie.append(f"<w:p>{self._cellule}{runs}</w:p>")
            self._cellule_remplie = True
        else:
            self._ecrire_paragraphe(self._ppr_courant, runs)

    def _code(self, jeton: Token) -> None:
        code = jeton.content.removesuffix("\n")
        self._ecrire_paragraphe(self._ppr_bloc(), _run(code, _Format(brut=True)))

    def _filet(self, _jeton: Token) -> None:
        self._poser_marque()
        self._ecrire_paragraphe(_ppr(suite=_FILET), "")

    # Conteneurs : listes, éléments, citations

    def _ouvrir_liste(self, jeton: Token) -> None:
        self._poser_marque()
        num_id = None
        ordonnee = jeton.type == "ordered_list_open"
        if ordonnee and self._nouvelle_liste is not None:
            depart = jeton.attrGet("start")
            num_id = self._nouvelle_liste(1 if depart is None else int(depart))
        self._conteneurs.append(_Liste(ordonnee, num_id))

    def _ouvrir_element(self, _jeton: Token) -> None:
        listes = [c for c in self._conteneurs if isinstance(c, _Liste)]
        self._conteneurs.append(_Element(listes[-1], len(listes)))

    def _fermer_element(self, _jeton: Token) -> None:
        self._poser_marque()  # élément vide : garde sa puce ou son numéro
        self._conteneurs.pop()

    def _ouvrir_citation(self, _jeton: Token) -> None:
        self._poser_marque()
        self._conteneurs.append(_Citation())

    def _fermer_conteneur(self, _jeton: Token) -> None:
        self._conteneurs.pop()

    # Tableaux

    def _ouvrir_tableau(self, _jeton: Token) -> None:
        self._poser_marque()
        if self._apres_tableau:  # Word fusionne deux tableaux adjacents
            self._ecrire_paragraphe("", "")
        self._sortie.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{echapper(self._styles.tableau)}"/>'
            '<w:tblW w:w="5000" w:type="pct"/></w:tblPr>'
        )
        self._grille = len(self._sortie)
        self._colonnes = 0

    def _fermer_tableau(self, _jeton: Token) -> None:
        colonnes = "<w:gridCol/>" * self._colonnes
        self._sortie.insert(self._grille, f"<w:tblGrid>{colonnes}</w:tblGrid>")
        self._sortie.append("</w:tbl>")
        self._apres_tableau = True

    def _ouvrir_en_tete(self, _jeton: Token) -> None:
        self._en_tete = True

    def _fermer_en_tete(self, _jeton: Token) -> None:
        self._en_tete = False

    def _ouvrir_ligne(self, jeton: Token) -> None:
        if not self._en_tete and jeton.map:
            verifier_ligne_de_tableau(self._lignes, jeton.map[0], self._colonnes)
        en_tete = "<w:trPr><w:tblHeader/></w:trPr>" if self._en_tete else ""
        self._sortie.append(f"<w:tr>{en_tete}")

    def _fermer_ligne(self, _jeton: Token) -> None:
        self._sortie.append("</w:tr>")

    def _ouvrir_cellule(self, jeton: Token) -> None:
        if self._en_tete:
            self._colonnes += 1
        alignement = _ALIGNEMENTS.get(str(jeton.attrGet("style") or ""))
        jc = f'<w:jc w:val="{alignement}"/>' if alignement else ""
        self._cellule = _ppr(suite=jc)
        self._cellule_remplie = False
        self._sortie.append('<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>')

    def _fermer_cellule(self, _jeton: Token) -> None:
        if not self._cellule_remplie:  # toute cellule contient un paragraphe
            self._sortie.append(f"<w:p>{self._cellule}</w:p>")
        self._cellule = None
        self._sortie.append("</w:tc>")
