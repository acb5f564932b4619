"""Checking a DOCX template for its authors: every problem at once.

Plain docxtpl renders an unknown variable as nothing and stops at the first
Jinja error; :func:`verifier_modele` reports every problem of a template,
each with its part (``corps``, ``en-tête 1``, ``pied de page 1``…), its
place (``¶12`` for the 12th paragraph outside tables, ``tableau 2, ligne 3,
cellule 1, ¶1`` in a table, numbered from 1 in document order within the
part), the text of its paragraph and a French message saying what to do.

The parts are those the engine renders (``prepare._PARTIES_A_RENDRE``). Each
paragraph's text is read as Jinja sees it after docxtpl's ``patch_xml``
(the runs' texts joined), and cut into tags. Then:

* each tag is parsed on its own (a syntax error in one paragraph hides
  nothing elsewhere), and its names, attributes and filters are checked
  against the document type's data model, the loop variables typed by what
  they iterate;
* the block structure (``for``/``if``… and their ends) is checked on the
  sequence of block tags in document order, as is the place of each pair:
  same table for ``{%tr %}``, same cell or body for ``{%p %}``, same
  paragraph for inline tags;
* docxtpl's own traps: tags cut by the formatting or typed ``{ {``, text
  beside a ``{%p %}`` or ``{%tr %}`` tag (it would vanish), ``{% tr`` typed
  with a space, ``{%tr %}`` outside a table.

A part where none of this finds a problem is also compiled whole, as the
engine does, so that nothing the engine would refuse goes unreported.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import html
import json
import re
import types
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from jinja2 import TemplateError, TemplateSyntaxError, nodes
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from pydantic import BaseModel

from courriers.limites import verifier_paquet_docx
from courriers.messages import erreur
from courriers.moteur.environnement import environnement
from courriers.moteur.erreurs_jinja import message_jinja, texte_autour
from courriers.moteur.prepare import (
    _ANALYSEUR,
    _DOCXTPL,
    _PARTIES_A_RENDRE,
    NS_W,
    _avant_jinja,
)

Genre = Literal[
    "syntaxe",
    "variable_inconnue",
    "filtre_inconnu",
    "balise_coupee",
    "texte_perdu",
    "tr_avec_espace",
    "bloc_non_ferme",
    "bloc_croise",
    "tr_hors_tableau",
]


@dataclass(frozen=True)
class Probleme:
    """A problem of a template, where it is and what to do."""

    #: Kind of problem: ``syntaxe``, ``variable_inconnue``, ``filtre_inconnu``,
    #: ``balise_coupee``, ``texte_perdu``, ``tr_avec_espace``,
    #: ``bloc_non_ferme``, ``bloc_croise`` or ``tr_hors_tableau``.
    genre: Genre
    #: Part of the document: ``corps``, ``en-tête 1``, ``pied de page 1``…
    partie: str
    #: Paragraph in the part: ``¶12``, ``tableau 2, ligne 3, cellule 1, ¶1``.
    lieu: str
    #: Text of that paragraph (of the row or cell for a lost text).
    texte: str
    #: What is wrong and what to do, in French.
    message: str


def verifier_modele(chemin: Path, code_type: str) -> list[Probleme]:
    """Every problem of the template ``chemin`` for the document type
    ``code_type`` (``cr``, ``convocation``…), in document order.

    Raises :class:`ErreurModele` when the file is not a readable DOCX.
    """
    regles = _regles(code_type)
    verifier_paquet_docx(chemin)
    problemes: list[Probleme] = []
    for nom, octets in _parties(chemin):
        partie = _nom_partie(nom)
        paragraphes = _paragraphes(_racine(chemin, nom, octets))
        problemes += _verifier_partie(partie, paragraphes, regles) or _compilation(
            chemin.name, partie, octets, paragraphes, regles.env
        )
    return problemes


def rapport(problemes: Sequence[Probleme]) -> str:
    """A French text report: the count, then one line per problem."""
    if not problemes:
        return "Aucun problème."
    nombre = len(problemes)
    entete = f"{nombre} problème{'s' if nombre > 1 else ''} :"
    lignes = (f"{p.partie} {p.lieu} — {p.message} — « {_abrege(p.texte, 160)} »" for p in problemes)
    return "\n".join([entete, *lignes])


def rapport_json(problemes: Sequence[Probleme]) -> str:
    """The problems as a JSON list of objects (the fields of
    :class:`Probleme`)."""
    return json.dumps([dataclasses.asdict(p) for p in problemes], ensure_ascii=False, indent=2)


# --- The rules of a document type ---------------------------------------------


@dataclass(frozen=True, eq=False)
class _Espace:
    """A computed variable holding others (``formules`` of ``formules.appel``)."""

    nom: str
    attributs: dict[str, Any]


@dataclass(frozen=True)
class _Regles:
    """What a template of one document type may use."""

    env: SandboxedEnvironment
    racines: Mapping[str, Any]
    libelle: str


def _regles(code_type: str) -> _Regles:
    """The names a template of ``code_type`` may use, and its environment."""
    # Imported here: ``documents`` imports this module.
    from courriers.documents import TYPES

    if code_type not in TYPES:
        raise ValueError(f"type de document inconnu « {code_type} » ; types : {', '.join(TYPES)}")
    type_document = TYPES[code_type]
    env = environnement()
    racines: dict[str, Any] = {nom: None for nom in env.globals}
    racines |= {"loop": LoopContext, "image_marianne": None}
    racines |= {nom: champ.annotation for nom, champ in type_document.classe.model_fields.items()}
    racines |= _variables_calculees(type_document.variables_calculees)
    return _Regles(env, racines, type_document.libelle)


def _variables_calculees(calculees: Iterable[tuple[str, Any, str]]) -> dict[str, Any]:
    """The computed variables by root name: ``formules.appel`` gives a
    root ``formules`` whose attributes are ``appel``…"""
    racines: dict[str, Any] = {}
    for nom, annotation, _description in calculees:
        *chemin, dernier = nom.split(".")
        niveau = racines
        for morceau in chemin:
            espace = niveau.get(morceau)
            if not isinstance(espace, _Espace):
                espace = niveau[morceau] = _Espace(morceau, {})
            niveau = espace.attributs
        niveau[dernier] = annotation
    return racines


def _deballer(annotation: Any) -> Any:
    """``X`` for ``X | None`` and ``Annotated[X, …]``; None (not checked)
    for a union of several types or a description in words."""
    origine = get_origin(annotation)
    if origine is Annotated:
        return _deballer(get_args(annotation)[0])
    if origine is Union or origine is types.UnionType:
        autres = [a for a in get_args(annotation) if a is not type(None)]
        return _deballer(autres[0]) if len(autres) == 1 else None
    return None if isinstance(annotation, str) else annotation


def _element(annotation: Any) -> Any:
    """The type of the elements of a list type (None when unknown)."""
    sorte = _deballer(annotation)
    arguments = get_args(sorte)
    if get_origin(sorte) in (list, tuple, set, frozenset) and arguments:
        return _deballer(arguments[0])
    return None


def _membres(annotation: Any) -> tuple[str, Mapping[str, Any]] | None:
    """(name for messages, attribute → type) of a type whose attributes are
    checked; None for scalars and unknown types."""
    sorte = _deballer(annotation)
    if isinstance(sorte, _Espace):
        return f"« {sorte.nom} »", sorte.attributs
    if sorte is LoopContext:
        return "« loop »", _publics(LoopContext)
    if sorte is list or get_origin(sorte) is list:
        return "une liste", _publics(list)
    if isinstance(sorte, type) and issubclass(sorte, BaseModel):
        return sorte.__name__, _membres_modele(sorte)
    return None


@functools.cache
def _publics(classe: type) -> dict[str, Any]:
    """The public attributes of a Python class."""
    return {nom: None for nom in dir(classe) if not nom.startswith("_")}


@functools.cache
def _membres_modele(classe: type[BaseModel]) -> dict[str, Any]:
    """The fields of a model (with their types) and the public methods and
    properties its own classes define (``ligne_nom``)."""
    membres = {nom: champ.annotation for nom, champ in classe.model_fields.items()}
    for ancetre in classe.__mro__:
        if ancetre is BaseModel:
            break
        for nom in vars(ancetre):
            if not nom.startswith(("_", "model_")):
                membres.setdefault(nom, None)
    return membres


def _suggestion(nom: str, possibles: Iterable[str], quoi: str) -> str:
    """`` ; vouliez-vous dire « x » ?`` or the list of what exists."""
    candidats = sorted(set(possibles))
    proches = difflib.get_close_matches(nom, candidats, n=1, cutoff=0.6)
    if proches:
        return f" ; vouliez-vous dire « {proches[0]} » ?"
    if not candidats or len(candidats) > 20:
        return ""
    return f" ; {quoi} : {', '.join(candidats)}"


# --- Reading the parts ---------------------------------------------------------

_W = f"{{{NS_W}}}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
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
    env: SandboxedEnvironment,
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
    return []


def _paragraphe_de_la_ligne(ligne: str, paragraphes: Sequence[_Paragraphe]) -> _Paragraphe | None:
    """The paragraph of a line of a part's Jinja source (one paragraph a
    line), found by its text."""
    texte = html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)", ligne))).strip()
    return next((p for p in paragraphes if texte and p.texte.strip() == texte), None)


# --- Paragraphs and their places ------------------------------------------------


@dataclass(frozen=True, eq=False)
class _Paragraphe:
    """A paragraph of a part, with its place and text."""

    rang: int
    lieu: str
    texte: str
    element: Any
    cellule: Any
    ligne: Any
    tableau: Any


def _ancetre(element: Any, balise: str) -> Any:
    """The nearest ancestor of ``element`` with the tag ``balise``."""
    return next(element.iterancestors(balise), None)


def _texte(paragraphe: Any) -> str:
    """The paragraph's text as Jinja sees it: its runs' texts joined (those
    of the paragraphs of a text box inside it left out)."""
    return "".join(
        t.text or "" for t in paragraphe.iter(f"{_W}t") if _ancetre(t, f"{_W}p") is paragraphe
    )


def _paragraphes(racine: Any) -> list[_Paragraphe]:
    """The paragraphs of a part in document order, with their places."""
    numeros: dict[Any, int] = {}
    compteurs: dict[Any, int] = {}
    paragraphes: list[_Paragraphe] = []
    for element in racine.iter(f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}p"):
        if _ancetre(element, _FALLBACK) is not None:
            continue  # a copy of a text box for old readers
        if element.tag == f"{_W}p":
            paragraphes.append(_paragraphe(element, len(paragraphes), numeros, compteurs))
            continue
        parent = {"tbl": racine, "tr": f"{_W}tbl", "tc": f"{_W}tr"}[etree.QName(element).localname]
        conteneur = parent if parent is racine else _ancetre(element, parent)
        compteurs[conteneur] = numeros[element] = compteurs.get(conteneur, 0) + 1
    return paragraphes


def _paragraphe(
    element: Any, rang: int, numeros: dict[Any, int], compteurs: dict[Any, int]
) -> _Paragraphe:
    """A paragraph with its place: ``¶n`` outside tables, else its table,
    row, cell and rank in the cell."""
    cellule = _ancetre(element, f"{_W}tc")
    # Numbered in its cell, or (key None) among the paragraphs outside tables.
    compteurs[cellule] = numero = compteurs.get(cellule, 0) + 1
    if cellule is None:
        return _Paragraphe(rang, f"¶{numero}", _texte(element), element, None, None, None)
    ligne = _ancetre(cellule, f"{_W}tr")
    tableau = _ancetre(ligne, f"{_W}tbl")
    lieu = (
        f"tableau {numeros[tableau]}, ligne {numeros[ligne]}, cellule {numeros[cellule]}, ¶{numero}"
    )
    return _Paragraphe(rang, lieu, _texte(element), element, cellule, ligne, tableau)


# --- Tags -------------------------------------------------------------------------

_ESPACE = "[ \t\u00a0\u202f]"
_EVENEMENT = re.compile(
    rf"\{{(?P<sorte>[{{%#])|\{{(?P<espace>{_ESPACE}+)(?P<sorte_espacee>[{{%])"
    r"|(?P<fermeture>[}%#]\})"
)
_FERMETURES = {"{": "}}", "%": "%}", "#": "#}"}
# The end of a tag: its closing delimiter, or the same typed with a space.
_FINS = {sorte: re.compile(rf"{re.escape(f[0])}{_ESPACE}*\}}") for sorte, f in _FERMETURES.items()}
_PREFIXE = re.compile(r"(tr|tc|p|r) ")
_PREFIXE_ESPACE = re.compile(r"(tr|tc|p|r)\s+(\w+)")
_OUVRANTS = frozenset(
    {"for", "if", "macro", "call", "filter", "set", "with", "autoescape", "block", "raw"}
)
_FERMANTS = frozenset(f"end{mot}" for mot in _OUVRANTS)
_MILIEUX = {"else": frozenset({"if", "for"}), "elif": frozenset({"if"})}
_MOTS_DE_BLOC = _OUVRANTS | _FERMANTS | set(_MILIEUX)
# Jinja's tags that need other templates: a DOCX template has none.
_INCLUSIONS = frozenset({"extends", "include", "import", "from"})
# Jinja's other tags, never read as a typo of a block keyword.
_AUTRES_BALISES = _INCLUSIONS | {"print", "do", "break", "continue"}
# docxtpl's own tags, turned into XML by ``patch_xml`` before Jinja.
_BALISES_DOCXTPL = frozenset({"vm", "hm", "colspan", "cellbg"})
# What a prefixed tag replaces, for the messages.
_REMPLACES = {
    "p": ("tout le paragraphe", "son paragraphe", "un autre paragraphe"),
    "tr": ("toute la ligne du tableau", "sa ligne", "une autre ligne"),
    "tc": ("toute la cellule", "sa cellule", "une autre cellule"),
}


@dataclass(frozen=True, eq=False)
class _Balise:
    """A Jinja tag of a paragraph."""

    paragraphe: _Paragraphe
    position: int
    texte: str
    #: ``{{``, ``{%`` or ``{#``.
    sorte: str
    #: docxtpl's ``p``, ``tr``, ``tc``, ``r``, or empty.
    prefixe: str
    #: What Jinja reads between the delimiters, without the prefix.
    corps: str
    #: Prefix typed after a space (``{% tr for``).
    espace: bool = False

    @property
    def mot(self) -> str:
        """The first word of a ``{% %}`` tag (``for``, ``endif``…)."""
        correspondance = re.match(r"\w+", self.corps)
        return correspondance[0] if self.sorte == "{%" and correspondance else ""


def _nouvelle_balise(paragraphe: _Paragraphe, position: int, texte: str) -> _Balise:
    """The tag ``texte`` read as docxtpl and Jinja read it: prefix, body."""
    sorte, interieur = texte[:2], texte[2:-2]
    prefixe = ""
    correspondance = _PREFIXE.match(interieur)
    if sorte != "{#" and correspondance:
        prefixe, interieur = correspondance[1], interieur[correspondance.end() :]
    corps = _nettoyer(interieur.strip())
    espace = False
    correspondance = _PREFIXE_ESPACE.match(corps)
    if sorte == "{%" and not prefixe and correspondance and correspondance[2] in _MOTS_DE_BLOC:
        prefixe, corps, espace = correspondance[1], corps[correspondance.start(2) :], True
    return _Balise(paragraphe, position, texte, sorte, prefixe, corps, espace)


def _nettoyer(corps: str) -> str:
    """The tag's text as Jinja reads it: whitespace control marks removed,
    typographic quotes made straight by docxtpl's own clean-up."""
    if corps[:1] in ("-", "+"):
        corps = corps[1:]
    if corps[-1:] in ("-", "+"):
        corps = corps[:-1]
    # On a lone tag written with spaces, ``patch_xml`` only cleans quotes.
    nettoye: str = _DOCXTPL.patch_xml("{{ " + corps.strip() + " }}")
    return nettoye[3:-3]


