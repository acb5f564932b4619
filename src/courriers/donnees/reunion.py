"""A meeting: its body, date, chair, attendees and agenda."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.membre import Membre, RegleQuorum
from courriers.donnees.personne import Personne
from courriers.francais.deliberations import Avis, Proportion, avis_du_vote
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
    nom_court: str | None = Field(
        None,
        description="Nom court, sans article, pour les avis et le quorum (« commission », "
        "« comité ») : « La commission émet un avis favorable » ; par défaut le nom.",
    )


class GroupeParticipants(Modele):
    """Attendees of one collège, or all attendees when not grouped."""

    titre: str | None = Field(
        None, description="Intitulé du groupe (« Collège des usagers »), facultatif."
    )
    participants: list[Personne] = Field(
        default_factory=list,
        description="Personnes, nommées ou désignées par leur seule fonction.",
    )


class Vote(Modele):
    """A vote or avis of the body on one question; the avis is derived from
    the counts (more votes for than against: favourable)."""

    objet: str | None = Field(
        None,
        description="Sur quoi porte l'avis, avec sa préposition (« sur le projet "
        "d'arrêté préfectoral complémentaire »), facultatif.",
    )
    pour: int | None = Field(
        None, ge=0, description="Voix pour ; absent : avis rendu sans décompte des voix."
    )
    contre: int = Field(0, ge=0, description="Voix contre.")
    abstentions: int = Field(0, ge=0, description="Abstentions.")
    avis: Avis | None = Field(
        None,
        description="« favorable » ou « defavorable » : tiré des voix quand elles sont "
        "données, à dire sans décompte.",
    )
    voix_preponderante: Avis | None = Field(
        None,
        description="En cas de partage égal des voix, le sens de la voix du président, "
        "prépondérante (CRPA, art. R. 133-11).",
    )

    @model_validator(mode="after")
    def _avis_determine(self) -> Vote:
        if self.pour is None:
            if self.avis is None:
                raise ValueError("un vote sans décompte des voix doit dire son « avis »")
            return self
        derive = avis_du_vote(self.pour, self.contre, self.voix_preponderante or self.avis)
        if self.avis is not None and self.avis != derive:
            raise ValueError(
                f"l'avis « {self.avis} » contredit les voix ({self.pour} pour, "
                f"{self.contre} contre)"
            )
        return self


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
    votes: list[Vote] = Field(
        default_factory=list,
        description="Avis ou votes de l'instance sur ce point, après son contenu.",
    )
    decisions: list[str] = Field(
        default_factory=list,
        description="Décisions prises sur ce point, une phrase chacune ; reprises dans "
        "le relevé de décisions.",
    )


class Quorum(Modele):
    """What makes the quorum: members, attendance, the rule."""

    membres: int = Field(
        gt=0, description="Nombre de membres composant l'instance (voix délibératives)."
    )
    presents: int | None = Field(
        None,
        ge=0,
        description="Membres présents, y compris par conférence téléphonique ou "
        "audiovisuelle ; par défaut le nombre d'entrées de « presents ».",
    )
    mandats: int = Field(0, ge=0, description="Membres absents ayant donné mandat (pouvoir).")
    proportion: Proportion = Field(
        "moitie",
        description="Quorum : « moitie » (la moitié au moins des membres, règle du décret "
        "n° 2006-672, art. 11, CRPA art. R. 133-10), « tiers », « deux_tiers », "
        "« majorite » (plus de la moitié), si le texte de l'instance en dispose autrement.",
    )
    seconde_convocation: bool = Field(
        False,
        description="Réunion sur une nouvelle convocation après un quorum non atteint : "
        "délibération sans condition de quorum.",
    )


class ProchaineReunion(Modele):
    """The next meeting, when the minutes announce it."""

    date: dt.date = Field(description="Date de la prochaine réunion, AAAA-MM-JJ.")
    heure: dt.time | None = Field(None, description="Heure, HH:MM, facultative.")
    lieu: str | None = Field(
        None, description="Lieu, avec sa préposition (« en sous-préfecture »), facultatif."
    )


class Reunion(Modele):
    """The facts of a meeting, written once for the minutes and the
    invitations."""

    instance: Instance = Field(description="L'instance réunie.")
    date: dt.date = Field(description="Date de la réunion (son premier jour), AAAA-MM-JJ.")
    date_fin: dt.date | None = Field(
        None,
        description="Dernier jour d'une réunion de plusieurs jours, AAAA-MM-JJ "
        "(« du 22 au 24 novembre 2022 »).",
    )
    heure_debut: dt.time | None = Field(
        None, description="Heure de début, HH:MM, facultative (absente : pas d'heure écrite)."
    )
    heure_fin: dt.time | None = Field(None, description="Heure de fin, HH:MM, facultative.")
    lieu: str | None = Field(
        None,
        description="Lieu, avec sa préposition (« à la préfecture de l'Allier, "
        "salle Lamartine »), facultatif.",
    )
    president: Personne | None = Field(
        None,
        description="Qui préside la réunion : nommé, ou désigné par sa seule fonction "
        "(« M. le secrétaire général de la préfecture ») ; facultatif.",
    )
    quorum: Quorum | None = Field(
        None,
        description="Membres et présence : la phrase du quorum est écrite quand il est donné.",
    )
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
        if self.heure_fin is not None:
            if self.heure_debut is None:
                raise ValueError("une heure de fin demande une heure de début")
            if self.date_fin is None and self.heure_fin <= self.heure_debut:
                raise ValueError("l'heure de fin doit suivre l'heure de début")
        if self.date_fin is not None and self.date_fin <= self.date:
            raise ValueError("le dernier jour (« date_fin ») doit suivre le premier (« date »)")
        return self
