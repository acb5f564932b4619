"""Tests des contrôles des courriers (module :mod:`courriers.controles`).

Les documents sont construits à partir de petits dictionnaires, validés comme
par le chargeur. Les jours ouvrés attendus sont comptés à la main sur un
calendrier : 2024 commence un lundi, le lundi 26 février 2024 est un lundi,
Pâques 2024 tombe le 31 mars, le lundi de Pâques (1er avril) est férié.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from courriers.controles import (
    CODES,
    Avertissement,
    controler,
    en_erreurs,
    mentionne_pieces_jointes,
)
from courriers.documents import depuis_donnees
from courriers.donnees.base import Modele
from courriers.donnees.courrier import AccuseReception, CourrierService, Lettre, Reponse

D = TypeVar("D", bound=Modele)

# --- Données minimales --------------------------------------------------------


def emetteur() -> dict[str, Any]:
    """Un émetteur complet : agent et coordonnées du service."""
    return {
        "departement": "03",
        "ville": "Moulins",
        "services": ["Secrétariat Général"],
        "agent": {
            "civilite": "Mme",
            "prenom": "Anne",
            "nom": "Martin",
            "telephone": "04 70 48 30 74",
            "courriel": "anne.martin@allier.gouv.fr",
        },
        "pied_de_page": {
            "adresse": ["2 rue Michel de l'Hospital", "CS 31649", "03016 MOULINS CEDEX"],
            "telephone": "04 70 48 30 00",
            "courriel": "prefecture@allier.gouv.fr",
            "site": "www.allier.gouv.fr",
        },
    }


def lettre(**champs: Any) -> dict[str, Any]:
    """Ce que toute lettre a, sans pièce jointe."""
    donnees: dict[str, Any] = {
        "emetteur": emetteur(),
        "date": "2024-03-18",
        "objet": "Votre demande",
        "corps": "Je vous informe que votre demande est en cours d'instruction.",
        "signataire": {
            "civilite": "M.",
            "prenom": "Jean",
            "nom": "Durand",
            "qualite": "Secrétaire Général",
        },
    }
    donnees.update(champs)
    return donnees


def correspondant() -> dict[str, Any]:
    return {
        "civilite": "Mme",
        "prenom": "Marie",
        "nom": "Dupont",
        "adresse": ["12 rue Pasteur", "03000 MOULINS"],
    }


def reponse(**champs: Any) -> dict[str, Any]:
    """Une réponse au courrier du lundi 26 février 2024, datée du 18 mars 2024
    (15 jours ouvrés après : dans le délai par défaut)."""
    donnees = lettre(
        correspondant=correspondant(),
        courrier_recu={"date": "2024-02-26", "reference": "MD/2024-02"},
    )
    donnees.update(champs)
    return donnees


def accuse_reception(**champs: Any) -> dict[str, Any]:
    """Un accusé de réception avec délai de traitement."""
    donnees = lettre(
        correspondant=correspondant(),
        demande={
            "date_reception": "2024-03-11",
            "designation": "votre demande de carte de séjour",
        },
        delai_traitement={"valeur": 2, "unite": "mois"},
    )
    donnees.update(champs)
    return donnees


def courrier_service(**champs: Any) -> dict[str, Any]:
    """Un courrier de service à service."""
    donnees = lettre(
        destinataire={"civilite": "M.", "fonction": "directeur départemental des territoires"}
    )
    donnees.update(champs)
    return donnees


def construire(donnees: dict[str, Any], classe: type[D]) -> D:
    return depuis_donnees(donnees, classe, "test")


def codes(document: Lettre) -> list[str]:
    return [avertissement.code for avertissement in controler(document)]


def un_seul(document: Lettre, code: str) -> Avertissement:
    """L'unique avertissement de ``document`` ; il a le code ``code``."""
    avertissements = controler(document)
    assert [a.code for a in avertissements] == [code]
    return avertissements[0]


Fabrique = Callable[..., dict[str, Any]]

TOUS_LES_TYPES: list[tuple[type[Lettre], Fabrique]] = [
    (Reponse, reponse),
    (AccuseReception, accuse_reception),
    (CourrierService, courrier_service),
]
"""Chaque type de lettre et la fonction qui en donne des données neuves."""

# --- Lettres conformes --------------------------------------------------------


@pytest.mark.parametrize(("classe", "fabrique"), TOUS_LES_TYPES)
def test_lettre_conforme_sans_avertissement(classe: type[Lettre], fabrique: Fabrique) -> None:
    assert controler(construire(fabrique(), classe)) == []