def _fin_de_balise(texte: str, sorte: str, debut: int) -> re.Match[str] | None:
    """The end of the tag opened before ``debut``: the first closing
    delimiter (maybe typed with a space) outside the braces of a dict, as
    Jinja's lexer balances them."""
    fin = _FINS[sorte].search(texte, debut)
    while fin is not None:
        interieur = texte[debut : fin.start()]
        if interieur.count("{") <= interieur.count("}"):
            return fin
        fin = _FINS[sorte].search(texte, fin.start() + 1)
    return None


def _balise_lue(paragraphe: _Paragraphe, ouverture: re.Match[str], fin: re.Match[str]) -> _Balise:
    """The tag from ``ouverture`` to ``fin``, read as meant when a
    delimiter is typed with a space."""
    sorte = ouverture["sorte"] or ouverture["sorte_espacee"]
    texte = paragraphe.texte
    voulue = "{" + sorte + texte[ouverture.end() : fin.start()] + _FERMETURES[sorte]
    balise = _nouvelle_balise(paragraphe, ouverture.start(), voulue)
    return dataclasses.replace(balise, texte=texte[ouverture.start() : fin.end()])


def _et(elements: Sequence[str]) -> str:
    """« a » et « b »."""
    return " et ".join(f"« {e} »" for e in elements)


