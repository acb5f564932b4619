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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from courriers.convocations import Exemplaire
from courriers.erreurs import ErreurCourriers
from courriers.messages import erreur
from courriers.moteur.prepare import ModelePrepare, preparer
from courriers.verification.accessibilite import refuser_si_inaccessible

Progression = Callable[[int, int], None]


@dataclass(frozen=True)
class Bilan:
    """What a batch wrote, and (with ``continuer``) what failed and why."""

    ecrits: list[Path]
    echecs: list[str] = field(default_factory=list)


def ecrire_lot(
    modele: ModelePrepare,
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    progression: Progression | None = None,
    continuer: bool = False,
    strict: bool = False,
) -> Bilan:
    """Render and write every document of the batch into ``dossier``.

    All or nothing; with ``continuer``, the documents that render are
    written and the others listed in :attr:`Bilan.echecs`. With ``strict``,
    a document with accessibility warnings fails.
    """
    resultats: list[Path | str] = []
    try:
        _creer(dossier)
        for numero, exemplaire in enumerate(exemplaires, start=1):
            resultats.append(_ecrire_temporaire(modele, exemplaire, dossier, continuer, strict))
            if progression:
                progression(numero, len(exemplaires))
        return _publier(resultats, exemplaires, dossier)
    except BaseException:
        _nettoyer(r for r in resultats if isinstance(r, Path))
        raise


def ecrire_lot_parallele(
    chemin_modele: Path,
    image_marianne: Path | None,
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    processus: int,
    progression: Progression | None = None,
    continuer: bool = False,
    strict: bool = False,
) -> Bilan:
    """Same as :func:`ecrire_lot`, with ``processus`` worker processes; each
    prepares the template once."""
    _creer(dossier)
    resultats: list[Path | str] = []
    taille = max(1, min(64, len(exemplaires) // (processus * 4) or 1))
    paquets = [exemplaires[i : i + taille] for i in range(0, len(exemplaires), taille)]
    try:
        with ProcessPoolExecutor(
            max_workers=processus,
            initializer=_initialiser_processus,
            initargs=(chemin_modele, image_marianne),
        ) as executeur:
            for faits in executeur.map(
                _ecrire_paquet,
                paquets,
                [dossier] * len(paquets),
                [continuer] * len(paquets),
                [strict] * len(paquets),
            ):
                resultats.extend(faits)
                if progression:
                    progression(len(resultats), len(exemplaires))
        return _publier(resultats, exemplaires, dossier)
    except BaseException:
        _nettoyer(r for r in resultats if isinstance(r, Path))
        _nettoyer(dossier.glob(".courriers-*.tmp"))
        raise


_MODELE_DU_PROCESSUS: ModelePrepare | None = None


def _initialiser_processus(chemin_modele: Path, image_marianne: Path | None) -> None:
    global _MODELE_DU_PROCESSUS
    _MODELE_DU_PROCESSUS = preparer(chemin_modele, image_marianne)


def _ecrire_paquet(
    paquet: Sequence[Exemplaire], dossier: Path, continuer: bool, strict: bool = False
) -> list[Path | str]:
    assert _MODELE_DU_PROCESSUS is not None
    modele = _MODELE_DU_PROCESSUS
    return [_ecrire_temporaire(modele, e, dossier, continuer, strict) for e in paquet]


def _creer(dossier: Path) -> None:
    try:
        dossier.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise erreur(
            "ecriture.dossier_impossible_a_creer", dossier=dossier, raison=exc.strerror
        ) from exc


def _ecrire_temporaire(
    modele: ModelePrepare,
    exemplaire: Exemplaire,
    dossier: Path,
    continuer: bool,
    strict: bool = False,
) -> Path | str:
    """The temporary file of one document; with ``continuer``, the reason
    of a failure instead of raising it."""
    try:
        return _ecrire_un(modele, exemplaire, dossier, strict)
    except ErreurCourriers as exc:
        if not continuer:
            raise
        return f"{exemplaire.nom_fichier} : {exc.message}"


def _ecrire_un(
    modele: ModelePrepare, exemplaire: Exemplaire, dossier: Path, strict: bool = False
) -> Path:
    contenu = modele.rendre(exemplaire.contexte, exemplaire.proprietes)
    if strict:
        refuser_si_inaccessible(contenu, exemplaire.nom_fichier)
    try:
        descripteur, nom = tempfile.mkstemp(prefix=".courriers-", suffix=".tmp", dir=dossier)
        with os.fdopen(descripteur, "wb") as fichier:
            fichier.write(contenu)
        os.chmod(nom, 0o644)
    except OSError as exc:
        raise erreur("ecriture.impossible", chemin=dossier, raison=exc.strerror) from exc
    return Path(nom)


def _publier(
    resultats: list[Path | str], exemplaires: Sequence[Exemplaire], dossier: Path
) -> Bilan:
    """Rename every temporary file to its final name (once all are written)."""
    finaux = [dossier / e.nom_fichier for e in exemplaires]
    if len(set(finaux)) != len(finaux):
        raise erreur("ecriture.noms_en_double")
    ecrits: list[Path] = []
    try:
        for resultat, final in zip(resultats, finaux, strict=True):
            if isinstance(resultat, Path):
                os.replace(resultat, final)
                ecrits.append(final)
    except OSError as exc:
        raise erreur("ecriture.impossible", chemin=dossier, raison=exc.strerror) from exc
    return Bilan(ecrits, [r for r in resultats if isinstance(r, str)])


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
