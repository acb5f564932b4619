"""Benchmark of the PDF conversion (run from the repository root).

    python bench/pdf.py

prints, for invitations generated from the example meeting file (the
example's invitees, renamed, as in ``bench/convocations.py``):

* batched: every invitation rendered to a DOCX file (template prepared once), then
  all converted to PDF by one LibreOffice process (``courriers.pdf.convertir``),
  end to end, in ms per document (rendering and conversion apart too);
* one LibreOffice start per document, measured in the same run on a subset
  (``convertir_un`` on each of the first documents), in ms per document;
* the ratio of the two, and the fixed cost of a LibreOffice start it implies.

Figures are recorded in ``docs/pdf.md``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from convocations import convocation  # bench/convocations.py, same folder


def mesurer(nombre: int, un_par_un: int, dossier: Path) -> dict[str, float]:
    """Batched and one-start-per-document conversions, in ms per document."""
    from courriers import exemplaires, preparer_modele
    from courriers.pdf import convertir, convertir_un

    document = convocation(nombre)
    debut = time.perf_counter()
    modele = preparer_modele(document)
    docx = []
    for exemplaire in exemplaires(document):
        chemin = dossier / exemplaire.nom_fichier
        chemin.write_bytes(modele.rendre(exemplaire.contexte, exemplaire.proprietes))
        docx.append(chemin)
    rendu = time.perf_counter() - debut
    pdf = convertir(docx)
    total = time.perf_counter() - debut
    assert len(pdf) == nombre and all(chemin.stat().st_size > 0 for chemin in pdf)

    durees = []
    for chemin in docx[:un_par_un]:
        debut = time.perf_counter()
        convertir_un(chemin)
        durees.append(time.perf_counter() - debut)
    return {
        "rendu_ms": 1000 * rendu / nombre,
        "conversion_ms": 1000 * (total - rendu) / nombre,
        "lot_ms": 1000 * total / nombre,
        "un_par_un_ms": 1000 * statistics.mean(durees),
        "un_par_un_min_ms": 1000 * min(durees),
        "un_par_un_max_ms": 1000 * max(durees),
    }


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
    with tempfile.TemporaryDirectory() as dossier:
        m = mesurer(args.nombre, args.un_par_un, Path(dossier))
    print(f"{args.nombre} convocations, DOCX puis PDF, un seul processus LibreOffice")
    print(
        f"  en lot     : {m['lot_ms']:.0f} ms/document de bout en bout "
        f"(rendu DOCX {m['rendu_ms']:.1f} ms, conversion {m['conversion_ms']:.0f} ms)"
    )
    print(
        f"  un par un  : {m['un_par_un_ms']:.0f} ms/document, un démarrage de LibreOffice "
        f"chacun ({args.un_par_un} documents, min {m['un_par_un_min_ms']:.0f}, "
        f"max {m['un_par_un_max_ms']:.0f})"
    )
    print(f"  rapport    : {m['un_par_un_ms'] / m['lot_ms']:.1f} fois plus rapide en lot")
    print(
        f"  démarrage  : environ {m['un_par_un_ms'] - m['conversion_ms']:.0f} ms "
        "par processus LibreOffice (un par un moins conversion en lot)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
