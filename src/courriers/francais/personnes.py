"""People: civilités, names, feminised titles, function phrases.

Titles are feminised since the circulaire du 21 novembre 2017 (la préfète,
la directrice, la cheffe…). A function is written once, in either gender;
:func:`accorder_au_genre` gives the form that fits the person: the head
noun and the adjectives that agree with it change (``première adjointe``,
``conseillère municipale déléguée``, ``haute fonctionnaire``), the
complements keep their own gender (``adjointe au directeur``, ``cheffe du
bureau des étrangers``), and a function typed in the feminine for a man
becomes masculine. The words and their families are data, in
:mod:`courriers.francais.lexique`; the rules and sources are in
``docs/regles-francais.md``.
"""

from __future__ import annotations

import re
from typing import Literal

from courriers.francais import lexique
from courriers.francais.elision import APOSTROPHE, Genre, article_defini

Civilite = Literal["M.", "Mme"]

#: Masculine → feminine forms of the words of a function (from the lexicon).
FEMININS = lexique.FEMININS

# Particles of a surname kept in lower case: Dominique de VILLEPIN.
_PARTICULES = frozenset({"de", "d'", "du", "des", "de la", "le", "la"})

# Words that open a complement, and the articles that tell its gender and number.
_PREPOSITIONS = frozenset(
    {
        "de",
        "à",
        "en",
        "auprès",
        "pour",
        "chez",
        "sur",
        "dans",
        "par",
        "avec",
        "contre",
        "entre",
        "sans",
        "sous",
        "près",
        "vers",
    }
)
_ARTICLES: dict[str, tuple[str, str]] = {
    "le": ("m", "s"),
    "du": ("m", "s"),
    "au": ("m", "s"),
    "la": ("f", "s"),
    "les": ("?", "p"),
    "des": ("?", "p"),
    "aux": ("?", "p"),
}
_PONCTUATION = ",;:.)»\"'"


def _casse(forme: str, modele: str) -> str:
    """``forme`` with the capitals of ``modele``, part by part."""
    parties, modeles = forme.split("-"), modele.split("-")
    if len(parties) != len(modeles):
        modeles = [modele] * len(parties)
    sortie = []
    for partie, m in zip(parties, modeles, strict=True):
        if len(m) > 1 and m.isupper():
            sortie.append(partie.upper())
        elif m[:1].isupper():
            sortie.append(partie[:1].upper() + partie[1:])
        else:
            sortie.append(partie)
    return "-".join(sortie)


def _forme_simple(mot: str, genre: Genre) -> str | None:
    """The form of a one-part word in ``genre``, None when unknown."""
    if genre == "feminin":
        if mot in lexique.FEMININS:
            return lexique.FEMININS[mot]
        if mot in lexique.MASCULINS:
            return mot  # already feminine: the typed variant is kept (auteure)
    else:
        if mot in lexique.MASCULINS:
            return lexique.MASCULINS[mot]
        if mot in lexique.FEMININS:
            return mot
    if mot in lexique.EPICENES or mot in lexique.ADJECTIFS_EPICENES:
        return mot
    return None


def _forme(mot: str, genre: Genre) -> str | None:
    """The form of a word (lower case) in ``genre``; compounds part by part
    (``vice-présidente``, ``lieutenante-colonelle``); None when unknown."""
    simple = _forme_simple(mot, genre)
    if simple is not None or "-" not in mot:
        return simple
    parties = mot.split("-")
    formes = []
    for rang, partie in enumerate(parties):
        if rang < len(parties) - 1 and partie in lexique.PREFIXES_INVARIABLES:
            formes.append(partie)
            continue
        forme = _forme_simple(partie, genre)
        if forme is None:
            return None
        formes.append(forme)
    return "-".join(formes)


def _masculin(mot: str) -> str:
    return _forme(mot, "masculin") or mot


def _est_nom(mot: str) -> bool:
    """Whether a known word can head a function (noun), in either gender."""
    if _masculin(mot) in lexique.NOMS:
        return True
    if "-" in mot and _forme(mot, "masculin") is not None:
        parties = [p for p in mot.split("-") if p not in lexique.PREFIXES_INVARIABLES]
        return any(_masculin(p) in lexique.NOMS for p in parties)
    return False


