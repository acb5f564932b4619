"""Articles, elision and contraction.

French elides ``le``, ``la``, ``de``, ``que`` before a vowel sound or a mute
h (``l'adjoint``, ``d'industrie``, ``l'hôpital``) but not before an aspirated
h (``le handicap``, ``de Hauts-de-Seine Habitat``), ``onze`` or a yod
(``le yacht``); before an acronym, by its first letter (``l'ARS``,
``l'URSSAF``, ``la DDT``, ``le SDIS``). It contracts ``de le`` into ``du``,
``à les`` into ``aux``, also when the article is the capitalised first word
of a proper name (``des Restaurants du Cœur``, ``du Havre``, ``au Mans``).
The word lists are data in :mod:`courriers.francais.lexique`; the rules and
sources are in ``docs/regles-francais.md``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from courriers.francais.lexique import (
    H_ASPIRES,
    H_ASPIRES_RACINES,
    H_MUETS,
    NON_ELIDES,
    Y_ELIDES,
)

Genre = Literal["masculin", "feminin"]
Nombre = Literal["singulier", "pluriel"]

#: The apostrophe of generated forms: straight by default (the seed's),
#: ``’`` (U+2019) as an option.
APOSTROPHE = "'"
APOSTROPHE_TYPOGRAPHIQUE = "\u2019"

_GUILLEMETS_OUVRANTS = ("«", "“", '"', "‘")
_A_RETIRER = "«»“”\"'‘’()\u00a0\u202f "
_SIGLE = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_VOYELLES = "aeiou"


def _sans_accents(mot: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", mot) if unicodedata.category(c) != "Mn")


_H_MUETS_SANS_ACCENTS = frozenset(_sans_accents(m) for m in H_MUETS)


def est_sigle(mot: str) -> bool:
    """Whether a word is an acronym: 2 to 8 capitals or digits, not a word
    typed in capitals (``HÔTEL``, ``HOPITAL``).

    >>> [est_sigle(m) for m in ["ARS", "URSSAF", "SDIS", "Urssaf", "HÔTEL", "HOPITAL", "YONNE"]]
    [True, True, True, False, False, False, False]
    """
    minuscule = mot.lower()
    return bool(_SIGLE.match(mot)) and minuscule not in _H_MUETS_SANS_ACCENTS | Y_ELIDES


def h_aspire(mot: str) -> bool:
    """Whether a word (or the first part of a compound) starts with an
    aspirated h, by the lexicon's list and families.

    >>> [h_aspire(m) for m in ["Hauts-de-Seine", "handicapée", "hameau", "hall"]]
    [True, True, True, True]
    >>> [h_aspire(m) for m in ["hôpital", "huissier", "habitat", "hallucination", "Hérault"]]
    [False, False, False, False, False]
    """
    minuscule = mot.lower()
    premier = minuscule.split("-")[0]
    if minuscule in H_ASPIRES or premier in H_ASPIRES:
        return True
    return premier[:1] == "h" and premier.startswith(H_ASPIRES_RACINES)


def commence_par_voyelle(mot: str) -> bool:
    """Whether a word elides what precedes it: vowel sound or mute h.

    >>> [commence_par_voyelle(m) for m in ["adjoint", "Union", "hôpital", "haut", "chef", "élu"]]
    [True, True, True, False, False, True]
    >>> [commence_par_voyelle(m) for m in ["ARS", "URSSAF", "DDT", "SDIS", "onze", "yacht", "Yonne"]]
    [True, True, False, False, False, False, True]
    """
    if not mot.strip(_A_RETIRER):
        return False
    premier = mot.strip(_A_RETIRER).split()[0].strip(_A_RETIRER)
    if not premier or not premier[0].isalpha():
        return False  # 11e, 8 : « le onzième », « le huit »
    if est_sigle(premier):
        return premier[0] in "AEIOU"
    minuscule = premier.lower()
    racine = re.split(r"[-'’]", minuscule)[0]
    if minuscule in NON_ELIDES or racine in NON_ELIDES:
        return False
    if minuscule[0] == "h":
        return not h_aspire(minuscule)
    if minuscule[0] == "y":
        if racine in Y_ELIDES:
            return True
        return len(minuscule) > 1 and _sans_accents(minuscule[1]) not in _VOYELLES + "y"
    return _sans_accents(minuscule[0]) in _VOYELLES


def article_defini(
    mot: str,
    genre: Genre = "masculin",
    nombre: Nombre = "singulier",
    apostrophe: str = APOSTROPHE,
) -> str:
    """The definite article placed before ``mot``, elided when needed.

    >>> article_defini("comité local des usagers")
    'le comité local des usagers'
    >>> article_defini("commission départementale", "feminin")
    'la commission départementale'
    >>> article_defini("adjoint au chef")
    "l'adjoint au chef"
    >>> article_defini("assemblées", "feminin", "pluriel")
    'les assemblées'
    >>> article_defini("haute fonctionnaire", "feminin"), article_defini("ARS", "feminin")
    ('la haute fonctionnaire', "l'ARS")
    >>> article_defini("huissière", "feminin", apostrophe="\u2019")
    'l’huissière'
    """
    if nombre == "pluriel":
        return f"les {mot}"
    if commence_par_voyelle(mot):
        return f"l{apostrophe}{mot}"
    return f"{'la' if genre == 'feminin' else 'le'} {mot}"


def de(groupe: str, apostrophe: str = APOSTROPHE) -> str:
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
    >>> de("Allier Habitat"), de("Hauts-de-Seine Habitat")
    ("d'Allier Habitat", 'de Hauts-de-Seine Habitat')
    >>> de("Les Restaurants du Cœur"), de("Le Havre"), de("La Rochelle")
    ('des Restaurants du Cœur', 'du Havre', 'de La Rochelle')
    >>> de("« Les Misérables »")
    'de « Les Misérables »'
    """
    return _contracter("de", "du", "des", groupe, apostrophe)


