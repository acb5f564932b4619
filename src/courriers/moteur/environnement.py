"""The Jinja environment every template renders in.

* sandboxed: a template cannot reach Python internals;
* ``StrictUndefined``: an unknown variable is an error, never an empty text;
* autoescape on, and every ``{{ }}`` value goes through :func:`finaliser`:
  French typography, control characters removed or mapped, line breaks and
  tabs turned into Word elements, XML escaped (see ``texte_xml``);
* the French rules as filters (``filtres.FILTRES``).
"""

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from courriers.francais.typographie import typographie
from courriers.moteur.filtres import FILTRES
from courriers.moteur.texte_xml import contenu_run, nettoyer


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


class _BacASable(SandboxedEnvironment):
    """The sandbox, which also refuses Pydantic's own ``model_*`` members
    (``model_fields``, ``model_dump``…): a template reads data fields only.
    Reading ``model_fields`` on an instance is deprecated since Pydantic
    2.11 (``PydanticDeprecatedSince211``) and will fail with Pydantic 3."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(attribute, str) and attribute.startswith("model_"):
            return self.unsafe_undefined(obj, attribute)  # never read: no warning
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and argument.startswith("model_"):
            return self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)


def environnement() -> SandboxedEnvironment:
    """A new environment with the rules above."""
    env = _BacASable(
        undefined=StrictUndefined,
        autoescape=True,
        finalize=finaliser,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTRES)
    return env
