"""The user's files: an output is never an input, temporary files never
outlive their run (SIGKILL aside, and then the next run removes them),
two runs can share a folder, a batch folder holds only the current batch,
and Ctrl-C or SIGTERM stop a batch cleanly."""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import EXEMPLE, RACINE
from courriers import charger, ecrire
from courriers.cli import main
from courriers.convocations import exemplaires
from courriers.donnees.compte_rendu import CompteRendu
from courriers.donnees.convocation import Convocation
from courriers.erreurs import ErreurDonnees
from courriers.modeles import modele_integre
from courriers.temporaires import nettoyer_perimes, pid_de
from test_messages import png

REPONSE = EXEMPLE.parent / "reponse-maire.json"
posix = pytest.mark.skipif(sys.platform == "win32", reason="signaux et liens POSIX")


def _modele(dossier: Path, nom: str = "modele.docx") -> Path:
    dossier.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(modele_integre("compte-rendu.docx"), dossier / nom))


def _erreur(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


def _premier_nom() -> str:
    return exemplaires(charger(EXEMPLE, Convocation))[0].nom_fichier


def _temporaires(dossier: Path) -> list[str]:
    return sorted(p.name for p in dossier.glob(".courriers-*"))


# --- an output is never an input ----------------------------------------------------------


def test_sortie_egale_au_modele(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    modele = _modele(tmp_path)
    avant = modele.read_bytes()
    code, err = _erreur(capsys, "cr", EXEMPLE, "--modele", modele, "-o", modele)
    assert code == 3
    assert f"{modele} : la sortie écraserait le modèle ({modele})" in err
    assert modele.read_bytes() == avant


def test_sortie_egale_a_l_image_marianne(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "marianne.png"
    image.write_bytes(png())
    donnees = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    donnees["emetteur"]["image_marianne"] = "marianne.png"
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees), encoding="utf-8")
    code, err = _erreur(capsys, "cr", fichier, "-o", tmp_path / "." / "marianne.png")
    assert code == 3
    assert "la sortie écraserait l'image Marianne (emetteur.image_marianne)" in err
    assert image.read_bytes() == png()


def test_pdf_qui_ecraserait_les_donnees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    donnees = Path(shutil.copy(EXEMPLE, tmp_path / "reunion.pdf"))  # read as JSON
    avant = donnees.read_bytes()
    code, err = _erreur(capsys, "cr", donnees, "--pdf")
    assert code == 3
    assert "reunion.pdf : la sortie écraserait le fichier de données" in err
    assert donnees.read_bytes() == avant
    assert not (tmp_path / "reunion.docx").exists()  # refused before any work


@posix
def test_lien_dur_et_lien_symbolique(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    modele = _modele(tmp_path)
    avant = modele.read_bytes()
    dur = tmp_path / "dur.docx"
    os.link(modele, dur)
    code, err = _erreur(capsys, "cr", EXEMPLE, "--modele", modele, "-o", dur)
    assert code == 3 and "la sortie écraserait le modèle" in err
    symbolique = tmp_path / "lien.docx"
    symbolique.symlink_to(modele)
    code, err = _erreur(capsys, "cr", EXEMPLE, "--modele", modele, "-o", symbolique)
    assert code == 3 and "la sortie écraserait le modèle" in err
    donnees = Path(shutil.copy(EXEMPLE, tmp_path / "reunion.json"))
    os.link(donnees, tmp_path / "copie.docx")
    code, err = _erreur(capsys, "cr", donnees, "-o", tmp_path / "copie.docx")
    assert code == 3 and "la sortie écraserait le fichier de données" in err
    assert modele.read_bytes() == avant


def test_sortie_egale_au_modele_integre(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    integre = modele_integre("compte-rendu.docx")
    code, err = _erreur(capsys, "cr", EXEMPLE, "-o", integre)
    assert code == 3 and "la sortie écraserait le modèle" in err


def test_un_document_du_lot_serait_le_modele(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = tmp_path / "lot"
    modele = _modele(lot, _premier_nom())
    avant = modele.read_bytes()
    code, err = _erreur(capsys, "convocation", EXEMPLE, "--modele", modele, "-o", lot)
    assert code == 3 and "la sortie écraserait le modèle" in err
    assert modele.read_bytes() == avant
    assert [p.name for p in lot.iterdir()] == [modele.name]


def test_un_pdf_du_lot_serait_le_modele(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lot = tmp_path / "lot"
    modele = _modele(lot, _premier_nom().replace(".docx", ".pdf"))
    avant = modele.read_bytes()
    code, err = _erreur(capsys, "convocation", EXEMPLE, "--modele", modele, "-o", lot, "--pdf")
    assert code == 3 and "la sortie écraserait le modèle" in err
    assert modele.read_bytes() == avant


def test_un_courrier_du_lot_serait_la_liste(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = tmp_path / "lot"
    lot.mkdir()
    liste = lot / "liste.csv"
    liste.write_text(
        "civilite;prenom;nom;adresse_1;adresse_2\nMme;Léa;Petit;1 rue Haute;03000 MOULINS\n",
        encoding="utf-8",
    )
    os.link(liste, lot / "reponse-1-petit-lea.docx")
    code, err = _erreur(capsys, "reponse", REPONSE, "--correspondants", liste, "-o", lot)
    assert code == 3
    assert "la sortie écraserait la liste de correspondants (--correspondants)" in err
    assert "Petit" in liste.read_text(encoding="utf-8")


def test_api_ecrire_refuse_le_modele(tmp_path: Path) -> None:
    modele = _modele(tmp_path)
    with pytest.raises(ErreurDonnees, match="la sortie écraserait le modèle"):
        ecrire(charger(EXEMPLE, CompteRendu), modele, modele=modele)


# --- temporary files -------------------------------------------------------------------------


def _pid_mort() -> int:
    processus = subprocess.Popen([sys.executable, "-c", "pass"])
    processus.wait()
    return processus.pid


def test_temporaires_d_un_run_mort_supprimes_jamais_ceux_d_un_vivant(tmp_path: Path) -> None:
    vivant = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        mort = tmp_path / f".courriers-{_pid_mort()}-abc123.tmp"
        du_vivant = tmp_path / f".courriers-{vivant.pid}-def456.tmp"
        a_moi = tmp_path / f".courriers-{os.getpid()}-ghi789.tmp"
        autre = tmp_path / ".courriers-notes.tmp"  # not a name of courriers: kept
        for chemin in (mort, du_vivant, a_moi, autre):
            chemin.write_bytes(b"x")
        assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 0
        assert not mort.exists()
        assert du_vivant.exists() and a_moi.exists() and autre.exists()
        assert nettoyer_perimes(tmp_path) == []
    finally:
        vivant.kill()
        vivant.wait()
    assert nettoyer_perimes(tmp_path) == [du_vivant]


def test_un_lot_en_echec_ne_touche_pas_aux_fichiers_d_un_autre_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vivant = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    lot = tmp_path / "lot"
    lot.mkdir()
    du_vivant = lot / f".courriers-{vivant.pid}-abc123.tmp"
    du_vivant.write_bytes(b"en cours")
    try:
        from courriers import lots

        vrai = lots._ecrire_un
        compte = {"n": 0}

        def panne_au_troisieme(*args: Any) -> Path:
            compte["n"] += 1
            if compte["n"] == 3:
                raise RuntimeError("panne")
            return vrai(*args)

        monkeypatch.setattr(lots, "_ecrire_un", panne_au_troisieme)
        assert main(["convocation", str(EXEMPLE), "-o", str(lot)]) == 1
        assert [p.name for p in lot.iterdir()] == [du_vivant.name]
    finally:
        vivant.kill()
        vivant.wait()


def test_nom_des_temporaires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vus: list[str] = []
    vrai = os.replace

    def espion(source: Any, destination: Any, **dossiers: Any) -> None:
        vus.append(Path(source).name)
        vrai(source, destination, **dossiers)

    monkeypatch.setattr(os, "replace", espion)
    assert main(["convocation", str(EXEMPLE), "-o", str(tmp_path / "lot")]) == 0
    assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 0
    assert len(vus) == 15
    assert {pid_de(nom) for nom in vus} == {os.getpid()}


# --- batches in subprocesses: signals, concurrent runs ----------------------------------------


def _lancer(dossier: Path, *options: str, pause: str = "0.3") -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(RACINE / "src"),
        "COURRIERS_PAUSE_ENTRE_DOCUMENTS": pause,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "courriers",
            "convocation",
            str(EXEMPLE),
            "-o",
            str(dossier),
            *options,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _attendre_un_temporaire(processus: subprocess.Popen[str], dossier: Path) -> None:
    """Until the batch has written a temporary file (it is then mid-batch)."""
    limite = time.monotonic() + 120
    while not list(dossier.glob(f".courriers-{processus.pid}-*.tmp")):
        assert processus.poll() is None, processus.communicate()
        assert time.monotonic() < limite, "le lot n'a rien écrit"
        time.sleep(0.05)


def _enfants(pid: int) -> list[int]:
    enfants = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            champs = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(champs[1]) == pid:
            enfants.append(int(stat.split("/")[2]))
    return enfants


def _vivant(pid: int) -> bool:
    try:
        etat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return etat != "Z"


def _lot_precedent(dossier: Path) -> dict[str, bytes]:
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier)]) == 0
    return {p.name: p.read_bytes() for p in dossier.iterdir()}


def _contenu(dossier: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in dossier.iterdir() if not p.name.startswith(".")}


@posix
@pytest.mark.parametrize(
    ("signal_", "code", "jobs", "groupe"),
    [
        (signal.SIGINT, 130, "1", False),
        (signal.SIGTERM, 143, "1", False),
        (signal.SIGINT, 130, "2", True),  # Ctrl-C in a terminal: the whole group
        (signal.SIGTERM, 143, "2", False),
    ],
)
def test_interruption_d_un_lot(
    signal_: signal.Signals, code: int, jobs: str, groupe: bool, tmp_path: Path
) -> None:
    dossier = tmp_path / "lot"
    avant = _lot_precedent(dossier)
    processus = _lancer(dossier, "--jobs", jobs)
    _attendre_un_temporaire(processus, dossier)
    travailleurs = _enfants(processus.pid)
    if groupe:
        os.killpg(processus.pid, signal_)
    else:
        processus.send_signal(signal_)
    sortie, erreur = processus.communicate(timeout=120)
    assert processus.returncode == code, erreur
    attendu = "interrompu (Ctrl-C)" if signal_ == signal.SIGINT else "arrêté (signal SIGTERM)"
    assert erreur.splitlines() == [
        f"courriers : erreur : {attendu} : rien n'est publié, les fichiers déjà écrits "
        "restent intacts"
    ]
    assert "Traceback" not in sortie + erreur
    assert _temporaires(dossier) == []
    assert _contenu(dossier) == avant
    assert not [pid for pid in travailleurs if _vivant(pid)]


@posix
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_lot_tue_par_sigkill(jobs: str, tmp_path: Path) -> None:
    dossier = tmp_path / "lot"
    avant = _lot_precedent(dossier)
    processus = _lancer(dossier, "--jobs", jobs)
    _attendre_un_temporaire(processus, dossier)
    travailleurs = _enfants(processus.pid)
    assert len(travailleurs) >= int(jobs) - 1
    processus.kill()
    processus.communicate(timeout=120)
    assert _temporaires(dossier)  # nobody could remove them
    assert _contenu(dossier) == avant  # the earlier batch is intact
    # The workers die with their parent.
    limite = time.monotonic() + 30
    while [pid for pid in travailleurs if _vivant(pid)] and time.monotonic() < limite:
        time.sleep(0.1)
    assert not [pid for pid in travailleurs if _vivant(pid)]
    # The next run writing into the folder removes the dead run's files.
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier)]) == 0
    assert _temporaires(dossier) == []
    assert sorted(_contenu(dossier)) == sorted(avant)