def a(groupe: str, apostrophe: str = APOSTROPHE) -> str:
    """``à`` before a noun group that carries its article: ``au``, ``aux``,
    ``à la``, ``à l'``.

    >>> a("le directeur"), a("les usagers"), a("la cheffe"), a("l'adjoint")
    ('au directeur', 'aux usagers', 'à la cheffe', "à l'adjoint")
    >>> a("Le Mans"), a("Les Sables-d'Olonne")
    ('au Mans', "aux Sables-d'Olonne")
    """
    return _contracter("à", "au", "aux", groupe, apostrophe)


def _contracter(preposition: str, avec_le: str, avec_les: str, groupe: str, apostrophe: str) -> str:
    # A quoted name (title of a work, name cited as such) is never contracted:
    # its article belongs to the quotation.
    if not groupe.lstrip().startswith(_GUILLEMETS_OUVRANTS):
        premier, _, reste = groupe.partition(" ")
        if premier in ("le", "Le") and reste:
            return f"{avec_le} {reste}"
        if premier in ("les", "Les") and reste:
            return f"{avec_les} {reste}"
    avec_article = groupe.startswith(("la ", "La ", "l'", "l’", "L'", "L’"))
    if preposition == "de" and not avec_article and commence_par_voyelle(groupe):
        return f"d{apostrophe}{groupe}"
    return f"{preposition} {groupe}"


def apostrophe_typographique(texte: str) -> str:
    """Every straight apostrophe of a generated form made typographic (’).

    >>> apostrophe_typographique("PRÉFET DE L'ALLIER")
    'PRÉFET DE L’ALLIER'
    """
    return texte.replace("'", APOSTROPHE_TYPOGRAPHIQUE)


def majuscule_initiale(texte: str) -> str:
    """First letter in capitals, the rest untouched.

    >>> majuscule_initiale("le Secrétaire Général"), majuscule_initiale("élu")
    ('Le Secrétaire Général', 'Élu')
    """
    return texte[:1].upper() + texte[1:]
