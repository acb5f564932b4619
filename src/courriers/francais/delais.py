"""Delays of administrative procedures: their end date and their wording.

A delay runs from a date (the receipt of a request) in calendar days, in
working days (weekends and public holidays of the département skipped) or
in months (same day of the month, or the last day of a shorter month).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

from courriers.francais.jours_ouvres import ajouter_jours_ouvres

Unite = Literal["jours", "jours_ouvres", "mois"]


def ajouter_mois(jour: dt.date, mois: int) -> dt.date:
    """The same day ``mois`` months later, or the last day of that month.

    >>> ajouter_mois(dt.date(2024, 3, 15), 2)
    datetime.date(2024, 5, 15)
    >>> ajouter_mois(dt.date(2024, 12, 31), 2)
    datetime.date(2025, 2, 28)
    """
    rang = jour.month - 1 + mois
    annee, mois_final = jour.year + rang // 12, rang % 12 + 1
    dernier = calendar.monthrange(annee, mois_final)[1]
    return dt.date(annee, mois_final, min(jour.day, dernier))


def echeance(depart: dt.date, valeur: int, unite: Unite, departement: str | None = None) -> dt.date:
    """The date a delay ends.

    >>> echeance(dt.date(2024, 3, 28), 2, "jours_ouvres")  # lundi de Pâques sauté
    datetime.date(2024, 4, 2)
    >>> echeance(dt.date(2024, 3, 28), 5, "jours")
    datetime.date(2024, 4, 2)
    >>> echeance(dt.date(2024, 3, 28), 2, "mois")
    datetime.date(2024, 5, 28)
    """
    if unite == "jours":
        return depart + dt.timedelta(days=valeur)
    if unite == "jours_ouvres":
        return ajouter_jours_ouvres(depart, valeur, departement)
    return ajouter_mois(depart, valeur)


def delai_en_texte(valeur: int, unite: Unite) -> str:
    """A delay in words: ``2 mois``, ``1 jour``, ``15 jours ouvrés``.

    >>> delai_en_texte(2, "mois"), delai_en_texte(1, "jours"), delai_en_texte(15, "jours_ouvres")
    ('2 mois', '1 jour', '15 jours ouvrés')
    """
    if unite == "mois":
        return f"{valeur} mois"
    nom = "jour" if valeur == 1 else "jours"
    return (
        f"{valeur} {nom} ouvré{'s' if valeur > 1 else ''}"
        if unite == "jours_ouvres"
        else f"{valeur} {nom}"
    )
