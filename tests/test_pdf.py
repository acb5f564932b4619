"""PDF conversion (courriers.pdf): real LibreOffice runs, and fakes for failures.

The tests marked ``libreoffice`` need LibreOffice and poppler-utils and are
skipped without them. LibreOffice starts are few (about 1.7 s each): every
built-in example is converted in one call, plus one PDF/A conversion and one
preview. The failure cases use a fake ``soffice`` (a shell script named by
``COURRIERS_SOFFICE``).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from courriers import pdf, pdf_reglages, programmes
from courriers.convocations import exemplaires
from courriers.documents import TYPES, charger, ecrire, preparer_modele
from courriers.donnees.convocation import Convocation
from courriers.erreurs import ErreurConversion, ErreurCourriers
from courriers.modeles import dossier_exemples
from courriers.pdf import apercu, convertir, convertir_un, disponible

POPPLER = all(shutil.which(outil) for outil in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm"))
avec_libreoffice = pytest.mark.skipif(
    not (disponible() and POPPLER), reason="LibreOffice ou poppler-utils absent"
)
posix = pytest.mark.skipif(sys.platform == "win32", reason="faux soffice en script shell")

#: The built-in examples: the document's file stem, the text expected in its
#: PDF (whitespace collapsed), and its number of pages (measured once).
ATTENDUS: dict[str, tuple[list[str], int]] = {
    "cr": (
        [
            "PRÉFET",
            "DE L'ALLIER",
            "COMPTE-RENDU",
            "Comité local des usagers du 28/02/2022",
            "s'est tenu le comité local des usagers, présidé par M. Alexandre SANZ",
            "Étaient présents",
            "Mme Agnès MONTOILLE, déléguée départementale du défenseur des droits",
        ],
        4,
    ),
    "reponse": (
        [
            "PRÉFÈTE",
            "DE L'ALLIER",
            "Madame Isabelle MARTIN",
            "Madame la Maire,",
            "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération.",
            "Pour la préfète et par délégation,",
        ],
        1,
    ),
    "accuse-reception": (
        [
            "PRÉFET",
            "DE L'ALLIER",
            "Monsieur Karim BENALI",
            "Accusé de réception de votre demande de titre de séjour",
            "votre demande sera réputée rejetée",
            "Je vous prie d'agréer, Monsieur, l'expression de ma considération distinguée.",
        ],
        1,
    ),
    "service": (
        [
            "PRÉFET",
            "DE L'ALLIER",
            "Le préfet de l'Allier à Monsieur le directeur départemental des territoires",
            "Délais de réponse aux courriels des usagers",
            "Pour le préfet et par délégation,",
        ],
        1,
    ),
    "message": (
        [
            "PRÉFET",
            "DE L'ALLIER",
            "Le préfet de l'Allier à Mesdames et Messieurs les maires du département",
            "Mesdames et Messieurs les Maires,",
            "Cordialement,",
            "La directrice de cabinet,",
        ],
        1,
    ),
    "bordereau": (
        [
            "PRÉFET",
            "DE LA LOIRE",
            "La sous-préfète de Montbrison à",
            "BORDEREAU D'ENVOI",
            "Désignation des pièces Nombre Observations",
            "Copie à",
        ],
        1,
    ),
    "convocation-01-martin-isabelle": (
        [
            "PRÉFET",
            "DE L'ALLIER",
            "Madame Isabelle MARTIN",
            "Madame la Maire,",
            "Convocation à la réunion du comité local des usagers du lundi 28 février 2022.",
            "avant le lundi 21 février 2022",
            "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération.",
        ],
        1,
    ),
    "convocation-02-lenoir-pierre": (
        [
            "PRÉFET",
            "DE L'ALLIER",
            "Monsieur Pierre LENOIR",
            "Monsieur le Président,",
            "Je vous prie d'agréer, Monsieur le Président, l'expression de ma haute considération.",
        ],
        1,
    ),
    # Every invitation of the example in one document, one page each.
    "convocations": (["Madame Isabelle MARTIN", "Monsieur Pierre LENOIR"], 14),
    # One reply form per invitee of the meeting example (28), one page each.
    "coupon-reponse": (
        [
            "COUPON-RÉPONSE",
            "À retourner avant le mercredi 4 juin 2025",
            "Je soussigné, M. Julien FERRAND, directeur de l'aérodrome de Vichy-Charmeil :",
            "serai représenté par ma suppléante, Mme Agnès LEMOINE ;",
            "ne pouvant être suppléé, donne pouvoir à",
            "nul ne peut détenir plus d'un mandat (décret n° 2006-672 du 8 juin 2006, article 10)",
        ],
        28,
    ),
    "emargement": (
        [
            "FEUILLE D'ÉMARGEMENT",
            "Collège des professions aéronautiques",
            "Nom M. Julien FERRAND Organisme Aérodrome de Vichy-Charmeil Observations "
            "Représenté par Mme Agnès LEMOINE",
            "Suppléante de M. Julien FERRAND",
            "Pouvoir à M. Hugo DELORME",
            "Personnes présentes non inscrites sur la liste",
        ],
        4,
    ),
}


@dataclass(frozen=True)
class Lot:
    """The examples converted in one call: stem → PDF, and the LibreOffice runs."""

    pdf: dict[str, Path]
    lancements: int


def _rendre_exemples(dossier: Path) -> dict[str, Path]:
    """Every built-in example as DOCX in ``dossier``, by stem of ATTENDUS."""
    docx: dict[str, Path] = {}
    for code, type_document in TYPES.items():
        document = charger(dossier_exemples() / type_document.exemple, type_document.classe)
        if code == "convocation":
            assert isinstance(document, Convocation)
            modele = preparer_modele(document)
            for exemplaire in exemplaires(document)[:2]:
                chemin = dossier / exemplaire.nom_fichier
                chemin.write_bytes(modele.rendre(exemplaire.contexte, exemplaire.proprietes))
                docx[chemin.stem] = chemin
            code = "convocations"
        docx[code] = ecrire(document, dossier / f"{code}.docx")
    assert set(docx) == set(ATTENDUS)
    return docx


@pytest.fixture(scope="module")
def lot(tmp_path_factory: pytest.TempPathFactory) -> Lot:
    """Every example rendered to DOCX, then converted in ONE call (counted)."""
    if not (disponible() and POPPLER):
        pytest.skip("LibreOffice ou poppler-utils absent")
    docx = _rendre_exemples(tmp_path_factory.mktemp("exemples"))
    lancements: list[list[str]] = []
    executer = programmes.executer

    def compter(commande: list[str], *args: Any) -> int:
        lancements.append(commande)
        return executer(commande, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "_executer", compter)
        chemins = convertir(list(docx.values()))
    assert chemins == [chemin.with_suffix(".pdf") for chemin in docx.values()]
    return Lot(dict(zip(docx, chemins, strict=True)), len(lancements))


def _texte(chemin: Path) -> str:
    """The text of a PDF (pdftotext), whitespace collapsed, apostrophes straight."""
    brut = subprocess.run(
        ["pdftotext", str(chemin), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(brut.replace("\u2019", "'").split())


def _info(chemin: Path, *options: str) -> str:
    return subprocess.run(
        ["pdfinfo", *options, str(chemin)], check=True, capture_output=True, text=True
    ).stdout


def _polices(chemin: Path) -> list[tuple[str, bool]]:
    """The fonts of a PDF (pdffonts): name without subset prefix, embedded?"""
    sortie = subprocess.run(
        ["pdffonts", str(chemin)], check=True, capture_output=True, text=True
    ).stdout
    polices = []
    for ligne in sortie.splitlines()[2:]:
        trouve = re.match(r"(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", ligne)
        assert trouve, ligne
        polices.append((trouve.group(1).split("+")[-1], trouve.group(2) == "yes"))
    return polices


# --- Real conversions ----------------------------------------------------------


@pytest.mark.libreoffice
@avec_libreoffice
def test_tous_les_exemples_en_un_seul_processus(lot: Lot) -> None:
    assert lot.lancements == 1
    for chemin in lot.pdf.values():
        assert chemin.read_bytes().startswith(b"%PDF-")
    assert not [p for p in next(iter(lot.pdf.values())).parent.iterdir() if p.suffix == ".tmp"]


@pytest.mark.libreoffice
@avec_libreoffice
@pytest.mark.parametrize("nom", list(ATTENDUS))
def test_texte_et_pages(lot: Lot, nom: str) -> None:
    textes, pages = ATTENDUS[nom]
    texte = _texte(lot.pdf[nom])
    for attendu in textes:
        assert attendu in texte, f"{nom} : « {attendu} » absent"
    assert f"Pages: {pages}" in " ".join(_info(lot.pdf[nom]).split())


@pytest.mark.libreoffice
@avec_libreoffice
def test_feuille_d_emargement_en_paysage(lot: Lot) -> None:
    info = " ".join(_info(lot.pdf["emargement"]).split())
    largeur, hauteur = (float(x) for x in re.findall(r"Page size: ([\d.]+) x ([\d.]+)", info)[0])
    assert largeur > hauteur
    coupon = " ".join(_info(lot.pdf["coupon-reponse"]).split())
    largeur, hauteur = (float(x) for x in re.findall(r"Page size: ([\d.]+) x ([\d.]+)", coupon)[0])
    assert largeur < hauteur


@pytest.mark.libreoffice
@avec_libreoffice
@pytest.mark.parametrize("nom", list(ATTENDUS))
def test_polices_metriques_d_arial_incorporees(lot: Lot, nom: str) -> None:
    polices = _polices(lot.pdf[nom])
    assert polices
    for police, incorporee in polices:
        assert incorporee, police
        assert police.startswith(("LiberationSans", "Arial", "Marianne")), police
        assert "DejaVu" not in police and "Serif" not in police and "Times" not in police


@pytest.mark.libreoffice
@avec_libreoffice
@pytest.mark.parametrize("nom", list(ATTENDUS))
def test_pdf_balise(lot: Lot, nom: str) -> None:
    assert "Tagged: yes" in " ".join(_info(lot.pdf[nom]).split())
    assert b"/StructTreeRoot" in lot.pdf[nom].read_bytes()


@pytest.mark.libreoffice
@avec_libreoffice
def test_pdfa_2b(lot: Lot, tmp_path: Path) -> None:
    docx = tmp_path / "reponse.docx"
    shutil.copy(lot.pdf["reponse"].with_suffix(".docx"), docx)
    chemin = convertir_un(docx, pdfa=True)
    assert chemin == tmp_path / "reponse.pdf"
    meta = " ".join(_info(chemin, "-meta").split())
    assert "<pdfaid:part>2</pdfaid:part>" in meta
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in meta
    assert "Tagged: yes" in " ".join(_info(chemin).split())
    assert all(p.startswith(("LiberationSans", "Arial", "Marianne")) for p, _ in _polices(chemin))
    # The batch conversion was no PDF/A.
    assert "pdfaid" not in _info(lot.pdf["reponse"], "-meta")


def _a4(resolution: int) -> tuple[int, int]:
    """Size in pixels of an A4 page (595.3 x 841.9 points) rasterized by pdftoppm."""
    return math.ceil(595.3 * resolution / 72), math.ceil(841.9 * resolution / 72)


def _png(chemin: Path) -> tuple[int, int]:
    """Width and height of a PNG image (its IHDR chunk)."""
    octets = chemin.read_bytes()
    assert octets.startswith(b"\x89PNG\r\n\x1a\n")
    return int.from_bytes(octets[16:20], "big"), int.from_bytes(octets[20:24], "big")


@pytest.mark.libreoffice
@avec_libreoffice
def test_apercu_de_toutes_les_pages(lot: Lot, tmp_path: Path) -> None:
    dossier = tmp_path / "apercus"
    images = apercu(
        lot.pdf["cr"].with_suffix(".docx"), dossier, toutes_les_pages=True, resolution=50
    )
    assert images == [dossier / f"cr-{n}.png" for n in range(1, 5)]
    assert sorted(p.name for p in dossier.iterdir()) == [f"cr-{n}.png" for n in range(1, 5)]
    assert _png(images[0]) == _a4(50)


# --- Fake soffice ----------------------------------------------------------------

FAUX_SOFFICE = r"""#!/bin/sh
# Fake soffice: FAUX_MODE says what to do; it logs its arguments.
echo "FONTCONFIG_FILE=$FONTCONFIG_FILE" >> "$FAUX_JOURNAL"
printf '%s\n' "$@" >> "$FAUX_JOURNAL"
echo "--" >> "$FAUX_JOURNAL"
sortie=""; precedent=""
for argument in "$@"; do
  if [ "$precedent" = "--outdir" ]; then sortie="$argument"; fi
  precedent="$argument"
