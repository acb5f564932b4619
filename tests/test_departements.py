"""Tests de la table des départements et des titres de bloc-marque."""

from __future__ import annotations

import dataclasses
import re

import pytest

from courriers.francais.departements import (
    COLLECTIVITES,
    DEPARTEMENTS,
    article_de,
    departement,
    lignes_bloc_marque,
    mot_de_liaison,
    titre_bloc_marque,
)

CODES_ATTENDUS = (
    {f"{n:02d}" for n in range(1, 96) if n != 20}
    | {"2A", "2B"}
    | {"971", "972", "973", "974", "976"}
)


# --- La table ---------------------------------------------------------------


def test_exactement_101_departements() -> None:
    assert len(DEPARTEMENTS) == 101
    assert set(DEPARTEMENTS) == CODES_ATTENDUS


def test_collectivites_hors_des_departements() -> None:
    assert set(COLLECTIVITES) == {"975", "977", "978", "986", "987", "988"}
    assert not set(COLLECTIVITES) & set(DEPARTEMENTS)


def test_table_coherente() -> None:
    for code, entree in {**DEPARTEMENTS, **COLLECTIVITES}.items():
        assert entree.code == code
        assert 0 <= entree.tncc <= 5, entree
        assert "’" not in entree.nom, entree  # apostrophe droite U+0027
        assert entree.nom == entree.nom.strip() and entree.nom, entree


@pytest.mark.parametrize(
    ("code", "nom", "tncc"),
    [
        ("01", "Ain", 5),
        ("21", "Côte-d'Or", 3),
        ("22", "Côtes-d'Armor", 4),
        ("28", "Eure-et-Loir", 1),
        ("41", "Loir-et-Cher", 2),
        ("49", "Maine-et-Loire", 0),
        ("54", "Meurthe-et-Moselle", 0),
        ("71", "Saône-et-Loire", 0),
        ("77", "Seine-et-Marne", 0),
        ("90", "Territoire de Belfort", 2),
        ("95", "Val-d'Oise", 2),
        ("974", "La Réunion", 0),
        ("976", "Mayotte", 0),
    ],
)
def test_noms_et_tncc_insee(code: str, nom: str, tncc: int) -> None:
    entree = DEPARTEMENTS[code]
    assert (entree.code, entree.nom, entree.tncc) == (code, nom, tncc)


def test_departement_immuable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEPARTEMENTS["03"].nom = "Autre"  # type: ignore[misc]


# --- Mots de liaison et titres ----------------------------------------------


def test_liaison_de() -> None:
    assert mot_de_liaison(0) == "de"
    assert article_de(departement("75")) == "de Paris"
    assert titre_bloc_marque("75") == "PRÉFET DE PARIS"
    assert titre_bloc_marque("77") == "PRÉFET DE SEINE-ET-MARNE"


def test_liaison_d_apostrophe() -> None:
    assert mot_de_liaison(1) == "d'"
    assert article_de(departement("35")) == "d'Ille-et-Vilaine"
    assert titre_bloc_marque("35") == "PRÉFET D'ILLE-ET-VILAINE"
    assert titre_bloc_marque("37") == "PRÉFET D'INDRE-ET-LOIRE"


def test_liaison_du() -> None:
    assert mot_de_liaison(2) == "du"
    assert article_de(departement("83")) == "du Var"
    assert titre_bloc_marque("83") == "PRÉFET DU VAR"
    assert titre_bloc_marque("59") == "PRÉFET DU NORD"


def test_liaison_de_la() -> None:
    assert mot_de_liaison(3) == "de la"
    assert article_de(departement("42")) == "de la Loire"
    assert titre_bloc_marque("42") == "PRÉFET DE LA LOIRE"
    assert titre_bloc_marque("2A") == "PRÉFET DE LA CORSE-DU-SUD"


def test_liaison_des() -> None:
    assert mot_de_liaison(4) == "des"
    assert article_de(departement("05")) == "des Hautes-Alpes"
    assert titre_bloc_marque("05") == "PRÉFET DES HAUTES-ALPES"
    assert titre_bloc_marque("13") == "PRÉFET DES BOUCHES-DU-RHÔNE"


def test_liaison_de_l_apostrophe() -> None:
    assert mot_de_liaison(5) == "de l'"
    assert article_de(departement("03")) == "de l'Allier"
    assert titre_bloc_marque("03") == "PRÉFET DE L'ALLIER"
    assert titre_bloc_marque("01") == "PRÉFET DE L'AIN"


