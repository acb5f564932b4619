"""Convocations sent by e-mail: one standard message per invitee (RFC 5322
and MIME, built with the standard library's ``email`` package), with the
PDF convocation, the reply form when given, and a calendar invitation
(RFC 5545, built with ``icalendar``).

One message per recipient, never a list of all members. The files open
in Thunderbird and Outlook as drafts ready to send (``X-Unsent: 1``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from email.errors import MessageDefect
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Final
from zoneinfo import ZoneInfo

from courriers.convocations import date_limite_reponse, exemplaires, formules_de
from courriers.donnees.convocation import Convocation
from courriers.donnees.membre import Membre
from courriers.ecriture import ecrire_atomiquement
from courriers.francais import departements, elision
from courriers.francais.dates import date_longue
from courriers.francais.personnes import personne
from courriers.messages import erreur
from courriers.moteur import filtres

PARIS: Final = ZoneInfo("Europe/Paris")
DUREE_PAR_DEFAUT: Final = dt.timedelta(hours=2)
_PRODID: Final = "-//courriers//convocations//FR"


@dataclass(frozen=True)
class Courriel:
    """One message of the batch: the file name, the invitee, the message."""

    nom_fichier: str
    destinataire: str
    message: EmailMessage


def expediteur(convocation: Convocation) -> str:
    """The sender's functional address: ``convocation.courriel.expediteur``,
    else the agent's, else the footer's."""
    emetteur = convocation.emetteur
    adresse = (
        convocation.convocation.courriel.expediteur
        or (emetteur.agent.courriel if emetteur.agent else None)
        or (emetteur.pied_de_page.courriel if emetteur.pied_de_page else None)
    )
    if not adresse:
        raise erreur("donnees.expediteur_absent")
    return adresse


def identifiant(convocation: Convocation) -> str:
    """The UID of the meeting: given, or derived from the emitter, the body
    and the date of the convocations (stable from one run to the next)."""
    calendrier = convocation.convocation.calendrier
    if calendrier.identifiant:
        return calendrier.identifiant
    graine = "/".join(
        (
            convocation.emetteur.departement or "",
            convocation.reunion.instance.nom,
            convocation.convocation.date.isoformat(),
        )
    )
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, 'courriers:' + graine)}@courriers"


def horaires(convocation: Convocation) -> tuple[dt.datetime, dt.datetime] | tuple[dt.date, dt.date]:
    """Start and end of the meeting, in Europe/Paris (two hours when the
    end is not given); whole days when no start time is given."""
    reunion = convocation.reunion
    if reunion.heure_debut is None:
        return reunion.date, (reunion.date_fin or reunion.date) + dt.timedelta(days=1)
    debut = dt.datetime.combine(reunion.date, reunion.heure_debut, tzinfo=PARIS)
    if reunion.heure_fin is None:
        return debut, debut + DUREE_PAR_DEFAUT
    return debut, dt.datetime.combine(reunion.date, reunion.heure_fin, tzinfo=PARIS)


def invitation(convocation: Convocation, convoque: Membre) -> bytes:
    """The calendar invitation of one invitee: METHOD:REQUEST (or CANCEL),
    the same UID for the whole life of the meeting, SEQUENCE, times in
    Europe/Paris with its VTIMEZONE, ORGANIZER and ATTENDEE."""
    from icalendar import Calendar, Event, vCalAddress, vText

    parametres = convocation.convocation.calendrier
    reunion = convocation.reunion
    calendrier = Calendar()
    calendrier.add("prodid", _PRODID)
    calendrier.add("version", "2.0")
    calendrier.add("method", "CANCEL" if parametres.annulation else "REQUEST")
    evenement = Event()
    evenement.add("uid", identifiant(convocation))
    evenement.add("sequence", parametres.sequence)
    evenement.add("dtstamp", dt.datetime.now(dt.timezone.utc))
    debut, fin = horaires(convocation)
    evenement.add("dtstart", debut)
    evenement.add("dtend", fin)
    evenement.add("summary", _sujet(convocation))
    if reunion.lieu:
        evenement.add("location", reunion.lieu.removeprefix("à ").removeprefix("au "))
    if reunion.lien_visio:
        evenement.add("url", reunion.lien_visio)
        evenement.add("description", f"Visioconférence : {reunion.lien_visio}")
    evenement.add("status", "CANCELLED" if parametres.annulation else "CONFIRMED")
    organisateur = vCalAddress(f"mailto:{expediteur(convocation)}")
    organisateur.params["cn"] = vText(_nom_expediteur(convocation))
    evenement.add("organizer", organisateur)
    participant = vCalAddress(f"mailto:{convoque.courriel}")
    participant.params["cn"] = vText(convoque.ligne_nom())
    participant.params["role"] = vText("REQ-PARTICIPANT")
    participant.params["partstat"] = vText("NEEDS-ACTION")
    participant.params["rsvp"] = vText("TRUE")
    evenement.add("attendee", participant)
    calendrier.add_component(evenement)
    calendrier.add_missing_timezones(first_date=reunion.date - dt.timedelta(days=366))
    return bytes(calendrier.to_ical())


def _sujet(convocation: Convocation) -> str:
    objet = convocation.convocation.objet or filtres.objet_convocation(convocation.reunion)
    objet = objet.rstrip(".")
    return f"Annulation – {objet}" if convocation.convocation.calendrier.annulation else objet


def _nom_expediteur(convocation: Convocation) -> str:
    choisi = convocation.convocation.courriel.nom_expediteur
    if choisi:
        return choisi
    services = convocation.emetteur.services
    return services[0] if services else filtres.auteur(convocation.emetteur)


def corps(convocation: Convocation, convoque: Membre) -> str:
    """The short French body of the message: the formula of address, the
    meeting, the attachments, the reply deadline, the signature block."""
    reunion = convocation.reunion
    appel = formules_de(convoque).appel
    instance = elision.de(filtres.avec_article(reunion.instance))
    quand = f"le {date_longue(reunion.date, True)}"
    if reunion.heure_debut is not None:
        quand += f" à {reunion.heure_debut:%H:%M}".replace(":", "h")
    lieu = f", {reunion.lieu}" if reunion.lieu else ""
    if convocation.convocation.calendrier.annulation:
        lignes = [
            appel,
            "",
            f"La réunion {instance} prévue {quand}{lieu} est annulée.",
        ]
    else:
        lignes = [
            appel,
            "",
            f"Vous êtes convoqué{'e' if convoque.civilite == 'Mme' else ''} à la réunion "
            f"{instance}, qui se tiendra {quand}{lieu}.",
            "",
            "Vous trouverez ci-joint la convocation et son ordre du jour, ainsi qu'une "
            "invitation à ajouter à votre agenda.",
        ]
        if reunion.lien_visio:
            lignes += [
                "",
                f"La réunion pourra être suivie en visioconférence : {reunion.lien_visio}",
            ]
        echeance = date_limite_reponse(convocation)
        if echeance is not None:
            lignes += [
                "",
                "Je vous remercie de bien vouloir faire connaître votre participation, ou celle "
                f"de votre représentant, avant le {date_longue(echeance, True)}, en répondant à "
                "ce message.",
            ]
    return "\n".join([*lignes, "", *_signature(convocation), ""])


def _signature(convocation: Convocation) -> list[str]:
    """The signature block as the services write it: the agent, the
    services, the préfecture, the phone."""
    emetteur = convocation.emetteur
    lignes = ["--"]
    if emetteur.agent and emetteur.agent.nom:
        lignes.append(personne(None, emetteur.agent.prenom, emetteur.agent.nom))
    lignes += emetteur.services
    lignes.append(_administration(convocation))
    if emetteur.agent and emetteur.agent.telephone:
        lignes.append(f"Tél. : {emetteur.agent.telephone}")
    return lignes


def _administration(convocation: Convocation) -> str:
    """``Préfecture de l'Allier`` for a préfet's services, else the
    bloc-marque title on one line."""
    code = convocation.emetteur.departement
    if code and not convocation.emetteur.titre:
        try:
            territoire = departements.departement(code)
        except (KeyError, ValueError):
            territoire = None
        if territoire is not None and territoire.representant.masculin.lower() == "préfet":
            return f"Préfecture {departements.article_de(territoire)}"
    return filtres.auteur(convocation.emetteur)


def messages(
    convocation: Convocation,
    pieces: Mapping[int, list[tuple[str, bytes]]],
) -> tuple[list[Courriel], list[Membre]]:
    """One message per invitee who has an e-mail address, with the files
    ``pieces[numero]`` (name, PDF bytes: the convocation, the reply form)
    and the calendar invitation; and the invitees without an address (or
    with one that is not a valid address)."""
    source = expediteur(convocation)
    nom_source = _nom_expediteur(convocation)
    sujet = _sujet(convocation)
    domaine = source.rpartition("@")[2] or "courriers"
    resultat: list[Courriel] = []
    sans_adresse: list[Membre] = []
    for numero, exemplaire in enumerate(exemplaires(convocation), start=1):
        convoque: Membre = exemplaire.contexte["convoque"]
        if not convoque.courriel:
            sans_adresse.append(convoque)
            continue
        try:
            destinataire = Address(convoque.ligne_nom(), addr_spec=convoque.courriel)
        except (ValueError, MessageDefect):  # not an address a server would take
            sans_adresse.append(convoque)
            continue
        message = EmailMessage()
        message["From"] = Address(nom_source, addr_spec=source)
        message["To"] = destinataire
        message["Subject"] = sujet
        message["Date"] = format_datetime(dt.datetime.now(PARIS))
        message["Message-ID"] = make_msgid("convocation", domain=domaine)
        message["X-Unsent"] = "1"
        message.set_content(corps(convocation, convoque))
        for nom, contenu in pieces.get(numero, []):
            message.add_attachment(contenu, maintype="application", subtype="pdf", filename=nom)
        methode = "CANCEL" if convocation.convocation.calendrier.annulation else "REQUEST"
        message.add_attachment(
            invitation(convocation, convoque).decode("utf-8"),
            subtype="calendar",
            filename="invitation.ics",
            params={"method": methode},
        )
        nom_fichier = exemplaire.nom_fichier.removesuffix(".docx") + ".eml"
        resultat.append(Courriel(nom_fichier, convoque.courriel, message))
    return resultat, sans_adresse


def ecrire_courriels(courriels: list[Courriel], dossier: Path) -> list[Path]:
    """Write each message as a ``.eml`` file in ``dossier`` (atomically:
    an earlier file is replaced only by a complete one)."""
    dossier.mkdir(parents=True, exist_ok=True)
    chemins = []
    for courriel in courriels:
        chemin = dossier / courriel.nom_fichier
        ecrire_atomiquement(chemin, courriel.message.as_bytes())
        chemins.append(chemin)
    return chemins
