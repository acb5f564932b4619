"""Formules d'appel et formules de politesse des lettres administratives.

La formule d'appel ouvre la lettre (``Madame la Maire,``) ; la formule de
politesse la ferme et reprend la formule d'appel à l'identique, sans sa
virgule finale : ``Je vous prie d'agréer, Madame la Maire, l'expression de ma
haute considération.`` Les titres y prennent une capitale (``Monsieur le
Préfet``) ; le même titre dans le corps du texte s'écrit en minuscules
(``Monsieur le préfet``, voir :func:`en_texte`).

Tout le choix des formules tient dans une seule table, :data:`QUALITES` : le
titre au masculin et au féminin, le niveau de considération et le choix entre
« l'expression » et « l'assurance ». C'est le seul endroit à modifier pour
changer un usage ; une personne particulière se règle par les paramètres
``appel``, ``niveau`` et ``expression`` de :func:`formules`.

Ce que disent les sources, et où elles divergent :

- **Reprise de l'appel.** Tous les guides l'exigent : la formule de politesse
  répète exactement la formule d'appel.
- **Titres féminisés.** Depuis la circulaire du 21 novembre 2017, l'État écrit
  ``Madame la Maire``, ``Madame la Ministre``, ``Madame la Préfète``. Des
  guides plus anciens, et beaucoup de recueils de modèles de lettres, gardent
  ``Madame le Maire``, ``Madame le Ministre`` : la table suit la circulaire.
  ``Maître`` reste identique aux deux genres (avocats, notaires).
- **Niveaux.** Les guides s'accordent sur la très haute considération pour
  les ministres (et le Premier ministre, le Président de la République), la
  haute considération pour les maires, les parlementaires, les présidents
  d'assemblées et d'exécutifs locaux, la considération distinguée pour les
  autres correspondants.
- **Sous-préfet** : certains guides le rangent avec le préfet et les hauts
  fonctionnaires (haute considération), d'autres réservent la haute
  considération au préfet. La table retient la considération distinguée et
  « l'assurance » : les lettres de la bibliothèque partent en général du
  préfet ou de ses services, dans la même hiérarchie que le sous-préfet.
- **L'expression ou l'assurance.** « L'expression » marque la déférence
  (envers un supérieur, et envers un élu) ; « l'assurance » s'emploie d'égal
  à égal ou envers un subordonné. Les guides ne s'accordent pas sur qui est
  « supérieur » pour un service de l'État : certains écrivent « l'expression »
  à tout élu et à tout correspondant extérieur, d'autres « l'assurance » à
  tout fonctionnaire de rang comparable, et un guide écrit même « l'assurance
  de ma haute considération » entre égaux. La table retient « l'expression »
  pour les maires, les présidents, les parlementaires, le ministre et le
  préfet, ainsi que pour les particuliers et les groupes, et « l'assurance »
  pour le sous-préfet, les directeurs, les chefs de service, les avocats et
  les notaires.
- **Avocats et notaires.** Selon les recueils : « l'assurance de ma
  considération distinguée », « de ma parfaite considération » ou « de mes
  sentiments distingués ». La table retient la considération distinguée.
- **Particuliers et groupes.** Les recueils hésitent entre « salutations
  distinguées » et « considération distinguée » ; la table retient
  « l'expression de ma considération distinguée », sans « sentiments »
  (qu'on n'adresse pas à une personne de l'autre sexe).

>>> f = formules("maire", "Mme")
>>> f.appel
'Madame la Maire,'
>>> f.politesse
"Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération."
>>> en_texte(f.appel)
'Madame la maire'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal, cast, get_args

from courriers.francais.personnes import Civilite, titre_d_appel

__all__ = [
    "NIVEAUX",
    "QUALITES",
    "STYLES",
    "Formules",
    "LigneQualite",
    "Niveau",
    "Qualite",
    "Style",
    "en_texte",
    "formule_appel",
    "formule_politesse",
    "formules",
]

Qualite = Literal[
    "maire",
    "president_collectivite",
    "president_association",
    "prefet",
    "sous_prefet",
    "depute",
    "senateur",
    "ministre",
    "directeur",
    "chef_de_service",
    "avocat",
    "notaire",
    "particulier",
    "groupe",
    "president_republique",
    "premier_ministre",
    "secretaire_general",
    "recteur",
    "president_universite",
    "ambassadeur",
    "eveque",
    "general",
    "officier",
    "premier_president",
    "procureur",
    "batonnier",
    "directeur_hopital",
]

Niveau = Literal[
    "sentiments_devoues",
    "sentiments_les_meilleurs",
    "consideration_distinguee",
    "consideration_tres_distinguee",
    "respectueuse_consideration",
    "haute_consideration",
    "tres_haute_consideration",
]

#: Texte de chaque niveau, avec son possessif, du plus familier au plus élevé :
#: « l'expression de <niveau> ». « Sentiments » ne s'adresse qu'entre
#: personnes qui se connaissent (jamais d'un homme à une femme inconnue) ;
#: « respectueuse considération » marque la déférence envers un supérieur.
NIVEAUX: Final[Mapping[Niveau, str]] = MappingProxyType(
    {
        "sentiments_devoues": "mes sentiments dévoués",
        "sentiments_les_meilleurs": "mes sentiments les meilleurs",
        "consideration_distinguee": "ma considération distinguée",
        "consideration_tres_distinguee": "ma considération très distinguée",
        "respectueuse_consideration": "ma respectueuse considération",
        "haute_consideration": "ma haute considération",
        "tres_haute_consideration": "ma très haute considération",
    }
)

Style = Literal["je_vous_prie", "veuillez", "agreez"]

#: Les trois tournures de la formule de politesse, de la plus courante à la
#: plus brève ; chacune reprend la formule d'appel entre virgules.
STYLES: Final[Mapping[Style, str]] = MappingProxyType(
    {
        "je_vous_prie": "Je vous prie d'agréer",
        "veuillez": "Veuillez agréer",
        "agreez": "Agréez",
    }
)

#: Sources citées par la table (colonne ``source``).
GANDOUIN: Final = "J. Gandouin, Correspondance et rédaction administratives"
CIRCULAIRE_2017: Final = "circulaire du Premier ministre du 21 novembre 2017 (féminisation)"
PROTOCOLE: Final = "J. Gandouin, Guide du protocole et des usages"

_CIVILITES: Final = get_args(Civilite)


@dataclass(frozen=True)
class LigneQualite:
    """Une ligne de la table :data:`QUALITES`.

    ``titre_masculin`` et ``titre_feminin`` sont écrits avec leurs capitales,
    tels qu'ils suivent ``Monsieur`` ou ``Madame`` dans la formule d'appel
    (vides pour un particulier). Quand ``avec_civilite`` est faux, le titre
    est la formule d'appel entière (``Maître``, ``Madame, Monsieur``).
    ``expression`` vaut vrai pour « l'expression » (envers un supérieur ou un
    élu), faux pour « l'assurance » (envers un égal ou un subordonné).

    >>> QUALITES["prefet"].titre_feminin, QUALITES["prefet"].niveau
    ('la Préfète', 'haute_consideration')
    """

    qualite: Qualite
    description: str
    titre_masculin: str
    titre_feminin: str
    niveau: Niveau
    expression: bool
    avec_civilite: bool = True
    source: str = GANDOUIN

    @property
    def invariable(self) -> bool:
        """Vrai quand la formule d'appel ne dépend pas de la civilité.

        >>> QUALITES["avocat"].invariable, QUALITES["maire"].invariable
        (True, False)
        """
        return not self.avec_civilite and self.titre_masculin == self.titre_feminin


_LIGNES: Final = (
    LigneQualite(
        "maire",
        "maire",
        titre_masculin="le Maire",
        titre_feminin="la Maire",
        niveau="haute_consideration",
        expression=True,
        source=CIRCULAIRE_2017,
    ),
    LigneQualite(
        "president_collectivite",
        "président ou présidente d'un conseil départemental ou régional, d'un EPCI",
        titre_masculin="le Président",
        titre_feminin="la Présidente",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "president_association",
        "président ou présidente d'une association",
        titre_masculin="le Président",
        titre_feminin="la Présidente",
        niveau="consideration_distinguee",
        expression=True,
    ),
    LigneQualite(
        "prefet",
        "préfet ou préfète",
        titre_masculin="le Préfet",
        titre_feminin="la Préfète",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "sous_prefet",
        "sous-préfet ou sous-préfète",
        titre_masculin="le Sous-Préfet",
        titre_feminin="la Sous-Préfète",
        niveau="consideration_distinguee",
        expression=False,
    ),
    LigneQualite(
        "depute",
        "député ou députée",
        titre_masculin="le Député",
        titre_feminin="la Députée",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "senateur",
        "sénateur ou sénatrice",
        titre_masculin="le Sénateur",
        titre_feminin="la Sénatrice",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "ministre",
        "ministre",
        titre_masculin="le Ministre",
        titre_feminin="la Ministre",
        niveau="tres_haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "directeur",
        "directeur ou directrice",
        titre_masculin="le Directeur",
        titre_feminin="la Directrice",
        niveau="consideration_distinguee",
        expression=False,
    ),
    LigneQualite(
        "chef_de_service",
        "chef ou cheffe de service",
        titre_masculin="le Chef de service",
        titre_feminin="la Cheffe de service",
        niveau="consideration_distinguee",
        expression=False,
    ),
    LigneQualite(
        "avocat",
        "avocat ou avocate",
        titre_masculin="Maître",
        titre_feminin="Maître",
        niveau="consideration_distinguee",
        expression=False,
        avec_civilite=False,
    ),
    LigneQualite(
        "notaire",
        "notaire",
        titre_masculin="Maître",
        titre_feminin="Maître",
        niveau="consideration_distinguee",
        expression=False,
        avec_civilite=False,
    ),
    LigneQualite(
        "particulier",
        "particulier (personne privée)",
        titre_masculin="",
        titre_feminin="",
        niveau="consideration_distinguee",
        expression=True,
    ),
    LigneQualite(
        "groupe",
        "plusieurs personnes, ou destinataire inconnu",
        titre_masculin="Madame, Monsieur",
        titre_feminin="Madame, Monsieur",
        niveau="consideration_distinguee",
        expression=True,
        avec_civilite=False,
    ),
    LigneQualite(
        "president_republique",
        "Président ou Présidente de la République",
        titre_masculin="le Président de la République",
        titre_feminin="la Présidente de la République",
        niveau="tres_haute_consideration",
        expression=True,
        source=PROTOCOLE,
    ),
    LigneQualite(
        "premier_ministre",
        "Premier ministre ou Première ministre",
        titre_masculin="le Premier ministre",
        titre_feminin="la Première ministre",
        niveau="tres_haute_consideration",
        expression=True,
        source=PROTOCOLE,
    ),
    LigneQualite(
        "secretaire_general",
        "secrétaire général ou générale (préfecture, ministère)",
        titre_masculin="le Secrétaire général",
        titre_feminin="la Secrétaire générale",
        niveau="consideration_tres_distinguee",
        expression=False,
    ),
    LigneQualite(
        "recteur",
        "recteur ou rectrice d'académie",
        titre_masculin="le Recteur",
        titre_feminin="la Rectrice",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "president_universite",
        "président ou présidente d'université",
        titre_masculin="le Président",
        titre_feminin="la Présidente",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "ambassadeur",
        "ambassadeur ou ambassadrice",
        titre_masculin="l'Ambassadeur",
        titre_feminin="l'Ambassadrice",
        niveau="haute_consideration",
        expression=True,
        source=PROTOCOLE,
    ),
    LigneQualite(
        "eveque",
        "évêque ou archevêque",
        titre_masculin="Monseigneur",
        titre_feminin="Monseigneur",
        niveau="respectueuse_consideration",
        expression=True,
        avec_civilite=False,
        source=PROTOCOLE,
    ),
    LigneQualite(
        "general",
        "officier général (général, amiral : « Amiral » par formule_appel)",
        titre_masculin="Mon Général",
        titre_feminin="Mon Général",
        niveau="haute_consideration",
        expression=True,
        avec_civilite=False,
        source=PROTOCOLE,
    ),
    LigneQualite(
        "officier",
        "officier supérieur (colonel, lieutenant-colonel ; « Mon Commandant » par formule_appel)",
        titre_masculin="Mon Colonel",
        titre_feminin="Mon Colonel",
        niveau="consideration_tres_distinguee",
        expression=True,
        avec_civilite=False,
        source=PROTOCOLE,
    ),
    LigneQualite(
        "premier_president",
        "premier président ou première présidente d'une cour d'appel",
        titre_masculin="le Premier Président",
        titre_feminin="la Première Présidente",
        niveau="haute_consideration",
        expression=True,
    ),
    LigneQualite(
        "procureur",
        "procureur ou procureure de la République",
        titre_masculin="le Procureur de la République",
        titre_feminin="la Procureure de la République",
        niveau="haute_consideration",
        expression=True,
        source=CIRCULAIRE_2017,
    ),
    LigneQualite(
        "batonnier",
        "bâtonnier ou bâtonnière de l'ordre des avocats",
        titre_masculin="le Bâtonnier",
        titre_feminin="la Bâtonnière",
        niveau="consideration_tres_distinguee",
        expression=True,
    ),
    LigneQualite(
        "directeur_hopital",
        "directeur ou directrice d'un établissement de santé",
        titre_masculin="le Directeur",
        titre_feminin="la Directrice",
        niveau="consideration_distinguee",
        expression=False,
    ),
)

#: La table des qualités, par clé : seul endroit où se règlent les formules.
QUALITES: Final[Mapping[Qualite, LigneQualite]] = MappingProxyType(
    {ligne.qualite: ligne for ligne in _LIGNES}
)


@dataclass(frozen=True)
class Formules:
    """Formule d'appel (avec sa virgule) et formule de politesse d'une lettre.

    >>> formules("ministre", "M.").niveau
    'tres_haute_consideration'
    """

    appel: str
    politesse: str
    niveau: Niveau


def _liste(valeurs: Iterable[str]) -> str:
    return ", ".join(f"« {v} »" for v in valeurs)


def _ligne(qualite: str) -> LigneQualite:
    if not (isinstance(qualite, str) and qualite in QUALITES):
        raise ValueError(
            f"qualité inconnue : « {qualite} » ; attendu l'une de : {_liste(QUALITES)}"
        )
    return QUALITES[cast(Qualite, qualite)]


def _verifier_niveau(niveau: str) -> Niveau:
    if not (isinstance(niveau, str) and niveau in NIVEAUX):
        raise ValueError(
            f"niveau de politesse inconnu : « {niveau} » ; attendu l'un de : {_liste(NIVEAUX)}"
        )
    return cast(Niveau, niveau)


def _sans_virgule(appel: str) -> str:
    texte = appel.strip()
    if texte.endswith(","):
        texte = texte[:-1].rstrip()
    if not texte:
        raise ValueError(
            f"formule d'appel vide : « {appel} » ; attendu par exemple « Monsieur le Maire, »"
        )
    return texte


def formule_appel(qualite: Qualite, civilite: Civilite | None = None) -> str:
    """La formule d'appel, virgule finale comprise.

    La civilité peut manquer quand l'appel n'en dépend pas (avocat, notaire,
    groupe).

    >>> formule_appel("maire", "Mme"), formule_appel("sous_prefet", "M.")
    ('Madame la Maire,', 'Monsieur le Sous-Préfet,')
    >>> formule_appel("avocat", "Mme"), formule_appel("particulier", "Mme")
    ('Maître,', 'Madame,')
    >>> formule_appel("groupe")
    'Madame, Monsieur,'
    >>> formule_appel("maire")
    Traceback (most recent call last):
    ...
    ValueError: civilité requise pour la qualité « maire » ; attendu « M. » ou « Mme »
    """
    ligne = _ligne(qualite)
    attendu = f"attendu {' ou '.join(f'« {c} »' for c in _CIVILITES)}"
    if civilite is None:
        if not ligne.invariable:
            raise ValueError(f"civilité requise pour la qualité « {qualite} » ; {attendu}")
    elif civilite not in _CIVILITES:
        raise ValueError(f"civilité inconnue : « {civilite} » ; {attendu}")
    titre = ligne.titre_feminin if civilite == "Mme" else ligne.titre_masculin
    if civilite is None or not ligne.avec_civilite:
        return f"{titre},"
    return " ".join(p for p in (titre_d_appel(civilite), titre) if p) + ","


def formule_politesse(
    appel: str, niveau: Niveau, expression: bool = True, style: Style = "je_vous_prie"
) -> str:
    """La formule de politesse, qui reprend la formule d'appel sans sa virgule.

    ``expression`` : vrai pour « l'expression » (envers un supérieur ou un
    élu), faux pour « l'assurance » (envers un égal ou un subordonné).
    ``style`` : la tournure, « Je vous prie d'agréer » (par défaut),
    « Veuillez agréer » ou « Agréez » (:data:`STYLES`).

    >>> formule_politesse("Madame la Maire,", "haute_consideration")
    "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération."
    >>> formule_politesse("Maître,", "consideration_distinguee", expression=False)
    "Je vous prie d'agréer, Maître, l'assurance de ma considération distinguée."
    >>> formule_politesse("Madame, Monsieur", "consideration_distinguee")
    "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."
    >>> formule_politesse("Monsieur le secrétaire,", "consideration_tres_distinguee",
    ...                   expression=False, style="agreez")
    "Agréez, Monsieur le secrétaire, l'assurance de ma considération très distinguée."
    >>> formule_politesse("Cher collègue,", "sentiments_les_meilleurs", False, "veuillez")
    "Veuillez agréer, Cher collègue, l'assurance de mes sentiments les meilleurs."
    """
    texte = _sans_virgule(appel)
    mot = "l'expression" if expression else "l'assurance"
    debut = _verifier_style(style)
    return f"{debut}, {texte}, {mot} de {NIVEAUX[_verifier_niveau(niveau)]}."


def _verifier_style(style: str) -> str:
    if not (isinstance(style, str) and style in STYLES):
        raise ValueError(
            f"style de formule de politesse inconnu : « {style} » ; attendu l'un de : "
            f"{_liste(STYLES)}"
        )
    return STYLES[cast(Style, style)]


def formules(
    qualite: Qualite,
    civilite: Civilite | None = None,
    appel: str | None = None,
    niveau: Niveau | None = None,
    *,
    expression: bool | None = None,
    style: Style = "je_vous_prie",
) -> Formules:
    """Les deux formules d'une lettre à un destinataire.

    La table :data:`QUALITES` donne l'appel, le niveau et le choix entre
    « l'expression » et « l'assurance » ; ``appel``, ``niveau`` et
    ``expression`` les remplacent pour une personne. Un appel donné est repris
    tel quel dans la formule de politesse ; il reçoit sa virgule s'il n'en a
    pas.

    >>> formules("depute", "M.").politesse
    "Je vous prie d'agréer, Monsieur le Député, l'expression de ma haute considération."
    >>> f = formules("president_collectivite", "Mme",
    ...              appel="Madame la Présidente du conseil départemental",
    ...              niveau="tres_haute_consideration")
    >>> f.appel
    'Madame la Présidente du conseil départemental,'
    >>> f.politesse  # doctest: +NORMALIZE_WHITESPACE
    "Je vous prie d'agréer, Madame la Présidente du conseil départemental,
    l'expression de ma très haute considération."
    """
    ligne = _ligne(qualite)
    appel_par_defaut = formule_appel(qualite, civilite)
    texte = appel_par_defaut if appel is None else _sans_virgule(appel) + ","
    choisi = ligne.niveau if niveau is None else _verifier_niveau(niveau)
    mot = ligne.expression if expression is None else expression
    return Formules(texte, formule_politesse(texte, choisi, mot, style), choisi)


# Mots qui terminent la tête d'un titre : ce qui suit garde ses capitales.
_PREPOSITIONS: Final = frozenset({"de", "du", "des", "à", "au", "aux", "en", "pour"})
# Mots qui gardent leur capitale dans le texte courant.
_CAPITALE_GARDEE: Final = frozenset({"Premier", "Première"})
_CIVILITE_ARTICLE: Final = re.compile(r"^(Monsieur|Madame) (le |la |l'|l’)(.+)$")


def _minuscule(mot: str) -> str:
    # Chaque partie d'un mot composé : Sous-Préfète → sous-préfète ; un sigle
    # (EPCI) reste en capitales.
    return "-".join(
        p[:1].lower() + p[1:] if p[:1].isupper() and not p.isupper() else p for p in mot.split("-")
    )


def en_texte(appel: str) -> str:
    """Le titre d'une formule d'appel tel qu'il s'écrit dans le corps du texte.

    Le titre qui suit la civilité et l'article passe en minuscules ; ce qui
    suit une préposition garde ses capitales (noms propres). ``Maître``,
    ``Madame``, ``Madame, Monsieur`` ne changent pas. La virgule finale est
    retirée.

    >>> en_texte("Monsieur le Maire,"), en_texte("Madame la Présidente")
    ('Monsieur le maire', 'Madame la présidente')
    >>> en_texte("Madame la Sous-Préfète,"), en_texte("Maître,")
    ('Madame la sous-préfète', 'Maître')
    >>> en_texte("Monsieur le Président de la République")
    'Monsieur le président de la République'
    """
    texte = _sans_virgule(appel)
    trouve = _CIVILITE_ARTICLE.match(texte)
    if trouve is None:
        return texte
    civilite, article, titre = trouve.groups()
    mots = titre.split(" ")
    for i, mot in enumerate(mots):
        if mot.lower() in _PREPOSITIONS or mot.lower().startswith(("d'", "d’")):
            break
        if mot not in _CAPITALE_GARDEE:
            mots[i] = _minuscule(mot)
    return f"{civilite} {article}{' '.join(mots)}"
