"""French typography of user text.

Applied by the engine to every text value and to Markdown content. It only
turns existing spaces into the right non-breaking ones and puts the spaces
inside French quotes; it never adds a space before ``:``, ``;``, ``!``,
``?`` where the author wrote none, so addresses and links stay intact
(``https://www.allier.gouv.fr``, ``10:30``).

* non-breaking space (U+00A0) before ``:`` and ``%``, and inside French
  phone numbers (``04 70 48 30 74`` never breaks across lines);
* narrow non-breaking space (U+202F) before ``;``, ``!``, ``?``, ``»`` and
  after ``«``.
"""

from __future__ import annotations

import re

INSECABLE = "\u00a0"
FINE = "\u202f"

_AVANT_DEUX_POINTS = re.compile(r"[ \u00a0\u202f]+(?=[:%])")
_AVANT_PONCTUATION_HAUTE = re.compile(r"[ \u00a0\u202f]+(?=[;!?])")
_TELEPHONE = re.compile(r"\b0\d(?:[ .]\d\d){4}\b")
_APRES_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_AVANT_GUILLEMET = re.compile(r"[ \u00a0\u202f]*»")
_SIGNES = re.compile(r"[:%;!?«»]")


def typographie(texte: str) -> str:
    """Non-breaking spaces the French way.

    >>> montrer = lambda s: s.replace(INSECABLE, "~").replace(FINE, "^")
    >>> montrer(typographie("OBJET : le « mystère » ; vraiment ? 100 %"))
    'OBJET~: le «^mystère^»^; vraiment^? 100~%'
    >>> montrer(typographie("Tél : 04 70 48 30 74"))
    'Tél~: 04~70~48~30~74'
    >>> montrer(typographie("«qual-e-pref»"))
    '«^qual-e-pref^»'
    >>> typographie("https://www.allier.gouv.fr à 10:30")
    'https://www.allier.gouv.fr à 10:30'
    """
    if "0" in texte:
        texte = _TELEPHONE.sub(lambda m: m.group().replace(" ", INSECABLE), texte)
    if not _SIGNES.search(texte):
        return texte  # most texts: nothing to change, one search instead of four
    texte = _AVANT_DEUX_POINTS.sub(INSECABLE, texte)
    texte = _AVANT_PONCTUATION_HAUTE.sub(FINE, texte)
    texte = _APRES_GUILLEMET.sub("«" + FINE, texte)
    return _AVANT_GUILLEMET.sub(FINE + "»", texte)


_ORDINAL = re.compile(r"\b(\d+)(ers|res|er|re|es|e)\b")


def contient_un_ordinal(texte: str) -> bool:
    """Whether :func:`decouper_ordinaux` would find a suffix in ``texte``.

    >>> contient_un_ordinal("le 2e point"), contient_un_ordinal("le 2ème point")
    (True, False)
    """
    return _ORDINAL.search(texte) is not None


def decouper_ordinaux(texte: str) -> list[tuple[str, bool]]:
    """Split a text into pieces, marking the ordinal suffixes to be set in
    superscript (``1er``, ``1re``, ``2e``; not ``2ème``, not ``10h30``).

    >>> decouper_ordinaux("de 1er niveau, le 2e point, 2ème")
    [('de 1', False), ('er', True), (' niveau, le 2', False), ('e', True), (' point, 2ème', False)]
    >>> decouper_ordinaux("rien")
    [('rien', False)]
    """
    morceaux: list[tuple[str, bool]] = []
    debut = 0
    for m in _ORDINAL.finditer(texte):
        morceaux.append((texte[debut : m.start(2)], False))
        morceaux.append((m.group(2), True))
        debut = m.end()
    morceaux.append((texte[debut:], False))
    return [(t, sup) for t, sup in morceaux if t]