done
case "$FAUX_MODE" in
  dormir) sleep 60 & echo $! > "$FAUX_PID"; wait; exit 0 ;;
  rien) exit 0 ;;
  echec) echo "Error: panne simulée"; exit 3 ;;
esac
for argument in "$@"; do
  case "$argument" in
    *.docx)
      nom=$(basename "$argument" .docx)
      if [ "$FAUX_MODE" = "casse" ] && [ "$nom" = "b" ]; then
        printf 'pas un PDF' > "$sortie/$nom.pdf"
      elif [ -n "$FAUX_PDF" ]; then
        cp "$FAUX_PDF" "$sortie/$nom.pdf"
      else
        printf '%%PDF-1.6\n<< /Type /Catalog /StructTreeRoot 2 0 R >>\n%%%%EOF\n' > "$sortie/$nom.pdf"
      fi ;;
  esac
done
exit 0
"""


@dataclass
class Faux:
    """A fake soffice installed for one test."""

    journal: Path
    pid: Path
    monkeypatch: pytest.MonkeyPatch

    def mode(self, mode: str) -> None:
        self.monkeypatch.setenv("FAUX_MODE", mode)

    def appels(self) -> list[list[str]]:
        if not self.journal.exists():
            return []
        blocs = self.journal.read_text(encoding="utf-8").split("--\n")
        return [bloc.splitlines() for bloc in blocs if bloc.strip()]


@pytest.fixture
def faux(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Faux]:
    programme = tmp_path / "outils" / "soffice"
    programme.parent.mkdir()
    programme.write_text(FAUX_SOFFICE, encoding="utf-8")
    programme.chmod(0o755)
    faux = Faux(tmp_path / "outils" / "journal", tmp_path / "outils" / "pid", monkeypatch)
    monkeypatch.setenv(pdf.VARIABLE_SOFFICE, str(programme))
    monkeypatch.setenv("FAUX_JOURNAL", str(faux.journal))
    monkeypatch.setenv("FAUX_PID", str(faux.pid))
    monkeypatch.setenv("FAUX_MODE", "ecrire")
    monkeypatch.delenv("FAUX_PDF", raising=False)
    yield faux


def _docx(dossier: Path, *noms: str) -> list[Path]:
    dossier.mkdir(parents=True, exist_ok=True)
    chemins = []
    for nom in noms:
        chemin = dossier / f"{nom}.docx"
        chemin.write_bytes(b"PK")  # the fake does not read it
        chemins.append(chemin)
    return chemins


def _contenu(dossier: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in dossier.iterdir() if p.is_file()}


@posix
def test_commande_profil_prive_options_et_polices(faux: Faux, tmp_path: Path) -> None:
    a, b = _docx(tmp_path / "docs", "a", "b")
    assert convertir([a, b]) == [a.with_suffix(".pdf"), b.with_suffix(".pdf")]
    [appel] = faux.appels()
    assert appel[0] == f"FONTCONFIG_FILE={pdf.FICHIER_FONTCONFIG}"
    assert appel[1].startswith("-env:UserInstallation=file:///")
    assert {"--headless", "--norestore", "--nolockcheck", "--infilter=MS Word 2007 XML"} <= set(
        appel
    )
    assert appel[appel.index("--convert-to") + 1] == pdf_reglages.options_filtre(False)
    assert appel[-2:] == [str(a), str(b)]
    assert "FONTCONFIG_FILE" not in os.environ or os.environ["FONTCONFIG_FILE"] != str(
        pdf.FICHIER_FONTCONFIG
    )
    assert a.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    assert convertir([]) == []
    assert len(faux.appels()) == 1


@posix
def test_pdfa_refuse_si_libreoffice_ne_le_produit_pas(faux: Faux, tmp_path: Path) -> None:
    # The fake writes a tagged PDF without PDF/A identification.
    [a] = _docx(tmp_path, "a")
    with pytest.raises(ErreurConversion, match="n'est pas un PDF/A-2b"):
        convertir([a], pdfa=True)
    assert not a.with_suffix(".pdf").exists()
    assert '"SelectPdfVersion":{"type":"long","value":"2"}' in "".join(faux.appels()[0])


@posix
def test_pdfua_demande_a_libreoffice_et_verifie(faux: Faux, tmp_path: Path) -> None:
    """PDF/UA through LibreOffice's own option, with the title in the title
    bar; refused when the PDF does not say it is PDF/UA."""
    [a] = _docx(tmp_path, "a")
    with pytest.raises(ErreurConversion, match=r"n'est pas un PDF/UA-1 \(il faut LibreOffice"):
        convertir([a], pdfua=True)
    assert not a.with_suffix(".pdf").exists()
    appel = "".join(faux.appels()[0])
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in appel
    assert '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"}' in appel
    assert "SelectPdfVersion" not in appel
    with pytest.raises(ErreurConversion):
        convertir([a], pdfa=True, pdfua=True)
    appel = "".join(faux.appels()[1])
    assert (
        '"PDFUACompliance"' in appel and '"SelectPdfVersion":{"type":"long","value":"2"}' in appel
    )


def test_libreoffice_introuvable_par_la_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(pdf.VARIABLE_SOFFICE, str(tmp_path / "pas-de-soffice"))
    assert not disponible()
    [a] = _docx(tmp_path, "a")
    with pytest.raises(ErreurConversion) as erreur:
        convertir([a])
    message = erreur.value.message
    assert "LibreOffice introuvable" in message and "COURRIERS_SOFFICE" in message
    assert "Debian/Ubuntu : sudo apt install libreoffice-writer-nogui" in message
    assert "Windows/macOS : https://www.libreoffice.org" in message
    assert erreur.value.code_sortie == 7 and isinstance(erreur.value, ErreurCourriers)
    assert list(tmp_path.iterdir()) == [a]


def test_libreoffice_absent_du_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(pdf.VARIABLE_SOFFICE, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "vide"))
    monkeypatch.setattr(pdf, "_EMPLACEMENTS_HABITUELS", ())
    assert not disponible()
    [a] = _docx(tmp_path, "a")
    with pytest.raises(ErreurConversion, match="sudo apt install libreoffice-writer-nogui"):
        convertir_un(a)
    with pytest.raises(ErreurConversion, match="ni soffice ni libreoffice dans le PATH"):
        convertir_un(a)


@posix
def test_delai_depasse_tue_le_groupe_et_ne_laisse_rien(faux: Faux, tmp_path: Path) -> None:
    faux.mode("dormir")
    a, b = _docx(tmp_path / "docs", "a", "b")
    a.with_suffix(".pdf").write_bytes(b"%PDF- ancien")
    avant = _contenu(a.parent)
    debut = time.monotonic()
    with pytest.raises(ErreurConversion) as erreur:
        convertir([a, b], delai=1.5)
    assert time.monotonic() - debut < 10
    assert erreur.value.message.startswith("la conversion en PDF a dépassé 1,5 s : ")
    assert str(a) in erreur.value.message
    assert _contenu(a.parent) == avant  # earlier PDF untouched, nothing new
    _attendre_fin(int(faux.pid.read_text()))


def _attendre_fin(pid: int) -> None:
    """The fake's child (``sleep``) was killed with its group."""
    etat = Path(f"/proc/{pid}/stat")
    if not Path("/proc").is_dir():
        return
    for _ in range(50):
        if not etat.exists() or etat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return
        time.sleep(0.05)
    pytest.fail(f"le processus {pid} lancé par soffice vit encore")


