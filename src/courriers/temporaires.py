"""Temporary files of a run, named after it, and those of dead runs.

Every output is first written to a hidden temporary file of its folder,
``.courriers-<pid>-<random>.tmp``, where ``<pid>`` is the process of the
run (the parent, for the workers of ``--jobs``). The run removes its own
temporary files on every exit path it can see (error, Ctrl-C, SIGTERM:
the command line turns SIGTERM into an exception). A run killed outright
(SIGKILL, power cut) cannot: the next run writing into the same folder
removes the temporary files whose process no longer exists, and never
those of a live process, so that two runs can share a folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from pathlib import Path

PREFIXE = ".courriers-"
"""Start of the name of every temporary file courriers writes."""

_MOTIF = re.compile(r"\.courriers-(\d+)-[A-Za-z0-9_]+\.tmp")


def creer(dossier: Path, pid: int | None = None) -> tuple[int, Path]:
    """A new temporary file of the run ``pid`` (this process by default)
    in ``dossier``: its descriptor and path. Raises ``OSError``."""
    proprietaire = os.getpid() if pid is None else pid
    descripteur, nom = tempfile.mkstemp(
        prefix=f"{PREFIXE}{proprietaire}-", suffix=".tmp", dir=dossier
    )
    return descripteur, Path(nom)


def pid_de(nom: str) -> int | None:
    """The run of a temporary file name, or None for another file.

    >>> pid_de(".courriers-4242-k3j_x9.tmp"), pid_de("convocation-01.docx")
    (4242, None)
    """
    trouve = _MOTIF.fullmatch(nom)
    return int(trouve.group(1)) if trouve else None


def vivant(pid: int) -> bool:
    """Whether process ``pid`` exists (in doubt: yes, nothing is removed)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send Ctrl-C there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: a process of another user
        return True
    return True


def nettoyer_perimes(dossier: Path) -> list[Path]:
    """Remove the temporary files of ``dossier`` left by runs that no
    longer exist; return them. Files of live runs are kept."""
    retires: list[Path] = []
    try:
        entrees = list(os.scandir(dossier))
    except OSError:
        return retires
    for entree in entrees:
        pid = pid_de(entree.name)
        if pid is not None and not vivant(pid):
            with contextlib.suppress(OSError):
                os.unlink(entree.path)
                retires.append(Path(entree.path))
    return retires


def nettoyer_les_miens(dossier: Path, pid: int | None = None) -> None:
    """Remove the temporary files of the run ``pid`` (this process by
    default) in ``dossier``, and only those."""
    proprietaire = os.getpid() if pid is None else pid
    for chemin in dossier.glob(f"{PREFIXE}{proprietaire}-*.tmp"):
        if pid_de(chemin.name) == proprietaire:
            chemin.unlink(missing_ok=True)