def _genre_du_mot(mot: str) -> str | None:
    """``m`` or ``f`` for a word of the lexicon whose form tells its gender."""
    if mot in lexique.FEMININS and mot not in lexique.MASCULINS:
        return "m"
    if mot in lexique.MASCULINS and mot not in lexique.FEMININS:
        return "f"
    return None


def _nu(mot: str) -> str:
    """A token without its punctuation, lower case."""
    return mot.strip(_PONCTUATION + "(«").lower()


def _remplacer(mot: str, genre: Genre) -> str:
    """The token ``mot`` agreed in ``genre``, its punctuation and capitals kept."""
    coeur = mot.strip(_PONCTUATION + "(«")
    if not coeur:
        return mot
    forme = _forme(coeur.lower(), genre)
    if forme is None:
        return mot
    debut = mot.index(coeur)
    return mot[:debut] + _casse(forme, coeur) + mot[debut + len(coeur) :]


def accorder_mot(mot: str, feminin: bool) -> str:
    """One word of a title in the feminine (or the masculine), keeping its
    capitals; a word outside the lexicon is returned as is.

    >>> accorder_mot("chef", True), accorder_mot("Secrétaire", True)
    ('cheffe', 'Secrétaire')
    >>> accorder_mot("Général", True), accorder_mot("Vice-Président", True)
    ('Générale', 'Vice-Présidente')
    >>> accorder_mot("directrice", False), accorder_mot("bureau", True)
    ('directeur', 'bureau')
    """
    return _remplacer(mot, "feminin" if feminin else "masculin")


def _tete(mots: list[str], debut: int) -> int:
    """The end (exclusive) of the head of a function starting at ``debut``:
    adjectives placed before the noun, the noun, the adjectives and nouns
    in apposition that follow it. ``debut`` when no head starts there."""
    fin, nom_vu = debut, False
    while fin < len(mots):
        nu = _nu(mots[fin])
        if _forme(nu, "masculin") is None:
            break
        if _est_nom(nu):
            nom_vu = True
        elif not nom_vu and _masculin(nu) not in lexique.ANTEPOSES:
            break
        fin += 1
        if mots[fin - 1].endswith((",", ";")):
            break
    return fin if nom_vu else debut


def _se_rapporte_a_la_tete(adjectif: str, complement: tuple[str, str] | None, suivant: str) -> bool:
    """Whether an adjective of function (adjoint, délégué, suppléant,
    principal) found after a complement qualifies the person.

    Yes when it has its own complement (``déléguée à la culture``), when
    the complement has no article (``de cabinet``), or when it cannot agree
    with the complement (``des territoires adjointe``: plural;
    ``de la communication adjoint``: feminine). Otherwise it goes with the
    nearest noun (``auprès de la directrice adjointe``)."""
    if suivant in ("à", "au", "aux"):
        return True
    if complement is None:
        return True
    genre_complement, nombre = complement
    if genre_complement == "nu" or nombre == "p":
        return True
    genre_adjectif = "m" if adjectif in lexique.FEMININS else "f"
    return genre_complement not in ("?", genre_adjectif)


