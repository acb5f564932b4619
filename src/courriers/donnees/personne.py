"""A person: attendee, chair, recipient, handling agent."""

from __future__ import annotations

from pydantic import Field, model_validator

from courriers.donnees.base import Modele
from courriers.francais.personnes import Civilite


class Personne(Modele):
    """A person, named or designated by function only
    (``M. le représentant de l'UFC Que Choisir``)."""

    civilite: Civilite = Field(
        description="Civilité : « M. » ou « Mme » (jamais « Mr » ni « Mlle »). "
        "Elle accorde la fonction : « chef » devient « cheffe » pour « Mme »."
    )
    prenom: str | None = Field(None, description="Prénom, tel qu'il s'écrit (« Jean-Claude »).")
    nom: str | None = Field(
        None,
        description="Nom de famille, en minuscules ou majuscules : la mise en "
        "capitales est une option de rédaction (« de Villepin » donne « de VILLEPIN »). "
        "Absent pour une personne désignée par sa seule fonction.",
    )
    fonction: str | None = Field(
        None,
        description="Fonction, sans article, au masculin ou au féminin "
        "(« chef du bureau de la communication », « directeur départemental "
        "des territoires ») : elle est accordée à la civilité.",
    )
    organisme: str | None = Field(
        None,
        description="Organisme représenté ou d'appartenance, avec son article "
        "(« la chambre de commerce et d'industrie de l'Allier », « le défenseur des "
        "droits ») : « de » se contracte (« du défenseur des droits »).",
    )
    telephone: str | None = Field(None, description="Téléphone (« 04 70 48 30 74 »).")
    courriel: str | None = Field(None, description="Adresse électronique.")

    def _designation_requise(self) -> bool:
        """Whether the person must have a name or a function."""
        return True

    @model_validator(mode="after")
    def _nom_ou_fonction(self) -> Personne:
        if self._designation_requise() and not self.nom and not self.fonction:
            raise ValueError(
                "une personne doit avoir un nom ou, à défaut, une fonction "
                "(« M. le représentant de … »)"
            )
        return self
