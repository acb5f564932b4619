"""People: civilités, names, feminised titles, function phrases.

Titles are feminised since the circulaire du 21 novembre 2017 (la préfète,
la directrice, la cheffe…). A function is written once, in either form;
:func:`accorder_fonction` gives the form that fits the person's civilité,
changing only the head of the function (its first nouns and adjectives),
never what follows a preposition: ``adjoint à la cheffe du bureau`` stays
about the cheffe when the adjoint is a woman (``adjointe à la cheffe…``).
"""

from __future__ import annotations

import re
from typing import Literal

from courriers.francais.elision import Genre, article_defini

Civilite = Literal["M.", "Mme"]

#: Masculine → feminine forms of the words that head a function.
#: Words identical in both genders (secrétaire, responsable, maire,
#: commissaire, ministre, membre…) need no entry.
FEMININS: dict[str, str] = {
    "adjoint": "adjointe",
    "administrateur": "administratrice",
    "agent": "agente",
    "attaché": "attachée",
    "auditeur": "auditrice",
    "chargé": "chargée",
    "chef": "cheffe",
    "conseiller": "conseillère",
    "contrôleur": "contrôleuse",
    "coordinateur": "coordinatrice",
    "coordonnateur": "coordonnatrice",
    "délégué": "déléguée",
    "député": "députée",
    "directeur": "directrice",
    "élu": "élue",
    "gérant": "gérante",
    "haut-commissaire": "haute-commissaire",
    "ingénieur": "ingénieure",
    "inspecteur": "inspectrice",
    "intendant": "intendante",
    "médiateur": "médiatrice",
    "officier": "officière",
    "particulier": "particulière",
    "préfet": "préfète",
    "président": "présidente",
    "procureur": "procureure",
    "professeur": "professeure",
    "recteur": "rectrice",
    "référent": "référente",
    "rédacteur": "rédactrice",
    "représentant": "représentante",
    "sénateur": "sénatrice",
    "sous-directeur": "sous-directrice",
    "sous-préfet": "sous-préfète",
    "technicien": "technicienne",
    "trésorier": "trésorière",
    "vice-président": "vice-présidente",
    # adjectives that follow the head noun
    "départemental": "départementale",
    "général": "générale",
    "interministériel": "interministérielle",
    "national": "nationale",
    "principal": "principale",
    "régional": "régionale",
    "supérieur": "supérieure",
    "territorial": "territoriale",
}

# Words that may stand in the head of a function without changing gender.
_INVARIABLES = frozenset(
    {"secrétaire", "responsable", "maire", "commissaire", "ministre", "membre"}
)

# Particles of a surname kept in lower case: Dominique de VILLEPIN.
_PARTICULES = frozenset({"de", "d'", "du", "des", "de la", "le", "la"})


def accorder_mot(mot: str, feminin: bool) -> str:
    """The feminine form of one word of a title, keeping its capitals.

    >>> accorder_mot("chef", True), accorder_mot("Secrétaire", True)
    ('cheffe', 'Secrétaire')
    >>> accorder_mot("Général", True), accorder_mot("Vice-Président", True)
    ('Générale', 'Vice-Présidente')
    >>> accorder_mot("directeur", False)
    'directeur'
    """
    if not feminin:
        return mot
    forme = FEMININS.get(mot.lower())
    if forme is None:
        return mot
    if mot[:1].isupper():
        # Keep the capital of every hyphenated part: Vice-Président.
        parties = forme.split("-")
        modele = mot.split("-")
        return "-".join(
            p[:1].upper() + p[1:] if m[:1].isupper() else p
            for p, m in zip(parties, modele, strict=False)
        )
    return forme


def accorder_fonction(fonction: str, civilite: Civilite) -> str:
    """The function in the gender of the person holding it.

    Only the head is changed: the words before the first preposition, comma
    or article.

    >>> accorder_fonction("chef du bureau de la nationalité", "Mme")
    'cheffe du bureau de la nationalité'
    >>> accorder_fonction("directeur départemental des territoires", "Mme")
    'directrice départementale des territoires'
    >>> accorder_fonction("adjoint à la cheffe du bureau des élections", "Mme")
    'adjointe à la cheffe du bureau des élections'
    >>> accorder_fonction("Secrétaire Général", "Mme")
    'Secrétaire Générale'
    >>> accorder_fonction("cheffe du bureau", "Mme")
    'cheffe du bureau'
    >>> accorder_fonction("chef du bureau", "M.")
    'chef du bureau'
    """
    if civilite != "Mme":
        return fonction
    mots = fonction.split(" ")
    for i, mot in enumerate(mots):
        nu = mot.rstrip(",")
        cle = nu.lower()
        if cle not in FEMININS and cle not in _INVARIABLES:
            break
        mots[i] = accorder_mot(nu, True) + mot[len(nu) :]
        if mot.endswith(","):
            break
    return " ".join(mots)


