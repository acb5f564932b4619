"""PDF of a batch with several LibreOffice processes: parts, kept and
locked profiles, a hung or crashed run retried once. A fake ``soffice``
(shell script) stands in for LibreOffice."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from courriers import limites, pdf, pdf_parallele, pdf_reglages
from courriers.erreurs import ErreurConversion
from courriers.pdf import convertir

posix = pytest.mark.skipif(sys.platform == "win32", reason="faux soffice en shell")

# FAUX_MODE: "ecrire" (a PDF per document); "planter-une-fois": the first
# run writes the first document's PDF then exits 3, the next ones work;
# "bloquer-une-fois": the first run hangs; "planter": every run exits 3;
# "tout-puis-planter": every PDF written, then exit 3.
FAUX = r"""#!/bin/sh
profil=""; sortie=""; precedent=""
for argument in "$@"; do
  case "$argument" in -env:UserInstallation=*) profil="${argument#-env:UserInstallation=}" ;; esac
  if [ "$precedent" = "--outdir" ]; then sortie="$argument"; fi
  precedent="$argument"
done
docs=""
for argument in "$@"; do case "$argument" in *.docx) docs="$docs $(basename "$argument" .docx)" ;; esac; done
echo "$profil |$docs" >> "$FAUX_JOURNAL"
premier=0
if [ ! -e "$FAUX_JOURNAL.deja" ]; then premier=1; touch "$FAUX_JOURNAL.deja"; fi
ecrire() { printf '%%PDF-1.6\n<< /Type /Catalog /StructTreeRoot 2 0 R >>\n%%%%EOF\n' > "$sortie/$1.pdf"; }
case "$FAUX_MODE" in
  planter) exit 3 ;;
  tout-puis-planter) for nom in $docs; do ecrire "$nom"; done; exit 3 ;;
  planter-une-fois) if [ $premier = 1 ]; then set -- $docs; ecrire "$1"; exit 3; fi ;;
  bloquer-une-fois) if [ $premier = 1 ]; then sleep 30; fi ;;
