"""The first proof: the seed minutes regenerated from data.

The expected text is the seed document itself (copied from the project's
reference material into ``tests/donnees``) with its own typos corrected,
each correction listed below with its reason. The comparison is on text read
back by docx2python, line by line, list markers and kinds of spaces aside.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from conftest import DONNEES_TESTS
from outils_texte import lignes_comparables, texte

SEED = DONNEES_TESTS / "seed-compte-rendu-allier-2022.txt"

#: (in the seed, in the generated document, why)
CORRECTIONS: list[tuple[str, str, str]] = [
    ("**PRÉFET", "PRÉFET", "gras du texte brut"),
    ("DE L'ALLIER**", "DE L'ALLIER", "gras du texte brut"),
    ("*Liberté", "Liberté", "italique du texte brut"),
    ("Fraternité*", "Fraternité", "italique du texte brut"),
    ("Etaient présents", "Étaient présents", "capitale accentuée"),
    ("A cette occasion", "À cette occasion", "capitale accentuée"),
    ("- 3- Résultats", "- 3 - Résultats", "espacement du numéro"),
    ("CLAUDET,, adjoint", "CLAUDET, adjoint", "virgule doublée"),
    (
        "GUILLEMINOT, Vice-Présidente, de l'association",
        "GUILLEMINOT, vice-présidente de l'association",
        "virgule parasite ; fonction en minuscules comme les autres",
    ),
    (
        "(diffusion\n\nd'informations",
        "(diffusion d'informations",
        "saut de page du texte brut",
    ),
    ("1^{er}", "1er", "exposant du texte brut"),
    ("(cf pièce jointe)", "(cf. pièce jointe)", "abréviation de confer"),
]


def texte_attendu() -> str:
    attendu = SEED.read_text(encoding="utf-8")
    for avant, apres, _pourquoi in CORRECTIONS:
        assert avant in attendu, f"correction sans objet : {avant!r}"
        attendu = attendu.replace(avant, apres)
    return attendu


def test_le_compte_rendu_genere_reprend_le_texte_du_seed(cr_exemple: Path) -> None:
    attendu = lignes_comparables(texte_attendu())
    obtenu = lignes_comparables(texte(cr_exemple))
    ecarts = "\n".join(difflib.unified_diff(attendu, obtenu, "seed", "généré", lineterm=""))
    assert obtenu == attendu, ecarts


@pytest.mark.skipif(
    not os.environ.get("COURRIERS_CR_EXTERNE"),
    reason="COURRIERS_CR_EXTERNE : document produit par une installation propre (.ci/run)",
)
def test_document_externe_reprend_le_texte_du_seed() -> None:
    externe = Path(os.environ["COURRIERS_CR_EXTERNE"])
    assert lignes_comparables(texte(externe)) == lignes_comparables(texte_attendu())
