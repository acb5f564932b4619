"""Minutes of a meeting (compte rendu)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from courriers.donnees.base import Modele
from courriers.donnees.emetteur import Emetteur, Signataire
from courriers.donnees.personne import Personne
from courriers.donnees.reunion import ProchaineReunion, Reunion
from courriers.francais.civilites import FormeGrade
from courriers.francais.dates import StyleHeure

Liste = Literal["presents", "excuses", "absents", "assistaient"]
"""The lists of attendees of a meeting."""


def _ordre_par_defaut() -> list[Liste]:
    return ["presents", "excuses", "absents", "assistaient"]


class Intitules(Modele):
    """Headings of the lists of attendees; by default derived and agreed
    with the people listed (« Étaient présents », « Était excusée »)."""

    presents: str | None = Field(
        None, description="Intitulé des présents (« Personnes présentes, membres du CLIC »)."
    )
    excuses: str | None = Field(None, description="Intitulé des excusés (« Absents ou excusés »).")
    absents: str | None = Field(None, description="Intitulé des absents.")
    assistaient: str | None = Field(
        None, description="Intitulé des autres participants (« Assistaient également »)."
    )


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
    jour_semaine: bool = Field(
        False,
        description="Jour de la semaine dans la phrase d'ouverture (« le lundi 30 novembre 2015 »).",
    )
    ouverture: Literal["phrase", "bloc"] = Field(
        "phrase",
        description="« phrase » : « Le 28 février 2022 à 10h30, s'est tenu… » ; « bloc » : "
        "lignes « Date : », « Lieu : », « Présidence : ».",
    )
    verbe_ouverture: Literal["tenu", "reuni"] = Field(
        "tenu", description="« tenu » : « s'est tenu le comité » ; « reuni » : « s'est réuni… »."
    )
    presidence: Literal["preside_par", "sous_la_presidence"] = Field(
        "preside_par",
        description="« preside_par » : « présidé par M. X » ; « sous_la_presidence » : "
        "« sous la présidence de M. X ».",
    )
    titre_avec_instance: bool = Field(
        False,
        description="Titre développé : « COMPTE RENDU DE LA RÉUNION DU COMITÉ LOCAL DES "
        "USAGERS » au lieu de « COMPTE-RENDU ».",
    )
    ordre_des_listes: list[Liste] = Field(
        default_factory=_ordre_par_defaut,
        description="Ordre des listes de participants (« presents », « excuses », "
        "« absents », « assistaient ») ; une liste omise ici n'est pas écrite.",
    )
    intitules: Intitules = Field(
        default_factory=Intitules, description="Intitulés imposés des listes de participants."
    )
    listes_vides: Literal["mentionner", "omettre"] = Field(
        "mentionner",
        description="Une liste donnée vide (« excuses »: []) : « mentionner » écrit "
        "« Étaient excusés : néant. » ; « omettre » ne l'écrit pas. Une liste absente du "
        "fichier n'est jamais écrite.",
    )
    colleges: Literal["listes", "tableau"] = Field(
        "listes",
        description="Participants en listes à puces, ou en tableau « Organisme | "
        "Représentant(s) » par collège.",
    )
    grades: FormeGrade = Field(
        "tel_quel",
        description="Grades devant le nom : « tel_quel » (comme saisis), « abrege » (Cdt, "
        "Lcl) ou « complet » (Commandant, Lieutenant-colonel).",
    )
    grades_feminises: bool = Field(
        False,
        description="Grades féminisés pour une femme (« Commandante ») ; par défaut le "
        "grade reste tel que saisi, selon l'usage des armées (« Cdt Claire RIEU »).",
    )


class GroupeDestinataires(Modele):
    """Recipients shown together in the distribution list."""

    titre: str | None = Field(None, description="Intitulé du groupe, facultatif.")
    destinataires: list[Personne] = Field(
        default_factory=list,
        description="Destinataires, désignés par civilité et fonction "
        "(et organisme) : « M. le directeur de … ».",
    )


class Action(Modele):
    """An action to follow, in the table of actions."""

    action: str = Field(description="Ce qu'il faut faire.")
    responsable: str = Field(description="Qui le fait (« DDT », « M. le sous-préfet »).")
    echeance: dt.date | None = Field(
        None, description="Échéance, AAAA-MM-JJ (écrite « 30 juin 2023 »)."
    )
    echeance_texte: str | None = Field(
        None, description="Échéance sans date précise (« fin 2023 », « en continu »)."
    )


class CompteRendu(Modele):
    """Minutes of a meeting, as the agent describes them."""

    emetteur: Emetteur = Field(description="Administration émettrice.")
    date: dt.date = Field(description="Date du compte rendu, AAAA-MM-JJ.")
    nature: Literal["compte_rendu", "proces_verbal", "releve_de_decisions"] = Field(
        "compte_rendu",
        description="Nature du document, qui donne son titre par défaut : « COMPTE-RENDU », "
        "« PROCÈS-VERBAL », « RELEVÉ DE DÉCISIONS ».",
    )
    titre: str | None = Field(
        None, description="Titre du document imposé ; par défaut tiré de « nature »."
    )
    objet: str | None = Field(
        None,
        description="Objet ; par défaut « <Instance> du <date de la réunion>. ».",
    )
    pieces_jointes: list[str] = Field(
        default_factory=list,
        description="Intitulés des pièces jointes (comptées : « PJ : 3. »).",
    )
    reunion: Reunion = Field(description="La réunion.")
    a_retenir: list[str] = Field(
        default_factory=list,
        description="Points à retenir, numérotés, en tête du compte rendu (bloc « À retenir »).",
    )
    actions: list[Action] = Field(
        default_factory=list,
        description="Actions à suivre, en tableau (action, responsable, échéance).",
    )
    releve_de_decisions: bool = Field(
        True,
        description="Reprendre les décisions des points dans un « Relevé de décisions » "
        "final (quand il y en a).",
    )
    conclusion: str = Field("", description="Conclusion, en Markdown.")
    prochaine_reunion: ProchaineReunion | None = Field(
        None, description="Date (et heure, lieu) de la prochaine réunion."
    )
    annexes: list[str] = Field(
        default_factory=list, description="Annexes, listées à la fin du compte rendu."
    )
    signataire: Signataire = Field(description="Signataire.")
    destinataires: list[GroupeDestinataires] = Field(
        default_factory=list, description="Liste de diffusion, par groupe."
    )
    options: OptionsRedaction = Field(
        default_factory=OptionsRedaction, description="Options de rédaction."
    )
