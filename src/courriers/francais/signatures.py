"""Le bloc de signature : formules de délégation, qualité du signataire.

Les formules que les services emploient sont des données
(:data:`DELEGATIONS`), écrites au masculin ; le féminin s'en déduit selon la
personne au nom de qui l'on signe (« Pour la préfète et par délégation, »)
et selon le signataire (« La secrétaire générale par intérim, »). La qualité
s'écrit comme elle est donnée, jamais mise en capitales (« Le chef de
cabinet », « Le cabinet du préfet ») : seule l'initiale de l'article prend une
capitale.

Ordre des lignes, de haut en bas (:func:`lignes_signature`) : l'autorité
quand la lettre est écrite en son nom (« Le préfet, »), la formule de
délégation (« Pour le préfet et par délégation, »), la qualité du signataire
(« Le secrétaire général, »), puis, sous l'espace de la signature manuscrite
ou l'image de la signature, le prénom et le nom. [CRPA L212-1 : signature,
prénom, nom et qualité du signataire.]

>>> lignes_signature("secrétaire général", "M.", delegation="delegation",
...                  autorite="la préfète", autorite_en_tete=True)
['La préfète,', 'Pour la préfète et par délégation,', 'Le secrétaire général,']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

from courriers.francais.elision import article_defini, majuscule_initiale
from courriers.francais.personnes import Civilite, accorder_fonction

__all__ = [
    "DELEGATIONS",
    "Delegation",
    "formule_delegation",
    "lignes_signature",
    "qualite_signataire",
]

Delegation = Literal["delegation", "empechement"]

#: Les formules de délégation, au masculin : ``{autorite}`` est l'autorité
#: avec son article (« le préfet »), ``{empeche}`` s'accorde avec elle.
#: « Pour le préfet et par délégation » : délégation de signature (décret
#: n° 2004-374 du 29 avril 2004, art. 43) ; « Pour le préfet empêché » : suppléance en cas
#: d'absence ou d'empêchement du préfet (même décret, art. 45).
DELEGATIONS: Final[Mapping[Delegation, str]] = MappingProxyType(
    {
        "delegation": "Pour {autorite} et par délégation,",
        "empechement": "Pour {autorite} {empeche},",
    }
)


def _feminine(autorite: str) -> bool:
    return autorite.startswith(("la ", "l'administratrice", "l’administratrice"))


def formule_delegation(mode: Delegation, autorite: str = "le préfet") -> str:
    """La formule de délégation pour ``autorite`` (avec son article), accordée
    à son genre.

    >>> formule_delegation("delegation"), formule_delegation("delegation", "la préfète")
    ('Pour le préfet et par délégation,', 'Pour la préfète et par délégation,')
    >>> formule_delegation("empechement", "la préfète")
    'Pour la préfète empêchée,'
    >>> formule_delegation("interim")
    Traceback (most recent call last):
    ...
    ValueError: délégation inconnue : « interim » ; attendu « delegation » ou « empechement »
    """
    if mode not in DELEGATIONS:
        attendu = " ou ".join(f"« {m} »" for m in DELEGATIONS)
        raise ValueError(f"délégation inconnue : « {mode} » ; attendu {attendu}")
    empeche = "empêchée" if _feminine(autorite) else "empêché"
    return DELEGATIONS[mode].format(autorite=autorite, empeche=empeche)


def qualite_signataire(
    qualite: str, civilite: Civilite | None = None, interim: bool = False
) -> str:
    """La qualité du signataire avec son article, accordée à sa civilité,
    ``par intérim`` quand il assure l'intérim, suivie d'une virgule. Sans
    civilité (signataire désigné par sa fonction), la qualité reste telle
    qu'elle est donnée.

    >>> qualite_signataire("secrétaire général", "Mme")
    'La secrétaire générale,'
    >>> qualite_signataire("chef de cabinet")
    'Le chef de cabinet,'
    >>> qualite_signataire("cabinet du préfet")
    'Le cabinet du préfet,'
    >>> qualite_signataire("directeur départemental", "Mme", interim=True)
    'La directrice départementale par intérim,'
    >>> qualite_signataire("Secrétaire Général", "M.")
    'Le Secrétaire Général,'
    """
    feminin = civilite == "Mme"
    accordee = accorder_fonction(qualite, civilite) if civilite else qualite
    groupe = article_defini(accordee, "feminin" if feminin else "masculin")
    suffixe = " par intérim" if interim else ""
    return f"{majuscule_initiale(groupe)}{suffixe},"


def lignes_signature(
    qualite: str,
    civilite: Civilite | None = None,
    *,
    delegation: Delegation | None = None,
    autorite: str = "le préfet",
    autorite_en_tete: bool = False,
    interim: bool = False,
) -> list[str]:
    """Les lignes du bloc de signature au-dessus du nom.

    >>> lignes_signature("secrétaire général", "M.", delegation="delegation")
    ['Pour le préfet et par délégation,', 'Le secrétaire général,']
    >>> lignes_signature("sous-préfet", "Mme", delegation="empechement", autorite="la préfète")
    ['Pour la préfète empêchée,', 'La sous-préfète,']
    >>> lignes_signature("chef de cabinet")
    ['Le chef de cabinet,']
    """
    lignes: list[str] = []
    if autorite_en_tete:
        lignes.append(f"{majuscule_initiale(autorite)},")
    if delegation is not None:
        lignes.append(formule_delegation(delegation, autorite))
    lignes.append(qualite_signataire(qualite, civilite, interim))
    return lignes
