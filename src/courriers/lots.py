"""Writing a batch of documents: all or nothing, optionally in parallel.

Each document is rendered from the template prepared once and written to a
temporary file of the run in the output folder as soon as it is rendered
(memory stays flat whatever the batch size). Only when every document is
written are the temporary files renamed to their final names; on any
failure (Ctrl-C and SIGTERM included) the run removes its own temporary
files, never those of another run, and files of an earlier batch are left
as they were. Temporary files of dead runs are removed before the batch
starts (:mod:`courriers.temporaires`).

A batch folder holds the current batch's files: files of an earlier batch
(same prefix and numbering, names no longer produced, e.g. after the list
of invitees changed) are listed in :attr:`Bilan.perimes`, and removed
with ``remplacer``.

The workers of :func:`ecrire_lot_parallele` receive the prepared template
and the batch once, then ranges of indices (:mod:`courriers.repartition`);
they ignore Ctrl-C (the parent
handles it and stops them) and watch their parent: if it dies, even by
SIGKILL, they exit within a fraction of a second.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TextIO

from courriers import repartition, temporaires
from courriers.convocations import Exemplaire
from courriers.erreurs import ErreurCourriers
from courriers.messages import erreur
from courriers.moteur.bornes import sonnerie
from courriers.moteur.prepare import ModelePrepare
from courriers.systeme import raison
from courriers.verification.accessibilite import refuser_si_inaccessible

Progression = Callable[[int, int], None]
#: Prepares the template of a batch: picklable (``functools.partial`` of a
#: module function), as workers that are not forked call it themselves.
Preparation = Callable[[], ModelePrepare]


@dataclass(frozen=True)
class Bilan:
    """What a batch wrote, and (with ``continuer``) what failed and why."""

    ecrits: list[Path]
    echecs: list[str] = field(default_factory=list)
    perimes: list[Path] = field(default_factory=list)
    """Files of an earlier batch left in the folder (without ``remplacer``)."""
    supprimes: list[Path] = field(default_factory=list)
    """Files of an earlier batch removed (with ``remplacer``)."""


#: Test hook: seconds to wait after each document (to interrupt a batch).
VARIABLE_PAUSE = "COURRIERS_PAUSE_ENTRE_DOCUMENTS"
#: Documents rendered in memory before they are written (about 40 kB each).
EN_MEMOIRE = 32
#: How often a worker checks that its parent is alive, in seconds.
SURVEILLANCE = 0.2
_NOM_DE_LOT = re.compile(r"(?P<prefixe>[a-z0-9-]+?)-\d+(?:-[a-z0-9-]+)?\.docx")


def ecrire_lot(
    modele: ModelePrepare,
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    progression: Progression | None = None,
    continuer: bool = False,
    strict: bool = False,
    remplacer: bool = False,
) -> Bilan:
    """Render and write every document of the batch into ``dossier``.

    All or nothing; with ``continuer``, the documents that render are
    written and the others listed in :attr:`Bilan.echecs`. With ``strict``,
    a document with accessibility warnings fails; with ``remplacer``, files
    of an earlier batch are removed.
    """
    resultats: list[Path | str] = []
    pid = os.getpid()
    try:
        _creer(dossier)
        with sonnerie():
            for debut in range(0, len(exemplaires), EN_MEMOIRE):
                tranche = exemplaires[debut : debut + EN_MEMOIRE]
                _ecrire_tranche(modele, tranche, dossier, (continuer, strict), pid, resultats)
                if progression:
                    progression(len(resultats), len(exemplaires))
        return _publier(resultats, exemplaires, dossier, remplacer)
    except BaseException:
        # Also a file created but not yet listed when Ctrl-C came.
        _nettoyer(r for r in resultats if isinstance(r, Path))
        temporaires.nettoyer_les_miens(dossier, pid)
        raise


def ecrire_lot_parallele(
    preparation: Preparation,
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    processus: int,
    progression: Progression | None = None,
    continuer: bool = False,
    strict: bool = False,
    remplacer: bool = False,
) -> Bilan:
    """Same as :func:`ecrire_lot`, with ``processus`` worker processes.

    ``preparation()`` gives the prepared template, e.g.
    ``functools.partial(documents.preparer_modele, convocation)``. This
    process prepares it first (its errors reported before any worker
    starts). Where processes are forked, the workers inherit it with the
    batch; elsewhere each worker receives the batch once and prepares the
    template again. Then they receive only ranges of indices
    (:mod:`courriers.repartition`)."""
    _creer(dossier)
    pid = os.getpid()
    resultats: list[Path | str] = []
    contexte = repartition.contexte_processus()
    # Prepared here in any case: a mistake (an image, the template) is
    # reported once, before any worker starts (a pool whose initializer
    # fails would start workers again and again).
    modele = preparation()
    paquets = repartition.tranches(len(exemplaires), processus)
    travail = partial(_ecrire_paquet, dossier=dossier, continuer=continuer, pid=pid, strict=strict)
    groupe = contexte.Pool(
        processus,
        initializer=_initialiser_processus,
        initargs=(modele if repartition.herite(contexte) else None, preparation, exemplaires, pid),
    )
    try:
        for faits in groupe.imap(travail, paquets):
            resultats.extend(faits)
            if progression:
                progression(len(resultats), len(exemplaires))
        groupe.close()
        return _publier(resultats, exemplaires, dossier, remplacer)
    except BaseException:
        groupe.terminate()
        groupe.join()
        temporaires.nettoyer_les_miens(dossier, pid)
        raise
    finally:
        groupe.terminate()
        groupe.join()


def _initialiser_processus(
    modele: ModelePrepare | None,
    preparation: Preparation,
    exemplaires: Sequence[Exemplaire],
    parent: int,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    surveillance = threading.Thread(
        target=_surveiller_parent, args=(parent, os.getppid()), daemon=True
    )
    surveillance.start()
    repartition.installer(modele, preparation, exemplaires)


def _surveiller_parent(parent: int, pere: int) -> None:
    """Exit the worker as soon as the run that started it is gone."""
    while True:
        time.sleep(SURVEILLANCE)
        if os.getppid() != pere or not temporaires.vivant(parent):
            os._exit(1)


def _ecrire_paquet(
    indices: range, dossier: Path, continuer: bool, pid: int, strict: bool = False
) -> list[Path | str]:
    """In a worker: the documents ``indices`` of the batch it received."""
    lot = repartition.lot_du_processus()
    resultats: list[Path | str] = []
    with sonnerie():
        for debut in range(indices.start, indices.stop, EN_MEMOIRE):
            tranche = lot.exemplaires[debut : min(debut + EN_MEMOIRE, indices.stop)]
            _ecrire_tranche(lot.modele, tranche, dossier, (continuer, strict), pid, resultats)
    return resultats


def _creer(dossier: Path) -> None:
    try:
        dossier.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise erreur(
            "ecriture.dossier_impossible_a_creer", dossier=dossier, raison=raison(exc)
        ) from exc
    temporaires.nettoyer_perimes(dossier)


def _ecrire_tranche(
    modele: ModelePrepare,
    tranche: Sequence[Exemplaire],
    dossier: Path,
    options: tuple[bool, bool],
    pid: int,
    resultats: list[Path | str],
) -> None:
    """Render the documents of ``tranche`` in memory, then write each to a
    temporary file, listed in ``resultats`` as soon as it exists (so that
    an interruption removes it). Rendering a few documents in a row, then
    writing them, costs less than alternating: the writes of the system
    no longer come between two renders (measured in ``docs/performances.md``).
    ``options``: (``continuer``, ``strict``); with ``continuer``, the reason
    of a failure is listed instead of raised."""
    continuer, strict = options
    rendus = [_rendre(modele, exemplaire, continuer, strict) for exemplaire in tranche]
    for exemplaire, rendu in zip(tranche, rendus, strict=True):
        if isinstance(rendu, str):
            resultats.append(rendu)
            continue
        try:
            resultats.append(_ecrire_un(rendu, dossier, pid))
        except ErreurCourriers as exc:
            if not continuer:
                raise
            resultats.append(f"{exemplaire.nom_fichier} : {exc.message}")
        pause = os.environ.get(VARIABLE_PAUSE)
        if pause:
            time.sleep(float(pause))


def _rendre(
    modele: ModelePrepare, exemplaire: Exemplaire, continuer: bool, strict: bool
) -> bytes | str:
    """One document's bytes; with ``continuer``, the reason of a failure."""
    try:
        contenu = modele.rendre(exemplaire.contexte, exemplaire.proprietes)
        if strict:
            refuser_si_inaccessible(contenu, exemplaire.nom_fichier)
    except ErreurCourriers as exc:
        if not continuer:
            raise
        return f"{exemplaire.nom_fichier} : {exc.message}"
    return contenu


