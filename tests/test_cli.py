"""The command line: outputs, French messages, exit codes, and never a
partial or lost file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import EXEMPLE
from courriers.cli import main
from outils_texte import texte


def ecrire_json(chemin: Path, donnees: Any) -> Path:
    chemin.write_text(json.dumps(donnees, ensure_ascii=False), encoding="utf-8")
    return chemin


def test_sortie_par_defaut_a_cote_des_donnees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees = shutil.copy(EXEMPLE, tmp_path / "reunion.json")
    assert main(["cr", str(donnees)]) == 0
    assert (tmp_path / "reunion.docx").is_file()
    assert "écrit" in capsys.readouterr().out


def test_sortie_choisie(tmp_path: Path) -> None:
    assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 0
    assert "COMPTE-RENDU" in texte(tmp_path / "cr.docx")


def test_yaml_accepte(tmp_path: Path) -> None:
    import yaml

    donnees = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    fichier = tmp_path / "reunion.yaml"
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    assert main(["cr", str(fichier)]) == 0
    assert "COMPTE-RENDU" in texte(tmp_path / "reunion.docx")


def test_aide_en_francais(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cr", "--help"]) == 0
    aide = capsys.readouterr().out
    assert "usage :" in aide
    assert "document DOCX à écrire" in aide
    assert "affiche cette aide" in aide


def test_usage_incorrect(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cr"]) == 2
    assert "arguments obligatoires manquants" in capsys.readouterr().err


def test_json_mal_forme_ligne_et_colonne(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fichier = tmp_path / "reunion.json"
    fichier.write_text(
        '{\n  "date": "2022-03-08",\n  "objet": "x"\n  "reunion": {}\n}\n',
        encoding="utf-8",
    )
    assert main(["cr", str(fichier)]) == 3
    erreur = capsys.readouterr().err
    assert "ligne 4, colonne 3" in erreur
    assert "JSON mal formé (virgule attendue)" in erreur
    assert not (tmp_path / "reunion.docx").exists()


def test_yaml_mal_forme_ligne_et_colonne(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fichier = tmp_path / "reunion.yaml"
    fichier.write_text("date: 2022-03-08\nreunion: [a, b\n", encoding="utf-8")
    assert main(["cr", str(fichier)]) == 3
    assert "YAML mal formé" in capsys.readouterr().err


def test_champ_manquant_et_valeur_invalide_avec_leur_chemin(
    tmp_path: Path, donnees_exemple: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    del donnees_exemple["signataire"]["qualite"]
    donnees_exemple["reunion"]["presents"][1]["participants"][2]["civilite"] = "Mr"
    donnees_exemple["reunion"]["date"] = "28/02/2022"
    fichier = ecrire_json(tmp_path / "reunion.json", donnees_exemple)
    assert main(["cr", str(fichier)]) == 3
    erreur = capsys.readouterr().err
    assert "3 erreurs de données" in erreur
    assert "signataire.qualite : champ obligatoire absent" in erreur
    assert (
        "reunion.presents[1].participants[2].civilite : civilité inconnue « Mr » ; "
        "attendu : « M. », « Mme », « MM. »" in erreur
    )
    assert (
        'reunion.date : date attendue au format AAAA-MM-JJ (2022-02-28) ; reçu : "28/02/2022"'
        in erreur
    )


def test_champ_inconnu_refuse(
    tmp_path: Path, donnees_exemple: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    donnees_exemple["reunion"]["président"] = donnees_exemple["reunion"]["president"]
    fichier = ecrire_json(tmp_path / "reunion.json", donnees_exemple)
    assert main(["cr", str(fichier)]) == 3
    assert "reunion.président : champ inconnu" in capsys.readouterr().err


def test_departement_inconnu(
    tmp_path: Path, donnees_exemple: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    donnees_exemple["emetteur"]["departement"] = "99"
    fichier = ecrire_json(tmp_path / "reunion.json", donnees_exemple)
    assert main(["cr", str(fichier)]) == 3
    assert "emetteur.departement : code de département inconnu" in capsys.readouterr().err


def test_personne_sans_nom_ni_fonction(
    tmp_path: Path, donnees_exemple: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    donnees_exemple["reunion"]["excuses"] = [
        {"participants": [{"civilite": "Mme", "prenom": "Léa"}]}
    ]
    fichier = ecrire_json(tmp_path / "reunion.json", donnees_exemple)
    assert main(["cr", str(fichier)]) == 3
    assert (
        "reunion.excuses[0].participants[0] : une personne doit avoir un nom"
        in capsys.readouterr().err
    )


def test_fichier_introuvable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cr", str(tmp_path / "absent.json")]) == 3
    assert "fichier introuvable" in capsys.readouterr().err


def test_un_echec_laisse_intacte_la_sortie_precedente(
    tmp_path: Path, donnees_exemple: dict[str, Any]
) -> None:
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie)]) == 0
    avant = sortie.read_bytes()
    donnees_exemple["reunion"]["heure_debut"] = "25:00"
    fichier = ecrire_json(tmp_path / "reunion.json", donnees_exemple)
    assert main(["cr", str(fichier), "-o", str(sortie)]) == 3
    assert sortie.read_bytes() == avant
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.docx", "reunion.json"]


def test_un_modele_en_erreur_ne_laisse_aucun_fichier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document

    modele = tmp_path / "modele.docx"
    document = Document()
    document.add_paragraph("{{ reunion.salle }}")
    document.save(str(modele))
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 4
    assert "variable inconnue" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["modele.docx"]


def test_dossier_de_sortie_absent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "absent" / "cr.docx")]) == 5
    assert "impossible d'écrire dans le dossier" in capsys.readouterr().err


def test_la_sortie_n_ecrase_pas_les_donnees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees = shutil.copy(EXEMPLE, tmp_path / "reunion.json")
    assert main(["cr", str(donnees), "-o", str(donnees)]) == 3
    assert json.loads(Path(donnees).read_text(encoding="utf-8"))["date"] == "2022-03-08"
