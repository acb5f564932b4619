"""Bloc adresse d'un courrier selon la norme postale NF Z10-011.

Règles vérifiées, sur chaque ligne normalisée par :func:`normaliser_ligne` :

- 6 lignes au plus (et 2 au moins : le destinataire, puis le code postal et la
  commune), aucune vide ;
- 38 caractères au plus par ligne, espaces compris ;
- pas de ponctuation en fin de ligne ;
- la dernière ligne est le code postal (5 chiffres), une espace, puis la
  commune en capitales (lettres, espaces, traits d'union, apostrophes),
  suivie si besoin de ``CEDEX`` et de son numéro : ``03016 MOULINS CEDEX``,
  ``75007 PARIS CEDEX 07``.

>>> problemes_adresse(["Madame Anne Martin", "12 rue Pasteur", "03000 MOULINS"])
[]
>>> problemes_adresse(["Madame Anne Martin", "12 rue Pasteur.", "03000 Moulins"])
['ligne 2 : ponctuation « . » en fin de ligne, aucune attendue', 'dernière ligne « 03000 Moulins » : code postal (5 chiffres) puis commune en capitales attendus (« 03000 MOULINS »)']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

__all__ = [
    "EXEMPLE_DERNIERE_LIGNE",
    "LIGNES_IDENTITE",
    "LIGNES_MAX",
    "LIGNES_MIN",
    "LONGUEUR_MAX",
    "bloc_adresse",
    "couper_identite",
    "normaliser_ligne",
    "problemes_adresse",
]

LIGNES_MAX: Final = 6
"""Nombre de lignes au plus d'une adresse en France (NF Z10-011)."""

LIGNES_MIN: Final = 2
"""Nombre de lignes au moins : le destinataire, puis le code postal et la commune."""

LONGUEUR_MAX: Final = 38
"""Nombre de caractères au plus d'une ligne, espaces compris (NF Z10-011)."""

LIGNES_IDENTITE: Final = 2
"""Lignes au plus de l'identité du destinataire : la norme en prévoit deux
(civilité, nom ou fonction ; puis son complément), avant les lignes de
l'adresse proprement dite."""

EXEMPLE_DERNIERE_LIGNE: Final = "03000 MOULINS"
"""Exemple de dernière ligne donné dans les messages."""

_PONCTUATION_FINALE: Final = frozenset(".,;:!?")

_CAPITALES: Final = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_MOT: Final = f"[{_CAPITALES}]+"
_DERNIERE_LIGNE: Final = re.compile(
    rf"[0-9]{{5}} {_MOT}(?:[ '’-]{_MOT})*(?: CEDEX(?: [0-9]{{1,2}})?)?"
)
"""Code postal, une espace, commune en capitales, ``CEDEX`` et son numéro en option."""


def normaliser_ligne(ligne: str) -> str:
    """Ligne d'adresse sans espaces en tête ni en fin, espaces intérieures réduites à une.

    Toute suite de blancs (tabulations, espaces insécables comprises) devient
    une espace ; les caractères sont mis en forme composée (NFC) pour que la
    longueur compte bien les lettres accentuées pour un caractère.

    >>> normaliser_ligne("  12   rue\\tPasteur ")
    '12 rue Pasteur'
    >>> normaliser_ligne("75007\\u00a0PARIS  CEDEX 07")
    '75007 PARIS CEDEX 07'
    >>> len(normaliser_ligne("Be\\u0301ziers"))
    7
    """
    return " ".join(unicodedata.normalize("NFC", ligne).split())


def _nombre_de_lignes(nombre: int) -> str:
    if nombre == 0:
        return "aucune ligne"
    return f"{nombre} ligne" if nombre == 1 else f"{nombre} lignes"