def _ecrire_un(contenu: bytes, dossier: Path, pid: int) -> Path:
    """A new temporary file of the run ``pid`` in ``dossier`` holding ``contenu``."""
    try:
        descripteur, nom = temporaires.creer(dossier, pid)
    except OSError as exc:
        raise erreur("ecriture.impossible", chemin=dossier, raison=raison(exc)) from exc
    try:
        with os.fdopen(descripteur, "wb") as fichier:
            fichier.write(contenu)
        os.chmod(nom, 0o644)
    except BaseException as exc:
        nom.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise erreur("ecriture.impossible", chemin=dossier, raison=raison(exc)) from exc
        raise
    return nom


def _publier(
    resultats: list[Path | str],
    exemplaires: Sequence[Exemplaire],
    dossier: Path,
    remplacer: bool = False,
) -> Bilan:
    """Rename every temporary file to its final name (once all are written);
    list (or, with ``remplacer``, remove) the files of an earlier batch."""
    noms = [e.nom_fichier for e in exemplaires]
    if len(set(noms)) != len(noms):
        raise erreur("ecriture.noms_en_double")
    ecrits: list[Path] = []
    try:
        with _dossier_ouvert(dossier) as renommer:
            for resultat, nom in zip(resultats, noms, strict=True):
                if isinstance(resultat, Path):
                    renommer(resultat, nom)
                    ecrits.append(dossier / nom)
    except OSError as exc:
        raise erreur("ecriture.impossible", chemin=dossier, raison=raison(exc)) from exc
    echecs = [r for r in resultats if isinstance(r, str)]
    perimes = fichiers_perimes(dossier, noms)
    if not remplacer:
        return Bilan(ecrits, echecs, perimes=perimes)
    _nettoyer(perimes)
    return Bilan(ecrits, echecs, supprimes=perimes)


