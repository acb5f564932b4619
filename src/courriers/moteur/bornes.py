"""The bounds of the work a template may cause: time per document render
and per template check, size of a rendered part and of every text a
template builds.

Each bound has a default and an environment variable:

* ``COURRIERS_DUREE_MAX_RENDU``: seconds of processor time to render one
  document (20);
* ``COURRIERS_DUREE_MAX_VERIFICATION``: seconds of processor time to check
  a template (20);
* ``COURRIERS_TAILLE_MAX_PARTIE``: millions of characters of a rendered
  part (body, header…) and of any text or list a template builds (50).

Durations are processor time, not wall-clock time: a busy machine does not
stop a legitimate render. The time limit uses ``SIGPROF``
(``signal.setitimer(ITIMER_PROF)``) in the main thread of a process (the
CLI, and each worker of ``--jobs``); elsewhere (a thread of a server), the
sandbox checks the thread's processor time itself at each loop step over
``range``, attribute access, call, operator and output chunk.
"""

from __future__ import annotations

import functools
import math
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from courriers.messages import erreur

_UNITES = {
    "COURRIERS_DUREE_MAX_RENDU": "secondes",
    "COURRIERS_DUREE_MAX_VERIFICATION": "secondes",
    "COURRIERS_TAILLE_MAX_PARTIE": "millions de caractères",
}
_DEFAUTS = {
    "COURRIERS_DUREE_MAX_RENDU": 20.0,
    "COURRIERS_DUREE_MAX_VERIFICATION": 20.0,
    "COURRIERS_TAILLE_MAX_PARTIE": 50.0,
}


def valeur_limite(variable: str) -> float:
    """The value of a bound: its environment variable or its default; a
    positive finite number, else a French error."""
    return _valeur(variable, os.environ.get(variable))


@functools.lru_cache(maxsize=64)
def _valeur(variable: str, brut: str | None) -> float:
    """The value of ``variable`` whose environment text is ``brut`` (read
    for every render: parsed once)."""
    if brut is None or not brut.strip():
        return _DEFAUTS[variable]
    try:
        valeur = float(brut.replace(",", "."))
    except ValueError:
        valeur = math.nan
    if not math.isfinite(valeur) or valeur <= 0:
        raise erreur(
            "donnees.borne_invalide", variable=variable, unite=_UNITES[variable], valeur=repr(brut)
        )
    return valeur


def taille_max() -> int:
    """The longest text (in characters) a template may build or a part may
    have (read once per render, within :func:`duree_limitee`)."""
    echeance: _Echeance | None = getattr(_ECHEANCE, "courante", None)
    if echeance is not None:
        return echeance.taille
    return _taille()


def _taille() -> int:
    return int(valeur_limite("COURRIERS_TAILLE_MAX_PARTIE") * 1_000_000)


class TempsDepasse(BaseException):
    """The time limit of a render or check is reached (a ``BaseException``,
    so that no ``except Exception`` of a filter swallows it)."""


@dataclass
class _Echeance:
    fin: float
    #: :func:`taille_max` for this render.
    taille: int
    #: Calls of :func:`verifier_echeance` since the clock was last read.
    appels: int = 0


_ECHEANCE = threading.local()
#: The processor clock is read at the first check, then once every this many
#: checks (reading it costs far more than a check).
_PAS = 256


def verifier_echeance() -> None:
    """Raise :class:`TempsDepasse` when the current deadline has passed
    (the fallback where signals are not available)."""
    echeance: _Echeance | None = getattr(_ECHEANCE, "courante", None)
    if echeance is None:
        return
    echeance.appels -= 1
    if echeance.appels > 0:
        return
    echeance.appels = _PAS
    if time.thread_time() > echeance.fin:
        raise TempsDepasse


@contextmanager
def duree_limitee(variable: str) -> Iterator[float]:
    """Run the block within the time limit of ``variable``; yields the
    limit in seconds. :class:`TempsDepasse` is raised when it is reached."""
    precedente = getattr(_ECHEANCE, "courante", None)
    lot: _Lot | None = getattr(_ECHEANCE, "lot", None)
    if lot is not None and precedente is None:
        # Within sonnerie(): limits read once, handler installed already.
        secondes, taille, par_signal, installer = lot.valeur(variable), lot.taille, True, False
    else:
        secondes, taille = valeur_limite(variable), _taille()
        principal = threading.current_thread() is threading.main_thread()
        par_signal = hasattr(signal, "setitimer") and principal and precedente is None
        installer = par_signal
    ancien: Any = None
    try:
        _ECHEANCE.courante = _Echeance(time.thread_time() + secondes, taille)
        if installer:
            ancien = signal.signal(signal.SIGPROF, _sonner)
        if par_signal:
            signal.setitimer(signal.ITIMER_PROF, secondes)
        yield secondes
    finally:
        try:
            if par_signal:
                signal.setitimer(signal.ITIMER_PROF, 0)
        finally:
            if ancien is not None:
                signal.signal(signal.SIGPROF, ancien)
            _ECHEANCE.courante = precedente


@dataclass
class _Lot:
    """The limits of a batch, read once (:func:`sonnerie`)."""

    taille: int
    valeurs: dict[str, float]

    def valeur(self, variable: str) -> float:
        if variable not in self.valeurs:
            self.valeurs[variable] = valeur_limite(variable)
        return self.valeurs[variable]


@contextmanager
def sonnerie() -> Iterator[None]:
    """A batch: the limits read once from the environment, and the handler
    of the time limits kept installed for the whole block, so that each
    render of it only arms and disarms its timer (installing a signal
    handler, reading the environment cost more than rendering a short
    template). Where signals are not used, or nested, nothing."""
    principal = threading.current_thread() is threading.main_thread()
    deja = getattr(_ECHEANCE, "lot", None) is not None
    if not (hasattr(signal, "setitimer") and principal) or deja:
        yield
        return
    lot = _Lot(_taille(), {})
    ancien = signal.signal(signal.SIGPROF, _sonner)
    _ECHEANCE.lot = lot
    try:
        yield
    finally:
        _ECHEANCE.lot = None
        signal.signal(signal.SIGPROF, ancien)


def _sonner(_signum: int, _frame: object) -> None:
    raise TempsDepasse