@posix
def test_deux_lots_simultanes_dans_le_meme_dossier(tmp_path: Path) -> None:
    dossier = tmp_path / "lot"
    premier = _lancer(dossier, pause="0.1")
    _attendre_un_temporaire(premier, dossier)
    second = _lancer(dossier, pause="0.1")
    for processus in (premier, second):
        sortie, erreur = processus.communicate(timeout=300)
        assert processus.returncode == 0, erreur
        assert "14 convocations écrites" in sortie
    assert _temporaires(dossier) == []
    assert len(_contenu(dossier)) == 14


@posix
def test_un_lot_en_echec_ne_casse_pas_un_lot_sain(tmp_path: Path) -> None:
    dossier = tmp_path / "lot"
    sain = _lancer(dossier, pause="0.2")
    _attendre_un_temporaire(sain, dossier)
    from docx import Document

    document = Document()
    document.add_paragraph("{% if numero == 9 %}{{ 1 // 0 }}{% endif %}{{ formules.appel }}")
    modele = tmp_path / "modele.docx"
    document.save(str(modele))
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier), "--modele", str(modele)]) == 4
    _, erreur = sain.communicate(timeout=300)
    assert sain.returncode == 0, erreur
    assert _temporaires(dossier) == []
    assert len(_contenu(dossier)) == 14


