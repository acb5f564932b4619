"""Benchmark of the invitation batch engine (run from the repository root).

    python bench/convocations.py

prints, for invitations generated from the example meeting file:

* courriers: template prepared once, each invitation rendered and written
  to disk (ms per document, peak memory of the process);
* plain docxtpl on the same template and data, in the same run: a fresh
  ``DocxTemplate`` per document, autoescape on, same Jinja environment and
  filters, the same plain data (ms per document);
* the ratio of the two;
* the floor: the same zips written with no rendering (each document's
  rendered parts kept from a first pass, then only deflated, zipped,
  written and renamed as the engine does, each zip written as soon as it
  is made or a few made then written, the cheaper), beside the engine's
  own time measured in the same process (best of five passes each,
  alternated);
* scaling with ``--jobs`` 1, 2 and 4 on 10,000 invitations (best of two alternated runs: wall time,
  peak memory of the parent and of the largest worker);
* peak memory for 10,000 invitations written by courriers;
* the cold wall time of ``python -m courriers cr`` on the seed example.

Each measurement runs in its own process, so that peak memories are
separate. Figures are recorded in ``docs/performances.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parent.parent
EXEMPLE = RACINE / "exemples" / "comite-local-usagers-allier-2022.json"


def convocation(nombre: int) -> Any:
    """The example meeting with ``nombre`` invitees (the example's, renamed)."""
    from courriers import Convocation, charger

    base = charger(EXEMPLE, Convocation)
    modeles = base.reunion.convoques
    convoques = [
        modeles[i % len(modeles)].model_copy(
            update={"nom": f"{modeles[i % len(modeles)].nom or 'X'}{i:05d}"}
        )
        for i in range(nombre)
    ]
    reunion = base.reunion.model_copy(update={"convoques": convoques})
    return base.model_copy(update={"reunion": reunion})


def mesurer_courriers(nombre: int, dossier: Path) -> dict[str, float]:
    from courriers import ecrire_lot, exemplaires, preparer_modele

    document = convocation(nombre)
    lot = exemplaires(document)
    debut = time.perf_counter()
    modele = preparer_modele(document)
    ecrire_lot(modele, lot, dossier)
    duree = time.perf_counter() - debut
    return {"documents": nombre, "ms_par_document": 1000 * duree / nombre, "pic_memoire_mo": _pic()}


def mesurer_docxtpl(nombre: int, dossier: Path) -> dict[str, float]:
    from docxtpl import DocxTemplate

    from courriers import exemplaires
    from courriers.documents import chemin_modele
    from courriers.moteur.donnees_gabarit import Conversion
    from courriers.moteur.environnement import environnement

    document = convocation(nombre)
    lot = exemplaires(document)
    chemin = chemin_modele(document)
    debut = time.perf_counter()
    for exemplaire in lot:
        gabarit = DocxTemplate(str(chemin))
        gabarit.render(
            Conversion().contexte({**exemplaire.contexte, "image_marianne": None}),
            jinja_env=environnement(),
            autoescape=True,
        )
        gabarit.save(str(dossier / exemplaire.nom_fichier))
    duree = time.perf_counter() - debut
    return {"documents": nombre, "ms_par_document": 1000 * duree / nombre, "pic_memoire_mo": _pic()}


def mesurer_plancher(nombre: int, dossier: Path) -> dict[str, float]:
    """The engine's ms/doc (template prepared) and the floor's, same process."""

    from courriers import ecrire_lot, exemplaires, preparer_modele
    from courriers.lots import EN_MEMOIRE
    from courriers.moteur.prepare import ModelePrepare

    document = convocation(nombre)
    lot = exemplaires(document)
    modele = preparer_modele(document)
    rendus: list[dict[str, bytes]] = []
    original = ModelePrepare._paquet

    def garder(self: ModelePrepare, parties: Any) -> bytes:
        rendus.append(dict(parties))
        return original(self, parties)

    ModelePrepare._paquet = garder  # type: ignore[method-assign, assignment]
    for exemplaire in lot:
        modele.rendre(exemplaire.contexte, exemplaire.proprietes)
    ModelePrepare._paquet = original  # type: ignore[method-assign]

    def plancher(sortie: Path, en_memoire: int) -> None:
        sortie.mkdir()
        temporaires = []
        for debut in range(0, len(rendus), en_memoire):
            contenus = [modele._paquet(parties) for parties in rendus[debut : debut + en_memoire]]
            for contenu in contenus:
                descripteur, nom = tempfile.mkstemp(prefix=".courriers-", suffix=".tmp", dir=sortie)
                with os.fdopen(descripteur, "wb") as fichier:
                    fichier.write(contenu)
                os.chmod(nom, 0o644)
                temporaires.append(nom)
        for nom, exemplaire in zip(temporaires, lot, strict=True):
            os.replace(nom, sortie / exemplaire.nom_fichier)

    moteur, sol, moteur_cpu, sol_cpu = [], [], [], []
    for essai in range(5):
        _vider_le_cache_disque()
        debut, cpu = time.perf_counter(), time.process_time()
        ecrire_lot(modele, lot, dossier / f"moteur-{essai}")
        moteur.append(time.perf_counter() - debut)
        moteur_cpu.append(time.process_time() - cpu)
        # The floor written both ways (each zip written as soon as it is
        # made, or a few zips made then written, as the engine does): the
        # cheaper one counts.
        for en_memoire in (1, EN_MEMOIRE):
            _vider_le_cache_disque()
            debut, cpu = time.perf_counter(), time.process_time()
            plancher(dossier / f"plancher-{essai}-{en_memoire}", en_memoire)
            sol.append(time.perf_counter() - debut)
            sol_cpu.append(time.process_time() - cpu)
    return {
        "documents": nombre,
        "moteur_ms": 1000 * min(moteur) / nombre,
        "plancher_ms": 1000 * min(sol) / nombre,
        "moteur_cpu_ms": 1000 * min(moteur_cpu) / nombre,
        "plancher_cpu_ms": 1000 * min(sol_cpu) / nombre,
    }


def mesurer_jobs(nombre: int, dossier: Path, jobs: int) -> dict[str, float]:
    """Wall time of a batch written by ``jobs`` processes (template
    prepared, batch built before), peak memories."""
    from functools import partial

    from courriers import ecrire_lot, exemplaires, preparer_modele
    from courriers.lots import ecrire_lot_parallele

    document = convocation(nombre)
    lot = exemplaires(document)
    _vider_le_cache_disque()
    debut = time.perf_counter()
    if jobs == 1:
        ecrire_lot(preparer_modele(document), lot, dossier)
    else:
        ecrire_lot_parallele(partial(preparer_modele, document), lot, dossier, jobs)
    duree = time.perf_counter() - debut
    enfants = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "documents": nombre,
        "secondes": duree,
        "ms_par_document": 1000 * duree / nombre,
        "pic_memoire_mo": _pic(),
        "pic_processus_mo": enfants,
    }


