"""Jinja tags as docxtpl and Jinja read them: delimiters, docxtpl's prefixes
(``p``, ``tr``, ``tc``, ``r``), the tag's body and the block keywords."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass

from courriers.moteur.etapes import DOCXTPL as _DOCXTPL
from courriers.verification.lieux import _Paragraphe

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


def _mot_de_bloc(mot: str) -> str:
    """The block keyword meant by ``mot`` (``endfro`` is read ``endfor``,
    so a typo makes one problem, not a block left open too)."""
    if mot in _MOTS_DE_BLOC or mot in _AUTRES_BALISES or not mot:
        return mot
    if mot.lower() in _MOTS_DE_BLOC:  # « If » : Word's capital at a sentence start
        return mot.lower()
    proches = difflib.get_close_matches(mot, sorted(_MOTS_DE_BLOC), n=1, cutoff=0.6)
    return proches[0] if proches else mot