@posix
def test_code_zero_sans_pdf_nomme_le_fichier(faux: Faux, tmp_path: Path) -> None:
    faux.mode("rien")
    a, b = _docx(tmp_path, "lettre-a", "lettre-b")
    with pytest.raises(ErreurConversion) as erreur:
        convertir([a, b])
    assert "n'a pas produit de PDF" in erreur.value.message
    assert str(a) in erreur.value.message and str(b) in erreur.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "lettre-a.docx",
        "lettre-b.docx",
        "outils",
    ]


@posix
def test_un_pdf_casse_et_rien_n_est_publie(faux: Faux, tmp_path: Path) -> None:
    faux.mode("casse")
    a, b = _docx(tmp_path / "docs", "a", "b")
    b.with_suffix(".pdf").write_bytes(b"%PDF- ancien")
    avant = _contenu(a.parent)
    with pytest.raises(ErreurConversion, match=r"b\.docx.* vide ou incomplet"):
        convertir([a, b])
    assert _contenu(a.parent) == avant  # a.pdf, sound, is not published either


@posix
def test_echec_de_libreoffice(faux: Faux, tmp_path: Path) -> None:
    faux.mode("echec")
    [a] = _docx(tmp_path / "docs", "a")
    with pytest.raises(ErreurConversion, match=r"échoué \(code 3\).*panne simulée"):
        convertir([a])
    assert not a.with_suffix(".pdf").exists()


