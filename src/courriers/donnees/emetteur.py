"""Who issues the document: the bloc-marque, service lines, handling agent,
and who signs it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from courriers.donnees.base import Modele
from courriers.donnees.personne import Personne
from courriers.francais.departements import departement
from courriers.francais.personnes import Civilite
from courriers.francais.regions import (
    AUTORITES,
    REGIONS,
    CodeAutorite,
    autorite_particuliere,
    region,
)


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
    region: str | None = Field(
        None,
        description="Code INSEE de la région (« 84 ») pour un préfet de région : le "
        "bloc-marque porte les deux titres (« PRÉFET DE LA RÉGION AUVERGNE-RHÔNE-ALPES », "
        "« PRÉFET DU RHÔNE ») et le texte « le préfet de la région Auvergne-Rhône-Alpes ». "
        "Le département est alors celui du chef-lieu, à ne pas indiquer.",
    )
    autorite: CodeAutorite | None = Field(
        None,
        description="Autorité particulière : « prefet_de_police », "
        "« prefet_de_police_bouches_du_rhone », « taaf » (administrateur supérieur des "
        "Terres australes et antarctiques françaises), qui ont leur bloc-marque ; "
        "« prefet_delegue_defense_securite », « prefet_delegue_egalite_chances », qui "
        "gardent celui du préfet du département et se nomment dans le texte.",
    )
    sous_prefecture: str | None = Field(
        None,
        description="Ville de la sous-préfecture qui écrit (« Montbrison ») : le texte "
        "nomme « le sous-préfet de Montbrison » ; le bloc-marque reste celui du préfet.",
    )
    civilite_sous_prefet: Civilite = Field(
        "M.", description="Civilité du sous-préfet : « Mme » donne « la sous-préfète »."
    )
    titre: str | None = Field(
        None,
        description="Titre libre du bloc-marque, à la place du département, pour "
        "une autre administration (« MINISTÈRE DE L'INTÉRIEUR ») ; un préfet de région "
        "s'indique par « region ».",
    )
    designation: str | None = Field(
        None,
        description="L'autorité nommée dans le texte, pour un titre libre que la règle "
        "de casse écrirait mal ; par défaut tirée des mêmes données que le bloc-marque "
        "(« le préfet de l'Allier », « la préfète de la région Auvergne-Rhône-Alpes », "
        "un titre libre en casse normale).",
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

    @field_validator("region")
    @classmethod
    def _region_connue(cls, code: str | None) -> str | None:
        return None if code is None else region(code).code

    @model_validator(mode="before")
    @classmethod
    def _departement_du_siege(cls, donnees: Any) -> Any:
        """The département of a regional préfet (the chef-lieu) or of an
        authority with a fixed seat (préfet de police: Paris)."""
        if not isinstance(donnees, dict) or donnees.get("departement") is not None:
            return donnees
        siege = None
        code_region = donnees.get("region")
        if isinstance(code_region, str) and code_region.strip() in REGIONS:
            siege = REGIONS[code_region.strip()].chef_lieu
        code_autorite = donnees.get("autorite")
        if isinstance(code_autorite, str) and code_autorite in AUTORITES:
            siege = AUTORITES[code_autorite].departement or siege
        return {**donnees, "departement": siege} if siege else donnees

    @model_validator(mode="after")
    def _titre_ou_departement(self) -> Emetteur:
        bloc_propre = self.autorite is not None and autorite_particuliere(self.autorite).bloc_marque
        if self.titre is not None and (self.region or bloc_propre):
            raise ValueError(
                "indiquer soit « titre » (titre libre du bloc-marque), soit « region » ou "
                "« autorite », qui donnent le bloc-marque, et pas les deux"
            )
        if self.titre is None and self.departement is None and not bloc_propre:
            raise ValueError(
                "indiquer « departement » (code INSEE), « region », « autorite » ou « titre » "
                "(titre libre du bloc-marque)"
            )
        if self.titre is not None and self.departement is not None:
            raise ValueError(
                "indiquer soit « departement » (code INSEE), soit « titre » "
                "(titre libre du bloc-marque), et pas les deux"
            )
        if self.region is not None:
            chef_lieu = region(self.region).chef_lieu
            if self.departement != chef_lieu:
                raise ValueError(
                    f"le préfet de la région « {self.region} » est le préfet du département "
                    f"chef-lieu (« {chef_lieu} ») : retirer « departement » ou indiquer "
                    f"« {chef_lieu} »"
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
    """Who signs: quality, name, delegation, signature image (CRPA L212-1).

    A signatory may be designated by function only (« Le chef de cabinet »,
    « Le cabinet du préfet »): no civilité, first name nor name."""

    civilite: Civilite | None = Field(
        None,
        description="Civilité du signataire : « M. » ou « Mme » ; elle accorde la qualité. "
        "Absente pour un signataire désigné par sa seule fonction.",
    )
    prenom: str | None = Field(None, description="Prénom du signataire.")
    nom: str | None = Field(
        None,
        description="Nom du signataire ; absent pour un signataire désigné par sa seule "
        "fonction (« Le chef de cabinet »), ce qu'un courrier au public évite (CRPA L212-1).",
    )
    qualite: str = Field(
        description="Qualité, sans article, écrite telle qu'elle doit paraître et accordée à "
        "la civilité (« secrétaire général » donne « La secrétaire générale, » pour « Mme » ; "
        "« cabinet du préfet » donne « Le cabinet du préfet, »)."
    )
    delegation: bool | Literal["delegation", "empechement"] = Field(
        False,
        description="Signature pour une autorité : true ou « delegation » ajoute « Pour le "
        "préfet et par délégation, » ; « empechement », « Pour le préfet empêché, » "
        "(« Pour la préfète… » selon l'émetteur ou « pour »).",
    )
    pour: Personne | None = Field(
        None,
        description="L'autorité pour qui l'on signe, quand ce n'est pas le préfet de "
        "l'émetteur (« M. », « directeur départemental » donne « Pour le directeur "
        "départemental et par délégation, »).",
    )
    autorite_en_tete: bool = Field(
        False,
        description="Écrit d'abord l'autorité (« Le préfet, ») puis la délégation : "
        "« Le préfet, / Pour le préfet et par délégation, / Le secrétaire général, ».",
    )
    interim: bool = Field(
        False, description="Le signataire assure l'intérim : « Le directeur par intérim, »."
    )
    image: Path | None = Field(
        None,
        description="Image de la signature scannée du service (PNG, JPEG), placée dans le "
        "bloc de signature au-dessus du nom. Relative au fichier de données.",
    )
    texte_alternatif: str | None = Field(
        None,
        description="Texte alternatif de l'image de la signature (accessibilité) ; par "
        "défaut « Signature de » suivi du nom ou de la qualité.",
    )

    @model_validator(mode="after")
    def _nom_si_prenom(self) -> Signataire:
        if self.prenom and not self.nom:
            raise ValueError(
                "prénom sans nom : indiquer « nom », ou retirer « prenom » pour un signataire "
                "désigné par sa seule fonction"
            )
        return self
