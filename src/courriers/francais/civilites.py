"""Civilités, military and gendarmerie ranks, plural designations.

What is *displayed* before a name (``M.``, ``Me``, ``Cdt``, ``MM.``) is
kept apart from what drives *agreement* (the gender and number): ``M.`` and
``Mme`` (and their plurals) give the gender; ``Me`` (Maître), ``Dr``,
``Pr`` and the ranks do not, the data then states the gender.

Ranks. In the armed forces and the gendarmerie a woman is addressed by her
rank without feminisation (« Madame le commandant » in speech, usage of the
ministère des Armées); in writing the rank, often abbreviated, stands before
the name (``Cdt Laurent RIEU``, ``Cdt Claire RIEU``). So by default a rank
is shown as typed, never feminised, while the participles and the function
of the person agree with her gender (``Cdt Claire RIEU, commandante de la
compagnie…`` only when the function itself is feminised). A service that
feminises ranks, as the circulaire du 21 novembre 2017 allows for titles,
asks for it (``feminiser=True``): ``Commandante``, ``Lieutenante-colonelle``;
abbreviations never change. ``Maître`` stays masculine by usage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from courriers.francais.elision import Genre, Nombre


@dataclass(frozen=True)
class FormeCivilite:
    """One civilité or rank as the data may write it."""

    complete: str
    """The full form (``Monsieur``, ``Commandant``, ``Maître``)."""
    abreviation: str
    """The abbreviation (``M.``, ``Cdt``, ``Me``)."""
    genre: Genre | None = None
    """The gender it gives, ``None`` when it gives none (ranks, ``Me``)."""
    nombre: Nombre = "singulier"
    grade: bool = False
    """A military or gendarmerie rank."""
    feminin: str | None = None
    """The feminised full form, for a service that feminises ranks."""


def _grade(complete: str, abreviation: str, feminin: str) -> list[tuple[str, FormeCivilite]]:
    forme = FormeCivilite(complete, abreviation, grade=True, feminin=feminin)
    return [(complete, forme), (abreviation, forme)]


_CIVILES = [
    ("M.", FormeCivilite("Monsieur", "M.", "masculin")),
    ("Mme", FormeCivilite("Madame", "Mme", "feminin")),
    ("MM.", FormeCivilite("Messieurs", "MM.", "masculin", "pluriel")),
    ("Mmes", FormeCivilite("Mesdames", "Mmes", "feminin", "pluriel")),
    ("Mme et M.", FormeCivilite("Madame et Monsieur", "Mme et M.", "masculin", "pluriel")),
    ("M. et Mme", FormeCivilite("Monsieur et Madame", "M. et Mme", "masculin", "pluriel")),
    ("Mmes et MM.", FormeCivilite("Mesdames et Messieurs", "Mmes et MM.", "masculin", "pluriel")),
    ("Me", FormeCivilite("Maître", "Me")),
    ("Dr", FormeCivilite("Docteur", "Dr")),
    ("Pr", FormeCivilite("Professeur", "Pr")),
]

#: Ranks of the armed forces and the gendarmerie, full form and usual
#: abbreviation (both accepted in the data), with the feminised form.
_GRADES = [
    ("Général", "Gal", "Générale"),
    ("Colonel", "Col", "Colonelle"),
    ("Lieutenant-colonel", "Lcl", "Lieutenante-colonelle"),
    ("Commandant", "Cdt", "Commandante"),
    ("Chef d'escadron", "Cen", "Cheffe d'escadron"),
    ("Capitaine", "Cne", "Capitaine"),
    ("Lieutenant", "Ltn", "Lieutenante"),
    ("Sous-lieutenant", "Slt", "Sous-lieutenante"),
    ("Major", "Maj", "Major"),
    ("Adjudant-chef", "Adc", "Adjudante-cheffe"),
    ("Adjudant", "Adj", "Adjudante"),
    ("Maréchal des logis-chef", "Mdc", "Maréchale des logis-cheffe"),
    ("Sergent-chef", "Sgc", "Sergente-cheffe"),
    ("Sergent", "Sgt", "Sergente"),
]

CIVILITES: dict[str, FormeCivilite] = dict(
    _CIVILES + [paire for g in _GRADES for paire in _grade(*g)]
)
"""Every civilité and rank the data may write, by its written form."""


def forme(civilite: str) -> FormeCivilite:
    """The civilité or rank written ``civilite``.

    >>> forme("Cdt").complete, forme("Commandant").abreviation
    ('Commandant', 'Cdt')
    >>> forme("Mr")
    Traceback (most recent call last):
    ...
    ValueError: civilité inconnue « Mr » ; attendu : « M. », « Mme », « MM. », « Mmes », « Mme et M. », « M. et Mme », « Mmes et MM. », « Me », « Dr », « Pr » ou un grade (« Commandant », « Cdt »…, voir docs/donnees.md)
    """
    try:
        return CIVILITES[civilite]
    except KeyError:
        civiles = ", ".join(f"« {c} »" for c, _ in _CIVILES)
        raise ValueError(
            f"civilité inconnue « {civilite} » ; attendu : {civiles} ou un grade "
            "(« Commandant », « Cdt »…, voir docs/donnees.md)"
        ) from None


def genre_de(civilite: str | None, genre: Genre | None = None) -> Genre | None:
    """The gender that drives agreement: the one stated, else the one the
    civilité gives, else ``None`` (unknown).

    >>> genre_de("Mme"), genre_de("Cdt"), genre_de("Cdt", "feminin"), genre_de(None)
    ('feminin', None, 'feminin', None)
    >>> genre_de("Mmes")
    'feminin'
    """
    if genre is not None:
        return genre
    return forme(civilite).genre if civilite else None


def nombre_de(civilite: str | None) -> Nombre:
    """Singular, or plural for ``MM.``, ``Mmes``, ``Mme et M.``…

    >>> nombre_de("MM."), nombre_de("Mme et M."), nombre_de("Cdt"), nombre_de(None)
    ('pluriel', 'pluriel', 'singulier', 'singulier')
    """
    return forme(civilite).nombre if civilite else "singulier"


def est_grade(civilite: str | None) -> bool:
    """Whether the civilité is a rank.

    >>> est_grade("Lcl"), est_grade("M."), est_grade(None)
    (True, False, False)
    """
    return bool(civilite) and forme(civilite or "").grade


FormeGrade = Literal["tel_quel", "abrege", "complet"]
"""How a rank is written: as typed, abbreviated (``Cdt``) or in full
(``Commandant``)."""


def civilite_affichee(
    civilite: str,
    genre: Genre | None = None,
    feminiser: bool = False,
    forme_grade: FormeGrade = "tel_quel",
) -> str:
    """What is written before the name. Ranks stay as typed (armed forces
    usage), or abbreviated or in full as ``forme_grade`` says; ``feminiser``
    for a woman changes full forms only.

    >>> civilite_affichee("Cdt", "feminin"), civilite_affichee("Commandant", "feminin")
    ('Cdt', 'Commandant')
    >>> civilite_affichee("Commandant", "feminin", feminiser=True)
    'Commandante'
    >>> civilite_affichee("Lieutenant-colonel", "feminin", feminiser=True)
    'Lieutenante-colonelle'
    >>> civilite_affichee("Cdt", "feminin", feminiser=True), civilite_affichee("Me", "feminin")
    ('Cdt', 'Me')
    >>> civilite_affichee("Lieutenant-colonel", forme_grade="abrege")
    'Lcl'
    >>> civilite_affichee("Cne", "feminin", True, "complet"), civilite_affichee("M.", None, False, "complet")
    ('Capitaine', 'M.')
    """
    connue = forme(civilite)
    if not connue.grade:
        return civilite
    if forme_grade == "abrege":
        return connue.abreviation
    ecrit = connue.complete if forme_grade == "complet" else civilite
    if feminiser and genre == "feminin" and ecrit == connue.complete:
        return connue.feminin or ecrit
    return ecrit


def abreviation(civilite: str) -> str:
    """The abbreviation of a civilité or rank.

    >>> abreviation("Lieutenant-colonel"), abreviation("Mme")
    ('Lcl', 'Mme')
    """
    return forme(civilite).abreviation


def forme_complete(civilite: str) -> str:
    """The full form of a civilité or rank: ``Madame``, ``Maître``, ``Commandant``.

    >>> forme_complete("Cdt"), forme_complete("Me"), forme_complete("Mmes")
    ('Commandant', 'Maître', 'Mesdames')
    """
    return forme(civilite).complete


def civilite_civile(genre: Genre | None, nombre: Nombre = "singulier") -> str:
    """``M.``, ``Mme``, ``MM.`` or ``Mmes`` for a gender and number: the
    civilité put before a function when a person is designated by function
    only (``M. le représentant…``). Unknown gender: masculine, the generic
    form of French.

    >>> civilite_civile("feminin"), civilite_civile(None), civilite_civile("masculin", "pluriel")
    ('Mme', 'M.', 'MM.')
    >>> civilite_civile("feminin", "pluriel")
    'Mmes'
    """
    if nombre == "pluriel":
        return "Mmes" if genre == "feminin" else "MM."
    return "Mme" if genre == "feminin" else "M."


def genre_organisme(organisme: str) -> tuple[Genre | None, Nombre]:
    """The gender and number of a body written with its article: ``la`` is
    feminine, ``le`` masculine, ``les`` plural; ``l'`` tells nothing.

    >>> genre_organisme("la chambre d'agriculture"), genre_organisme("le SDIS")
    (('feminin', 'singulier'), ('masculin', 'singulier'))
    >>> genre_organisme("l'association Drôme Nature"), genre_organisme("les services de l'État")
    ((None, 'singulier'), (None, 'pluriel'))
    """
    premier = organisme.split(" ", 1)[0].lower()
    if premier == "la":
        return "feminin", "singulier"
    if premier == "le":
        return "masculin", "singulier"
    if premier == "les":
        return None, "pluriel"
    return None, "singulier"


_ARRETS = frozenset(
    {"de", "du", "des", "d'", "d’", "à", "au", "aux", "la", "le", "les", "l'", "en", "pour", "et"}
    | {"chargé", "chargée"}
)
#: First parts of a compound that never take the plural (``vice-présidents``).
_PREFIXES_INVARIABLES = frozenset({"sous", "vice", "co", "ex", "non"})
_EXCEPTIONS_AL = frozenset({"final", "naval", "bancal", "fatal", "natal"})


def _au_pluriel(mot: str) -> str:
    if mot.lower() in _PREFIXES_INVARIABLES or mot.endswith(("s", "x", "z")):
        return mot
    if mot.endswith("al") and mot.lower() not in _EXCEPTIONS_AL:
        return mot[:-2] + "aux"
    if mot.endswith("eau"):
        return mot + "x"
    return mot + "s"


def fonction_au_pluriel(fonction: str) -> str:
    """A function held by several people: its head (the words before the
    first preposition or article) in the plural.

    >>> fonction_au_pluriel("représentant")
    'représentants'
    >>> fonction_au_pluriel("directeur départemental des territoires")
    'directeurs départementaux des territoires'
    >>> fonction_au_pluriel("riveraine du site")
    'riveraines du site'
    >>> fonction_au_pluriel("maire-adjoint de Nyons")
    'maires-adjoints de Nyons'
    >>> fonction_au_pluriel("vice-président"), fonction_au_pluriel("sous-préfet")
    ('vice-présidents', 'sous-préfets')
    >>> fonction_au_pluriel("chef de service chargé de la sécurité")
    'chefs de service chargé de la sécurité'
    """
    mots = fonction.split(" ")
    for i, mot in enumerate(mots):
        if mot.lower() in _ARRETS or mot.lower().startswith(("d'", "l'", "d’", "l’")):
            break
        nu = mot.rstrip(",")
        mots[i] = "-".join(_au_pluriel(p) for p in nu.split("-")) + mot[len(nu) :]
        if mot.endswith(","):
            break
    return " ".join(mots)


def tete_en_minuscules(fonction: str) -> str:
    """A function as running text writes it after an article: its head in
    lower case (``M. le secrétaire général…``), acronyms and what follows
    the first preposition untouched.

    >>> tete_en_minuscules("Secrétaire Général de la préfecture de l'Allier")
    "secrétaire général de la préfecture de l'Allier"
    >>> tete_en_minuscules("Vice-Présidente de l'Union")
    "vice-présidente de l'Union"
    >>> tete_en_minuscules("DREAL")
    'DREAL'
    """
    mots = fonction.split(" ")
    for i, mot in enumerate(mots):
        if mot.lower() in _ARRETS or mot.lower().startswith(("d'", "l'", "d’", "l’")):
            break
        if not (len(mot) > 1 and mot.isupper()):
            mots[i] = mot.lower()
        if mot.endswith(","):
            break
    return " ".join(mots)
