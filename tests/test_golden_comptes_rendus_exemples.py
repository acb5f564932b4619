"""The bundled minutes of other kinds of meetings, each rendered with the
built-in template and read back (docx2python), compared line by line with
its reviewed expected text in ``tests/attendus/``.

* a sous-préfecture comité local des usagers: chair by function only,
  ``sous la présidence de``, weekday, excusés by function, surname-only agent;
* a commission de suivi de site: collèges as tables, ranks, bodies
  represented, an empty collège, votes, quorum, expanded title;
* a CODERST: relevé de décisions, Date / Lieu / Présidence block, avis
  derived from counts, actions, annexes, an empty list stated, next meeting;
* assises over two days with no start time, a non-State emitter (no
  devise), plural designations, a person without civilité, À retenir.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from courriers import CompteRendu, charger, ecrire
from outils_texte import lignes_comparables, texte

RACINE = Path(__file__).resolve().parent.parent
ATTENDUS = Path(__file__).resolve().parent / "attendus"

EXEMPLES = [
    "comite-local-usagers-nyons-2023",
    "commission-suivi-site-salaise-2023",
    "coderst-cantal-2023",
    "assises-eau-drome-2023",
]


@pytest.mark.parametrize("nom", EXEMPLES)
def test_exemple_reprend_son_texte_relu(nom: str, tmp_path: Path) -> None:
    sortie = ecrire(charger(RACINE / "exemples" / f"{nom}.json", CompteRendu), tmp_path / "cr.docx")
    attendu = lignes_comparables((ATTENDUS / f"cr-{nom}.txt").read_text(encoding="utf-8"))
    obtenu = lignes_comparables(texte(sortie))
    ecarts = "\n".join(difflib.unified_diff(attendu, obtenu, "attendu", "généré", lineterm=""))
    assert obtenu == attendu, ecarts