@posix
def test_memes_noms_dans_deux_dossiers(faux: Faux, tmp_path: Path) -> None:
    [un] = _docx(tmp_path / "un", "lettre")
    [deux] = _docx(tmp_path / "deux", "lettre")
    [autre] = _docx(tmp_path / "deux", "autre")
    assert convertir([un, deux, autre]) == [p.with_suffix(".pdf") for p in (un, deux, autre)]
    assert len(faux.appels()) == 2  # "lettre.pdf" twice: two runs
    assert all(p.with_suffix(".pdf").is_file() for p in (un, deux, autre))


def test_fichier_introuvable(tmp_path: Path) -> None:
    with pytest.raises(ErreurConversion, match=r"absent\.docx : fichier introuvable"):
        convertir([tmp_path / "absent.docx"])


def test_repartition_des_lots(tmp_path: Path) -> None:
    sources = [tmp_path / f"d{i % 2}" / f"n{i // 2}.docx" for i in range(250)]
    lots = pdf._repartir(sources)
    assert sorted(p for lot in lots for p in lot) == sorted(sources)
    for lot in lots:
        assert len(lot) <= pdf.DOCUMENTS_PAR_PROCESSUS
        assert len({p.stem.casefold() for p in lot}) == len(lot)
    assert [len(lot) for lot in lots] == [100, 100, 25, 25]  # first fit
    longs = [tmp_path / ("x" * 200) / f"{i}.docx" for i in range(300)]
    for lot in pdf._repartir(longs):
        assert sum(len(str(p)) + 1 for p in lot) <= pdf.LONGUEUR_MAX_ARGUMENTS


