"""Invitations to a meeting (convocations), one per invitee."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.compte_rendu import OptionsRedaction
from courriers.donnees.courriel import ParametresCalendrier, ParametresCourriel
from courriers.donnees.emetteur import Emetteur, Signataire
from courriers.donnees.reunion import Reunion


class DelaiReponse(Modele):
    """When invitees must answer: a date, or N working days before the
    meeting (weekends and public holidays of the emitter's département
    skipped)."""

    date: dt.date | None = Field(None, description="Date limite de réponse, AAAA-MM-JJ.")
    jours_ouvres: int | None = Field(
        None,
        ge=1,
        description="Ou : nombre de jours ouvrés avant la réunion (jours fériés du "
        "département de l'émetteur, Alsace-Moselle et outre-mer compris).",
    )

    @model_validator(mode="after")
    def _un_seul(self) -> DelaiReponse:
        if (self.date is None) == (self.jours_ouvres is None):
            raise ValueError("indiquer soit « date », soit « jours_ouvres »")
        return self


class ParametresConvocation(Modele):
    """What belongs to the invitations, not to the meeting."""

    date: dt.date = Field(description="Date des convocations, AAAA-MM-JJ.")
    objet: str | None = Field(
        None, description="Objet ; par défaut « Convocation à <l'instance> du <date>. »."
    )
    texte: str = Field("", description="Paragraphes ajoutés après l'ordre du jour, en Markdown.")
    pieces_jointes: list[str] = Field(
        default_factory=list, description="Intitulés des pièces jointes (« PJ : 2. »)."
    )
    reponse: DelaiReponse | None = Field(
        None, description="Délai de réponse demandé aux convoqués."
    )
    courriel: ParametresCourriel = Field(
        default_factory=lambda: ParametresCourriel(),
        description="Envoi par courriel (convocation --courriels) : adresse d'envoi.",
    )
    calendrier: ParametresCalendrier = Field(
        default_factory=lambda: ParametresCalendrier(),
        description="Invitation d'agenda jointe aux courriels : identifiant, version, annulation.",
    )


class Convocation(Modele):
    """Invitations to a meeting: the meeting file shared with the minutes,
    with the invitees in ``reunion.convoques`` and this block."""

    emetteur: Emetteur = Field(description="Administration émettrice.")
    reunion: Reunion = Field(description="La réunion, avec ses convoqués.")
    convocation: ParametresConvocation = Field(description="Paramètres des convocations.")
    signataire: Signataire = Field(description="Signataire.")
    options: OptionsRedaction = Field(
        default_factory=lambda: OptionsRedaction(), description="Options de rédaction."
    )

    @model_validator(mode="after")
    def _des_convoques(self) -> Convocation:
        if not self.reunion.convoques:
            raise ValueError("aucun convoqué : la liste « reunion.convoques » est vide")
        return self
