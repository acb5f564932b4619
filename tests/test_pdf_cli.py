"""--pdf, --pdfa and apercu through the command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import EXEMPLE
from courriers import pdf
from courriers.cli import main

libreoffice = pytest.mark.skipif(not pdf.disponible(), reason="LibreOffice absent")


@pytest.mark.libreoffice
@libreoffice
def test_convocations_en_pdf_en_un_seul_processus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    appels: list[int] = []
    vrai = pdf.convertir

    def compter(docx: list[Path], **options: bool) -> list[Path]:
        appels.append(len(docx))
        return vrai(docx, **options)

    monkeypatch.setattr(pdf, "convertir", compter)
    dossier = tmp_path / "lot"
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier), "--pdf"]) == 0
    assert appels == [14]
    assert len(list(dossier.glob("*.pdf"))) == 14
    texte = subprocess.run(
        ["pdftotext", str(dossier / "convocation-01-martin-isabelle.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Madame la Maire," in texte
    assert "14 PDF écrit(s)" in capsys.readouterr().out


@pytest.mark.libreoffice
@libreoffice
def test_compte_rendu_en_pdfa_et_apercu(tmp_path: Path) -> None:
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--pdfa"]) == 0
    contenu = (tmp_path / "cr.pdf").read_bytes()
    assert b"pdfaid:part" in contenu
    assert main(["apercu", "cr", "-o", str(tmp_path / "images")]) == 0
    assert [p.name for p in (tmp_path / "images").iterdir()] == ["apercu-cr-1.png"]


def test_libreoffice_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURRIERS_SOFFICE", str(tmp_path / "pas-de-soffice"))
    monkeypatch.setenv("PATH", str(tmp_path))
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--pdf"]) == 7
    assert "apt install libreoffice-writer-nogui" in capsys.readouterr().err
    assert sortie.exists()
    assert not (tmp_path / "cr.pdf").exists()
