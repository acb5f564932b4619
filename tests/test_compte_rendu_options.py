"""Minutes of other bodies: each option of the opening sentence and of
the lists, ranks and plural civilités, the chair by function only, the
surname-only agent, quorum, avis, title, non-State emitter."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import rendre_dict
from courriers.erreurs import ErreurDonnees
from courriers.francais.civilites import CIVILITES
from outils_texte import texte


def rendu(donnees: dict[str, Any], tmp_path: Any) -> str:
    return texte(rendre_dict(donnees, tmp_path))


PRESIDENT_PAR_FONCTION = {
    "civilite": "M.",
    "fonction": "Secrétaire Général",
    "organisme": "la préfecture de l'Allier",
}


def test_president_designe_par_sa_seule_fonction_sans_repetition(
    donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["reunion"]["president"] = PRESIDENT_PAR_FONCTION
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "s'est tenu le comité local des usagers, présidé par M. le secrétaire général "
        "de la préfecture de l'Allier.\n" in lu
    )
    assert lu.count("ecrétaire général de la préfecture") == 1


def test_prefete_designee_par_sa_fonction(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["reunion"]["instance"] = {
        "nom": "commission départementale",
        "genre": "feminin",
    }
    donnees_exemple["reunion"]["president"] = {"civilite": "Mme", "fonction": "préfet de la Drôme"}
    assert "présidée par Mme la préfète de la Drôme.\n" in rendu(donnees_exemple, tmp_path)


def test_president_facultatif(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    del donnees_exemple["reunion"]["president"]
    assert "s'est tenu le comité local des usagers.\n" in rendu(donnees_exemple, tmp_path)


def test_agent_avec_son_seul_nom_garde_sa_civilite(
    donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    del donnees_exemple["emetteur"]["agent"]["prenom"]
    lu = rendu(donnees_exemple, tmp_path)
    assert "Affaire suivie par : Mme CHANARD\n" in lu


def _present(donnees: dict[str, Any], personne: dict[str, Any]) -> None:
    donnees["reunion"]["presents"] = [{"participants": [personne]}]


@pytest.mark.parametrize("grade", [c for c, f in CIVILITES.items() if f.grade])
def test_chaque_grade_devant_le_nom_et_accord_au_genre(
    grade: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    _present(
        donnees_exemple,
        {
            "civilite": grade,
            "genre": "feminin",
            "prenom": "Claire",
            "nom": "Rieu",
            "fonction": "chef du bureau",
        },
    )
    lu = rendu(donnees_exemple, tmp_path)
    assert f"Était présente :\n{grade} Claire RIEU, cheffe du bureau.\n" in lu


def test_grade_feminise_sur_option(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    _present(donnees_exemple, {"civilite": "Commandant", "genre": "feminin", "nom": "Rieu"})
    donnees_exemple["options"] = {"grades_feminises": True}
    assert "Commandante RIEU." in rendu(donnees_exemple, tmp_path)


def test_grade_sans_genre_refuse(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    _present(donnees_exemple, {"civilite": "Cdt", "nom": "Rieu"})
    with pytest.raises(ErreurDonnees, match="indiquer « genre »"):
        rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("civilite", "ligne", "intitule"),
    [
        ("MM.", "MM. les représentants de la FRAPNA.", "Étaient présents"),
        ("Mmes", "Mmes les représentantes de la FRAPNA.", "Étaient présentes"),
        ("Mme et M.", "Mme et M. les représentants de la FRAPNA.", "Étaient présents"),
        ("M. et Mme", "M. et Mme les représentants de la FRAPNA.", "Étaient présents"),
        ("Mmes et MM.", "Mmes et MM. les représentants de la FRAPNA.", "Étaient présents"),
    ],
)
def test_designations_au_pluriel(
    civilite: str, ligne: str, intitule: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    _present(
        donnees_exemple,
        {"civilite": civilite, "fonction": "représentant", "organisme": "la FRAPNA"},
    )
    assert f"{intitule} :\n{ligne}\n" in rendu(donnees_exemple, tmp_path)


def test_couple_nomme(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    _present(donnees_exemple, {"civilite": "Mme et M.", "nom": "Arnaud", "fonction": "riverain"})
    assert "Mme et M. ARNAUD, riverains." in rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("civilite", "genre"), [("Me", "masculin"), ("Dr", "feminin"), ("Pr", "feminin")]
)
def test_maitre_docteur_professeur(
    civilite: str, genre: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    _present(
        donnees_exemple,
        {
            "civilite": civilite,
            "genre": genre,
            "prenom": "Dominique",
            "nom": "Roy",
            "fonction": "président",
        },
    )
    forme = "présidente" if genre == "feminin" else "président"
    assert f"{civilite} Dominique ROY, {forme}." in rendu(donnees_exemple, tmp_path)


def test_organismes_seuls_et_representes(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    _present(
        donnees_exemple,
        {
            "organisme": "la chambre d'agriculture",
            "representants": [
                {"civilite": "M.", "prenom": "Paul", "nom": "Durand"},
                {"civilite": "Mme", "prenom": "Léa", "nom": "Roy", "fonction": "élu"},
            ],
        },
    )
    donnees_exemple["reunion"]["presents"][0]["participants"] += [
        {"fonction": "représentant", "organisme": "la FRAPNA"},
        {
            "civilite": "Mme",
            "prenom": "Anne",
            "nom": "Sol",
            "fonction": "maire",
            "organisme": "Nyons",
            "representants": [{"civilite": "M.", "nom": "Blanc"}],
        },
        {"organisme": "le SDIS"},
    ]
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "La chambre d'agriculture, représentée par M. Paul DURAND et Mme Léa ROY, élue,\n"
        "Représentant de la FRAPNA,\n"
        "Mme Anne SOL, maire de Nyons, représentée par M. BLANC,\n"
        "Le SDIS.\n" in lu
    )


def test_organisme_sans_genre_refuse(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    _present(
        donnees_exemple,
        {"organisme": "l'association X", "representants": [{"civilite": "M.", "nom": "Blanc"}]},
    )
    with pytest.raises(ErreurDonnees, match="genre_organisme"):
        rendu(donnees_exemple, tmp_path)


def test_personne_sans_civilite(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    _present(
        donnees_exemple,
        {"prenom": "Julie", "nom": "Faure", "genre": "feminin", "fonction": "directeur"},
    )
    assert "Était présente :\nJulie FAURE, directrice.\n" in rendu(donnees_exemple, tmp_path)


def test_garder_la_fonction_telle_que_saisie(
    donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    _present(
        donnees_exemple,
        {"civilite": "Mme", "nom": "Roy", "fonction": "Directeur", "garder_fonction": True},
    )
    assert "Mme ROY, Directeur." in rendu(donnees_exemple, tmp_path)


# --- opening sentence -----------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "debut"),
    [
        (
            {},
            "Le 28 février 2022 à 10h30, s'est tenu le comité local des usagers, présidé par M. Alexandre SANZ",
        ),
        ({"jour_semaine": True}, "Le lundi 28 février 2022 à 10h30, s'est tenu"),
        (
            {"verbe_ouverture": "reuni"},
            "Le 28 février 2022 à 10h30, s'est réuni le comité local des usagers",
        ),
        (
            {"presidence": "sous_la_presidence"},
            "usagers, sous la présidence de M. Alexandre SANZ, Secrétaire",
        ),
    ],
)
def test_options_de_la_phrase_d_ouverture(
    options: dict[str, Any], debut: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["options"] = options
    assert debut in rendu(donnees_exemple, tmp_path)


def test_sous_la_presidence_du_secretaire_general(
    donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["reunion"]["president"] = {"fonction": "secrétaire général de la préfecture"}
    donnees_exemple["options"] = {"presidence": "sous_la_presidence"}
    assert "sous la présidence du secrétaire général de la préfecture." in rendu(
        donnees_exemple, tmp_path
    )


def test_bloc_date_lieu_presidence(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["options"] = {"ouverture": "bloc"}
    donnees_exemple["reunion"]["lieu"] = "à la préfecture de l'Allier, salle Lamartine"
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "Date : 28 février 2022, à 10h30\nLieu : La préfecture de l'Allier, salle Lamartine\n"
        "Présidence : M. Alexandre SANZ, Secrétaire Général de la préfecture de l'Allier\n" in lu
    )
    assert "s'est tenu" not in lu


def test_reunion_de_plusieurs_jours_sans_heure(
    donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    del donnees_exemple["reunion"]["heure_debut"]
    donnees_exemple["reunion"]["date"] = "2022-11-30"
    donnees_exemple["reunion"]["date_fin"] = "2022-12-02"
    lu = rendu(donnees_exemple, tmp_path)
    assert "Du 30 novembre au 2 décembre 2022, s'est tenu" in lu
    assert "OBJET : Comité local des usagers du 30/11 au 02/12/2022." in lu


def test_sans_heure(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    del donnees_exemple["reunion"]["heure_debut"]
    assert "Le 28 février 2022, s'est tenu" in rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("champs", "titre"),
    [
        ({}, "COMPTE-RENDU"),
        ({"nature": "proces_verbal"}, "PROCÈS-VERBAL"),
        ({"nature": "releve_de_decisions"}, "RELEVÉ DE DÉCISIONS"),
        (
            {"options": {"titre_avec_instance": True}},
            "COMPTE RENDU DE LA RÉUNION DU COMITÉ LOCAL DES USAGERS",
        ),
        ({"titre": "NOTE DE SÉANCE"}, "NOTE DE SÉANCE"),
    ],
)
def test_titre_du_document(
    champs: dict[str, Any], titre: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple.update(champs)
    assert f"\n{titre}\nOBJET" in rendu(donnees_exemple, tmp_path)


# --- lists ------------------------------------------------------------------------


EXCUSE = {"participants": [{"civilite": "Mme", "prenom": "Léa", "nom": "Petit"}]}


def test_ordre_des_listes(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["reunion"]["excuses"] = [EXCUSE]
    donnees_exemple["options"] = {"ordre_des_listes": ["excuses", "presents"]}
    lu = rendu(donnees_exemple, tmp_path)
    assert lu.index("Était excusée :") < lu.index("Étaient présents :")


def test_liste_omise_de_l_ordre_non_ecrite(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["reunion"]["excuses"] = [EXCUSE]
    donnees_exemple["options"] = {"ordre_des_listes": ["presents"]}
    assert "excusée" not in rendu(donnees_exemple, tmp_path)


def test_intitules_imposes(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["reunion"]["excuses"] = [EXCUSE]
    donnees_exemple["options"] = {
        "intitules": {
            "presents": "Personnes présentes, membres du CLIC",
            "excuses": "Absents ou excusés",
        }
    }
    lu = rendu(donnees_exemple, tmp_path)
    assert "Personnes présentes, membres du CLIC :\n" in lu
    assert "Absents ou excusés :\nMme Léa PETIT.\n" in lu


def test_liste_vide_mentionnee_ou_omise(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["reunion"]["absents"] = []
    assert "Étaient absents : néant.\n" in rendu(donnees_exemple, tmp_path)
    donnees_exemple["options"] = {"listes_vides": "omettre"}
    (tmp_path / "b").mkdir()
    assert "absents" not in rendu(donnees_exemple, tmp_path / "b")


def test_colleges_en_tableau(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["reunion"]["presents"] = [
        {
            "titre": "Collège des exploitants",
            "participants": [
                {
                    "organisme": "la société Chimex",
                    "representants": [
                        {
                            "civilite": "M.",
                            "prenom": "Paul",
                            "nom": "Durand",
                            "fonction": "directeur",
                        }
                    ],
                }
            ],
        },
        {"titre": "Collège des salariés", "participants": []},
    ]
    donnees_exemple["options"] = {"colleges": "tableau"}
    lu = rendu(donnees_exemple, tmp_path)
    assert (
        "Collège des exploitants\nOrganisme\nReprésentant(s)\nLa société Chimex\n"
        "M. Paul DURAND, directeur\nCollège des salariés : aucun représentant\n" in lu
    )


# --- quorum, votes, decisions, actions, annexes, next meeting -----------------------


@pytest.mark.parametrize(
    ("quorum", "phrase"),
    [
        (
            {"membres": 26},
            "Le quorum étant atteint (13 membres présents sur 26), la séance est ouverte.",
        ),
        (
            {"membres": 30, "mandats": 2},
            "Le quorum étant atteint (13 membres présents et 2 ayant donné mandat, sur 30)",
        ),
        (
            {"membres": 30},
            "Le quorum n'étant pas atteint (13 membres présents sur 30), le comité sera de nouveau convoqué",
        ),
        (
            {"membres": 30, "seconde_convocation": True},
            "Réuni sur une nouvelle convocation, le comité délibère",
        ),
        ({"membres": 26, "proportion": "majorite"}, "Le quorum n'étant pas atteint"),
    ],
)
def test_quorum(
    quorum: dict[str, Any], phrase: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["reunion"]["quorum"] = quorum
    donnees_exemple["reunion"]["instance"]["nom_court"] = "comité"
    assert phrase in rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("vote", "phrase"),
    [
        ({"pour": 12}, "Le comité émet un avis favorable à l'unanimité."),
        (
            {"pour": 10, "contre": 2, "abstentions": 1},
            "avis favorable (10 voix pour, 2 contre, 1 abstention).",
        ),
        ({"pour": 2, "contre": 9}, "Le comité émet un avis défavorable (2 voix pour, 9 contre)."),
        ({"avis": "favorable"}, "Le comité émet un avis favorable."),
        (
            {"pour": 5, "contre": 5, "voix_preponderante": "favorable"},
            "avis favorable (5 voix pour, 5 contre, la voix du président étant prépondérante).",
        ),
    ],
)
def test_avis_tire_des_voix(
    vote: dict[str, Any], phrase: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["reunion"]["instance"]["nom_court"] = "comité"
    donnees_exemple["reunion"]["ordre_du_jour"][0]["votes"] = [vote]
    assert phrase in rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("vote", "motif"),
    [
        ({"pour": 4, "contre": 4}, "partage égal"),
        ({"pour": 2, "contre": 5, "avis": "favorable"}, "contredit"),
        ({}, "avis"),
    ],
)
def test_vote_incoherent_refuse(
    vote: dict[str, Any], motif: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["reunion"]["ordre_du_jour"][0]["votes"] = [vote]
    with pytest.raises(ErreurDonnees, match=motif):
        rendu(donnees_exemple, tmp_path)


def test_decisions_releve_actions_annexes_prochaine_reunion(
    donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    donnees_exemple["reunion"]["ordre_du_jour"][1]["decisions"] = ["Les résultats sont publiés."]
    donnees_exemple["actions"] = [
        {
            "action": "Publier | les résultats",
            "responsable": "Cellule qualité",
            "echeance": "2022-04-01",
        }
    ]
    donnees_exemple["annexes"] = ["Résultats de l'enquête"]
    donnees_exemple["prochaine_reunion"] = {"date": "2023-02-27", "heure": "10:30"}
    donnees_exemple["a_retenir"] = ["Labellisation visée en septembre 2022."]
    lu = rendu(donnees_exemple, tmp_path)
    assert "À retenir\n1) Labellisation visée en septembre 2022.\n" in lu
    assert "Décision :\nLes résultats sont publiés.\n" in lu
    assert (
        "Relevé de décisions\n2 - Résultats de l'enquête de satisfaction usagers 2021\nLes résultats"
        in lu
    )
    assert (
        "Action\nResponsable\nÉchéance\nPublier | les résultats\nCellule qualité\n1er avril 2022\n"
        in lu
    )
    assert "Prochaine réunion : le lundi 27 février 2023 à 10h30." in lu
    assert "Annexes :\nAnnexe 1 : Résultats de l'enquête" in lu
    donnees_exemple["releve_de_decisions"] = False
    (tmp_path / "b").mkdir()
    assert "Relevé de décisions" not in rendu(donnees_exemple, tmp_path / "b")


# --- header and footer --------------------------------------------------------------


def test_libelles_de_l_en_tete(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["emetteur"].update(libelle_telephone="Téléphone", libelle_courriel="Mél")
    lu = rendu(donnees_exemple, tmp_path)
    assert "Téléphone : 04 70 48 30 74\nMél : malorie.chanard@allier.gouv.fr\n" in lu


def test_emetteur_hors_etat_sans_devise(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    del donnees_exemple["emetteur"]["departement"]
    donnees_exemple["emetteur"].update(marque_etat=False, titre="MAIRIE DE MOULINS")
    lu = rendu(donnees_exemple, tmp_path)
    assert lu.startswith("MAIRIE\nDE MOULINS\nSecrétariat Général\n")
    assert "Liberté" not in lu


def test_emetteur_hors_etat_sans_marianne(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["emetteur"]["marque_etat"] = False
    with pytest.raises(ErreurDonnees, match="réservée à l'État"):
        rendu(donnees_exemple, tmp_path)


def test_pied_de_page_telecopie_et_horaires(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    import zipfile

    donnees_exemple["emetteur"]["pied_de_page"] = {
        "telephone": "04 70 48 30 00",
        "telecopie": "04 70 48 30 01",
        "horaires": "du lundi au vendredi de 9h à 16h",
    }
    with zipfile.ZipFile(rendre_dict(donnees_exemple, tmp_path)) as paquet:
        pied = (
            "".join(
                paquet.read(n).decode() for n in paquet.namelist() if n.startswith("word/footer")
            )
            .replace("\u00a0", " ")
            .replace("\u202f", " ")
        )
    assert "Télécopie : 04 70 48 30 01" in pied
    assert "du lundi au vendredi de 9h à 16h" in pied


def test_logo_d_un_emetteur_hors_etat(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    import base64
    import json

    from courriers import CompteRendu, charger, ecrire

    (tmp_path / "logo.png").write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        )
    )
    del donnees_exemple["emetteur"]["departement"]
    donnees_exemple["emetteur"].update(
        marque_etat=False, titre="MAIRIE DE MOULINS", logo="logo.png"
    )
    donnees = tmp_path / "reunion.json"
    donnees.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    sortie = ecrire(charger(donnees, CompteRendu), tmp_path / "cr.docx")
    lu = texte(sortie)
    assert lu.startswith(
        "----Image alt text---->Logo, MAIRIE DE MOULINS<----media/image1.png----\nMAIRIE\n"
    )
    assert "Marianne" not in lu and "Liberté" not in lu


def test_logo_refuse_pour_l_etat(donnees_exemple: dict[str, Any], tmp_path: Any) -> None:
    donnees_exemple["emetteur"]["logo"] = "logo.png"
    with pytest.raises(ErreurDonnees, match="réservé aux émetteurs hors de l'État"):
        rendu(donnees_exemple, tmp_path)


@pytest.mark.parametrize(
    ("forme", "attendu"),
    [
        ("tel_quel", "Lieutenant-colonel Marc TISSOT."),
        ("abrege", "Lcl Marc TISSOT."),
        ("complet", "Lieutenant-colonel Marc TISSOT."),
    ],
)
def test_grades_abreges_ou_complets(
    forme: str, attendu: str, donnees_exemple: dict[str, Any], tmp_path: Any
) -> None:
    _present(
        donnees_exemple,
        {"civilite": "Lieutenant-colonel", "genre": "masculin", "prenom": "Marc", "nom": "Tissot"},
    )
    donnees_exemple["options"] = {"grades": forme}
    assert f"Était présent :\n{attendu}\n" in rendu(donnees_exemple, tmp_path)
