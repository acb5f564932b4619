"""Writing a batch of documents: all or nothing, optionally in parallel.

Each document is rendered from the template prepared once and written to a
temporary file in the output folder as soon as it is rendered (memory stays
flat whatever the batch size). Only when every document is written are the
temporary files renamed to their final names; on any failure they are all
removed, and files of an earlier batch are left as they were.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from courriers.convocations import Exemplaire
from courriers.erreurs import ErreurEcriture
from courriers.moteur.prepare import ModelePrepare, preparer

Progression = Callable[[int, int], None]


def ecrire_lot(
    modele: ModelePrepare,
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    progression: Progression | None = None,
) -> list[Path]:
    """Render and write every document of the batch into ``dossier``."""
    temporaires: list[Path] = []
    try:
        _creer(dossier)
        for numero, exemplaire in enumerate(exemplaires, start=1):
            temporaires.append(_ecrire_temporaire(modele, exemplaire, dossier))
            if progression:
                progression(numero, len(exemplaires))
        return _publier(temporaires, exemplaires, dossier)
    except BaseException:
        _nettoyer(temporaires)
        raise


def ecrire_lot_parallele(
    chemin_modele: Path,
    image_marianne: Path | None,
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    processus: int,
    progression: Progression | None = None,
) -> list[Path]:
    """Same as :func:`ecrire_lot`, with ``processus`` worker processes; each
    prepares the template once."""
    _creer(dossier)
    temporaires: list[Path] = []
    taille = max(1, min(64, len(exemplaires) // (processus * 4) or 1))
    paquets = [exemplaires[i : i + taille] for i in range(0, len(exemplaires), taille)]
    try:
        with ProcessPoolExecutor(
            max_workers=processus,
            initializer=_initialiser_processus,
            initargs=(chemin_modele, image_marianne),
        ) as executeur:
            for chemins in executeur.map(_ecrire_paquet, paquets, [dossier] * len(paquets)):
                temporaires.extend(chemins)
                if progression:
                    progression(len(temporaires), len(exemplaires))
        return _publier(temporaires, exemplaires, dossier)
    except BaseException:
        _nettoyer(temporaires)
        _nettoyer(dossier.glob(".courriers-*.tmp"))
        raise


_MODELE_DU_PROCESSUS: ModelePrepare | None = None


def _initialiser_processus(chemin_modele: Path, image_marianne: Path | None) -> None:
    global _MODELE_DU_PROCESSUS
    _MODELE_DU_PROCESSUS = preparer(chemin_modele, image_marianne)


def _ecrire_paquet(paquet: Sequence[Exemplaire], dossier: Path) -> list[Path]:
    assert _MODELE_DU_PROCESSUS is not None
    return [_ecrire_temporaire(_MODELE_DU_PROCESSUS, e, dossier) for e in paquet]


def _creer(dossier: Path) -> None:
    try:
        dossier.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ErreurEcriture(f"{dossier} : dossier impossible à créer ({exc.strerror})") from exc


def _ecrire_temporaire(modele: ModelePrepare, exemplaire: Exemplaire, dossier: Path) -> Path:
    contenu = modele.rendre(exemplaire.contexte, exemplaire.proprietes)
    try:
        descripteur, nom = tempfile.mkstemp(prefix=".courriers-", suffix=".tmp", dir=dossier)
        with os.fdopen(descripteur, "wb") as fichier:
            fichier.write(contenu)
        os.chmod(nom, 0o644)
    except OSError as exc:
        raise ErreurEcriture(f"{dossier} : écriture impossible ({exc.strerror})") from exc
    return Path(nom)


def _publier(
    temporaires: list[Path], exemplaires: Sequence[Exemplaire], dossier: Path
) -> list[Path]:
    """Rename every temporary file to its final name (once all are written)."""
    finaux = [dossier / e.nom_fichier for e in exemplaires]
    if len(set(finaux)) != len(finaux):
        raise ErreurEcriture("deux documents du lot porteraient le même nom")
    try:
        for temporaire, final in zip(temporaires, finaux, strict=True):
            os.replace(temporaire, final)
    except OSError as exc:
        raise ErreurEcriture(f"{dossier} : écriture impossible ({exc.strerror})") from exc
    return finaux


def _nettoyer(chemins: Iterable[Path]) -> None:
    for chemin in list(chemins):
        chemin.unlink(missing_ok=True)


def barre_de_progression(flux: TextIO = sys.stderr) -> Progression | None:
    """A progress bar on ``flux`` when it is a terminal, else None."""
    if not flux.isatty():
        return None

    def afficher(fait: int, total: int) -> None:
        largeur = 30
        plein = largeur * fait // max(total, 1)
        flux.write(f"\r[{'#' * plein}{' ' * (largeur - plein)}] {fait}/{total}")
        if fait == total:
            flux.write("\n")
        flux.flush()

    return afficher
