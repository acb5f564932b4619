"""Invitations: one document per invitee, from the meeting file.

For each invitee: the forms of address from the table (or the invitee's
own), the answer deadline (a date, or N working days before the meeting by
the emitter's département), a safe file name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from courriers.donnees.convocation import Convocation
from courriers.donnees.destinataire import Destinataire
from courriers.francais.dates import date_numerique
from courriers.francais.delais import delai_en_texte
from courriers.francais.formules import Formules, Style, formules
from courriers.francais.jours_ouvres import jours_ouvres_avant
from courriers.messages import erreur
from courriers.moteur import filtres
from courriers.moteur.proprietes import Proprietes
from courriers.noms_fichiers import nom_de_fichier


@dataclass(frozen=True)
class Exemplaire:
    """One document of a batch: its file name, variables and properties."""

    nom_fichier: str
    contexte: dict[str, Any]
    proprietes: Proprietes


def date_limite_reponse(convocation: Convocation) -> dt.date | None:
    """The answer deadline: the date given, or N working days before the
    meeting in the emitter's département."""
    reponse = convocation.convocation.reponse
    if reponse is None:
        return None
    if reponse.date is not None:
        return reponse.date
    assert reponse.jours_ouvres is not None
    try:
        return jours_ouvres_avant(
            convocation.reunion.date, reponse.jours_ouvres, convocation.emetteur.departement
        )
    except OverflowError as exc:  # before the year 1
        raise erreur(
            "donnees.date_hors_calendrier",
            champ="convocation.reponse.jours_ouvres",
            delai=delai_en_texte(reponse.jours_ouvres, "jours_ouvres"),
        ) from exc


def formules_de(destinataire: Destinataire, style: Style = "je_vous_prie") -> Formules:
    """The opening and closing formulas for ``destinataire``."""
    return formules(
        destinataire.qualite_formules,
        destinataire.civilite,
        appel=destinataire.formule_appel,
        niveau=destinataire.niveau,
        style=style,
    )


def exemplaires(convocation: Convocation) -> list[Exemplaire]:
    """Every invitation of ``convocation``, in the order of the invitees."""
    commun = convocation.champs()
    echeance = date_limite_reponse(convocation)
    reunion = convocation.reunion
    objet = convocation.convocation.objet or filtres.objet_convocation(reunion)
    auteur = filtres.auteur(convocation.emetteur)
    total = len(reunion.convoques)
    resultat = []
    for numero, convoque in enumerate(reunion.convoques, start=1):
        parties = [convoque.nom, convoque.prenom] if convoque.nom else [convoque.fonction]
        resultat.append(
            Exemplaire(
                nom_fichier=nom_de_fichier(
                    "convocation", numero, total, *(p or "" for p in parties), extension="docx"
                ),
                contexte={
                    **commun,
                    "convoque": convoque,
                    "formules": formules_de(convoque),
                    "date_limite_reponse": echeance,
                    "numero": numero,
                },
                proprietes=Proprietes(
                    titre=f"{objet.rstrip('.')} – {convoque.ligne_nom()}",
                    auteur=auteur,
                    sujet=f"Convocation du {date_numerique(reunion.date)}",
                ),
            )
        )
    return resultat
