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
from courriers.francais.formules import Qualite, Style


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
    votre_reference: str | None = Field(
        None,
        description="La référence du correspondant (« Vos réf. »), quand la lettre ne "
        "répond pas à un courrier reçu décrit par « courrier_recu ».",
    )
    references_abregees: bool = Field(
        False,
        description="Libellés abrégés des références : « V/Réf. » et « N/Réf. » au lieu de "
        "« Vos réf. » et « Nos réf. ».",
    )
    objet: str = Field(description="Objet du courrier.")
    corps: str = Field("", description="Corps du courrier, en Markdown.")
    pieces_jointes: list[str] = Field(
        default_factory=list,
        description="Intitulés des pièces jointes (« PJ : 2. ») ; le corps doit les mentionner.",
    )
    signataire: Signataire = Field(description="Signataire.")
    cosignataires: list[Signataire] = Field(
        default_factory=list,
        description="Autres signataires d'une lettre conjointe, chacun avec son bloc de "
        "signature, après le premier.",
    )
    copies: list[Personne] = Field(
        default_factory=list,
        description="« Copie à » : personnes ou services qui reçoivent une copie, désignés "
        "comme dans une liste de diffusion (« M. le directeur … »).",
    )
    ampliations: list[Personne] = Field(
        default_factory=list,
        description="« Ampliation » : destinataires d'une ampliation (copie certifiée "
        "conforme) de la lettre.",
    )
    style_politesse: Style = Field(
        "je_vous_prie",
        description="Tournure de la formule de politesse : « je_vous_prie » (« Je vous prie "
        "d'agréer, … »), « veuillez » (« Veuillez agréer, … ») ou « agreez » (« Agréez, … ») ; "
        "docs/formules.md.",
    )
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


class Collectif(Modele):
    """Several recipients of the same function, written once in the plural
    (« Mesdames et Messieurs les maires du département »)."""

    fonction: str = Field(
        description="La fonction, au singulier et au masculin (« maire », « directeur "
        "départemental ») : elle est mise au pluriel."
    )
    organisme: str | None = Field(
        None,
        description="Où ils l'exercent, avec son article (« le département », "
        "« l'arrondissement de Vichy ») : « de » se contracte (« du département »).",
    )


Salutation = Literal["Cordialement", "Bien cordialement", "Très cordialement", "Bien à vous"]


class Message(Lettre):
    """A message (courriel or note, as a cabinet sends to elected officials):
    a header line, an opening, the body and a simple closing
    (« Cordialement »), no formal politesse."""

    destinataire: Personne | None = Field(
        None,
        description="Le destinataire, désigné par son nom ou sa fonction ; ou bien « collectif ».",
    )
    collectif: Collectif | None = Field(
        None,
        description="Les destinataires d'une même fonction (« maire »), au pluriel : "
        "« Mesdames et Messieurs les maires du département ».",
    )
    qualite_formules: Qualite | None = Field(
        None,
        description="Qualité du destinataire, qui donne la formule d'appel (« maire » : "
        "« Madame la Maire, ») ; docs/formules.md.",
    )
    formule_appel: str | None = Field(
        None,
        description="Formule d'appel imposée (« Chère Madame, ») ; par défaut tirée de "
        "« qualite_formules » ou du collectif (« Mesdames et Messieurs les Maires, »).",
    )
    salutation: Salutation = Field(
        "Cordialement",
        description="Salutation finale, seule formule de clôture du message : "
        "« Cordialement », « Bien cordialement », « Très cordialement », « Bien à vous ».",
    )

    @model_validator(mode="after")
    def _un_destinataire(self) -> Message:
        if (self.destinataire is None) == (self.collectif is None):
            raise ValueError(
                "indiquer soit « destinataire » (une personne ou un service), soit "
                "« collectif » (« maire » : Mesdames et Messieurs les maires), et pas les deux"
            )
        return self


class Piece(Modele):
    """A document sent with a bordereau d'envoi."""

    designation: str = Field(description="Ce qui est transmis (« Dossier de demande de … »).")
    nombre: int = Field(1, ge=1, description="Nombre d'exemplaires.")
    observations: str = Field(
        "",
        description="Observations (« Pour attribution », « Pour avis », « Pour information », "
        "« Retour souhaité avant le 15 juin »).",
    )


class Bordereau(Lettre):
    """A bordereau d'envoi (lettre de transmission): a header line, the
    documents sent with their number of copies and an observation each."""

    destinataire: Personne = Field(
        description="Le service destinataire, désigné par civilité et fonction "
        "(« M. », « directeur régional de l'environnement, de l'aménagement et du logement »)."
    )
    sous_couvert: Personne | None = Field(None, description="Sous couvert de (« S/c de … »).")
    pieces: list[Piece] = Field(
        min_length=1, description="Les pièces transmises, dans l'ordre du tableau."
    )