def _abrege(texte: str, longueur: int = 60) -> str:
    """``texte`` cut to ``longueur`` characters."""
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


@dataclass(frozen=True, eq=False)
class _Coupure:
    """A tag opened in a paragraph and not closed there."""

    paragraphe: _Paragraphe
    position: int
    fermeture: str


@dataclass(eq=False)
class _Ouvert:
    """A block opened and not yet closed, with the variables it defines."""

    balise: _Balise
    mot: str
    portee: dict[str, Any]
    milieux: list[_Balise] = field(default_factory=list)


# --- Checking a part ------------------------------------------------------------


class _Signalements:
    """The problems found in one part, kept in document order."""

    def __init__(self, partie: str, paragraphes: list[_Paragraphe]) -> None:
        self.partie = partie
        self.paragraphes = paragraphes
        self.trouves: list[tuple[tuple[int, int, int], Probleme]] = []

    def problemes(self) -> list[Probleme]:
        """The problems, in document order."""
        return [probleme for _cle, probleme in sorted(self.trouves, key=lambda t: t[0])]

    def signaler(
        self, genre: Genre, paragraphe: _Paragraphe, position: int, message: str, texte: str = ""
    ) -> None:
        """Record a problem at ``position`` of ``paragraphe`` (the same one once)."""
        probleme = Probleme(genre, self.partie, paragraphe.lieu, texte or paragraphe.texte, message)
        if all(p != probleme for _cle, p in self.trouves):  # once per paragraph
            self.trouves.append(((paragraphe.rang, position, len(self.trouves)), probleme))


