"""The filters of the minutes: opening sentence or block, lists of
attendees (in the order and with the headings the options set, as lists or
tables), quorum, avis, actions, next meeting, title.

Thin adapters from the data models to the rules of
:mod:`courriers.francais` and :mod:`courriers.moteur.designations`; the
tables are written in Markdown and rendered by the ``markdown`` filter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from courriers.donnees.compte_rendu import Action, OptionsRedaction
from courriers.donnees.personne import Personne
from courriers.donnees.reunion import (
    GroupeParticipants,
    Instance,
    ProchaineReunion,
    Reunion,
    Vote,
)
from courriers.francais import accords, dates, deliberations, elision
from courriers.moteur import designations

#: The heading words of each list: (participle, verb).
_PARTICIPES = {
    "presents": ("présent", "être"),
    "excuses": ("excusé", "être"),
    "absents": ("absent", "être"),
    "assistaient": ("également", "assister"),
}

_TITRES = {
    "compte_rendu": ("COMPTE-RENDU", "COMPTE RENDU"),
    "proces_verbal": ("PROCÈS-VERBAL", "PROCÈS-VERBAL"),
    "releve_de_decisions": ("RELEVÉ DE DÉCISIONS", "RELEVÉ DE DÉCISIONS"),
}


def _options(ctx: Context) -> OptionsRedaction:
    options = ctx.get("options")
    return options if isinstance(options, OptionsRedaction) else OptionsRedaction()


# --- opening ------------------------------------------------------------------


def _quand(reunion: Reunion, o: OptionsRedaction, jour_semaine: bool | None = None) -> str:
    """``le 28 février 2022 à 10h30``, ``du 22 au 24 novembre 2022``."""
    if reunion.date_fin is not None:
        texte = dates.periode(reunion.date, reunion.date_fin)
    else:
        avec_jour = o.jour_semaine if jour_semaine is None else jour_semaine
        texte = f"le {dates.date_longue(reunion.date, avec_jour_semaine=avec_jour)}"
    if reunion.heure_debut is not None:
        texte += (
            f" {dates.horaire(reunion.heure_debut, reunion.heure_fin, o.heures, o.midi_minuit)}"
        )
    return texte


def _presidence(president: Personne, o: OptionsRedaction, instance: Instance) -> str:
    """``présidé par M. X, …`` or ``sous la présidence de M. X, …``."""
    qui = designations.designation(president, o)
    if o.presidence == "sous_la_presidence":
        return f"sous la présidence {elision.de(qui)}"
    return f"{accords.accorder('présidé', instance.genre, instance.nombre)} par {qui}"


@pass_context
def quand(ctx: Context, reunion: Reunion, jour_semaine: bool | None = None) -> str:
    """When the meeting is held: ``le lundi 28 février 2022 à 10h30``,
    ``du 22 au 24 novembre 2022`` (the weekday as the options say, or as
    ``jour_semaine`` forces it)."""
    return _quand(reunion, _options(ctx), jour_semaine)


@pass_context
def sous_la_presidence(ctx: Context, president: Personne) -> str:
    """``sous la présidence de M. Alexandre SANZ, Secrétaire Général…``,
    ``sous la présidence du secrétaire général de la préfecture``."""
    return f"sous la présidence {elision.de(designations.designation(president, _options(ctx)))}"


@pass_context
def ouverture(ctx: Context, reunion: Reunion) -> str:
    """The opening sentence: ``Le 28 février 2022 à 10h30, s'est tenu le
    comité local des usagers, présidé par M. Alexandre SANZ, …``."""
    o = _options(ctx)
    instance = reunion.instance
    morceaux = [elision.majuscule_initiale(_quand(reunion, o))]
    if reunion.lieu:
        morceaux.append(reunion.lieu)
    participe = "tenu" if o.verbe_ouverture == "tenu" else "réuni"
    auxiliaire = "se sont" if instance.nombre == "pluriel" else "s'est"
    verbe = f"{auxiliaire} {accords.accorder(participe, instance.genre, instance.nombre)}"
    morceaux.append(
        f"{verbe} {elision.article_defini(instance.nom, instance.genre, instance.nombre)}"
    )
    if reunion.president is not None:
        morceaux.append(_presidence(reunion.president, o, instance))
    return ", ".join(morceaux) + "."


@dataclass(frozen=True)
class Ligne:
    """A labelled line (``Date : …``)."""

    libelle: str
    valeur: str


_PREPOSITIONS_LIEU = (
    ("à l'", "l'"),
    ("à la ", "la "),
    ("au ", "le "),
    ("aux ", "les "),
    ("à ", ""),
)


def _lieu_sans_preposition(lieu: str) -> str:
    """``à la préfecture, salle 1`` → ``La préfecture, salle 1``."""
    for avant, apres in _PREPOSITIONS_LIEU:
        if lieu.startswith(avant):
            return elision.majuscule_initiale(apres + lieu[len(avant) :])
    return elision.majuscule_initiale(lieu)


@pass_context
def bloc_ouverture(ctx: Context, reunion: Reunion) -> list[Ligne]:
    """The ``Date :``, ``Lieu :``, ``Présidence :`` lines that replace the
    opening sentence (``options.ouverture`` = ``bloc``)."""
    o = _options(ctx)
    if reunion.date_fin is not None:
        quand = dates.periode(reunion.date, reunion.date_fin)
    else:
        quand = dates.date_longue(reunion.date, avec_jour_semaine=o.jour_semaine)
    if reunion.heure_debut is not None:
        quand += (
            f", {dates.horaire(reunion.heure_debut, reunion.heure_fin, o.heures, o.midi_minuit)}"
        )
    lignes = [Ligne("Date", elision.majuscule_initiale(quand))]
    if reunion.lieu:
        lignes.append(Ligne("Lieu", _lieu_sans_preposition(reunion.lieu)))
    if reunion.president is not None:
        lignes.append(Ligne("Présidence", designations.designation(reunion.president, o)))
    return lignes


@pass_context
def titre_document(ctx: Context, reunion: Reunion) -> str:
    """``COMPTE-RENDU`` (the seed), ``PROCÈS-VERBAL``, ``RELEVÉ DE
    DÉCISIONS`` after the document's ``nature``, or ``COMPTE RENDU DE LA
    RÉUNION DU COMITÉ LOCAL DES USAGERS`` with
    ``options.titre_avec_instance``; the document's ``titre`` when given."""
    titre = ctx.get("titre")
    if isinstance(titre, str) and titre:
        return titre
    nature = ctx.get("nature")
    court, developpe = _TITRES.get(
        nature if isinstance(nature, str) else "", _TITRES["compte_rendu"]
    )
    if not _options(ctx).titre_avec_instance:
        return court
    instance = reunion.instance
    groupe = elision.article_defini(instance.nom, instance.genre, instance.nombre)
    return f"{developpe} DE LA RÉUNION {elision.de(groupe)}".upper()


