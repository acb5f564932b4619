"""Tests du bloc adresse (norme postale NF Z10-011)."""

from __future__ import annotations

import pytest

from courriers.francais.adresse import (
    EXEMPLE_DERNIERE_LIGNE,
    LONGUEUR_MAX,
    normaliser_ligne,
    problemes_adresse,
)

ADRESSE = [
    "Madame Anne Martin",
    "Direction départementale des territoires",
    "2 rue Michel de l'Hospital",
    "03000 MOULINS",
]


def message_derniere_ligne(ligne: str) -> str:
    return (
        f"dernière ligne « {ligne} » : code postal (5 chiffres) puis commune "
        f"en capitales attendus (« {EXEMPLE_DERNIERE_LIGNE} »)"
    )


def test_adresse_valide_de_4_lignes() -> None:
    # « Direction départementale des territoires » : 40 caractères, trop long.
    assert problemes_adresse(ADRESSE) == ["ligne 2 : 40 caractères, 38 au plus"]
    valide = [
        "Madame Anne Martin",
        "DDT de l'Allier",
        "2 rue Michel de l'Hospital",
        "03000 MOULINS",
    ]
    assert problemes_adresse(valide) == []
    assert problemes_adresse(tuple(valide)) == []


def test_six_lignes_acceptees_sept_refusees() -> None:
    six = [
        "Madame Anne Martin",
        "Service X",
        "Bureau 12",
        "Bâtiment B",
        "2 rue Pasteur",
        "03000 MOULINS",
    ]
    assert problemes_adresse(six) == []
    sept = [*six[:-1], "BP 12", "03000 MOULINS"]
    assert problemes_adresse(sept) == ["7 lignes, 6 au plus"]


def test_trop_peu_de_lignes() -> None:
    assert problemes_adresse(["03000 MOULINS"]) == [
        "1 ligne, 2 au moins (destinataire, puis code postal et commune)"
    ]
    assert problemes_adresse([]) == [
        "aucune ligne, 2 au moins (destinataire, puis code postal et commune)"
    ]


def test_ligne_de_60_caracteres() -> None:
    longue = "Direction départementale de l'emploi, du travail et des soli"
    assert len(longue) == 60
    assert problemes_adresse(["Madame Anne Martin", longue, "03000 MOULINS"]) == [
        "ligne 2 : 60 caractères, 38 au plus"
    ]


def test_38_caracteres_acceptes_39_refuses() -> None:
    ligne_38 = "12 avenue du Général de Gaulle prolong"
    assert len(ligne_38) == LONGUEUR_MAX == 38
    assert problemes_adresse(["Madame Anne Martin", ligne_38, "03000 MOULINS"]) == []
    ligne_39 = ligne_38 + "e"
    assert problemes_adresse(["Madame Anne Martin", ligne_39, "03000 MOULINS"]) == [
        "ligne 2 : 39 caractères, 38 au plus"
    ]


def test_longueur_apres_normalisation() -> None:
    # 38 caractères une fois les espaces en trop retirées.
    ligne = "  12 avenue du Général   de Gaulle prolong  "
    assert problemes_adresse(["Madame Anne Martin", ligne, "03000 MOULINS"]) == []


def test_sans_code_postal() -> None:
    assert problemes_adresse(["Madame Anne Martin", "2 rue Pasteur", "MOULINS"]) == [
        message_derniere_ligne("MOULINS")
    ]
    assert problemes_adresse(["Madame Anne Martin", "2 rue Pasteur", "Moulins"]) == [
        message_derniere_ligne("Moulins")
    ]


@pytest.mark.parametrize(
    "ligne", ["3000 MOULINS", "030000 MOULINS", "03000MOULINS", "F-03000 MOULINS"]
)
def test_code_postal_mal_forme(ligne: str) -> None:
    assert problemes_adresse(["Madame Anne Martin", ligne]) == [message_derniere_ligne(ligne)]


@pytest.mark.parametrize("ligne", ["03000 Moulins", "03000 moulins", "03000 MOULINs"])
def test_commune_pas_en_capitales(ligne: str) -> None:
    assert problemes_adresse(["Madame Anne Martin", ligne]) == [message_derniere_ligne(ligne)]


@pytest.mark.parametrize(
    "ligne",
    [
        "03016 MOULINS CEDEX",
        "75007 PARIS CEDEX 07",
        "31062 TOULOUSE CEDEX 9",
        "95300 L'ISLE-ADAM",
        "42000 SAINT-ÉTIENNE",
        "13001 MARSEILLE",
        "97100 BASSE-TERRE",
        "03000   MOULINS  CEDEX",  # espaces réduites par la normalisation
    ],
)
def test_derniere_ligne_acceptee(ligne: str) -> None:
    assert problemes_adresse(["Préfecture", ligne]) == []


