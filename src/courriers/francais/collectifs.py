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

from courriers.francais.civilites import fonction_au_pluriel
from courriers.francais.elision import de

__all__ = ["appel_collectif", "designation_collective"]


def designation_collective(fonction: str, organisme: str | None = None) -> str:
    """Les destinataires nommés dans le texte et dans la ligne « à ».

    >>> designation_collective("sous-préfet")
    'Mesdames et Messieurs les sous-préfets'
    >>> designation_collective("maire", "l'arrondissement de Vichy")
    "Mesdames et Messieurs les maires de l'arrondissement de Vichy"
    """
    texte = f"Mesdames et Messieurs les {fonction_au_pluriel(fonction)}"
    return f"{texte} {de(organisme)}" if organisme else texte


def appel_collectif(fonction: str) -> str:
    """La formule d'appel : le premier mot de la fonction, au pluriel, avec
    sa capitale (docs/formules.md : capitale du titre dans les formules).

    >>> appel_collectif("directeur départemental des territoires")
    'Mesdames et Messieurs les Directeurs,'
    """
    tete = fonction_au_pluriel(fonction.split(" ")[0])
    return f"Mesdames et Messieurs les {tete[:1].upper()}{tete[1:]},"