def problemes_adresse(lignes: Sequence[str]) -> list[str]:
    """Problèmes du bloc adresse ``lignes`` selon NF Z10-011, liste vide si aucun.

    Chaque message dit quoi, où et ce qui est attendu. Les lignes sont
    d'abord normalisées par :func:`normaliser_ligne`. Une dernière ligne vide
    n'est signalée que comme vide.

    >>> problemes_adresse(["Préfecture de l'Allier", "2 rue Michel de l'Hospital", "CS 31649", "03016 MOULINS CEDEX"])
    []
    >>> problemes_adresse(["M. Jean Durand", "Moulins"])
    ['dernière ligne « Moulins » : code postal (5 chiffres) puis commune en capitales attendus (« 03000 MOULINS »)']
    >>> problemes_adresse(["M. Jean Durand", "", "03000 MOULINS"])
    ['ligne 2 vide']
    >>> problemes_adresse(["M. Jean Durand"] * 6 + ["03000 MOULINS"])
    ['7 lignes, 6 au plus']
    >>> problemes_adresse(["x" * 60, "03000 MOULINS"])
    ['ligne 1 : 60 caractères, 38 au plus']
    """
    if isinstance(lignes, str):
        raise TypeError("adresse attendue comme une suite de lignes, pas comme une seule chaîne")
    normalisees = [normaliser_ligne(ligne) for ligne in lignes]
    problemes: list[str] = []
    nombre = len(normalisees)
    if nombre > LIGNES_MAX:
        problemes.append(f"{_nombre_de_lignes(nombre)}, {LIGNES_MAX} au plus")
    elif nombre < LIGNES_MIN:
        problemes.append(
            f"{_nombre_de_lignes(nombre)}, {LIGNES_MIN} au moins "
            "(destinataire, puis code postal et commune)"
        )
    for numero, ligne in enumerate(normalisees, start=1):
        derniere = numero == nombre
        if not ligne:
            problemes.append(f"ligne {numero} vide")
            continue
        if len(ligne) > LONGUEUR_MAX:
            problemes.append(f"ligne {numero} : {len(ligne)} caractères, {LONGUEUR_MAX} au plus")
        if derniere:
            if not _DERNIERE_LIGNE.fullmatch(ligne):
                problemes.append(
                    f"dernière ligne « {ligne} » : code postal (5 chiffres) puis commune "
                    f"en capitales attendus (« {EXEMPLE_DERNIERE_LIGNE} »)"
                )
        elif ligne[-1] in _PONCTUATION_FINALE:
            problemes.append(
                f"ligne {numero} : ponctuation « {ligne[-1]} » en fin de ligne, aucune attendue"
            )
    return problemes


# Mots qui ne finissent pas une ligne coupée : ils vont avec ce qui les suit.
_MOTS_LIES: Final = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "à", "au", "aux", "et", "en"}
    | {"pour", "sur", "chargé", "chargée"}
)


def _mot_lie(mot: str) -> bool:
    return mot.lower() in _MOTS_LIES or mot.lower().endswith(("'", "’"))


def couper_identite(ligne: str, longueur: int = LONGUEUR_MAX) -> list[str]:
    """La ligne d'identité d'un destinataire, coupée entre deux mots quand
    elle dépasse ``longueur`` caractères (NF Z10-011 : l'identité tient sur
    deux lignes au plus). La coupe se fait le plus loin possible, jamais
    juste après un article ou une préposition (« de », « la », « des »…), qui
    passent à la ligne suivante. Le résultat peut compter plus de
    :data:`LIGNES_IDENTITE` lignes, ou une ligne trop longue (un mot de plus
    de 38 caractères) : :func:`bloc_adresse` le signale.

    >>> couper_identite("Monsieur le directeur départemental des territoires")
    ['Monsieur le directeur départemental', 'des territoires']
    >>> couper_identite("Madame la directrice régionale de l'environnement")
    ['Madame la directrice régionale', "de l'environnement"]
    >>> couper_identite("Madame Marie DUPONT")
    ['Madame Marie DUPONT']
    """
    mots = normaliser_ligne(ligne).split(" ")
    lignes: list[str] = []
    while mots:
        texte = " ".join(mots)
        if len(texte) <= longueur:
            lignes.append(texte)
            break
        fin = 1
        while fin < len(mots) and len(" ".join(mots[: fin + 1])) <= longueur:
            fin += 1
        coupe = fin
        while coupe > 1 and _mot_lie(mots[coupe - 1]):
            coupe -= 1
        lignes.append(" ".join(mots[:coupe]))
        mots = mots[coupe:]
    return lignes


