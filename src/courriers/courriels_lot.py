"""The messages of a convocation batch with their PDF attachments: the
convocations (and, on request, the reply forms) rendered, converted to PDF
in one LibreOffice process, and attached to each invitee's message."""

from __future__ import annotations

import tempfile
from pathlib import Path

from courriers import documents, pdf, seance
from courriers.convocations import exemplaires
from courriers.courriels import Courriel, messages
from courriers.donnees.convocation import Convocation
from courriers.donnees.membre import Membre
from courriers.donnees.presences import CouponReponse


def preparer_courriels(
    convocation: Convocation,
    modele: Path | None = None,
    dossier_modeles: Path | None = None,
    avec_coupon: bool = False,
) -> tuple[list[Courriel], list[Membre]]:
    """The messages of the invitees who have an e-mail address, each with
    its PDF convocation (and reply form), and the invitees without one."""
    lot = exemplaires(convocation)
    numeros = [n for n, e in enumerate(lot, start=1) if e.contexte["convoque"].courriel]
    coupons = []
    if avec_coupon:
        coupon = CouponReponse.model_validate(
            {nom: getattr(convocation, nom) for nom in CouponReponse.model_fields}
        )
        coupons = seance.coupons(coupon)
    with tempfile.TemporaryDirectory(prefix="courriers-") as temporaire:
        dossier = Path(temporaire)
        prepare = documents.preparer_modele(convocation, modele, dossier_modeles)
        sources: dict[int, list[Path]] = {}
        for numero in numeros:
            exemplaire = lot[numero - 1]
            chemin = dossier / exemplaire.nom_fichier
            chemin.write_bytes(prepare.rendre(exemplaire.contexte, exemplaire.proprietes))
            sources[numero] = [chemin]
        if coupons:
            modele_coupon = documents.preparer_modele(coupon)
            for numero in numeros:
                exemplaire = coupons[numero - 1]
                chemin = dossier / exemplaire.nom_fichier
                chemin.write_bytes(modele_coupon.rendre(exemplaire.contexte, exemplaire.proprietes))
                sources[numero].append(chemin)
        tous = [chemin for chemins in sources.values() for chemin in chemins]
        pdfs = dict(zip(tous, pdf.convertir(tous), strict=True)) if tous else {}
        pieces = {
            numero: [(pdfs[c].name, pdfs[c].read_bytes()) for c in chemins]
            for numero, chemins in sources.items()
        }
    return messages(convocation, pieces)
