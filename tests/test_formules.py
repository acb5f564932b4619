"""Tests des formules d'appel et de politesse (courriers.francais.formules)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, get_args

import pytest

from conftest import RACINE
from courriers.francais.formules import (
    NIVEAUX,
    QUALITES,
    STYLES,
    Formules,
    LigneQualite,
    Niveau,
    Qualite,
    Style,
    en_texte,
    formule_appel,
    formule_politesse,
    formules,
)
from courriers.francais.personnes import Civilite

DOC = RACINE / "docs" / "formules.md"

DEBUT = "Je vous prie d'agréer, "
HAUTE = "l'expression de ma haute considération."
TRES_HAUTE = "l'expression de ma très haute considération."
DISTINGUEE_EXPRESSION = "l'expression de ma considération distinguée."
DISTINGUEE_ASSURANCE = "l'assurance de ma considération distinguée."
TRES_DISTINGUEE_ASSURANCE = "l'assurance de ma considération très distinguée."
TRES_DISTINGUEE_EXPRESSION = "l'expression de ma considération très distinguée."
RESPECTUEUSE = "l'expression de ma respectueuse considération."

# Chaque qualité aux deux genres : appel attendu et fin de la formule de
# politesse, écrits en toutes lettres (indépendamment de la table).
ATTENDUS: list[tuple[Qualite, Civilite, str, str]] = [
    ("maire", "M.", "Monsieur le Maire,", HAUTE),
    ("maire", "Mme", "Madame la Maire,", HAUTE),
    ("president_collectivite", "M.", "Monsieur le Président,", HAUTE),
    ("president_collectivite", "Mme", "Madame la Présidente,", HAUTE),
    ("president_association", "M.", "Monsieur le Président,", DISTINGUEE_EXPRESSION),
    ("president_association", "Mme", "Madame la Présidente,", DISTINGUEE_EXPRESSION),
    ("prefet", "M.", "Monsieur le Préfet,", HAUTE),
    ("prefet", "Mme", "Madame la Préfète,", HAUTE),
    ("sous_prefet", "M.", "Monsieur le Sous-Préfet,", DISTINGUEE_ASSURANCE),
    ("sous_prefet", "Mme", "Madame la Sous-Préfète,", DISTINGUEE_ASSURANCE),
    ("depute", "M.", "Monsieur le Député,", HAUTE),
    ("depute", "Mme", "Madame la Députée,", HAUTE),
    ("senateur", "M.", "Monsieur le Sénateur,", HAUTE),
    ("senateur", "Mme", "Madame la Sénatrice,", HAUTE),
    ("ministre", "M.", "Monsieur le Ministre,", TRES_HAUTE),
    ("ministre", "Mme", "Madame la Ministre,", TRES_HAUTE),
    ("directeur", "M.", "Monsieur le Directeur,", DISTINGUEE_ASSURANCE),
    ("directeur", "Mme", "Madame la Directrice,", DISTINGUEE_ASSURANCE),
    ("chef_de_service", "M.", "Monsieur le Chef de service,", DISTINGUEE_ASSURANCE),
    ("chef_de_service", "Mme", "Madame la Cheffe de service,", DISTINGUEE_ASSURANCE),
    ("avocat", "M.", "Maître,", DISTINGUEE_ASSURANCE),
    ("avocat", "Mme", "Maître,", DISTINGUEE_ASSURANCE),
    ("notaire", "M.", "Maître,", DISTINGUEE_ASSURANCE),
    ("notaire", "Mme", "Maître,", DISTINGUEE_ASSURANCE),
    ("particulier", "M.", "Monsieur,", DISTINGUEE_EXPRESSION),
    ("particulier", "Mme", "Madame,", DISTINGUEE_EXPRESSION),
    ("groupe", "M.", "Madame, Monsieur,", DISTINGUEE_EXPRESSION),
    ("groupe", "Mme", "Madame, Monsieur,", DISTINGUEE_EXPRESSION),
    ("president_republique", "M.", "Monsieur le Président de la République,", TRES_HAUTE),
    ("president_republique", "Mme", "Madame la Présidente de la République,", TRES_HAUTE),
    ("premier_ministre", "M.", "Monsieur le Premier ministre,", TRES_HAUTE),
    ("premier_ministre", "Mme", "Madame la Première ministre,", TRES_HAUTE),
    ("secretaire_general", "M.", "Monsieur le Secrétaire général,", TRES_DISTINGUEE_ASSURANCE),
    ("secretaire_general", "Mme", "Madame la Secrétaire générale,", TRES_DISTINGUEE_ASSURANCE),
    ("recteur", "M.", "Monsieur le Recteur,", HAUTE),
    ("recteur", "Mme", "Madame la Rectrice,", HAUTE),
    ("president_universite", "M.", "Monsieur le Président,", HAUTE),
    ("president_universite", "Mme", "Madame la Présidente,", HAUTE),
    ("ambassadeur", "M.", "Monsieur l'Ambassadeur,", HAUTE),
    ("ambassadeur", "Mme", "Madame l'Ambassadrice,", HAUTE),
    ("eveque", "M.", "Monseigneur,", RESPECTUEUSE),
    ("eveque", "Mme", "Monseigneur,", RESPECTUEUSE),
    ("general", "M.", "Mon Général,", HAUTE),
    ("general", "Mme", "Mon Général,", HAUTE),
    ("officier", "M.", "Mon Colonel,", TRES_DISTINGUEE_EXPRESSION),
    ("officier", "Mme", "Mon Colonel,", TRES_DISTINGUEE_EXPRESSION),
    ("premier_president", "M.", "Monsieur le Premier Président,", HAUTE),
    ("premier_president", "Mme", "Madame la Première Présidente,", HAUTE),
    ("procureur", "M.", "Monsieur le Procureur de la République,", HAUTE),
    ("procureur", "Mme", "Madame la Procureure de la République,", HAUTE),
    ("batonnier", "M.", "Monsieur le Bâtonnier,", TRES_DISTINGUEE_EXPRESSION),
    ("batonnier", "Mme", "Madame la Bâtonnière,", TRES_DISTINGUEE_EXPRESSION),
    ("directeur_hopital", "M.", "Monsieur le Directeur,", DISTINGUEE_ASSURANCE),
    ("directeur_hopital", "Mme", "Madame la Directrice,", DISTINGUEE_ASSURANCE),
]

#: Chaque niveau, écrit en toutes lettres avec son possessif.
NIVEAUX_ATTENDUS: dict[str, str] = {
    "sentiments_devoues": "mes sentiments dévoués",
    "sentiments_les_meilleurs": "mes sentiments les meilleurs",
    "consideration_distinguee": "ma considération distinguée",
    "consideration_tres_distinguee": "ma considération très distinguée",
    "respectueuse_consideration": "ma respectueuse considération",
    "haute_consideration": "ma haute considération",
    "tres_haute_consideration": "ma très haute considération",
}

#: Chaque tournure, en toutes lettres.
STYLES_ATTENDUS: dict[str, str] = {
    "je_vous_prie": "Je vous prie d'agréer, ",
    "veuillez": "Veuillez agréer, ",
    "agreez": "Agréez, ",
}

TOUTES = [(q, c) for q in QUALITES for c in get_args(Civilite)]


# --- La table ---------------------------------------------------------------


def test_les_litteraux_couvrent_la_table() -> None:
    assert set(get_args(Qualite)) == set(QUALITES)
    assert list(get_args(Qualite)) == list(QUALITES)
    assert set(get_args(Niveau)) == set(NIVEAUX)


def test_qualites_demandees_presentes() -> None:
    assert {
        "maire",
        "president_collectivite",
        "president_association",
        "prefet",
        "sous_prefet",
        "depute",
        "senateur",
        "ministre",
        "directeur",
        "chef_de_service",
        "avocat",
        "notaire",
        "particulier",
        "groupe",
    } <= set(QUALITES)


def test_table_coherente_et_immuable() -> None:
    for cle, ligne in QUALITES.items():
        assert isinstance(ligne, LigneQualite)
        assert ligne.qualite == cle
        assert ligne.niveau in NIVEAUX
        assert ligne.description
    with pytest.raises(TypeError):
        QUALITES["maire"] = QUALITES["prefet"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        QUALITES["maire"].niveau = "consideration_distinguee"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("qualite", "niveau"),
    [
        ("maire", "haute_consideration"),
        ("president_collectivite", "haute_consideration"),
        ("depute", "haute_consideration"),
        ("senateur", "haute_consideration"),
        ("prefet", "haute_consideration"),
        ("ministre", "tres_haute_consideration"),
        ("president_association", "consideration_distinguee"),
        ("sous_prefet", "consideration_distinguee"),
        ("directeur", "consideration_distinguee"),
        ("chef_de_service", "consideration_distinguee"),
        ("avocat", "consideration_distinguee"),
        ("notaire", "consideration_distinguee"),
        ("particulier", "consideration_distinguee"),
        ("groupe", "consideration_distinguee"),
        ("president_republique", "tres_haute_consideration"),
        ("premier_ministre", "tres_haute_consideration"),
        ("eveque", "respectueuse_consideration"),
        ("secretaire_general", "consideration_tres_distinguee"),
    ],
)
def test_niveaux_de_la_table(qualite: Qualite, niveau: Niveau) -> None:
    assert QUALITES[qualite].niveau == niveau


def test_expression_envers_les_elus_et_superieurs() -> None:
    expression = {q for q, ligne in QUALITES.items() if ligne.expression}
    assert expression == {
        "maire",
        "president_collectivite",
        "president_association",
        "prefet",
        "depute",
        "senateur",
        "ministre",
        "particulier",
        "groupe",
        "president_republique",
        "premier_ministre",
        "recteur",
        "president_universite",
        "ambassadeur",
        "eveque",
        "general",
        "officier",
        "premier_president",
        "procureur",
        "batonnier",
    }


def test_chaque_ligne_a_sa_source() -> None:
    for ligne in QUALITES.values():
        assert ligne.source.strip()


# --- Une ligne de la table, aux deux genres -----------------------------------


def test_attendus_couvrent_toute_la_table() -> None:
    assert sorted((q, c) for q, c, _, _ in ATTENDUS) == sorted(TOUTES)


@pytest.mark.parametrize(("qualite", "civilite", "appel", "fin"), ATTENDUS)
def test_chaque_qualite_aux_deux_genres(
    qualite: Qualite, civilite: Civilite, appel: str, fin: str
) -> None:
    assert formule_appel(qualite, civilite) == appel
    f = formules(qualite, civilite)
    assert f.appel == appel
    assert f.politesse == f"{DEBUT}{appel} {fin}"
    assert f.niveau == QUALITES[qualite].niveau


def test_maire_femme() -> None:
    assert formule_appel("maire", "Mme") == "Madame la Maire,"
    assert formules("maire", "Mme") == Formules(
        "Madame la Maire,",
        "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération.",
        "haute_consideration",
    )


def test_depute_homme() -> None:
    f = formules("depute", "M.")
    assert f.appel == "Monsieur le Député,"
    assert (
        f.politesse
        == "Je vous prie d'agréer, Monsieur le Député, l'expression de ma haute considération."
    )


def test_senatrice() -> None:
    f = formules("senateur", "Mme")
    assert f.appel == "Madame la Sénatrice,"
    assert (
        f.politesse
        == "Je vous prie d'agréer, Madame la Sénatrice, l'expression de ma haute considération."
    )


def test_particulier() -> None:
    assert formules("particulier", "M.") == Formules(
        "Monsieur,",
        "Je vous prie d'agréer, Monsieur, l'expression de ma considération distinguée.",
        "consideration_distinguee",
    )
    assert formule_appel("particulier", "Mme") == "Madame,"


def test_avocat_et_notaire() -> None:
    for qualite in ("avocat", "notaire"):
        for civilite in ("M.", "Mme", None):
            f = formules(qualite, civilite)
            assert f.appel == "Maître,"
            assert (
                f.politesse
                == "Je vous prie d'agréer, Maître, l'assurance de ma considération distinguée."
            )


def test_groupe_quelle_que_soit_la_civilite() -> None:
    for civilite in ("M.", "Mme", None):
        f = formules("groupe", civilite)
        assert f.appel == "Madame, Monsieur,"
        assert (
            f.politesse
            == "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."
        )


def test_ministre_tres_haute_consideration() -> None:
    f = formules("ministre", "Mme")
    assert f.appel == "Madame la Ministre,"
    assert (
        f.politesse
        == "Je vous prie d'agréer, Madame la Ministre, l'expression de ma très haute considération."
    )
    assert f.niveau == "tres_haute_consideration"


# --- La formule de politesse reprend l'appel ----------------------------------


@pytest.mark.parametrize(("qualite", "civilite"), TOUTES)
def test_la_politesse_reprend_l_appel_exactement(qualite: Qualite, civilite: Civilite) -> None:
    f = formules(qualite, civilite)
    assert f.appel.endswith(",")
    sans_virgule = f.appel[:-1]
    assert f.politesse.startswith(f"{DEBUT}{sans_virgule}, l'")
    assert f.politesse.endswith(f" de {NIVEAUX_ATTENDUS[f.niveau]}.")
    mot = "l'expression" if QUALITES[qualite].expression else "l'assurance"
    assert f.politesse == f"{DEBUT}{sans_virgule}, {mot} de {NIVEAUX_ATTENDUS[f.niveau]}."


def test_les_niveaux_attendus_couvrent_la_table() -> None:
    assert set(NIVEAUX_ATTENDUS) == set(NIVEAUX) == set(get_args(Niveau))
    assert dict(NIVEAUX) == NIVEAUX_ATTENDUS
    assert set(STYLES_ATTENDUS) == set(STYLES) == set(get_args(Style))


@pytest.mark.parametrize(("qualite", "civilite", "appel", "_fin"), ATTENDUS)
@pytest.mark.parametrize("niveau", list(NIVEAUX_ATTENDUS))
@pytest.mark.parametrize("style", list(STYLES_ATTENDUS))
def test_chaque_qualite_chaque_niveau_chaque_style(
    qualite: Qualite, civilite: Civilite, appel: str, _fin: str, niveau: Niveau, style: Style
) -> None:
    """Toute la table × tous les niveaux × les trois tournures : la formule de
    politesse reprend exactement l'appel, entre virgules."""
    f = formules(qualite, civilite, niveau=niveau, style=style)
    assert f.appel == appel
    mot = "l'expression" if QUALITES[qualite].expression else "l'assurance"
    attendu = f"{STYLES_ATTENDUS[style]}{appel[:-1]}, {mot} de {NIVEAUX_ATTENDUS[niveau]}."
    assert f.politesse == attendu
    assert f", {appel[:-1]}, " in f.politesse


