"""Shared fixtures: the bundled example and a rendered copy of it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from courriers import CompteRendu, charger, ecrire

RACINE = Path(__file__).resolve().parent.parent
EXEMPLE = RACINE / "exemples" / "comite-local-usagers-allier-2022.json"
DONNEES_TESTS = Path(__file__).resolve().parent / "donnees"


@pytest.fixture
def donnees_exemple() -> dict[str, Any]:
    """The seed example as a dict, to modify in a test."""
    donnees: dict[str, Any] = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    return donnees


@pytest.fixture(scope="session")
def cr_exemple(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed example rendered once for the session."""
    sortie = tmp_path_factory.mktemp("exemple") / "cr.docx"
    ecrire(charger(EXEMPLE, CompteRendu), sortie)
    return sortie


def modele_paragraphes(dossier: Path, *paragraphes: str) -> Path:
    """A template of plain paragraphs (``modele.docx`` in ``dossier``)."""
    from docx import Document

    document = Document()
    for paragraphe in paragraphes:
        document.add_paragraph(paragraphe)
    chemin = dossier / "modele.docx"
    document.save(str(chemin))
    return chemin


def rendre_dict(donnees: dict[str, Any], dossier: Path) -> Path:
    """Validate ``donnees`` as minutes, render them into ``dossier``."""
    from courriers.documents import depuis_donnees

    sortie = dossier / "cr.docx"
    ecrire(depuis_donnees(donnees, CompteRendu, "test"), sortie)
    return sortie


# Hypothesis profiles: "ci" (default) and "nuit" (HYPOTHESIS_PROFILE=nuit).
from hypothesis import settings as _reglages  # noqa: E402

_reglages.register_profile("ci", max_examples=30, deadline=None)
_reglages.register_profile("nuit", max_examples=1000, deadline=None)
_reglages.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
