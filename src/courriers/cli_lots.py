"""The command line's batches: one document per invitee or correspondent,
the checks of their outputs (never an input), the PDFs, what is printed
about a batch (written, failed, left from an earlier batch) and ``--jobs``
bounded by the number of cores. Used by :mod:`courriers.cli`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from courriers import documents, pdf
from courriers.correspondants import charger_correspondants, charger_correspondants_valides
from courriers.donnees.base import Modele
from courriers.erreurs import CODE_LOT_INCOMPLET
from courriers.limites import processus_max
from courriers.lots import Bilan, barre_de_progression, ecrire_lot, ecrire_lot_parallele
from courriers.messages import erreur
from courriers.registre import TYPES, TypeDocument
from courriers.repartition import processus_par_defaut
from courriers.sorties import avec_pdf, verifier_sorties
from courriers.verification.accessibilite import verifier_accessibilite


def verifier_sorties_de(
    document: Modele, sorties: Sequence[Path], args: argparse.Namespace
) -> None:
    """No output (nor its PDF) may replace an input, checked before any work."""
    entrees = documents.entrees(
        document,
        args.fichier,
        args.modele,
        args.dossier_modeles,
        getattr(args, "correspondants", None),
    )
    verifier_sorties(avec_pdf(sorties, args.pdf or args.pdfa or args.pdfua), entrees)


def avertir_accessibilite(documents_ecrits: Sequence[tuple[str, bytes | Path]]) -> None:
    """Print the accessibility warnings of the documents written, each once
    with the documents it concerns (docs/accessibilite.md)."""
    vus: dict[tuple[str, str, str], list[str]] = {}
    for nom, contenu in documents_ecrits:
        for probleme in verifier_accessibilite(contenu):
            vus.setdefault((probleme.partie, probleme.lieu, probleme.message), []).append(nom)
    for (partie, lieu, message), noms in vus.items():
        ou = noms[0] if len(noms) == 1 else f"{noms[0]} et {len(noms) - 1} autre(s)"
        print(
            f"courriers : avertissement : accessibilité : {ou} : {partie} {lieu} — {message}",
            file=sys.stderr,
        )


def pdf_de(docx: list[Path], args: argparse.Namespace) -> None:
    """With --pdf, --pdfa or --pdfua: every DOCX written converted in one
    LibreOffice process."""
    if not (args.pdf or args.pdfa or args.pdfua) or not docx:
        return
    pdfs = pdf.convertir(docx, pdfa=args.pdfa, pdfua=args.pdfua)
    sorte = " et ".join(n for n, oui in (("PDF/A-2b", args.pdfa), ("PDF/UA-1", args.pdfua)) if oui)
    sorte = sorte or "PDF"
    print(f"{len(pdfs)} {sorte} écrit(s) : {pdfs[0]}{' …' if len(pdfs) > 1 else ''}")


def lettres_par_correspondant(lettre: Modele, args: argparse.Namespace) -> int:
    fichier: Path = args.fichier
    type_document = TYPES[args.commande]
    dossier: Path = args.sortie or fichier.with_name(f"{fichier.stem}-{type_document.nom_lot}")
    echecs: list[str] = []
    if args.continuer:
        correspondants, echecs = charger_correspondants_valides(args.correspondants)
    else:
        correspondants = charger_correspondants(args.correspondants)
    lot = documents.par_correspondant(lettre, correspondants)
    verifier_sorties_de(lettre, [dossier / e.nom_fichier for e in lot], args)
    modele = documents.preparer_modele(lettre, args.modele, args.dossier_modeles)
    bilan = ecrire_lot(
        modele,
        lot,
        dossier,
        barre_de_progression(),
        args.continuer,
        strict=args.strict,
        remplacer=args.remplacer,
    )
    return _bilan("courriers écrits", bilan, echecs, dossier, args)


def _bilan(
    quoi: str, bilan: Bilan, echecs: list[str], dossier: Path, args: argparse.Namespace
) -> int:
    """Print what a batch wrote and what failed (PDF too); the exit code."""
    tous = [*echecs, *bilan.echecs]
    print(f"{len(bilan.ecrits)} {quoi} dans {dossier}")
    avertir_accessibilite([(chemin.name, chemin) for chemin in bilan.ecrits])
    pdf_de(bilan.ecrits, args)
    _perimes(bilan, dossier)
    for echec in tous:
        print(f"courriers : échec : {echec}", file=sys.stderr)
    if tous:
        print(f"courriers : {len(tous)} document(s) non écrit(s) (--continuer)", file=sys.stderr)
        return CODE_LOT_INCOMPLET
    return 0


def _perimes(bilan: Bilan, dossier: Path) -> None:
    """Say which files of an earlier batch were removed, or are left."""
    if bilan.supprimes:
        print(f"{len(bilan.supprimes)} fichier(s) d'un lot précédent supprimé(s) (--remplacer)")
    if bilan.perimes:
        noms = ", ".join(p.name for p in bilan.perimes[:5])
        suite = f" et {len(bilan.perimes) - 5} autre(s)" if len(bilan.perimes) > 5 else ""
        print(
            f"courriers : avertissement : {len(bilan.perimes)} fichier(s) d'un lot précédent "
            f"reste(nt) dans {dossier} : {noms}{suite} ; --remplacer les supprime",
            file=sys.stderr,
        )


def _processus(demandes: int) -> int:
    """``--jobs``, at most the number of cores (``COURRIERS_JOBS_MAX``)."""
    maximum = processus_max()
    if demandes > maximum:
        print(
            f"courriers : avertissement : --jobs {demandes} ramené à {maximum} (nombre de "
            "cœurs disponibles, ou COURRIERS_JOBS_MAX)",
            file=sys.stderr,
        )
    return min(demandes, maximum)


def lot(
    document: Modele, type_document: TypeDocument, args: argparse.Namespace, echecs: list[str]
) -> int:
    """A batch type (invitations): one file per document of the batch, in a
    folder, optionally by several processes."""
    fichier: Path = args.fichier
    dossier: Path = args.sortie or fichier.with_name(f"{fichier.stem}-{type_document.nom_lot}")
    if dossier.exists() and not dossier.is_dir():
        raise erreur("donnees.dossier_attendu", dossier=dossier)
    lot = documents.exemplaires(document) or []
    verifier_sorties_de(document, [dossier / e.nom_fichier for e in lot], args)
    progression = barre_de_progression()
    jobs = _processus(args.jobs or processus_par_defaut(len(lot)))
    if jobs > 1:
        bilan = ecrire_lot_parallele(
            partial(documents.preparer_modele, document, args.modele, args.dossier_modeles),
            lot,
            dossier,
            jobs,
            progression,
            args.continuer,
            strict=args.strict,
            remplacer=args.remplacer,
        )
    else:
        modele = documents.preparer_modele(document, args.modele, args.dossier_modeles)
        bilan = ecrire_lot(
            modele,
            lot,
            dossier,
            progression,
            args.continuer,
            strict=args.strict,
            remplacer=args.remplacer,
        )
    return _bilan(type_document.lot_ecrit, bilan, echecs, dossier, args)