def test_codes() -> None:
    assert CODES == (
        "pieces_jointes_non_mentionnees",
        "sans_agent",
        "sans_coordonnees_service",
        "sans_delai_traitement",
        "reponse_tardive",
        "cloture_dans_le_corps",
    )


# --- Pièces jointes -----------------------------------------------------------


@pytest.mark.parametrize(
    "mention",
    [
        "Vous trouverez ci-joint le formulaire.",
        "Veuillez trouver ci-jointe la notice.",
        "Les documents ci-joints sont à compléter.",
        "Les pièces ci-jointes sont à compléter.",
        "Le formulaire est en pièce jointe.",
        "Voir les pièces jointes.",
        "VOIR LES PIÈCES JOINTES.",
        "Les pièces\njointes sont à renvoyer.",
        "Le formulaire figure en annexe.",
        "Le formulaire est annexé à ce courrier.",
        "La notice est annexée à ce courrier.",
        "Les formulaires sont annexés.",
        "Les notices sont annexées.",
        "PJ : formulaire et notice.",
        "Voir pj.",
        "Vous trouverez **ci-joint** le formulaire.",
    ],
)
def test_pieces_jointes_mentionnees(mention: str) -> None:
    assert mentionne_pieces_jointes(mention)
    document = construire(reponse(corps=mention, pieces_jointes=["Formulaire"]), Reponse)
    assert controler(document) == []


@pytest.mark.parametrize(
    "texte",
    [
        "",
        "Je vous adresse le formulaire.",
        "Voir la piece jointe.",  # accents tels qu'ils s'écrivent
        "Une annexe fiscale.",
        "Le rapport PJM.",
    ],
)
def test_pieces_jointes_non_mentionnees(texte: str) -> None:
    assert not mentionne_pieces_jointes(texte)
    document = construire(
        reponse(corps=texte, pieces_jointes=["Formulaire cerfa 12345", "Notice"]), Reponse
    )
    avertissement = un_seul(document, "pieces_jointes_non_mentionnees")
    assert avertissement.message == (
        "2 pièces jointes listées (« Formulaire cerfa 12345 », « Notice ») mais jamais "
        "mentionnées dans le corps du courrier : les signaler (« ci-joint », "
        "« en pièce jointe »)"
    )


def test_une_piece_jointe_non_mentionnee_au_singulier() -> None:
    document = construire(accuse_reception(pieces_jointes=["Notice"]), AccuseReception)
    avertissement = un_seul(document, "pieces_jointes_non_mentionnees")
    assert avertissement.message == (
        "1 pièce jointe listée (« Notice ») mais jamais mentionnée dans le corps du "
        "courrier : la signaler (« ci-joint », « en pièce jointe »)"
    )


def test_sans_piece_jointe_pas_de_mention_attendue() -> None:
    document = construire(reponse(corps="Rien à signaler.", pieces_jointes=[]), Reponse)
    assert controler(document) == []


def test_courrier_service_pieces_jointes_controlees() -> None:
    document = construire(courrier_service(pieces_jointes=["Tableau"]), CourrierService)
    assert codes(document) == ["pieces_jointes_non_mentionnees"]


# --- Agent chargé du dossier --------------------------------------------------


def sans_agent(donnees: dict[str, Any]) -> dict[str, Any]:
    del donnees["emetteur"]["agent"]
    return donnees


@pytest.mark.parametrize(
    ("classe", "fabrique"), [(Reponse, reponse), (AccuseReception, accuse_reception)]
)
def test_sans_agent(classe: type[Lettre], fabrique: Fabrique) -> None:
    avertissement = un_seul(construire(sans_agent(fabrique()), classe), "sans_agent")
    assert avertissement.message == (
        "aucun agent chargé du dossier (emetteur.agent) : prénom, nom, qualité et "
        "coordonnées sont obligatoires dans un courrier à un usager (CRPA L111-2)"
    )


def test_avec_agent() -> None:
    assert "sans_agent" not in codes(construire(reponse(), Reponse))


def test_courrier_service_sans_agent_non_averti() -> None:
    document = construire(sans_agent(courrier_service()), CourrierService)
    assert controler(document) == []


def test_courrier_service_autres_controles_lances() -> None:
    donnees = sans_agent(courrier_service(pieces_jointes=["Tableau"]))
    del donnees["emetteur"]["pied_de_page"]
    assert codes(construire(donnees, CourrierService)) == [
        "pieces_jointes_non_mentionnees",
        "sans_coordonnees_service",
    ]


# --- Coordonnées du service ---------------------------------------------------


def avec_pied_de_page(donnees: dict[str, Any], pied: dict[str, Any] | None) -> dict[str, Any]:
    if pied is None:
        del donnees["emetteur"]["pied_de_page"]
    else:
        donnees["emetteur"]["pied_de_page"] = pied
    return donnees


