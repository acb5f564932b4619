"""The documents of a meeting besides the convocation and the minutes: the
reply form sent with each convocation, and the attendance sheet."""

from __future__ import annotations

from pydantic import Field, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.compte_rendu import OptionsRedaction
from courriers.donnees.convocation import ParametresConvocation
from courriers.donnees.emetteur import Emetteur, Signataire
from courriers.donnees.reunion import Reunion


class CouponReponse(Modele):
    """Reply forms (one per invitee), from the meeting file of the
    convocations."""

    emetteur: Emetteur = Field(description="Administration émettrice.")
    reunion: Reunion = Field(description="La réunion, avec ses convoqués.")
    convocation: ParametresConvocation = Field(
        description="Paramètres des convocations (délai de réponse)."
    )
    signataire: Signataire = Field(description="Signataire des convocations.")
    options: OptionsRedaction = Field(
        default_factory=lambda: OptionsRedaction(), description="Options de rédaction."
    )

    @model_validator(mode="after")
    def _des_convoques(self) -> CouponReponse:
        if not self.reunion.convoques:
            raise ValueError("aucun convoqué : la liste « reunion.convoques » est vide")
        return self


class ParametresEmargement(Modele):
    """What belongs to the attendance sheet only."""

    lignes_vierges: int = Field(
        6, ge=0, le=60, description="Lignes vierges pour les personnes non prévues."
    )
    invites: bool = Field(
        True, description="Liste aussi les convoqués qui ne sont pas membres (invités)."
    )


class FeuilleEmargement(Modele):
    """The attendance sheet of a meeting (feuille d'émargement)."""

    emetteur: Emetteur = Field(description="Administration émettrice.")
    reunion: Reunion = Field(description="La réunion, avec ses convoqués.")
    emargement: ParametresEmargement = Field(
        default_factory=lambda: ParametresEmargement(),
        description="Paramètres de la feuille d'émargement.",
    )
    options: OptionsRedaction = Field(
        default_factory=lambda: OptionsRedaction(), description="Options de rédaction."
    )

    @model_validator(mode="after")
    def _des_convoques(self) -> FeuilleEmargement:
        if not self.reunion.convoques:
            raise ValueError("aucun convoqué : la liste « reunion.convoques » est vide")
        return self


class LigneEmargement(Modele):
    """A line of the attendance sheet (computed from the members)."""

    nom: str = Field(description="La personne : « Mme Claire DUMAS ».")
    organisme: str = Field(description="Organisme représenté, ou à défaut la fonction.")
    mention: str = Field(
        description="Siège et présence : « Suppléante de M. Paul ROUX », « Pouvoir à Mme "
        "Léa MARTIN », « Détient le pouvoir de … », « À distance », « Excusé »."
    )


class CollegeEmargement(Modele):
    """The members of one collège on the attendance sheet."""

    titre: str | None = Field(None, description="Le collège ; absent : membres sans collège.")
    lignes: list[LigneEmargement] = Field(description="Une ligne par personne.")
