"""What templates see: plain read-only data, never the Python objects.

The engine converts the variables of each document before handing them to
Jinja (:meth:`Conversion.contexte`): a Pydantic model, a dataclass or a
dict becomes a :class:`DonneesGabarit` (a read-only mapping of its fields;
``reunion.date`` works through item access), a list, tuple or set becomes
a tuple, a ``Path`` becomes its text, an enumeration its value. Strings,
numbers, booleans, ``None``, dates and times pass as they are. Nothing a
template receives has a method that reaches the file system, the network or
Python's internals.

Filters are trusted Python: the environment unwraps their arguments back
to the original models (:func:`modele_de`) and converts their results
again. The model a mapping was made from is kept in a slot that templates
cannot reach (the sandbox refuses every attribute of :class:`DonneesGabarit`
and its item access only sees the fields).

>>> import datetime as dt
>>> from pathlib import Path
>>> d = en_donnees({"nom": "Dupont", "naissance": dt.date(1970, 1, 2), "image": Path("m.png")})
>>> d["nom"], d["naissance"], d["image"]
('Dupont', datetime.date(1970, 1, 2), 'm.png')
>>> en_donnees([1, {"a": 2}])
(1, DonneesGabarit({'a': 2}))
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping, Set
from decimal import Decimal
from fractions import Fraction
from pathlib import PurePath
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

#: Values that pass to templates unchanged (immutable, no dangerous method;
#: their attributes are still filtered by the sandbox's allow-list).
_SCALAIRES = (
    type(None),
    bool,
    int,
    float,
    Decimal,
    Fraction,
    dt.date,
    dt.time,
    dt.timedelta,
)


#: A field not converted yet (:class:`DonneesGabarit`).
_A_CONVERTIR: Any = object()


class DonneesGabarit(Mapping[str, Any]):
    """A read-only mapping of the fields of a model, a dataclass or a dict.

    >>> d = DonneesGabarit({"a": 1})
    >>> d["a"], len(d), list(d), "a" in d
    (1, 1, ['a'], True)
    >>> d["b"]
    Traceback (most recent call last):
    KeyError: 'b'
    """

    __slots__ = ("__bruts", "__convertir", "__origine", "__valeurs")

    def __init__(
        self,
        valeurs: Mapping[str, Any],
        origine: Any = None,
        convertir: Callable[[Any], Any] | None = None,
    ) -> None:
        # Name-mangled slots: ``_DonneesGabarit__origine``, refused by the
        # sandbox like every attribute of this class.
        if convertir is None:
            self.__valeurs = dict(valeurs)
            self.__bruts: dict[str, Any] = {}
        else:
            # Each field converted when first read: a template reads few of
            # the fields of a model (a convocation, none of the thousands
            # of invitees of its meeting).
            self.__valeurs = dict.fromkeys(valeurs, _A_CONVERTIR)
            self.__bruts = dict(valeurs)
        self.__convertir = convertir
        self.__origine = origine

    def __getitem__(self, cle: str) -> Any:
        valeur = self.__valeurs[cle]
        if valeur is _A_CONVERTIR:
            assert self.__convertir is not None
            valeur = self.__valeurs[cle] = self.__convertir(self.__bruts[cle])
        return valeur

    def __iter__(self) -> Iterator[str]:
        return iter(self.__valeurs)

    def __len__(self) -> int:
        return len(self.__valeurs)

    def __repr__(self) -> str:
        return f"DonneesGabarit({dict(self.items())!r})"

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, autre: object) -> bool:
        if isinstance(autre, DonneesGabarit):
            return dict(self.items()) == dict(autre.items())
        return NotImplemented

    def _origine(self) -> Any:
        """The object this mapping was made from (for trusted filters)."""
        return self.__origine


class Conversion:
    """Converts values, each object once (cache by identity).

    One conversion serves a whole document (a ``reunion`` shared by every
    part is converted once); :meth:`contexte` also reuses, from one call to
    the next, the conversion of the top-level variables that are the same
    objects as in the previous call (the ``reunion`` of every invitation of
    a batch).
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, Any]] = {}
        self._precedents: dict[str, tuple[Any, Any]] = {}

    def contexte(self, variables: Mapping[str, Any]) -> dict[str, Any]:
        """The template variables as plain data."""
        self._memo = {}
        resultat: dict[str, Any] = {}
        gardes: dict[str, tuple[Any, Any]] = {}
        for nom, valeur in variables.items():
            precedent = self._precedents.get(nom)
            if precedent is not None and precedent[0] is valeur:
                converti = precedent[1]
            else:
                converti = self.convertir(valeur)
            resultat[nom] = converti
            gardes[nom] = (valeur, converti)
        self._precedents = gardes
        self._memo = {}
        return resultat

    def convertir(self, valeur: Any) -> Any:
        """``valeur`` as plain data (see the module docstring)."""
        if type(valeur) in _TELS_QUELS:
            return valeur  # the most frequent: a text, a number, nothing
        if isinstance(valeur, str):
            return valeur if type(valeur) in (str, Markup) else str(valeur)
        if isinstance(valeur, (*_SCALAIRES, DonneesGabarit)):
            return valeur
        deja = self._memo.get(id(valeur))
        if deja is not None and deja[0] is valeur:
            return deja[1]
        converti = self._nouveau(valeur)
        self._memo[id(valeur)] = (valeur, converti)
        return converti

    def _nouveau(self, valeur: Any) -> Any:
        if isinstance(valeur, enum.Enum):
            return self.convertir(valeur.value)
        if isinstance(valeur, PurePath):
            return str(valeur)
        if isinstance(valeur, BaseModel):
            champs = {nom: getattr(valeur, nom) for nom in type(valeur).model_fields}
            return self._mapping(champs, valeur)
        if dataclasses.is_dataclass(valeur) and not isinstance(valeur, type):
            champs = {c.name: getattr(valeur, c.name) for c in dataclasses.fields(valeur)}
            return self._mapping(champs, valeur)
        if isinstance(valeur, Mapping):
            return self._mapping({str(c): v for c, v in valeur.items()}, valeur)
        if isinstance(valeur, (list, tuple, Set)):
            return tuple(self.convertir(v) for v in valeur)
        if type(valeur).__module__ == "pydantic_core._pydantic_core":  # Url and the like
            return str(valeur)
        raise TypeError(
            f"valeur de type {type(valeur).__name__} non prévue pour les modèles "
            "(moteur/donnees_gabarit.py)"
        )

    def _mapping(self, champs: Mapping[str, Any], origine: Any) -> DonneesGabarit:
        return DonneesGabarit(champs, origine, self._convertir_plus_tard)

    def _convertir_plus_tard(self, valeur: Any) -> Any:
        """A field read after :meth:`contexte` returned: converted on its
        own (the objects met during one call are converted once; later,
        each field keeps what it became)."""
        return self.convertir(valeur)


def en_donnees(valeur: Any) -> Any:
    """``valeur`` as plain data, with a conversion of its own."""
    if type(valeur) in _TELS_QUELS:
        return valeur  # the usual result of a filter: no conversion to set up
    return Conversion().convertir(valeur)


_TELS_QUELS = frozenset({str, Markup, type(None), bool, int, float})


def modele_de(valeur: Any) -> Any:
    """The object a value of a template was made from: the model of a
    :class:`DonneesGabarit`, element by element for a tuple or a list;
    anything else as it is.

    >>> from courriers.donnees.personne import Personne
    >>> p = Personne(civilite="M.", nom="Dupont")
    >>> modele_de(en_donnees(p)) is p
    True
    >>> modele_de((en_donnees(p), "x"))[0] is p
    True
    """
    if isinstance(valeur, DonneesGabarit):
        origine = valeur._origine()
        return valeur if origine is None else origine
    if type(valeur) is tuple or type(valeur) is list:
        elements = [modele_de(v) for v in valeur]
        if any(e is not v for e, v in zip(elements, valeur, strict=True)):
            return type(valeur)(elements)
    return valeur
