"""What the convocations sent by e-mail need beyond the letter: the
sender's address and the identity of the meeting in the calendars."""

from __future__ import annotations

from pydantic import Field

from courriers.donnees.base import Modele


class ParametresCourriel(Modele):
    """The messages of ``convocation --courriels``."""

    expediteur: str | None = Field(
        None,
        description="Adresse fonctionnelle d'envoi (« pref-environnement@allier.gouv.fr ») ; "
        "par défaut le courriel de l'agent, sinon celui du pied de page.",
    )
    nom_expediteur: str | None = Field(
        None,
        description="Nom affiché de l'expéditeur ; par défaut le premier service de l'émetteur.",
    )


class ParametresCalendrier(Modele):
    """The identity of the meeting in the invitees' calendars (RFC 5545)."""

    identifiant: str | None = Field(
        None,
        description="Identifiant (UID) de la réunion dans les agendas ; par défaut dérivé de "
        "l'émetteur, de l'instance et de la date des convocations. À garder quand la réunion "
        "change de date.",
    )
    sequence: int = Field(
        0, ge=0, description="Numéro de version de l'invitation : +1 à chaque modification."
    )
    annulation: bool = Field(
        False, description="La réunion est annulée : l'invitation envoyée est une annulation."
    )
