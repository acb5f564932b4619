"""Accessibility checks (docs/accessibilite.md): a template built here for
each check, reported with its place by ``modele verifier`` and on the
rendered document; the built-in templates and examples report nothing;
PDF/UA output read back with pikepdf."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm, RGBColor

from conftest import EXEMPLE
from courriers import documents, pdf
from courriers.cli import main
from courriers.modeles import dossier_exemples, modele_integre
from courriers.seance import avec_tableurs
from courriers.verification import avertissements_modele
from courriers.verification.accessibilite import verifier_accessibilite
from courriers.verification.contraste import contraste_sur_blanc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def png(largeur: int = 40, hauteur: int = 30) -> bytes:
    """A small blue PNG (the service's Marianne image in these tests)."""
    lignes = b"".join(b"\x00" + bytes([0, 0, 145]) * largeur for _ in range(hauteur))

    def morceau(sorte: bytes, donnees: bytes) -> bytes:
        crc = zlib.crc32(sorte + donnees) & 0xFFFFFFFF
        return struct.pack(">I", len(donnees)) + sorte + donnees + struct.pack(">I", crc)

    entete = struct.pack(">IIBBBBB", largeur, hauteur, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + morceau(b"IHDR", entete)
        + morceau(b"IDAT", zlib.compress(lignes))
        + morceau(b"IEND", b"")
    )


def _noir(document: Any) -> Any:
    """python-docx's default headings are #4F81BD (3.99:1): black here, so
    that each template shows only its own problem."""
    for nom in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        document.styles[nom].font.color.rgb = RGBColor(0, 0, 0)
    return document


def _image(document: Any, dossier: Path) -> None:
    chemin = dossier / "signature.png"
    chemin.write_bytes(png())
    document.add_paragraph("Signé :")
    document.add_picture(str(chemin), width=Mm(20))  # no alternative text


def _sans_alternative(document: Any, dossier: Path) -> None:
    _image(document, dossier)


def _image_en_tete(document: Any, dossier: Path) -> None:
    chemin = dossier / "logo.png"
    chemin.write_bytes(png())
    document.sections[0].header.paragraphs[0].add_run().add_picture(str(chemin), width=Mm(10))


def _tableau(document: Any, dossier: Path) -> None:
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Service", "Délai"
    table.cell(1, 0).text, table.cell(1, 1).text = "DDT", "5 jours"


def _titres(document: Any, dossier: Path) -> None:
    document.add_heading("Compte rendu", level=1)
    document.add_heading("Détail", level=3)


def _vide(document: Any, dossier: Path) -> None:
    document.add_paragraph("Premier paragraphe.")
    document.add_paragraph("")
    document.add_paragraph("")
    document.add_paragraph("Deuxième paragraphe.")


def _contraste(document: Any, dossier: Path) -> None:
    document.add_paragraph("Texte lisible.")
    document.add_paragraph().add_run("Texte gris clair.").font.color.rgb = RGBColor(
        0xAA, 0xAA, 0xAA
    )


def _liste_tapee(document: Any, dossier: Path) -> None:
    document.add_paragraph("Points :")
    document.add_paragraph("- le premier point ;")
    document.add_paragraph("- le second.")


#: check → (template builder, expected part, place, genre)
CAS: dict[str, tuple[Callable[[Any, Path], None], str, str, str]] = {
    "image": (_sans_alternative, "corps", "¶3", "image_sans_alternative"),
    "image en tête": (_image_en_tete, "en-tête 1", "¶1", "image_sans_alternative"),
    "tableau": (_tableau, "corps", "tableau 1, ligne 1, cellule 1, ¶1", "tableau_sans_entete"),
    "titres": (_titres, "corps", "¶3", "titre_saute"),
    "vide": (_vide, "corps", "¶3", "paragraphe_vide"),
    "contraste": (_contraste, "corps", "¶3", "contraste_insuffisant"),
    "liste": (_liste_tapee, "corps", "¶3", "liste_tapee"),
}


def _modele(dossier: Path, construire: Callable[[Any, Path], None]) -> Path:
    document = _noir(Document())
    document.add_paragraph("{{ reunion.instance.nom }}")
    construire(document, dossier)
    chemin = dossier / "modele.docx"
    document.save(str(chemin))
    return chemin


@pytest.mark.parametrize("cas", list(CAS))
def test_chaque_controle_dans_modele_verifier(
    cas: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    construire, partie, lieu, genre = CAS[cas]
    modele = _modele(tmp_path, construire)
    trouves = [(p.genre, p.partie, p.lieu) for p in avertissements_modele(modele)]
    assert trouves == [(genre, partie, lieu)]
    assert main(["modele", "verifier", str(modele), "--type", "cr"]) == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith("1 avertissement :")
    assert f"{partie} {lieu} — avertissement : " in sortie
    assert main(["modele", "verifier", str(modele), "--type", "cr", "--strict"]) == 1


@pytest.mark.parametrize("cas", list(CAS))
def test_chaque_controle_sur_le_document_rendu(
    cas: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    construire, partie, lieu, _genre = CAS[cas]
    modele = _modele(tmp_path, construire)
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 0
    erreurs = capsys.readouterr().err
    assert f"courriers : avertissement : accessibilité : cr.docx : {partie} {lieu} — " in erreurs
    sortie.unlink()
    code = main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele), "--strict"])
    assert code == 6
    assert "contrôles d'accessibilité non satisfaits" in capsys.readouterr().err
    assert not sortie.exists()


