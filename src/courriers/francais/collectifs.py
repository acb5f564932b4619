"""Destinataires collectifs : une même fonction au pluriel, aux deux genres.

Un message adressé à tous les maires d'un département ne les nomme pas un à
un : « Mesdames et Messieurs les maires du département », et s'ouvre par
« Mesdames et Messieurs les Maires, ». La fonction est donnée une fois, au
singulier et au masculin ; son pluriel se déduit (le « s », « -al » en
« -aux », « -eau » en « -eaux »), seulement pour les mots qui la commencent,
jamais après une préposition (« chefs de service »).

>>> designation_collective("maire", "le département")
'Mesdames et Messieurs les maires du département'
>>> appel_collectif("maire")
'Mesdames et Messieurs les Maires,'
"""

from __future__ import annotations

from typing import Final

from courriers.francais.elision import de

__all__ = ["appel_collectif", "designation_collective", "pluriel_fonction", "pluriel_mot"]

_INVARIABLES_AU_PLURIEL: Final = ("s", "x", "z")
_EXCEPTIONS_AL: Final = frozenset({"final", "naval", "bancal", "fatal", "natal"})
_COUPURES: Final = frozenset({"de", "du", "des", "d'", "à", "au", "aux", "en", "pour", "chargé"})


def pluriel_mot(mot: str) -> str:
    """Le pluriel d'un nom ou d'un adjectif d'une fonction.

    >>> [pluriel_mot(m) for m in ["maire", "directeur", "départemental", "général", "préfet"]]
    ['maires', 'directeurs', 'départementaux', 'généraux', 'préfets']
    >>> pluriel_mot("sous-préfet"), pluriel_mot("délégué"), pluriel_mot("commissaire")
    ('sous-préfets', 'délégués', 'commissaires')
    """
    if "-" in mot and mot.split("-")[0].lower() in {"sous", "vice", "co"}:
        avant, _, apres = mot.partition("-")
        return f"{avant}-{pluriel_mot(apres)}"
    if mot.lower().endswith(_INVARIABLES_AU_PLURIEL):
        return mot
    if mot.lower().endswith("al") and mot.lower() not in _EXCEPTIONS_AL:
        return mot[:-2] + "aux"
    if mot.lower().endswith("eau"):
        return mot + "x"
    return mot + "s"


def pluriel_fonction(fonction: str) -> str:
    """Une fonction au pluriel : les mots de tête seulement.

    >>> pluriel_fonction("directeur départemental des territoires")
    'directeurs départementaux des territoires'
    >>> pluriel_fonction("chef de service")
    'chefs de service'
    """
    mots = fonction.split(" ")
    for i, mot in enumerate(mots):
        if mot.lower() in _COUPURES or mot.lower().startswith(("d'", "d’", "l'", "l’")):
            break
        mots[i] = pluriel_mot(mot)
    return " ".join(mots)


def designation_collective(fonction: str, organisme: str | None = None) -> str:
    """Les destinataires nommés dans le texte et dans la ligne « à ».

    >>> designation_collective("sous-préfet")
    'Mesdames et Messieurs les sous-préfets'
    >>> designation_collective("maire", "l'arrondissement de Vichy")
    "Mesdames et Messieurs les maires de l'arrondissement de Vichy"
    """
    texte = f"Mesdames et Messieurs les {pluriel_fonction(fonction)}"
    return f"{texte} {de(organisme)}" if organisme else texte


def appel_collectif(fonction: str) -> str:
    """La formule d'appel : le premier mot de la fonction, au pluriel, avec
    sa capitale (docs/formules.md : capitale du titre dans les formules).

    >>> appel_collectif("directeur départemental des territoires")
    'Mesdames et Messieurs les Directeurs,'
    """
    tete = pluriel_mot(fonction.split(" ")[0])
    return f"Mesdames et Messieurs les {tete[:1].upper()}{tete[1:]},"
