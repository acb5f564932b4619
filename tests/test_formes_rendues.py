"""The rows of the table of French forms marked ``rendu``, seen in rendered
minutes read back with docx2python: the persons of the rows in the
distribution list, the organisations after « représentant », the
départements in the bloc-marque."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from conftest import rendre_dict
from formes_francaises import FORMES, Forme
from outils_texte import lignes_comparables, texte

RENDUES = [f for f in FORMES if f.rendu]


def _personne(forme: Forme) -> dict[str, Any]:
    if forme.helper in ("Mme", "M."):
        return {"civilite": forme.helper, "fonction": forme.entree}
    assert forme.helper == "de", forme
    return {"civilite": "M.", "fonction": "représentant", "organisme": forme.entree}


def _ligne_attendue(forme: Forme) -> str:
    if forme.helper == "de":
        return f"M. le représentant {forme.attendu}"
    return forme.attendu


@pytest.fixture(scope="module")
def lignes_diffusion(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    import json

    from conftest import EXEMPLE

    donnees = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    personnes = [_personne(f) for f in RENDUES if f.helper != "bloc"]
    donnees["destinataires"] = [{"titre": None, "destinataires": personnes}]
    chemin = rendre_dict(donnees, tmp_path_factory.mktemp("formes"))
    return [ligne.rstrip(",.") for ligne in lignes_comparables(texte(chemin))]


def test_assez_de_formes_rendues() -> None:
    assert len(RENDUES) >= 30


@pytest.mark.parametrize(
    "forme", [f for f in RENDUES if f.helper != "bloc"], ids=lambda f: f.entree[:40]
)
def test_forme_dans_la_liste_de_diffusion(forme: Forme, lignes_diffusion: list[str]) -> None:
    assert _ligne_attendue(forme) in lignes_diffusion, f"{forme.regle} ({forme.source})"


@pytest.mark.parametrize(
    "forme", [f for f in RENDUES if f.helper == "bloc"], ids=lambda f: f.entree
)
def test_departement_dans_le_bloc_marque(
    forme: Forme, donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees = copy.deepcopy(donnees_exemple)
    donnees["emetteur"]["departement"] = forme.entree
    lu = texte(rendre_dict(donnees, tmp_path))
    fonction, _, ressort = forme.attendu.partition(" ")
    assert lu.startswith(f"{fonction}\n{ressort}\n"), f"{forme.regle} ({forme.source})"


def test_options_apostrophe_et_midi(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["options"] = {"apostrophe": "typographique", "midi_minuit": True}
    donnees_exemple["reunion"]["heure_debut"] = "12:00"
    donnees_exemple["destinataires"] = [
        {"destinataires": [{"civilite": "Mme", "fonction": "ambassadeur"}]}
    ]
    lu = texte(rendre_dict(donnees_exemple, tmp_path))
    assert lu.startswith("PRÉFET\nDE L’ALLIER\n")
    assert "Le 28 février 2022 à midi, s’est tenu le comité local des usagers" in lu
    assert "Mme l’ambassadrice" in lu
    # the user's own text keeps its apostrophes
    assert "présentation de la démarche qualité" in lu
    assert "Résultats de l'enquête de satisfaction usagers 2021." in lu


def test_options_par_defaut_apostrophe_droite(cr_exemple: Path) -> None:
    lu = texte(cr_exemple)
    assert "’" not in lu.split("\n", 2)[1]
    assert "à 10h30, s'est tenu" in lu


def test_filtre_dans_le_departement() -> None:
    from courriers.donnees.emetteur import Emetteur
    from courriers.moteur.environnement import environnement

    modele = environnement().from_string("{{ e|dans_le_departement }}")
    for code, attendu in (("84", "en Vaucluse"), ("03", "dans l'Allier")):
        emetteur = Emetteur.model_validate(
            {"departement": code, "ville": "Avignon", "services": ["Cabinet"]}
        )
        assert modele.render(e=emetteur) == attendu


def test_formes_dans_un_courrier_de_service(tmp_path: Path) -> None:
    """The same rules in a service letter: the authority of Vaucluse, the
    recipient and the « sous couvert » agreed, elided and contracted."""
    import json

    from conftest import RACINE
    from courriers import ecrire
    from courriers.documents import depuis_donnees
    from courriers.donnees.courrier import CourrierService

    chemin = RACINE / "exemples" / "courrier-service-ddt.json"
    lettre = json.loads(chemin.read_text(encoding="utf-8"))
    lettre["emetteur"]["departement"] = "84"
    lettre["emetteur"]["civilite_prefet"] = "Mme"
    lettre["destinataire"] = {"civilite": "Mme", "fonction": "directeur de cabinet adjoint"}
    lettre["sous_couvert"] = {
        "civilite": "M.",
        "fonction": "délégué départemental",
        "organisme": "Les Restaurants du Cœur",
    }
    sortie = tmp_path / "lettre.docx"
    ecrire(depuis_donnees(lettre, CourrierService), sortie)
    lu = texte(sortie)
    assert lu.startswith("PRÉFÈTE\nDE VAUCLUSE\n")
    assert (
        "La préfète de Vaucluse\nà\nMadame la directrice de cabinet adjointe\n"
        "S/c de Monsieur le délégué départemental des Restaurants du Cœur\n"
    ) in lu


def test_midi_dans_le_bloc_d_ouverture(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    donnees_exemple["options"] = {"ouverture": "bloc", "midi_minuit": True}
    donnees_exemple["reunion"]["heure_debut"] = "12:00"
    assert "Date : 28 février 2022, à midi" in texte(rendre_dict(donnees_exemple, tmp_path))
