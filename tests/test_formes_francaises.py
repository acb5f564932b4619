"""The table of French forms (``formes_francaises.FORMES``) through the
public helpers: each row gives an input, the expected form, the rule and its
source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courriers.francais import dates, departements, elision, personnes
from courriers.francais.elision import Genre
from formes_francaises import FORMES, Forme

GENRES: tuple[Genre, ...] = ("masculin", "feminin")


def _periode(texte: str) -> str:
    debut, fin = (dt.date.fromisoformat(t) for t in texte.split("/"))
    return dates.periode(debut, fin)


HELPERS: dict[str, Callable[[str], str]] = {
    "fem": lambda f: personnes.accorder_au_genre(f, "feminin"),
    "masc": lambda f: personnes.accorder_au_genre(f, "masculin"),
    "Mme": lambda f: personnes.fonction_avec_article("Mme", f),
    "M.": lambda f: personnes.fonction_avec_article("M.", f),
    "le": lambda m: elision.article_defini(m, "masculin"),
    "la": lambda m: elision.article_defini(m, "feminin"),
    "de": elision.de,
    "à": elision.a,
    "bloc": departements.titre_bloc_marque,
    "autorite": departements.autorite,
    "dans": departements.dans_le_departement,
    "periode": _periode,
    "heure": lambda h: dates.heure(dt.time.fromisoformat(h), midi_minuit=True),
}


@pytest.mark.parametrize("forme", FORMES, ids=lambda f: f"{f.helper}:{f.entree[:40]}")
def test_forme(forme: Forme) -> None:
    obtenu = HELPERS[forme.helper](forme.entree)
    assert obtenu == forme.attendu, f"{forme.regle} ({forme.source})"


def test_la_table_est_assez_large() -> None:
    assert len(FORMES) >= 200
    assert sum(f.rendu for f in FORMES) >= 30
    assert {f.helper for f in FORMES} == set(HELPERS)
    assert all(f.regle and f.source for f in FORMES)
    assert len({(f.helper, f.entree) for f in FORMES}) == len(FORMES), "ligne en double"


def test_accorder_fonction_delegue_a_accorder_au_genre() -> None:
    for forme in FORMES:
        if forme.helper in ("fem", "masc"):
            civilite: personnes.Civilite = "Mme" if forme.helper == "fem" else "M."
            assert personnes.accorder_fonction(forme.entree, civilite) == forme.attendu


def test_l_accord_est_reversible() -> None:
    """A function agreed in one gender and back gives the typed function,
    for every masculine row of the table whose words are all regular. Not
    reversible, as documented: auteur (autrice/auteure), and an adjective of
    function after a feminine complement (« de la communication adjointe »
    may qualify « communication »)."""
    for forme in FORMES:
        irreversible = (
            "auteur" in forme.entree or "genre" in forme.regle or ("féminin" in forme.regle)
        )
        if forme.helper == "fem" and forme.entree != forme.attendu and not irreversible:
            assert personnes.accorder_au_genre(forme.attendu, "masculin") == forme.entree


def test_apostrophe_typographique() -> None:
    ap = elision.APOSTROPHE_TYPOGRAPHIQUE
    assert elision.de("Allier Habitat", ap) == "d’Allier Habitat"
    assert elision.article_defini("ARS", "feminin", apostrophe=ap) == "l’ARS"
    assert personnes.fonction_avec_article("Mme", "ambassadeur", apostrophe=ap) == (
        "Mme l’ambassadrice"
    )
    assert elision.de("l’Union départementale") == "de l’Union départementale"


def test_lexique_sans_doublons() -> None:
    from courriers.francais import lexique

    mots = [m for famille in lexique.FAMILLES for m in famille.mots]
    assert len(mots) == len(set(mots))
    assert not set(mots) & set(lexique.EXCEPTIONS)
    assert not set(lexique.FEMININS) & set(lexique.EPICENES)


def test_la_documentation_liste_tout_l_h_aspire() -> None:
    from conftest import RACINE
    from courriers.francais import lexique

    page = (RACINE / "docs" / "regles-francais.md").read_text(encoding="utf-8")
    manquants = [
        mot
        for mot in sorted(lexique.H_ASPIRES) + list(lexique.H_ASPIRES_RACINES)
        if mot not in page
    ]
    assert not manquants, f"docs/regles-francais.md ne cite pas : {manquants}"


def _vocabulaire() -> list[str]:
    from courriers.francais import lexique

    mots = set(lexique.FEMININS) | set(lexique.FEMININS.values()) | set(lexique.EPICENES)
    liens = {"de", "du", "des", "à", "au", "la", "l'appui", "et", "auprès", "bureau,", "cabinet"}
    return sorted(mots | liens)


@given(st.lists(st.sampled_from(_vocabulaire()), min_size=1, max_size=8), st.sampled_from(GENRES))
def test_accorder_au_genre_est_idempotent_et_garde_les_mots(mots: list[str], genre: Genre) -> None:
    fonction = " ".join(mots)
    une_fois = personnes.accorder_au_genre(fonction, genre)
    assert personnes.accorder_au_genre(une_fois, genre) == une_fois
    assert len(une_fois.split(" ")) == len(mots)
    for avant, apres in zip(mots, une_fois.split(" "), strict=True):
        if avant in ("de", "du", "des", "à", "au", "la", "l'appui", "et", "auprès", "bureau,"):
            assert apres == avant


def test_listes_de_l_h_coherentes() -> None:
    """No mute-h word of the reference list is caught by an aspirated-h
    family, and every aspirated-h word refuses elision."""
    from courriers.francais import lexique

    assert [m for m in lexique.H_MUETS if not elision.commence_par_voyelle(m)] == []
    assert [m for m in lexique.H_ASPIRES if elision.commence_par_voyelle(m)] == []
