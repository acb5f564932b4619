"""Contrôles des courriers : ce qui manque à une lettre pour être la bonne.

Le compte rendu de départ du projet relevait des réponses tardives, sans
accusé de réception, sans mention des pièces jointes, sans les coordonnées du
service. Chaque contrôle est ici une fonction pure sur les modèles de
:mod:`courriers.donnees.courrier` ; :func:`controler` lance ceux qui
s'appliquent au type de la lettre et renvoie des :class:`Avertissement`, que la
ligne de commande affiche (et change en erreur avec ``--strict``, le texte de
:func:`en_erreurs`).

Codes des avertissements :

- ``pieces_jointes_non_mentionnees`` : pièces jointes listées, jamais
  signalées dans le corps ;
- ``sans_agent`` : pas d'agent chargé du dossier (CRPA L111-2), sauf pour un
  courrier de service à service ;
- ``sans_coordonnees_service`` : pied de page absent, ou sans adresse postale
  ou sans téléphone ;
- ``sans_delai_traitement`` : accusé de réception sans délai de traitement ;
- ``reponse_tardive`` : réponse envoyée plus de N jours ouvrés après le
  courrier ou le courriel reçu (seuils de ``controles``) ;
- ``cloture_dans_le_corps`` : le corps finit par une formule de clôture
  (« Cordialement », « Je vous prie d'agréer… ») alors que le modèle en
  ajoute une : la lettre en aurait deux.

Les contrôles du CRPA (agent chargé du dossier, délais) ne visent que les
courriers au public (:data:`AU_PUBLIC`) ; un courrier de service à service,
un message ou un bordereau ne les déclenche pas (:data:`ENTRE_SERVICES`).

>>> print(en_erreurs([Avertissement("sans_agent", "aucun agent")]))
1 avertissement (erreur avec --strict) :
- [sans_agent] aucun agent
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from courriers.donnees.courrier import AccuseReception, CourrierService, Lettre, Reponse
from courriers.francais.dates import date_numerique
from courriers.francais.jours_ouvres import jours_ouvres_entre

__all__ = [
    "CODES",
    "Avertissement",
    "controler",
    "controler_agent",
    "controler_cloture_dans_le_corps",
    "controler_coordonnees_service",
    "controler_delai_reponse",
    "controler_delai_traitement",
    "controler_pieces_jointes",
    "en_erreurs",
    "formule_de_cloture",
    "mentionne_pieces_jointes",
]

PIECES_JOINTES_NON_MENTIONNEES: Final = "pieces_jointes_non_mentionnees"
SANS_AGENT: Final = "sans_agent"
SANS_COORDONNEES_SERVICE: Final = "sans_coordonnees_service"
SANS_DELAI_TRAITEMENT: Final = "sans_delai_traitement"
REPONSE_TARDIVE: Final = "reponse_tardive"
CLOTURE_DANS_LE_CORPS: Final = "cloture_dans_le_corps"

CODES: Final = (
    PIECES_JOINTES_NON_MENTIONNEES,
    SANS_AGENT,
    SANS_COORDONNEES_SERVICE,
    SANS_DELAI_TRAITEMENT,
    REPONSE_TARDIVE,
    CLOTURE_DANS_LE_CORPS,
)
"""Les codes des avertissements, dans l'ordre où :func:`controler` les donne."""


@dataclass(frozen=True)
class Avertissement:
    """Un contrôle non satisfait : son ``code`` (stable, voir :data:`CODES`) et
    un ``message`` en français (quoi, où, ce qui est attendu)."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


_TIRET: Final = "[-\u2010\u2011]"
"""Trait d'union, y compris insécable (« ci‑joint »)."""

_MENTION_PIECES_JOINTES: Final = re.compile(
    r"(?<!\w)(?:"
    r"pièces?\s+jointes?"
    rf"|ci{_TIRET}jointe?s?"
    r"|en\s+annexes?"
    r"|annexée?s?"
    r"|pj"
    r")(?!\w)",
    re.IGNORECASE,
)
"""Les mentions des pièces jointes, en mots entiers, sans tenir compte de la
casse, les accents tels qu'ils s'écrivent : « pièce(s) jointe(s) », « ci-joint »
(« ci-jointe », « ci-joints », « ci-jointes »), « en annexe », « annexé »
(« annexée », « annexés », « annexées »), « PJ »."""