# --- lists of attendees -------------------------------------------------------


@dataclass(frozen=True)
class ListeParticipants:
    """One list of attendees as the template writes it."""

    cle: str
    intitule: str
    groupes: list[GroupeParticipants] = field(default_factory=list)
    vide: bool = False


@pass_context
def listes(ctx: Context, reunion: Reunion) -> list[ListeParticipants]:
    """The lists of attendees in ``options.ordre_des_listes``, each with its
    heading (imposed, or agreed with the people listed). A list given empty
    in the data is kept (``vide``) unless ``options.listes_vides`` is
    ``omettre``; a list absent from the data is left out."""
    o = _options(ctx)
    resultat = []
    for cle in o.ordre_des_listes:
        groupes: list[GroupeParticipants] = getattr(reunion, cle)
        if not groupes and (cle not in reunion.model_fields_set or o.listes_vides == "omettre"):
            continue
        participe, verbe = _PARTICIPES[cle]
        personnes = [p for g in groupes for p in g.participants]
        genre, nombre = designations.genre_nombre_des(personnes)
        if not personnes:
            genre, nombre = "masculin", "pluriel"
        impose = getattr(o.intitules, cle)
        civ = ["Mme" if genre == "feminin" else "M."] * (2 if nombre == "pluriel" else 1)
        intitule = impose or accords.intitule_liste(participe, civ, verbe)
        resultat.append(ListeParticipants(cle, intitule, groupes, vide=not groupes))
    return resultat


_SPECIAUX_MD = re.compile(r"([\\`*_\[\]|<>#])")


def echapper_markdown(texte: str) -> str:
    r"""Typed text made literal inside generated Markdown.

    >>> echapper_markdown("A | B *c*")
    'A \\| B \\*c\\*'
    """
    return _SPECIAUX_MD.sub(r"\\\1", texte.replace("\n", " "))


def _cellules(p: Personne, o: OptionsRedaction) -> tuple[str, str]:
    if designations.seul_organisme(p):
        noms = [designations.designation(r, o) for r in p.representants]
        return elision.majuscule_initiale(p.organisme or ""), designations.joindre(noms)
    if p.organisme:
        qui = designations.designation(p, o, en_liste=True, avec_organisme=False)
        return elision.majuscule_initiale(p.organisme), qui
    return "", designations.designation(p, o, en_liste=True)


