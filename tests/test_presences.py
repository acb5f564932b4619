"""Recorded attendance: the rules of proxies and suppléants (décret
n° 2006-672, art. 10), the quorum (art. 11), the replies file, and what
the minutes, the attendance sheet and the reply forms show."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import RACINE
from courriers import documents
from courriers.cli import main
from courriers.donnees.compte_rendu import CompteRendu
from courriers.donnees.membre import Membre, RegleQuorum
from courriers.donnees.reunion import Quorum
from courriers.erreurs import ErreurDonnees
from courriers.francais.deliberations import quorum_atteint
from courriers.presences import quorum_de, verifier
from courriers.seance import contexte_compte_rendu, lire_reponses
from outils_texte import texte
from test_tableur import xlsx

EXEMPLES = RACINE / "exemples"
REUNION = EXEMPLES / "cce-vichy-charmeil-2025.json"
ATTENDUS = Path(__file__).resolve().parent / "attendus"


def membre(nom: str, **champs: Any) -> Membre:
    prenom, _, famille = nom.partition(" ")
    civilite = champs.pop("civilite", "Mme" if prenom in {"Claire", "Léa", "Anne"} else "M.")
    return Membre(
        civilite=civilite, prenom=prenom, nom=famille, adresse=["03000 MOULINS"], **champs
    )


def conflits(membres: list[Membre], regle: RegleQuorum | None = None) -> str:
    with pytest.raises(ErreurDonnees) as exc:
        verifier(membres, regle)
    assert exc.value.code == "donnees.conflits_presences"
    return exc.value.message


# --- proxies ------------------------------------------------------------------


def test_pouvoir_valide_a_un_membre_present() -> None:
    membres = [
        membre("Claire Dumas", presence="pouvoir", pouvoir_a="Paul Roux"),
        membre("Paul Roux", presence="present"),
    ]
    presences = verifier(membres)
    assert presences.mandataires == {0: membres[1]}


def test_nul_ne_detient_plus_d_un_mandat() -> None:
    membres = [
        membre("Claire Dumas", presence="pouvoir", pouvoir_a="Roux"),
        membre("Léa Martin", presence="pouvoir", pouvoir_a="Paul Roux"),
        membre("Paul Roux", presence="present"),
    ]
    message = conflits(membres)
    assert (
        "M. Paul ROUX reçoit 2 pouvoirs (Mme Claire DUMAS, Mme Léa MARTIN) : 1 au plus" in message
    )
    # Unless the body's own text allows more.
    assert verifier(membres, RegleQuorum(mandats_par_membre=2)).mandataires


def test_pouvoir_seulement_a_un_membre() -> None:
    membres = [
        membre("Claire Dumas", presence="pouvoir", pouvoir_a="Jean Inconnu"),
        membre("Paul Roux", presence="present"),
        membre("Léa Martin", presence="pouvoir", pouvoir_a="Karim Benali"),
        membre("Karim Benali", presence="present", membre=False),
    ]
    message = conflits(membres)
    assert (
        "Mme Claire DUMAS donne pouvoir à « Jean Inconnu » : n'est pas parmi les membres convoqués"
        in message
    )
    assert (
        "Mme Léa MARTIN donne pouvoir à « Karim Benali » : n'est pas membre de l'instance"
        in message
    )


def test_pas_de_pouvoir_de_quelqu_un_de_present() -> None:
    membres = [
        membre("Claire Dumas", presence="pouvoir", pouvoir_a="Paul Roux", emarge=True),
        membre("Paul Roux", presence="present"),
    ]
    assert "Mme Claire DUMAS donne pouvoir à « Paul Roux » : a émargé" in conflits(membres)


def test_pas_de_pouvoir_quand_le_suppleant_siege() -> None:
    membres = [
        membre("Claire Dumas", presence="pouvoir", pouvoir_a="Paul Roux"),
        membre("Paul Roux", presence="present"),
        membre("Luc Petit", siege="suppleant", suppleant_de="Claire Dumas", presence="present"),
    ]
    assert "son suppléant M. Luc PETIT est présent" in conflits(membres)


def test_pouvoir_a_un_absent_ou_a_soi_meme() -> None:
    membres = [
        membre("Claire Dumas", presence="pouvoir", pouvoir_a="Paul Roux"),
        membre("Paul Roux", presence="excuse"),
        membre("Léa Martin", presence="pouvoir", pouvoir_a="Léa Martin"),
    ]
    message = conflits(membres)
    assert "M. Paul ROUX n'est pas présent à la réunion" in message
    assert "un membre ne peut se donner pouvoir à lui-même" in message


def test_suppleant_d_un_titulaire_inconnu() -> None:
    membres = [membre("Luc Petit", siege="suppleant", suppleant_de="Anne Nulle")]
    assert "M. Luc PETIT, suppléant de « Anne Nulle » : aucun titulaire de ce nom" in conflits(
        membres
    )


# --- quorum ---------------------------------------------------------------------


def _atteint(quorum: Quorum) -> bool:
    return quorum_atteint(quorum.membres, quorum.presents or 0, quorum.mandats, quorum.proportion)


def test_quorum_des_presences_suppleants_et_mandats() -> None:
    membres = [
        membre("Claire Dumas", presence="supplee"),
        membre("Luc Petit", siege="suppleant", suppleant_de="Claire Dumas", presence="present"),
        membre("Paul Roux", presence="distance"),
        membre("Léa Martin", presence="pouvoir", pouvoir_a="Paul Roux"),
        membre("Anne Girard", presence="excuse"),
        membre("Karim Benali", presence="present", membre=False),
    ]
    quorum = quorum_de(verifier(membres), RegleQuorum())
    assert (quorum.membres, quorum.presents, quorum.mandats, _atteint(quorum)) == (4, 2, 1, True)
    assert _atteint(quorum_de(verifier(membres), RegleQuorum(mandats_comptes=False)))  # 2 of 4
    majorite = RegleQuorum(proportion="majorite", mandats_comptes=False)
    assert not _atteint(quorum_de(verifier(membres), majorite))  # 2 of 4: not more than half
    assert quorum_de(verifier(membres), RegleQuorum(nombre_membres=10)).membres == 10
    membres[1] = membres[1].model_copy(update={"presence": "excuse"})  # the suppléant is away
    assert not _atteint(quorum_de(verifier(membres), RegleQuorum(mandats_comptes=False)))


def _cr(presences: list[str], **reunion: Any) -> dict[str, Any]:
    donnees: dict[str, Any] = json.loads(REUNION.read_text(encoding="utf-8"))
    del donnees["reunion"]["tableur_convoques"], donnees["reunion"]["tableur_reponses"]
    donnees["reunion"]["convoques"] = [
        {"civilite": "M.", "nom": f"Membre{i}", "adresse": ["03000 MOULINS"], "presence": p}
        for i, p in enumerate(presences)
    ]
    donnees["reunion"].update(reunion)
    return donnees


def _texte_cr(donnees: dict[str, Any], dossier: Path) -> str:
    sortie = dossier / "cr.docx"
    documents.ecrire(documents.depuis_donnees(donnees, CompteRendu), sortie)
    return texte(sortie)


def test_compte_rendu_quorum_atteint_ou_non(tmp_path: Path) -> None:
    non = _texte_cr(_cr(["present", "excuse", "absent", "excuse", "absent"]), tmp_path)
    assert (
        "Le quorum n'étant pas atteint (1 membre présent sur 5), la commission consultative "
        "de l'environnement de l'aérodrome de Vichy-Charmeil sera de nouveau convoquée" in non
    )
    oui = _texte_cr(_cr(["present", "distance", "excuse", "absent"]), tmp_path)
    assert "Le quorum étant atteint (2 membres présents sur 4), la séance est ouverte." in oui
    seconde = _texte_cr(_cr(["present", "excuse"], regle_quorum={"sans_quorum": True}), tmp_path)
    assert "délibère valablement sans condition de quorum (1 membre présent sur 2)" in seconde


def test_quorum_donne_explicitement_garde() -> None:
    donnees = _cr(["present", "excuse"], quorum={"membres": 30, "presents": 20})
    reunion = contexte_compte_rendu(documents.depuis_donnees(donnees, CompteRendu))["reunion"]
    assert (reunion.quorum.membres, reunion.quorum.presents) == (30, 20)


def test_listes_explicites_gardees() -> None:
    donnees = _cr(["present", "excuse"])
    donnees["reunion"]["presents"] = [{"participants": [{"civilite": "Mme", "nom": "Seule"}]}]
    reunion = contexte_compte_rendu(documents.depuis_donnees(donnees, CompteRendu))["reunion"]
    assert [p.nom for g in reunion.presents for p in g.participants] == ["Seule"]
    assert reunion.excuses == []


# --- the replies file -------------------------------------------------------------


def test_fichier_des_reponses_relu(tmp_path: Path) -> None:
    membres = [membre("Claire Dumas"), membre("Paul Roux")]
    chemin = xlsx(
        tmp_path / "r.xlsx",
        [
            ["Nom", "Prénom", "Réponse", "Pouvoir à", "Date de réponse"],
            ["DUMAS", "Claire", "Pouvoir", "Paul Roux", "02/06/2025"],
            ["Roux", "Paul", "Présent(e)", None, None],
            ["Martin", "Léa", None, None, None],
        ],
        feuille="Réponses",
    )
    claire, paul = lire_reponses(chemin, membres)
    assert (claire.presence, claire.pouvoir_a, paul.presence) == ("pouvoir", "Paul Roux", "present")


def test_reponse_d_un_inconnu_ou_incoherente(tmp_path: Path) -> None:
    chemin = xlsx(
        tmp_path / "r.xlsx",
        [
            ["Prénom", "Nom", "Réponse"],
            ["Jean", "Nulle", "présent"],
            ["Claire", "Dumas", "pouvoir"],
        ],
    )
    with pytest.raises(ErreurDonnees) as exc:
        lire_reponses(chemin, [membre("Claire Dumas")])
    assert exc.value.code == "donnees.reponse_inconnue"
    assert "ligne 2 : « Jean Nulle » désigne aucun convoqué" in exc.value.message
    assert "ligne 3 : « pouvoir » sans le nom du membre" in exc.value.message


# --- the documents of the bundled example -----------------------------------------


@pytest.mark.parametrize(
    ("commande", "attendu"),
    [
        ("cr", "cce-vichy-charmeil-2025-cr"),
        ("emargement", "cce-vichy-charmeil-2025-emargement"),
    ],
)
def test_texte_de_reference(commande: str, attendu: str, tmp_path: Path) -> None:
    """Golden texts; after a deliberate change, rewrite tests/attendus/<nom>.txt."""
    sortie = tmp_path / f"{attendu}.docx"
    assert main([commande, str(REUNION), "-o", str(sortie)]) == 0
    assert texte(sortie) + "\n" == (ATTENDUS / f"{attendu}.txt").read_text(encoding="utf-8")


def test_le_compte_rendu_liste_les_pouvoirs_et_le_quorum(tmp_path: Path) -> None:
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(REUNION), "-o", str(sortie)]) == 0
    lu = texte(sortie)
    assert "Mme Nadia KESSLER, ayant donné pouvoir à M. Hugo DELORME," in lu
    assert "M. Julien FERRAND, représenté par Mme Agnès LEMOINE, sa suppléante," in lu
    assert (
        "Le quorum étant atteint (15 membres présents et 4 ayant donné mandat, sur 24), "
        "la séance est ouverte." in lu
    )


def test_coupons_reponses_pre_remplis(tmp_path: Path) -> None:
    dossier = tmp_path / "coupons"
    assert main(["coupon-reponse", str(REUNION), "-o", str(dossier)]) == 0
    fichiers = sorted(dossier.iterdir())
    assert len(fichiers) == 28
    ferrand = texte(dossier / "coupon-reponse-01-ferrand-julien.docx")
    assert (
        "Je soussigné, M. Julien FERRAND, directeur de l'aérodrome de Vichy-Charmeil :" in ferrand
    )
    assert "serai représenté par ma suppléante, Mme Agnès LEMOINE ;" in ferrand
    assert "À retourner avant le mercredi 4 juin 2025" in ferrand
    assert "nul ne peut détenir plus d'un mandat (décret n° 2006-672" in ferrand
    suppleante = next(f for f in fichiers if "lemoine" in f.name)
    lu = texte(suppleante)
    assert "suppléante de M. Julien FERRAND :" in lu and "donne pouvoir" not in lu


def test_les_quatre_documents_par_les_commandes_du_readme(tmp_path: Path) -> None:
    readme = (RACINE / "README.md").read_text(encoding="utf-8")
    commandes = [
        ligne.strip()
        for ligne in readme.splitlines()
        if ligne.strip().startswith("python -m courriers")
        and "cce-vichy-charmeil" in ligne
        and "--courriels" not in ligne  # docs/courriels.md: tested in test_courriels
    ]
    vues = {c.split()[3] for c in commandes}
    assert {"convocation", "coupon-reponse", "emargement", "cr"} <= vues
    for commande in commandes:
        arguments = commande.split()[3:]
        arguments = [str(RACINE / a) if a.startswith("exemples/") else a for a in arguments]
        assert main([*arguments, "-o", str(tmp_path / arguments[0])]) == 0, commande