def mentionne_pieces_jointes(texte: str) -> bool:
    """Dit si ``texte`` signale des pièces jointes.

    >>> mentionne_pieces_jointes("Vous trouverez ci-joint le formulaire.")
    True
    >>> mentionne_pieces_jointes("Le formulaire est ANNEXÉ à ce courrier.")
    True
    >>> mentionne_pieces_jointes("PJ : 2"), mentionne_pieces_jointes("Voir la pièce\\njointe.")
    (True, True)
    >>> mentionne_pieces_jointes("Le formulaire vous sera adressé.")
    False
    >>> mentionne_pieces_jointes("Une annexe fiscale, des pjm.")  # ni « en annexe », ni « PJ »
    False
    """
    return _MENTION_PIECES_JOINTES.search(texte) is not None


def controler_pieces_jointes(lettre: Lettre) -> Avertissement | None:
    """Pièces jointes listées (``pieces_jointes``) mais jamais signalées dans
    le corps (voir :func:`mentionne_pieces_jointes`)."""
    pieces = lettre.pieces_jointes
    if not pieces or mentionne_pieces_jointes(lettre.corps):
        return None
    intitules = ", ".join(f"« {piece} »" for piece in pieces)
    if len(pieces) == 1:
        message = (
            f"1 pièce jointe listée ({intitules}) mais jamais mentionnée dans le corps "
            "du courrier : la signaler (« ci-joint », « en pièce jointe »)"
        )
    else:
        message = (
            f"{len(pieces)} pièces jointes listées ({intitules}) mais jamais mentionnées "
            "dans le corps du courrier : les signaler (« ci-joint », « en pièce jointe »)"
        )
    return Avertissement(PIECES_JOINTES_NON_MENTIONNEES, message)


def controler_agent(lettre: Lettre) -> Avertissement | None:
    """Pas d'agent chargé du dossier (``emetteur.agent``) dans un courrier à un
    usager (CRPA L111-2). Un courrier de service à service n'est pas concerné."""
    if isinstance(lettre, CourrierService) or lettre.emetteur.agent is not None:
        return None
    return Avertissement(
        SANS_AGENT,
        "aucun agent chargé du dossier (emetteur.agent) : prénom, nom, qualité et "
        "coordonnées sont obligatoires dans un courrier à un usager (CRPA L111-2)",
    )


def controler_coordonnees_service(lettre: Lettre) -> Avertissement | None:
    """Coordonnées du service (``emetteur.pied_de_page``) absentes, ou sans
    adresse postale, ou sans téléphone ; le message dit ce qui manque."""
    pied = lettre.emetteur.pied_de_page
    manquants: list[str] = []
    if pied is None or not any(ligne.strip() for ligne in pied.adresse):
        manquants.append("adresse postale")
    if pied is None or not (pied.telephone or "").strip():
        manquants.append("téléphone")
    if not manquants:
        return None
    etat = "absentes" if pied is None else "incomplètes"
    if len(manquants) > 1:
        accord = "manquants"
    elif manquants == ["adresse postale"]:
        accord = "manquante"
    else:
        accord = "manquant"
    return Avertissement(
        SANS_COORDONNEES_SERVICE,
        f"coordonnées du service {etat} (emetteur.pied_de_page) : {', '.join(manquants)} {accord}",
    )


def controler_delai_traitement(lettre: Lettre) -> Avertissement | None:
    """Accusé de réception sans délai de traitement (``delai_traitement``)."""
    if not isinstance(lettre, AccuseReception) or lettre.delai_traitement is not None:
        return None
    return Avertissement(
        SANS_DELAI_TRAITEMENT,
        "accusé de réception sans délai de traitement (delai_traitement) : l'usager "
        "doit savoir quand attendre une réponse",
    )


def controler_delai_reponse(lettre: Lettre) -> Avertissement | None:
    """Réponse envoyée plus de ``controles.delai_reponse_courrier`` (ou
    ``delai_reponse_courriel``) jours ouvrés après le courrier (ou courriel)
    reçu, jours fériés du département de l'émetteur exclus."""
    if not isinstance(lettre, Reponse) or lettre.courrier_recu is None:
        return None
    recu = lettre.courrier_recu
    if recu.nature == "courriel":
        maximum = lettre.controles.delai_reponse_courriel
    else:
        maximum = lettre.controles.delai_reponse_courrier
    jours = jours_ouvres_entre(recu.date, lettre.date, lettre.emetteur.departement)
    if jours <= maximum:
        return None
    return Avertissement(
        REPONSE_TARDIVE,
        f"réponse datée du {date_numerique(lettre.date)}, {jours} jours ouvrés après "
        f"le {recu.nature} du {date_numerique(recu.date)} ({maximum} au plus)",
    )