@pytest.mark.parametrize(("classe", "fabrique"), TOUS_LES_TYPES)
def test_coordonnees_absentes(classe: type[Lettre], fabrique: Fabrique) -> None:
    document = construire(avec_pied_de_page(fabrique(), None), classe)
    avertissement = un_seul(document, "sans_coordonnees_service")
    assert avertissement.message == (
        "coordonnées du service absentes (emetteur.pied_de_page) : adresse postale, "
        "téléphone manquants"
    )


@pytest.mark.parametrize(
    ("pied", "manque"),
    [
        ({"telephone": "04 70 48 30 00"}, "adresse postale manquante"),
        ({"adresse": ["  "], "telephone": "04 70 48 30 00"}, "adresse postale manquante"),
        ({"adresse": ["2 rue Michel de l'Hospital", "03016 MOULINS CEDEX"]}, "téléphone manquant"),
        ({"adresse": ["03016 MOULINS CEDEX"], "telephone": " "}, "téléphone manquant"),
        ({"site": "www.allier.gouv.fr"}, "adresse postale, téléphone manquants"),
    ],
)
def test_coordonnees_incompletes(pied: dict[str, Any], manque: str) -> None:
    document = construire(avec_pied_de_page(reponse(), pied), Reponse)
    avertissement = un_seul(document, "sans_coordonnees_service")
    assert avertissement.message == (
        f"coordonnées du service incomplètes (emetteur.pied_de_page) : {manque}"
    )


def test_coordonnees_completes() -> None:
    pied = {"adresse": ["03016 MOULINS CEDEX"], "telephone": "04 70 48 30 00"}
    document = construire(avec_pied_de_page(reponse(), pied), Reponse)
    assert controler(document) == []


# --- Délai de traitement de l'accusé de réception -----------------------------


def test_accuse_reception_sans_delai() -> None:
    donnees = accuse_reception()
    del donnees["delai_traitement"]
    avertissement = un_seul(construire(donnees, AccuseReception), "sans_delai_traitement")
    assert avertissement.message == (
        "accusé de réception sans délai de traitement (delai_traitement) : l'usager "
        "doit savoir quand attendre une réponse"
    )


def test_accuse_reception_avec_delai() -> None:
    donnees = accuse_reception(delai_traitement={"valeur": 15, "unite": "jours_ouvres"})
    assert controler(construire(donnees, AccuseReception)) == []


# --- Délai de réponse ---------------------------------------------------------


def reponse_a(recu: str, date: str, nature: str = "courrier", **champs: Any) -> Reponse:
    donnees = reponse(date=date, courrier_recu={"date": recu, "nature": nature}, **champs)
    return construire(donnees, Reponse)


@pytest.mark.parametrize(
    ("recu", "date", "nature"),
    [
        ("2024-02-26", "2024-03-18", "courrier"),  # 15 jours ouvrés
        ("2024-02-26", "2024-02-26", "courrier"),  # le jour même
        ("2024-03-18", "2024-02-26", "courrier"),  # datée avant : 0
        ("2024-02-26", "2024-03-04", "courriel"),  # 5 jours ouvrés
    ],
)
def test_reponse_dans_le_delai(recu: str, date: str, nature: str) -> None:
    assert controler(reponse_a(recu, date, nature)) == []


def test_reponse_tardive_courrier() -> None:
    # Du mardi 27 février au vendredi 22 mars : 4 + 5 + 5 + 5 = 19 jours ouvrés.
    avertissement = un_seul(reponse_a("2024-02-26", "2024-03-22"), "reponse_tardive")
    assert avertissement.message == (
        "réponse datée du 22/03/2024, 19 jours ouvrés après le courrier du 26/02/2024 (15 au plus)"
    )


def test_reponse_tardive_d_un_jour() -> None:
    avertissement = un_seul(reponse_a("2024-02-26", "2024-03-19"), "reponse_tardive")
    assert "16 jours ouvrés après le courrier du 26/02/2024 (15 au plus)" in avertissement.message


def test_reponse_tardive_courriel() -> None:
    # Du mardi 27 février au mardi 5 mars : 6 jours ouvrés.
    avertissement = un_seul(reponse_a("2024-02-26", "2024-03-05", "courriel"), "reponse_tardive")
    assert avertissement.message == (
        "réponse datée du 05/03/2024, 6 jours ouvrés après le courriel du 26/02/2024 (5 au plus)"
    )


def test_reponse_sans_courrier_recu() -> None:
    donnees = reponse(date="2024-12-31")
    del donnees["courrier_recu"]
    assert controler(construire(donnees, Reponse)) == []


