"""Who issues the document: the bloc-marque, service lines, handling agent,
and who signs it."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.personne import Personne
from courriers.francais.departements import departement
from courriers.francais.personnes import Civilite


class PiedDePage(Modele):
    """Contact details printed at the foot of the page."""

    adresse: list[str] = Field(
        default_factory=list,
        description="Lignes de l'adresse postale (« 2 rue Michel de l'Hospital », "
        "« CS 31649 », « 03016 MOULINS CEDEX »).",
    )
    telephone: str | None = Field(None, description="Téléphone du standard.")
    courriel: str | None = Field(None, description="Adresse électronique du service.")
    site: str | None = Field(None, description="Site internet (« www.allier.gouv.fr »).")
    telecopie: str | None = Field(None, description="Télécopie (fax) du service.")
    horaires: str | None = Field(
        None,
        description="Horaires d'ouverture au public (« du lundi au vendredi de 8h30 à 12h »).",
    )


class Emetteur(Modele):
    """The administration that issues the document."""

    departement: str | None = Field(
        None,
        description="Code INSEE du département (« 03 », « 2A », « 974 ») : il donne "
        "le titre du bloc-marque (« PRÉFET DE L'ALLIER »).",
    )
    titre: str | None = Field(
        None,
        description="Titre libre du bloc-marque, à la place du département, pour "
        "un préfet de région ou une autre administration "
        "(« PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES »).",
    )
    designation: str | None = Field(
        None,
        description="L'autorité nommée dans le texte, pour un titre libre "
        "(« le préfet de la région Auvergne-Rhône-Alpes ») ; par défaut tirée du "
        "département (« le préfet de l'Allier », « la préfète du Var »).",
    )
    civilite_prefet: Civilite = Field(
        "M.",
        description="Civilité du préfet : « Mme » donne « PRÉFÈTE » et "
        "« Pour la préfète et par délégation ».",
    )
    services: list[str] = Field(
        default_factory=list,
        description="Lignes du bloc service, de la plus large à la plus précise "
        "(« Secrétariat Général », « Cellule performance », "
        "ou « SOUS-PRÉFECTURE DE DRAGUIGNAN »).",
    )
    agent: Personne | None = Field(
        None,
        description="Agent qui suit l'affaire : prénom, nom, téléphone, courriel.",
    )
    libelle_agent: str = Field(
        "Affaire suivie par",
        description="Libellé devant le nom de l'agent (« Dossier suivi par »).",
    )
    libelle_telephone: str = Field(
        "Tél", description="Libellé du téléphone de l'agent (« Tél », « Téléphone »)."
    )
    libelle_courriel: str = Field(
        "Courriel", description="Libellé de l'adresse électronique de l'agent (« Mél »)."
    )
    marque_etat: bool = Field(
        True,
        description="Service de l'État : bloc-marque (Marianne, titre, devise « Liberté "
        "Égalité Fraternité »). « false » pour une collectivité (mairie, conseil "
        "départemental) : son titre (« titre ») et son logo (« logo »), sans devise ni "
        "Marianne, réservées à l'État.",
    )
    logo: Path | None = Field(
        None,
        description="Logo d'un émetteur qui n'est pas un service de l'État (avec "
        "« marque_etat » à false), relatif au fichier de données.",
    )
    ville: str = Field(description="Ville de la ligne de lieu et de date (« Moulins »).")
    pied_de_page: PiedDePage | None = Field(
        None, description="Coordonnées du service en pied de page."
    )
    image_marianne: Path | None = Field(
        None,
        description="Chemin du fichier officiel du bloc-marque (Marianne) que le "
        "service détient : il n'est pas fourni par courriers. Relatif au fichier "
        "de données.",
    )

    @field_validator("departement")
    @classmethod
    def _departement_connu(cls, code: str | None) -> str | None:
        return None if code is None else departement(code).code

    @model_validator(mode="after")
    def _titre_ou_departement(self) -> Emetteur:
        if (self.departement is None) == (self.titre is None):
            raise ValueError(
                "indiquer soit « departement » (code INSEE), soit « titre » "
                "(titre libre du bloc-marque), et pas les deux"
            )
        if not self.marque_etat and (self.departement is not None or self.image_marianne):
            raise ValueError(
                "un émetteur qui n'est pas un service de l'État (« marque_etat » à false) "
                "n'a ni département de préfet ni Marianne, réservée à l'État : donner son "
                "« titre » et, s'il en a un, son « logo »"
            )
        if self.marque_etat and self.logo is not None:
            raise ValueError(
                "« logo » est réservé aux émetteurs hors de l'État (« marque_etat » à "
                "false) ; un service de l'État met son bloc-marque dans « image_marianne »"
            )
        return self


class Signataire(Modele):
    """Who signs: quality, name, delegation (CRPA L212-1)."""

    civilite: Civilite = Field(description="Civilité du signataire : « M. » ou « Mme ».")
    prenom: str = Field(description="Prénom du signataire.")
    nom: str = Field(description="Nom du signataire.")
    qualite: str = Field(
        description="Qualité, sans article, accordée à la civilité "
        "(« Secrétaire Général » donne « Le Secrétaire Général, »)."
    )
    delegation: bool = Field(
        False,
        description="Signature par délégation : ajoute « Pour le préfet et par "
        "délégation, » (« Pour la préfète… » selon l'émetteur).",
    )
