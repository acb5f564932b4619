"""A rendered part checked once per shape, then filled with each document's text.

The invitations of a batch differ only in a few texts (the invitee's name
and address, the formules); their markup is the same. Parsing each
document's part strictly, then running the tree passes (table grids,
drawing ids, cell paragraphs, ordinals) and serialising it, would redo the
same work on the same markup for every document. So a part rendered by
segments (:mod:`courriers.moteur.segments`) is cut into its **shape** and
its **texts**:

* the shape is the shared pieces (the same text objects for the whole
  batch), and, in each piece proper to the document, its tags and which of
  its texts are empty;
* the texts are the character data between the tags of those pieces.

The first document of a shape is checked as usual, on the shape itself:
each text replaced by a marker (a private-use character and a number), the
part parsed by the strict parser, the passes run, the tree serialised, and
the markers found back in text content, each exactly once, in order. The
serialised shape, cut at the markers, is kept. A later document of the
same shape is its shape's bytes with its own texts put back, without
parsing.

This gives the bytes the strict parser and the passes would give only
because a text may take the fast way only when it is **inert**:

* no ``<``, ``>`` and no ``&`` other than the five entities and ``&#34;``
  ``&#39;`` ``&#95;`` (what ``markupsafe`` and ``texte_xml.contenu_run``
  write), no control character, no surrogate or non-character: put in
  text content it stays text, and the part stays well formed;
* no ``{_``, ``_}``, ``%_`` in it, and none of ``_ { } %`` at its ends:
  docxtpl's steps after Jinja (``etapes.apres_jinja``: ``{_{``, ``%_}``…)
  cannot match in it or across its ends (values never hold these pairs:
  ``contenu_run`` writes their underscore as ``&#95;``);
* no digit followed by ``e`` or ``r``, and no word character joined to a
  word character of its neighbour: an ordinal (``1er``) cannot start, end
  or change across it, so the ordinal pass acts on the shape as on the
  document; the other passes only read markup, which is the shape's.

Any other text, a shape whose markers are not all found in text content
(a variable in an attribute), or one that fails to parse, takes the usual
way, with its usual errors. Each part keeps at most
:data:`FORMES_MAX` shapes, and forgets them all when full; a part whose
documents bring a new shape :data:`NOUVELLES_MAX` times in a row (markup
that changes with every document) stops looking for shapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from courriers.moteur.segments import CANDIDAT_ORDINAL, Rendu

#: Shapes kept per part before they are all forgotten.
FORMES_MAX = 64
#: New shapes in a row after which a part stops looking for shapes.
NOUVELLES_MAX = 16

_DEBUT, _FIN = "\ue000", "\ue001"
_MARQUE = re.compile(f"{_DEBUT}(\\d+){_FIN}".encode())
_BALISE = re.compile(r"(<[^<>]*>)")
#: What a text between tags must not hold to be inert: markup, an entity
#: other than ours, a control character, a surrogate or non-character, a
#: marker, a possible ordinal, one of docxtpl's delimiter pairs.
_INTERDITS = re.compile(r"[<>\x00-\x1f\ud800-\udfff\ufffe\uffff\ue000\ue001]")
_AUTRE_ENTITE = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#34|#39|#95);)")
_BORDS = frozenset("_{}%")

#: Checks a part's text and runs the passes: the tree, serialised (bytes).
Verification = Callable[[str], bytes]


@dataclass(frozen=True)
class Forme:
    """A checked shape: its serialised bytes, cut where the texts go."""

    morceaux: tuple[bytes, ...]

    def remplir(self, textes: list[str]) -> bytes:
        """The part's bytes with ``textes`` put back in order."""
        resultat = [self.morceaux[0]]
        for texte, suite in zip(textes, self.morceaux[1:], strict=True):
            resultat += [texte.encode("utf-8"), suite]
        return b"".join(resultat)


@dataclass
class Formes:
    """The shapes of one part already checked (``None``: not usable)."""

    _connues: dict[Hashable, Forme | None] = field(default_factory=dict)
    _nouvelles: int = 0

    def rendre(
        self, rendu: Rendu, apres_jinja: Callable[[str], str], verifier: Verification
    ) -> bytes | None:
        """The part's bytes by its shape, or ``None`` when this document
        must take the usual way (see the module docstring)."""
        if self._nouvelles >= NOUVELLES_MAX:
            return None
        coupe = _couper(rendu)
        if coupe is None:
            return None
        cle, textes, gabarit = coupe
        if cle in self._connues:
            self._nouvelles = 0
        else:
            self._nouvelles += 1
            if len(self._connues) >= FORMES_MAX:
                self._connues.clear()
            self._connues[cle] = _verifier_forme(gabarit(), len(textes), apres_jinja, verifier)
        forme = self._connues[cle]
        return None if forme is None else forme.remplir(textes)


