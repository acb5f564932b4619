"""Table grids after rendering (issue: a column loop or a merge must keep
every column visible): for each template of ``modeles_tableaux``, the
rendered grid declares as many columns as the widest row covers, the text
is plain docxtpl's, and LibreOffice shows the words of every column."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import EXEMPLE
from courriers import Convocation, charger, pdf
from courriers.convocations import exemplaires
from courriers.moteur.grilles import grilles_incoherentes
from courriers.moteur.prepare import preparer
from modeles_tableaux import ALIGNES, MODELES, MOTS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def exemplaire() -> Any:
    return exemplaires(charger(EXEMPLE, Convocation))[0]


def _corps(docx: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(docx)) as paquet:
        return etree.fromstring(paquet.read("word/document.xml"))


def _couverture(ligne: Any) -> int:
    return sum(
        int(tc.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val"))
        if tc.find(f"{W}tcPr/{W}gridSpan") is not None
        else 1
        for tc in ligne.findall(f"{W}tc")
    )


def _rendre(nom: str, dossier: Path, exemplaire: Any) -> bytes:
    return preparer(MODELES[nom](dossier)).rendre(exemplaire.contexte, exemplaire.proprietes)


@pytest.mark.parametrize("nom", list(MODELES))
def test_la_grille_rendue_a_autant_de_colonnes_que_la_ligne_la_plus_large(
    nom: str, tmp_path: Path, exemplaire: Any
) -> None:
    modele = MODELES[nom](tmp_path)
    with zipfile.ZipFile(modele) as paquet:
        colonnes_du_modele = len(
            etree.fromstring(paquet.read("word/document.xml")).findall(f".//{W}gridCol")
        )
    corps = _corps(_rendre(nom, tmp_path, exemplaire))
    (tableau,) = corps.iter(f"{W}tbl")
    grille = tableau.findall(f"{W}tblGrid/{W}gridCol")
    plus_large = max(_couverture(ligne) for ligne in tableau.findall(f"{W}tr"))
    assert len(grille) == plus_large
    assert plus_large != colonnes_du_modele  # the template's grid was wrong once rendered
    largeurs = [int(c.get(f"{W}w")) for c in grille]
    assert abs(sum(largeurs) - Mm160) <= len(largeurs)  # the table keeps its width
    assert min(largeurs) > 0
    assert grilles_incoherentes(corps) == []


Mm160 = int(160 / 25.4 * 1440)  # twentieths of a point, as python-docx writes them


POPPLER = shutil.which("pdftotext") is not None


@pytest.mark.libreoffice
@pytest.mark.skipif(not (pdf.disponible() and POPPLER), reason="LibreOffice ou poppler absent")
def test_chaque_colonne_est_visible_et_alignee_dans_le_pdf(tmp_path: Path, exemplaire: Any) -> None:
    """Every template converted in one LibreOffice run: the words of every
    column are in the PDF, and the cells of a column share its left edge
    (a broken grid moves merged cells and the cells after them)."""
    docx = []
    for nom in MODELES:
        chemin = tmp_path / f"{nom}.docx"
        chemin.write_bytes(_rendre(nom, tmp_path, exemplaire))
        docx.append(chemin)
    for nom, chemin in zip(MODELES, pdf.convertir(docx), strict=True):
        boites = subprocess.run(
            ["pdftotext", "-bbox", str(chemin), "-"], capture_output=True, text=True, check=True
        ).stdout
        gauche = {
            mot: float(x) for x, mot in re.findall(r'xMin="([\d.]+)"[^>]*>([^<]+)</word>', boites)
        }
        assert [mot for mot in MOTS[nom] if mot not in gauche] == [], nom
        for haut, bas in ALIGNES[nom]:
            assert abs(gauche[haut] - gauche[bas]) < 2, (nom, haut, bas)


def _grille_cassee(dossier: Path) -> Path:
    """A template whose table declares 1 column for rows of 3 cells."""
    from docx import Document

    document = Document()
    document.add_paragraph("{{ convoque|prenom_nom }}")
    table = document.add_table(rows=2, cols=3)
    for rang in range(2):
        for numero, mot in enumerate(("Un", "Deux", "Trois")):
            table.cell(rang, numero).text = f"{mot}{rang}"
    table.rows[0]._tr.get_or_add_trPr().append(
        table._tbl.makeelement(f"{W}tblHeader", {})
    )  # a header row: the grid is the only warning
    grille = table._tbl.tblGrid
    for colonne in grille.findall(f"{W}gridCol")[1:]:
        grille.remove(colonne)
    chemin = dossier / "grille-cassee.docx"
    document.save(str(chemin))
    return chemin


def test_le_verificateur_avertit_d_une_grille_deja_cassee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from courriers.cli import main

    modele = _grille_cassee(tmp_path)
    assert main(["modele", "verifier", str(modele), "--type", "convocation"]) == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith("1 avertissement :")
    assert (
        "corps tableau 1 — avertissement : la grille du tableau déclare 1 colonne(s) mais sa "
        "ligne la plus large en occupe 3" in sortie
    )
    assert "« Un0 | Deux0 | Trois0 »" in sortie
    assert main(["modele", "verifier", str(modele), "--type", "convocation", "--strict"]) == 1


def test_pas_d_avertissement_de_grille_pour_les_modeles_de_test_ni_integres(
    tmp_path: Path,
) -> None:
    from courriers.modeles import modele_integre
    from courriers.verification import avertissements_modele

    for construire in MODELES.values():
        genres = {p.genre for p in avertissements_modele(construire(tmp_path))}
        assert "grille_incoherente" not in genres
    for nom in ("compte-rendu", "convocation", "reponse", "accuse-reception", "courrier-service"):
        assert avertissements_modele(modele_integre(f"{nom}.docx")) == []


def test_un_modele_a_grille_cassee_est_rendu_avec_une_grille_reparee(
    tmp_path: Path, exemplaire: Any
) -> None:
    corps = _corps(
        preparer(_grille_cassee(tmp_path)).rendre(exemplaire.contexte, exemplaire.proprietes)
    )
    assert len(list(corps.iter(f"{W}gridCol"))) == 3
