"""PDF of a batch on every core: several LibreOffice processes, each with
its own profile, kept between runs.

* **Parts**: the batch is split into as many parts as LibreOffice processes
  (:func:`processus_pdf`: one per core, at most :data:`PROCESSUS_PDF_MAX`
  or ``COURRIERS_PDF_PROCESSUS``, and never fewer than
  :data:`DOCUMENTS_PAR_PROCESSUS_MIN` documents each: a start costs more
  than a few letters); each part is converted by its own process, in its
  own thread here (:func:`en_parallele`).
* **Profiles kept**: a LibreOffice process needs a profile of its own
  (two processes cannot share one); a new profile costs a slow first
  start. Profiles are therefore kept in a per-user cache folder
  (:func:`dossier_cache`: ``$XDG_CACHE_HOME/courriers/libreoffice``, else
  ``~/.cache/…``; ``COURRIERS_CACHE_LIBREOFFICE`` to choose it), created
  with permissions 0700 and refused when it is not the user's own or open
  to others; each profile has a lock file, held while a process uses it,
  so that two runs never share a profile at once (:func:`profil`). A
  profile whose settings are not exactly ours (``registrymodifications.xcu``)
  is made again. Without a usable cache, or where locks are not available
  (Windows), each process gets a new profile in the call's temporary folder,
  as before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from courriers import limites
from courriers.messages import erreur

VARIABLE_PROCESSUS = "COURRIERS_PDF_PROCESSUS"
"""Environment variable: at most this many LibreOffice processes at once."""

VARIABLE_CACHE = "COURRIERS_CACHE_LIBREOFFICE"
"""Environment variable: the folder of the kept LibreOffice profiles."""

#: At most this many LibreOffice processes by default (each takes about
#: 200 MB of memory).
PROCESSUS_PDF_MAX = 4
#: Fewer documents than this per process: not worth another start.
DOCUMENTS_PAR_PROCESSUS_MIN = 10
#: Profiles of one kind kept in the cache (as many runs at once).
PROFILS_MAX = 16

_REGLAGES = "user/registrymodifications.xcu"

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")
R = TypeVar("R")


def processus_pdf(documents: int, coeurs: int | None = None) -> int:
    """How many LibreOffice processes convert ``documents`` documents.

    >>> processus_pdf(100, coeurs=2), processus_pdf(100, coeurs=16), processus_pdf(15, coeurs=2)
    (2, 4, 1)
    """
    if coeurs is None:
        coeurs = limites.coeurs()
    maximum = min(coeurs, PROCESSUS_PDF_MAX)
    brut = os.environ.get(VARIABLE_PROCESSUS)
    if brut is not None:
        try:
            maximum = int(brut)
        except ValueError:
            maximum = 0
        if maximum < 1:
            raise erreur("pdf.processus_invalide", variable=VARIABLE_PROCESSUS, valeur=repr(brut))
    return max(1, min(maximum, documents // DOCUMENTS_PAR_PROCESSUS_MIN))


def parties(sources: Sequence[T], nombre: int) -> list[list[T]]:
    """``sources`` in ``nombre`` consecutive parts of nearly equal sizes.

    >>> parties([1, 2, 3, 4, 5], 2)
    [[1, 2, 3], [4, 5]]
    """
    nombre = max(1, min(nombre, len(sources)))
    taille, reste = divmod(len(sources), nombre)
    resultat, debut = [], 0
    for numero in range(nombre):
        fin = debut + taille + (1 if numero < reste else 0)
        resultat.append(list(sources[debut:fin]))
        debut = fin
    return resultat


def en_parallele(travail: Callable[[int, T], R], elements: Sequence[T]) -> list[R]:
    """``travail(numero, element)`` for each element, each in a thread (one
    LibreOffice process each); waits for them all, then raises the first
    failure, if any (nothing is published unless every part succeeded)."""
    if len(elements) == 1:
        return [travail(0, elements[0])]
    resultats: list[R | None] = [None] * len(elements)
    echecs: list[BaseException | None] = [None] * len(elements)

    def executer(numero: int, element: T) -> None:
        try:
            resultats[numero] = travail(numero, element)
        except BaseException as exc:  # reported in the calling thread
            echecs[numero] = exc

    fils = [
        threading.Thread(target=executer, args=(n, e), daemon=True) for n, e in enumerate(elements)
    ]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join()
    for echec in echecs:
        if echec is not None:
            raise echec
    return [r for r in resultats if r is not None]


# --- Kept profiles -----------------------------------------------------------


def dossier_cache() -> Path:
    """Where LibreOffice profiles are kept (see the module docstring)."""
    choisi = os.environ.get(VARIABLE_CACHE)
    if choisi:
        return Path(choisi)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "courriers" / "cache" / "libreoffice"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "courriers" / "libreoffice"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "courriers" / "libreoffice"


def _dossier_sur(dossier: Path) -> bool:
    """Create ``dossier`` (0700) if needed; whether it is safe to keep
    profiles in: a real folder (no link), the user's own, closed to others."""
    try:
        dossier.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            dossier.mkdir(mode=0o700)
        etat = os.lstat(dossier)
    except OSError:
        return False
    if not stat.S_ISDIR(etat.st_mode):
        return False
    if hasattr(os, "getuid") and etat.st_uid != os.getuid():
        return False
    return not etat.st_mode & 0o077


@contextlib.contextmanager
def profil(temporaire: Path, sorte: str, reglages: str) -> Iterator[Path]:
    """A LibreOffice profile for one process, with the settings ``reglages``
    (the text of its ``registrymodifications.xcu``): a kept profile of the
    cache, locked while in use, or a new one in ``temporaire``."""
    dossier = dossier_cache()
    if fcntl is not None and _dossier_sur(dossier):
        for numero in range(PROFILS_MAX):
            verrou = _verrouiller(dossier / f"{sorte}-{numero}.lock")
            if verrou is None:
                continue
            try:
                chemin = dossier / f"{sorte}-{numero}"
                _garantir(chemin, reglages)
                yield chemin
                return
            finally:
                os.close(verrou)  # releases the lock
    _creer(temporaire, reglages)
    yield temporaire


def renouveler(chemin: Path, reglages: str) -> None:
    """Make the profile ``chemin`` again (after a crash or a time-out in it)."""
    shutil.rmtree(chemin, ignore_errors=True)
    _creer(chemin, reglages)


def _verrouiller(chemin: Path) -> int | None:
    """The descriptor of ``chemin`` locked for this process, or None when
    another run holds it (or it cannot be opened safely)."""
    assert fcntl is not None
    try:
        descripteur = os.open(chemin, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(descripteur, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descripteur)
        return None
    return descripteur


def _garantir(chemin: Path, reglages: str) -> None:
    """Keep the profile if every one of our settings is in it as we wrote
    it (LibreOffice rewrites the file, keeping them); else make it again."""
    try:
        actuels = (chemin / _REGLAGES).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        actuels = None
    if actuels is not None and not chemin.is_symlink():
        attendus = [ligne for ligne in reglages.splitlines() if ligne.startswith("<item ")]
        if all(ligne in actuels for ligne in attendus):
            return
    renouveler(chemin, reglages)


def _creer(chemin: Path, reglages: str) -> None:
    (chemin / "user").mkdir(parents=True, exist_ok=True, mode=0o700)
    (chemin / _REGLAGES).write_text(reglages, encoding="utf-8")