# --- a batch folder holds the current batch ----------------------------------------------------


def _moins_de_convoques(dossier: Path, garder: int) -> Path:
    donnees = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    donnees["reunion"]["convoques"] = donnees["reunion"]["convoques"][:garder]
    fichier = dossier / "reunion.json"
    fichier.write_text(json.dumps(donnees), encoding="utf-8")
    return fichier


def test_fichiers_d_un_lot_precedent_listes_puis_remplaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = tmp_path / "lot"
    assert main(["convocation", str(EXEMPLE), "-o", str(lot)]) == 0
    (lot / "notes.txt").write_text("à moi", encoding="utf-8")
    (lot / "convocation-compte-rendu.docx").write_bytes(b"a moi aussi")
    capsys.readouterr()
    fichier = _moins_de_convoques(tmp_path, 10)
    assert main(["convocation", str(fichier), "-o", str(lot)]) == 0
    err = capsys.readouterr().err
    assert "avertissement : 4 fichier(s) d'un lot précédent reste(nt) dans" in err
    assert "convocation-11-" in err and "--remplacer les supprime" in err
    assert len(list(lot.glob("convocation-[01]*.docx"))) == 14
    assert main(["convocation", str(fichier), "-o", str(lot), "--remplacer"]) == 0
    sortie = capsys.readouterr()
    assert "4 fichier(s) d'un lot précédent supprimé(s) (--remplacer)" in sortie.out
    actuels = {e.nom_fichier for e in exemplaires(charger(fichier, Convocation))}
    assert {p.name for p in lot.iterdir()} == actuels | {
        "notes.txt",
        "convocation-compte-rendu.docx",
    }


def test_remplacer_ne_supprime_rien_si_le_lot_echoue(tmp_path: Path) -> None:
    lot = tmp_path / "lot"
    assert main(["convocation", str(EXEMPLE), "-o", str(lot)]) == 0
    avant = _contenu(lot)
    donnees = json.loads(_moins_de_convoques(tmp_path, 10).read_text(encoding="utf-8"))
    donnees["reunion"]["convoques"][3]["adresse"] = ["x" * 60, "03000 MOULINS"]
    fichier = tmp_path / "invalide.json"
    fichier.write_text(json.dumps(donnees), encoding="utf-8")
    assert main(["convocation", str(fichier), "-o", str(lot), "--remplacer"]) == 3
    assert _contenu(lot) == avant


def test_un_apercu_serait_le_fichier_de_donnees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees = Path(shutil.copy(EXEMPLE, tmp_path / "apercu-cr-2.png"))  # read as JSON
    avant = donnees.read_bytes()
    code, err = _erreur(capsys, "apercu", "cr", donnees, "-o", tmp_path)
    assert code == 3 and "la sortie écraserait le fichier de données" in err
    assert donnees.read_bytes() == avant