def _verifier_partie(
    partie: str, paragraphes: list[_Paragraphe], regles: _Regles
) -> list[Probleme]:
    """Every problem of one part, in document order."""
    signalements = _Signalements(partie, paragraphes)
    balises = _Decoupage(signalements).balises()
    _Placements(signalements).verifier(balises)
    _Balises(signalements, regles).verifier(balises)
    return signalements.problemes()


class _Decoupage:
    """Paragraphs cut into tags; the tags cut by the formatting or typed
    with a space are reported."""

    def __init__(self, signalements: _Signalements) -> None:
        self.signalements = signalements
        self._signaler = signalements.signaler

    def balises(self) -> list[_Balise]:
        """The tags of the part, in document order."""
        balises: list[_Balise] = []
        coupure: _Coupure | None = None
        for paragraphe in self.signalements.paragraphes:
            debut = 0
            if coupure is not None:
                debut, coupure = self._reprendre(coupure, paragraphe)
            coupure = self._lire(paragraphe, debut, balises) or coupure
        if coupure is not None:
            self._coupee(coupure, None)
        return balises

    def _lire(self, paragraphe: _Paragraphe, debut: int, balises: list[_Balise]) -> _Coupure | None:
        """Append the tags of ``paragraphe`` from ``debut``; a tag left open
        at its end is returned."""
        texte, position = paragraphe.texte, debut
        while evenement := _EVENEMENT.search(texte, position):
            position = evenement.end()
            if evenement["fermeture"]:
                self._fermeture_seule(paragraphe, evenement)
                continue
            sorte = evenement["sorte"] or evenement["sorte_espacee"]
            fin = _fin_de_balise(texte, sorte, evenement.end())
            if fin is None and not evenement["espace"]:
                return _Coupure(paragraphe, evenement.start(), _FERMETURES[sorte])
            if fin is None or evenement["espace"] or fin[0] != _FERMETURES[sorte]:
                self._espacee(paragraphe, evenement, fin)
            if fin is not None:
                balises.append(_balise_lue(paragraphe, evenement, fin))
                position = fin.end()
        return None

    def _reprendre(self, coupure: _Coupure, paragraphe: _Paragraphe) -> tuple[int, _Coupure | None]:
        """Where a tag left open in an earlier paragraph closes: (where to
        read ``paragraphe`` from, the cut still open)."""
        texte = paragraphe.texte
        fin = texte.find(coupure.fermeture)
        ouverture = next((m for m in _EVENEMENT.finditer(texte) if not m["fermeture"]), None)
        if fin >= 0 and (ouverture is None or fin < ouverture.start()):
            self._coupee(coupure, paragraphe)
            return fin + len(coupure.fermeture), None
        if ouverture is not None:
            self._coupee(coupure, None)
            return 0, None
        return len(texte), coupure

    def _coupee(self, coupure: _Coupure, suite: _Paragraphe | None) -> None:
        """A tag opened and not closed in its paragraph (closed in ``suite``, if any)."""
        debut = _abrege(coupure.paragraphe.texte[coupure.position :])
        if suite is None:
            message = (
                f"balise « {debut} » jamais fermée : ajoutez « {coupure.fermeture} » à la "
                "fin de la balise, dans le même paragraphe"
            )
        else:
            fin = suite.texte[: suite.texte.find(coupure.fermeture) + 2]
            message = (
                f"balise coupée : « {debut} » s'ouvre ici et se ferme au {suite.lieu} "
                f"(« {_abrege(fin)} ») ; une balise doit tenir dans un seul paragraphe : "
                "retapez-la d'un seul tenant"
            )
        self._signaler("balise_coupee", coupure.paragraphe, coupure.position, message)

    def _fermeture_seule(self, paragraphe: _Paragraphe, evenement: re.Match[str]) -> None:
        """A closing delimiter without its opening in the paragraph."""
        fermeture = evenement["fermeture"]
        ouverture = {"}}": "{{", "%}": "{%", "#}": "{#"}[fermeture]
        self._signaler(
            "balise_coupee",
            paragraphe,
            evenement.start(),
            f"« {fermeture} » sans « {ouverture} » dans le même paragraphe : balise coupée "
            f"ou incomplète ; écrivez la balise entière, de « {ouverture} » à "
            f"« {fermeture} », dans un seul paragraphe",
        )

    def _espacee(
        self, paragraphe: _Paragraphe, ouverture: re.Match[str], fin: re.Match[str] | None
    ) -> None:
        """A delimiter typed with a space: ``{ {``, ``{ %``, ``} }``, ``% }``."""
        sorte = ouverture["sorte"] or ouverture["sorte_espacee"]
        espaces = [ouverture[0]] if ouverture["espace"] else []
        espaces += [fin[0]] if fin is not None and fin[0] != _FERMETURES[sorte] else []
        justes = ["{" + sorte] if ouverture["espace"] else []
        justes += [_FERMETURES[sorte]] if len(espaces) > len(justes) else []
        balise = paragraphe.texte[ouverture.start() : fin.end() if fin else ouverture.end()]
        self._signaler(
            "balise_coupee",
            paragraphe,
            ouverture.start(),
            f"{_et(espaces)} écrit{'s' if len(espaces) > 1 else ''} avec une espace dans "
            f"« {_abrege(balise)} » : Jinja n'y "
            f"reconnaît pas une balise et l'imprimerait telle quelle ; écrivez {_et(justes)} "
            "sans espace",
        )


