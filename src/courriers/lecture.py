"""Parsing the text of a JSON or YAML data file, bounded and without a
silent choice.

* A key written twice in one object is an error located by the path of the
  object (and the line, in YAML), never "the last one wins".
* YAML aliases (``&a`` … ``*a``) are counted each time they are used: data
  that would expand beyond ``COURRIERS_ELEMENTS_MAX_DONNEES`` elements (an
  85 kB file turned into a million participants) is refused before it is
  built, and so is an alias that contains itself.
* A number longer than Python's limit (``PYTHONINTMAXSTRDIGITS``, 4,300
  digits by default) is refused with its position.
* A date that does not exist (``2022-02-30``) is reported as such, with its
  position; a lone surrogate (``"\\ud800"``) is refused with its path.
* A byte order mark at the start of the file is accepted.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from courriers.limites import limite_elements
from courriers.messages import erreur

_MERGE = "tag:yaml.org,2002:merge"
_SUBSTITUTS = re.compile("[\ud800-\udfff]")
#: The only way a lone surrogate gets into data decoded from UTF-8: an escape.
_ECHAPPEMENT_SUBSTITUT = re.compile(r"\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]")


def chemin_du_champ(loc: tuple[str | int, ...]) -> str:
    """``reunion.presents[0].participants[3].civilite``.

    >>> chemin_du_champ(("reunion", "presents", 0, "participants", 3, "civilite"))
    'reunion.presents[0].participants[3].civilite'
    >>> chemin_du_champ(())
    '(document)'
    """
    chemin = ""
    for partie in loc:
        chemin += f"[{partie}]" if isinstance(partie, int) else f".{partie}"
    return chemin.lstrip(".") or "(document)"


def _position(texte: str, index: int) -> tuple[int, int]:
    """Line and column (from 1) of ``texte[index]``.

    >>> _position("ab\\ncd", 4)
    (2, 2)
    """
    debut = texte.rfind("\n", 0, index) + 1
    return texte.count("\n", 0, index) + 1, index - debut + 1


# --- JSON -----------------------------------------------------------------------


class _ObjetEnDouble(dict[str, Any]):
    """An object of the JSON text with a key written twice."""

    doublons: list[str]


def _objet(paires: list[tuple[str, Any]]) -> dict[str, Any]:
    objet = dict(paires)
    if len(objet) == len(paires):
        return objet
    vues: set[str] = set()
    doublons = [cle for cle, _ in paires if cle in vues or vues.add(cle)]  # type: ignore[func-returns-value]
    en_double = _ObjetEnDouble(objet)
    en_double.doublons = doublons
    return en_double


class _NombreTropLong(ValueError):
    def __init__(self, chiffres: int) -> None:
        super().__init__(chiffres)
        self.chiffres = chiffres


def _maximum_de_chiffres() -> int:
    return sys.get_int_max_str_digits()


def _entier(texte: str) -> int:
    maximum = _maximum_de_chiffres()
    chiffres = len(texte.lstrip("-"))
    if maximum and chiffres > maximum:
        raise _NombreTropLong(chiffres)
    return int(texte)


def lire_json(chemin: Path, texte: str) -> Any:
    """The data of a JSON text; see the module."""
    doublons: list[bool] = []

    def objet(paires: list[tuple[str, Any]]) -> dict[str, Any]:
        resultat = _objet(paires)
        if isinstance(resultat, _ObjetEnDouble):
            doublons.append(True)
        return resultat

    try:
        donnees = json.loads(texte, object_pairs_hook=objet, parse_int=_entier)
    except json.JSONDecodeError as exc:
        raise erreur(
            "donnees.json_mal_forme",
            chemin=chemin,
            ligne=exc.lineno,
            colonne=exc.colno,
            probleme=_json_en_francais(exc.msg),
        ) from exc
    except _NombreTropLong as exc:
        trouve = re.search(rf"\d{{{exc.chiffres}}}", texte)
        ligne, colonne = _position(texte, trouve.start() if trouve else 0)
        raise _trop_long(chemin, ligne, colonne, exc.chiffres) from None
    if doublons or _ECHAPPEMENT_SUBSTITUT.search(texte):  # else nothing to find
        verifier_arbre(chemin, donnees)
    return donnees


def _trop_long(chemin: Path, ligne: int, colonne: int, chiffres: int) -> Exception:
    return erreur(
        "donnees.nombre_trop_long",
        chemin=chemin,
        ligne=ligne,
        colonne=colonne,
        chiffres=chiffres,
        maximum=_maximum_de_chiffres(),
    )


_JSON_FRANCAIS = {
    "Expecting ',' delimiter": "virgule attendue",
    "Expecting ':' delimiter": "deux-points attendu",
    "Expecting value": "valeur attendue",
    "Expecting property name enclosed in double quotes": "nom de champ entre "
    "guillemets droits attendu (virgule en trop ?)",
    "Unterminated string starting at": "texte non terminé (guillemet fermant manquant)",
    "Extra data": "données en trop après la fin",
    "Invalid control character at": "caractère de contrôle interdit dans un texte",
    "Invalid \\escape": "séquence d'échappement invalide",
    "Invalid \\uXXXX escape": "séquence \\uXXXX invalide",
    "Illegal trailing comma before end of object": "virgule en trop avant « } »",
    "Illegal trailing comma before end of array": "virgule en trop avant « ] »",
}


def _json_en_francais(message: str) -> str:
    """The problem of a JSON parse error, in French.

    >>> _json_en_francais("Expecting value")
    'valeur attendue'
    >>> _json_en_francais("Something new")
    'syntaxe refusée (message du module json : « Something new »)'
    """
    if message in _JSON_FRANCAIS:
        return _JSON_FRANCAIS[message]
    return f"syntaxe refusée (message du module json : « {message} »)"


def verifier_arbre(chemin: Path, donnees: Any) -> None:
    """Refuse an object with a key written twice (JSON) and a text holding
    a lone surrogate, naming the path of the first one found."""
    pile: list[tuple[Any, tuple[str | int, ...]]] = [(donnees, ())]
    while pile:
        valeur, ou = pile.pop()
        if isinstance(valeur, _ObjetEnDouble):
            raise _en_double(chemin, ou, valeur.doublons[0], "")
        if isinstance(valeur, dict):
            for cle, element in valeur.items():
                _verifier_texte(chemin, ou, cle)
                pile.append((element, (*ou, str(cle))))
        elif isinstance(valeur, list):
            pile.extend((element, (*ou, rang)) for rang, element in enumerate(valeur))
        else:
            _verifier_texte(chemin, ou, valeur)


def _verifier_texte(chemin: Path, ou: tuple[str | int, ...], valeur: Any) -> None:
    if isinstance(valeur, str) and (trouve := _SUBSTITUTS.search(valeur)):
        raise erreur(
            "donnees.caractere_invalide",
            chemin=chemin,
            champ=chemin_du_champ(ou),
            code=f"U+{ord(trouve.group()):04X}",
        )


def _en_double(chemin: Path, ou: tuple[str | int, ...], cle: str, ligne: str) -> Exception:
    return erreur(
        "donnees.cle_en_double", chemin=chemin, ligne=ligne, objet=chemin_du_champ(ou), cle=cle
    )


# --- YAML -----------------------------------------------------------------------


class _Chargeur(yaml.SafeLoader):
    """PyYAML's safe loader, which checks the graph of nodes before
    building anything (:func:`_verifier_graphe`)."""

    chemin: Path

    def construct_document(self, node: Node) -> Any:
        _verifier_graphe(self.chemin, node, limite_elements())
        return super().construct_document(node)


class _ValeurIllisible(yaml.MarkedYAMLError):
    """A scalar PyYAML cannot turn into a value, with its position."""


def _avec_position(nom: str) -> Any:
    construire = getattr(SafeConstructor, nom)

    def construire_ou_situer(chargeur: _Chargeur, noeud: ScalarNode) -> Any:
        try:
            return construire(chargeur, noeud)
        except (ValueError, AttributeError) as exc:
            raise _ValeurIllisible(problem=str(exc), problem_mark=noeud.start_mark) from exc

    return construire_ou_situer


for _etiquette, _nom in (
    ("int", "construct_yaml_int"),
    ("float", "construct_yaml_float"),
    ("timestamp", "construct_yaml_timestamp"),
):
    _Chargeur.add_constructor(f"tag:yaml.org,2002:{_etiquette}", _avec_position(_nom))


class _Recursif(Exception):
    pass


def _verifier_graphe(chemin: Path, racine: Node, maximum: int) -> None:
    """Refuse keys written twice, aliases that contain themselves and data
    of more than ``maximum`` elements once every alias is expanded (each
    node is visited once: shared nodes are counted from a memo)."""
    tailles: dict[int, int] = {}
    en_cours: set[int] = set()

    def taille(noeud: Node, ou: tuple[str | int, ...]) -> int:
        if id(noeud) in tailles:
            return tailles[id(noeud)]
        if id(noeud) in en_cours:
            raise erreur(
                "donnees.yaml_recursif",
                chemin=chemin,
                ligne=noeud.start_mark.line + 1,
                objet=chemin_du_champ(ou),
            )
        en_cours.add(id(noeud))
        total = 1
        if isinstance(noeud, SequenceNode):
            for rang, element in enumerate(noeud.value):
                total += taille(element, (*ou, rang))
        elif isinstance(noeud, MappingNode):
            _cles_uniques(chemin, noeud, ou)
            for cle, valeur in noeud.value:
                nom = cle.value if isinstance(cle, ScalarNode) else "?"
                total += taille(cle, ou) + taille(valeur, (*ou, nom))
        en_cours.discard(id(noeud))
        if total > maximum:
            raise erreur("donnees.yaml_trop_developpe", chemin=chemin, maximum=maximum)
        tailles[id(noeud)] = total
        return total

    taille(racine, ())


def _cles_uniques(chemin: Path, noeud: MappingNode, ou: tuple[str | int, ...]) -> None:
    vues: set[tuple[str, str]] = set()
    for cle, _ in noeud.value:
        if not isinstance(cle, ScalarNode) or cle.tag == _MERGE:
            continue
        if (cle.tag, cle.value) in vues:
            raise _en_double(chemin, ou, cle.value, f", ligne {cle.start_mark.line + 1}")
        vues.add((cle.tag, cle.value))


_YAML_FRANCAIS = {
    "day is out of range for month": "ce jour n'existe pas dans ce mois",
    "month must be in 1..12": "mois entre 1 et 12 attendu",
    "year 0 is out of range": "année 0 hors du calendrier",
    "mapping values are not allowed here": "deux-points inattendu (valeur sur la ligne d'une "
    "autre, ou texte à mettre entre guillemets)",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet fermant manquant ?)",
    "found character '\\t' that cannot start any token": "tabulation interdite (indenter "
    "avec des espaces)",
    "could not find expected ':'": "deux-points attendu",
    "expected ',' or ']', but got '<stream end>'": "« ] » fermant attendu",
    "expected ',' or '}', but got '<stream end>'": "« } » fermant attendu",
    "expected <block end>, but found '-'": "indentation incohérente avant le tiret",
    "expected <block end>, but found '?'": "indentation incohérente",
    "expected <block end>, but found '<block mapping start>'": "indentation incohérente",
    "expected <block end>, but found '<scalar>'": "indentation incohérente",
    "expected <block mapping start>, but found '<block sequence start>'": "indentation incohérente",
}


def yaml_en_francais(probleme: object) -> str:
    """A problem reported by PyYAML, in French.

    >>> yaml_en_francais("month must be in 1..12")
    'mois entre 1 et 12 attendu'
    >>> yaml_en_francais("found undefined alias 'x'")
    "alias « x » non défini (l'ancre &x manque)"
    >>> yaml_en_francais("invalid literal for int() with base 10: 'abc'")
    'nombre illisible : « abc »'
    >>> yaml_en_francais("truc")
    'syntaxe refusée (message de PyYAML : « truc »)'
    """
    texte = str(probleme)
    if texte in _YAML_FRANCAIS:
        return _YAML_FRANCAIS[texte]
    if alias := re.fullmatch(r"found undefined alias '(.*)'", texte):
        return f"alias « {alias[1]} » non défini (l'ancre &{alias[1]} manque)"
    if nombre := re.fullmatch(
        r"(?:invalid literal for int\(\) with base \d+|could not "
        r"convert string to float): '(.*)'",
        texte,
    ):
        return f"nombre illisible : « {nombre[1]} »"
    if "groupdict" in texte:
        return "date ou horodatage illisible"
    return f"syntaxe refusée (message de PyYAML : « {texte} »)"


def lire_yaml(chemin: Path, texte: str) -> Any:
    """The data of a YAML text; see the module."""
    chargeur: _Chargeur | None = None
    try:
        chargeur = _Chargeur(texte)
        chargeur.chemin = chemin
        donnees = chargeur.get_single_data()
    except _ValeurIllisible as exc:
        raise _valeur_illisible(chemin, exc) from exc
    except yaml.MarkedYAMLError as exc:
        marque = exc.problem_mark
        if marque is None:
            raise erreur(
                "donnees.yaml_illisible", chemin=chemin, probleme=yaml_en_francais(exc.problem)
            ) from exc
        raise erreur(
            "donnees.yaml_mal_forme",
            chemin=chemin,
            ligne=marque.line + 1,
            colonne=marque.column + 1,
            probleme=yaml_en_francais(exc.problem),
        ) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, before parsing
        ligne, colonne = _position(texte, exc.position)
        raise erreur(
            "donnees.yaml_mal_forme",
            chemin=chemin,
            ligne=ligne,
            colonne=colonne,
            probleme=f"caractère interdit U+{exc.character:04X}",
        ) from exc
    except yaml.YAMLError as exc:
        raise erreur(
            "donnees.yaml_illisible", chemin=chemin, probleme=yaml_en_francais(exc)
        ) from exc
    finally:
        if chargeur is not None:
            chargeur.dispose()
    if _ECHAPPEMENT_SUBSTITUT.search(texte):  # keys twice: found in the graph
        verifier_arbre(chemin, donnees)
    return donnees


def _valeur_illisible(chemin: Path, exc: _ValeurIllisible) -> Exception:
    marque = exc.problem_mark
    assert marque is not None
    ligne, colonne = marque.line + 1, marque.column + 1
    texte = str(exc.problem)
    if chiffres := re.search(r"value has (\d+) digits", texte):
        return _trop_long(chemin, ligne, colonne, int(chiffres[1]))
    if texte in {"day is out of range for month", "month must be in 1..12"}:
        valeur = (marque.buffer or "?")[marque.pointer :].split(maxsplit=1)[0]
        return erreur(
            "donnees.date_inexistante",
            chemin=chemin,
            ligne=ligne,
            colonne=colonne,
            date=valeur.strip("'\""),
            raison=yaml_en_francais(texte),
        )
    return erreur(
        "donnees.yaml_mal_forme",
        chemin=chemin,
        ligne=ligne,
        colonne=colonne,
        probleme=yaml_en_francais(texte),
    )
