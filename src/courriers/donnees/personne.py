"""A person: attendee, chair, recipient, handling agent; or a body
represented by people."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from courriers.donnees.base import Modele
from courriers.francais import civilites
from courriers.francais.civilites import CIVILITES
from courriers.francais.elision import Genre


class Personne(Modele):
    """A person, named or designated by function only
    (``M. le représentant de l'UFC Que Choisir``), or a body only
    (``la chambre d'agriculture, représentée par M. …``)."""

    civilite: str | None = Field(
        None,
        description="Civilité ou grade affiché devant le nom : « M. », « Mme » (jamais "
        "« Mr » ni « Mlle »), « Me », « Dr », « Pr », un grade militaire ou de gendarmerie "
        "(« Commandant » ou « Cdt », « Lieutenant-colonel » ou « Lcl »…), ou pour plusieurs "
        "personnes « MM. », « Mmes », « Mme et M. ». Absente quand le compte rendu n'en "
        "met pas. « M. » et « Mme » donnent le genre ; sinon le dire dans « genre ».",
        json_schema_extra={"enum": list(CIVILITES)},
    )
    genre: Genre | None = Field(
        None,
        description="Genre de la personne, qui accorde sa fonction et les participes "
        "(« masculin », « feminin ») : obligatoire avec un grade, « Me », « Dr » ou "
        "« Pr » ; tiré de « M. » et « Mme » sinon.",
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
        "des territoires ») : elle est accordée au genre de la personne.",
    )
    garder_fonction: bool = Field(
        False,
        description="Écrire la fonction exactement comme saisie, sans l'accorder ni "
        "changer ses capitales (titre que la personne ne féminise pas).",
    )
    organisme: str | None = Field(
        None,
        description="Organisme représenté ou d'appartenance, avec son article "
        "(« la chambre de commerce et d'industrie de l'Allier », « le défenseur des "
        "droits ») : « de » se contracte (« du défenseur des droits »). Seul, sans nom "
        "ni fonction, il désigne l'organisme lui-même.",
    )
    genre_organisme: Genre | None = Field(
        None,
        description="Genre de l'organisme quand son article ne le dit pas (« l'association "
        "… » : « feminin ») ; accorde « représentée par ».",
    )
    representants: list[Personne] = Field(
        default_factory=list,
        description="Qui représente la personne ou l'organisme : « Mme X, maire de Nyons, "
        "représentée par M. Y », « la chambre d'agriculture, représentée par M. Y et Mme Z ».",
    )
    telephone: str | None = Field(None, description="Téléphone (« 04 70 48 30 74 »).")
    courriel: str | None = Field(None, description="Adresse électronique.")

    @field_validator("civilite")
    @classmethod
    def _civilite_connue(cls, civilite: str | None) -> str | None:
        if civilite is not None:
            civilites.forme(civilite)
        return civilite

    def _designation_requise(self) -> bool:
        """Whether the person must have a name or a function."""
        return True

    @model_validator(mode="after")
    def _nom_ou_fonction(self) -> Personne:
        if self._designation_requise() and not (self.nom or self.fonction or self.organisme):
            raise ValueError(
                "une personne doit avoir un nom ou, à défaut, une fonction "
                "(« M. le représentant de … ») ou un organisme"
            )
        if self.genre is None and self.civilite and civilites.genre_de(self.civilite) is None:
            raise ValueError(
                f"« {self.civilite} » ne dit pas le genre de la personne : indiquer "
                "« genre » (« masculin » ou « feminin »)"
            )
        seul_organisme = self.organisme and not (self.nom or self.fonction)
        inconnu = civilites.genre_organisme(self.organisme or "") == (None, "singulier")
        if seul_organisme and self.representants and self.genre_organisme is None and inconnu:
            raise ValueError(
                f"l'article de « {self.organisme} » ne dit pas son genre : indiquer "
                "« genre_organisme » (« masculin » ou « feminin ») pour accorder "
                "« représenté par »"
            )
        return self