def lignes_du_bloc(identite: str, lignes: Sequence[str]) -> list[str]:
    """Les lignes du bloc adresse (sans ses problèmes, voir
    :func:`bloc_adresse`) : l'identité coupée, puis l'adresse normalisée.

    >>> lignes_du_bloc("Madame Marie  DUPONT", ["2 rue\tMichelet ", "03000 MOULINS"])
    ['Madame Marie DUPONT', '2 rue Michelet', '03000 MOULINS']
    >>> lignes_du_bloc("", ["03000 MOULINS"])
    ['03000 MOULINS']
    """
    if isinstance(lignes, str):
        raise TypeError("adresse attendue comme une suite de lignes, pas comme une seule chaîne")
    coupees = couper_identite(identite) if identite else []
    return [*coupees, *(normaliser_ligne(ligne) for ligne in lignes)]


def bloc_adresse(identite: str, lignes: Sequence[str]) -> tuple[list[str], list[str]]:
    """Le bloc adresse complet et ses problèmes (NF Z10-011) : la ligne
    d'identité (coupée sur deux lignes quand elle dépasse 38 caractères,
    :func:`couper_identite`), puis les ``lignes`` de l'adresse. ``identite``
    vide : l'adresse seule.

    Les problèmes numérotent les lignes comme elles sont données (ligne 1 :
    l'identité, ligne 2 : la première ligne d'adresse…), et disent comment
    raccourcir ce qui ne peut pas être coupé.

    >>> bloc, problemes = bloc_adresse(
    ...     "Monsieur le directeur départemental des territoires",
    ...     ["Cité administrative", "2 rue Michelet", "03000 MOULINS"],
    ... )
    >>> bloc, problemes
    (['Monsieur le directeur départemental', 'des territoires', 'Cité administrative', '2 rue Michelet', '03000 MOULINS'], [])
    >>> bloc_adresse("Monsieur le directeur départemental des territoires",
    ...              ["a", "b", "c", "d", "03000 MOULINS"])[1]
    ["7 lignes, 6 au plus : la ligne 1, trop longue, est coupée sur les deux lignes d'identité ; raccourcir la fonction à 38 caractères ou retirer une ligne d'adresse"]
    >>> print(bloc_adresse("Monsieur le directeur départemental de l'emploi, "
    ...                    "du travail et des solidarités", ["03000 MOULINS"])[1][0])
    ligne 1 : 78 caractères, plus que les 2 lignes d'identité de 38 caractères de la norme même coupée entre deux mots ; abréger la fonction ou l'organisme (sigle : « DDETS »)
    """
    if isinstance(lignes, str):
        raise TypeError("adresse attendue comme une suite de lignes, pas comme une seule chaîne")
    if not identite:
        return [normaliser_ligne(ligne) for ligne in lignes], problemes_adresse(lignes)
    coupees = couper_identite(identite)
    complet = normaliser_ligne(identite)
    problemes = problemes_adresse([coupees[0], *lignes])
    if len(coupees) > LIGNES_IDENTITE or any(len(c) > LONGUEUR_MAX for c in coupees):
        problemes.insert(
            0,
            f"ligne 1 : {len(complet)} caractères, plus que les {LIGNES_IDENTITE} lignes "
            f"d'identité de {LONGUEUR_MAX} caractères de la norme même coupée entre deux mots ; "
            "abréger la fonction ou l'organisme (sigle : « DDETS »)",
        )
    elif len(coupees) == LIGNES_IDENTITE and len(lignes) + 2 > LIGNES_MAX >= len(lignes) + 1:
        problemes.insert(
            0,
            f"{len(lignes) + 2} lignes, {LIGNES_MAX} au plus : la ligne 1, trop longue, est "
            f"coupée sur les deux lignes d'identité ; raccourcir la fonction à {LONGUEUR_MAX} "
            "caractères ou retirer une ligne d'adresse",
        )
    return [*coupees, *(normaliser_ligne(ligne) for ligne in lignes)], problemes
