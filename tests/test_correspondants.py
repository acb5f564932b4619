"""The list of correspondents of a batch of letters: CSV exported from a
spreadsheet (``;`` or ``,``, BOM or not), JSON or YAML list; every problem
of every correspondent reported at once, with its line and person."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
import yaml

from courriers.correspondants import COLONNES, charger_correspondants
from courriers.donnees.destinataire import Destinataire
from courriers.erreurs import ErreurDonnees

ENTETE = (
    "civilite;prenom;nom;fonction;organisme;telephone;courriel;qualite_formules;"
    "formule_appel;niveau;adresse_1;adresse_2;adresse_3;adresse_4;adresse_5"
)

#: Three correspondents with addresses of 2, 3 and 4 lines (French Excel).
CSV_POINT_VIRGULE = (
    ENTETE
    + "\n"
    + "Mme;Claire;Dumas;;;04 70 48 30 74;claire.dumas@example.fr;;;;"
    + "12 rue Pasteur;03000 MOULINS;;;\n"
    + "M.;Paul;Girard;;;;;avocat;Maître et cher confrère,;;"
    + "Cabinet Girard;4 place d'Allier;03000 MOULINS;;\n"
    + "Mme;Anne;Martin;directrice des services;la mairie de Vichy;;;maire;;haute_consideration;"
    + "Mairie de Vichy;Hôtel de ville;CS 92158;03201 VICHY CEDEX;\n"
)

#: Same people as JSON / YAML items.
LISTE = [
    {
        "civilite": "Mme",
        "prenom": "Claire",
        "nom": "Dumas",
        "adresse": ["12 rue Pasteur", "03000 MOULINS"],
    },
    {
        "civilite": "M.",
        "prenom": "Paul",
        "nom": "Girard",
        "qualite_formules": "avocat",
        "adresse": ["Cabinet Girard", "4 place d'Allier", "03000 MOULINS"],
    },
]


def ecrire(dossier: Path, nom: str, texte: str, bom: bool = False) -> Path:
    """``texte`` written in UTF-8 as ``dossier/nom`` (with a BOM if asked)."""
    chemin = dossier / nom
    chemin.write_bytes((codecs.BOM_UTF8 if bom else b"") + texte.encode("utf-8"))
    return chemin


def message(chemin: Path) -> str:
    """The message of the error raised when loading ``chemin``."""
    with pytest.raises(ErreurDonnees) as erreur:
        charger_correspondants(chemin)
    return erreur.value.message


# --- Valid files --------------------------------------------------------------


def test_csv_point_virgule_avec_bom(tmp_path: Path) -> None:
    chemin = ecrire(tmp_path, "liste.csv", CSV_POINT_VIRGULE.replace("\n", "\r\n"), bom=True)
    dumas, girard, martin = charger_correspondants(chemin)

    assert dumas.civilite == "Mme"  # no BOM glued to the first column name
    assert dumas.ligne_nom() == "Madame Claire DUMAS"
    assert dumas.adresse == ["12 rue Pasteur", "03000 MOULINS"]
    assert dumas.telephone == "04 70 48 30 74"
    assert dumas.fonction is None  # empty cell: absent
    assert dumas.qualite_formules == "particulier"  # empty cell: the default
    assert girard.ligne_nom() == "Maître Paul GIRARD"
    assert girard.adresse == ["Cabinet Girard", "4 place d'Allier", "03000 MOULINS"]
    assert girard.formule_appel == "Maître et cher confrère,"
    assert martin.adresse == ["Mairie de Vichy", "Hôtel de ville", "CS 92158", "03201 VICHY CEDEX"]
    assert martin.qualite_formules == "maire"
    assert martin.niveau == "haute_consideration"
    assert martin.organisme == "la mairie de Vichy"


def test_csv_virgule_entete_libre_et_adresse_a_trous(tmp_path: Path) -> None:
    chemin = ecrire(
        tmp_path,
        "liste.csv",
        " Civilité , Prénom ,NOM,Adresse_1,adresse_2,adresse_3\n"
        'M.,Jean,Durand,"Résidence Les Tilleuls, bât. B",,03100 MONTLUÇON\n'
        ",,,,,\n"  # an empty line of the spreadsheet: ignored
        "Mme,Claire,Dumas,12 rue Pasteur,03000 MOULINS,\n",
    )
    durand, dumas = charger_correspondants(chemin)

    assert durand.ligne_nom() == "Monsieur Jean DURAND"
    assert durand.adresse == ["Résidence Les Tilleuls, bât. B", "03100 MONTLUÇON"]
    assert dumas.adresse == ["12 rue Pasteur", "03000 MOULINS"]


def test_liste_json(tmp_path: Path) -> None:
    chemin = ecrire(tmp_path, "liste.json", json.dumps(LISTE, ensure_ascii=False))
    correspondants = charger_correspondants(chemin)

    assert correspondants == [Destinataire.model_validate(d) for d in LISTE]
    assert correspondants[1].ligne_nom() == "Maître Paul GIRARD"


@pytest.mark.parametrize("extension", [".yaml", ".yml"])
def test_liste_yaml(tmp_path: Path, extension: str) -> None:
    chemin = ecrire(tmp_path, f"liste{extension}", yaml.safe_dump(LISTE, allow_unicode=True))

    assert charger_correspondants(chemin) == [Destinataire.model_validate(d) for d in LISTE]


# --- Errors -------------------------------------------------------------------


def test_colonne_inconnue(tmp_path: Path) -> None:
    chemin = ecrire(
        tmp_path,
        "liste.csv",
        "civilite;nom;Ville;adresse_1;adresse_2\nMme;Dumas;Moulins;12 rue Pasteur;03000 MOULINS\n",
    )
    texte = message(chemin)

    assert texte.startswith(f"{chemin}, ligne 1 (en-tête) : colonne inconnue : « Ville »")
    assert "colonnes acceptées : " + ", ".join(COLONNES) in texte


def test_toutes_les_erreurs_de_toutes_les_lignes(tmp_path: Path) -> None:
    trop_longue = "Résidence du Parc des Sports bâtiment C escalier 4"
    assert len(trop_longue) == 50
    chemin = ecrire(
        tmp_path,
        "liste.csv",
        ENTETE.replace(";", ",")
        + "\n"
        + "Mme,Anne,Martin,,,,,,,,12 rue Pasteur,03000 MOULINS,,,\n"  # line 2: valid
        + "Mr,Jean,Martin,,,,,,,,8 rue de Paris,03000 MOULINS,,,\n"  # line 3
        + f"Mme,Claire,Dumas,,,,,,,,{trop_longue},03000 MOULINS,,,\n",  # line 4
    )
    texte = message(chemin)
    lignes = texte.splitlines()

    assert lignes[0] == f"{chemin} : 2 erreurs de données (2 correspondants sur 3)"
    assert lignes[1] == (
        "  - ligne 3 (Jean Martin) : civilite : valeur attendue parmi : « M. », « Mme » ; "
        'reçu : "Mr"'
    )
    assert lignes[2].startswith("  - ligne 4 (Madame Claire DUMAS) : adresse de Madame")
    assert f"ligne 2 (adresse_1) : {len(trop_longue)} caractères, 38 au plus" in lignes[2]
    assert len(lignes) == 3


def test_erreurs_json_reperees_par_index(tmp_path: Path) -> None:
    liste = [*LISTE, {"civilite": "Mme", "nom": "Dumas", "adresse": "03000 MOULINS"}]
    texte = message(ecrire(tmp_path, "liste.json", json.dumps(liste)))

    assert "  - [2] (Madame DUMAS) : adresse : liste attendue" in texte


def test_csv_sans_correspondant(tmp_path: Path) -> None:
    chemin = ecrire(tmp_path, "liste.csv", ENTETE + "\n", bom=True)

    assert message(chemin) == f"aucun correspondant dans {chemin}"


def test_liste_json_vide(tmp_path: Path) -> None:
    chemin = ecrire(tmp_path, "liste.json", "[]")

    assert message(chemin) == f"aucun correspondant dans {chemin}"


def test_json_objet_au_lieu_d_une_liste(tmp_path: Path) -> None:
    chemin = ecrire(tmp_path, "liste.json", json.dumps(LISTE[0]))
    texte = message(chemin)

    assert texte.startswith(f"{chemin} : liste de correspondants attendue")
    assert texte.endswith("reçu : un objet (entre accolades { })")


def test_csv_pas_en_utf8(tmp_path: Path) -> None:
    chemin = tmp_path / "liste.csv"
    chemin.write_bytes("civilite;prénom\n".encode("cp1252"))

    assert message(chemin) == f"{chemin} : le fichier n'est pas en UTF-8 (octet 11)"


def test_csv_introuvable(tmp_path: Path) -> None:
    chemin = tmp_path / "absent.csv"

    assert message(chemin) == f"{chemin} : fichier introuvable"


def test_extension_inconnue(tmp_path: Path) -> None:
    chemin = ecrire(tmp_path, "liste.txt", CSV_POINT_VIRGULE)

    assert "extension « .txt » non prise en charge" in message(chemin)


def test_identite_trop_longue_nommee_par_sa_colonne(tmp_path: Path) -> None:
    """A CSV line whose function cannot fit the two identity lines: the
    problem names the line of the file and the column."""
    from courriers.correspondants import charger_correspondants
    from courriers.erreurs import ErreurDonnees

    liste = tmp_path / "liste.csv"
    liste.write_text(
        "civilite;fonction;adresse_1\n"
        "M.;directeur départemental de l'emploi, du travail et des solidarités;03000 MOULINS\n"
        "M.;directeur départemental des territoires;03000 MOULINS\n",
        encoding="utf-8",
    )
    with pytest.raises(ErreurDonnees) as erreur:
        charger_correspondants(liste)
    message = erreur.value.message
    assert "ligne 2" in message and "ligne 1 (fonction) : 78 caractères" in message
    assert "ligne 3" not in message  # the DDT fits over two identity lines