@pytest.mark.libreoffice
@avec_libreoffice
@posix
def test_apercu_premiere_page(lot: Lot, faux: Faux, tmp_path: Path) -> None:
    # The fake "converts" by copying the real 4-page minutes.
    faux.monkeypatch.setenv("FAUX_PDF", str(lot.pdf["cr"]))
    [docx] = _docx(tmp_path / "docs", "modele")
    dossier = tmp_path / "apercus"
    dossier.mkdir()
    (dossier / "modele-1.png").write_bytes(b"ancien")
    assert apercu(docx, dossier, resolution=30) == [dossier / "modele-1.png"]
    assert [p.name for p in dossier.iterdir()] == ["modele-1.png"]
    assert _png(dossier / "modele-1.png") == _a4(30)
    with pytest.raises(ValueError):
        apercu(docx, dossier, resolution=0)


def test_apercu_sans_pdftoppm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    trouver: Callable[[str], str | None] = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda nom, *a, **k: None if nom == "pdftoppm" else trouver(nom)
    )
    [docx] = _docx(tmp_path, "a")
    with pytest.raises(ErreurConversion, match=r"pdftoppm introuvable.*poppler-utils"):
        apercu(docx, tmp_path / "apercus")
    assert not (tmp_path / "apercus").exists()


# --- Fonts -------------------------------------------------------------------------

