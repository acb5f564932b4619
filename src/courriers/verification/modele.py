"""Checking a whole template: each part read, cut into tags and checked, or
compiled whole when no check finds a problem."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from courriers.limites import verifier_paquet_docx
from courriers.verification.analyse import _Balises
from courriers.verification.decoupage import _Decoupage
from courriers.verification.lieux import _Paragraphe, _paragraphes
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
    problemes: list[Probleme] = []
    parties = _parties(chemin)
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
