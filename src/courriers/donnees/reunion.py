"""A meeting: its body, date, chair, attendees and agenda."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.membre import Membre, RegleQuorum
from courriers.donnees.personne import Personne
from courriers.francais.elision import Genre, Nombre


class Instance(Modele):
    """The body that meets: its name, gender and number make the
    agreements of the minutes."""

    nom: str = Field(
        description="Nom de l'instance, sans article (« comité local des usagers », "
        "« commission départementale de la nature, des paysages et des sites »)."
    )
    genre: Genre = Field("masculin", description="Genre du nom : « masculin » ou « feminin ».")
    nombre: Nombre = Field("singulier", description="Nombre du nom : « singulier » ou « pluriel ».")


class GroupeParticipants(Modele):
    """Attendees of one collège, or all attendees when not grouped."""

    titre: str | None = Field(
        None, description="Intitulé du groupe (« Collège des usagers »), facultatif."
    )
    participants: list[Personne] = Field(
        default_factory=list,
        description="Personnes, nommées ou désignées par leur seule fonction.",
    )


class PointOrdreDuJour(Modele):
    """One agenda item and what was said about it."""

    titre: str = Field(description="Intitulé du point, sans numéro ni ponctuation finale.")
    contenu: str = Field(
        "",
        description="Compte rendu du point, en Markdown : paragraphes, listes à "
        "puces ou numérotées, gras, italique, tableaux.",
    )
    renvoi_piece_jointe: bool = Field(
        False, description="Ajoute « (cf. pièce jointe) » au titre de la section."
    )


class Reunion(Modele):
    """The facts of a meeting, written once for the minutes and the
    invitations."""

    instance: Instance = Field(description="L'instance réunie.")
    date: dt.date = Field(description="Date de la réunion, AAAA-MM-JJ.")
    heure_debut: dt.time = Field(description="Heure de début, HH:MM.")
    heure_fin: dt.time | None = Field(None, description="Heure de fin, HH:MM, facultative.")
    lieu: str | None = Field(
        None,
        description="Lieu, avec sa préposition (« à la préfecture de l'Allier, "
        "salle Lamartine »), facultatif.",
    )
    president: Personne = Field(description="Qui préside la réunion.")
    presents: list[GroupeParticipants] = Field(
        default_factory=list, description="Étaient présents, par groupe (collège)."
    )
    excuses: list[GroupeParticipants] = Field(
        default_factory=list, description="Étaient excusés, par groupe."
    )
    absents: list[GroupeParticipants] = Field(
        default_factory=list, description="Étaient absents, par groupe."
    )
    assistaient: list[GroupeParticipants] = Field(
        default_factory=list, description="Assistaient également, par groupe."
    )
    ordre_du_jour: list[PointOrdreDuJour] = Field(
        default_factory=list, description="Points de l'ordre du jour, dans l'ordre."
    )
    lien_visio: str | None = Field(
        None, description="Lien de visioconférence pour suivre la réunion à distance."
    )
    convoques: list[Membre] = Field(
        default_factory=list,
        description="Personnes convoquées, chacune avec son adresse postale "
        "(une convocation par personne) ; ou lues dans un tableur (--convoques).",
    )
    tableur_convoques: Path | None = Field(
        None,
        description="Tableur des convoqués (.xlsx, .ods, .csv ; chemin relatif au fichier de "
        "données) lu à la place de « convoques » ; l'option --convoques le remplace.",
    )
    tableur_reponses: Path | None = Field(
        None,
        description="Tableur des réponses enregistrées (colonnes « Prénom », « Nom », "
        "« Réponse », « Pouvoir à »…) ; l'option --reponses le remplace.",
    )
    regle_quorum: RegleQuorum = Field(
        default_factory=lambda: RegleQuorum(),
        description="Règle du quorum de l'instance (par défaut : la moitié des membres "
        "présents ou ayant donné mandat, décret n° 2006-672, art. 11).",
    )

    @model_validator(mode="after")
    def _heures_ordonnees(self) -> Reunion:
        if self.heure_fin is not None and self.heure_fin <= self.heure_debut:
            raise ValueError("l'heure de fin doit suivre l'heure de début")
        return self