def test_agreez_secretaire_general() -> None:
    f = formules("secretaire_general", "M.", appel="Monsieur le secrétaire", style="agreez")
    assert f.politesse == (
        "Agréez, Monsieur le secrétaire, l'assurance de ma considération très distinguée."
    )


def test_style_inconnu() -> None:
    inconnu: Any = "salut"
    with pytest.raises(ValueError, match=r"style de formule de politesse inconnu : « salut »"):
        formule_politesse("Monsieur,", "haute_consideration", style=inconnu)


def test_formule_politesse_directe() -> None:
    assert (
        formule_politesse("Madame la Maire,", "haute_consideration")
        == "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération."
    )
    assert (
        formule_politesse("Maître,", "consideration_distinguee", expression=False)
        == "Je vous prie d'agréer, Maître, l'assurance de ma considération distinguée."
    )
    assert (
        formule_politesse("Madame, Monsieur,", "consideration_distinguee")
        == "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."
    )
    assert (
        formule_politesse("Monsieur le Ministre,", "tres_haute_consideration")
        == "Je vous prie d'agréer, Monsieur le Ministre, l'expression de ma très haute considération."
    )


def test_formule_politesse_appel_sans_virgule() -> None:
    assert formule_politesse("Monsieur le Préfet", "haute_consideration") == formule_politesse(
        "Monsieur le Préfet,", "haute_consideration"
    )