esac
for nom in $docs; do ecrire "$nom"; done
exit 0
"""


@dataclass
class Faux:
    journal: Path
    cache: Path

    def appels(self) -> list[tuple[str, list[str]]]:
        if not self.journal.exists():
            return []
        lignes = self.journal.read_text(encoding="utf-8").splitlines()
        return [(profil.strip(), docs.split()) for profil, docs in (x.split("|") for x in lignes)]


@pytest.fixture
def faux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Faux]:
    programme = tmp_path / "outils" / "soffice"
    programme.parent.mkdir()
    programme.write_text(FAUX, encoding="utf-8")
    programme.chmod(0o755)
    faux = Faux(tmp_path / "outils" / "journal", tmp_path / "cache" / "libreoffice")
    monkeypatch.setenv(pdf.VARIABLE_SOFFICE, str(programme))
    monkeypatch.setenv("FAUX_JOURNAL", str(faux.journal))
    monkeypatch.setenv("FAUX_MODE", "ecrire")
    monkeypatch.setenv(pdf_parallele.VARIABLE_CACHE, str(faux.cache))
    monkeypatch.delenv(pdf_parallele.VARIABLE_PROCESSUS, raising=False)
    yield faux


def _docx(dossier: Path, nombre: int) -> list[Path]:
    dossier.mkdir(parents=True, exist_ok=True)
    chemins = [dossier / f"lettre-{n:02d}.docx" for n in range(nombre)]
    for chemin in chemins:
        chemin.write_bytes(b"PK")
    return chemins


@posix
def test_le_lot_partage_entre_deux_processus_a_profils_distincts(
    faux: Faux, tmp_path: Path
) -> None:
    docx = _docx(tmp_path / "docs", 20)
    assert convertir(docx, processus=2) == [d.with_suffix(".pdf") for d in docx]
    appels = faux.appels()
    assert len(appels) == 2
    assert sorted(n for _, docs in appels for n in docs) == [d.stem for d in docx]
    assert {len(docs) for _, docs in appels} == {10}
    assert len({profil for profil, _ in appels}) == 2  # a profile each
    assert all(d.with_suffix(".pdf").is_file() for d in docx)


@posix
def test_par_defaut_un_processus_par_coeur_pas_pour_quelques_documents(
    faux: Faux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limites, "coeurs", lambda: 2)
    convertir(_docx(tmp_path / "peu", 5))
    assert len(faux.appels()) == 1
    convertir(_docx(tmp_path / "beaucoup", 40))
    assert len(faux.appels()) == 3
    monkeypatch.setenv(pdf_parallele.VARIABLE_PROCESSUS, "1")
    convertir(_docx(tmp_path / "un", 40))
    assert len(faux.appels()) == 4


@posix
def test_profils_gardes_entre_deux_executions_dans_un_cache_prive(
    faux: Faux, tmp_path: Path
) -> None:
    docx = _docx(tmp_path / "docs", 3)
    convertir(docx)
    [(profil, _)] = faux.appels()
    assert profil == (faux.cache / "pdf-0").as_uri()
    assert stat.S_IMODE(os.stat(faux.cache).st_mode) == 0o700
    reglages = (faux.cache / "pdf-0" / "user" / "registrymodifications.xcu").read_text()
    assert "BlockUntrustedRefererLinks" in reglages and "UseTaggedPDF" in reglages
    temoin = faux.cache / "pdf-0" / "user" / "temoin"
    temoin.write_text("créé par LibreOffice au premier démarrage")
    convertir(docx)
    assert faux.appels()[1][0] == profil and temoin.exists()  # kept, not made again
    # PDF/A settings are other settings: another profile.
    with pytest.raises(ErreurConversion):  # the fake's PDF is not a PDF/A
        convertir(docx, pdfa=True)
    assert faux.appels()[2][0] == (faux.cache / "pdfa-0").as_uri()


@posix
def test_profil_aux_reglages_modifies_refait(faux: Faux, tmp_path: Path) -> None:
    docx = _docx(tmp_path / "docs", 2)
    convertir(docx)
    fichier = faux.cache / "pdf-0" / "user" / "registrymodifications.xcu"
    temoin = faux.cache / "pdf-0" / "user" / "temoin"
    temoin.write_text("x")
    fichier.write_text(fichier.read_text().replace("<value>true</value>", "<value>false</value>"))
    convertir(docx)
    assert not temoin.exists()
    assert "DisableMacrosExecution" in fichier.read_text()
    assert "<value>false</value>" not in fichier.read_text()


@posix
def test_un_profil_verrouille_n_est_pas_partage(faux: Faux, tmp_path: Path) -> None:
    with pdf_parallele.profil(tmp_path / "inutile", "pdf", pdf_reglages.registre(False)) as pris:
        assert pris == faux.cache / "pdf-0"
        convertir(_docx(tmp_path / "docs", 2))
    assert faux.appels()[0][0] == (faux.cache / "pdf-1").as_uri()


@posix
@pytest.mark.parametrize("probleme", ["ouvert", "lien"])
def test_cache_pas_sur_profil_temporaire(faux: Faux, tmp_path: Path, probleme: str) -> None:
    faux.cache.parent.mkdir(parents=True)
    if probleme == "ouvert":
        faux.cache.mkdir()
        faux.cache.chmod(0o777)
    else:
        (tmp_path / "ailleurs").mkdir()
        faux.cache.symlink_to(tmp_path / "ailleurs")
    convertir(_docx(tmp_path / "docs", 2))
    [(profil, _)] = faux.appels()
    assert not profil.startswith(faux.cache.as_uri())
    assert "courriers-pdf-" in profil
    assert not list((tmp_path / "ailleurs").iterdir()) if probleme == "lien" else True


@posix
def test_un_processus_qui_plante_repris_une_fois_sur_ce_qui_manque(
    faux: Faux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAUX_MODE", "planter-une-fois")
    docx = _docx(tmp_path / "docs", 3)
    assert convertir(docx) == [d.with_suffix(".pdf") for d in docx]
    premier, reprise = faux.appels()
    assert premier[1] == ["lettre-00", "lettre-01", "lettre-02"]
    assert reprise[1] == ["lettre-01", "lettre-02"]  # the first PDF was written


@posix
def test_rien_a_reprendre_quand_tous_les_pdf_sont_ecrits(
    faux: Faux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that exits in error after writing every PDF is not run again
    on nothing: its PDFs are checked and published like the others."""
    monkeypatch.setenv("FAUX_MODE", "tout-puis-planter")
    docx = _docx(tmp_path / "docs", 2)
    assert convertir(docx) == [d.with_suffix(".pdf") for d in docx]
    assert len(faux.appels()) == 1


@posix
def test_un_processus_bloque_tue_et_repris(
    faux: Faux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAUX_MODE", "bloquer-une-fois")
    docx = _docx(tmp_path / "docs", 2)
    assert convertir(docx, delai=1) == [d.with_suffix(".pdf") for d in docx]
    assert len(faux.appels()) == 2


@posix
def test_deux_echecs_rapportes_par_document_rien_publie(
    faux: Faux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAUX_MODE", "planter")
    docx = _docx(tmp_path / "docs", 20)
    with pytest.raises(ErreurConversion) as erreur:
        convertir(docx, processus=2)
    assert "LibreOffice a échoué (code 3)" in erreur.value.message
    assert str(docx[0]) in erreur.value.message
    assert len(faux.appels()) == 4  # each part tried twice
    assert not list((tmp_path / "docs").glob("*.pdf"))


def test_processus_invalide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf_parallele.VARIABLE_PROCESSUS, "0")
    with pytest.raises(ErreurConversion, match="COURRIERS_PDF_PROCESSUS : nombre de processus"):
        pdf_parallele.processus_pdf(100)
