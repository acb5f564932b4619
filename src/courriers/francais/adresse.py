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
    "LIGNES_MAX",
    "LIGNES_MIN",
    "LONGUEUR_MAX",
    "normaliser_ligne",
    "problemes_adresse",
]

LIGNES_MAX: Final = 6
"""Nombre de lignes au plus d'une adresse en France (NF Z10-011)."""

LIGNES_MIN: Final = 2
"""Nombre de lignes au moins : le destinataire, puis le code postal et la commune."""

LONGUEUR_MAX: Final = 38
"""Nombre de caractères au plus d'une ligne, espaces compris (NF Z10-011)."""

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