# --- Personnalisation par personne ------------------------------------------------


def test_appel_personnalise_repris_exactement() -> None:
    f = formules("maire", "M.", appel="Monsieur le Maire de Moulins,")
    assert f.appel == "Monsieur le Maire de Moulins,"
    assert (
        f.politesse
        == "Je vous prie d'agréer, Monsieur le Maire de Moulins, l'expression de ma haute considération."
    )
    assert f.niveau == "haute_consideration"


def test_appel_personnalise_recoit_sa_virgule() -> None:
    f = formules("president_collectivite", "Mme", appel="Madame la Présidente du conseil régional")
    assert f.appel == "Madame la Présidente du conseil régional,"
    assert f.politesse.startswith(
        "Je vous prie d'agréer, Madame la Présidente du conseil régional, "
    )


def test_niveau_personnalise() -> None:
    f = formules("sous_prefet", "Mme", niveau="haute_consideration")
    assert f.niveau == "haute_consideration"
    assert f.appel == "Madame la Sous-Préfète,"
    assert (
        f.politesse
        == "Je vous prie d'agréer, Madame la Sous-Préfète, l'assurance de ma haute considération."
    )


def test_appel_et_niveau_personnalises() -> None:
    f = formules(
        "president_collectivite",
        "M.",
        appel="Monsieur le Président de la République",
        niveau="tres_haute_consideration",
    )
    assert f == Formules(
        "Monsieur le Président de la République,",
        "Je vous prie d'agréer, Monsieur le Président de la République, "
        "l'expression de ma très haute considération.",
        "tres_haute_consideration",
    )


