"""Writing outputs atomically: a complete new file or nothing.

The bytes go to a temporary file of the run in the destination folder
(:mod:`courriers.temporaires`), which then replaces the destination in one
step (``os.replace``). A failure at any point leaves the earlier file, if
any, untouched and no partial file; temporary files of dead runs found in
the folder are removed first.
"""

from __future__ import annotations

import os
from pathlib import Path

from courriers import temporaires
from courriers.messages import erreur
from courriers.systeme import raison


def ecrire_atomiquement(chemin: Path, contenu: bytes) -> None:
    """Write ``contenu`` to ``chemin``, all or nothing."""
    dossier = chemin.parent if str(chemin.parent) else Path(".")
    temporaires.nettoyer_perimes(dossier)
    try:
        descripteur, temporaire = temporaires.creer(dossier)
    except OSError as exc:
        raise erreur(
            "ecriture.dossier_inaccessible", chemin=chemin, dossier=dossier, raison=raison(exc)
        ) from exc
    try:
        with os.fdopen(descripteur, "wb") as fichier:
            fichier.write(contenu)
            fichier.flush()
            os.fsync(fichier.fileno())
        os.chmod(temporaire, 0o644)
        os.replace(temporaire, chemin)
    except OSError as exc:
        temporaire.unlink(missing_ok=True)
        raise erreur("ecriture.impossible", chemin=chemin, raison=raison(exc)) from exc
    except BaseException:
        temporaire.unlink(missing_ok=True)
        raise
