"""A recipient of a letter: a person with a postal address and the quality
that sets the forms of address."""

from __future__ import annotations

from pydantic import Field, model_validator

from courriers.donnees.personne import Personne
from courriers.francais.adresse import bloc_adresse, lignes_du_bloc
from courriers.francais.formules import Niveau, Qualite
from courriers.francais.personnes import Civilite, ligne_destinataire


class Destinataire(Personne):
    """A person a letter is sent to: a person, with a postal address and
    the quality that sets the forms of address."""

    civilite: Civilite = Field(
        description="Civilité : « M. » ou « Mme » (jamais « Mr » ni « Mlle ») ; elle "
        "donne la ligne du nom (« Madame Marie DUPONT ») et les formules."
    )
    qualite_formules: Qualite = Field(
        "particulier",
        description="Qualité qui fixe les formules d'appel et de politesse "
        "(« maire », « depute », « directeur », « avocat », « particulier », "
        "« groupe »… : voir docs/formules.md).",
    )
    adresse: list[str] = Field(
        description="Lignes de l'adresse postale sous le nom (norme NF Z10-011 : avec "
        "la ligne du nom, 6 lignes de 38 caractères au plus ; la dernière : code "
        "postal et commune en capitales, « 03000 MOULINS »)."
    )
    formule_appel: str | None = Field(
        None,
        description="Formule d'appel imposée pour cette personne (« Monsieur le "
        "Président et cher ami, ») ; la formule de politesse la reprend.",
    )
    niveau: Niveau | None = Field(
        None,
        description="Niveau de considération imposé pour cette personne "
        "(« consideration_distinguee », « haute_consideration », "
        "« tres_haute_consideration »).",
    )

    def _designation_requise(self) -> bool:
        # A group ("Madame, Monsieur") may be designated by its address only.
        return self.qualite_formules != "groupe"

    def lignes_adresse(self) -> list[str]:
        """The whole address block: the name line (when there is one, split
        over the two identity lines of NF Z10-011 when longer than 38
        characters), then the postal lines."""
        return lignes_du_bloc(self.ligne_nom(), self.adresse)

    def ligne_nom(self) -> str:
        """The first line of the address block: ``Madame Marie DUPONT``,
        ``Maître Paul GIRARD``, or the function: ``Monsieur le directeur …``."""
        if not self.nom and not self.fonction:
            return ""
        maitre = self.qualite_formules in {"avocat", "notaire"}
        return ligne_destinataire(self.civilite, self.prenom, self.nom, self.fonction, maitre)

    @model_validator(mode="after")
    def _adresse_postale(self) -> Destinataire:
        lignes, problemes = bloc_adresse(self.ligne_nom(), self.adresse)
        if problemes:
            qui = self.ligne_nom() or (lignes[0] if lignes else "?")
            raise ValueError(
                f"adresse de {qui} non conforme à la norme postale : " + " ; ".join(problemes)
            )
        return self
