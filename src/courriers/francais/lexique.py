"""Lexique morphologique du vocabulaire administratif (données).

Ce module ne contient que des tables : les familles de féminisation des noms
de fonction et des adjectifs qui s'accordent avec eux, les mots épicènes, les
exceptions, et les listes de l'h aspiré et des mots qui refusent l'élision.
Les règles qui s'en servent sont dans :mod:`courriers.francais.personnes`
(accord d'une fonction) et :mod:`courriers.francais.elision` (articles).
Le détail des règles et des sources est dans ``docs/regles-francais.md``.

Sources :

* [Guide] *Femme, j'écris ton nom… Guide d'aide à la féminisation des noms de
  métiers, titres, grades et fonctions*, CNRS-INaLF, La Documentation
  française, 1999, auquel renvoie la [Circulaire] du Premier ministre du
  21 novembre 2017 relative aux règles de féminisation et de rédaction des
  textes publiés au Journal officiel (JORF n° 0272 du 22 novembre 2017) ;
* [Académie] Académie française, *La féminisation des noms de métiers et de
  fonctions*, rapport adopté le 28 février 2019 (autrice, professeure,
  procureure, cheffe…) ;
* [Usage] l'usage des institutions elles-mêmes quand il tranche entre deux
  formes admises (« la rapporteure » dans les comptes rendus de l'Assemblée
  nationale et du Sénat, « la Défenseure des droits ») ;
* [TLFi] *Trésor de la langue française informatisé* (ATILF-CNRS) et
  *Dictionnaire de l'Académie française*, 9e édition, qui marquent l'h aspiré ;
  [Grevisse] M. Grevisse et A. Goosse, *Le Bon Usage*, chapitre de l'élision.

>>> FEMININS["directeur"], FEMININS["ambassadeur"], FEMININS["rapporteur"]
('directrice', 'ambassadrice', 'rapporteure')
>>> MASCULINS["cheffe"], MASCULINS["auteure"], MASCULINS["première"]
('chef', 'auteur', 'premier')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = [
    "ADJECTIFS",
    "ADJECTIFS_DE_FONCTION",
    "ADJECTIFS_EPICENES",
    "ANTEPOSES",
    "EPICENES",
    "EXCEPTIONS",
    "FAMILLES",
    "FEMININS",
    "H_ASPIRES",
    "H_ASPIRES_RACINES",
    "H_MUETS",
    "MASCULINS",
    "NOMS",
    "NON_ELIDES",
    "PREFIXES_INVARIABLES",
    "VARIANTES_FEMININES",
    "Y_ELIDES",
    "Famille",
]


@dataclass(frozen=True)
class Famille:
    """Une famille de féminisation : la finale masculine, la finale
    féminine, les mots de la famille et la source de la règle.

    >>> Famille("-teur → -trice", "teur", "trice", ("directeur",), "Guide").feminin_de("directeur")
    'directrice'
    """

    regle: str
    finale_masculine: str
    finale_feminine: str
    mots: tuple[str, ...]
    source: str
    noms: bool = True  # les mots de la famille peuvent être la tête d'une fonction

    def feminin_de(self, mot: str) -> str:
        """The feminine of ``mot``, a word of this family.

        >>> FAMILLES[0].feminin_de("inspecteur"), FAMILLES[-1].feminin_de("public")
        ('inspectrice', 'publique')
        """
        base = mot[: len(mot) - len(self.finale_masculine)] if self.finale_masculine else mot
        return base + self.finale_feminine


# fmt: off
#: Familles régulières. Un mot n'appartient qu'à une famille ; ses composés
#: à trait d'union (sous-directeur, vice-président) s'accordent partie par
#: partie et n'ont pas besoin d'entrée.
FAMILLES: Final[tuple[Famille, ...]] = (
    Famille(
        "-teur → -trice (nom sans verbe de même radical en -ter)", "teur", "trice",
        (
            "administrateur", "animateur", "auditeur", "conciliateur", "conservateur",
            "coordinateur", "coordonnateur", "directeur", "éducateur", "évaluateur",
            "formateur", "instructeur", "inspecteur", "interlocuteur", "liquidateur",
            "médiateur", "modérateur", "négociateur", "opérateur", "ordonnateur",
            "organisateur", "recteur", "rédacteur", "sénateur", "tuteur",
            "vérificateur", "conducteur", "collaborateur", "accompagnateur",
            "programmateur", "réalisateur", "examinateur",
        ),
        "Guide, règle des noms en -teur ; Académie 2019",
    ),
    Famille(
        "-eur → -euse (nom tiré d'un verbe : contrôler, recevoir, payer…)", "eur",
        "euse",
        (
            "contrôleur", "receveur", "chercheur", "régisseur", "payeur", "demandeur",
            "entraîneur", "vendeur", "acheteur", "superviseur", "sapeur", "plongeur",
            "dépanneur", "programmeur", "sauveteur", "veilleur", "nageur",
        ),
        "Guide, règle des noms en -eur tirés d'un verbe",
    ),
    Famille(
        "-eur → -eure (nom sans verbe correspondant)", "eur", "eure",
        (
            "ingénieur", "procureur", "professeur", "proviseur", "assesseur",
            "gouverneur", "docteur", "censeur",
            "défenseur", "rapporteur", "pasteur",
        ),
        "Guide, noms en -eur sans verbe ; Académie 2019 (professeure, procureure) ; "
        "Usage (la rapporteure, la Défenseure des droits)",
    ),
    Famille(
        "-eur → -eure (adjectif comparatif)", "eur", "eure",
        ("supérieur", "inférieur", "extérieur", "intérieur", "majeur", "mineur", "antérieur"),
        "Grammaire : adjectifs comparatifs en -eur",
        noms=False,
    ),
    Famille(
        "-er → -ère", "er", "ère",
        (
            "conseiller", "officier", "trésorier", "greffier", "huissier", "policier",
            "infirmier", "chancelier", "bâtonnier", "ouvrier", "pompier", "brigadier",
            "hospitalier", "cuisinier", "douanier", "jardinier", "romancier",
            "héritier", "banquier", "fermier",
        ),
        "Guide, règle des noms en -er et -ier",
    ),
    Famille(
        "-er → -ère (adjectif)", "er", "ère",
        ("premier", "dernier", "particulier", "financier", "foncier", "familier", "entier"),
        "Grammaire : adjectifs en -er",
        noms=False,
    ),
    Famille(
        "-en → -enne, -on → -onne", "", "ne",
        (
            "technicien", "mécanicien", "gardien", "doyen", "pharmacien",
            "électricien", "informaticien", "historien", "praticien", "chirurgien",
            "comédien", "musicien", "citoyen", "patron", "champion",
        ),
        "Guide : doublement de la consonne finale",
    ),
    Famille(
        "-en → -enne, -on → -onne (adjectif)", "", "ne",
        ("ancien", "européen", "aérien", "quotidien", "breton"),
        "Grammaire : doublement de la consonne finale",
        noms=False,
    ),
    Famille(
        "-el → -elle", "", "le",
        ("colonel",),
        "Guide ; Académie 2019 (colonelle)",
    ),
    Famille(
        "-el → -elle (adjectif)", "", "le",
        (
            "interministériel", "ministériel", "contractuel", "professionnel",
            "personnel", "fonctionnel", "opérationnel", "institutionnel",
            "présidentiel", "exceptionnel", "officiel",
        ),
        "Grammaire : doublement de la consonne finale",
        noms=False,
    ),
    Famille(
        "-é, -u → -ée, -ue ; -t, -d, -l, -s… → + e (ajout du e)", "", "e",
        (
            "adjoint", "agent", "assistant", "attaché", "avocat", "candidat", "chargé",
            "commandant", "correspondant", "délégué", "député", "diplômé", "élu",
            "employé", "étudiant", "expert", "fondé", "gérant", "intendant",
            "lieutenant", "magistrat", "mandant", "préposé", "président", "référent",
            "remplaçant", "représentant", "retraité", "sergent", "substitut",
            "suppléant", "surveillant", "adjudant", "consul", "caporal", "général",
            "principal", "apprenti", "ami", "marchand", "habitant", "enseignant",
            "exposant", "intervenant", "participant", "requérant", "plaignant",
            "invité", "commis",
        ),
        "Guide, règle générale : ajout d'un e",
    ),
    Famille(
        "-al, -il, -é, -t… → + e (adjectif)", "", "e",
        (
            "départemental", "municipal", "régional", "national", "territorial",
            "local", "fédéral", "central", "communal", "spécial", "provincial",
            "interdépartemental", "intercommunal", "rural", "médical", "social",
            "syndical", "amical", "civil", "haut", "grand", "seul", "futur",
            "spécialisé", "désigné", "nommé", "titularisé", "détaché", "associé",
            "international", "mondial", "fiscal", "électoral", "pénal", "second",
        ),
        "Grammaire : ajout d'un e",
        noms=False,
    ),
    Famille(
        "-f → -ve", "f", "ve",
        ("administratif", "exécutif", "éducatif", "sportif", "actif", "associatif"),
        "Grammaire : adjectifs en -f",
        noms=False,
    ),
    Famille(
        "-c → -que", "c", "que",
        ("public",),
        "Grammaire : public, publique",
        noms=False,
    ),
)

# fmt: on
#: Mots hors famille, avec leur source.
EXCEPTIONS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "chef": ("cheffe", "Guide ; Académie 2019 ; Circulaire (« la cheffe du bureau »)"),
        "ambassadeur": ("ambassadrice", "Guide : -deur → -drice"),
        "auteur": ("autrice", "Académie 2019 (autrice ou auteure ; auteure est gardée si tapée)"),
        "préfet": ("préfète", "Guide ; usage des préfectures depuis 2017 (« PRÉFÈTE DE … »)"),
        "1er": ("1re", "Imprimerie nationale : 1er, 1re"),
        "enquêteur": (
            "enquêtrice",
            "usage des arrêtés d'enquête publique (« commissaire enquêtrice ») ; "
            "le Guide donne aussi enquêteuse, gardé si tapé",
        ),
        "nouveau": ("nouvelle", "Grammaire"),
    }
)

#: Féminins admis autres que celui de la table : gardés tels quels quand la
#: fonction est tapée ainsi pour une femme, ramenés au masculin pour un homme.
VARIANTES_FEMININES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "auteure": "auteur",
        "contrôleure": "contrôleur",  # la Contrôleure générale des lieux de privation de liberté
        "enquêteuse": "enquêteur",
        "chef": "chef",  # « la chef » se lit encore ; gardé
        "rapporteuse": "rapporteur",
        "docteure": "docteur",
        "chercheure": "chercheur",
        "superviseure": "superviseur",
        "professeur": "professeur",
    }
)

# fmt: off
#: Noms épicènes (même forme aux deux genres) qui peuvent être la tête d'une
#: fonction (Circulaire : « sauf lorsque cet intitulé est épicène »).
#: « Maître » reste invariable par l'usage (avocats, notaires, maître de
#: conférences) ; « médecin » et « témoin » aussi [Guide].
EPICENES: Final = frozenset(
    {
        "analyste", "architecte", "archiviste", "bénévole", "bibliothécaire",
        "biologiste", "cadre", "capitaine", "chimiste", "commissaire", "comptable",
        "délégataire", "dignitaire", "diplomate", "économe", "élève", "fonctionnaire",
        "garde", "gendarme", "géomètre", "gestionnaire", "guide", "interprète",
        "journaliste", "juge", "juriste", "locataire", "maire", "maître", "major",
        "mandataire", "médecin", "membre", "ministre", "notaire", "pédiatre",
        "photographe", "pilote", "porte-parole", "propriétaire", "psychiatre",
        "psychologue", "responsable", "secrétaire", "stagiaire", "témoin", "titulaire",
        "vétérinaire",
    }
)

#: Adjectifs épicènes fréquents dans les fonctions : ils ne changent pas mais
#: ne coupent pas la tête de la fonction (« ingénieure technique principale »).
ADJECTIFS_EPICENES: Final = frozenset(
    {
        "académique", "champêtre", "comptable", "diplomatique", "divisionnaire",
        "économique", "extraordinaire", "honoraire", "hospitalo-universitaire",
        "intérimaire", "judiciaire", "juridique", "militaire", "parlementaire",
        "pédagogique", "plénipotentiaire", "sanitaire", "scientifique", "stagiaire",
        "technique", "titulaire", "unique", "universitaire", "deuxième", "troisième",
        "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième",
        "dixième", "onzième", "douzième", "vingtième", "2e", "3e", "4e", "5e",
    }
)

# fmt: on
#: Adjectifs placés avant le nom (premier adjoint, haute fonctionnaire).
ANTEPOSES: Final = frozenset(
    {"premier", "1er", "haut", "grand", "ancien", "nouveau", "futur", "seul", "second", "dernier"}
)

#: Adjectifs qui qualifient la personne même quand ils suivent un
#: complément : « directrice de cabinet adjointe », « directrice
#: départementale des territoires adjointe », « adjointe au maire déléguée
#: à la culture ».
ADJECTIFS_DE_FONCTION: Final = frozenset({"adjoint", "délégué", "suppléant", "principal"})

#: Premières parties de composés qui ne varient pas (vice-présidente,
#: sous-préfète, co-présidente, ex-directrice, néo-…).
PREFIXES_INVARIABLES: Final = frozenset({"vice", "sous", "co", "ex", "pro", "quasi", "non", "demi"})


def _construire_feminins() -> dict[str, str]:
    table: dict[str, str] = {}
    for famille in FAMILLES:
        for mot in famille.mots:
            if "-" in mot:
                continue  # les composés s'accordent partie par partie
            table[mot] = famille.feminin_de(mot)
    table.update({m: f for m, (f, _source) in EXCEPTIONS.items()})
    return table


#: Masculin → féminin, tiré des familles et des exceptions.
FEMININS: Final[Mapping[str, str]] = MappingProxyType(_construire_feminins())
#: Féminin (et variantes admises) → masculin.
MASCULINS: Final[Mapping[str, str]] = MappingProxyType(
    {**{f: m for m, f in FEMININS.items()}, **VARIANTES_FEMININES}
)
#: Mots qui peuvent être la tête d'une fonction, au masculin.
NOMS: Final = frozenset(
    {mot for famille in FAMILLES if famille.noms for mot in famille.mots if "-" not in mot}
    | {"chef", "ambassadeur", "auteur", "préfet", "enquêteur"}
    | EPICENES
)
#: Mots qui s'accordent sans pouvoir être la tête d'une fonction.
ADJECTIFS: Final = (
    frozenset(mot for famille in FAMILLES if not famille.noms for mot in famille.mots)
    | ADJECTIFS_EPICENES
    | ANTEPOSES
)

# ---------------------------------------------------------------------------
# Élision : h aspiré, h muet, mots qui refusent l'élision.

# fmt: off
#: Mots à h aspiré (pas d'élision, pas de liaison : « le handicap », « la
#: hausse », « de Hauts-de-Seine Habitat »), formes exactes. [TLFi],
#: [Académie] 9e éd. ; pour les noms de lieux, l'usage des collectivités
#: (« le conseil départemental des Hauts-de-Seine », « la Haute-Garonne »).
H_ASPIRES: Final = frozenset(
    {
        # vocabulaire administratif
        "hall", "halls", "halle", "halles", "halte", "haltes", "haie", "haies",
        "halal", "hamac", "hameau", "hameaux", "handball", "hangar", "hangars",
        "haras", "hasard", "hasards", "hâte", "hausse", "hausses", "héros", "héraut",
        "hernie", "hêtre", "hibou", "hockey", "hold-up", "holding", "holdings",
        "homard", "hoquet", "horde", "hors", "hotte", "houille", "houle", "housse",
        "hublot", "hutte", "harki", "harkis", "harem", "hareng", "haricot", "harnais",
        "harpe", "hache", "hachette", "hachoir", "hamburger", "hamster", "hanche",
        "hackeur", "hackeuse", "hacker", "hobby", "hooligan", "hérisson", "héron",
        "hideux", "huitième", "huit", "huitaine",
        # noms de lieux
        "havre", "hollande", "hongrie", "honduras", "hambourg", "hanovre", "hainaut",
        "haye", "hesse",
    }
)

#: Débuts de mots à h aspiré dont toute la famille garde l'h aspiré :
#: « haut » (haute, hauts, hautes, hauteur, haut-commissaire, Hauts-de-Seine,
#: Haute-Garonne, Hautes-Alpes, Haut-Rhin, Hauts-de-France), « handicap »
#: (handicapé…), « handi » (handisport), « harcel »/« harcèl » (harceler,
#: harcèlement), « hiérarch » (hiérarchie, hiérarchique), « hasard »,
#: « hauss » (haussement), « hont » (honte, honteux), « hurl », « hargn »,
#: « hain » (haine, haineux, Hainaut), « hameçon » (hameçonnage), « hach ».
H_ASPIRES_RACINES: Final = (
    "haut", "handicap", "handi", "harcel", "harcèl", "hiérarch", "hasard", "hauss",
    "hont", "hurl", "hargn", "hain", "hameçon", "hach", "hongr", "holland", "hériss",
    "heurt", "hiss",
)

#: Mots à h muet du vocabulaire administratif, souvent pris à tort pour des
#: h aspirés (« l'hôpital », « l'huissier », « l'habitat », « d'hébergement ») ;
#: l'h est muet par défaut, cette liste sert de référence et aux mots en
#: capitales (« L'HÔTEL DE VILLE »).
H_MUETS: Final = frozenset(
    {
        "habilitation", "habillement", "habitant", "habitante", "habitants", "habitat",
        "habitation", "habitude", "haleine", "hallucination", "harmonie",
        "harmonisation", "hébergement", "hectare", "hélicoptère", "herbe", "héritage",
        "héritier", "héritière", "héroïne", "heure", "heures", "hexagone",
        "hippodrome", "histoire", "hiver", "homme", "hommage", "homologation",
        "honneur", "honoraires", "honorariat", "hôpital", "hôpitaux", "horaire",
        "horaires", "horizon", "horloge", "horticulture", "hospitalisation",
        "hospitalier", "hospitalière", "hôte", "hôtel", "hôtesse", "huile", "huissier",
        "huissière", "huître", "humain", "humanitaire", "humeur", "hydraulique",
        "hygiène", "hypothèque", "hypothèse", "hérault", "hendaye", "homologue",
        "honorable", "hébergé", "hébergée",
    }
)

# fmt: on
#: Mots commençant par une voyelle qui refusent l'élision [Grevisse] :
#: « le onze », « la onzième circonscription », « le oui ».
NON_ELIDES: Final = frozenset(
    {"onze", "onzième", "onzièmes", "oui", "ouistiti", "ouolof", "uhlan", "ululement"}
)

#: Mots en y suivi d'une voyelle qui s'élident pourtant (y s'y lit [i]) :
#: « l'Yonne », « l'île d'Yeu », « les yeux ». Les autres y + voyelle sont un
#: yod, sans élision (« le yacht », « le Yémen ») ; y + consonne s'élide
#: toujours (« les Yvelines », « l'ypérite »).
Y_ELIDES: Final = frozenset({"yonne", "yeu", "yeux", "yeuse", "yerres", "yèbles"})