@contextlib.contextmanager
def _dossier_ouvert(dossier: Path) -> Iterator[Callable[[Path, str], None]]:
    """How to rename a temporary file of ``dossier`` to a name of it: by
    names relative to the open folder where the system allows it (the
    kernel then does not resolve the whole path again for each of
    thousands of files), else by paths."""
    lieu = str(dossier)
    if os.rename not in os.supports_dir_fd:  # os.replace shares its support
        yield lambda temporaire, nom: os.replace(temporaire, dossier / nom)
        return
    descripteur = os.open(dossier, os.O_RDONLY)
    try:

        def renommer(temporaire: Path, nom: str) -> None:
            if os.path.dirname(temporaire) != lieu:
                os.replace(temporaire, dossier / nom)
            else:
                os.replace(temporaire.name, nom, src_dir_fd=descripteur, dst_dir_fd=descripteur)

        yield renommer
    finally:
        os.close(descripteur)


def fichiers_perimes(dossier: Path, noms: Sequence[str]) -> list[Path]:
    """The files of ``dossier`` that belong to an earlier batch of the same
    kind: named like the batch's documents (same prefix, a number, DOCX or
    its PDF), but not a name of this batch (``noms``) or its PDF."""
    actuels = set(noms) | {_pdf(nom) for nom in noms}
    prefixes = {m["prefixe"] for nom in noms if (m := _NOM_DE_LOT.fullmatch(nom))}
    if not prefixes:
        return []
    motif = re.compile(
        "(?:"
        + "|".join(re.escape(p) for p in sorted(prefixes))
        + r")-\d+(?:-[a-z0-9-]+)?\.(?:docx|pdf)"
    )
    try:
        entrees = list(os.scandir(dossier))
    except OSError:
        return []
    return sorted(
        Path(e.path)
        for e in entrees
        if e.name not in actuels and motif.fullmatch(e.name) and e.is_file(follow_symlinks=False)
    )


def _pdf(nom: str) -> str:
    """The name of the PDF of a document (``Path.with_suffix``, by hand:
    called for every document of a batch).

    >>> _pdf("convocation-01-martin.docx"), _pdf("lettre")
    ('convocation-01-martin.pdf', 'lettre.pdf')
    """
    base, point, _ = nom.rpartition(".")
    return f"{base if point else nom}.pdf"


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