def test_expression_personnalisee() -> None:
    assert formules("directeur", "Mme", expression=True).politesse == (
        "Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération distinguée."
    )
    assert formules("maire", "M.", expression=False).politesse == (
        "Je vous prie d'agréer, Monsieur le Maire, l'assurance de ma haute considération."
    )


def test_la_personnalisation_ne_touche_pas_la_table() -> None:
    formules("maire", "M.", appel="Cher ami", niveau="consideration_distinguee")
    assert formules("maire", "M.").appel == "Monsieur le Maire,"
    assert QUALITES["maire"].niveau == "haute_consideration"


# --- Le titre dans le texte courant ----------------------------------------------


@pytest.mark.parametrize(
    ("appel", "texte"),
    [
        ("Monsieur le Maire,", "Monsieur le maire"),
        ("Madame la Maire,", "Madame la maire"),
        ("Madame la Présidente,", "Madame la présidente"),
        ("Monsieur le Préfet", "Monsieur le préfet"),
        ("Madame la Préfète,", "Madame la préfète"),
        ("Monsieur le Sous-Préfet,", "Monsieur le sous-préfet"),
        ("Madame la Députée,", "Madame la députée"),
        ("Madame la Sénatrice,", "Madame la sénatrice"),
        ("Monsieur le Ministre,", "Monsieur le ministre"),
        ("Madame la Cheffe de service,", "Madame la cheffe de service"),
        ("Maître,", "Maître"),
        ("Madame,", "Madame"),
        ("Madame, Monsieur,", "Madame, Monsieur"),
        ("Monsieur le Président de la République,", "Monsieur le président de la République"),
        ("Monsieur le Président de l'EPCI,", "Monsieur le président de l'EPCI"),
        ("Monsieur l'Ambassadeur,", "Monsieur l'ambassadeur"),
        ("Monsieur le Premier ministre,", "Monsieur le Premier ministre"),
    ],
)
def test_en_texte(appel: str, texte: str) -> None:
    assert en_texte(appel) == texte


