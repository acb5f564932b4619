"""Sharing a batch among worker processes: what each receives once, what
per chunk.

Sending the documents themselves to the workers does not scale: every
invitation's variables hold the whole meeting (all the invitees), so each
chunk pickled the meeting again (2.4 MB per 64 invitations of a 10,000-invitee
meeting) and ``--jobs 2`` was slower than one process. Instead each worker
receives **once** what every document needs (:class:`Lot`: the prepared
template and the batch's documents), and then only ranges of indices:

* where processes are forked (Linux), the parent prepares the template and
  builds the batch once, and the workers inherit both from it at no cost
  (nothing is pickled, the template is not prepared again);
* elsewhere (``spawn``: Windows, macOS), the batch goes to each worker once
  through the pool's initializer, and each worker prepares the template.

A chunk's answer is only the temporary file of each document (or the reason
it failed, with ``--continuer``): the parent publishes them all or nothing,
as for one process (:mod:`courriers.lots`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING

from courriers.limites import coeurs
from courriers.moteur.prepare import ModelePrepare

if TYPE_CHECKING:
    from courriers.convocations import Exemplaire

#: At most this many processes by default (each holds its own copy of the
#: template and of what it renders, about 100 MB at most).
PROCESSUS_PAR_DEFAUT_MAX = 8
#: Fewer documents than this per process: not worth starting one.
DOCUMENTS_PAR_PROCESSUS_MIN = 32
#: At most this many documents per chunk (the progress bar moves by chunks).
TAILLE_MAX_TRANCHE = 64


def processus_par_defaut(documents: int, disponibles: int | None = None) -> int:
    """The number of processes of a batch when ``--jobs`` is not given: one
    per core (at most :data:`PROCESSUS_PAR_DEFAUT_MAX`), but never fewer than
    :data:`DOCUMENTS_PAR_PROCESSUS_MIN` documents each.

    >>> processus_par_defaut(10_000, disponibles=2), processus_par_defaut(10_000, disponibles=64)
    (2, 8)
    >>> processus_par_defaut(14, disponibles=2), processus_par_defaut(0, disponibles=2)
    (1, 1)
    """
    if disponibles is None:
        disponibles = coeurs()
    return max(
        1, min(disponibles, PROCESSUS_PAR_DEFAUT_MAX, documents // DOCUMENTS_PAR_PROCESSUS_MIN)
    )


def tranches(total: int, processus: int) -> list[range]:
    """The chunks of indices sent to the workers: about four per process
    (so that a slow one does not hold the others back), at most
    :data:`TAILLE_MAX_TRANCHE` documents each.

    >>> tranches(10, 2)
    [range(0, 1), range(1, 2), range(2, 3), range(3, 4), range(4, 5), range(5, 6), range(6, 7), range(7, 8), range(8, 9), range(9, 10)]
    >>> [len(t) for t in tranches(1000, 2)][:3], len(tranches(1000, 2))
    ([64, 64, 64], 16)
    """
    taille = max(1, min(TAILLE_MAX_TRANCHE, total // (processus * 4)))
    return [range(debut, min(debut + taille, total)) for debut in range(0, total, taille)]


def contexte_processus() -> BaseContext:
    """``fork`` where the system has it (the workers inherit the batch),
    else the platform's default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def herite(contexte: BaseContext) -> bool:
    """Whether workers of ``contexte`` inherit the parent's objects."""
    return contexte.get_start_method() == "fork"


@dataclass(frozen=True)
class Lot:
    """What every worker of a batch holds, received once."""

    modele: ModelePrepare
    exemplaires: Sequence[Exemplaire]


_LOT_DU_PROCESSUS: Lot | None = None


def installer(
    modele: ModelePrepare | None,
    preparation: Callable[[], ModelePrepare],
    exemplaires: Sequence[Exemplaire],
) -> None:
    """In a worker: keep the batch for the chunks to come; the template
    prepared by the parent (inherited), or prepared here by ``preparation``."""
    global _LOT_DU_PROCESSUS
    if modele is None:
        modele = preparation()
    _LOT_DU_PROCESSUS = Lot(modele, exemplaires)


def lot_du_processus() -> Lot:
    """The batch this worker received (:func:`installer`)."""
    if _LOT_DU_PROCESSUS is None:
        raise RuntimeError("processus de lot non initialisé")
    return _LOT_DU_PROCESSUS
