"""The members' spreadsheet: XLSX (openpyxl), ODS (python-calamine), CSV;
headers in any order, located errors, empty rows, dates, merged cells."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook, load_workbook

from courriers.cli import main
from courriers.erreurs import ErreurDonnees
from courriers.tableur import lire_membres
from courriers.tableur_modele import LISTES

ENTETE = ["Civilité", "Prénom", "Nom", "Collège", "Adresse 1", "Adresse 2"]
CLAIRE = ["Mme", "Claire", "Dumas", "État", "1 rue de Paris", "03000 MOULINS"]
PAUL = ["M.", "Paul", "Roux", "Élus", "Mairie", "03200 VICHY"]


def xlsx(chemin: Path, lignes: list[list[Any]], feuille: str = "Membres") -> Path:
    livre = Workbook()
    page = livre.active
    assert page is not None
    page.title = feuille
    for ligne in lignes:
        page.append(ligne)
    livre.save(chemin)
    return chemin


COUVERTE = object()
"""An ODS cell covered by the merged cell above it."""


class FusionSurDeux(str):
    """An ODS cell merged with the one below it."""


def _cellule_ods(valeur: Any) -> str:
    if valeur is None:
        return "<table:table-cell/>"
    if isinstance(valeur, FusionSurDeux):
        return (
            '<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
            f"<text:p>{escape(str(valeur))}</text:p></table:table-cell>"
        )
    if valeur is COUVERTE:
        return "<table:covered-table-cell/>"
    if isinstance(valeur, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{valeur.isoformat()}">'
            f"<text:p>{valeur:%d/%m/%Y}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"><text:p>{escape(str(valeur))}</text:p>'
        "</table:table-cell>"
    )


def ods(chemin: Path, lignes: list[list[Any]], feuille: str = "Membres") -> Path:
    """A minimal OpenDocument spreadsheet, written by hand (no ODS writer
    among the dependencies)."""
    rangs = "".join(
        "<table:table-row>" + "".join(_cellule_ods(v) for v in ligne) + "</table:table-row>"
        for ligne in lignes
    )
    contenu = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{feuille}">{rangs}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifeste = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(chemin, "w") as paquet:
        paquet.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        paquet.writestr("META-INF/manifest.xml", manifeste)
        paquet.writestr("content.xml", contenu)
    return chemin


def test_colonnes_dans_un_autre_ordre_et_alias(tmp_path: Path) -> None:
    ordre = [5, 4, 3, 2, 1, 0]
    entete = [ENTETE[i] for i in ordre]
    entete[entete.index("Civilité")] = "CIVILITE"
    entete[entete.index("Adresse 1")] = "adresse_1"
    lecture = lire_membres(
        xlsx(tmp_path / "m.xlsx", [entete, [CLAIRE[i] for i in ordre], [PAUL[i] for i in ordre]])
    )
    claire, paul = lecture.membres
    assert (claire.civilite, claire.nom, claire.college) == ("Mme", "Dumas", "État")
    assert claire.adresse == ["1 rue de Paris", "03000 MOULINS"]
    assert paul.ligne_nom() == "Monsieur Paul ROUX"


def test_colonnes_inconnues_signalees_sans_erreur(tmp_path: Path) -> None:
    chemin = xlsx(tmp_path / "m.xlsx", [[*ENTETE, "Observations"], [*CLAIRE, "arrive tard"]])
    lecture = lire_membres(chemin)
    assert lecture.ignorees == ["Observations"] and len(lecture.membres) == 1


def test_colonne_obligatoire_absente(tmp_path: Path) -> None:
    chemin = xlsx(tmp_path / "m.xlsx", [ENTETE[1:], CLAIRE[1:]])
    with pytest.raises(ErreurDonnees) as exc:
        lire_membres(chemin)
    assert (
        "feuille « Membres », ligne 1 (en-tête) : colonne « Civilité » absente" in exc.value.message
    )


def test_civilite_fautive_situee_par_feuille_ligne_colonne(tmp_path: Path) -> None:
    titre = ["Liste des membres de la commission"]
    mauvaise = ["Mlle", *CLAIRE[1:]]
    chemin = xlsx(tmp_path / "m.xlsx", [titre, [], ENTETE, PAUL, [], mauvaise])
    with pytest.raises(ErreurDonnees) as exc:
        lire_membres(chemin)
    assert exc.value.code == "donnees.tableur_non_conformes"
    assert (
        "feuille « Membres », ligne 6, colonne « Civilité » : valeur attendue parmi : « M. », "
        "« Mme » ; reçu : « Mlle »"
    ) in exc.value.message


def test_lignes_vides_ignorees_et_civilite_en_toutes_lettres(tmp_path: Path) -> None:
    madame = ["Madame", *CLAIRE[1:]]
    lecture = lire_membres(xlsx(tmp_path / "m.xlsx", [ENTETE, [], madame, [None] * 6, PAUL, []]))
    assert [m.nom for m in lecture.membres] == ["Dumas", "Roux"]
    assert [ligne.numero for ligne in lecture.lignes] == [3, 5]
    assert lecture.membres[0].civilite == "Mme"


def test_dates_saisies_comme_dates_nombres_ou_texte(tmp_path: Path) -> None:
    entete = [*ENTETE, "Date de réponse", "Téléphone"]
    lignes: list[list[Any]] = [
        [*CLAIRE, dt.datetime(2025, 6, 2), 470483074],
        [*PAUL, 45810, "04 70 48 30 74"],
        ["Mme", "Léa", "Martin", "Élus", "Mairie", "03110 VENDAT", "03/06/2025", None],
    ]
    membres = lire_membres(xlsx(tmp_path / "m.xlsx", [entete, *lignes])).membres
    assert [m.date_reponse for m in membres] == [
        dt.date(2025, 6, 2),
        dt.date(2025, 6, 2),
        dt.date(2025, 6, 3),
    ]
    assert membres[0].telephone == "0470483074"


def test_cellules_fusionnees_donnent_leur_valeur_a_chaque_ligne(tmp_path: Path) -> None:
    chemin = xlsx(tmp_path / "m.xlsx", [ENTETE, CLAIRE, PAUL])
    livre = load_workbook(chemin)
    feuille = livre["Membres"]
    feuille["D3"] = None
    feuille.merge_cells("D2:D3")
    livre.save(chemin)
    assert [m.college for m in lire_membres(chemin).membres] == ["État", "État"]


def test_feuille_membres_choisie_parmi_d_autres(tmp_path: Path) -> None:
    chemin = xlsx(tmp_path / "m.xlsx", [["Lisez-moi"]], feuille="Notice")
    livre = load_workbook(chemin)
    page = livre.create_sheet("Membres")
    for ligne in (ENTETE, CLAIRE):
        page.append(ligne)
    livre.save(chemin)
    assert lire_membres(chemin).feuille == "Membres"


def test_ods_lu_par_calamine(tmp_path: Path) -> None:
    entete = [*ENTETE, "Date de réponse"]
    chemin = ods(tmp_path / "m.ods", [entete, [*CLAIRE, dt.date(2025, 6, 2)], [None], PAUL])
    membres = lire_membres(chemin).membres
    assert [m.nom for m in membres] == ["Dumas", "Roux"]
    assert membres[0].date_reponse == dt.date(2025, 6, 2)


def test_ods_cellules_fusionnees(tmp_path: Path) -> None:
    claire = [*CLAIRE[:3], FusionSurDeux("État"), *CLAIRE[4:]]
    paul = [*PAUL[:3], COUVERTE, *PAUL[4:]]
    chemin = ods(tmp_path / "m.ods", [ENTETE, claire, paul])
    assert [m.college for m in lire_membres(chemin).membres] == ["État", "État"]


def test_ods_erreur_situee(tmp_path: Path) -> None:
    chemin = ods(tmp_path / "m.ods", [ENTETE, ["Mr", *CLAIRE[1:]]], feuille="Commission")
    with pytest.raises(ErreurDonnees) as exc:
        lire_membres(chemin)
    assert "feuille « Commission », ligne 2, colonne « Civilité »" in exc.value.message


def test_csv_avec_les_memes_colonnes(tmp_path: Path) -> None:
    chemin = tmp_path / "m.csv"
    chemin.write_text(
        "\n".join(";".join(ligne) for ligne in (ENTETE, CLAIRE, PAUL)), encoding="utf-8"
    )
    assert [m.nom for m in lire_membres(chemin).membres] == ["Dumas", "Roux"]


def test_classeur_abime_et_extension(tmp_path: Path) -> None:
    abime = tmp_path / "m.xlsx"
    abime.write_bytes(b"pas un classeur")
    with pytest.raises(ErreurDonnees) as exc:
        lire_membres(abime)
    assert exc.value.code == "donnees.tableur_illisible"
    with pytest.raises(ErreurDonnees) as exc:
        lire_membres(tmp_path / "m.txt")
    assert exc.value.code == "donnees.fichier_introuvable"


def test_modele_de_tableur_avec_listes_de_valeurs(tmp_path: Path) -> None:
    chemin = tmp_path / "convoques.xlsx"
    assert main(["exemple", "convoques", "--xlsx", str(chemin)]) == 0
    feuille = load_workbook(chemin)["Membres"]
    entetes = [c.value for c in feuille[1]]
    assert entetes[:4] == ["Collège", "Civilité", "Prénom", "Nom"]
    listes = {v.formula1 for v in feuille.data_validations.dataValidation}
    assert '"' + ",".join(LISTES["civilite"]) + '"' in listes
    assert any(f.startswith("=Listes!") for f in listes if f)
    validation_civilite = next(
        v for v in feuille.data_validations.dataValidation if "Mme" in (v.formula1 or "")
    )
    assert "B2" in str(validation_civilite.sqref)
    (membre,) = lire_membres(chemin).membres
    assert (membre.ligne_nom(), membre.college) == (
        "Madame Claire DUMAS",
        "Collège des administrations de l'État",
    )


def test_continuer_ecarte_les_lignes_invalides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exemple = Path(__file__).resolve().parent.parent / "exemples" / "cce-vichy-charmeil-2025.json"
    donnees = json.loads(exemple.read_text(encoding="utf-8"))
    del donnees["reunion"]["tableur_convoques"], donnees["reunion"]["tableur_reponses"]
    reunion = tmp_path / "reunion.json"
    reunion.write_text(json.dumps(donnees), encoding="utf-8")
    chemin = xlsx(tmp_path / "m.xlsx", [ENTETE, CLAIRE, ["Mlle", *PAUL[1:]]])
    arguments = ["convocation", str(reunion), "--convoques", str(chemin), "-o", str(tmp_path / "c")]
    assert main([*arguments, "--continuer"]) == 8
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["convocation-1-dumas-claire.docx"]
    erreur = capsys.readouterr().err
    assert "feuille « Membres », ligne 3, colonne « Civilité »" in erreur