def test_titre_vide_d_un_document(tmp_path: Path) -> None:
    document = _noir(Document())
    document.add_paragraph("Texte.")
    document.core_properties.title = ""
    chemin = tmp_path / "sans-titre.docx"
    document.save(str(chemin))
    trouves = [(p.genre, p.partie, p.lieu) for p in verifier_accessibilite(chemin)]
    assert trouves == [("titre_vide", "propriétés du document", "titre")]
    # a template's title is set by the engine for each document: not reported
    assert verifier_accessibilite(chemin, document=False) == []


def test_modele_propre_rien_a_signaler(tmp_path: Path) -> None:
    """The same content, done right: nothing reported."""
    document = _noir(Document())
    document.add_heading("Compte rendu", level=1)
    document.add_heading("Détail", level=2)
    document.add_paragraph("Points :").paragraph_format.space_after = Mm(4)
    document.add_paragraph("le premier point ;", style="List Bullet")
    chemin = tmp_path / "signature.png"
    chemin.write_bytes(png())
    document.add_picture(str(chemin), width=Mm(20))
    document.inline_shapes[0]._inline.docPr.set("descr", "Signature du préfet")
    table = document.add_table(rows=2, cols=2)
    table.rows[0]._tr.get_or_add_trPr().append(table._tbl.makeelement(f"{W}tblHeader", {}))
    document.add_paragraph().add_run("Bleu France.").font.color.rgb = RGBColor(0, 0, 0x91)
    document.core_properties.title = "Compte rendu"
    modele = tmp_path / "propre.docx"
    document.save(str(modele))
    assert verifier_accessibilite(modele) == []


def test_contraste_wcag() -> None:
    assert contraste_sur_blanc("767676") >= 4.5 > contraste_sur_blanc("777777")


NOMS_INTEGRES = ["compte-rendu", "convocation", "reponse", "accuse-reception", "courrier-service"]


