"""The French rules seen through the minutes template: each variant of the
data gives the right words in the rendered document."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import rendre_dict
from outils_texte import texte


def rendu(donnees: dict[str, Any], tmp_path: Path) -> str:
    return texte(rendre_dict(donnees, tmp_path))


def test_instance_feminine_accorde_les_participes(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"]["instance"] = {
        "nom": "commission départementale de la nature, des paysages et des sites",
        "genre": "feminin",
    }
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "s'est tenue la commission départementale de la nature, des paysages et des sites, "
        "présidée par M. Alexandre SANZ" in lu
    )
    assert (
        "OBJET : Commission départementale de la nature, des paysages et des sites du 28/02/2022."
        in lu
    )


def test_instance_au_pluriel(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["reunion"]["instance"] = {
        "nom": "assises de la sécurité",
        "genre": "feminin",
        "nombre": "pluriel",
    }
    assert "se sont tenues les assises de la sécurité, présidées par" in rendu(
        donnees_exemple, tmp_path
    )


def test_presidente_accorde_sa_fonction_pas_les_participes(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"]["president"] = {
        "civilite": "Mme",
        "prenom": "Claire",
        "nom": "de la Tour",
        "fonction": "secrétaire général",
        "organisme": "la préfecture de l'Allier",
    }
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "s'est tenu le comité local des usagers, présidé par Mme Claire de la TOUR, "
        "secrétaire générale de la préfecture de l'Allier." in lu
    )


def test_prefete_et_delegation(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["emetteur"]["civilite_prefet"] = "Mme"
    donnees_exemple["signataire"]["delegation"] = True
    lu = rendu(donnees_exemple, tmp_path)
    assert lu.startswith("PRÉFÈTE\nDE L'ALLIER\n")
    assert "Pour la préfète et par délégation,\nLe Secrétaire Général," in lu


def test_prefet_delegation_au_masculin(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["signataire"]["delegation"] = True
    assert "Pour le préfet et par délégation," in rendu(donnees_exemple, tmp_path)


def test_signataire_feminine(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["signataire"] = {
        "civilite": "Mme",
        "prenom": "Claire",
        "nom": "Tour",
        "qualite": "Secrétaire Général",
    }
    lu = rendu(donnees_exemple, tmp_path)
    assert "La Secrétaire Générale,\nClaire TOUR" in lu


def test_premier_du_mois_en_exposant(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["reunion"]["date"] = "2022-03-01"
    sortie = rendre_dict(donnees_exemple, tmp_path)
    assert "Le 1er mars 2022 à 10h30" in texte(sortie)
    with zipfile.ZipFile(sortie) as paquet:
        document = paquet.read("word/document.xml").decode()
    assert (
        '<w:vertAlign w:val="superscript"/></w:rPr><w:t xml:space="preserve">er</w:t>' in document
    )


def test_plage_horaire(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["reunion"]["heure_debut"] = "14:30"
    donnees_exemple["reunion"]["heure_fin"] = "16:15"
    assert "Le 28 février 2022 de 14h30 à 16h15, s'est tenu" in rendu(donnees_exemple, tmp_path)


def test_heures_a_la_maniere_de_l_imprimerie_nationale(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"]["heure_debut"] = "10:00"
    donnees_exemple["options"] = {
        "heures": "imprimerie_nationale",
        "date_lieu": "longue",
    }
    lu = rendu(donnees_exemple, tmp_path)
    assert "Le 28 février 2022 à 10 h, s'est tenu" in lu
    assert "Moulins, le 8 mars 2022" in lu


def test_noms_sans_capitales(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["options"] = {"noms_en_majuscules": False}
    assert "présidé par M. Alexandre Sanz," in rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("code", "titre"),
    [
        ("75", "PRÉFET\nDE PARIS"),
        ("35", "PRÉFET\nD'ILLE-ET-VILAINE"),
        ("83", "PRÉFET\nDU VAR"),
        ("42", "PRÉFET\nDE LA LOIRE"),
        ("05", "PRÉFET\nDES HAUTES-ALPES"),
        ("3", "PRÉFET\nDE L'ALLIER"),
    ],
)
def test_bloc_marque_par_mot_de_liaison(
    code: str, titre: str, donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["emetteur"]["departement"] = code
    assert rendu(donnees_exemple, tmp_path).startswith(titre + "\nLiberté\nÉgalité\nFraternité\n")


def test_titre_libre_pour_un_prefet_de_region(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    del donnees_exemple["emetteur"]["departement"]
    donnees_exemple["emetteur"]["titre"] = "PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES"
    assert rendu(donnees_exemple, tmp_path).startswith(
        "PRÉFET\nDE LA RÉGION AUVERGNE-RHÔNE-ALPES\n"
    )


def test_sous_prefecture(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["emetteur"].update(
        departement="83",
        services=["SOUS-PRÉFECTURE DE DRAGUIGNAN", "Secrétariat Général"],
        ville="Draguignan",
    )
    lu = rendu(donnees_exemple, tmp_path)
    assert lu.startswith(
        "PRÉFET\nDU VAR\nLiberté\nÉgalité\nFraternité\nSOUS-PRÉFECTURE DE DRAGUIGNAN\nSecrétariat Général\n"
    )
    assert "Draguignan, le 08/03/2022" in lu


def test_excuses_designes_par_leur_fonction(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"]["excuses"] = [
        {
            "participants": [
                {
                    "civilite": "M.",
                    "fonction": "représentant",
                    "organisme": "l'UFC Que Choisir",
                },
                {
                    "civilite": "Mme",
                    "fonction": "directeur",
                    "organisme": "le service départemental d'incendie et de secours",
                },
            ]
        }
    ]
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "Étaient excusés :\nM. le représentant de l'UFC Que Choisir,\n"
        "Mme la directrice du service départemental d'incendie et de secours." in lu
    )


def test_listes_groupees_par_college_et_intitules_accordes(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"]["absents"] = [
        {
            "titre": "Collège des usagers",
            "participants": [{"civilite": "Mme", "prenom": "Léa", "nom": "Petit"}],
        },
        {"titre": "Collège des élus", "participants": []},
    ]
    donnees_exemple["reunion"]["assistaient"] = [
        {
            "participants": [
                {
                    "civilite": "Mme",
                    "prenom": "Malorie",
                    "nom": "Chanard",
                    "fonction": "responsable qualité",
                }
            ]
        }
    ]
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "Était absente :\nCollège des usagers\nMme Léa PETIT,\nCollège des élus : aucun représentant\n"
        in lu
    )
    assert "Assistait également :\nMme Malorie CHANARD, responsable qualité.\n" in lu


def test_lieu_de_la_reunion(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["reunion"]["lieu"] = "à la préfecture de l'Allier, salle Lamartine"
    assert (
        "Le 28 février 2022 à 10h30, à la préfecture de l'Allier, salle Lamartine, s'est tenu"
        in rendu(donnees_exemple, tmp_path)
    )


def test_pied_de_page_avec_coordonnees(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["emetteur"]["pied_de_page"] = {
        "adresse": ["2 rue Michel de l'Hospital", "CS 31649", "03016 MOULINS CEDEX"],
        "telephone": "04 70 48 30 00",
        "site": "www.allier.gouv.fr & co",
    }
    sortie = rendre_dict(donnees_exemple, tmp_path)
    with zipfile.ZipFile(sortie) as paquet:
        pied = next(
            paquet.read(n).decode() for n in paquet.namelist() if n.startswith("word/footer")
        )
    assert "2 rue Michel de l'Hospital – CS 31649 – 03016 MOULINS CEDEX" in pied
    assert "www.allier.gouv.fr &amp; co" in pied
