"""Préfets de région, préfets à compétence particulière, et leur titre dans
le bloc-marque et dans le texte courant, tirés des mêmes données.

Le préfet de région est aussi préfet du département chef-lieu : son
bloc-marque porte les deux titres (``PRÉFET DE LA RÉGION
AUVERGNE-RHÔNE-ALPES`` / ``PRÉFET DU RHÔNE`` ; ``PRÉFET DE LA RÉGION
D'ÎLE-DE-FRANCE`` / ``PRÉFET DE PARIS``). Dans le texte courant, la même
autorité s'écrit en casse normale : ``le préfet de la région
Auvergne-Rhône-Alpes``. Les noms des régions sont ceux de l'INSEE (code
officiel géographique, régions issues de la loi du 16 janvier 2015) ; le
« ressort » suit l'intitulé des décrets de nomination (« préfet de la région
Bretagne » : nom en apposition ; « préfet de la région d'Île-de-France » ;
« préfet de Corse »).

Les autorités particulières (:data:`AUTORITES`) : le préfet de police (et
celui des Bouches-du-Rhône), l'administrateur supérieur des Terres australes
et antarctiques françaises, qui ont leur propre bloc-marque ; les préfets
délégués (défense et sécurité, égalité des chances), qui gardent celui du
préfet auprès duquel ils sont placés et se nomment dans le texte.

>>> titres_bloc_marque("69", code_region="84")
('PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES', 'PRÉFET DU RHÔNE')
>>> autorite_en_texte("69", code_region="84")
'le préfet de la région Auvergne-Rhône-Alpes'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

from courriers.francais import departements

__all__ = [
    "AUTORITES",
    "REGIONS",
    "Autorite",
    "CodeAutorite",
    "Region",
    "autorite_courte",
    "autorite_en_texte",
    "autorite_particuliere",
    "en_casse_normale",
    "lignes_titre",
    "region",
    "titres_bloc_marque",
]


@dataclass(frozen=True)
class Region:
    """Une région métropolitaine : code et nom INSEE, ressort du préfet de
    région (ce qui suit « préfet »), département chef-lieu."""

    code: str
    nom: str
    ressort: str
    chef_lieu: str


_TABLE_REGIONS: Final = (
    Region("84", "Auvergne-Rhône-Alpes", "de la région Auvergne-Rhône-Alpes", "69"),
    Region("27", "Bourgogne-Franche-Comté", "de la région Bourgogne-Franche-Comté", "21"),
    Region("53", "Bretagne", "de la région Bretagne", "35"),
    Region("24", "Centre-Val de Loire", "de la région Centre-Val de Loire", "45"),
    # « préfet de Corse, préfet de la Corse-du-Sud » (collectivité de Corse).
    Region("94", "Corse", "de Corse", "2A"),
    Region("44", "Grand Est", "de la région Grand Est", "67"),
    Region("32", "Hauts-de-France", "de la région Hauts-de-France", "59"),
    Region("11", "Île-de-France", "de la région d'Île-de-France", "75"),
    Region("28", "Normandie", "de la région Normandie", "76"),
    Region("75", "Nouvelle-Aquitaine", "de la région Nouvelle-Aquitaine", "33"),
    Region("76", "Occitanie", "de la région Occitanie", "31"),
    Region("52", "Pays de la Loire", "de la région Pays de la Loire", "44"),
    Region("93", "Provence-Alpes-Côte d'Azur", "de la région Provence-Alpes-Côte d'Azur", "13"),
)

#: Les 13 régions métropolitaines par code INSEE (« 84 »). Outre-mer, le
#: préfet du département est aussi préfet de région sous le même titre.
REGIONS: Final[Mapping[str, Region]] = MappingProxyType({r.code: r for r in _TABLE_REGIONS})


@dataclass(frozen=True)
class Autorite:
    """Un représentant de l'État à compétence particulière.

    ``masculin`` et ``feminin`` : la fonction, en casse normale, sans article
    (``préfet de police``). ``article_masculin`` et ``article_feminin`` :
    l'article défini (``le``, ``l'``). ``bloc_marque`` : vrai quand elle a son
    propre bloc-marque (la fonction en capitales), faux quand elle garde celui
    du préfet du département. ``departement`` : son siège, quand il est fixe.
    """

    code: str
    masculin: str
    feminin: str
    bloc_marque: bool
    departement: str | None = None
    article_masculin: str = "le"
    article_feminin: str = "la"

    def avec_article(self, feminin: bool = False) -> str:
        """La fonction avec son article.

        >>> AUTORITES["taaf"].avec_article()
        "l'administrateur supérieur des Terres australes et antarctiques françaises"
        """
        article = self.article_feminin if feminin else self.article_masculin
        fonction = self.feminin if feminin else self.masculin
        return f"{article}{fonction}" if article.endswith("'") else f"{article} {fonction}"


_TABLE_AUTORITES: Final = (
    Autorite("prefet_de_police", "préfet de police", "préfète de police", True, "75"),
    Autorite(
        "prefet_de_police_bouches_du_rhone",
        "préfet de police des Bouches-du-Rhône",
        "préfète de police des Bouches-du-Rhône",
        True,
        "13",
    ),
    Autorite(
        "taaf",
        "administrateur supérieur des Terres australes et antarctiques françaises",
        "administratrice supérieure des Terres australes et antarctiques françaises",
        True,
        None,
        article_masculin="l'",
        article_feminin="l'",
    ),
    Autorite(
        "prefet_delegue_defense_securite",
        "préfet délégué pour la défense et la sécurité",
        "préfète déléguée pour la défense et la sécurité",
        False,
    ),
    Autorite(
        "prefet_delegue_egalite_chances",
        "préfet délégué pour l'égalité des chances",
        "préfète déléguée pour l'égalité des chances",
        False,
    ),
)

#: Les autorités particulières, par code (``emetteur.autorite``).
AUTORITES: Final[Mapping[str, Autorite]] = MappingProxyType({a.code: a for a in _TABLE_AUTORITES})

CodeAutorite = Literal[
    "prefet_de_police",
    "prefet_de_police_bouches_du_rhone",
    "taaf",
    "prefet_delegue_defense_securite",
    "prefet_delegue_egalite_chances",
]
"""Les codes de :data:`AUTORITES`, pour les modèles de données.