@pytest.mark.parametrize("nom", NOMS_INTEGRES)
def test_les_modeles_integres_ne_signalent_rien(
    nom: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = next(t.code for t in documents.TYPES.values() if t.modele == f"{nom}.docx")
    assert main(["modele", "verifier", str(modele_integre(f"{nom}.docx")), "--type", code]) == 0
    assert capsys.readouterr().out == "Aucun problème.\n"


@pytest.mark.parametrize("code", list(documents.TYPES))
def test_les_exemples_rendus_ne_signalent_rien(code: str, tmp_path: Path) -> None:
    type_document = documents.TYPES[code]
    donnees = json.loads((dossier_exemples() / type_document.exemple).read_text("utf-8"))
    donnees["emetteur"]["image_marianne"] = str(_marianne(tmp_path))
    donnees = avec_tableurs(donnees, dossier_exemples())  # invitees of a spreadsheet, if any
    document = documents.depuis_donnees(donnees, type_document.classe)
    assert verifier_accessibilite(documents.rendre(document)) == []


def _marianne(dossier: Path) -> Path:
    chemin = dossier / "marianne.png"
    chemin.write_bytes(png())
    return chemin


def test_le_markdown_des_donnees_est_controle_aussi(tmp_path: Path) -> None:
    """A heading level skipped in the data's Markdown is seen on the
    rendered document."""
    donnees = json.loads(EXEMPLE.read_text("utf-8"))
    donnees["reunion"]["ordre_du_jour"][0]["contenu"] = "### Trop bas\n\nTexte."
    document = documents.depuis_donnees(donnees, documents.TYPES["cr"].classe)
    trouves = {p.genre for p in verifier_accessibilite(documents.rendre(document))}
    assert trouves == {"titre_saute"}


# --- PDF/UA ------------------------------------------------------------------------

pikepdf = pytest.importorskip("pikepdf")


def _cr_pour_pdfua(dossier: Path) -> Path:
    """The example with the Marianne image and a Markdown table."""
    donnees = json.loads(EXEMPLE.read_text("utf-8"))
    donnees["emetteur"]["image_marianne"] = str(_marianne(dossier))
    donnees["reunion"]["ordre_du_jour"][0]["contenu"] += (
        "\n\n| Service | Délai |\n| --- | --- |\n| DDT | 5 jours |\n"
    )
    fichier = dossier / "reunion.json"
    fichier.write_text(json.dumps(donnees, ensure_ascii=False), encoding="utf-8")
    return fichier


def _structure(pdf_ouvert: Any) -> tuple[dict[str, int], list[str], dict[str, list[str]]]:
    """Counts of structure types, the /Alt of figures, and the role map."""
    sortes: dict[str, int] = {}
    alternatives: list[str] = []

    def parcourir(element: Any) -> None:
        if isinstance(element, pikepdf.Array):
            for enfant in element:
                parcourir(enfant)
            return
        if not isinstance(element, pikepdf.Dictionary):
            return
        sorte = element.get("/S")
        if sorte is not None:
            nom = str(sorte)
            sortes[nom] = sortes.get(nom, 0) + 1
            if nom == "/Figure":
                alternatives.append(str(element.get("/Alt", "")))
        if "/K" in element:
            parcourir(element.K)

    racine = pdf_ouvert.Root.StructTreeRoot
    parcourir(racine.K)
    roles = {str(k): [str(v)] for k, v in racine.get("/RoleMap", {}).items()}
    return sortes, alternatives, roles


libreoffice = pytest.mark.skipif(not pdf.disponible(), reason="LibreOffice absent")


@pytest.mark.libreoffice
@libreoffice
def test_pdfua_lu_par_pikepdf(tmp_path: Path) -> None:
    fichier = _cr_pour_pdfua(tmp_path)
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(fichier), "-o", str(sortie), "--pdfua"]) == 0
    with pikepdf.open(tmp_path / "cr.pdf") as lu:
        with lu.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"
            assert xmp.get("dc:title", "").startswith("Compte rendu – Comité local des usagers")
        assert lu.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(lu.Root.Lang) == "fr-FR"
        assert lu.Root.MarkInfo.Marked is True
        sortes, alternatives, _roles = _structure(lu)
    assert sortes["/H1"] == 1  # COMPTE-RENDU
    assert sortes["/H2"] == 5  # the points of the agenda
    assert sortes["/L"] >= 1 and sortes["/LI"] >= 10
    assert sortes["/Table"] == 1 and sortes["/TH"] == 2 and sortes["/TD"] == 2
    assert alternatives == ["Marianne, emblème de la République française"]


@pytest.mark.libreoffice
@libreoffice
def test_pdfua_et_pdfa_ensemble(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--pdfa", "--pdfua"]) == 0
    assert "1 PDF/A-2b et PDF/UA-1 écrit(s)" in capsys.readouterr().out
    with pikepdf.open(tmp_path / "cr.pdf") as lu, lu.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1"
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("2", "B")


def test_lot_avertissement_une_fois_et_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Invitations: each document is checked; a warning shared by the 14
    is printed once; with --strict the batch fails and nothing is written."""
    document = _noir(Document())
    document.add_paragraph("{{ convoque|prenom_nom }}")
    document.add_paragraph("- tapé à la main")
    modele = tmp_path / "convocation.docx"
    document.save(str(modele))
    dossier = tmp_path / "lot"
    commande = ["convocation", str(EXEMPLE), "-o", str(dossier), "--modele", str(modele)]
    assert main(commande) == 0
    erreurs = capsys.readouterr().err
    assert erreurs.count("avertissement : accessibilité") == 1
    assert "convocation-01-martin-isabelle.docx et 13 autre(s) : corps ¶2 — liste tapée" in erreurs
    autre = tmp_path / "lot-strict"
    commande[3] = str(autre)
    assert main([*commande, "--strict"]) == 6
    assert "contrôles d'accessibilité non satisfaits" in capsys.readouterr().err
    assert not autre.exists() or not list(autre.iterdir())