def test_la_reunion_article_dans_le_nom() -> None:
    assert article_de(departement("974")) == "de La Réunion"
    assert titre_bloc_marque("974") == "PRÉFET DE LA RÉUNION"


def test_mot_de_liaison_inconnu() -> None:
    with pytest.raises(ValueError, match="TNCC"):
        mot_de_liaison(9)
    with pytest.raises(ValueError, match="TNCC"):
        mot_de_liaison(-1)


def test_titre_feminin() -> None:
    assert titre_bloc_marque("83", feminin=True) == "PRÉFÈTE DU VAR"
    assert titre_bloc_marque("03", True) == "PRÉFÈTE DE L'ALLIER"
    assert titre_bloc_marque("83") == "PRÉFET DU VAR"


def test_capitales_accentuees() -> None:
    assert titre_bloc_marque("63") == "PRÉFET DU PUY-DE-DÔME"
    assert titre_bloc_marque("07") == "PRÉFET DE L'ARDÈCHE"
    assert titre_bloc_marque("70") == "PRÉFET DE LA HAUTE-SAÔNE"


def test_tous_les_titres_en_capitales() -> None:
    for code in {**DEPARTEMENTS, **COLLECTIVITES}:
        for feminin in (False, True):
            titre = titre_bloc_marque(code, feminin)
            assert titre == titre.upper()
            assert len(lignes_bloc_marque(titre)) == 2


# --- Collectivités ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "masculin", "feminin"),
    [
        (
            "975",
            "PRÉFET DE SAINT-PIERRE-ET-MIQUELON",
            "PRÉFÈTE DE SAINT-PIERRE-ET-MIQUELON",
        ),
        (
            "977",
            "PRÉFET DÉLÉGUÉ DANS LES COLLECTIVITÉS DE SAINT-BARTHÉLEMY ET DE SAINT-MARTIN",
            "PRÉFÈTE DÉLÉGUÉE DANS LES COLLECTIVITÉS DE SAINT-BARTHÉLEMY ET DE SAINT-MARTIN",
        ),
        (
            "978",
            "PRÉFET DÉLÉGUÉ DANS LES COLLECTIVITÉS DE SAINT-BARTHÉLEMY ET DE SAINT-MARTIN",
            "PRÉFÈTE DÉLÉGUÉE DANS LES COLLECTIVITÉS DE SAINT-BARTHÉLEMY ET DE SAINT-MARTIN",
        ),
        (
            "986",
            "ADMINISTRATEUR SUPÉRIEUR DES ÎLES WALLIS ET FUTUNA",
            "ADMINISTRATRICE SUPÉRIEURE DES ÎLES WALLIS ET FUTUNA",
        ),
        (
            "987",
            "HAUT-COMMISSAIRE DE LA RÉPUBLIQUE EN POLYNÉSIE FRANÇAISE",
            "HAUTE-COMMISSAIRE DE LA RÉPUBLIQUE EN POLYNÉSIE FRANÇAISE",
        ),
        (
            "988",
            "HAUT-COMMISSAIRE DE LA RÉPUBLIQUE EN NOUVELLE-CALÉDONIE",
            "HAUTE-COMMISSAIRE DE LA RÉPUBLIQUE EN NOUVELLE-CALÉDONIE",
        ),
    ],
)
def test_titres_des_collectivites(code: str, masculin: str, feminin: str) -> None:
    assert titre_bloc_marque(code) == masculin
    assert titre_bloc_marque(code, feminin=True) == feminin


def test_collectivites_ont_leur_mot_de_liaison() -> None:
    assert article_de(departement("977")) == "de Saint-Barthélemy"
    assert article_de(departement("978")) == "de Saint-Martin"
    assert article_de(departement("987")) == "de la Polynésie française"
    assert article_de(departement("988")) == "de la Nouvelle-Calédonie"


# --- Codes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("saisi", "attendu"),
    [
        ("3", "03"),
        ("03", "03"),
        (" 3 ", "03"),
        ("2a", "2A"),
        ("2B", "2B"),
        ("974", "974"),
        ("988", "988"),
    ],
)
def test_normalisation_du_code(saisi: str, attendu: str) -> None:
    assert departement(saisi).code == attendu