def accorder_au_genre(fonction: str, genre: Genre) -> str:
    """The function ``fonction`` agreed with a person of gender ``genre``.

    The head (adjectives before it, the noun, the adjectives after it) is
    put in ``genre``; complements keep their gender. A new head may follow
    a comma or ``et`` (``…, référente points numériques``).

    >>> accorder_au_genre("premier adjoint au maire", "feminin")
    'première adjointe au maire'
    >>> accorder_au_genre("conseiller municipal délégué", "feminin")
    'conseillère municipale déléguée'
    >>> accorder_au_genre("directeur de cabinet adjoint", "feminin")
    'directrice de cabinet adjointe'
    >>> accorder_au_genre("secrétaire administratif de classe normale", "feminin")
    'secrétaire administrative de classe normale'
    >>> accorder_au_genre("adjoint à la cheffe du bureau des élections", "feminin")
    'adjointe à la cheffe du bureau des élections'
    >>> accorder_au_genre("haut fonctionnaire", "feminin"), accorder_au_genre("ambassadeur", "feminin")
    ('haute fonctionnaire', 'ambassadrice')
    >>> accorder_au_genre("directrice départementale des territoires adjointe", "masculin")
    'directeur départemental des territoires adjoint'
    >>> accorder_au_genre("secrétaire administrative de classe normale", "masculin")
    'secrétaire administratif de classe normale'
    >>> accorder_au_genre("inspecteur de l'action sanitaire et sociale principal", "feminin")
    "inspectrice de l'action sanitaire et sociale principale"
    """
    mots = fonction.split(" ")
    sortie = list(mots)
    complement: tuple[str, str] | None = None
    en_attente = False  # a preposition waits for its article
    nouvelle_tete = True
    i = 0
    while i < len(mots):
        if nouvelle_tete:
            nouvelle_tete = False
            fin = _tete(mots, i)
            if fin > i:
                for k in range(i, fin):
                    sortie[k] = _remplacer(mots[k], genre)
                complement, en_attente = None, False
                nouvelle_tete = mots[fin - 1].endswith((",", ";"))
                i = fin
                continue
        nu = _nu(mots[i])
        suivant = _nu(mots[i + 1]) if i + 1 < len(mots) else ""
        if nu in _ARTICLES:
            complement, en_attente = _ARTICLES[nu], False
        elif nu.startswith(("l'", "l’")):
            complement, en_attente = ("?", "s"), False
        elif nu in _PREPOSITIONS or nu.startswith(("d'", "d’")):
            complement, en_attente = ("nu", "s"), nu in _PREPOSITIONS
        elif en_attente:
            complement, en_attente = None, False  # de + bare noun: « de cabinet »
        elif _masculin(nu) in lexique.ADJECTIFS_DE_FONCTION:
            if _se_rapporte_a_la_tete(nu, complement, suivant):
                sortie[i] = _remplacer(mots[i], genre)
        elif complement is not None and complement[0] != "nu":
            # « de l'action sanitaire et sociale » : the adjective tells the gender
            complement = (_genre_du_mot(nu) or complement[0], complement[1])
        if mots[i].endswith((",", ";")) or nu in ("et", "ou"):
            nouvelle_tete = True
        i += 1
    return " ".join(sortie)


def accorder_fonction(fonction: str, civilite: Civilite) -> str:
    """The function in the gender of the person holding it (see
    :func:`accorder_au_genre`).

    >>> accorder_fonction("chef du bureau de la nationalité", "Mme")
    'cheffe du bureau de la nationalité'
    >>> accorder_fonction("directeur départemental des territoires", "Mme")
    'directrice départementale des territoires'
    >>> accorder_fonction("Secrétaire Général", "Mme")
    'Secrétaire Générale'
    >>> accorder_fonction("cheffe du bureau", "Mme"), accorder_fonction("directrice", "M.")
    ('cheffe du bureau', 'directeur')
    """
    return accorder_au_genre(fonction, "feminin" if civilite == "Mme" else "masculin")


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


def fonction_avec_article(
    civilite: Civilite, fonction: str, avec_civilite: bool = True, apostrophe: str = APOSTROPHE
) -> str:
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
    >>> fonction_avec_article("Mme", "premier adjoint au maire")
    'Mme la première adjointe au maire'
    >>> fonction_avec_article("M.", "directrice", apostrophe="’")
    'M. le directeur'
    """
    accordee = accorder_fonction(fonction, civilite)
    genre: Genre = "feminin" if civilite == "Mme" else "masculin"
    groupe = article_defini(accordee, genre, apostrophe=apostrophe)
    return f"{civilite} {groupe}" if avec_civilite else groupe


def ligne_destinataire(
    civilite: Civilite,
    prenom: str | None,
    nom: str | None,
    fonction: str | None = None,
    maitre: bool = False,
    apostrophe: str = APOSTROPHE,
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
    groupe = fonction_avec_article(civilite, fonction or "", False, apostrophe)
    return f"{appel} {groupe}"


def titre_d_appel(civilite: Civilite) -> str:
    """``Monsieur`` or ``Madame``.

    >>> titre_d_appel("Mme")
    'Madame'
    """
    return "Madame" if civilite == "Mme" else "Monsieur"
