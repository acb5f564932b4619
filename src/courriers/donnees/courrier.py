"""Letters: replies, acknowledgements of receipt, service-to-service letters.

The legal mentions of the CRPA are fields here, so that the right letter is
the easy one: the handling agent (L111-2) comes from the emitter, the
acknowledgement carries the date of receipt, the service in charge, the
processing delay and, when the procedure has one, the date on which silence
is a decision (L112-3, R112-5).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.compte_rendu import OptionsRedaction
from courriers.donnees.destinataire import Destinataire
from courriers.donnees.emetteur import Emetteur, Signataire
from courriers.donnees.personne import Personne
from courriers.francais.delais import Unite


class Delai(Modele):
    """A delay: a number of calendar days, working days or months."""

    valeur: int = Field(ge=1, description="Nombre de jours ou de mois.")
    unite: Unite = Field(
        description="« jours » (calendaires), « jours_ouvres » (sans week-ends ni jours "
        "fériés du département de l'émetteur) ou « mois »."
    )


class CourrierRecu(Modele):
    """The letter or e-mail a reply answers."""

    date: dt.date = Field(description="Date du courrier ou du courriel reçu, AAAA-MM-JJ.")
    reference: str | None = Field(None, description="Sa référence (« Vos réf. »).")
    nature: Literal["courrier", "courriel"] = Field(
        "courrier", description="« courrier » ou « courriel » : fixe le délai de réponse attendu."
    )


class Controles(Modele):
    """Thresholds of the checks (printed as warnings, errors with --strict)."""

    delai_reponse_courrier: int = Field(
        15, ge=1, description="Jours ouvrés au plus entre un courrier reçu et la réponse."
    )
    delai_reponse_courriel: int = Field(
        5, ge=1, description="Jours ouvrés au plus entre un courriel reçu et la réponse."
    )


class Lettre(Modele):
    """What every letter has."""

    emetteur: Emetteur = Field(description="Administration émettrice.")
    date: dt.date = Field(description="Date du courrier, AAAA-MM-JJ.")
    reference: str | None = Field(None, description="Notre référence (« Nos réf. »).")
    objet: str = Field(description="Objet du courrier.")
    corps: str = Field("", description="Corps du courrier, en Markdown.")
    pieces_jointes: list[str] = Field(
        default_factory=list,
        description="Intitulés des pièces jointes (« PJ : 2. ») ; le corps doit les mentionner.",
    )
    signataire: Signataire = Field(description="Signataire.")
    options: OptionsRedaction = Field(
        default_factory=lambda: OptionsRedaction(), description="Options de rédaction."
    )
    controles: Controles = Field(
        default_factory=lambda: Controles(), description="Seuils des contrôles."
    )


class Reponse(Lettre):
    """A reply to a member of the public or an organisation."""

    correspondant: Destinataire = Field(
        description="À qui l'on répond : identité, adresse, qualité pour les formules."
    )
    courrier_recu: CourrierRecu | None = Field(
        None, description="Le courrier ou courriel auquel on répond."
    )


class Procedure(Modele):
    """What silence means for the request (CRPA L231-1 and following)."""

    silence: Literal["acceptation", "rejet"] = Field(
        description="Ce que vaut le silence gardé par l'administration : « acceptation » "
        "ou « rejet »."
    )
    delai: Delai = Field(
        description="Au terme de quel délai après la réception (en général deux mois)."
    )
    voies_de_recours: str = Field(
        "",
        description="Voies et délais de recours contre une décision implicite de rejet, "
        "en Markdown (obligatoires quand le silence vaut rejet).",
    )

    @model_validator(mode="after")
    def _recours_si_rejet(self) -> Procedure:
        if self.silence == "rejet" and not self.voies_de_recours.strip():
            raise ValueError(
                "le silence vaut rejet : indiquer « voies_de_recours » (CRPA L112-3, R112-5)"
            )
        return self


class Demande(Modele):
    """The request being acknowledged."""

    date_reception: dt.date = Field(description="Date de réception de la demande, AAAA-MM-JJ.")
    designation: str = Field(
        description="Ce qui est demandé, avec son article (« votre demande de titre de séjour »)."
    )
    nature: Literal["courrier", "courriel"] = Field(
        "courrier", description="Comment la demande est arrivée."
    )


class AccuseReception(Lettre):
    """An acknowledgement of receipt with the mentions of CRPA L112-3 and R112-5."""

    correspondant: Destinataire = Field(description="Qui a fait la demande.")
    demande: Demande = Field(description="La demande reçue.")
    delai_traitement: Delai | None = Field(
        None, description="Délai prévisible de traitement, à compter de la réception."
    )
    procedure: Procedure | None = Field(
        None,
        description="Quand la procédure en prévoit une : décision implicite (silence "
        "vaut acceptation ou rejet) et voies de recours.",
    )

    @field_validator("emetteur")
    @classmethod
    def _service_designe(cls, emetteur: Emetteur) -> Emetteur:
        if not emetteur.services:
            raise ValueError(
                "« services » est vide : l'accusé de réception désigne le service chargé "
                "de la demande (CRPA L112-3) ; indiquer au moins une ligne dans "
                "emetteur.services"
            )
        return emetteur


class CourrierService(Lettre):
    """A letter from service to service: header line, no formulas."""

    destinataire: Personne = Field(
        description="Le service destinataire, désigné par civilité et fonction "
        "(« M. », « directeur départemental des territoires »)."
    )
    sous_couvert: Personne | None = Field(
        None, description="Sous couvert de (« S/c de Monsieur le sous-préfet de Vichy »)."
    )