class _Placements:
    """docxtpl's tags where they cannot work: ``{%tr %}`` outside a table,
    text beside a tag that replaces its paragraph, row or cell."""

    def __init__(self, signalements: _Signalements) -> None:
        self.signalements = signalements
        self._signaler = signalements.signaler

    def verifier(self, balises: Sequence[_Balise]) -> None:
        """``{%tr %}`` outside a table; text beside a tag that replaces its
        paragraph, row or cell."""
        vus: set[Any] = set()
        for balise in balises:
            paragraphe = balise.paragraphe
            if balise.prefixe in ("tr", "tc") and paragraphe.cellule is None:
                self._hors_tableau(balise)
                continue
            remplace = {"p": paragraphe.element, "tr": paragraphe.ligne, "tc": paragraphe.cellule}
            element = remplace.get(balise.prefixe)
            if element is not None and element not in vus:
                vus.add(element)
                self._texte_perdu(balise)

    def _hors_tableau(self, balise: _Balise) -> None:
        """A ``{%tr %}`` or ``{%tc %}`` tag outside a table."""
        self._signaler(
            "tr_hors_tableau",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » n'est pas dans un tableau : une balise « {{%{balise.prefixe} "
            "… %} » remplace la ligne (ou la cellule) de tableau qui la contient ; hors "
            "d'un tableau, écrivez « {%p … %} » seule dans son paragraphe",
        )

    def _texte_perdu(self, balise: _Balise) -> None:
        """Text in the paragraph (``p``), row (``tr``) or cell (``tc``) that
        docxtpl replaces by the tag."""
        paragraphe = balise.paragraphe
        if balise.prefixe == "p":
            textes = [paragraphe.texte]
        else:
            attribut = "ligne" if balise.prefixe == "tr" else "cellule"
            element = getattr(paragraphe, attribut)
            textes = [
                p.texte for p in self.signalements.paragraphes if getattr(p, attribut) is element
            ]
        textes = [t for t in textes if t.strip()]
        reste = " ".join(" ".join(textes).replace(balise.texte, " ", 1).split())
        if not reste:
            return
        tout, seule, ailleurs = _REMPLACES[balise.prefixe]
        self._signaler(
            "texte_perdu",
            paragraphe,
            balise.position,
            f"« {_abrege(reste)} » disparaîtrait : docxtpl remplace {tout} par "
            f"« {balise.texte} » ; mettez cette balise seule dans {seule}, et ce texte "
            f"dans {ailleurs}",
            " | ".join(textes),
        )


class _Blocs:
    """The block structure of a part: the blocks open at each tag, pairs
    closed in order and placed where docxtpl needs them."""

    def __init__(self, signalements: _Signalements) -> None:
        self._signaler = signalements.signaler
        self.pile: list[_Ouvert] = []

    def _syntaxe(self, balise: _Balise, detail: str) -> None:
        """A syntax error in ``balise``."""
        self._signaler(
            "syntaxe",
            balise.paragraphe,
            balise.position,
            f"erreur de syntaxe dans « {balise.texte} » : {detail}",
        )

    def _placer_milieu(self, balise: _Balise, mot: str) -> None:
        """``else`` or ``elif``: inside the right block, and not after ``else``."""
        permis = _MILIEUX[mot]
        if self.pile and self.pile[-1].mot in permis:
            haut = self.pile[-1]
            if any(m.mot == "else" for m in haut.milieux):
                self._syntaxe(
                    balise,
                    f"« {mot} » après « else » dans un même bloc : « else » vient en dernier",
                )
            haut.milieux.append(balise)
            return
        ouvert = next((o for o in reversed(self.pile) if o.mot in permis), None)
        if ouvert is None:
            self._signaler(
                "bloc_non_ferme",
                balise.paragraphe,
                balise.position,
                f"« {balise.texte} » n'est dans aucun bloc « {' » ou « '.join(sorted(permis))} » "
                "ouvert : ajoutez l'ouverture avant, ou supprimez cette balise",
            )
        else:
            self._croise(balise, ouvert, self.pile[-1])

    def _fermant(self, balise: _Balise, mot: str) -> None:
        """A tag that closes a block: the innermost block of that kind, or a problem."""
        if len(balise.corps.split()) > (2 if mot in ("endblock", "endmacro") else 1):
            self._syntaxe(balise, f"« {mot} » s'écrit seul dans sa balise")
        ouvrant = mot.removeprefix("end")
        rang = next((i for i in reversed(range(len(self.pile))) if self.pile[i].mot == ouvrant), -1)
        if rang < 0:
            self._signaler(
                "bloc_non_ferme",
                balise.paragraphe,
                balise.position,
                f"« {balise.texte} » ferme un bloc « {ouvrant} » qui n'est pas ouvert : "
                f"ajoutez l'ouverture « {{%{balise.prefixe} {ouvrant} … %}} » avant, ou "
                "supprimez cette balise",
            )
            return
        ouvert = self.pile.pop(rang)
        if rang < len(self.pile):
            self._croise(balise, ouvert, self.pile[rang])
        else:
            self._meme_conteneur(ouvert, balise)

    def _croise(self, balise: _Balise, ouvert: _Ouvert, interieur: _Ouvert) -> None:
        """A block closed while a block opened inside it is still open."""
        self._signaler(
            "bloc_croise",
            balise.paragraphe,
            balise.position,
            f"blocs croisés : « {balise.texte} » se rapporte à « {ouvert.balise.texte} » "
            f"({_ou(ouvert.balise)}) alors que « {interieur.balise.texte} » "
            f"({_ou(interieur.balise)}), ouvert après, n'est pas fermé ; fermez les blocs "
            "dans l'ordre inverse de leur ouverture",
        )

    def _meme_conteneur(self, ouvert: _Ouvert, fermeture: _Balise) -> None:
        """A pair whose tags are not where docxtpl needs them together."""
        balises = [ouvert.balise, *ouvert.milieux, fermeture]
        if any(b.prefixe in ("tr", "tc") and b.paragraphe.cellule is None for b in balises):
            return  # already reported as outside a table
        premiere = balises[0]
        autre = next((b for b in balises[1:] if _conteneur(b) is not _conteneur(premiere)), None)
        if autre is not None:
            self._signaler(
                "bloc_croise",
                premiere.paragraphe,
                premiere.position,
                _message_conteneur(premiere, autre),
            )

    def _non_ferme(self, ouvert: _Ouvert) -> None:
        """A block never closed."""
        balise = ouvert.balise
        self._signaler(
            "bloc_non_ferme",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » ouvre un bloc « {ouvert.mot} » jamais fermé : ajoutez "
            f"« {{%{balise.prefixe} end{ouvert.mot} %}} » à la fin du bloc",
        )