@pytest.mark.parametrize(("qualite", "civilite"), TOUTES)
def test_en_texte_sur_toute_la_table(qualite: Qualite, civilite: Civilite) -> None:
    appel = formule_appel(qualite, civilite)
    texte = en_texte(appel)
    assert texte.lower() == appel[:-1].lower()
    assert not texte.endswith(",")
    # Les capitales ne restent que sur la civilité (ou « Maître »).
    mots_en_capitale = [m for m in re.split(r"[ ,-]+", texte) if m[:1].isupper()]
    assert set(mots_en_capitale) <= {
        "Monsieur",
        "Madame",
        "Maître",
        "Monseigneur",
        "Mon",
        "Général",
        "Colonel",
        "Premier",
        "Première",
        "République",
    }


# --- Erreurs -----------------------------------------------------------------------


def test_qualite_inconnue() -> None:
    inconnue: Any = "roi"
    with pytest.raises(ValueError, match=r"qualité inconnue : « roi » ; attendu l'une de : ") as e:
        formules(inconnue, "M.")
    for qualite in QUALITES:
        assert f"« {qualite} »" in str(e.value)
    with pytest.raises(ValueError, match="qualité inconnue"):
        formule_appel(inconnue, "M.")


def test_civilite_inconnue() -> None:
    mr: Any = "Mr"
    with pytest.raises(
        ValueError, match=r"civilité inconnue : « Mr » ; attendu « M\. » ou « Mme »"
    ):
        formule_appel("maire", mr)
    with pytest.raises(ValueError, match="civilité inconnue"):
        formules("groupe", mr)


