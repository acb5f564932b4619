"""How a person, a body or a group of them is written in minutes.

The adapters between the data models (:class:`Personne`) and the pure rules
of :mod:`courriers.francais`, shared by the filters. One rule for every
place a person appears (list line, chair, representative, table cell):

* named: ``M. Alexandre SANZ, Secrétaire Général de la préfecture de
  l'Allier`` (the function as agreed, its capitals kept);
* by function only: ``M. le secrétaire général de la préfecture`` (civilité,
  article, function with its head in lower case, organisme), never the
  function twice; without civilité, in a list, ``Représentant de la
  FRAPNA``;
* a body only: ``la chambre d'agriculture, représentée par M. …``;
* ``représenté(e)(s) par`` agrees with the person or the body represented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from courriers.donnees.compte_rendu import OptionsRedaction
from courriers.donnees.personne import Personne
from courriers.francais import accords, civilites, elision, personnes
from courriers.francais.elision import Genre, Nombre


def genre(p: Personne) -> Genre | None:
    """The gender that drives agreement, ``None`` when unknown."""
    return civilites.genre_de(p.civilite, p.genre)


def nombre(p: Personne) -> Nombre:
    """Plural for ``MM.``, ``Mmes``, ``Mme et M.``."""
    return civilites.nombre_de(p.civilite)


def seul_organisme(p: Personne) -> bool:
    """An entry that names a body, not a person."""
    return bool(p.organisme) and not p.nom and not p.fonction


def fonction_accordee(p: Personne) -> str:
    """The function agreed with the person's gender and number, or as
    typed when ``garder_fonction``."""
    fonction = p.fonction or ""
    if p.garder_fonction:
        return fonction
    fonction = personnes.accorder_au_genre(fonction, genre(p) or "masculin")
    return civilites.fonction_au_pluriel(fonction) if nombre(p) == "pluriel" else fonction


def nom_complet(p: Personne, o: OptionsRedaction) -> str:
    """``M. Alexandre SANZ``, ``Cdt Laurent RIEU``, ``Laurent RIEU`` (no
    civilité in the data), ``Mme MAURIN`` (surname only)."""
    affichee = None
    if p.civilite:
        affichee = civilites.civilite_affichee(p.civilite, genre(p), o.grades_feminises, o.grades)
    return personnes.personne(affichee, p.prenom, p.nom or "", o.noms_en_majuscules)


def qualite(p: Personne) -> str:
    """What a named person is: ``cheffe du bureau …``, ``Secrétaire
    Général de la préfecture de l'Allier``, or ``représentant la chambre …``
    (invariable participle) when only the body is known."""
    if p.fonction and p.organisme:
        return f"{fonction_accordee(p)} {elision.de(p.organisme)}"
    if p.fonction:
        return fonction_accordee(p)
    if p.organisme:
        return f"représentant {p.organisme}"
    return ""


def par_fonction(p: Personne, en_liste: bool = False, avec_organisme: bool = True) -> str:
    """A person designated by function only: ``M. le secrétaire général de
    la préfecture``, ``MM. les représentants de la FRAPNA``; without
    civilité, ``le représentant…`` in running text and ``Représentant…``
    at the head of a list line. A rank gives way to ``M.``/``Mme`` here."""
    fonction = fonction_accordee(p)
    if not p.garder_fonction:
        fonction = civilites.tete_en_minuscules(fonction)
    if avec_organisme and p.organisme:
        fonction = f"{fonction} {elision.de(p.organisme)}"
    if not p.civilite:
        if en_liste:
            return elision.majuscule_initiale(fonction)
        return elision.article_defini(fonction, genre(p) or "masculin", nombre(p))
    civilite = p.civilite
    if civilites.forme(civilite).genre is None:
        civilite = civilites.civilite_civile(genre(p), nombre(p))
    groupe = elision.article_defini(fonction, genre(p) or "masculin", nombre(p))
    return f"{civilite} {groupe}"


def joindre(elements: Sequence[str]) -> str:
    """``A``, ``A et B``, ``A, B et C``; elements that hold a comma (a
    name and its quality) close it before ``et``.

    >>> joindre(["A"]), joindre(["A", "B"]), joindre(["A", "B", "C"])
    ('A', 'A et B', 'A, B et C')
    >>> joindre(["M. X, maire", "Mme Y"])
    'M. X, maire, et Mme Y'
    """
    if len(elements) <= 1:
        return "".join(elements)
    et = ", et " if any("," in e for e in elements[:-1]) else " et "
    return f"{', '.join(elements[:-1])}{et}{elements[-1]}"


def represente_par(p: Personne, o: OptionsRedaction) -> str:
    """``représentée par M. Luc BLANC, adjoint au maire`` (empty without
    representatives), agreed with the person or the body represented."""
    if not p.representants:
        return ""
    if seul_organisme(p):
        g, n = civilites.genre_organisme(p.organisme or "")
        g = p.genre_organisme or g
    else:
        g, n = genre(p), nombre(p)
    participe = accords.accorder("représenté", g or "masculin", n)
    return f"{participe} par {joindre([designation(r, o) for r in p.representants])}"


def designation(
    p: Personne, o: OptionsRedaction, en_liste: bool = False, avec_organisme: bool = True
) -> str:
    """A person or a body with what qualifies it, and who represents it:
    the text of a line of a list of attendees, of the chair, of a
    representative.

    >>> o = OptionsRedaction()
    >>> designation(Personne(civilite="M.", fonction="Secrétaire Général",
    ...                      organisme="la préfecture de l'Allier"), o)
    "M. le secrétaire général de la préfecture de l'Allier"
    >>> designation(Personne(civilite="Cdt", genre="feminin", prenom="Claire", nom="Rieu",
    ...                      fonction="chef du bureau"), o)
    'Cdt Claire RIEU, cheffe du bureau'
    >>> designation(Personne(fonction="représentant", organisme="la FRAPNA"), o, en_liste=True)
    'Représentant de la FRAPNA'
    >>> designation(Personne(organisme="la chambre d'agriculture",
    ...     representants=[Personne(civilite="M.", nom="Durand")]), o, en_liste=True)
    "La chambre d'agriculture, représentée par M. DURAND"
    >>> designation(Personne(civilite="MM.", fonction="délégué", organisme="le personnel"), o)
    'MM. les délégués du personnel'
    """
    if seul_organisme(p):
        base = p.organisme or ""
        base = elision.majuscule_initiale(base) if en_liste else base
    elif not p.nom:
        base = par_fonction(p, en_liste, avec_organisme)
    else:
        quoi = qualite(p) if avec_organisme else (fonction_accordee(p) if p.fonction else "")
        base = nom_complet(p, o)
        base = f"{base}, {quoi}" if quoi else base
    representes = represente_par(p, o)
    return f"{base}, {representes}" if representes else base


def genre_nombre_des(participants: Iterable[Personne]) -> tuple[Genre, Nombre]:
    """The gender and number of the people of a list, representatives
    counted for the bodies they represent: feminine only when all are
    women, plural when more than one."""
    genres: list[Genre | None] = []
    for p in participants:
        gens = p.representants if seul_organisme(p) and p.representants else [p]
        for q in gens:
            genres.extend([genre(q)] * (2 if nombre(q) == "pluriel" else 1))
    feminin = bool(genres) and all(g == "feminin" for g in genres)
    return ("feminin" if feminin else "masculin"), ("pluriel" if len(genres) > 1 else "singulier")