def test_seuil_configure() -> None:
    # Du mardi 27 février au mardi 12 mars : 4 + 5 + 2 = 11 jours ouvrés.
    assert controler(reponse_a("2024-02-26", "2024-03-12")) == []
    document = reponse_a("2024-02-26", "2024-03-12", controles={"delai_reponse_courrier": 10})
    avertissement = un_seul(document, "reponse_tardive")
    assert avertissement.message.endswith(
        "11 jours ouvrés après le courrier du 26/02/2024 (10 au plus)"
    )


def test_seuil_configure_courriel() -> None:
    # Lundi 26 février → vendredi 1er mars : 4 jours ouvrés.
    assert controler(reponse_a("2024-02-26", "2024-03-01", "courriel")) == []
    document = reponse_a(
        "2024-02-26", "2024-03-01", "courriel", controles={"delai_reponse_courriel": 3}
    )
    assert "4 jours ouvrés après le courriel du 26/02/2024 (3 au plus)" in (
        un_seul(document, "reponse_tardive").message
    )


def test_jour_ferie_non_compte() -> None:
    # Courriel du vendredi 29 mars 2024 ; le lundi 1er avril (lundi de Pâques)
    # est férié : jusqu'au lundi 8 avril, 2, 3, 4, 5 et 8 avril = 5 jours ouvrés
    # (6 si le lundi de Pâques comptait).
    assert controler(reponse_a("2024-03-29", "2024-04-08", "courriel")) == []
    avertissement = un_seul(reponse_a("2024-03-29", "2024-04-09", "courriel"), "reponse_tardive")
    assert avertissement.message == (
        "réponse datée du 09/04/2024, 6 jours ouvrés après le courriel du 29/03/2024 (5 au plus)"
    )


def test_jours_feries_du_departement() -> None:
    # En Moselle, le Vendredi saint (29 mars 2024) est férié aussi : courriel
    # du jeudi 28 mars, réponse le lundi 8 avril : 5 jours ouvrés en Moselle,
    # 6 dans l'Allier.
    donnees = reponse(date="2024-04-08", courrier_recu={"date": "2024-03-28", "nature": "courriel"})
    assert codes(construire(donnees, Reponse)) == ["reponse_tardive"]
    donnees["emetteur"]["departement"] = "57"
    donnees["emetteur"]["pied_de_page"]["adresse"] = ["57000 METZ"]
    donnees["emetteur"]["ville"] = "Metz"
    assert controler(construire(donnees, Reponse)) == []


def test_delai_reponse_seulement_pour_une_reponse() -> None:
    # Un accusé de réception tardif n'a pas de courrier_recu : pas de contrôle.
    donnees = accuse_reception(date="2024-12-31")
    assert controler(construire(donnees, AccuseReception)) == []


# --- Ensemble -----------------------------------------------------------------


def test_tous_les_avertissements_dans_l_ordre() -> None:
    donnees = reponse(date="2024-03-22", corps="Bonjour.", pieces_jointes=["Notice"], controles={})
    sans_agent(donnees)
    avec_pied_de_page(donnees, None)
    assert codes(construire(donnees, Reponse)) == [
        "pieces_jointes_non_mentionnees",
        "sans_agent",
        "sans_coordonnees_service",
        "reponse_tardive",
    ]
    donnees = accuse_reception(pieces_jointes=["Notice"])
    del donnees["delai_traitement"]
    sans_agent(donnees)
    assert codes(construire(donnees, AccuseReception)) == [
        "pieces_jointes_non_mentionnees",
        "sans_agent",
        "sans_delai_traitement",
    ]


def test_avertissement_fige() -> None:
    avertissement = Avertissement("sans_agent", "aucun agent")
    with pytest.raises(dataclasses.FrozenInstanceError):
        avertissement.code = "autre"  # type: ignore[misc]
    assert str(avertissement) == "[sans_agent] aucun agent"


def test_en_erreurs() -> None:
    donnees = accuse_reception(pieces_jointes=["Notice"])
    del donnees["delai_traitement"]
    avertissements = controler(construire(donnees, AccuseReception))
    texte = en_erreurs(avertissements)
    lignes = texte.splitlines()
    assert lignes[0] == "2 avertissements (erreurs avec --strict) :"
    assert lignes[1].startswith("- [pieces_jointes_non_mentionnees] 1 pièce jointe listée")
    assert lignes[2] == (
        "- [sans_delai_traitement] accusé de réception sans délai de traitement "
        "(delai_traitement) : l'usager doit savoir quand attendre une réponse"
    )
    assert en_erreurs(avertissements[:1]).startswith("1 avertissement (erreur avec --strict) :\n")
    assert en_erreurs([]) == "aucun avertissement"
