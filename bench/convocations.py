"""Benchmark of the invitation batch engine (run from the repository root).

    python bench/convocations.py

prints, for invitations generated from the example meeting file:

* courriers: template prepared once, each invitation rendered and written
  to disk (ms per document, peak memory of the process);
* plain docxtpl on the same template and data, in the same run: a fresh
  ``DocxTemplate`` per document, autoescape on, same Jinja environment and
  filters (ms per document);
* the ratio of the two;
* peak memory for 10,000 invitations written by courriers;
* the cold wall time of ``python -m courriers cr`` on the seed example.

Each measurement runs in its own process, so that peak memories are
separate. Figures are recorded in ``docs/performances.md``.
"""

from __future__ import annotations

import argparse
import json
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
    from courriers.moteur.environnement import environnement

    document = convocation(nombre)
    lot = exemplaires(document)
    chemin = chemin_modele(document)
    debut = time.perf_counter()
    for exemplaire in lot:
        gabarit = DocxTemplate(str(chemin))
        gabarit.render(
            {**exemplaire.contexte, "image_marianne": None},
            jinja_env=environnement(),
            autoescape=True,
        )
        gabarit.save(str(dossier / exemplaire.nom_fichier))
    duree = time.perf_counter() - debut
    return {"documents": nombre, "ms_par_document": 1000 * duree / nombre, "pic_memoire_mo": _pic()}


def _pic() -> float:
    """Peak resident memory of this process, in MB (Linux: ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dans_un_processus(moteur: str, nombre: int) -> dict[str, float]:
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
    analyseur.add_argument("--mesurer", choices=["courriers", "docxtpl"], help=argparse.SUPPRESS)
    analyseur.add_argument("--dossier", type=Path, help=argparse.SUPPRESS)
    args = analyseur.parse_args()
    if args.mesurer:
        mesure = mesurer_courriers if args.mesurer == "courriers" else mesurer_docxtpl
        print(json.dumps(mesure(args.nombre, args.dossier)))
        return 0

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
