"""A member of a collegial body: an invitee with a collège, a seat
(titulaire or suppléant) and, once recorded, the answer to the convocation
and the attendance on the day."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.destinataire import Destinataire
from courriers.francais.deliberations import Proportion

Siege = Literal["titulaire", "suppleant"]
"""The seat of a member: ``titulaire`` (votes, counts for the quorum) or
``suppleant`` (replaces a titulaire who cannot attend)."""

Presence = Literal["present", "distance", "excuse", "absent", "supplee", "pouvoir"]
"""The answer to a convocation (or the attendance recorded on the day)."""


class Membre(Destinataire):
    """An invitee of a meeting: a recipient of the convocation, member of
    the body or not, with what the secretariat records about them."""

    college: str | None = Field(
        None,
        description="Collège du membre (« Collège des administrations de l'État ») : la "
        "feuille d'émargement et les listes du compte rendu sont regroupées par collège.",
    )
    siege: Siege = Field(
        "titulaire",
        description="« titulaire » (membre votant, compté pour le quorum) ou « suppleant » "
        "(remplace un titulaire empêché).",
    )
    suppleant_de: str | None = Field(
        None,
        description="Pour un suppléant : le titulaire qu'il supplée, par son prénom et son "
        "nom (« Claire Dumas ») ou son seul nom s'il est unique.",
    )
    membre: bool = Field(
        True,
        description="Faux pour un invité qui n'est pas membre de l'instance (expert, "
        "service instructeur) : convoqué, il ne vote pas, ne compte pas pour le quorum et "
        "ne peut recevoir de pouvoir.",
    )
    presence: Presence | None = Field(
        None,
        description="Réponse enregistrée : « present » (en personne), « distance » "
        "(audio ou visioconférence, compté présent), « excuse », « absent », « supplee » "
        "(représenté par son suppléant), « pouvoir » (donne mandat à un autre membre).",
    )
    pouvoir_a: str | None = Field(
        None,
        description="Avec « pouvoir » : le membre qui reçoit le mandat, par son prénom et "
        "son nom ou son seul nom s'il est unique.",
    )
    emarge: bool | None = Field(
        None,
        description="Émargement le jour de la réunion : vrai si la personne a signé la "
        "feuille (présente en personne), faux si elle ne l'a pas signée ; absent : la "
        "réponse fait foi.",
    )
    date_reponse: dt.date | None = Field(None, description="Date de réception de la réponse.")

    @model_validator(mode="after")
    def _coherence(self) -> Membre:
        if self.presence == "pouvoir" and not self.pouvoir_a:
            raise ValueError("« pouvoir » sans le nom du membre qui le reçoit (pouvoir_a)")
        if self.pouvoir_a and self.presence != "pouvoir":
            raise ValueError("pouvoir_a n'a de sens qu'avec la réponse « pouvoir »")
        if self.suppleant_de and self.siege != "suppleant":
            raise ValueError("suppleant_de n'a de sens que pour un suppléant (siege)")
        return self


class RegleQuorum(Modele):
    """The quorum rule of the body. By default the common rule of the
    consultative commissions (décret n° 2006-672 du 8 juin 2006, art. 11,
    codified in the CRPA, R133-3 and following): half of the members
    present (in person or remotely) or having given a mandate."""

    proportion: Proportion = Field(
        "moitie",
        description="« moitie » (la moitié au moins, règle commune), « majorite » (plus de "
        "la moitié), « deux_tiers » ou « tiers », si le texte de l'instance en dispose ainsi.",
    )
    mandats_comptes: bool = Field(
        True, description="Les membres ayant donné pouvoir comptent pour le quorum."
    )
    mandats_par_membre: int = Field(
        1,
        ge=0,
        description="Nombre de mandats qu'un membre peut détenir (un, « sauf dispositions "
        "contraires », art. 10 du décret) ; 0 : pas de mandat.",
    )
    nombre_membres: int | None = Field(
        None,
        ge=1,
        description="Nombre de membres composant l'instance, quand tous ne sont pas dans la "
        "liste des convoqués (sièges vacants comptés) ; par défaut : les titulaires listés.",
    )
    sans_quorum: bool = Field(
        False,
        description="Réunion sur une nouvelle convocation après un quorum non atteint : "
        "l'instance délibère valablement sans condition de quorum.",
    )
