"""Checking a whole template: each part read, cut into tags and checked, or
compiled whole when no check finds a problem."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from courriers.limites import verifier_paquet_docx
from courriers.messages import erreur
from courriers.moteur.bornes import TempsDepasse, duree_limitee, valeur_limite
from courriers.moteur.etapes import NS_W
from courriers.moteur.grilles import grilles_incoherentes
from courriers.moteur.references import references_du_paquet
from courriers.verification.accessibilite import verifier_accessibilite
from courriers.verification.analyse import _Balises
from courriers.verification.decoupage import _Decoupage
from courriers.verification.lieux import _Paragraphe, _paragraphes, _texte
from courriers.verification.parties import _compilation, _nom_partie, _parties, _racine
from courriers.verification.placements import _Placements
from courriers.verification.problemes import Probleme, _Signalements
from courriers.verification.schema import _Regles, _regles
from courriers.verification.word import (
    structure_apres_reparation,
    verifier_styles,
    verifier_word,
)


def verifier_modele(chemin: Path, code_type: str) -> list[Probleme]:
    """Every problem of the template ``chemin`` for the document type
    ``code_type`` (``cr``, ``convocation``…), in document order.

    Raises :class:`ErreurModele` when the file is not a readable DOCX.
    """
    regles = _regles(code_type)
    verifier_paquet_docx(chemin)
    problemes: list[Probleme] = _references(chemin)
    parties = _parties(chemin)
    try:
        with duree_limitee("COURRIERS_DUREE_MAX_VERIFICATION"):
            for nom, octets in parties:
                partie = _nom_partie(nom)
                racine = _racine(chemin, nom, octets)
                paragraphes = _paragraphes(racine)
                trouves = _verifier_partie(partie, racine, paragraphes, regles)
                if not any(p.bloquant for p in trouves):
                    trouves += _compilation(chemin.name, partie, octets, paragraphes, regles.env)
                if not any(p.bloquant for p in trouves):
                    trouves += structure_apres_reparation(partie, octets, paragraphes)
                problemes += trouves
    except TempsDepasse:
        secondes = valeur_limite("COURRIERS_DUREE_MAX_VERIFICATION")
        raise erreur(
            "modele.verification_trop_longue", chemin=chemin, secondes=f"{secondes:g}"
        ) from None
    return problemes + verifier_styles(parties, _styles(chemin))


def _styles(chemin: Path) -> bytes | None:
    """The template's ``word/styles.xml`` (None when absent)."""
    with zipfile.ZipFile(chemin) as paquet:
        if "word/styles.xml" not in paquet.namelist():
            return None
        return paquet.read("word/styles.xml")


def _verifier_partie(
    partie: str, racine: Any, paragraphes: list[_Paragraphe], regles: _Regles
) -> list[Probleme]:
    """Every problem of one part, in document order."""
    signalements = _Signalements(partie, paragraphes)
    balises = _Decoupage(signalements).balises()
    _Placements(signalements).verifier(balises)
    _Balises(signalements, regles).verifier(balises)
    if paragraphes:
        verifier_word(signalements, racine, balises)
    return signalements.problemes()


def _references(chemin: Path) -> list[Probleme]:
    """The external references of the package (``moteur/references.py``)."""
    return [
        Probleme(
            "reference_externe",
            r.partie,
            r.lieu,
            "",
            f"{r.detail} : un modèle ne peut lier ni fichier ni adresse (seuls les liens "
            "hypertextes sont permis) ; incorporez l'image, supprimez le champ ou la liaison",
        )
        for r in references_du_paquet(chemin)
    ]


def avertissements_modele(chemin: Path) -> list[Probleme]:
    """What may make the documents of the template ``chemin`` wrong for
    some readers, though the engine renders them: tables whose grid
    disagrees with their rows (a table broken in Word), and the
    accessibility checks (:mod:`courriers.verification.accessibilite`).

    Raises :class:`ErreurModele` when the file is not a readable DOCX.
    """
    verifier_paquet_docx(chemin)
    avertissements: list[Probleme] = []
    for nom, octets in _parties(chemin):
        racine = _racine(chemin, nom, octets)
        tableaux = list(racine.iter(f"{{{NS_W}}}tbl"))
        for numero, declarees, couvertes in grilles_incoherentes(racine):
            premiere = tableaux[numero - 1].find(f"{{{NS_W}}}tr")
            texte = (
                " | ".join(_texte(p) for p in premiere.iter(f"{{{NS_W}}}p"))
                if premiere is not None
                else ""
            )
            avertissements.append(
                Probleme(
                    "grille_incoherente",
                    _nom_partie(nom),
                    f"tableau {numero}",
                    texte,
                    f"la grille du tableau déclare {declarees} colonne(s) mais sa ligne la plus "
                    f"large en occupe {couvertes} : LibreOffice peut déplacer ou masquer des "
                    "cellules ; dans Word, sélectionnez le tableau, Disposition > Taille "
                    "automatique > Ajuster au contenu, puis Ajuster à la fenêtre, et enregistrez",
                    gravite="avertissement",
                )
            )
    return avertissements + verifier_accessibilite(chemin, document=False)
