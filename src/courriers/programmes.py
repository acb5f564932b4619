"""External programs (LibreOffice, pdftoppm) run in their own process
group, within a time limit: past it, the whole group is killed (a hung
LibreOffice leaves no process behind), and so is what is left of it after
a normal exit."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from courriers.erreurs import ErreurCourriers
from courriers.messages import erreur
from courriers.systeme import raison


def executer(
    commande: list[str],
    env: dict[str, str] | None,
    delai: float,
    journal: Path,
    depasse: ErreurCourriers,
) -> int:
    """Run ``commande`` (output to ``journal``) in its own process group;
    kill the group and raise ``depasse`` past ``delai`` seconds. Returns the
    exit code."""
    with journal.open("wb") as sortie:
        try:
            processus = _lancer(commande, env, sortie)
        except OSError as exc:
            raise erreur(
                "pdf.lancement_impossible", programme=commande[0], raison=raison(exc)
            ) from exc
        try:
            return processus.wait(timeout=delai)
        except subprocess.TimeoutExpired:
            raise depasse from None
        finally:
            _arreter_groupe(processus)


if sys.platform == "win32":

    def _lancer(
        commande: list[str], env: dict[str, str] | None, sortie: IO[bytes]
    ) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            commande,
            stdin=subprocess.DEVNULL,
            stdout=sortie,
            stderr=subprocess.STDOUT,
            env=env,
            creationflags=subprocess.CREATE_NEW_PROCESS_GROUP,
        )

    def _arreter_groupe(processus: subprocess.Popen[bytes]) -> None:
        if processus.poll() is None:
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(processus.pid)],
                capture_output=True,
                check=False,
            )
            processus.kill()
        processus.wait()

else:

    def _lancer(
        commande: list[str], env: dict[str, str] | None, sortie: IO[bytes]
    ) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            commande,
            stdin=subprocess.DEVNULL,
            stdout=sortie,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )

    def _arreter_groupe(processus: subprocess.Popen[bytes]) -> None:
        """Kill what is left of the process group (all of it on a timeout;
        nothing, normally, after a clean exit), then reap the leader."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(processus.pid, signal.SIGKILL)
        processus.wait()