fc_match = pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig absent")


def _fc_match(config: Path, motif: str) -> str:
    return subprocess.run(
        ["fc-match", "-f", "%{family[0]}", motif],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
    ).stdout


@fc_match
def test_marianne_remplacee_par_une_metrique_d_arial() -> None:
    famille = _fc_match(pdf.FICHIER_FONTCONFIG, "Marianne")
    if famille not in {"Liberation Sans", "Arial", "Marianne"}:
        pytest.skip(f"ni Liberation Sans ni Arial installée (fonts-liberation) : {famille}")
    assert _fc_match(pdf.FICHIER_FONTCONFIG, "Marianne:bold") == famille


@fc_match
def test_marianne_installee_reste_preferee(tmp_path: Path) -> None:
    # A font file renamed "Marianne" when fontconfig scans it, as if a
    # service had installed the State's font.
    systeme = next(Path("/usr/share/fonts").rglob("*.ttf"), None)
    if systeme is None:
        pytest.skip("aucune police TrueType dans /usr/share/fonts")
    (tmp_path / "polices").mkdir()
    police = tmp_path / "polices" / "Marianne-Regular.ttf"
    shutil.copy(systeme, police)
    config = tmp_path / "fonts.conf"
    config.write_text(
        f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>{tmp_path / "cache"}</cachedir>
  <match target="scan">
    <test name="file"><string>{police}</string></test>
    <edit name="family" mode="assign_replace"><string>Marianne</string></edit>
  </match>
  <dir>{tmp_path / "polices"}</dir>
  <include>{pdf.FICHIER_FONTCONFIG}</include>
</fontconfig>
""",
        encoding="utf-8",
    )
    assert _fc_match(config, "Marianne") == "Marianne"
