"""Articles, elision and contraction.

French elides ``le``, ``la``, ``de``, ``que`` before a vowel or a mute h
(``l'adjoint``, ``d'industrie``) and contracts ``de le`` into ``du``,
``à les`` into ``aux``.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Genre = Literal["masculin", "feminin"]
Nombre = Literal["singulier", "pluriel"]

# Words starting with an aspirated h: no elision (``le handicap``, ``la hausse``).
_H_ASPIRES = frozenset(
    {
        "hameau",
        "handicap",
        "handicapé",
        "handicapée",
        "handicapés",
        "hangar",
        "harcèlement",
        "hasard",
        "haut",
        "haute",
        "hauteur",
        "hausse",
        "héros",
        "hiérarchie",
        "honte",
        "hors",
    }
)


def commence_par_voyelle(mot: str) -> bool:
    """Whether a word elides what precedes it: vowel, accented vowel, mute h.

    >>> [commence_par_voyelle(m) for m in ["adjoint", "Union", "hôpital", "haut", "chef", "élu"]]
    [True, True, True, False, False, True]
    """
    if not mot:
        return False
    premier = mot.split()[0].lower().strip("«\u00a0\u202f\"'")
    if not premier:
        return False
    if premier[0] == "h":
        return premier.split("-")[0] not in _H_ASPIRES
    base = unicodedata.normalize("NFD", premier[0])[0]
    return base in "aeiouy"


def article_defini(mot: str, genre: Genre = "masculin", nombre: Nombre = "singulier") -> str:
    """The definite article placed before ``mot``, elided when needed.

    >>> article_defini("comité local des usagers")
    'le comité local des usagers'
    >>> article_defini("commission départementale", "feminin")
    'la commission départementale'
    >>> article_defini("adjoint au chef")
    "l'adjoint au chef"
    >>> article_defini("assemblées", "feminin", "pluriel")
    'les assemblées'
    """
    if nombre == "pluriel":
        return f"les {mot}"
    if commence_par_voyelle(mot):
        return f"l'{mot}"
    return f"{'la' if genre == 'feminin' else 'le'} {mot}"


def de(groupe: str) -> str:
    """``de`` before a noun group that carries its article, contracted or
    elided: ``du``, ``des``, ``de la``, ``de l'``, ``d'``.

    >>> de("le défenseur des droits")
    'du défenseur des droits'
    >>> de("les territoires")
    'des territoires'
    >>> de("la chambre de commerce")
    'de la chambre de commerce'
    >>> de("l'Union Fédérale des Consommateurs")
    "de l'Union Fédérale des Consommateurs"
    >>> de("Allier Habitat")
    "d'Allier Habitat"
    """
    return _contracter("de", "du", "des", groupe)


def a(groupe: str) -> str:
    """``à`` before a noun group that carries its article: ``au``, ``aux``,
    ``à la``, ``à l'``.

    >>> a("le directeur"), a("les usagers"), a("la cheffe"), a("l'adjoint")
    ('au directeur', 'aux usagers', 'à la cheffe', "à l'adjoint")
    """
    return _contracter("à", "au", "aux", groupe)


def _contracter(preposition: str, avec_le: str, avec_les: str, groupe: str) -> str:
    premier, _, reste = groupe.partition(" ")
    if premier == "le" and reste:
        return f"{avec_le} {reste}"
    if premier == "les" and reste:
        return f"{avec_les} {reste}"
    sans_article = not groupe.startswith(("la ", "l'", "l’"))
    if preposition == "de" and sans_article and commence_par_voyelle(groupe):
        return f"d'{groupe}"
    return f"{preposition} {groupe}"


def majuscule_initiale(texte: str) -> str:
    """First letter in capitals, the rest untouched.

    >>> majuscule_initiale("le Secrétaire Général"), majuscule_initiale("élu")
    ('Le Secrétaire Général', 'Élu')
    """
    return texte[:1].upper() + texte[1:]