_CLOTURE: Final = re.compile(
    r"^(?:bien |très |tres )?cordialement\b|^bien à vous\b|^(?:sincères |meilleures )?salutations"
    r"|^je vous prie d['’]agréer|^veuillez agréer|^agréez\b|^recevez\b",
    re.IGNORECASE,
)


def formule_de_cloture(texte: str) -> str | None:
    """La formule de clôture par laquelle finit ``texte`` (son dernier
    paragraphe), ``None`` s'il n'en a pas.

    >>> formule_de_cloture("Merci.\\n\\nBien cordialement,")
    'Bien cordialement,'
    >>> formule_de_cloture("Je vous prie d'agréer, Madame, l'expression de ma considération.")
    "Je vous prie d'agréer, Madame, l'expression de ma considération."
    >>> formule_de_cloture("Le délai est cordialement respecté.") is None
    True
    """
    paragraphes = [p.strip() for p in texte.strip().split("\n\n") if p.strip()]
    if not paragraphes:
        return None
    dernier = paragraphes[-1].strip("*_ ")
    return dernier if _CLOTURE.match(dernier) else None


def controler_cloture_dans_le_corps(lettre: Lettre) -> Avertissement | None:
    """Le corps finit par une formule de clôture, que le modèle ajoute déjà
    (salutation d'un message, formule de politesse, signature)."""
    cloture = formule_de_cloture(lettre.corps)
    if cloture is None:
        return None
    return Avertissement(
        CLOTURE_DANS_LE_CORPS,
        f"le corps finit par une formule de clôture (« {cloture} ») : le modèle en écrit "
        "déjà une (salutation ou formule de politesse) ; la retirer du corps",
    )


_CONTROLES: Final[tuple[Callable[[Lettre], Avertissement | None], ...]] = (
    controler_pieces_jointes,
    controler_agent,
    controler_coordonnees_service,
    controler_delai_traitement,
    controler_delai_reponse,
    controler_cloture_dans_le_corps,
)


AU_PUBLIC: Final[tuple[Callable[[Lettre], Avertissement | None], ...]] = (
    controler_pieces_jointes,
    controler_agent,
    controler_coordonnees_service,
    controler_cloture_dans_le_corps,
)
"""Les contrôles d'un courrier adressé au public (réponse, accusé de
réception) : les mentions du CRPA (agent chargé du dossier, L111-2) et les
coordonnées du service ; le registre des types y ajoute ceux du type."""

ENTRE_SERVICES: Final[tuple[Callable[[Lettre], Avertissement | None], ...]] = (
    controler_pieces_jointes,
    controler_coordonnees_service,
    controler_cloture_dans_le_corps,
)
"""Les contrôles d'un courrier entre services ou d'un message : ni agent
chargé du dossier ni délais du CRPA, qui ne valent que pour le public."""


def controler(
    lettre: Lettre, controles: Sequence[Callable[[Lettre], Avertissement | None]] | None = None
) -> list[Avertissement]:
    """Lance sur ``lettre`` les ``controles`` (ceux de son type dans le
    registre ; par défaut tous, chacun ne visant que les lettres qui le
    concernent) et renvoie leurs avertissements, dans l'ordre de
    :data:`CODES` (liste vide quand la lettre est conforme)."""
    choisis = _CONTROLES if controles is None else controles
    resultat = [
        avertissement for controle in choisis if (avertissement := controle(lettre)) is not None
    ]
    return sorted(resultat, key=lambda a: CODES.index(a.code) if a.code in CODES else len(CODES))


def en_erreurs(avertissements: Sequence[Avertissement]) -> str:
    """Un texte en français qui liste les avertissements, un par ligne avec
    son code, pour l'erreur de la ligne de commande avec ``--strict``.

    >>> print(en_erreurs([
    ...     Avertissement("sans_agent", "aucun agent"),
    ...     Avertissement("sans_delai_traitement", "aucun délai"),
    ... ]))
    2 avertissements (erreurs avec --strict) :
    - [sans_agent] aucun agent
    - [sans_delai_traitement] aucun délai
    >>> en_erreurs([])
    'aucun avertissement'
    """
    if not avertissements:
        return "aucun avertissement"
    if len(avertissements) == 1:
        entete = "1 avertissement (erreur avec --strict) :"
    else:
        entete = f"{len(avertissements)} avertissements (erreurs avec --strict) :"
    return "\n".join([entete, *(f"- {avertissement}" for avertissement in avertissements)])