class _Balises(_Blocs):
    """Tag by tag, in document order: syntax, names and filters, blocks."""

    def __init__(self, signalements: _Signalements, regles: _Regles) -> None:
        super().__init__(signalements)
        self.regles = regles
        self.definies: dict[str, Any] = {}

    def verifier(self, balises: Sequence[_Balise]) -> None:
        """Check each tag, then the blocks left open."""
        for balise in balises:
            if self.pile and self.pile[-1].mot == "raw" and balise.mot != "endraw":
                continue  # text for Jinja
            self._balise(balise)
        for ouvert in self.pile:
            self._non_ferme(ouvert)

    def _balise(self, balise: _Balise) -> None:
        """Check one tag."""
        if balise.sorte == "{#":
            return
        if balise.espace:
            self._avec_espace(balise)
        if balise.prefixe and re.search(r"[}%]", balise.corps):
            self._syntaxe(
                balise,
                "docxtpl ne reconnaît pas une balise à préfixe (p, tr, tc, r) qui contient "
                "« % » ou « } » ; calculez la valeur autrement",
            )
        elif balise.sorte == "{{":
            self._expression(balise, balise.corps)
        else:
            self._instruction(balise)

    def _avec_espace(self, balise: _Balise) -> None:
        """``{% tr for … %}``: a prefix typed after a space."""
        voulue = f"{{%{balise.prefixe} {balise.corps} %}}"
        self._signaler(
            "tr_avec_espace",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » : l'espace entre « {{% » et « {balise.prefixe} » en fait "
            f"une balise inconnue de docxtpl ; écrivez « {voulue} »",
        )

    def _analyser(self, balise: _Balise, source: str) -> nodes.Template | None:
        """The Jinja tree of ``source``, or None after reporting its syntax error."""
        try:
            return self.regles.env.parse(source)
        except TemplateSyntaxError as exc:
            self._syntaxe(balise, _detail_syntaxe(exc))
            return None

    def _expression(self, balise: _Balise, expression: str) -> None:
        """Check a ``{{ }}`` expression."""
        arbre = self._analyser(balise, "{{ " + expression + " }}")
        if arbre is not None:
            self._controler(balise, arbre)

    def _controler(self, balise: _Balise, noeud: nodes.Node) -> Any:
        """Check the names and filters of ``noeud``; its type when known."""
        controle = _Controle(self.regles, self._visibles())
        sorte = controle.type_de(noeud)
        for genre, message in controle.trouves:
            self._signaler(genre, balise.paragraphe, balise.position, message)
        return sorte

    def _visibles(self) -> list[Mapping[str, Any]]:
        """The variables visible at this point, innermost last."""
        return [self.regles.racines, self.definies, *(o.portee for o in self.pile)]

    def _instruction(self, balise: _Balise) -> None:
        """Check a ``{% %}`` tag by its keyword."""
        mot = _mot_de_bloc(balise.mot)
        if mot != balise.mot:
            self._syntaxe(
                balise, f"balise inconnue « {balise.mot} » ; vouliez-vous dire « {mot} » ?"
            )
            balise = dataclasses.replace(balise, corps=mot + balise.corps[len(balise.mot) :])
        if mot in _FERMANTS:
            self._fermant(balise, mot)
        elif mot in _MILIEUX:
            self._milieu(balise, mot)
        elif mot in _BALISES_DOCXTPL:
            expression = balise.corps[len(mot) :].strip()
            if expression:
                self._expression(balise, expression)
        elif mot in _INCLUSIONS:
            self._syntaxe(
                balise,
                f"« {mot} » n'est pas possible dans un modèle DOCX : il ne peut ni inclure ni "
                "importer d'autres modèles ; écrivez le texte dans le modèle lui-même",
            )
        elif mot in _OUVRANTS and not (mot == "set" and "=" in balise.corps):
            self._ouvrant(balise, mot)
        else:
            self._simple(balise)

    def _simple(self, balise: _Balise) -> None:
        """A tag that opens no block (``{% set x = … %}``)."""
        arbre = self._analyser(balise, "{% " + balise.corps + " %}")
        if arbre is None:
            self._definir(_noms_ecrits(balise.corps))
            return
        for noeud in arbre.body:
            self._controler(balise, noeud)
            if isinstance(noeud, nodes.Assign):
                self._definir(_cibles(noeud.target))

    def _definir(self, noms: Iterable[str]) -> None:
        """``set`` variables: local to the loop or macro they are in, else
        to the part (an ``if`` makes no scope)."""
        portee = next((o.portee for o in reversed(self.pile) if o.mot != "if"), self.definies)
        portee.update(dict.fromkeys(noms))

    def _ouvrant(self, balise: _Balise, mot: str) -> None:
        """A tag that opens a block: check it, then push the block with its variables."""
        arbre = self._analyser(balise, "{% " + balise.corps + " %}{% end" + mot + " %}")
        noeud = arbre.body[0] if arbre is not None and arbre.body else None
        portee: dict[str, Any] = {}
        if noeud is None:
            portee = dict.fromkeys(_noms_ecrits(balise.corps))
        elif isinstance(noeud, nodes.For):
            portee = self._portee_boucle(balise, noeud)
        else:
            self._controler(balise, noeud)
            portee = self._portee(noeud)
        self.pile.append(_Ouvert(balise, mot, portee))
        if isinstance(noeud, nodes.For) and noeud.test is not None:
            self._controler(balise, noeud.test)

    def _portee_boucle(self, balise: _Balise, boucle: nodes.For) -> dict[str, Any]:
        """The variables of a ``for`` block: ``loop``, and the loop variable
        typed by what it iterates."""
        parcouru = self._controler(balise, boucle.iter)
        portee: dict[str, Any] = dict.fromkeys(_cibles(boucle.target))
        if isinstance(boucle.target, nodes.Name):
            portee[boucle.target.name] = _element(parcouru)
        portee["loop"] = LoopContext
        return portee

    def _portee(self, noeud: nodes.Node) -> dict[str, Any]:
        """The variables a block defines inside it (macro arguments…)."""
        if isinstance(noeud, nodes.AssignBlock):
            self._definir(_cibles(noeud.target))
        if isinstance(noeud, nodes.Macro):
            self._definir([noeud.name])
        if isinstance(noeud, (nodes.Macro, nodes.CallBlock)):
            arguments = [a.name for a in noeud.args]
            return dict.fromkeys([*arguments, "varargs", "kwargs", "caller"])
        if isinstance(noeud, nodes.With):
            return dict.fromkeys(n for cible in noeud.targets for n in _cibles(cible))
        if isinstance(noeud, nodes.Block):
            return dict.fromkeys(["self", "super"])
        return {}

    def _milieu(self, balise: _Balise, mot: str) -> None:
        """Check ``else`` or ``elif``, then place it in its block."""
        arbre = self._analyser(balise, "{% if true %}{% " + balise.corps + " %}{% endif %}")
        if arbre is not None and mot == "elif":
            si = arbre.body[0]
            if isinstance(si, nodes.If) and si.elif_:
                self._controler(balise, si.elif_[0].test)
        self._placer_milieu(balise, mot)


