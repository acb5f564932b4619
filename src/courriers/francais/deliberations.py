"""Quorum and votes of a consultative body, in the words of minutes.

Rule (default). Commissions administratives à caractère consultatif:
décret n° 2006-672 du 8 juin 2006, article 11, codified since 2016 in the
Code des relations entre le public et l'administration, article R. 133-10:
« Le quorum est atteint lorsque la moitié au moins des membres composant la
commission sont présents, y compris les membres prenant part aux débats au
moyen d'une conférence téléphonique ou audiovisuelle, ou ont donné mandat.
Lorsque le quorum n'est pas atteint, la commission délibère valablement
sans condition de quorum après une nouvelle convocation portant sur le même
ordre du jour et spécifiant qu'aucun quorum ne sera exigé. » A body's own
founding text may set another proportion: the data says so.

Votes (décret n° 2006-672, art. 12; CRPA, art. R. 133-11): the body decides
by majority of the votes of the members present or represented; the chair
has a casting vote when votes are equal. The avis is derived from the
counts: more votes for than against gives a favourable avis.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from courriers.francais.elision import Genre, Nombre, majuscule_initiale

Avis = Literal["favorable", "defavorable"]
Proportion = Literal["moitie", "tiers", "deux_tiers", "majorite"]

PROPORTIONS: dict[str, Fraction] = {
    "moitie": Fraction(1, 2),
    "tiers": Fraction(1, 3),
    "deux_tiers": Fraction(2, 3),
}


def quorum_atteint(
    membres: int, presents: int, mandats: int = 0, proportion: Proportion = "moitie"
) -> bool:
    """Whether ``presents`` members present and ``mandats`` members having
    given a mandate make the quorum of a body of ``membres`` members: « la
    moitié au moins » (at least half), or more than half for « majorite ».

    >>> quorum_atteint(18, 9), quorum_atteint(18, 8), quorum_atteint(18, 7, 2)
    (True, False, True)
    >>> quorum_atteint(17, 8), quorum_atteint(17, 9)
    (False, True)
    >>> quorum_atteint(18, 9, proportion="majorite"), quorum_atteint(30, 10, proportion="tiers")
    (False, True)
    """
    voix = presents + mandats
    if proportion == "majorite":
        return 2 * voix > membres
    return voix >= PROPORTIONS[proportion] * membres


def _nombre(n: int, nom: str, pluriel: str | None = None) -> str:
    return f"{n} {nom if n <= 1 else (pluriel or nom + 's')}"


def decompte_quorum(membres: int, presents: int, mandats: int = 0) -> str:
    """The count put in brackets after the quorum sentence.

    >>> decompte_quorum(18, 10)
    '10 membres présents sur 18'
    >>> decompte_quorum(18, 8, 2)
    '8 membres présents et 2 ayant donné mandat, sur 18'
    >>> decompte_quorum(5, 1, 1)
    '1 membre présent et 1 ayant donné mandat, sur 5'
    """
    texte = f"{_nombre(presents, 'membre')} {'présent' if presents <= 1 else 'présents'}"
    if mandats:
        return f"{texte} et {mandats} ayant donné mandat, sur {membres}"
    return f"{texte} sur {membres}"


def phrase_quorum(
    membres: int,
    presents: int,
    mandats: int = 0,
    proportion: Proportion = "moitie",
    seconde_convocation: bool = False,
    instance: str = "la commission",
    genre: Genre = "feminin",
    nombre: Nombre = "singulier",
) -> str:
    """The quorum sentence of minutes. After a second convocation the
    body deliberates without quorum (CRPA R. 133-10, second sentence).

    >>> phrase_quorum(18, 10)
    'Le quorum étant atteint (10 membres présents sur 18), la séance est ouverte.'
    >>> phrase_quorum(18, 6, 1, instance="le comité", genre="masculin")
    "Le quorum n'étant pas atteint (6 membres présents et 1 ayant donné mandat, sur 18), le comité sera de nouveau convoqué sur le même ordre du jour et délibérera alors sans condition de quorum."
    >>> phrase_quorum(18, 6, seconde_convocation=True)
    'Réunie sur une nouvelle convocation, la commission délibère valablement sans condition de quorum (6 membres présents sur 18).'
    >>> phrase_quorum(18, 6, instance="les assises", nombre="pluriel").split("), ")[1]
    'les assises seront de nouveau convoquées sur le même ordre du jour et délibéreront alors sans condition de quorum.'
    """
    compte = decompte_quorum(membres, presents, mandats)
    pluriel = nombre == "pluriel"
    finale = ("e" if genre == "feminin" else "") + ("s" if pluriel else "")
    if seconde_convocation:
        verbe = "délibèrent" if pluriel else "délibère"
        return (
            f"Réuni{finale} sur une nouvelle convocation, {instance} {verbe} valablement sans "
            f"condition de quorum ({compte})."
        )
    if quorum_atteint(membres, presents, mandats, proportion):
        return f"Le quorum étant atteint ({compte}), la séance est ouverte."
    sera, deliberera = ("seront", "délibéreront") if pluriel else ("sera", "délibérera")
    return (
        f"Le quorum n'étant pas atteint ({compte}), {instance} {sera} de nouveau "
        f"convoqué{finale} sur le même ordre du jour et {deliberera} alors sans condition "
        "de quorum."
    )


def avis_du_vote(pour: int, contre: int, voix_preponderante: Avis | None = None) -> Avis:
    """The avis the counts give; equal votes need the chair's casting vote.

    >>> avis_du_vote(10, 2), avis_du_vote(3, 5), avis_du_vote(4, 4, "favorable")
    ('favorable', 'defavorable', 'favorable')
    >>> avis_du_vote(4, 4)
    Traceback (most recent call last):
    ...
    ValueError: partage égal des voix (4 pour, 4 contre) : indiquer « voix_preponderante » (le sens de la voix du président) ou « avis »
    """
    if pour > contre:
        return "favorable"
    if contre > pour:
        return "defavorable"
    if voix_preponderante is None:
        raise ValueError(
            f"partage égal des voix ({pour} pour, {contre} contre) : indiquer "
            "« voix_preponderante » (le sens de la voix du président) ou « avis »"
        )
    return voix_preponderante


def decompte_vote(pour: int, contre: int = 0, abstentions: int = 0) -> str:
    """``10 voix pour, 2 contre, 1 abstention`` (zero counts left out,
    ``voix`` invariable).

    >>> decompte_vote(10, 2, 1), decompte_vote(12, 0, 2), decompte_vote(1, 1)
    ('10 voix pour, 2 contre, 1 abstention', '12 voix pour, 2 abstentions', '1 voix pour, 1 contre')
    """
    morceaux = [f"{pour} voix pour"]
    if contre:
        morceaux.append(f"{contre} contre")
    if abstentions:
        morceaux.append(_nombre(abstentions, "abstention"))
    return ", ".join(morceaux)


def libelle_avis(
    avis: Avis,
    pour: int | None = None,
    contre: int = 0,
    abstentions: int = 0,
    voix_preponderante: bool = False,
    presidente: bool = False,
) -> str:
    """The avis with its counts: ``avis favorable à l'unanimité``,
    ``avis favorable (10 voix pour, 2 contre, 1 abstention)``.

    >>> libelle_avis("favorable", 12)
    "avis favorable à l'unanimité"
    >>> libelle_avis("favorable", 12, 0, 2)
    "avis favorable à l'unanimité des suffrages exprimés (12 voix pour, 2 abstentions)"
    >>> libelle_avis("defavorable", 3, 9, 1)
    'avis défavorable (3 voix pour, 9 contre, 1 abstention)'
    >>> libelle_avis("defavorable", 0, 7)
    "avis défavorable à l'unanimité"
    >>> libelle_avis("favorable", 5, 5, voix_preponderante=True)
    'avis favorable (5 voix pour, 5 contre, la voix du président étant prépondérante)'
    >>> libelle_avis("favorable")
    'avis favorable'
    """
    mot = "avis favorable" if avis == "favorable" else "avis défavorable"
    if pour is None:
        return mot
    minorite = contre if avis == "favorable" else pour
    if minorite == 0 and not abstentions:
        return f"{mot} à l'unanimité"
    compte = decompte_vote(pour, contre, abstentions)
    if minorite == 0:
        return f"{mot} à l'unanimité des suffrages exprimés ({compte})"
    if voix_preponderante:
        qui = "de la présidente" if presidente else "du président"
        compte += f", la voix {qui} étant prépondérante"
    return f"{mot} ({compte})"


def phrase_avis(
    instance: str, libelle: str, objet: str | None = None, nombre: Nombre = "singulier"
) -> str:
    """The sentence of an avis: the body (with its article) emits it.

    >>> phrase_avis("la commission", "avis favorable à l'unanimité", "sur le projet d'arrêté")
    "La commission émet un avis favorable à l'unanimité sur le projet d'arrêté."
    >>> phrase_avis("les assises", "avis défavorable", nombre="pluriel")
    'Les assises émettent un avis défavorable.'
    """
    verbe = "émettent" if nombre == "pluriel" else "émet"
    mot, _, reste = libelle.partition(" ")
    detail = reste
    compte = ""
    if " (" in reste and objet:
        detail, _, compte = reste.partition(" (")
        compte = f" ({compte}"
    sur = f" {objet}" if objet else ""
    return f"{majuscule_initiale(instance)} {verbe} un {mot} {detail}{sur}{compte}."
