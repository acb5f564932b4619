"""Attendance of a meeting: the recorded status of each member, the rules
of proxies, the quorum and the lists of the minutes.

The rules are those of the consultative administrative commissions
(décret n° 2006-672 du 8 juin 2006, codified in 2015 in the CRPA,
articles R133-3 and following), unless the body's own text says otherwise
(:class:`~courriers.donnees.membre.RegleQuorum`):

- a member who is not replaced by a suppléant may give a mandate to another
  member; unless otherwise provided, nobody holds more than one (art. 10);
- the quorum is reached when at least half of the members composing the
  body are present, remote participants included, or have given a mandate
  (art. 11): :func:`quorum_de` counts them, the minutes' own rule
  (:mod:`courriers.francais.deliberations`) writes the sentence.

Everything here is pure: members in, statuses, conflicts and sentences out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from courriers.donnees.membre import Membre, Presence, RegleQuorum
from courriers.donnees.personne import Personne
from courriers.donnees.reunion import GroupeParticipants, Quorum, Reunion
from courriers.francais import elision
from courriers.francais.personnes import personne
from courriers.messages import erreur
from courriers.tableur import normaliser

PRESENTS: frozenset[Presence] = frozenset({"present", "distance"})
"""Statuses of a member taking part (remote participants count as present)."""


def statut(membre: Membre) -> Presence | None:
    """The recorded status: the attendance on the day when the sheet was
    signed or not, else the answer.

    >>> m = Membre(civilite="Mme", nom="Dumas", adresse=["03000 MOULINS"], presence="present")
    >>> statut(m), statut(m.model_copy(update={"emarge": False}))
    ('present', 'absent')
    >>> statut(m.model_copy(update={"presence": "excuse", "emarge": True}))
    'present'
    """
    if membre.emarge is True:
        return "present"
    if membre.emarge is False and membre.presence in (None, "present"):
        return "absent"
    return membre.presence


def designation(membre: Membre, majuscules: bool = True) -> str:
    """``Mme Claire DUMAS``, or ``Mme la directrice …`` for a member named
    by function only.

    >>> designation(Membre(civilite="Mme", prenom="Claire", nom="Dumas", adresse=["03000 MOULINS"]))
    'Mme Claire DUMAS'
    """
    if membre.nom:
        return personne(membre.civilite, membre.prenom, membre.nom, majuscules)
    fonction = elision.article_defini(membre.fonction or "", _genre(membre))
    return f"{membre.civilite} {fonction}"


def _genre(membre: Membre) -> elision.Genre:
    return "feminin" if membre.civilite == "Mme" else "masculin"


def _cles(membre: Membre) -> set[str]:
    """The names a member may be designated by in a proxy or a reply."""
    cles = set()
    if membre.nom:
        cles.add(normaliser(membre.nom))
        if membre.prenom:
            cles.add(normaliser(f"{membre.prenom} {membre.nom}"))
            cles.add(normaliser(f"{membre.nom} {membre.prenom}"))
    elif membre.fonction:
        cles.add(normaliser(membre.fonction))
    return {c for c in cles if c}


def retrouver(nom: str, membres: Sequence[Membre]) -> list[Membre]:
    """The members ``nom`` designates (``Claire Dumas``, ``DUMAS``,
    ``Mme Dumas``): none, one, or several when ambiguous.

    >>> a = Membre(civilite="Mme", prenom="Claire", nom="Dumas", adresse=["03000 MOULINS"])
    >>> b = Membre(civilite="M.", prenom="Paul", nom="Dumas", adresse=["03000 MOULINS"])
    >>> len(retrouver("Dumas", [a, b])), retrouver("Mme Claire DUMAS", [a, b]) == [a]
    (2, True)
    """
    cle = normaliser(nom)
    for civilite in ("mme ", "m. ", "monsieur ", "madame "):
        cle = cle.removeprefix(civilite)
    return [m for m in membres if cle in _cles(m)]


# --- Proxies and suppléants --------------------------------------------------


@dataclass(frozen=True)
class Presences:
    """The attendance of a meeting, once checked."""

    membres: list[Membre]
    mandataires: dict[int, Membre]
    """For each member (by index) who gave a mandate, who holds it."""
    suppleants: dict[int, Membre]
    """For each titulaire (by index), the suppléant listed for them."""

    def statut(self, index: int) -> Presence | None:
        return statut(self.membres[index])


def suppleants_listes(membres: Sequence[Membre]) -> dict[int, Membre]:
    """The suppléant listed for each titulaire (by the titulaire's index);
    a suppléant whose titulaire is not found once is left out."""
    return _titulaires_et_suppleants(membres, [])


def _titulaires_et_suppleants(membres: Sequence[Membre], conflits: list[str]) -> dict[int, Membre]:
    suppleants: dict[int, Membre] = {}
    for suppleant in membres:
        if suppleant.siege != "suppleant" or not suppleant.suppleant_de:
            continue
        designes = retrouver(suppleant.suppleant_de, membres)
        trouves = [i for i, m in enumerate(membres) if m in designes and m.siege == "titulaire"]
        if len(trouves) != 1:
            quoi = "aucun titulaire de ce nom" if not trouves else "plusieurs titulaires de ce nom"
            conflits.append(
                f"{designation(suppleant)}, suppléant de « {suppleant.suppleant_de} » : {quoi}"
            )
        else:
            suppleants[trouves[0]] = suppleant
    return suppleants


def verifier(membres: Sequence[Membre], regle: RegleQuorum | None = None) -> Presences:
    """Check the recorded answers against the rules of proxies and
    suppléants; raise :class:`~courriers.erreurs.ErreurDonnees` listing
    every conflict by name."""
    regle = regle or RegleQuorum()
    conflits: list[str] = []
    suppleants = _titulaires_et_suppleants(membres, conflits)
    mandataires: dict[int, Membre] = {}
    recus: dict[int, list[Membre]] = {}
    for index, membre in enumerate(membres):
        if membre.presence != "pouvoir" or not membre.pouvoir_a:
            continue
        probleme, cible = _mandat(index, membre, membres, suppleants)
        if probleme:
            conflits.append(
                f"{designation(membre)} donne pouvoir à « {membre.pouvoir_a} » : {probleme}"
            )
        elif cible is not None:
            mandataires[index] = membres[cible]
            recus.setdefault(cible, []).append(membre)
    for cible, mandants in recus.items():
        if len(mandants) > regle.mandats_par_membre:
            noms = ", ".join(designation(m) for m in mandants)
            permis = regle.mandats_par_membre
            conflits.append(
                f"{designation(membres[cible])} reçoit {len(mandants)} pouvoirs ({noms}) : "
                + (f"{permis} au plus" if permis else "aucun mandat n'est permis")
                + " (nul ne peut détenir plus d'un mandat, sauf dispositions contraires)"
            )
    if conflits:
        raise erreur(
            "donnees.conflits_presences",
            nombre=f"{len(conflits)} conflit{'s' if len(conflits) > 1 else ''}",
            detail="\n".join(f"  - {c}" for c in conflits),
        )
    return Presences(list(membres), mandataires, suppleants)


def _mandat(
    index: int, membre: Membre, membres: Sequence[Membre], suppleants: dict[int, Membre]
) -> tuple[str, int | None]:
    """What is wrong with the mandate given by ``membre`` (``""`` if
    nothing), and the index of the member who holds it."""
    if not membre.membre:
        return "un invité qui n'est pas membre ne peut donner pouvoir", None
    if membre.emarge is True:
        return "a émargé : présent, il ne peut être représenté", None
    suppleant = suppleants.get(index)
    if suppleant is not None and statut(suppleant) in PRESENTS:
        return (
            f"son suppléant {designation(suppleant)} est présent (un mandat n'est possible que "
            "si le membre n'est pas suppléé)",
            None,
        )
    assert membre.pouvoir_a is not None
    trouves = [i for i, m in enumerate(membres) if m in retrouver(membre.pouvoir_a, membres)]
    if not trouves:
        return "n'est pas parmi les membres convoqués (un mandat se donne à un autre membre)", None
    if len(trouves) > 1:
        return "plusieurs membres portent ce nom : préciser le prénom", None
    cible = trouves[0]
    if cible == index:
        return "un membre ne peut se donner pouvoir à lui-même", None
    if not membres[cible].membre:
        return "n'est pas membre de l'instance (invité)", None
    if statut(membres[cible]) not in PRESENTS:
        return f"{designation(membres[cible])} n'est pas présent à la réunion", None
    return "", cible


# --- Quorum ---------------------------------------------------------------------


def quorum_de(presences: Presences, regle: RegleQuorum) -> Quorum:
    """The quorum data of the minutes (:class:`~courriers.donnees.reunion.Quorum`,
    whose sentence the minutes write) counted from a checked attendance:
    the titulaires composing the body (or ``regle.nombre_membres``), those
    present in person or remotely or replaced by a suppléant who attends,
    and those who gave a valid mandate (when the rule counts them).

    >>> claire = Membre(civilite="Mme", nom="Dumas", adresse=["03000 MOULINS"], presence="present")
    >>> paul = claire.model_copy(update={"nom": "Roux", "presence": "excuse"})
    >>> q = quorum_de(verifier([claire, paul]), RegleQuorum())
    >>> (q.membres, q.presents, q.mandats, q.proportion)
    (2, 1, 0, 'moitie')
    """
    titulaires = [i for i, m in enumerate(presences.membres) if m.membre and m.siege == "titulaire"]
    presents = 0
    for i in titulaires:
        etat = presences.statut(i)
        suppleant = presences.suppleants.get(i)
        if etat in PRESENTS or (
            etat == "supplee" and (suppleant is None or statut(suppleant) in PRESENTS)
        ):
            presents += 1
    mandats = sum(1 for i in titulaires if i in presences.mandataires)
    return Quorum(
        membres=regle.nombre_membres or max(len(titulaires), 1),
        presents=presents,
        mandats=mandats if regle.mandats_comptes else 0,
        proportion=regle.proportion,
        seconde_convocation=regle.sans_quorum,
    )


# --- The lists of the minutes -----------------------------------------------------


def enregistrees(reunion: Reunion) -> bool:
    """Whether the meeting has recorded attendance (answers or signatures)."""
    return any(m.presence is not None or m.emarge is not None for m in reunion.convoques)


def representation(mandant: Membre, par: Membre, suppleance: bool, majuscules: bool = True) -> str:
    """``Mme X, ayant donné pouvoir à M. Y`` or ``Mme X, représentée par
    M. Z, son suppléant``.

    >>> x = Membre(civilite="Mme", prenom="Claire", nom="Dumas", adresse=["03000 MOULINS"])
    >>> z = Membre(civilite="Mme", prenom="Léa", nom="Roux", adresse=["03000 MOULINS"])
    >>> representation(x, z, False)
    'Mme Claire DUMAS, ayant donné pouvoir à Mme Léa ROUX'
    >>> representation(x, z, True)
    'Mme Claire DUMAS, représentée par Mme Léa ROUX, sa suppléante'
    """
    qui, lui = designation(mandant, majuscules), designation(par, majuscules)
    if not suppleance:
        return f"{qui}, ayant donné pouvoir à {lui}"
    represente = "représentée" if mandant.civilite == "Mme" else "représenté"
    son = "sa suppléante" if par.civilite == "Mme" else "son suppléant"
    return f"{qui}, {represente} par {lui}, {son}"


@dataclass(frozen=True)
class Listes:
    """The lists of the minutes computed from the recorded attendance."""

    presents: list[GroupeParticipants]
    excuses: list[GroupeParticipants]
    absents: list[GroupeParticipants]
    assistaient: list[GroupeParticipants]
    representations: list[str]


def listes(presences: Presences, majuscules: bool = True) -> Listes:
    """Présents, excusés (those who gave a mandate or were replaced
    included), absents by collège, invitees who attended, and the lines
    ``Mme X, ayant donné pouvoir à M. Y``."""
    par_groupe: dict[str, dict[str | None, list[Membre]]] = {
        "presents": {},
        "excuses": {},
        "absents": {},
        "assistaient": {},
    }
    representations: list[str] = []
    for index, membre in enumerate(presences.membres):
        etat = presences.statut(index)
        if not membre.membre:
            liste = "assistaient" if etat in PRESENTS else None
        elif etat in PRESENTS:
            liste = "presents"
        elif etat in ("excuse", "supplee", "pouvoir"):
            liste = "excuses"
        else:
            liste = "absents" if membre.siege == "titulaire" else None
        if liste:
            par_groupe[liste].setdefault(membre.college, []).append(membre)
        suppleant = presences.suppleants.get(index)
        if etat == "supplee" and suppleant is not None and statut(suppleant) in PRESENTS:
            representations.append(representation(membre, suppleant, True, majuscules))
        elif index in presences.mandataires:
            representations.append(
                representation(membre, presences.mandataires[index], False, majuscules)
            )
    groupes = {
        cle: [
            GroupeParticipants(titre=college, participants=[_participant(m) for m in membres])
            for college, membres in colleges.items()
        ]
        for cle, colleges in par_groupe.items()
    }
    return Listes(**groupes, representations=representations)


def _participant(membre: Membre) -> Personne:
    """The member as an attendee of the minutes' lists."""
    return Personne.model_validate(
        {champ: getattr(membre, champ) for champ in Personne.model_fields}
    )