def _couper(rendu: Rendu) -> tuple[Hashable, list[str], Callable[[], str]] | None:
    """The shape's key, the document's texts, and how to write the shape
    with markers; ``None`` if a text is not inert or no piece is shared."""
    if True not in rendu.partages:
        return None
    morceaux = rendu.morceaux
    cle: list[Any] = []
    textes: list[str] = []
    decoupes: list[list[str] | None] = []
    for numero, morceau in enumerate(morceaux):
        if rendu.partages[numero]:
            cle.append(morceau)
            decoupes.append(None)
            continue
        jetons = _jetons(morceau)
        if jetons is None or not _inerte(jetons, morceaux, numero):
            return None
        propres = jetons[::2]
        textes += propres
        cle.append((*jetons[1::2], *map(bool, propres)))
        decoupes.append(jetons)

    def gabarit() -> str:
        sortie: list[str] = []
        numero = 0
        for morceau, jetons in zip(morceaux, decoupes, strict=True):
            if jetons is None:
                sortie.append(morceau)
                continue
            for rang, jeton in enumerate(jetons):
                if rang % 2 or not jeton:
                    sortie.append(jeton)
                else:
                    sortie.append(f"{_DEBUT}{numero}{_FIN}")
                    numero += 1
        return "".join(sortie)

    return tuple(cle), [t for t in textes if t], gabarit


def _jetons(morceau: str) -> list[str] | None:
    """The piece cut into texts and tags, a text first and last
    (``"a<b/>c"`` gives ``["a", "<b/>", "c"]``), or ``None`` for a ``<``
    never closed; as ``re.split(r"(<[^<>]*>)")`` would cut it, by plain
    string splitting (this runs for every document).

    >>> _jetons("Madame</w:t><w:br/><w:t>Moulins"), _jetons("a < b")
    (['Madame', '</w:t>', '', '<w:br/>', '', '<w:t>', 'Moulins'], None)
    """
    if "<" not in morceau:
        return [morceau]
    tete, *suite = morceau.split("<")
    jetons = [tete]
    for bout in suite:
        balise, fin, texte = bout.partition(">")
        if not fin:
            return None
        jetons += (f"<{balise}>", texte)
    return jetons


def _inerte(jetons: list[str], morceaux: tuple[str, ...], numero: int) -> bool:
    """Whether the texts of the piece ``morceaux[numero]`` (its ``jetons``:
    texts and, between them, tags) may be put back into a checked shape
    (see the module docstring)."""
    # The texts checked at once, joined by a space: no check can match
    # across it (an ordinal, an entity, a pair of delimiters holds none).
    texte = " ".join(jetons[::2])
    if _INTERDITS.search(texte) or CANDIDAT_ORDINAL.search(texte):
        return False
    if "&" in texte and _AUTRE_ENTITE.search(texte):
        return False
    if "_" in texte and ("{_" in texte or "_}" in texte or "%_" in texte):
        return False
    premier, dernier = jetons[0], jetons[-1]
    if premier:  # the piece starts with a text: its left neighbour
        avant = _voisin(morceaux, numero, -1)
        if premier[0] in _BORDS or (_mot(avant) and _mot(premier[0])):
            return False
    if dernier:  # ends with a text: its right neighbour
        apres = _voisin(morceaux, numero, 1)
        if dernier[-1] in _BORDS or (_mot(apres) and _mot(dernier[-1])):
            return False
    return True


def _voisin(morceaux: tuple[str, ...], numero: int, sens: int) -> str:
    """The character next to the piece ``numero`` (before it with ``sens``
    -1, after it with 1), or ``""`` at an end of the part."""
    rang = numero + sens
    while 0 <= rang < len(morceaux):
        if morceaux[rang]:
            return morceaux[rang][-1 if sens < 0 else 0]
        rang += sens
    return ""


def _mot(caractere: str) -> bool:
    """Whether ``caractere`` is a word character (``\\w`` of ``re``)."""
    return caractere.isalnum() or caractere == "_"


def _verifier_forme(
    gabarit: str, textes: int, apres_jinja: Callable[[str], str], verifier: Verification
) -> Forme | None:
    """The shape checked and cut at its markers, or ``None`` if it fails
    to parse, or a marker is not found once, in order, in text content."""
    xml = apres_jinja(gabarit)
    if xml.count(_DEBUT) != textes or gabarit.count(_DEBUT) != textes:
        return None  # a marker character in the template's own text
    try:
        octets = verifier(xml)
    except Exception:
        return None  # the document takes the usual way, with its error
    morceaux: list[bytes] = []
    debut = 0
    for attendu, trouve in enumerate(_MARQUE.finditer(octets)):
        if int(trouve.group(1)) != attendu:
            return None
        morceaux.append(octets[debut : trouve.start()])
        debut = trouve.end()
    if len(morceaux) != textes:
        return None
    morceaux.append(octets[debut:])
    if not _dans_le_texte(morceaux):
        return None
    return Forme(tuple(morceaux))


def _dans_le_texte(morceaux: list[bytes]) -> bool:
    """Whether every cut falls in character data: after a tag's end (or
    text) and before a tag's start, never inside a tag, a comment or a
    processing instruction."""
    for avant in morceaux[:-1]:
        fin, ouvre = avant.rfind(b">"), avant.rfind(b"<")
        if ouvre > fin:
            return False  # inside a tag (an attribute's value)
        if avant.rfind(b"<!--") > avant.rfind(b"-->") or avant.rfind(b"<?") > avant.rfind(b"?>"):
            return False
        if avant.rfind(b"<![CDATA[") > avant.rfind(b"]]>"):
            return False
    return True
