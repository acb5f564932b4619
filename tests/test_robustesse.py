"""No lost text, no corrupt or partial file, no template escape: the
robustness promises of courriers, tested from outside."""

from __future__ import annotations

import errno
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXEMPLE
from courriers import CompteRendu, ErreurEcriture, ErreurModele, charger, contexte
from courriers.cli import main
from courriers.documents import type_de
from courriers.moteur.prepare import preparer
from courriers.noms_fichiers import nom_de_fichier

# --- sandbox -----------------------------------------------------------------------

CHARGES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ reunion.__class__.__init__.__globals__ }}",
    "{{ reunion.__dict__ }}",
    "{{ emetteur.model_fields.__class__.__base__ }}",
    "{{ (reunion.date|attr('__class__')) }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
]


def modele_avec(dossier: Path, *paragraphes: str) -> Path:
    document = Document()
    for texte in paragraphes:
        document.add_paragraph(texte)
    chemin = dossier / "modele.docx"
    document.save(str(chemin))
    return chemin


@pytest.mark.parametrize("charge", CHARGES)
def test_le_bac_a_sable_refuse_et_ne_revele_rien(charge: str, tmp_path: Path) -> None:
    cr = charger(EXEMPLE, CompteRendu)
    modele = modele_avec(tmp_path, charge)
    with pytest.raises(ErreurModele) as erreur:
        preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))
    message = erreur.value.message
    for indice in ("<function", "<module", "0x", "builtins", "uid=", "subprocess"):
        assert indice not in message


@pytest.mark.parametrize("charge", CHARGES[:4])
def test_la_ligne_de_commande_refuse_le_modele(
    charge: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modele = modele_avec(tmp_path, charge)
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 4
    assert not sortie.exists()
    assert "0x" not in capsys.readouterr().err


# --- atomic writes -------------------------------------------------------------------


def test_disque_plein_a_l_ecriture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie)]) == 0
    avant = sortie.read_bytes()

    def plein(*_: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("courriers.ecriture.os.replace", plein)
    assert main(["cr", str(EXEMPLE), "-o", str(sortie)]) == 5
    assert sortie.read_bytes() == avant
    assert [p.name for p in tmp_path.iterdir()] == ["cr.docx"]


def test_dossier_en_lecture_seule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interdit(*_: Any, **__: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("courriers.temporaires.tempfile.mkstemp", interdit)
    assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 5
    assert "impossible d'écrire dans le dossier" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_un_lot_interrompu_ne_laisse_rien(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dossier = tmp_path / "lot"
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier)]) == 0
    avant = {p.name: p.read_bytes() for p in dossier.iterdir()}
    from courriers import lots

    vrai = lots._ecrire_un
    compte = {"n": 0}

    def plein_au_cinquieme(*args: Any) -> Path:
        compte["n"] += 1
        if compte["n"] == 5:
            raise ErreurEcriture(f"{dossier} : écriture impossible (No space left on device)")
        return vrai(*args)

    monkeypatch.setattr(lots, "_ecrire_un", plein_au_cinquieme)
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier)]) == 5
    assert {p.name: p.read_bytes() for p in dossier.iterdir()} == avant


# --- --continuer ------------------------------------------------------------------------


