"""The sandbox templates run in: an explicit allow-list of attributes and
callables, bounded operators, bounded texts.

* Data (:class:`~courriers.moteur.donnees_gabarit.DonneesGabarit`) is read
  by item access only: ``reunion.date`` is ``reunion["date"]``; none of the
  mapping's own attributes or methods is reachable.
* Other values only have the attributes of :data:`ATTRIBUTS_PERMIS` (a few
  text methods, the parts of a date, ``loop``…); everything else is refused,
  whatever its name. The checker (``verification``) applies the same table.
* Callables: macros, ``loop`` (recursive loops), the globals kept
  (``range`` bounded, ``dict``, ``cycler``, ``joiner``, ``namespace``) and
  the allowed methods; ``lipsum`` is removed.
* ``+``, ``*``, ``**`` and ``%`` are intercepted (so never computed at
  compile time) and refused when their result would be too large; so are
  ``~`` and every text joined by the engine (output of a part, ``set``
  blocks, macros), and the few built-in filters that can grow a text.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import TemplateRuntimeError
from jinja2.runtime import Context, LoopContext, Macro, Undefined
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace

from courriers.moteur.bornes import taille_max, verifier_echeance
from courriers.moteur.donnees_gabarit import DonneesGabarit, modele_de


class LimiteDepassee(TemplateRuntimeError):
    """A template asked for a computation or a text beyond the bounds."""


_TEXTE = frozenset(
    [
        "capitalize",
        "endswith",
        "isalnum",
        "isalpha",
        "isdigit",
        "islower",
        "isspace",
        "istitle",
        "isupper",
        "lower",
        "lstrip",
        "rstrip",
        "split",
        "startswith",
        "strip",
        "title",
        "upper",
    ]
)
_DATE = frozenset({"year", "month", "day", "weekday", "isoweekday", "isoformat"})
_HEURE = frozenset({"hour", "minute", "second", "isoformat"})
_BOUCLE = frozenset(
    [
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
        "cycle",
        "changed",
    ]
)

#: The attributes a template may read, by type (the first matching type
#: wins; subclasses included). Data mappings and ``namespace`` objects are
#: read by item, see :func:`attribut_permis`.
ATTRIBUTS_PERMIS: tuple[tuple[type, frozenset[str]], ...] = (
    (str, _TEXTE),
    (dt.datetime, _DATE | _HEURE),
    (dt.date, _DATE),
    (dt.time, _HEURE),
    (LoopContext, _BOUCLE),
    (Cycler, frozenset({"next", "reset", "current"})),
    (dict, frozenset({"items", "keys", "values", "get"})),
)


def attributs_permis(sorte: Any) -> frozenset[str] | None:
    """The attributes allowed on values of type ``sorte``; None when the
    type has none of its own (data read by item, numbers…)."""
    if not isinstance(sorte, type):
        return None
    for classe, noms in ATTRIBUTS_PERMIS:
        if issubclass(sorte, classe):
            return noms
    return None


def attribut_permis(objet: Any, nom: str) -> bool:
    """Whether a template may read ``objet.nom``.

    >>> attribut_permis("texte", "upper"), attribut_permis("texte", "format")
    (True, False)
    >>> attribut_permis(dt.date(2022, 1, 1), "year"), attribut_permis(1, "real")
    (True, False)
    """
    if nom.startswith("_") or isinstance(objet, DonneesGabarit):
        return False
    if isinstance(objet, Namespace):
        return True
    return nom in (attributs_permis(type(objet)) or ())


# --- bounds ----------------------------------------------------------------------------


def chiffres_max() -> int:
    """Digits of the largest integer a template may compute (Python's own
    limit of integer conversion, ``PYTHONINTMAXSTRDIGITS``, 4 300 by default)."""
    return sys.get_int_max_str_digits() or 4300


def _trop(quoi: str) -> LimiteDepassee:
    return LimiteDepassee(f"{quoi} : calcul refusé, le résultat serait trop grand")


_LARGEUR_FORMAT = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")


def verifier_operation(operateur: str, gauche: Any, droite: Any) -> None:
    """Refuse (:class:`LimiteDepassee`) an operation whose result would be
    too large, before computing it.

    >>> verifier_operation("*", "a", 10**9)
    Traceback (most recent call last):
    courriers.moteur.bac_a_sable.LimiteDepassee: « 'a' * 1000000000 » : calcul refusé, le résultat serait trop grand
    >>> verifier_operation("**", 2, 10)
    """
    if _trop_grand(operateur, gauche, droite):
        raise _trop(f"« {_court(gauche)} {operateur} {_court(droite)} »")


def _trop_grand(operateur: str, gauche: Any, droite: Any) -> bool:
    bits = chiffres_max() * 10 // 3
    entiers = isinstance(gauche, int) and isinstance(droite, int)
    if operateur == "**":
        return bool(entiers and droite > 0 and droite * max(abs(gauche).bit_length() - 1, 0) > bits)
    if operateur == "*":
        if entiers:
            return bool(abs(gauche).bit_length() + abs(droite).bit_length() > bits)
        return any(
            _longueur(sequence) is not None
            and isinstance(fois, int)
            and (_longueur(sequence) or 0) * fois > taille_max()
            for sequence, fois in ((gauche, droite), (droite, gauche))
        )
    if operateur == "+":
        return (_longueur(gauche) or 0) + (_longueur(droite) or 0) > taille_max()
    if operateur == "%" and isinstance(gauche, str):
        return any(
            nombre == "*" or (nombre != "" and int(nombre) > 10_000)
            for largeur in _LARGEUR_FORMAT.findall(gauche)
            for nombre in largeur
        )
    return False


def _longueur(valeur: Any) -> int | None:
    if isinstance(valeur, (str, list, tuple)):
        return len(valeur)
    return None


def _court(valeur: Any) -> str:
    if isinstance(valeur, int) and abs(valeur).bit_length() > 64:
        return (
            f"nombre de {len(str(abs(valeur)))} chiffres" if valeur.bit_length() < 10_000 else "…"
        )
    texte = repr(valeur)
    return texte if len(texte) <= 40 else texte[:37] + "…"


def borner_texte(texte: str) -> str:
    """``texte`` when not longer than the limit, else :class:`LimiteDepassee`."""
    if len(texte) > taille_max():
        raise LimiteDepassee(
            f"texte de {len(texte)} caractères, au-delà de la limite de {taille_max()} "
            "(COURRIERS_TAILLE_MAX_PARTIE)"
        )
    return texte


def joindre(morceaux: Iterable[Any]) -> str:
    """``"".join(morceaux)``, refused before joining when too long; checks
    the time limit as it goes (where no signal does)."""
    liste: list[str] = []
    total, maximum = 0, taille_max()
    for numero, morceau in enumerate(morceaux):
        total += len(morceau)
        if total > maximum:
            raise LimiteDepassee(
                f"texte rendu de plus de {maximum} caractères (COURRIERS_TAILLE_MAX_PARTIE)"
            )
        if not numero % 1024:
            verifier_echeance()
        liste.append(morceau)
    return "".join(liste)


class _Intervalle:
    """``range`` for templates: at most ``MAX_RANGE`` numbers, the time
    limit checked while iterating."""

    def __init__(self, *arguments: int) -> None:
        self.nombres = range(*arguments)
        if len(self.nombres) > MAX_RANGE:
            raise LimiteDepassee(
                f"range de {len(self.nombres)} nombres : {MAX_RANGE} au plus dans un modèle"
            )

    def __iter__(self) -> Iterator[int]:
        for nombre in self.nombres:
            if not nombre % 1024:
                verifier_echeance()
            yield nombre

    def __len__(self) -> int:
        return len(self.nombres)

    def __getitem__(self, indice: Any) -> Any:
        return self.nombres[indice]

    def __reversed__(self) -> Iterator[int]:
        return reversed(self.nombres)

    def __contains__(self, valeur: object) -> bool:
        return valeur in self.nombres

    def __repr__(self) -> str:
        return repr(self.nombres)


class _Generateur(CodeGenerator):
    """Jinja's code generator, with ``~`` bounded like every other text."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.borner_texte(")
        super().visit_Concat(node, frame)
        self.write(")")