>>> from typing import get_args
>>> list(get_args(CodeAutorite)) == list(AUTORITES)
True
"""


def _liste(valeurs: Mapping[str, object]) -> str:
    return ", ".join(f"« {v} »" for v in valeurs)


def region(code: str) -> Region:
    """La région de code INSEE ``code``.

    >>> region("11").ressort
    "de la région d'Île-de-France"
    >>> region("99")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: code de région inconnu : « 99 » ; attendu l'un de : « 84 », « 27 », ...
    """
    try:
        return REGIONS[code.strip()]
    except KeyError:
        raise ValueError(
            f"code de région inconnu : « {code} » ; attendu l'un de : {_liste(REGIONS)}"
        ) from None


def autorite_particuliere(code: str) -> Autorite:
    """L'autorité particulière ``code``.

    >>> autorite_particuliere("prefet_de_police").masculin
    'préfet de police'
    >>> autorite_particuliere("roi")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: autorité inconnue : « roi » ; attendu l'une de : « prefet_de_police », ...
    """
    try:
        return AUTORITES[code]
    except KeyError:
        raise ValueError(
            f"autorité inconnue : « {code} » ; attendu l'une de : {_liste(AUTORITES)}"
        ) from None


def _prefet(feminin: bool) -> str:
    return "préfète" if feminin else "préfet"


def titres_bloc_marque(
    departement: str | None,
    code_region: str | None = None,
    code_autorite: str | None = None,
    feminin: bool = False,
) -> tuple[str, ...]:
    """Les titres du bloc-marque, en capitales, un par autorité.

    >>> titres_bloc_marque("75", code_region="11", feminin=True)
    ("PRÉFÈTE DE LA RÉGION D'ÎLE-DE-FRANCE", 'PRÉFÈTE DE PARIS')
    >>> titres_bloc_marque(None, code_autorite="prefet_de_police")
    ('PRÉFET DE POLICE',)
    >>> titres_bloc_marque(None, code_autorite="taaf")
    ('ADMINISTRATEUR SUPÉRIEUR DES TERRES AUSTRALES ET ANTARCTIQUES FRANÇAISES',)
    >>> titres_bloc_marque("13", code_autorite="prefet_delegue_egalite_chances")
    ('PRÉFET DES BOUCHES-DU-RHÔNE',)
    >>> titres_bloc_marque("2A", code_region="94")
    ('PRÉFET DE CORSE', 'PRÉFET DE LA CORSE-DU-SUD')
    """
    if code_autorite is not None:
        particuliere = autorite_particuliere(code_autorite)
        if particuliere.bloc_marque:
            return ((particuliere.feminin if feminin else particuliere.masculin).upper(),)
    titres: list[str] = []
    if code_region is not None:
        titres.append(f"{_prefet(feminin)} {region(code_region).ressort}".upper())
    if departement is not None:
        titres.append(departements.titre_bloc_marque(departement, feminin))
    return tuple(titres)


LONGUEUR_LIGNE_BLOC_MARQUE: Final = 24
"""Caractères au plus d'une ligne d'un double titre de bloc-marque avant
qu'elle ne soit coupée (colonne du bloc-marque, capitales grasses)."""


def lignes_titre(titre: str) -> tuple[str, ...]:
    """Un titre d'un double bloc-marque sur ses lignes : entier s'il est
    court, sinon coupé après « RÉGION » (l'institution reste sur la première
    ligne, le nom de la région n'est jamais coupé).

    >>> lignes_titre("PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES")
    ('PRÉFET DE LA RÉGION', 'AUVERGNE-RHÔNE-ALPES')
    >>> lignes_titre("PRÉFÈTE DE LA RÉGION D'ÎLE-DE-FRANCE")
    ('PRÉFÈTE DE LA RÉGION', "D'ÎLE-DE-FRANCE")
    >>> lignes_titre("PRÉFET DU RHÔNE")
    ('PRÉFET DU RHÔNE',)
    """
    avant, region_, apres = titre.partition(" RÉGION ")
    if len(titre) <= LONGUEUR_LIGNE_BLOC_MARQUE or not region_:
        return (titre,)
    return (f"{avant} RÉGION", apres)