def test_continuer_ecrit_les_bons_et_liste_les_echecs(
    donnees_exemple: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees_exemple["reunion"]["convoques"][2]["adresse"] = ["x" * 60, "03000 MOULINS"]
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    modele = modele_avec(
        tmp_path, "{{ formules.appel }}", "{% if numero == 5 %}{{ 1 // 0 }}{% endif %}"
    )
    dossier = tmp_path / "lot"
    code = main(
        ["convocation", str(fichier), "-o", str(dossier), "--modele", str(modele), "--continuer"]
    )
    assert code == 8
    sortie = capsys.readouterr()
    assert "12 convocations écrites" in sortie.out
    assert (
        "courriers : échec : reunion.convoques[2] (Yves Bernard) : adresse de Monsieur Yves BERNARD"
        in sortie.err
    )
    assert "courriers : échec : convocation-05-" in sortie.err
    assert "2 document(s) non écrit(s)" in sortie.err
    assert len(list(dossier.iterdir())) == 12
    # Without --continuer, the same batch writes nothing.
    autre = tmp_path / "autre"
    assert main(["convocation", str(fichier), "-o", str(autre), "--modele", str(modele)]) == 3
    assert not autre.exists()


def test_continuer_avec_une_liste_de_correspondants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    liste = tmp_path / "liste.csv"
    liste.write_text(
        "civilite;prenom;nom;adresse_1;adresse_2\n"
        "Mme;Léa;Petit;1 rue Haute;03000 MOULINS\n"
        "Mr;Jean;Durand;2 rue Basse;03000 MOULINS\n",
        encoding="utf-8",
    )
    exemple = Path(EXEMPLE).parent / "reponse-maire.json"
    dossier = tmp_path / "lot"
    code = main(
        ["reponse", str(exemple), "--correspondants", str(liste), "-o", str(dossier), "--continuer"]
    )
    assert code == 8
    assert [p.name for p in dossier.iterdir()] == ["reponse-1-petit-lea.docx"]
    assert "ligne 3 (Jean Durand)" in capsys.readouterr().err


# --- names built from data ------------------------------------------------------------


@given(
    parties=st.lists(st.text(max_size=400), min_size=1, max_size=3),
    numero=st.integers(min_value=1, max_value=10_000),
)
def test_les_noms_restent_dans_le_dossier(parties: list[str], numero: int) -> None:
    nom = nom_de_fichier("convocation", numero, 10_000, *parties, extension="docx")
    dossier = Path("/tmp/lot")
    assert (dossier / nom).resolve().parent == dossier.resolve()
    assert "/" not in nom and "\\" not in nom and ".." not in nom
    assert nom.isascii() and nom.isprintable()
    assert len(nom) <= 90
    assert nom.startswith(f"convocation-{numero:05d}")


@pytest.mark.parametrize(
    "nom",
    ["../../etc/passwd", "/etc/passwd", "CON", "NUL", "aux", "a\x00b\nc", "é" * 300, ".", ".."],
)
def test_noms_dangereux(nom: str) -> None:
    fichier = nom_de_fichier("convocation", 1, 2, nom, extension="docx")
    assert fichier.startswith("convocation-1")
    assert Path(fichier).name == fichier
    assert fichier.split(".")[0].split("-")[0] == "convocation"


def test_homonymes_restent_distincts(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    convoques = donnees_exemple["reunion"]["convoques"]
    for convoque in convoques[:3]:
        convoque["prenom"], convoque["nom"] = "Marie", "Dupont"
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    assert main(["convocation", str(fichier), "-o", str(tmp_path / "lot")]) == 0
    noms = sorted(p.name for p in (tmp_path / "lot").iterdir())
    assert noms[:3] == [
        "convocation-01-dupont-marie.docx",
        "convocation-02-dupont-marie.docx",
        "convocation-03-dupont-marie.docx",
    ]


# --- limits ---------------------------------------------------------------------------------


def test_fichier_de_donnees_trop_gros(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURRIERS_TAILLE_MAX_DONNEES", "0.001")
    assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 3
    assert "Mo au plus (COURRIERS_TAILLE_MAX_DONNEES)" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_modele_trop_gros(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURRIERS_TAILLE_MAX_MODELE", "0.001")
    assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 4
    assert "(COURRIERS_TAILLE_MAX_MODELE)" in capsys.readouterr().err


@pytest.mark.parametrize("cas", ["texte", "zip_sans_document", "bombe", "zip_casse"])
def test_modele_qui_n_est_pas_un_docx(
    cas: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modele = tmp_path / "modele.docx"
    if cas == "texte":
        modele.write_text("Bonjour", encoding="utf-8")
        attendu = "ce n'est pas un document DOCX"
    elif cas == "zip_sans_document":
        with zipfile.ZipFile(modele, "w") as paquet:
            paquet.writestr("[Content_Types].xml", "<Types/>")
        attendu = "il manque word/document.xml"
    elif cas == "bombe":
        with zipfile.ZipFile(modele, "w", zipfile.ZIP_DEFLATED) as paquet:
            paquet.writestr("[Content_Types].xml", "<Types/>")
            paquet.writestr("word/document.xml", b"\0" * (30 * 1024 * 1024))
        attendu = "bombe de décompression"
    else:
        modele.write_bytes(b"PK\x03\x04" + os.urandom(200))
        attendu = "DOCX"
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 4
    assert attendu in capsys.readouterr().err
    assert not sortie.exists()
