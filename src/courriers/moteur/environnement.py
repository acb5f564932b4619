"""The Jinja environment every template renders in.

* sandboxed (:mod:`courriers.moteur.bac_a_sable`): an allow-list of
  attributes and callables, bounded operators and texts; templates receive
  plain data (:mod:`courriers.moteur.donnees_gabarit`);
* ``StrictUndefined``: an unknown variable is an error, never an empty text;
* autoescape on, and every ``{{ }}`` value goes through :func:`finaliser`:
  French typography, control characters removed or mapped, line breaks and
  tabs turned into Word elements, XML escaped (see ``texte_xml``);
* the French rules as filters (``filtres.FILTRES``), each wrapped once so
  that it receives the models its arguments were made from and its result
  is plain data again;
* filters and ``finaliser`` remember their results, so that what every
  document of a batch shares is computed once (``lot_partage``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined
from jinja2.runtime import Context
from jinja2.utils import _PassArg
from markupsafe import Markup

from courriers.francais.typographie import typographie
from courriers.moteur.bac_a_sable import BacASable
from courriers.moteur.donnees_gabarit import en_donnees, modele_de
from courriers.moteur.filtres import FILTRES
from courriers.moteur.lot_partage import finaliser_memorise, memoriser
from courriers.moteur.texte_xml import contenu_run, nettoyer


class Indefini(StrictUndefined):
    """``StrictUndefined`` that also fails when shown inside a list
    (``{{ x|map(attribute='absent')|list }}``): never a silent ``Undefined``."""

    __repr__ = StrictUndefined._fail_with_undefined_error


def finaliser(valeur: Any) -> Any:
    """What a ``{{ }}`` tag writes into the run's text.

    Markup (XML made by a filter, or an image) passes as is; ``None`` writes
    nothing; anything else is text.

    >>> finaliser("Que Choisir & co\\n« qual-e-pref »").replace("\\u202f", "^")
    Markup('Que Choisir &amp; co</w:t><w:br/><w:t xml:space="preserve">«^qual-e-pref^»')
    >>> finaliser(None)
    Markup('')
    """
    if isinstance(valeur, Markup):
        return valeur
    if hasattr(valeur, "__html__"):
        return Markup(valeur.__html__())
    if valeur is None:
        return Markup("")
    return Markup(contenu_run(typographie(nettoyer(str(valeur)))))


class ContexteDeballe:
    """The Jinja context as a ``pass_context`` filter sees it: its variables
    are the models they were made from (``ctx.get("options")`` is an
    ``OptionsRedaction``), everything else is the real context's."""

    def __init__(self, contexte: Context) -> None:
        self._contexte = contexte

    def get(self, nom: str, defaut: Any = None) -> Any:
        return modele_de(self._contexte.get(nom, defaut))

    def __getitem__(self, nom: str) -> Any:
        return modele_de(self._contexte[nom])

    def __contains__(self, nom: str) -> bool:
        return nom in self._contexte

    def resolve(self, nom: str) -> Any:
        return modele_de(self._contexte.resolve(nom))

    def __getattr__(self, nom: str) -> Any:
        return getattr(self._contexte, nom)


def adapter_filtre(filtre: Callable[..., Any]) -> Callable[..., Any]:
    """``filtre`` taking the models its arguments were made from, and
    giving plain data (its Jinja decorators kept).

    >>> from courriers.donnees.personne import Personne
    >>> from courriers.moteur.donnees_gabarit import DonneesGabarit
    >>> def nom(p: Personne) -> Personne:
    ...     assert isinstance(p, Personne)
    ...     return p
    >>> isinstance(adapter_filtre(nom)(en_donnees(Personne(civilite="M.", nom="Dupont"))), DonneesGabarit)
    True
    """

    par_contexte = getattr(filtre, "jinja_pass_arg", None) is _PassArg.context

    @functools.wraps(filtre)
    def adapte(*arguments: Any, **options: Any) -> Any:
        valeurs = [modele_de(a) for a in arguments]
        if par_contexte and valeurs:
            valeurs[0] = ContexteDeballe(valeurs[0])
        resultat = filtre(*valeurs, **{n: modele_de(v) for n, v in options.items()})
        return en_donnees(resultat)

    return adapte


def environnement() -> BacASable:
    """A new environment with the rules above."""
    env = BacASable(
        undefined=Indefini,
        autoescape=True,
        finalize=finaliser_memorise(finaliser),
        keep_trailing_newline=True,
    )
    memoire: dict[Any, Any] = {}
    env.filters.update(
        {
            nom: memoriser(adapter_filtre(filtre), memoire, par_document=nom == "markdown")
            for nom, filtre in FILTRES.items()
        }
    )
    return env
