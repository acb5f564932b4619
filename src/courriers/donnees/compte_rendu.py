"""Minutes of a meeting (compte rendu)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from courriers.donnees.base import Modele
from courriers.donnees.emetteur import Emetteur, Signataire
from courriers.donnees.personne import Personne
from courriers.donnees.reunion import Reunion
from courriers.francais.dates import StyleHeure


class OptionsRedaction(Modele):
    """House-style choices where sources differ; defaults follow the seed."""

    heures: StyleHeure = Field(
        "compact",
        description="« compact » : 10h30 ; « imprimerie_nationale » : 10 h 30.",
    )
    noms_en_majuscules: bool = Field(
        True, description="Noms de famille en capitales (Alexandre SANZ)."
    )
    midi_minuit: bool = Field(
        False,
        description="« midi » et « minuit » au lieu de 12h et 0h (« de 10h à midi »).",
    )
    apostrophe: Literal["droite", "typographique"] = Field(
        "droite",
        description="Apostrophe des formes écrites par les filtres (l'adjointe, d'Allier "
        "Habitat, s'est tenu, DE L'ALLIER) : « droite » (') ou « typographique » (’).",
    )
    date_lieu: Literal["numerique", "longue"] = Field(
        "numerique",
        description="Ligne de lieu et date : « numerique » (Moulins, le 08/03/2022) "
        "ou « longue » (Moulins, le 8 mars 2022).",
    )


class GroupeDestinataires(Modele):
    """Recipients shown together in the distribution list."""

    titre: str | None = Field(None, description="Intitulé du groupe, facultatif.")
    destinataires: list[Personne] = Field(
        default_factory=list,
        description="Destinataires, désignés par civilité et fonction "
        "(et organisme) : « M. le directeur de … ».",
    )


class CompteRendu(Modele):
    """Minutes of a meeting, as the agent describes them."""

    emetteur: Emetteur = Field(description="Administration émettrice.")
    date: dt.date = Field(description="Date du compte rendu, AAAA-MM-JJ.")
    objet: str | None = Field(
        None,
        description="Objet ; par défaut « <Instance> du <date de la réunion>. ».",
    )
    pieces_jointes: list[str] = Field(
        default_factory=list,
        description="Intitulés des pièces jointes (comptées : « PJ : 3. »).",
    )
    reunion: Reunion = Field(description="La réunion.")
    conclusion: str = Field("", description="Conclusion, en Markdown.")
    signataire: Signataire = Field(description="Signataire.")
    destinataires: list[GroupeDestinataires] = Field(
        default_factory=list, description="Liste de diffusion, par groupe."
    )
    options: OptionsRedaction = Field(
        default_factory=OptionsRedaction, description="Options de rédaction."
    )
