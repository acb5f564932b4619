"""Ctrl-C and SIGTERM: the command stops cleanly.

SIGINT raises ``KeyboardInterrupt`` (Python's default); while the command
line runs, SIGTERM raises :class:`Arret`, a ``KeyboardInterrupt`` too, so
that every ``finally`` and cleanup runs (temporary files, LibreOffice's
process group, worker processes). The command line then prints one French
line and exits 130 (Ctrl-C) or 143 (SIGTERM).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Arret(KeyboardInterrupt):
    """SIGTERM received."""


def _arreter(signum: int, cadre: FrameType | None) -> None:
    raise Arret


@contextmanager
def signaux_en_exceptions() -> Iterator[None]:
    """SIGTERM raises :class:`Arret` within the block (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    precedent = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, _arreter)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, precedent)