def _filtres_bornes(filtres: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """The built-in filters that can grow a text, refused past the limit."""
    filtres = dict(filtres)  # the originals, before they are replaced

    def center(valeur: Any, width: int = 80) -> str:
        _largeur(width)
        return str(filtres["center"](valeur, width))

    def indent(valeur: Any, width: Any = 4, *args: Any, **kwargs: Any) -> str:
        _largeur(width if isinstance(width, int) else len(str(width)))
        return borner_texte(str(filtres["indent"](valeur, width, *args, **kwargs)))

    def format_(valeur: Any, *args: Any, **kwargs: Any) -> str:
        verifier_operation("%", str(valeur), args)
        return borner_texte(str(filtres["format"](valeur, *args, **kwargs)))

    def join(ctx: Any, valeur: Any, d: Any = "", attribute: Any = None) -> str:
        elements = list(valeur)
        taille = sum(len(e) for e in elements if isinstance(e, str)) + len(str(d)) * len(elements)
        if taille > taille_max():
            raise _trop(f"« join » de {len(elements)} éléments")
        return borner_texte(str(filtres["join"](ctx, elements, d, attribute)))

    def replace(ctx: Any, valeur: Any, ancien: Any, nouveau: Any, count: Any = None) -> Any:
        texte = str(valeur)
        fois = texte.count(str(ancien)) if str(ancien) else len(texte) + 1
        if fois * len(str(nouveau)) + len(texte) > taille_max():
            raise _trop(f"« replace » sur un texte de {len(texte)} caractères")
        return filtres["replace"](ctx, valeur, ancien, nouveau, count)

    def batch(valeur: Any, linecount: int, fill_with: Any = None) -> Any:
        _nombre(linecount, "batch")
        return filtres["batch"](valeur, linecount, fill_with)

    def slice_(ctx: Any, valeur: Any, slices: int, fill_with: Any = None) -> Any:
        _nombre(slices, "slice")
        return filtres["slice"](ctx, valeur, slices, fill_with)

    def sum_(ctx: Any, iterable: Any, attribute: Any = None, start: Any = 0) -> Any:
        if not isinstance(start, (int, float)) or isinstance(start, bool):
            raise LimiteDepassee("« sum » n'additionne que des nombres dans un modèle")
        return filtres["sum"](ctx, iterable, attribute, start)

    for filtre in (join, replace, sum_, slice_):
        original = filtres[filtre.__name__.rstrip("_")]
        setattr(filtre, "jinja_pass_arg", getattr(original, "jinja_pass_arg"))  # noqa: B009, B010
    return {
        "center": center,
        "indent": indent,
        "format": format_,
        "join": join,
        "replace": replace,
        "batch": batch,
        "slice": slice_,
        "sum": sum_,
    }


def _nombre(nombre: Any, filtre: str) -> None:
    if isinstance(nombre, int) and nombre > MAX_RANGE:
        raise _trop(f"« {filtre} » par {nombre}")


def _largeur(largeur: int) -> None:
    if isinstance(largeur, int) and largeur > 10_000:
        raise _trop(f"largeur de {largeur} caractères")


class BacASable(ImmutableSandboxedEnvironment):
    """The sandbox described in the module docstring."""

    code_generator_class = _Generateur
    intercepted_binops = frozenset({"+", "*", "**", "%"})
    concat = staticmethod(joindre)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        del self.globals["lipsum"]
        self.globals["range"] = _Intervalle
        self.filters.update(_filtres_bornes(self.filters))
        self.borner_texte = borner_texte
        self._appelables = tuple(self.globals.values())

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as a plain dict, not Jinja's ``ChainMap``
        over the environment's: every render copies them into its context,
        and copying a ``ChainMap`` costs about as much as rendering a short
        template. The environment's globals are set once, in
        :meth:`__init__`, before any template is compiled."""
        return {**self.globals, **(d or {})}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attribut_permis(obj, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, (Macro, LoopContext, Joiner, Undefined)):
            return True  # calling an Undefined raises its own (French) error
        if any(obj is appelable for appelable in self._appelables):
            return True
        if isinstance(obj, (types.MethodType, types.BuiltinMethodType)):
            soi = getattr(obj, "__self__", None)
            return soi is not None and attribut_permis(soi, obj.__name__)
        return False

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        verifier_echeance()
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        verifier_echeance()
        verifier_operation(operator, left, right)
        return self.binop_table[operator](left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        verifier_echeance()
        if isinstance(obj, DonneesGabarit):
            return self._champ(obj, attribute)
        if attribut_permis(obj, attribute):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        try:
            return obj[attribute]
        except (TypeError, LookupError):
            pass
        if hasattr(obj, attribute):
            return self.unsafe_undefined(obj, attribute)
        return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        verifier_echeance()
        if isinstance(obj, DonneesGabarit):
            return self._champ(obj, argument)
        try:
            return obj[argument]
        except (TypeError, LookupError):
            if isinstance(argument, str):
                return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def _champ(self, donnees: DonneesGabarit, nom: Any) -> Any:
        if isinstance(nom, str) and nom in donnees:
            return donnees[nom]
        if isinstance(nom, str) and (nom.startswith(("_", "model_")) or hasattr(donnees, nom)):
            return self.unsafe_undefined(donnees, nom)  # a mechanism, not a field
        origine = type(modele_de(donnees)).__name__
        quoi = "ces données" if origine == "DonneesGabarit" else origine
        return self.undefined(f"« {nom} » n'existe pas dans {quoi}", obj=donnees, name=str(nom))