def _ou(balise: _Balise) -> str:
    """Where a tag is, for a message: ``¶3``, ``tableau 1, ligne 2…``."""
    return balise.paragraphe.lieu


def _mot_de_bloc(mot: str) -> str:
    """The block keyword meant by ``mot`` (``endfro`` is read ``endfor``,
    so a typo makes one problem, not a block left open too)."""
    if mot in _MOTS_DE_BLOC or mot in _AUTRES_BALISES or not mot:
        return mot
    proches = difflib.get_close_matches(mot, sorted(_MOTS_DE_BLOC), n=1, cutoff=0.6)
    return proches[0] if proches else mot


def _conteneur(balise: _Balise) -> Any:
    """What the two tags of a pair must share: the table for ``tr``, the
    row for ``tc``, the parent of the paragraph (body, cell) for ``p``, the
    paragraph for a tag inside a paragraph."""
    paragraphe = balise.paragraphe
    if balise.prefixe == "tr":
        return paragraphe.tableau
    if balise.prefixe == "tc":
        return paragraphe.ligne
    if balise.prefixe == "p":
        return paragraphe.element.getparent()
    return paragraphe.element


def _message_conteneur(premiere: _Balise, autre: _Balise) -> str:
    """Why the two tags of a pair must be together, and how to fix it."""
    paire = f"« {premiere.texte} » et « {autre.texte} » ({_ou(autre)})"
    if premiere.prefixe != autre.prefixe:
        return (
            f"{paire} n'ont pas le même préfixe : docxtpl remplace par la balise son "
            "paragraphe (p), sa ligne (tr), sa cellule (tc) ou son morceau de texte (r), "
            "et le document produit serait invalide ; utilisez le même préfixe aux deux "
            "balises, chacune seule à sa place"
        )
    if premiere.prefixe == "tr":
        return (
            f"{paire} sont dans deux tableaux différents : docxtpl perdrait des lignes ; "
            "placez les deux balises dans des lignes du même tableau"
        )
    if premiere.prefixe == "tc":
        return f"{paire} sont dans deux lignes différentes : placez-les dans la même ligne"
    if premiere.prefixe == "p":
        return (
            f"{paire} ne sont pas au même niveau (l'une dans le corps, l'autre dans une "
            "cellule de tableau, ou deux cellules différentes) : le document produit serait "
            "invalide ; placez les deux balises dans la même cellule, ou toutes deux hors "
            "des tableaux"
        )
    bloc = "un bloc « {%r … %} »" if premiere.prefixe == "r" else "un bloc sans préfixe"
    return (
        f"{paire} ne sont pas dans le même paragraphe : {bloc} s'ouvre et se "
        "ferme dans un seul paragraphe ; sur plusieurs paragraphes, écrivez "
        "« {%p … %} » et sa fermeture, chacune seule dans son paragraphe"
    )