def _pic() -> float:
    """Peak resident memory of this process, in MB (Linux: ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _vider_le_cache_disque() -> None:
    """Write out what earlier measurements left to the disk, so that their
    writing does not fall in the next one (``os.sync``, where it exists)."""
    if hasattr(os, "sync"):
        os.sync()


def _dans_un_processus(moteur: str, nombre: int, jobs: int = 1) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as dossier:
        sortie = subprocess.run(
            [
                sys.executable,
                __file__,
                "--mesurer",
                moteur,
                "--nombre",
                str(nombre),
                "--dossier",
                dossier,
                "--jobs",
                str(jobs),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    resultat: dict[str, float] = json.loads(sortie.stdout)
    return resultat


def cr_a_froid(repetitions: int) -> list[float]:
    """Wall times of ``python -m courriers cr`` on the seed example."""
    durees = []
    with tempfile.TemporaryDirectory() as dossier:
        for _ in range(repetitions):
            debut = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "courriers", "cr", str(EXEMPLE), "-o", f"{dossier}/cr.docx"],
                check=True,
                capture_output=True,
            )
            durees.append(time.perf_counter() - debut)
    return durees


def main() -> int:
    analyseur = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    analyseur.add_argument("--nombre", type=int, default=1000, help="invitations comparées")
    analyseur.add_argument(
        "--memoire", type=int, default=10000, help="invitations du test de mémoire"
    )
    analyseur.add_argument(
        "--echelle", type=int, default=10000, help="invitations de la mesure de --jobs"
    )
    analyseur.add_argument(
        "--mesurer",
        choices=["courriers", "docxtpl", "plancher", "jobs"],
        help=argparse.SUPPRESS,
    )
    analyseur.add_argument("--dossier", type=Path, help=argparse.SUPPRESS)
    analyseur.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = analyseur.parse_args()
    if args.mesurer == "jobs":
        print(json.dumps(mesurer_jobs(args.nombre, args.dossier, args.jobs)))
        return 0
    if args.mesurer:
        mesure = {
            "courriers": mesurer_courriers,
            "docxtpl": mesurer_docxtpl,
            "plancher": mesurer_plancher,
        }[args.mesurer]
        print(json.dumps(mesure(args.nombre, args.dossier)))
        return 0

    print(f"charge de la machine au départ : {_charge()}")

    print(f"{args.nombre} convocations, modèle intégré, écrites sur disque")
    rapide = _dans_un_processus("courriers", args.nombre)
    simple = _dans_un_processus("docxtpl", args.nombre)
    print(
        f"  courriers : {rapide['ms_par_document']:.2f} ms/document, pic {rapide['pic_memoire_mo']:.0f} Mo"
    )
    print(
        f"  docxtpl   : {simple['ms_par_document']:.2f} ms/document, pic {simple['pic_memoire_mo']:.0f} Mo"
    )
    print(
        f"  rapport   : {simple['ms_par_document'] / rapide['ms_par_document']:.1f} fois plus rapide"
    )
    sol = _dans_un_processus("plancher", args.nombre)
    print(
        f"  moteur    : {sol['moteur_ms']:.2f} ms/document (modèle préparé, meilleur de 5) ; "
        f"plancher (mêmes zips sans rendu) {sol['plancher_ms']:.2f} ms/document ; "
        f"rapport {sol['moteur_ms'] / sol['plancher_ms']:.2f}"
    )
    print(
        f"  en temps processeur : moteur {sol['moteur_cpu_ms']:.2f} ms/document, plancher "
        f"{sol['plancher_cpu_ms']:.2f} ms/document, rapport "
        f"{sol['moteur_cpu_ms'] / sol['plancher_cpu_ms']:.2f}"
    )
    print(
        f"  docxtpl / moteur : {simple['ms_par_document'] / sol['moteur_ms']:.1f} fois plus rapide"
    )
    print(
        f"{args.echelle} convocations, --jobs 1, 2, 4 (lot construit avant ; meilleur de 2, "
        "mesures alternées)"
    )
    seul: dict[str, float] | None = None
    mesures: dict[int, dict[str, float]] = {}
    for _tour in range(2):  # alternated, the better of two for each
        for jobs in (1, 2, 4):
            m = _dans_un_processus("jobs", args.echelle, jobs)
            if jobs not in mesures or m["secondes"] < mesures[jobs]["secondes"]:
                mesures[jobs] = m
    for jobs, m in mesures.items():
        seul = seul or m
        print(
            f"  --jobs {jobs} : {m['secondes']:.2f} s ({m['ms_par_document']:.2f} ms/document), "
            f"{seul['secondes'] / m['secondes']:.2f} fois --jobs 1 ; pic {m['pic_memoire_mo']:.0f} Mo "
            f"(processus principal), {m['pic_processus_mo']:.0f} Mo (plus gros processus fils)"
        )
    grand = _dans_un_processus("courriers", args.memoire)
    print(
        f"{args.memoire} convocations : {grand['ms_par_document']:.2f} ms/document, "
        f"pic mémoire {grand['pic_memoire_mo']:.0f} Mo"
    )
    durees = cr_a_froid(5)
    print(
        f"python -m courriers cr (exemple, à froid) : médiane {statistics.median(durees):.2f} s "
        f"(min {min(durees):.2f}, max {max(durees):.2f})"
    )
    print(f"charge de la machine à la fin : {_charge()}")
    return 0


def _charge() -> str:
    """The load average (1, 5, 15 min) and the number of cores."""
    import os

    try:
        un, cinq, quinze = os.getloadavg()
    except OSError:
        return "inconnue"
    return f"{un:.2f} {cinq:.2f} {quinze:.2f} ({os.cpu_count()} cœurs)"


if __name__ == "__main__":
    sys.exit(main())
