"""Benchmark of the PDF conversion (run from the repository root).

    python bench/pdf.py

prints, for invitations generated from the example meeting file (the
example's invitees, renamed, as in ``bench/convocations.py``):

* 1 vs N LibreOffice processes (N: the number of cores, at least 2) on the
  same DOCX, alternating a first run with an empty profile cache (every
  process starts on a new profile) and a second run reusing the kept
  profiles, three times each (medians, in ms per document);
* the ratios (N vs 1, second vs first run);
* one document converted alone (one LibreOffice start), on a new profile
  and on a kept one: the start-up cost of a new profile.

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


def mesurer(
    nombre: int, un_par_un: int, dossier: Path, processus: int, tours: int
) -> dict[str, float]:
    """Conversions of the same DOCX with 1 and ``processus`` LibreOffice
    processes, alternating a run on new profiles (empty cache) and a run on
    the profiles kept by the run before, ``tours`` times each: the median
    of each, in ms per document; then single documents, one LibreOffice
    start each, on a new profile and on a kept one."""
    from courriers import exemplaires, preparer_modele
    from courriers.pdf import convertir
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

    def duree(sources: list[Path], n: int, cache: Path) -> float:
        os.environ[VARIABLE_CACHE] = str(cache)
        debut = time.perf_counter()
        pdf = convertir(sources, processus=n)
        ecoule = time.perf_counter() - debut
        assert len(pdf) == len(sources) and all(chemin.stat().st_size > 0 for chemin in pdf)
        return ecoule

    for n in (1, processus):
        neufs, gardes = [], []
        for tour in range(tours):
            cache = dossier / f"cache-{n}-{tour}"  # empty: new profiles
            neufs.append(duree(docx, n, cache))
            gardes.append(duree(docx, n, cache))  # the profiles just made
        mesures[f"{n}_neufs_ms"] = 1000 * statistics.median(neufs) / nombre
        mesures[f"{n}_gardes_ms"] = 1000 * statistics.median(gardes) / nombre
    neufs, gardes = [], []
    for rang, chemin in enumerate(docx[:un_par_un]):
        cache = dossier / f"cache-un-{rang}"
        neufs.append(duree([chemin], 1, cache))
        gardes.append(duree([chemin], 1, cache))
    mesures["un_neuf_ms"] = 1000 * statistics.median(neufs)
    mesures["un_garde_ms"] = 1000 * statistics.median(gardes)
    return mesures


def main() -> int:
    analyseur = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    analyseur.add_argument("--nombre", type=int, default=100, help="invitations converties en lot")
    analyseur.add_argument(
        "--un-par-un", type=int, default=5, help="invitations converties une par une"
    )
    analyseur.add_argument("--tours", type=int, default=3, help="exécutions de chaque mesure")
    args = analyseur.parse_args()
    from courriers.pdf import disponible

    if not disponible():
        print("LibreOffice introuvable : rien à mesurer", file=sys.stderr)
        return 1
    processus = max(2, os.cpu_count() or 1)
    print(f"charge de la machine au départ : {_charge()}")
    with tempfile.TemporaryDirectory() as dossier:
        m = mesurer(args.nombre, args.un_par_un, Path(dossier), processus, args.tours)
    print(f"{args.nombre} convocations, DOCX (rendu {m['rendu_ms']:.1f} ms/document) puis PDF")
    print(f"  médianes de {args.tours} exécutions alternées (profils neufs, puis gardés)")
    for n in (1, processus):
        print(
            f"  {n} processus LibreOffice : profils neufs {m[f'{n}_neufs_ms']:.0f} ms/document, "
            f"profils gardés {m[f'{n}_gardes_ms']:.0f} ms/document, seconde exécution "
            f"{m[f'{n}_neufs_ms'] / m[f'{n}_gardes_ms']:.2f} fois plus rapide "
            f"({(m[f'{n}_neufs_ms'] - m[f'{n}_gardes_ms']) * args.nombre / 1000:.2f} s de moins)"
        )
    print(
        f"  {processus} processus contre 1 : "
        f"{m['1_neufs_ms'] / m[f'{processus}_neufs_ms']:.2f} fois plus rapide (profils neufs), "
        f"{m['1_gardes_ms'] / m[f'{processus}_gardes_ms']:.2f} (profils gardés)"
    )
    print(
        f"  un document, un démarrage de LibreOffice (médiane de {args.un_par_un}) : "
        f"profil neuf {m['un_neuf_ms']:.0f} ms, profil gardé {m['un_garde_ms']:.0f} ms, "
        f"démarrage d'un profil neuf {m['un_neuf_ms'] - m['un_garde_ms']:.0f} ms"
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
