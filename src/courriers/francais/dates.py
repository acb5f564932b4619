"""Dates and hours written the French administrative way.

Babel gives the month and weekday names (CLDR, locale ``fr_FR``); the rules
babel does not know are here: ``1er`` for the first day of a month, hours as
``10h30`` (the seed's style) or ``10 h 30`` (Imprimerie nationale, with
non-breaking spaces, and never ``10 h 00``), and ranges.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

from babel.dates import format_date

StyleHeure = Literal["compact", "imprimerie_nationale"]
"""``compact``: ``10h30``, ``10h`` (the seed). ``imprimerie_nationale``:
``10 h 30``, ``10 h`` with non-breaking spaces."""

ESPACE_INSECABLE = "\u00a0"


def jour(d: dt.date) -> str:
    """Day of the month, ``1er`` for the first.

    >>> jour(dt.date(2022, 3, 1)), jour(dt.date(2022, 3, 8))
    ('1er', '8')
    """
    return "1er" if d.day == 1 else str(d.day)


def mois(d: dt.date) -> str:
    """Month name, lower case.

    >>> mois(dt.date(2022, 2, 28))
    'février'
    """
    return _nom_du_mois(d.month)


def jour_semaine(d: dt.date) -> str:
    """Weekday, lower case.

    >>> jour_semaine(dt.date(2022, 2, 28))
    'lundi'
    """
    return _nom_du_jour(d.weekday())


@cache
def _nom_du_mois(numero: int) -> str:
    return format_date(dt.date(2000, numero, 1), "MMMM", locale="fr_FR")


@cache
def _nom_du_jour(numero: int) -> str:
    # 3 January 2000 was a Monday (weekday 0).
    return format_date(dt.date(2000, 1, 3 + numero), "EEEE", locale="fr_FR")


def date_longue(d: dt.date, avec_jour_semaine: bool = False) -> str:
    """Long date: ``28 février 2022``, ``1er mars 2022``.

    >>> date_longue(dt.date(2022, 2, 28))
    '28 février 2022'
    >>> date_longue(dt.date(2022, 3, 1))
    '1er mars 2022'
    >>> date_longue(dt.date(2022, 2, 28), avec_jour_semaine=True)
    'lundi 28 février 2022'
    """
    texte = f"{jour(d)} {mois(d)} {d.year}"
    return f"{jour_semaine(d)} {texte}" if avec_jour_semaine else texte


def date_numerique(d: dt.date) -> str:
    """Numeric date ``08/03/2022``.

    >>> date_numerique(dt.date(2022, 3, 8))
    '08/03/2022'
    """
    return d.strftime("%d/%m/%Y")


def heure(h: dt.time, style: StyleHeure = "compact", midi_minuit: bool = False) -> str:
    """An hour of the day; minutes only when there are some. With
    ``midi_minuit``, 12:00 is ``midi`` and 0:00 ``minuit`` (Imprimerie
    nationale: « à midi », never « à 12 h 00 »).

    >>> heure(dt.time(10, 30)), heure(dt.time(10, 0)), heure(dt.time(9, 5))
    ('10h30', '10h', '9h05')
    >>> heure(dt.time(10, 30), "imprimerie_nationale").replace("\\u00a0", "_")
    '10_h_30'
    >>> heure(dt.time(10, 0), "imprimerie_nationale").replace("\\u00a0", "_")
    '10_h'
    >>> heure(dt.time(12, 0), midi_minuit=True), heure(dt.time(0, 0), midi_minuit=True)
    ('midi', 'minuit')
    >>> heure(dt.time(12, 30), midi_minuit=True), heure(dt.time(12, 0))
    ('12h30', '12h')
    """
    if midi_minuit and h.minute == 0 and h.hour in (0, 12):
        return "midi" if h.hour == 12 else "minuit"
    separateur = "h" if style == "compact" else f"{ESPACE_INSECABLE}h{ESPACE_INSECABLE}"
    minutes = f"{h.minute:02d}" if h.minute else ""
    return f"{h.hour}{separateur}{minutes}".rstrip(ESPACE_INSECABLE)


def horaire(
    debut: dt.time,
    fin: dt.time | None = None,
    style: StyleHeure = "compact",
    midi_minuit: bool = False,
) -> str:
    """The time of a meeting: ``à 10h30``, or a range ``de 14h30 à 16h15``.

    >>> horaire(dt.time(10, 30))
    'à 10h30'
    >>> horaire(dt.time(14, 30), dt.time(16, 15))
    'de 14h30 à 16h15'
    >>> horaire(dt.time(10, 0), dt.time(12, 0), midi_minuit=True)
    'de 10h à midi'
    """
    if fin is None:
        return f"à {heure(debut, style, midi_minuit)}"
    return f"de {heure(debut, style, midi_minuit)} à {heure(fin, style, midi_minuit)}"


def periode(debut: dt.date, fin: dt.date) -> str:
    """A period in long dates, what both ends share written once:
    ``du 22 au 24 novembre 2022``; one day is ``le 22 novembre 2022``.

    >>> periode(dt.date(2022, 11, 22), dt.date(2022, 11, 24))
    'du 22 au 24 novembre 2022'
    >>> periode(dt.date(2022, 11, 30), dt.date(2022, 12, 2))
    'du 30 novembre au 2 décembre 2022'
    >>> periode(dt.date(2022, 12, 28), dt.date(2023, 1, 3))
    'du 28 décembre 2022 au 3 janvier 2023'
    >>> periode(dt.date(2022, 3, 1), dt.date(2022, 3, 3))
    'du 1er au 3 mars 2022'
    >>> periode(dt.date(2022, 3, 1), dt.date(2022, 3, 1))
    'le 1er mars 2022'
    >>> periode(dt.date(2022, 3, 3), dt.date(2022, 3, 1))
    Traceback (most recent call last):
    ...
    ValueError: période à l'envers : le 3 mars 2022 est après le 1er mars 2022
    """
    if fin < debut:
        raise ValueError(
            f"période à l'envers : le {date_longue(debut)} est après le {date_longue(fin)}"
        )
    if debut == fin:
        return f"le {date_longue(debut)}"
    if debut.year != fin.year:
        gauche = date_longue(debut)
    elif debut.month != fin.month:
        gauche = f"{jour(debut)} {mois(debut)}"
    else:
        gauche = jour(debut)
    return f"du {gauche} au {date_longue(fin)}"


def periode_numerique(debut: dt.date, fin: dt.date) -> str:
    """A period in numeric dates, the year once when shared:
    ``du 22/11 au 17/12/2021``.

    >>> periode_numerique(dt.date(2021, 11, 22), dt.date(2021, 12, 17))
    'du 22/11 au 17/12/2021'
    >>> periode_numerique(dt.date(2021, 12, 22), dt.date(2022, 1, 7))
    'du 22/12/2021 au 07/01/2022'
    """
    gauche = debut.strftime("%d/%m") if debut.year == fin.year else date_numerique(debut)
    return f"du {gauche} au {date_numerique(fin)}"
