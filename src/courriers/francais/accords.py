"""Agreement of participles and adjectives.

The participles of the opening sentence of minutes agree with the meeting
body, not with the chair: ``s'est tenu le comité …, présidé par Mme X`` but
``s'est tenue la commission …, présidée par M. Y``. The headings of the lists
of attendees agree with the people listed: ``Étaient présents``,
``Étaient présentes`` (only women), ``Était présent`` (one man).
"""

from __future__ import annotations

from collections.abc import Iterable

from courriers.francais.elision import Genre, Nombre


def accorder(participe: str, genre: Genre = "masculin", nombre: Nombre = "singulier") -> str:
    """A regular participle or adjective, given in the masculine singular,
    agreed in gender and number.

    >>> accorder("tenu", "feminin")
    'tenue'
    >>> accorder("présidé", "feminin", "pluriel")
    'présidées'
    >>> accorder("réuni", "masculin", "pluriel")
    'réunis'
    >>> accorder("excusé", "masculin", "pluriel")
    'excusés'
    """
    forme = participe
    if genre == "feminin" and not forme.endswith("e"):
        forme += "e"
    if nombre == "pluriel" and not forme.endswith(("s", "x")):
        forme += "s"
    return forme


def s_est_tenu(genre: Genre = "masculin", nombre: Nombre = "singulier") -> str:
    """``s'est tenu`` agreed with the meeting body, which follows it.

    >>> s_est_tenu(), s_est_tenu("feminin"), s_est_tenu("feminin", "pluriel")
    ("s'est tenu", "s'est tenue", 'se sont tenues')
    """
    auxiliaire = "se sont" if nombre == "pluriel" else "s'est"
    return f"{auxiliaire} {accorder('tenu', genre, nombre)}"


def genre_du_groupe(civilites: Iterable[str]) -> tuple[Genre, Nombre]:
    """The gender and number of a group of people: feminine only when all
    are women (French grammar's rule).

    >>> genre_du_groupe(["Mme", "Mme"])
    ('feminin', 'pluriel')
    >>> genre_du_groupe(["Mme", "M."])
    ('masculin', 'pluriel')
    >>> genre_du_groupe(["M."])
    ('masculin', 'singulier')
    """
    liste = list(civilites)
    genre: Genre = "feminin" if liste and all(c == "Mme" for c in liste) else "masculin"
    nombre: Nombre = "pluriel" if len(liste) > 1 else "singulier"
    return genre, nombre


def intitule_liste(participe: str, civilites: Iterable[str], verbe: str = "être") -> str:
    """The heading of a list of attendees, agreed with the people listed.

    >>> intitule_liste("présent", ["M.", "Mme"])
    'Étaient présents'
    >>> intitule_liste("excusé", ["Mme", "Mme"])
    'Étaient excusées'
    >>> intitule_liste("absent", ["M."])
    'Était absent'
    >>> intitule_liste("également", ["M.", "M."], verbe="assister")
    'Assistaient également'
    >>> intitule_liste("également", ["Mme"], verbe="assister")
    'Assistait également'
    """
    genre, nombre = genre_du_groupe(civilites)
    if verbe == "assister":
        debut = "Assistaient" if nombre == "pluriel" else "Assistait"
        return f"{debut} {participe}"
    debut = "Étaient" if nombre == "pluriel" else "Était"
    return f"{debut} {accorder(participe, genre, nombre)}"