def nom_affiche(nom: str, majuscules: bool = True) -> str:
    """A surname as the house style writes it: capitals, particles kept
    in lower case.

    >>> nom_affiche("Sanz"), nom_affiche("de Villepin"), nom_affiche("Champomier")
    ('SANZ', 'de VILLEPIN', 'CHAMPOMIER')
    >>> nom_affiche("d'Estaing"), nom_affiche("Sanz", majuscules=False)
    ("d'ESTAING", 'Sanz')
    """
    if not majuscules:
        return nom
    particule = re.match(r"^((?:de la|de|du|des|d'|d’|le|la)\s*)", nom)
    if particule and particule.group(1).strip() in _PARTICULES | {"d’"}:
        debut = particule.group(1)
        reste = nom[len(debut) :]
        if reste:
            return debut + reste.upper()
    return nom.upper()


def personne(
    civilite: str | None,
    prenom: str | None,
    nom: str,
    majuscules: bool = True,
) -> str:
    """A person as written in minutes: ``M. Alexandre SANZ``.

    >>> personne("M.", "Alexandre", "Sanz")
    'M. Alexandre SANZ'
    >>> personne(None, "Malorie", "Chanard")
    'Malorie CHANARD'
    >>> personne("Mme", None, "Chanard")
    'Mme CHANARD'
    >>> personne("M.", "Dominique", "de Villepin")
    'M. Dominique de VILLEPIN'
    """
    parties = [civilite, prenom, nom_affiche(nom, majuscules)]
    return " ".join(p for p in parties if p)


def fonction_avec_article(civilite: Civilite, fonction: str, avec_civilite: bool = True) -> str:
    """A function named with its holder's civilité and article, as in a
    distribution list: ``M. le directeur…``, ``Mme la cheffe…``,
    ``M. l'adjoint…``.

    >>> fonction_avec_article("M.", "directeur de la citoyenneté")
    'M. le directeur de la citoyenneté'
    >>> fonction_avec_article("Mme", "chef du bureau de la nationalité")
    'Mme la cheffe du bureau de la nationalité'
    >>> fonction_avec_article("M.", "adjoint à la cheffe du bureau")
    "M. l'adjoint à la cheffe du bureau"
    >>> fonction_avec_article("Mme", "adjoint à la cheffe du bureau", avec_civilite=False)
    "l'adjointe à la cheffe du bureau"
    """
    accordee = accorder_fonction(fonction, civilite)
    groupe = article_defini(accordee, "feminin" if civilite == "Mme" else "masculin")
    return f"{civilite} {groupe}" if avec_civilite else groupe


def ligne_destinataire(
    civilite: Civilite,
    prenom: str | None,
    nom: str | None,
    fonction: str | None = None,
    maitre: bool = False,
) -> str:
    """The first line of an address block (NF Z10-011): the civilité in
    full, ``Maître`` for lawyers and notaries, or the function.

    >>> ligne_destinataire("Mme", "Marie", "Dupont")
    'Madame Marie DUPONT'
    >>> ligne_destinataire("M.", "Paul", "Girard", maitre=True)
    'Maître Paul GIRARD'
    >>> ligne_destinataire("Mme", None, None, "directeur départemental des territoires")
    'Madame la directrice départementale des territoires'
    """
    appel = "Maître" if maitre else titre_d_appel(civilite)
    if nom:
        return personne(appel, prenom, nom)
    return f"{appel} {fonction_avec_article(civilite, fonction or '', avec_civilite=False)}"


def titre_d_appel(civilite: Civilite) -> str:
    """``Monsieur`` or ``Madame``.

    >>> titre_d_appel("Mme")
    'Madame'
    """
    return "Madame" if civilite == "Mme" else "Monsieur"


def accorder_au_genre(fonction: str, genre: Genre) -> str:
    """The function in the gender of the person holding it, the gender
    given apart from the civilité (a rank, ``Me``, ``Dr``, no civilité).

    >>> accorder_au_genre("chef du bureau de la nationalité", "feminin")
    'cheffe du bureau de la nationalité'
    >>> accorder_au_genre("directeur", "masculin")
    'directeur'
    """
    return accorder_fonction(fonction, "Mme" if genre == "feminin" else "M.")
