"""Jours ouvrés (du lundi au vendredi, hors jours fériés) par département.

Les jours fériés viennent du paquet maintenu ``holidays`` (classe
``holidays.France``, noms en français) et jamais d'une table de dates écrite à
la main. Les départements dont les jours fériés diffèrent de ceux de la
métropole sont la Moselle et l'Alsace (Vendredi saint, Saint-Étienne le
26 décembre) et l'outre-mer (abolition de l'esclavage, fêtes locales) : voir
:func:`subdivision`.

Les calendriers ``holidays.France`` sont gardés en cache, un par subdivision,
et chaque année n'est calculée qu'à sa première utilisation. ``holidays`` ne
connaît que les années 1803 à 2100 : hors de ces années, aucun jour n'est
férié.

>>> from datetime import date
>>> jours_ouvres_avant(date(2024, 4, 2), 5, "03")  # lundi de Pâques le 1er avril
datetime.date(2024, 3, 25)
>>> jours_ouvres_entre(date(2024, 7, 12), date(2024, 7, 16))  # 14 juillet un dimanche
2
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Final

import holidays

from courriers.francais.departements import departement as _departement

__all__ = [
    "ajouter_jours_ouvres",
    "est_jour_ouvre",
    "jours_feries",
    "jours_ouvres_avant",
    "jours_ouvres_entre",
    "subdivision",
]

_SUBDIVISIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "57": "57",  # Moselle : Vendredi saint, Saint-Étienne.
        "67": "6AE",  # Bas-Rhin (Alsace) : idem.
        "68": "6AE",  # Haut-Rhin (Alsace) : idem.
        "971": "971",  # Guadeloupe.
        "972": "972",  # Martinique.
        "973": "973",  # Guyane.
        "974": "974",  # La Réunion.
        "976": "976",  # Mayotte.
        "975": "PM",  # Saint-Pierre-et-Miquelon.
        "977": "BL",  # Saint-Barthélemy.
        "978": "MF",  # Saint-Martin.
        "986": "WF",  # Wallis-et-Futuna.
        "987": "PF",  # Polynésie française.
        "988": "NC",  # Nouvelle-Calédonie.
    }
)
"""Code INSEE (normalisé) → subdivision de ``holidays.France``."""

_UN_JOUR: Final = timedelta(days=1)


def subdivision(departement: str | None) -> str | None:
    """Subdivision de ``holidays.France`` pour le département de code ``departement``.

    Renvoie ``None`` pour un département de métropole sans jour férié propre
    (et pour ``None``). Le code est normalisé comme par
    :func:`courriers.francais.departements.departement` ; un code inconnu lève
    ``ValueError``.

    >>> subdivision("57"), subdivision("67"), subdivision("68")
    ('57', '6AE', '6AE')
    >>> subdivision("971"), subdivision("975"), subdivision("988")
    ('971', 'PM', 'NC')
    >>> subdivision("3") is None, subdivision("2a") is None, subdivision(None) is None
    (True, True, True)
    >>> subdivision("99")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: code de département inconnu : « 99 » ; attendu un code INSEE ...
    """
    if departement is None:
        return None
    return _SUBDIVISIONS.get(_departement(departement).code)


@cache
def _calendrier(subdiv: str | None) -> holidays.HolidayBase:
    """Calendrier ``holidays.France`` de la subdivision, années calculées à la demande."""
    return holidays.country_holidays("FR", subdiv=subdiv, language="fr", expand=True)


@lru_cache(maxsize=4096)
def _feries(subdiv: str | None, annee: int) -> Mapping[date, str]:
    """Jours fériés d'une année pour une subdivision, en lecture seule, triés par date."""
    calendrier = _calendrier(subdiv)
    # ``expand=True`` : consulter une date de l'année calcule toute l'année.
    calendrier.get(date(annee, 1, 1))
    return MappingProxyType(
        {jour: nom for jour, nom in sorted(calendrier.items()) if jour.year == annee}
    )


def jours_feries(annee: int, departement: str | None = None) -> dict[date, str]:
    """Jours fériés de l'année ``annee`` dans le département, triés par date.

    Les noms sont ceux, en français, du paquet ``holidays``. Deux fêtes le
    même jour ont leurs noms joints par « ; » (le 1er mai 2008 :
    « Ascension; Fête du Travail »).

    >>> for jour, nom in jours_feries(2024, "03").items():
    ...     print(jour, nom)
    2024-01-01 Jour de l'an
    2024-04-01 Lundi de Pâques
    2024-05-01 Fête du Travail
    2024-05-08 Fête de la Victoire
    2024-05-09 Ascension
    2024-05-20 Lundi de Pentecôte
    2024-07-14 Fête nationale
    2024-08-15 Assomption
    2024-11-01 Toussaint
    2024-11-11 Armistice
    2024-12-25 Noël
    >>> sorted(jours_feries(2024, "57").keys() - jours_feries(2024, "03").keys())
    [datetime.date(2024, 3, 29), datetime.date(2024, 12, 26)]
    >>> jours_feries(2024, "971")[date(2024, 5, 27)]
    "Abolition de l'esclavage"
    """
    return dict(_feries(subdivision(departement), annee))


