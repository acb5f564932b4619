"""Replies, acknowledgements of receipt and service letters: golden texts,
forms of address, legal mentions, checks, command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import RACINE
from courriers import ecrire
from courriers.cli import main
from courriers.documents import depuis_donnees
from courriers.donnees.courrier import AccuseReception, Reponse
from outils_texte import texte

EXEMPLES = RACINE / "exemples"
ATTENDUS = Path(__file__).resolve().parent / "attendus"

VARIANTES = [
    ("reponse", "reponse-maire"),
    ("accuse-reception", "accuse-reception-titre-sejour"),
    ("service", "courrier-service-ddt"),
    ("message", "message-cabinet-maires"),
    ("bordereau", "bordereau-sous-prefecture"),
    ("reponse", "lettre-signature-fonction"),
    ("service", "lettre-prefet-region"),
]


@pytest.mark.parametrize(("commande", "nom"), VARIANTES)
def test_texte_de_reference(commande: str, nom: str, tmp_path: Path) -> None:
    """Golden text of each example; after a deliberate change, rewrite
    tests/attendus/<nom>.txt from the new output and review the diff."""
    sortie = tmp_path / f"{nom}.docx"
    assert main([commande, str(EXEMPLES / f"{nom}.json"), "-o", str(sortie)]) == 0
    attendu = (ATTENDUS / f"{nom}.txt").read_text(encoding="utf-8")
    assert texte(sortie) + "\n" == attendu


def donnees(nom: str) -> dict[str, Any]:
    resultat: dict[str, Any] = json.loads((EXEMPLES / f"{nom}.json").read_text(encoding="utf-8"))
    return resultat


def rendu(donnees_: dict[str, Any], classe: Any, dossier: Path) -> str:
    sortie = dossier / "lettre.docx"
    ecrire(depuis_donnees(donnees_, classe), sortie)
    return texte(sortie)


@pytest.mark.parametrize(
    ("correspondant", "appel", "politesse"),
    [
        (
            {"civilite": "Mme", "prenom": "Isabelle", "nom": "Martin", "qualite_formules": "maire"},
            "Madame la Maire,",
            "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération.",
        ),
        (
            {"civilite": "M.", "prenom": "Marc", "nom": "Fabre", "qualite_formules": "depute"},
            "Monsieur le Député,",
            "Je vous prie d'agréer, Monsieur le Député, l'expression de ma haute considération.",
        ),
        (
            {"civilite": "Mme", "prenom": "Léa", "nom": "Petit", "qualite_formules": "particulier"},
            "Madame,",
            "Je vous prie d'agréer, Madame, l'expression de ma considération distinguée.",
        ),
        (
            {"civilite": "M.", "prenom": "Paul", "nom": "Girard", "qualite_formules": "avocat"},
            "Maître,",
            "Je vous prie d'agréer, Maître, l'assurance de ma considération distinguée.",
        ),
        (
            {"civilite": "M.", "qualite_formules": "groupe"},
            "Madame, Monsieur,",
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée.",
        ),
    ],
)
def test_formules_selon_le_correspondant(
    correspondant: dict[str, Any], appel: str, politesse: str, tmp_path: Path
) -> None:
    lettre = donnees("reponse-maire")
    lettre["correspondant"] = {
        **correspondant,
        "adresse": ["Conseil municipal", "Place de la Mairie", "03000 MOULINS"],
    }
    lignes = rendu(lettre, Reponse, tmp_path).splitlines()
    assert appel in lignes
    assert politesse in lignes


def test_adresse_du_maitre_et_du_groupe(tmp_path: Path) -> None:
    lettre = donnees("reponse-maire")
    lettre["correspondant"] = {
        "civilite": "M.",
        "qualite_formules": "groupe",
        "adresse": ["Conseil municipal de Vichy", "Hôtel de ville", "03200 VICHY"],
    }
    lu = rendu(lettre, Reponse, tmp_path)
    assert "Moulins, le 20/03/2024\nConseil municipal de Vichy\nHôtel de ville\n03200 VICHY\n" in lu


def test_delegation_au_feminin_et_au_masculin(tmp_path: Path) -> None:
    lettre = donnees("reponse-maire")
    assert "Pour la préfète et par délégation,\nLe secrétaire général," in rendu(
        lettre, Reponse, tmp_path
    )
    lettre["emetteur"]["civilite_prefet"] = "M."
    assert "Pour le préfet et par délégation," in rendu(lettre, Reponse, tmp_path)


def test_date_de_decision_implicite_par_dela_un_jour_ferie(tmp_path: Path) -> None:
    accuse = donnees("accuse-reception-titre-sejour")
    accuse["demande"]["date_reception"] = "2024-03-28"  # jeudi avant Pâques
    accuse["procedure"] = {
        "silence": "acceptation",
        "delai": {"valeur": 2, "unite": "jours_ouvres"},
    }
    accuse["delai_traitement"] = {"valeur": 3, "unite": "jours_ouvres"}
    lu = rendu(accuse, AccuseReception, tmp_path)
    # vendredi 29 mars (1), lundi 1er avril férié, mardi 2 avril (2), mercredi 3 avril (3)
    assert (
        "En l'absence de réponse de l'administration au 2 avril 2024, votre demande sera réputée acceptée."
        in lu
    )
    assert "d'ici le 3 avril 2024." in lu
    accuse["emetteur"]["departement"] = "57"  # Vendredi saint férié en Moselle
    lu = rendu(accuse, AccuseReception, tmp_path)
    assert "au 3 avril 2024, votre demande sera réputée acceptée" in lu


def test_silence_vaut_rejet_exige_les_voies_de_recours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accuse = donnees("accuse-reception-titre-sejour")
    accuse["procedure"]["voies_de_recours"] = ""
    fichier = tmp_path / "ar.json"
    fichier.write_text(json.dumps(accuse), encoding="utf-8")
    assert main(["accuse-reception", str(fichier)]) == 3
    assert (
        "procedure : le silence vaut rejet : indiquer « voies_de_recours »"
        in capsys.readouterr().err
    )
    assert not (tmp_path / "ar.docx").exists()


def test_mentions_de_l_accuse_de_reception(tmp_path: Path) -> None:
    lu = rendu(donnees("accuse-reception-titre-sejour"), AccuseReception, tmp_path)
    assert "J'ai bien reçu, le 27 mars 2024, votre demande de carte de séjour pluriannuelle." in lu
    assert "Votre dossier est suivi par : Bureau de la nationalité et des étrangers" in lu
    assert "2 rue Michel de l'Hospital, CS 31649, 03016 MOULINS CEDEX" in lu
    assert "tél. : 04 70 48 30 00 – pref-etrangers@allier.gouv.fr" in lu
    assert "au 27 juillet 2024, votre demande sera réputée rejetée" in lu
    assert "tribunal administratif de Clermont-Ferrand" in lu


def test_en_tete_de_service_accorde(tmp_path: Path) -> None:
    from courriers.donnees.courrier import CourrierService

    lettre = donnees("courrier-service-ddt")
    lettre["emetteur"]["civilite_prefet"] = "Mme"
    lettre["destinataire"] = {
        "civilite": "Mme",
        "fonction": "directeur départemental des territoires",
    }
    del lettre["sous_couvert"]
    lu = rendu(lettre, CourrierService, tmp_path)
    assert (
        "La préfète de l'Allier\nà\nMadame la directrice départementale des territoires\nNos réf."
        in lu
    )
    assert "Je vous prie" not in lu


# --- checks through the command line ----------------------------------------------


def test_avertissements_puis_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lettre = donnees("reponse-maire")
    lettre["corps"] = "Votre demande est acceptée."
    lettre["date"] = "2024-04-10"
    fichier = tmp_path / "reponse.json"
    fichier.write_text(json.dumps(lettre), encoding="utf-8")
    assert main(["reponse", str(fichier)]) == 0
    erreur = capsys.readouterr().err
    assert "courriers : avertissement : 2 pièces jointes listées" in erreur
    assert (
        "réponse datée du 10/04/2024, 26 jours ouvrés après le courrier du 04/03/2024 (15 au plus)"
        in erreur
    )
    (tmp_path / "reponse.docx").unlink()
    assert main(["reponse", str(fichier), "--strict"]) == 6
    assert "2 avertissements (erreurs avec --strict)" in capsys.readouterr().err
    assert not (tmp_path / "reponse.docx").exists()


def test_exemples_sans_avertissement(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for commande, nom in VARIANTES:
        assert (
            main(
                [
                    commande,
                    str(EXEMPLES / f"{nom}.json"),
                    "-o",
                    str(tmp_path / "x.docx"),
                    "--strict",
                ]
            )
            == 0
        )
    assert "avertissement" not in capsys.readouterr().err


def test_un_courrier_par_correspondant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dossier = tmp_path / "reponses"
    assert (
        main(
            [
                "reponse",
                str(EXEMPLES / "reponse-maire.json"),
                "--correspondants",
                str(EXEMPLES / "correspondants.csv"),
                "-o",
                str(dossier),
            ]
        )
        == 0
    )
    noms = sorted(p.name for p in dossier.iterdir())
    assert noms == [
        "reponse-1-martin-isabelle.docx",
        "reponse-2-fabre-marc.docx",
        "reponse-3-benali-karim.docx",
        "reponse-4-girard-paul.docx",
        "reponse-5.docx",
    ]
    assert "Monsieur le Député," in texte(dossier / noms[1]).splitlines()
    assert "Maître Paul GIRARD\nCabinet Girard" in texte(dossier / noms[3])
    assert "Madame, Monsieur," in texte(dossier / noms[4]).splitlines()
    assert "5 courriers écrits" in capsys.readouterr().out


def test_liste_de_correspondants_invalide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    liste = tmp_path / "liste.csv"
    liste.write_text(
        "civilite;prenom;nom;qualite_formules;adresse_1;adresse_2\n"
        "Mme;Léa;Petit;particulier;1 rue Haute;03000 MOULINS\n"
        "Mr;Jean;Durand;particulier;2 rue Basse;03000 MOULINS\n",
        encoding="utf-8",
    )
    dossier = tmp_path / "reponses"
    code = main(
        [
            "reponse",
            str(EXEMPLES / "reponse-maire.json"),
            "--correspondants",
            str(liste),
            "-o",
            str(dossier),
        ]
    )
    assert code == 3
    erreur = capsys.readouterr().err
    assert "ligne 3" in erreur
    assert "civilite" in erreur
    assert not dossier.exists()