def test_normalisation_dans_le_titre() -> None:
    assert titre_bloc_marque("3") == "PRÉFET DE L'ALLIER"
    assert titre_bloc_marque("2b") == "PRÉFET DE LA HAUTE-CORSE"


@pytest.mark.parametrize("code", ["99", "20", "", "003", "2C", "97", "984", "O3"])
def test_code_inconnu(code: str) -> None:
    message = (
        f"code de département inconnu : « {code} » ; "
        "attendu un code INSEE comme « 03 », « 2A » ou « 974 »"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        departement(code)


def test_message_code_inconnu_exact() -> None:
    with pytest.raises(ValueError) as erreur:
        departement("99")
    assert str(erreur.value) == (
        "code de département inconnu : « 99 » ; "
        "attendu un code INSEE comme « 03 », « 2A » ou « 974 »"
    )


def test_titre_code_inconnu() -> None:
    with pytest.raises(ValueError, match="« 99 »"):
        titre_bloc_marque("99")


# --- Découpage en lignes ----------------------------------------------------


@pytest.mark.parametrize(
    ("titre", "lignes"),
    [
        ("PRÉFET DE L'ALLIER", ("PRÉFET", "DE L'ALLIER")),
        ("PRÉFÈTE DU VAR", ("PRÉFÈTE", "DU VAR")),
        ("PRÉFET D'ILLE-ET-VILAINE", ("PRÉFET", "D'ILLE-ET-VILAINE")),
        ("PRÉFET DES HAUTES-ALPES", ("PRÉFET", "DES HAUTES-ALPES")),
        ("PRÉFET DE LA RÉUNION", ("PRÉFET", "DE LA RÉUNION")),
        (
            "HAUT-COMMISSAIRE DE LA RÉPUBLIQUE EN POLYNÉSIE FRANÇAISE",
            ("HAUT-COMMISSAIRE DE LA RÉPUBLIQUE", "EN POLYNÉSIE FRANÇAISE"),
        ),
        (
            "HAUTE-COMMISSAIRE DE LA RÉPUBLIQUE EN NOUVELLE-CALÉDONIE",
            ("HAUTE-COMMISSAIRE DE LA RÉPUBLIQUE", "EN NOUVELLE-CALÉDONIE"),
        ),
        (
            "ADMINISTRATRICE SUPÉRIEURE DES ÎLES WALLIS ET FUTUNA",
            ("ADMINISTRATRICE SUPÉRIEURE", "DES ÎLES WALLIS ET FUTUNA"),
        ),
        (
            "PRÉFÈTE DÉLÉGUÉE DANS LES COLLECTIVITÉS DE SAINT-BARTHÉLEMY ET DE SAINT-MARTIN",
            (
                "PRÉFÈTE DÉLÉGUÉE",
                "DANS LES COLLECTIVITÉS DE SAINT-BARTHÉLEMY ET DE SAINT-MARTIN",
            ),
        ),
        ("MINISTÈRE DE L'INTÉRIEUR", ("MINISTÈRE", "DE L'INTÉRIEUR")),
        (
            "SECRÉTARIAT GÉNÉRAL DU GOUVERNEMENT",
            ("SECRÉTARIAT GÉNÉRAL", "DU GOUVERNEMENT"),
        ),
        ("Préfet de l’Allier", ("Préfet", "de l’Allier")),
        ("  PRÉFET   DU  VAR ", ("PRÉFET", "DU VAR")),
    ],
)
def test_lignes_bloc_marque(titre: str, lignes: tuple[str, ...]) -> None:
    assert lignes_bloc_marque(titre) == lignes


@pytest.mark.parametrize("titre", ["GOUVERNEMENT", "PRÉFET", "RÉPUBLIQUE FRANÇAISE"])
def test_titre_libre_sans_liaison_sur_une_ligne(titre: str) -> None:
    assert lignes_bloc_marque(titre) == (titre,)


def test_lignes_depuis_le_titre_calcule() -> None:
    assert lignes_bloc_marque(titre_bloc_marque("03")) == ("PRÉFET", "DE L'ALLIER")
    assert lignes_bloc_marque(titre_bloc_marque("83", feminin=True)) == (
        "PRÉFÈTE",
        "DU VAR",
    )


def test_titre_vide_refuse() -> None:
    with pytest.raises(ValueError, match="vide"):
        lignes_bloc_marque("   ")