@pass_context
def tableau_participants(ctx: Context, liste: ListeParticipants) -> str:
    """A list of attendees as Markdown: per group (collège) its title in
    bold and a table ``Organisme | Représentant(s)``."""
    o = _options(ctx)
    blocs = []
    for groupe in liste.groupes:
        if groupe.titre:
            vide = " : aucun représentant" if not groupe.participants else ""
            blocs.append(f"**{echapper_markdown(groupe.titre)}**{vide}")
        if groupe.participants:
            lignes = ["| Organisme | Représentant(s) |", "| --- | --- |"]
            for p in groupe.participants:
                gauche, droite = _cellules(p, o)
                lignes.append(f"| {echapper_markdown(gauche)} | {echapper_markdown(droite)} |")
            blocs.append("\n".join(lignes))
    return "\n\n".join(blocs)


# --- quorum, avis, decisions --------------------------------------------------


def _instance_courte(instance: Instance) -> str:
    return elision.article_defini(
        instance.nom_court or instance.nom, instance.genre, instance.nombre
    )


def quorum(reunion: Reunion) -> str:
    """The quorum sentence (empty without ``reunion.quorum``): ``Le quorum
    étant atteint (10 membres présents sur 18), la séance est ouverte.``"""
    q = reunion.quorum
    if q is None:
        return ""
    presents = q.presents
    if presents is None:
        presents = sum(len(g.participants) for g in reunion.presents)
    return deliberations.phrase_quorum(
        q.membres,
        presents,
        q.mandats,
        q.proportion,
        q.seconde_convocation,
        _instance_courte(reunion.instance),
        reunion.instance.genre,
        reunion.instance.nombre,
    )


def _avis_rendu(vote: Vote) -> deliberations.Avis:
    """The avis: stated, or derived from the counts."""
    if vote.pour is None:
        return vote.avis or "favorable"
    return deliberations.avis_du_vote(vote.pour, vote.contre, vote.voix_preponderante or vote.avis)


def avis(vote: Vote, reunion: Reunion) -> str:
    """``La commission émet un avis favorable à l'unanimité sur …``, the
    avis derived from the counts."""
    rendu = _avis_rendu(vote)
    egalite = vote.pour is not None and vote.pour == vote.contre
    presidente = (
        reunion.president is not None and designations.genre(reunion.president) == "feminin"
    )
    libelle = deliberations.libelle_avis(
        rendu, vote.pour, vote.contre, vote.abstentions, egalite, presidente
    )
    instance = reunion.instance
    return deliberations.phrase_avis(
        _instance_courte(instance), libelle, vote.objet, instance.nombre
    )


def intitule_decisions(decisions: list[str]) -> str:
    """``Décision`` or ``Décisions``."""
    return "Décisions" if len(decisions) > 1 else "Décision"


# --- actions, next meeting, numbered lists -------------------------------------


def echeance(action: Action) -> str:
    """``30 juin 2023``, or the deadline as typed (``fin 2023``)."""
    if action.echeance is not None:
        return dates.date_longue(action.echeance)
    return action.echeance_texte or ""


def tableau_actions(actions: Iterable[Action]) -> str:
    """The actions to follow as a Markdown table."""
    lignes = ["| Action | Responsable | Échéance |", "| --- | --- | --- |"]
    for a in actions:
        cellules = (a.action, a.responsable, echeance(a))
        lignes.append("| " + " | ".join(echapper_markdown(c) for c in cellules) + " |")
    return "\n".join(lignes)


@pass_context
def prochaine_reunion(ctx: Context, prochaine: ProchaineReunion) -> str:
    """``le jeudi 15 juin 2023 à 14h30, en sous-préfecture de Nyons``."""
    texte = f"le {dates.date_longue(prochaine.date, avec_jour_semaine=True)}"
    if prochaine.heure is not None:
        texte += f" {dates.horaire(prochaine.heure, None, _options(ctx).heures, _options(ctx).midi_minuit)}"
    return f"{texte}, {prochaine.lieu}" if prochaine.lieu else texte


def liste_numerotee(elements: Iterable[str]) -> str:
    """Items (inline Markdown) as a Markdown numbered list."""
    return "\n".join(f"{i}. {e.strip()}" for i, e in enumerate(elements, 1))


FILTRES_REUNION: dict[str, Callable[..., Any]] = {
    "ouverture": ouverture,
    "quand": quand,
    "sous_la_presidence": sous_la_presidence,
    "bloc_ouverture": bloc_ouverture,
    "titre_document": titre_document,
    "listes": listes,
    "tableau_participants": tableau_participants,
    "quorum": quorum,
    "avis": avis,
    "intitule_decisions": intitule_decisions,
    "echeance": echeance,
    "tableau_actions": tableau_actions,
    "prochaine_reunion": prochaine_reunion,
    "liste_numerotee": liste_numerotee,
}
"""The minutes filters, by name (merged into ``filtres.FILTRES``)."""
