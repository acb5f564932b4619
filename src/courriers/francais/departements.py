"""Départements français et titre du représentant de l'État pour le bloc-marque.

La table couvre les 101 départements et les collectivités d'outre-mer où
l'État est représenté par un préfet, un préfet délégué, un haut-commissaire
ou un administrateur supérieur. Pour chaque territoire, elle garde le nom tel
que l'écrit l'INSEE (code officiel géographique, colonne ``NCCENR``) et le
type de nom en clair ``TNCC``, dont on tire le mot de liaison (« de l'Allier »,
« du Var »…). Le mot de liaison n'est jamais stocké : il se déduit du TNCC par
:func:`mot_de_liaison`.

>>> article_de(departement("3"))
"de l'Allier"
>>> lignes_bloc_marque(titre_bloc_marque("83", feminin=True))
('PRÉFÈTE', 'DU VAR')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = [
    "ADMINISTRATEUR_SUPERIEUR",
    "COLLECTIVITES",
    "DEPARTEMENTS",
    "HAUT_COMMISSAIRE",
    "PREFET",
    "PREFET_DELEGUE",
    "Departement",
    "Representant",
    "article_de",
    "autorite",
    "dans_le_departement",
    "departement",
    "lignes_bloc_marque",
    "mot_de_liaison",
    "titre_bloc_marque",
]


@dataclass(frozen=True)
class Representant:
    """Fonction du représentant de l'État, en capitales, aux deux genres.

    >>> PREFET.masculin, PREFET.feminin
    ('PRÉFET', 'PRÉFÈTE')
    """

    masculin: str
    feminin: str


PREFET: Final = Representant("PRÉFET", "PRÉFÈTE")
PREFET_DELEGUE: Final = Representant("PRÉFET DÉLÉGUÉ", "PRÉFÈTE DÉLÉGUÉE")
HAUT_COMMISSAIRE: Final = Representant(
    "HAUT-COMMISSAIRE DE LA RÉPUBLIQUE", "HAUTE-COMMISSAIRE DE LA RÉPUBLIQUE"
)
ADMINISTRATEUR_SUPERIEUR: Final = Representant(
    "ADMINISTRATEUR SUPÉRIEUR", "ADMINISTRATRICE SUPÉRIEURE"
)


@dataclass(frozen=True)
class Departement:
    """Un département, ou une collectivité d'outre-mer ayant un représentant de l'État.

    ``tncc`` est le type de nom en clair de l'INSEE (0 à 8). ``representant``
    est la fonction du représentant de l'État (préfet par défaut) et
    ``ressort`` le complément du titre quand il n'est pas simplement
    « mot de liaison + nom » (par exemple « en Polynésie française »).
    ``liaison`` remplace le mot de liaison du TNCC quand la préfecture écrit
    autrement que l'INSEE, avec sa ``source``.

    >>> var = Departement("83", "Var", 2)
    >>> var.representant is PREFET, var.ressort
    (True, None)
    """

    code: str
    nom: str
    tncc: int
    representant: Representant = PREFET
    ressort: str | None = None
    #: Mot de liaison écrit par la préfecture elle-même quand il diffère de
    #: celui du TNCC (« PRÉFET DE VAUCLUSE » et non « DU VAUCLUSE »).
    liaison: str | None = None
    #: Source de l'usage de la préfecture.
    source: str | None = None


# Mot de liaison (« charnière ») de l'INSEE pour chaque valeur de TNCC.
# Seules les valeurs 0 à 5 servent aux départements ; 6 à 8 existent pour
# des communes (« Aux », « Las », « Los »).
_MOTS_DE_LIAISON: Final = (
    "de",  # 0 : pas d'article, nom commençant par une consonne (sauf H muet)
    "d'",  # 1 : pas d'article, nom commençant par une voyelle
    "du",  # 2 : article « le »
    "de la",  # 3 : article « la »
    "des",  # 4 : article « les »
    "de l'",  # 5 : article « l' »
    "des",  # 6 : article « aux »
    "de las",  # 7 : article « las »
    "de los",  # 8 : article « los »
)

# Noms et TNCC du code officiel géographique de l'INSEE (fichier des
# départements, millésime 2024-2025). Apostrophe droite U+0027 partout.
_TABLE_DEPARTEMENTS: Final = (
    Departement("01", "Ain", 5),
    Departement("02", "Aisne", 5),
    Departement("03", "Allier", 5),
    Departement("04", "Alpes-de-Haute-Provence", 4),
    Departement("05", "Hautes-Alpes", 4),
    Departement("06", "Alpes-Maritimes", 4),
    Departement("07", "Ardèche", 5),
    Departement("08", "Ardennes", 4),
    Departement("09", "Ariège", 5),
    Departement("10", "Aube", 5),
    Departement("11", "Aude", 5),
    Departement("12", "Aveyron", 5),
    Departement("13", "Bouches-du-Rhône", 4),
    Departement("14", "Calvados", 2),
    Departement("15", "Cantal", 2),
    Departement("16", "Charente", 3),
    Departement("17", "Charente-Maritime", 3),
    Departement("18", "Cher", 2),
    Departement("19", "Corrèze", 3),
    Departement("2A", "Corse-du-Sud", 3),
    Departement("2B", "Haute-Corse", 3),
    Departement("21", "Côte-d'Or", 3),
    Departement("22", "Côtes-d'Armor", 4),
    Departement("23", "Creuse", 3),
    Departement("24", "Dordogne", 3),
    Departement("25", "Doubs", 2),
    Departement("26", "Drôme", 3),
    Departement("27", "Eure", 5),
    Departement("28", "Eure-et-Loir", 1),
    Departement("29", "Finistère", 2),
    Departement("30", "Gard", 2),
    Departement("31", "Haute-Garonne", 3),
    Departement("32", "Gers", 2),
    Departement("33", "Gironde", 3),
    Departement("34", "Hérault", 5),
    Departement("35", "Ille-et-Vilaine", 1),
    Departement("36", "Indre", 5),
    Departement("37", "Indre-et-Loire", 1),
    Departement("38", "Isère", 5),
    Departement("39", "Jura", 2),
    Departement("40", "Landes", 4),
    # L'INSEE écrit « du Loir-et-Cher » (TNCC 2) ; la préfecture, « de Loir-et-Cher ».
    Departement(
        "41",
        "Loir-et-Cher",
        2,
        liaison="de",
        source="bloc-marque de la préfecture, loir-et-cher.gouv.fr : « PRÉFET DE LOIR-ET-CHER »",
    ),
    Departement("42", "Loire", 3),
    Departement("43", "Haute-Loire", 3),
    Departement("44", "Loire-Atlantique", 3),
    Departement("45", "Loiret", 2),
    Departement("46", "Lot", 2),
    # L'INSEE écrit « du Lot-et-Garonne » (TNCC 2) ; la préfecture, « de Lot-et-Garonne ».
    Departement(
        "47",
        "Lot-et-Garonne",
        2,
        liaison="de",
        source="bloc-marque de la préfecture, lot-et-garonne.gouv.fr : « PRÉFET DE LOT-ET-GARONNE »",
    ),
    Departement("48", "Lozère", 3),
    Departement("49", "Maine-et-Loire", 0),
    Departement("50", "Manche", 3),
    Departement("51", "Marne", 3),
    Departement("52", "Haute-Marne", 3),
    Departement("53", "Mayenne", 3),
    Departement("54", "Meurthe-et-Moselle", 0),
    Departement("55", "Meuse", 3),
    Departement("56", "Morbihan", 2),
    Departement("57", "Moselle", 3),
    Departement("58", "Nièvre", 3),
    Departement("59", "Nord", 2),
    Departement("60", "Oise", 5),
    Departement("61", "Orne", 5),
    Departement("62", "Pas-de-Calais", 2),
    Departement("63", "Puy-de-Dôme", 2),
    Departement("64", "Pyrénées-Atlantiques", 4),
    Departement("65", "Hautes-Pyrénées", 4),
    Departement("66", "Pyrénées-Orientales", 4),
    Departement("67", "Bas-Rhin", 2),
    Departement("68", "Haut-Rhin", 2),
    Departement("69", "Rhône", 2),
    Departement("70", "Haute-Saône", 3),
    Departement("71", "Saône-et-Loire", 0),
    Departement("72", "Sarthe", 3),
    Departement("73", "Savoie", 3),
    Departement("74", "Haute-Savoie", 3),
    # Le préfet de la région d'Île-de-France est aussi préfet de Paris ; son
    # bloc-marque complet est « PRÉFET DE LA RÉGION D'ÎLE-DE-FRANCE, PRÉFET DE
    # PARIS ». On s'en tient ici au titre départemental, « PRÉFET DE PARIS ».
    Departement("75", "Paris", 0),
    Departement("76", "Seine-Maritime", 3),
    Departement("77", "Seine-et-Marne", 0),
    Departement("78", "Yvelines", 4),
    Departement("79", "Deux-Sèvres", 4),
    Departement("80", "Somme", 3),
    Departement("81", "Tarn", 2),
    # L'INSEE écrit « du Tarn-et-Garonne » (TNCC 2) ; la préfecture, « de Tarn-et-Garonne ».
    Departement(
        "82",
        "Tarn-et-Garonne",
        2,
        liaison="de",
        source="bloc-marque de la préfecture, tarn-et-garonne.gouv.fr : « PRÉFET DE TARN-ET-GARONNE »",
    ),
    Departement("83", "Var", 2),
    # L'INSEE écrit « du Vaucluse » (TNCC 2) ; la préfecture, « de Vaucluse ».
    Departement(
        "84",
        "Vaucluse",
        2,
        liaison="de",
        source="bloc-marque de la préfecture, vaucluse.gouv.fr et recueil des actes administratifs n° 84-2021-093 : « PRÉFET DE VAUCLUSE »",
    ),
    Departement("85", "Vendée", 3),
    Departement("86", "Vienne", 3),
    Departement("87", "Haute-Vienne", 3),
    Departement("88", "Vosges", 4),
    Departement("89", "Yonne", 5),
    Departement("90", "Territoire de Belfort", 2),
    Departement("91", "Essonne", 5),
    Departement("92", "Hauts-de-Seine", 4),
    Departement("93", "Seine-Saint-Denis", 3),
    Departement("94", "Val-de-Marne", 2),
    Departement("95", "Val-d'Oise", 2),
    Departement("971", "Guadeloupe", 3),
    Departement("972", "Martinique", 3),
    Departement("973", "Guyane", 3),
    # L'INSEE met l'article dans le nom : TNCC 0, « de La Réunion ».
    Departement("974", "La Réunion", 0),
    Departement("976", "Mayotte", 0),
)

_RESSORT_SAINT_BARTHELEMY_SAINT_MARTIN: Final = (
    "dans les collectivités de Saint-Barthélemy et de Saint-Martin"
)

# Collectivités d'outre-mer (fichier des COM de l'INSEE) ayant un
# représentant de l'État. Le champ ``ressort`` remplace « liaison + nom »
# dans le titre quand l'usage officiel diffère.
_TABLE_COLLECTIVITES: Final = (
    Departement("975", "Saint-Pierre-et-Miquelon", 0),
    Departement(
        "977",
        "Saint-Barthélemy",
        0,
        PREFET_DELEGUE,
        _RESSORT_SAINT_BARTHELEMY_SAINT_MARTIN,
    ),
    Departement(
        "978",
        "Saint-Martin",
        0,
        PREFET_DELEGUE,
        _RESSORT_SAINT_BARTHELEMY_SAINT_MARTIN,
    ),
    Departement(
        "986",
        "Wallis-et-Futuna",
        0,
        ADMINISTRATEUR_SUPERIEUR,
        "des îles Wallis et Futuna",
    ),
    Departement("987", "Polynésie française", 3, HAUT_COMMISSAIRE, "en Polynésie française"),
    Departement("988", "Nouvelle-Calédonie", 3, HAUT_COMMISSAIRE, "en Nouvelle-Calédonie"),
)

#: Les 101 départements, par code INSEE (« 01 » … « 95 », « 2A », « 2B », « 971 »…).
DEPARTEMENTS: Final[Mapping[str, Departement]] = MappingProxyType(
    {d.code: d for d in _TABLE_DEPARTEMENTS}
)
#: Les collectivités d'outre-mer ayant un représentant de l'État, par code INSEE.
COLLECTIVITES: Final[Mapping[str, Departement]] = MappingProxyType(
    {d.code: d for d in _TABLE_COLLECTIVITES}
)
_TOUS: Final[Mapping[str, Departement]] = MappingProxyType({**DEPARTEMENTS, **COLLECTIVITES})

# Fonctions connues, en mots minuscules, de la plus longue à la plus courte :
# « PRÉFET DÉLÉGUÉ » doit être reconnu avant « PRÉFET ».
_FONCTIONS: Final = tuple(
    sorted(
        {
            tuple(forme.casefold().split())
            for representant in (
                PREFET,
                PREFET_DELEGUE,
                HAUT_COMMISSAIRE,
                ADMINISTRATEUR_SUPERIEUR,
            )
            for forme in (representant.masculin, representant.feminin)
        },
        key=len,
        reverse=True,
    )
)
# Mots qui ouvrent le complément d'un titre libre (« MINISTÈRE / DE L'INTÉRIEUR »).
_LIAISONS_DE_TITRE: Final = frozenset({"de", "du", "des", "en", "dans", "au", "aux"})


def mot_de_liaison(tncc: int) -> str:
    """Renvoie le mot de liaison (« charnière » de l'INSEE) pour un TNCC.

    >>> [mot_de_liaison(n) for n in range(6)]
    ['de', "d'", 'du', 'de la', 'des', "de l'"]
    >>> mot_de_liaison(9)
    Traceback (most recent call last):
    ...
    ValueError: type de nom en clair (TNCC) inconnu : 9 ; attendu un entier de 0 à 8
    """
    if not 0 <= tncc < len(_MOTS_DE_LIAISON):
        raise ValueError(
            f"type de nom en clair (TNCC) inconnu : {tncc} ; "
            f"attendu un entier de 0 à {len(_MOTS_DE_LIAISON) - 1}"
        )
    return _MOTS_DE_LIAISON[tncc]


def departement(code: str) -> Departement:
    """Renvoie le département (ou la collectivité) de code INSEE ``code``.

    Le code est normalisé : espaces retirés, « 3 » devient « 03 », « 2a »
    devient « 2A ».

    >>> departement("3")  # doctest: +ELLIPSIS
    Departement(code='03', nom='Allier', tncc=5, representant=...)
    >>> departement("2a").nom
    'Corse-du-Sud'
    >>> departement("99")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: code de département inconnu : « 99 » ; attendu un code INSEE ...
    """
    normalise = code.strip().upper()
    if len(normalise) == 1 and normalise in "0123456789":
        normalise = "0" + normalise
    try:
        return _TOUS[normalise]
    except KeyError:
        raise ValueError(
            f"code de département inconnu : « {code} » ; "
            "attendu un code INSEE comme « 03 », « 2A » ou « 974 »"
        ) from None


def article_de(departement: Departement) -> str:
    """Renvoie le nom précédé de son mot de liaison (« de l'Allier »).

    >>> article_de(DEPARTEMENTS["03"])
    "de l'Allier"
    >>> for code in ("83", "35", "05", "42", "75", "974"):
    ...     print(article_de(DEPARTEMENTS[code]))
    du Var
    d'Ille-et-Vilaine
    des Hautes-Alpes
    de la Loire
    de Paris
    de La Réunion
    >>> article_de(DEPARTEMENTS["84"]), article_de(DEPARTEMENTS["82"])
    ('de Vaucluse', 'de Tarn-et-Garonne')
    """
    liaison = departement.liaison or mot_de_liaison(departement.tncc)
    separateur = "" if liaison.endswith("'") else " "
    return f"{liaison}{separateur}{departement.nom}"


def titre_bloc_marque(code: str, feminin: bool = False) -> str:
    """Renvoie le titre du représentant de l'État, en capitales accentuées.

    >>> titre_bloc_marque("03")
    "PRÉFET DE L'ALLIER"
    >>> titre_bloc_marque("83", feminin=True)
    'PRÉFÈTE DU VAR'
    >>> titre_bloc_marque("974")
    'PRÉFET DE LA RÉUNION'
    >>> titre_bloc_marque("84"), titre_bloc_marque("47", feminin=True)
    ('PRÉFET DE VAUCLUSE', 'PRÉFÈTE DE LOT-ET-GARONNE')
    >>> titre_bloc_marque("987")
    'HAUT-COMMISSAIRE DE LA RÉPUBLIQUE EN POLYNÉSIE FRANÇAISE'
    """
    territoire = departement(code)
    representant = territoire.representant
    fonction = representant.feminin if feminin else representant.masculin
    ressort = territoire.ressort
    if ressort is None:
        ressort = article_de(territoire)
    return f"{fonction} {ressort}".upper()


def autorite(code: str, feminin: bool = False) -> str:
    """Renvoie le représentant de l'État nommé dans un texte, en minuscules
    (« Le préfet de l'Allier à Monsieur le directeur… »).

    >>> autorite("03"), autorite("83", feminin=True)
    ("le préfet de l'Allier", 'la préfète du Var')
    >>> autorite("987")
    'le haut-commissaire de la République en Polynésie française'
    >>> autorite("84")
    'le préfet de Vaucluse'
    """
    territoire = departement(code)
    representant = territoire.representant
    fonction = (representant.feminin if feminin else representant.masculin).lower()
    fonction = fonction.replace("république", "République")
    ressort = territoire.ressort or article_de(territoire)
    article = "la" if feminin else "le"
    return f"{article} {fonction} {ressort}"


def lignes_bloc_marque(titre: str) -> tuple[str, ...]:
    """Coupe un titre en lignes de bloc-marque : la fonction, puis le ressort.

    Une fonction connue (préfet, préfet délégué, haut-commissaire de la
    République, administrateur supérieur, aux deux genres) forme la première
    ligne. Sinon le titre est coupé avant son premier mot de liaison (de, du,
    des, d', en, dans, au, aux) ; un titre sans mot de liaison tient sur une
    ligne. Les espaces multiples sont réduits.

    >>> lignes_bloc_marque("PRÉFET DE L'ALLIER")
    ('PRÉFET', "DE L'ALLIER")
    >>> lignes_bloc_marque("HAUT-COMMISSAIRE DE LA RÉPUBLIQUE EN NOUVELLE-CALÉDONIE")
    ('HAUT-COMMISSAIRE DE LA RÉPUBLIQUE', 'EN NOUVELLE-CALÉDONIE')
    >>> lignes_bloc_marque("MINISTÈRE D'ÉTAT")
    ('MINISTÈRE', "D'ÉTAT")
    >>> lignes_bloc_marque("GOUVERNEMENT")
    ('GOUVERNEMENT',)
    """
    mots = titre.split()
    if not mots:
        raise ValueError("titre de bloc-marque vide : « " + titre + " »")
    minuscules = [mot.casefold() for mot in mots]
    for fonction in _FONCTIONS:
        taille = len(fonction)
        if len(mots) > taille and tuple(minuscules[:taille]) == fonction:
            return (" ".join(mots[:taille]), " ".join(mots[taille:]))
    for position in range(1, len(mots)):
        mot = minuscules[position]
        if mot in _LIAISONS_DE_TITRE or mot.startswith(("d'", "d’")):
            return (" ".join(mots[:position]), " ".join(mots[position:]))
    return (" ".join(mots),)


# Lieu en texte courant (« en Vaucluse », « dans l'Allier ») quand la règle
# générale de :func:`dans_le_departement` ne suit pas l'usage : « dans la »
# pour les noms de rivière que l'usage ne met pas après « en », « en » pour
# des noms à élision que l'usage y met, « à » pour les îles.
_LOCATIFS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "84": "en Vaucluse",  # usage de la préfecture (vaucluse.gouv.fr)
        "42": "dans la Loire",
        "50": "dans la Manche",
        "51": "dans la Marne",
        "55": "dans la Meuse",
        "58": "dans la Nièvre",
        "72": "dans la Sarthe",
        "80": "dans la Somme",
        "86": "dans la Vienne",
        "07": "en Ardèche",
        "09": "en Ariège",
        "12": "en Aveyron",
        "38": "en Isère",
        "91": "en Essonne",
        "975": "à Saint-Pierre-et-Miquelon",
        "977": "à Saint-Barthélemy",
        "978": "à Saint-Martin",
        "986": "à Wallis-et-Futuna",
    }
)


def dans_le_departement(code: str) -> str:
    """Renvoie le lieu en texte courant : « en » devant un nom féminin ou un
    nom composé sans article (en Haute-Garonne, en Tarn-et-Garonne), « dans
    le », « dans les », « dans l' » devant les autres, « à » devant un nom
    sans article (à Paris, à La Réunion) ; les exceptions d'usage sont dans
    la table ``_LOCATIFS``.

    >>> [dans_le_departement(c) for c in ("84", "03", "83", "31", "92", "82", "974")]
    ['en Vaucluse', "dans l'Allier", 'dans le Var', 'en Haute-Garonne', 'dans les Hauts-de-Seine', 'en Tarn-et-Garonne', 'à La Réunion']
    >>> dans_le_departement("988"), dans_le_departement("35")
    ('en Nouvelle-Calédonie', 'en Ille-et-Vilaine')
    """
    territoire = departement(code)
    if territoire.code in _LOCATIFS:
        return _LOCATIFS[territoire.code]
    if territoire.ressort is not None and territoire.ressort.startswith("en "):
        return territoire.ressort
    liaison = territoire.liaison or mot_de_liaison(territoire.tncc)
    nom = territoire.nom
    if liaison in ("de", "d'"):
        return f"en {nom}" if "-et-" in nom else f"à {nom}"
    debuts = {"de la": "en ", "du": "dans le ", "des": "dans les ", "de l'": "dans l'"}
    return debuts.get(liaison, "à ") + nom
