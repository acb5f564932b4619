"""Benchmark of the PDF conversion (run from the repository root).

    python bench/pdf.py

prints, for invitations generated from the example meeting file (the
example's invitees, renamed, as in ``bench/convocations.py``):

* 1 vs N LibreOffice processes (N: the number of cores, at least 2) on the
  same DOCX, each twice: a first run with an empty profile cache (every
  process starts on a new profile) and a second run reusing the kept
  profiles, in ms per document;
* the ratios of the two (1 vs N, first vs second run), and the start-up
  cost of a new profile they imply;
* one LibreOffice start per document (``convertir_un`` on each of the
  first documents, profile kept), in ms per document.

Figures are recorded in ``docs/pdf.md`` and ``docs/performances.md``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from convocations import convocation  # bench/convocations.py, same folder


def mesurer(nombre: int, un_par_un: int, dossier: Path, processus: int) -> dict[str, float]:
    """Conversions of the same DOCX with 1 and ``processus`` LibreOffice
    processes, first and second run each, in ms per document."""
    from courriers import exemplaires, preparer_modele
    from courriers.pdf import convertir, convertir_un
    from courriers.pdf_parallele import VARIABLE_CACHE

    document = convocation(nombre)
    debut = time.perf_counter()
    modele = preparer_modele(document)
    docx = []
    for exemplaire in exemplaires(document):
        chemin = dossier / exemplaire.nom_fichier
        chemin.write_bytes(modele.rendre(exemplaire.contexte, exemplaire.proprietes))
        docx.append(chemin)
    mesures = {"rendu_ms": 1000 * (time.perf_counter() - debut) / nombre}
    for n in (1, processus):
        os.environ[VARIABLE_CACHE] = str(dossier / f"cache-{n}")  # empty: new profiles
        for essai in ("premier", "second"):
            debut = time.perf_counter()
            pdf = convertir(docx, processus=n)
            mesures[f"{n}_{essai}_ms"] = 1000 * (time.perf_counter() - debut) / nombre
            assert len(pdf) == nombre and all(chemin.stat().st_size > 0 for chemin in pdf)
    durees = []
    for chemin in docx[:un_par_un]:
        debut = time.perf_counter()
        convertir_un(chemin)
        durees.append(time.perf_counter() - debut)
    mesures["un_par_un_ms"] = 1000 * statistics.mean(durees)
    return mesures


def main() -> int:
    analyseur = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    analyseur.add_argument("--nombre", type=int, default=100, help="invitations converties en lot")
    analyseur.add_argument(
        "--un-par-un", type=int, default=5, help="invitations converties une par une"
    )
    args = analyseur.parse_args()
    from courriers.pdf import disponible

    if not disponible():
        print("LibreOffice introuvable : rien à mesurer", file=sys.stderr)
        return 1
    processus = max(2, os.cpu_count() or 1)
    print(f"charge de la machine au départ : {_charge()}")
    with tempfile.TemporaryDirectory() as dossier:
        m = mesurer(args.nombre, args.un_par_un, Path(dossier), processus)
    print(f"{args.nombre} convocations, DOCX (rendu {m['rendu_ms']:.1f} ms/document) puis PDF")
    for n in (1, processus):
        print(
            f"  {n} processus LibreOffice : 1re exécution (profils neufs) "
            f"{m[f'{n}_premier_ms']:.0f} ms/document, 2e (profils gardés) "
            f"{m[f'{n}_second_ms']:.0f} ms/document, rapport "
            f"{m[f'{n}_premier_ms'] / m[f'{n}_second_ms']:.2f}"
        )
    print(
        f"  {processus} processus contre 1 : {m['1_premier_ms'] / m[f'{processus}_premier_ms']:.2f} "
        f"fois plus rapide en 1re exécution, "
        f"{m['1_second_ms'] / m[f'{processus}_second_ms']:.2f} en 2e"
    )
    gain = (m["1_premier_ms"] - m["1_second_ms"]) * args.nombre / 1000
    print(f"  démarrage sur un profil neuf : environ {gain:.2f} s de plus par processus")
    print(
        f"  un par un (profil gardé) : {m['un_par_un_ms']:.0f} ms/document "
        f"({args.un_par_un} documents)"
    )
    print(f"charge de la machine à la fin : {_charge()}")
    return 0


def _charge() -> str:
    try:
        un, cinq, quinze = os.getloadavg()
    except OSError:
        return "inconnue"
    return f"{un:.2f} {cinq:.2f} {quinze:.2f} ({os.cpu_count()} cœurs)"


if __name__ == "__main__":
    sys.exit(main())