def _detail_syntaxe(exc: TemplateSyntaxError) -> str:
    """A Jinja syntax error in French when it is an unknown tag, else Jinja's own words."""
    inconnue = re.match(r"Encountered unknown tag '(\w+)'", exc.message or "")
    if inconnue:
        mot = inconnue[1]
        return f"balise inconnue « {mot} »" + _suggestion(mot, _MOTS_DE_BLOC, "balises")
    return (
        f"{exc.message} (message de Jinja) ; vérifiez les parenthèses, les guillemets, les "
        "opérateurs et qu'il ne manque rien"
    )


def _cibles(cible: nodes.Node) -> list[str]:
    """The names a ``for`` or ``set`` target defines."""
    if isinstance(cible, nodes.Name):
        return [cible.name]
    if isinstance(cible, nodes.Tuple):
        return [nom for element in cible.items for nom in _cibles(element)]
    return []


def _noms_ecrits(corps: str) -> list[str]:
    """The names a block tag Jinja cannot parse seems to define (``for x,
    y in``, ``set x``, ``macro f(a, b)``), so that its variables are not
    reported again as unknown."""
    mot, _, reste = corps.partition(" ")
    motifs = {
        "for": r"^(.*?)\bin\b",
        "set": r"^([^=|]*)",
        "macro": r"^(.*)",
        "call": r"^(.*)",
        "with": r"(\w+)\s*=",
    }
    motif = motifs.get(mot)
    if motif is None:
        return []
    trouve = " ".join(re.findall(motif, reste))
    return re.findall(r"[A-Za-z_]\w*", trouve)


# --- Names, attributes and filters ----------------------------------------------


class _Controle:
    """Checks the names, attributes and filters of a Jinja expression or
    statement, given the variables visible at its place."""

    def __init__(self, regles: _Regles, visibles: Sequence[Mapping[str, Any]]) -> None:
        self.regles = regles
        self.visibles = visibles
        self.trouves: list[tuple[Genre, str]] = []

    def _signaler(self, genre: Genre, message: str) -> None:
        """Record a problem once."""
        if (genre, message) not in self.trouves:
            self.trouves.append((genre, message))

    def type_de(self, noeud: nodes.Node) -> Any:
        """Check ``noeud`` and everything in it; its type when known."""
        if isinstance(noeud, nodes.Name):
            return self._nom(noeud.name) if noeud.ctx == "load" else None
        if isinstance(noeud, nodes.NSRef):
            return self._nom(noeud.name)
        if isinstance(noeud, nodes.Getattr):
            return self._attribut(noeud.node, noeud.attr)
        if isinstance(noeud, nodes.Getitem):
            return self._indice(noeud)
        for enfant in noeud.iter_child_nodes():
            self.type_de(enfant)
        if isinstance(noeud, nodes.Filter):
            self._filtre(noeud.name, self.regles.env.filters, "filtre")
        elif isinstance(noeud, nodes.Test):
            self._filtre(noeud.name, self.regles.env.tests, "test")
        return None

    def _nom(self, nom: str) -> Any:
        """The type of a variable, or a problem when it does not exist."""
        for portee in reversed(self.visibles):
            if nom in portee:
                return portee[nom]
        globales = {*self.regles.env.globals, "loop"}
        possibles = {n for portee in self.visibles for n in portee if n not in globales}
        self._signaler(
            "variable_inconnue",
            f"variable inconnue « {nom} » : ce n'est pas une variable des modèles de "
            f"{self.regles.libelle}" + _suggestion(nom, possibles, "variables"),
        )
        return None

    def _attribut(self, base: nodes.Node, attribut: str) -> Any:
        """The type of an attribute, or a problem when it does not exist."""
        membres = _membres(self.type_de(base))
        if attribut.startswith("_"):  # refused by the sandbox, whatever the type
            self._signaler(
                "variable_inconnue",
                f"variable inconnue « {_chemin(base)}.{attribut} » : accès interdit à "
                f"« {attribut} » : les modèles ne peuvent pas atteindre les mécanismes "
                "internes de Python",
            )
            return None
        if membres is None:
            return None
        quoi, attributs = membres
        if attribut in attributs:
            return attributs[attribut]
        chemin = f"{_chemin(base)}.{attribut}"
        if quoi == "une liste":
            explication = (
                f"« {_chemin(base)} » est une liste, sans « {attribut} » ; parcourez-la avec "
                f"« {{%p for element in {_chemin(base)} %}} » et écrivez « element.{attribut} »"
            )
        else:
            explication = f"« {attribut} » n'existe pas dans {quoi}" + _suggestion(
                attribut, attributs, "attributs"
            )
        self._signaler("variable_inconnue", f"variable inconnue « {chemin} » : {explication}")
        return None

    def _indice(self, noeud: nodes.Getitem) -> Any:
        """``x['nom']`` (an attribute for Jinja) or ``x[0]`` (an element)."""
        cle = noeud.arg
        if isinstance(cle, nodes.Const) and isinstance(cle.value, str):
            return self._attribut(noeud.node, cle.value)
        base = self.type_de(noeud.node)
        self.type_de(cle)
        return base if isinstance(cle, nodes.Slice) else _element(base)

    def _filtre(self, nom: str, connus: Mapping[str, Any], quoi: str) -> None:
        """A problem when the filter (or test) ``nom`` does not exist."""
        if nom not in connus:
            self._signaler(
                "filtre_inconnu",
                f"{quoi} inconnu « {nom} »"
                + _suggestion(nom, connus, f"{quoi}s")
                + (" (catalogue : docs/modeles-docx.md)" if quoi == "filtre" else ""),
            )


def _chemin(noeud: nodes.Node) -> str:
    """``reunion.president`` for the expression of an attribute."""
    if isinstance(noeud, nodes.Name):
        return noeud.name
    if isinstance(noeud, nodes.Getattr):
        return f"{_chemin(noeud.node)}.{noeud.attr}"
    if isinstance(noeud, nodes.Getitem) and isinstance(noeud.arg, nodes.Const):
        return f"{_chemin(noeud.node)}[{noeud.arg.value!r}]"
    return "…"