@pytest.mark.parametrize(
    "ligne",
    [
        "75007 PARIS CEDEX07",
        "75007 PARIS cedex 07",
        "75007 PARIS CEDEX 007",
        "75007 PARIS 07",
        "03000 MOULINS.",
        "03000 SAINT--POURÇAIN",
        "03000 MOULINS CEDEX 07 B",
    ],
)
def test_derniere_ligne_refusee(ligne: str) -> None:
    assert problemes_adresse(["Préfecture", ligne]) == [message_derniere_ligne(ligne)]


def test_lignes_vides() -> None:
    assert problemes_adresse(["Madame Anne Martin", "", "   ", "03000 MOULINS"]) == [
        "ligne 2 vide",
        "ligne 3 vide",
    ]
    # Dernière ligne vide : signalée comme vide seulement.
    assert problemes_adresse(["Madame Anne Martin", "03000 MOULINS", ""]) == ["ligne 3 vide"]


@pytest.mark.parametrize("signe", [".", ",", ";", ":", "!", "?"])
def test_ponctuation_en_fin_de_ligne(signe: str) -> None:
    assert problemes_adresse(["Madame Anne Martin" + signe, "03000 MOULINS"]) == [
        f"ligne 1 : ponctuation « {signe} » en fin de ligne, aucune attendue"
    ]


def test_ponctuation_interieure_acceptee() -> None:
    assert problemes_adresse(["M. Jean Durand", "12, rue Pasteur", "03000 MOULINS"]) == []


def test_plusieurs_problemes_a_la_fois() -> None:
    lignes = [
        "Madame Anne Martin,",
        "",
        "Direction départementale de l'emploi, du travail et des solidarités",
        "Service des étrangers",
        "Bureau 4",
        "2 rue Pasteur",
        "moulins",
    ]
    assert problemes_adresse(lignes) == [
        "7 lignes, 6 au plus",
        "ligne 1 : ponctuation « , » en fin de ligne, aucune attendue",
        "ligne 2 vide",
        "ligne 3 : 67 caractères, 38 au plus",
        message_derniere_ligne("moulins"),
    ]


def test_chaine_seule_refusee() -> None:
    with pytest.raises(TypeError, match="suite de lignes"):
        problemes_adresse("03000 MOULINS")


def test_normaliser_ligne() -> None:
    assert normaliser_ligne("  2   rue\tPasteur  ") == "2 rue Pasteur"
    assert normaliser_ligne("03000\u00a0MOULINS") == "03000 MOULINS"
    assert normaliser_ligne("\u202f") == ""
    assert normaliser_ligne("Be\u0301ziers") == "Béziers"


# --- Identité trop longue : coupée sur les deux lignes d'identité -------------------


def test_directeur_departemental_des_territoires_sur_deux_lignes() -> None:
    """« Monsieur le directeur départemental des territoires » (51 caractères)
    donne un bloc NF Z10-011 valide : l'identité sur deux lignes."""
    from courriers.donnees.destinataire import Destinataire
    from courriers.francais.adresse import bloc_adresse

    ddt = Destinataire(
        civilite="M.",
        fonction="directeur départemental des territoires",
        qualite_formules="directeur",
        adresse=["Cité administrative", "2 rue Michelet", "03000 MOULINS"],
    )
    assert ddt.ligne_nom() == "Monsieur le directeur départemental des territoires"
    lignes = ddt.lignes_adresse()
    assert lignes == [
        "Monsieur le directeur départemental",
        "des territoires",
        "Cité administrative",
        "2 rue Michelet",
        "03000 MOULINS",
    ]
    assert problemes_adresse(lignes) == []
    assert all(len(ligne) <= LONGUEUR_MAX for ligne in lignes)
    assert bloc_adresse(ddt.ligne_nom(), ddt.adresse) == (lignes, [])


def test_identite_coupee_ne_finit_pas_par_un_article() -> None:
    from courriers.francais.adresse import couper_identite

    for ligne in (
        "Madame la directrice régionale de l'environnement, de l'aménagement",
        "Monsieur le directeur départemental des finances publiques",
        "Madame la cheffe du bureau de la réglementation générale",
    ):
        coupees = couper_identite(ligne)
        assert " ".join(coupees) == ligne
        for morceau in coupees[:-1]:
            assert morceau.split(" ")[-1] not in {"de", "du", "des", "la", "le", "l'", "et"}
            assert not morceau.endswith("'")


def test_identite_impossible_a_couper_dit_comment_raccourcir() -> None:
    from pydantic import ValidationError

    from courriers.donnees.destinataire import Destinataire

    with pytest.raises(ValidationError) as erreur:
        Destinataire(
            civilite="M.",
            fonction="directeur départemental de l'emploi, du travail et des solidarités",
            adresse=["03000 MOULINS"],
        )
    assert "ligne 1 : 78 caractères" in str(erreur.value)
    assert "abréger la fonction ou l'organisme" in str(erreur.value)
    with pytest.raises(ValidationError) as erreur:
        Destinataire(
            civilite="M.",
            fonction="directeur départemental des territoires",
            adresse=["a", "b", "c", "d", "03000 MOULINS"],
        )
    assert "7 lignes, 6 au plus : la ligne 1, trop longue, est coupée" in str(erreur.value)