def autorite_en_texte(
    departement: str | None,
    code_region: str | None = None,
    code_autorite: str | None = None,
    feminin: bool = False,
) -> str:
    """L'autorité nommée dans le texte courant, en casse normale, avec son
    article : celle qui signe et qui écrit « à Monsieur le … ».

    >>> autorite_en_texte("69", code_region="84", feminin=True)
    'la préfète de la région Auvergne-Rhône-Alpes'
    >>> autorite_en_texte("75", code_region="11")
    "le préfet de la région d'Île-de-France"
    >>> autorite_en_texte(None, code_autorite="prefet_de_police")
    'le préfet de police'
    >>> autorite_en_texte("69", code_autorite="prefet_delegue_defense_securite")
    'le préfet délégué pour la défense et la sécurité'
    >>> autorite_en_texte("03")
    "le préfet de l'Allier"
    """
    if code_autorite is not None:
        return autorite_particuliere(code_autorite).avec_article(feminin)
    if code_region is not None:
        article = "la" if feminin else "le"
        return f"{article} {_prefet(feminin)} {region(code_region).ressort}"
    if departement is None:
        return ""
    return departements.autorite(departement, feminin)


def autorite_courte(code_autorite: str | None = None, feminin: bool = False) -> str:
    """L'autorité des formules de délégation (« Pour le préfet et par
    délégation, ») : ``le préfet``, ``la préfète``, ou l'autorité
    particulière.

    >>> autorite_courte(), autorite_courte(feminin=True)
    ('le préfet', 'la préfète')
    >>> autorite_courte("prefet_de_police")
    'le préfet de police'
    """
    if code_autorite is not None:
        return autorite_particuliere(code_autorite).avec_article(feminin)
    return f"{'la' if feminin else 'le'} {_prefet(feminin)}"


# Mots qui s'écrivent en minuscules dans le texte courant ; tout autre mot
# d'un titre en capitales est un nom propre (initiale capitale).
_MINUSCULES: Final = frozenset(
    [
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "à",
        "au",
        "aux",
        "et",
        "en",
        "pour",
        "sur",
        "dans",
        "auprès",
        "préfet",
        "préfète",
        "préfecture",
        "sous-préfet",
        "sous-préfète",
        "région",
        "département",
        "zone",
        "délégué",
        "déléguée",
        "défense",
        "sécurité",
        "police",
        "égalité",
        "chances",
        "haut-commissaire",
        "haute-commissaire",
        "administrateur",
        "administratrice",
        "supérieur",
        "supérieure",
        "ministère",
        "ministre",
        "ministérielle",
        "direction",
        "directeur",
        "directrice",
        "régional",
        "régionale",
        "départemental",
        "départementale",
        "interministériel",
        "interministérielle",
        "secrétariat",
        "secrétaire",
        "général",
        "générale",
        "affaires",
    ]
)


_LIAISONS_COMPOSEES: Final = frozenset({"de", "du", "la", "le", "et", "en", "sur"})


def _mot_en_casse_normale(mot: str) -> str:
    if "'" in mot:
        avant, _, apres = mot.partition("'")
        return f"{_mot_en_casse_normale(avant)}'{_mot_en_casse_normale(apres)}"
    bas = mot.lower()
    if bas in _MINUSCULES:
        return bas
    # Un nom propre composé : Auvergne-Rhône-Alpes, Île-de-France.
    return "-".join(
        p.lower() if p.lower() in _LIAISONS_COMPOSEES else p[:1].upper() + p[1:].lower()
        for p in mot.split("-")
    )


def en_casse_normale(titre: str) -> str:
    """Un titre de bloc-marque en capitales écrit pour le texte courant, sans
    article : fonctions et mots de liaison en minuscules, noms propres avec
    leur initiale (``PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES`` donne
    ``préfet de la région Auvergne-Rhône-Alpes``). Pour un titre libre dont
    la règle se tromperait, ``emetteur.designation`` donne le texte exact.

    >>> en_casse_normale("PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES")
    'préfet de la région Auvergne-Rhône-Alpes'
    >>> en_casse_normale("PRÉFÈTE DE LA ZONE DE DÉFENSE ET DE SÉCURITÉ SUD-EST")
    'préfète de la zone de défense et de sécurité Sud-Est'
    >>> en_casse_normale("PRÉFET DE LA RÉGION D'ÎLE-DE-FRANCE")
    "préfet de la région d'Île-de-France"
    """
    mots = " ".join(titre.split()).split(" ")
    return " ".join(_mot_en_casse_normale(m) for m in mots)