def test_civilite_requise_quand_le_titre_en_depend() -> None:
    for qualite in ("maire", "particulier", "prefet"):
        with pytest.raises(ValueError, match=rf"civilité requise pour la qualité « {qualite} »"):
            formules(qualite)


def test_niveau_inconnu() -> None:
    haute: Any = "haute"
    message = r"niveau de politesse inconnu : « haute » ; attendu l'un de : « sentiments_devoues »"
    with pytest.raises(ValueError, match=message):
        formule_politesse("Monsieur,", haute)
    with pytest.raises(ValueError, match=message):
        formules("maire", "M.", niveau=haute)


@pytest.mark.parametrize("appel", ["", "   ", ",", " , "])
def test_appel_vide(appel: str) -> None:
    with pytest.raises(ValueError, match="formule d'appel vide"):
        formule_politesse(appel, "haute_consideration")
    with pytest.raises(ValueError, match="formule d'appel vide"):
        formules("maire", "M.", appel=appel)
    with pytest.raises(ValueError, match="formule d'appel vide"):
        en_texte(appel)


# --- La documentation suit la table -----------------------------------------------


def _ligne_de_doc(qualite: Qualite) -> str:
    ligne = QUALITES[qualite]
    mot = "l'expression" if ligne.expression else "l'assurance"
    return (
        f"| `{qualite}` | {ligne.description} | {formule_appel(qualite, 'M.')} "
        f"| {formule_appel(qualite, 'Mme')} | {NIVEAUX[ligne.niveau]} | {mot} | {ligne.source} |"
    )


@pytest.mark.parametrize("qualite", list(QUALITES))
def test_chaque_ligne_de_la_table_est_dans_la_doc(qualite: Qualite) -> None:
    lignes = DOC.read_text(encoding="utf-8").splitlines()
    assert _ligne_de_doc(qualite) in lignes


def test_la_doc_n_a_pas_d_autre_ligne() -> None:
    lignes = DOC.read_text(encoding="utf-8").splitlines()
    lignes_du_tableau = [ligne for ligne in lignes if ligne.startswith("| `")]
    assert lignes_du_tableau == [_ligne_de_doc(q) for q in QUALITES]
