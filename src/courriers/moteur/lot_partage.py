"""What is the same for every document of a batch, computed once.

Every invitation of a batch shows the same meeting: its date, its hours,
its agenda in Markdown, the emitter's bloc-marque… Rendering each document
from scratch would run the same filters and the same ``finaliser`` on the
same values once per document. An environment (one per prepared template,
:func:`courriers.moteur.environnement.environnement`) therefore remembers:

* the result of each filter for the same arguments (:func:`memoriser`):
  plain data of a batch (:class:`~courriers.moteur.donnees_gabarit.DonneesGabarit`,
  tuples) is read-only, made from frozen models, and converted once per
  batch (``Conversion`` reuses the shared meeting), so the same object
  means the same value; texts, numbers and dates count by value, and the
  filters that read the document's options by the options they read;
* the rendered Markdown of a text (the agenda of the meeting) when it used
  no numbering of its own: a numbered list restarts in each document, so a
  text with one is rendered again for each (``per_document``);
* the text :func:`~courriers.moteur.environnement.finaliser` writes for a
  string (:func:`finaliser_memorise`).

Each memory holds at most :data:`TAILLE_MAX` entries and is emptied when
full: values of one document (an invitee's name) only pass through it. The
results are the very ones the filters give (same text as without memory,
``tests/test_convocations.py`` compares with plain docxtpl).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from jinja2.runtime import Context

from courriers.moteur.donnees_gabarit import DonneesGabarit
from courriers.moteur.numerotation import NUMEROTATION_COURANTE

#: Entries of one memory (filters, or finalised texts) before it is emptied.
TAILLE_MAX = 2048

#: Values that count by value in a key (immutable, hashable).
_PAR_VALEUR = (str, int, float, bool, type(None), dt.date, dt.time, dt.timedelta)
#: Values that count by identity (read-only plain data of the batch).
_PAR_IDENTITE = (DonneesGabarit, tuple)


class _NonMemorisable(Exception):
    """An argument a key cannot be made of: the filter is simply run."""


def _cle(valeur: Any, gardes: list[Any]) -> Any:
    if type(valeur) is str:  # the most frequent
        return valeur
    if isinstance(valeur, _PAR_IDENTITE):
        gardes.append(valeur)  # kept alive: its id is not reused
        return (id, id(valeur))
    if isinstance(valeur, _PAR_VALEUR):
        return (type(valeur), valeur)
    if isinstance(valeur, Context):
        # Our filters read only the document's options from the context.
        return ("options", _cle(valeur.get("options"), gardes))
    raise _NonMemorisable


def memoriser(
    filtre: Callable[..., Any], memoire: dict[Any, Any], par_document: bool = False
) -> Callable[..., Any]:
    """``filtre`` (already taking plain data) remembering its results in
    ``memoire``; with ``par_document`` (the ``markdown`` filter), a result
    is kept only when the call added no numbering to the document.

    >>> appels = []
    >>> def double(x):
    ...     appels.append(x)
    ...     return x * 2
    >>> memoire = {}
    >>> d, t = memoriser(double, memoire), memoriser(lambda x: x * 3, memoire)
    >>> d("ab"), d("ab"), t("ab"), appels
    ('abab', 'abab', 'ababab', ['ab'])
    """

    @functools.wraps(filtre)
    def memorise(*arguments: Any, **options: Any) -> Any:
        gardes: list[Any] = []
        try:
            cle: tuple[Any, ...] = (memorise, *(_cle(a, gardes) for a in arguments))
            if options:
                cle += (tuple(sorted((n, _cle(v, gardes)) for n, v in options.items())),)
        except _NonMemorisable:
            return filtre(*arguments, **options)
        connu = memoire.get(cle)
        if connu is not None:
            return connu[1]
        numerotation = NUMEROTATION_COURANTE.get() if par_document else None
        avant = numerotation.allouees if numerotation is not None else 0
        resultat = filtre(*arguments, **options)
        if numerotation is not None and numerotation.allouees != avant:
            return resultat  # this document's own numbering: not shared
        if len(memoire) >= TAILLE_MAX:
            memoire.clear()
        memoire[cle] = (gardes, resultat)
        return resultat

    return memorise


def finaliser_memorise(finaliser: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``finaliser`` remembering the text it writes for each string.

    >>> f = finaliser_memorise(lambda v: str(v).upper())
    >>> f("a"), f("a"), f(None)
    ('A', 'A', 'NONE')
    """
    memoire: dict[str, Any] = {}

    def finalise(valeur: Any) -> Any:
        if type(valeur) is not str:
            return finaliser(valeur)
        connu = memoire.get(valeur)
        if connu is None:
            connu = finaliser(valeur)
            if len(memoire) >= TAILLE_MAX:
                memoire.clear()
            memoire[valeur] = connu
        return connu

    return finalise