def _est_ouvre(jour: date, subdiv: str | None) -> bool:
    if jour.weekday() >= 5:
        return False
    if isinstance(jour, datetime):
        jour = jour.date()
    return jour not in _feries(subdiv, jour.year)


def _verifier_n(n: int) -> None:
    if n < 1:
        raise ValueError(f"nombre de jours ouvrés : {n} ; attendu un entier supérieur ou égal à 1")


def est_jour_ouvre(jour: date, departement: str | None = None) -> bool:
    """Dit si ``jour`` est un jour ouvré : du lundi au vendredi et non férié.

    >>> est_jour_ouvre(date(2024, 4, 1))  # lundi de Pâques
    False
    >>> est_jour_ouvre(date(2024, 3, 29)), est_jour_ouvre(date(2024, 3, 29), "57")
    (True, False)
    >>> est_jour_ouvre(date(2024, 3, 30))  # samedi
    False
    """
    return _est_ouvre(jour, subdivision(departement))


def jours_ouvres_avant(jour: date, n: int, departement: str | None = None) -> date:
    """Date qui tombe ``n`` jours ouvrés avant ``jour`` (``jour`` non compté, ``n`` ≥ 1).

    Sert par exemple pour la date limite de réponse à une convocation.

    >>> jours_ouvres_avant(date(2024, 4, 2), 5)  # lundi de Pâques sauté
    datetime.date(2024, 3, 25)
    >>> jours_ouvres_avant(date(2024, 4, 2), 5, "57")  # et Vendredi saint en Moselle
    datetime.date(2024, 3, 22)
    >>> jours_ouvres_avant(date(2024, 4, 2), 0)
    Traceback (most recent call last):
    ...
    ValueError: nombre de jours ouvrés : 0 ; attendu un entier supérieur ou égal à 1
    """
    _verifier_n(n)
    subdiv = subdivision(departement)
    while n:
        jour -= _UN_JOUR
        if _est_ouvre(jour, subdiv):
            n -= 1
    return jour


def ajouter_jours_ouvres(jour: date, n: int, departement: str | None = None) -> date:
    """Date qui tombe ``n`` jours ouvrés après ``jour`` (``jour`` non compté, ``n`` ≥ 1).

    Sert pour les délais de traitement.

    >>> ajouter_jours_ouvres(date(2024, 12, 20), 3)  # Noël sauté
    datetime.date(2024, 12, 26)
    >>> ajouter_jours_ouvres(date(2024, 12, 20), 3, "67")  # et la Saint-Étienne en Alsace
    datetime.date(2024, 12, 27)
    """
    _verifier_n(n)
    subdiv = subdivision(departement)
    while n:
        jour += _UN_JOUR
        if _est_ouvre(jour, subdiv):
            n -= 1
    return jour


def _jours_semaine_jusqua(jour: date) -> int:
    """Nombre de jours du lundi au vendredi du 1er janvier de l'an 1 (un lundi) à ``jour`` inclus."""
    jours = jour.toordinal()
    return jours // 7 * 5 + min(jours % 7, 5)


def jours_ouvres_entre(debut: date, fin: date, departement: str | None = None) -> int:
    """Nombre de jours ouvrés après ``debut`` jusqu'à ``fin`` inclus (0 si ``fin`` ≤ ``debut``).

    Sert à écrire « réponse envoyée 12 jours ouvrés après le courrier ».
    ``jours_ouvres_entre(d, ajouter_jours_ouvres(d, n))`` vaut ``n``.

    >>> jours_ouvres_entre(date(2024, 3, 25), date(2024, 4, 2))  # lundi de Pâques
    5
    >>> jours_ouvres_entre(date(2024, 3, 25), date(2024, 4, 2), "57")  # et Vendredi saint
    4
    >>> jours_ouvres_entre(date(2024, 4, 2), date(2024, 3, 25))
    0
    """
    if isinstance(debut, datetime):
        debut = debut.date()
    if isinstance(fin, datetime):
        fin = fin.date()
    if fin <= debut:
        return 0
    subdiv = subdivision(departement)
    feries = sum(
        1
        for annee in range(debut.year, fin.year + 1)
        for jour in _feries(subdiv, annee)
        if debut < jour <= fin and jour.weekday() < 5
    )
    return _jours_semaine_jusqua(fin) - _jours_semaine_jusqua(debut) - feries
