"""Custom templates: a customised copy of the minutes template renders the
seed example; template folders; the checker refuses a broken template; the
input helpers (schema, example)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm

from conftest import EXEMPLE
from courriers.cli import main
from courriers.modeles import modele_integre
from outils_texte import lignes_comparables, paragraphes, texte
from test_convocations import PNG
from test_golden_compte_rendu import texte_attendu

NOUVELLE_FORMULE = "Les points suivants étaient inscrits à l'ordre du jour :"


def _deplacer_fin(document: object, debut: str, avant: str) -> None:
    """Move the paragraphs from the one whose text is ``debut`` to the end
    of the body before the paragraph ``avant``."""
    paragraphes_ = document.paragraphs  # type: ignore[attr-defined]
    textes = [p.text for p in paragraphes_]
    i = textes.index(debut)
    j = len(textes) - 1
    cible = paragraphes_[textes.index(avant)]._p
    for paragraphe in paragraphes_[i : j + 1]:
        cible.addprevious(paragraphe._p)


def modele_personnalise(dossier: Path) -> Path:
    """A copy of the built-in minutes template, edited as a service would:
    blocks moved, wording changed, a new footer, an image in the bloc-marque
    slot."""
    image = dossier / "marianne.png"
    image.write_bytes(PNG)
    document = Document(str(modele_integre("compte-rendu.docx")))
    textes = [p.text for p in document.paragraphs]
    # Wording: the agenda sentence.
    phrase = next(p for p in document.paragraphs if p.text.startswith("L'ordre du jour était"))
    for run in phrase.runs:
        run.text = ""
    phrase.runs[0].text = NOUVELLE_FORMULE
    # Block moved: the distribution list before the signature.
    _deplacer_fin(
        document,
        "{%p if destinataires %}",
        next(t for t in textes if t.startswith("{%p for ligne in signataire|lignes_signature")),
    )
    # Image in the bloc-marque slot instead of the image tag.
    paragraphes_ = document.paragraphs
    rang = next(i for i, p in enumerate(paragraphes_) if p.text == "{{ image_marianne }}")
    emplacement = paragraphes_[rang]
    for run in emplacement.runs:
        run.text = ""
    emplacement.runs[0].add_picture(str(image), width=Mm(25))
    for condition in (paragraphes_[rang - 1], paragraphes_[rang + 1]):  # {%p if %}, {%p endif %}
        parent: Any = condition._p.getparent()
        parent.remove(condition._p)
    # A new footer.
    pied = document.sections[0].footer
    for paragraphe in pied.paragraphs:
        paragraphe.text = ""
    pied.paragraphs[
        0
    ].text = "Préfecture de l'Allier – {{ emetteur.ville }} – {{ date|date_numerique }}"
    chemin = dossier / "compte-rendu.docx"
    document.save(str(chemin))
    return chemin


def test_un_modele_personnalise_rend_l_exemple(tmp_path: Path) -> None:
    modele = modele_personnalise(tmp_path)
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 0
    obtenu = [ligne for ligne in lignes_comparables(texte(sortie)) if "media/image" not in ligne]
    attendu = lignes_comparables(
        texte_attendu().replace("L'ordre du jour était le suivant :", NOUVELLE_FORMULE)
    )
    # Same lines, the distribution list now before the signature.
    assert sorted(obtenu) == sorted(attendu)
    assert obtenu.index("Destinataires :") < obtenu.index("Le Secrétaire Général,")
    assert any("media/image1.png" in p for p in paragraphes(sortie))
    from docx2python import docx2python

    with docx2python(str(sortie)) as lu:
        assert "Préfecture de l'Allier – Moulins – 08/03/2022" in lu.text


def test_dossier_de_modeles_cherche_avant_les_modeles_integres(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = tmp_path / "modeles"
    dossier.mkdir()
    modele_personnalise(dossier)
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--dossier-modeles", str(dossier)]) == 0
    assert NOUVELLE_FORMULE in texte(sortie)
    monkeypatch.setenv("COURRIERS_MODELES", str(dossier))
    sortie.unlink()
    assert main(["cr", str(EXEMPLE), "-o", str(sortie)]) == 0
    assert NOUVELLE_FORMULE in texte(sortie)
    # A folder without the template falls back to the built-in one.
    monkeypatch.setenv("COURRIERS_MODELES", str(tmp_path))
    assert main(["cr", str(EXEMPLE), "-o", str(sortie)]) == 0
    assert "L'ordre du jour était le suivant" in texte(sortie)


def test_modele_casse_refuse_avec_le_rapport(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modele = tmp_path / "casse.docx"
    document = Document(str(modele_integre("compte-rendu.docx")))
    document.add_paragraph("Salle : {{ reunion.salle }}")
    document.add_paragraph("{{ reunion.date|date_longe }}")
    document.save(str(modele))
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 4
    erreur = capsys.readouterr().err
    assert "est refusé" in erreur
    assert "salle" in erreur
    assert "date_longe" in erreur
    assert not sortie.exists()


def test_copier_puis_verifier(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["modele", "copier", "cr", str(tmp_path / "mes-modeles")]) == 0
    copie = tmp_path / "mes-modeles" / "compte-rendu.docx"
    assert copie.read_bytes() == modele_integre("compte-rendu.docx").read_bytes()
    assert main(["modele", "copier", "cr", str(tmp_path / "mes-modeles")]) == 5
    assert main(["modele", "verifier", str(copie), "--type", "cr"]) == 0
    assert main(["modele", "verifier", str(copie), "--type", "convocation"]) == 1
    capsys.readouterr()
    assert main(["modele", "verifier", str(copie), "--type", "convocation", "--json"]) == 1
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["modele", "verifier", str(copie)]) == 2


def test_schema_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "cr"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "CompteRendu"
    assert "Civilité" in json.dumps(schema, ensure_ascii=False)


@pytest.mark.parametrize("code", ["cr", "convocation", "reponse", "accuse-reception", "service"])
def test_exemple_complet_et_valide(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["exemple", code]) == 0
    fichier = tmp_path / "exemple.json"
    fichier.write_text(capsys.readouterr().out, encoding="utf-8")
    sortie = tmp_path / "sortie"
    argv = [
        code,
        str(fichier),
        "-o",
        str(sortie if code == "convocation" else sortie.with_suffix(".docx")),
    ]
    assert main(argv) == 0
