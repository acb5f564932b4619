"""Templates whose tables change their columns when rendered, built by code
(python-docx, then lxml for the cells python-docx cannot express).

Each has a table whose rendered rows disagree with the template's grid: a
``{%tc for %}`` column loop, ``colspan``, ``hm``, ``vm`` in a row loop, a
``{#tc … #}`` comment, fewer cells after a loop. Every cell's text is a
word of its own (``MOTS``), so that a hidden column is seen as missing
words in the PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COLONNES = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]
#: The set of the columns, written in the template (a literal list).
_DEFINITION = '{%p set colonnes = ["' + '", "'.join(COLONNES) + '"] %}'


def _document(titre: str) -> Any:
    document = Document()
    document.add_paragraph("{{ convoque|prenom_nom }}")
    document.add_paragraph(_DEFINITION)
    document.add_paragraph(titre)
    return document


def _tableau(document: Any, lignes: list[list[str]]) -> Any:
    """A table of these rows (as many cells as the longest row, the
    missing ones removed), columns of 160 mm in all, the table as wide as
    the text."""
    colonnes = max(len(ligne) for ligne in lignes)
    table = document.add_table(rows=len(lignes), cols=colonnes)
    table.style = "Table Grid"
    for rang, ligne in enumerate(lignes):
        for numero, texte in enumerate(ligne):
            table.cell(rang, numero).text = texte
    for rang, ligne in enumerate(lignes):
        tr = table.rows[rang]._tr
        for tc in tr.findall(f"{W}tc")[len(ligne) :]:
            tr.remove(tc)
    for colonne in table.columns:
        colonne.width = Mm(160 / colonnes)
    largeur = table._tbl.tblPr.find(f"{W}tblW")  # the full text width, as tables often are
    largeur.set(f"{W}type", "pct")
    largeur.set(f"{W}w", "5000")
    document.add_paragraph("Fin du document.")
    return table


def boucle_de_colonnes(dossier: Path) -> Path:
    """``{%tc for %}``: 4 columns in the template, 7 rendered."""
    document = _document("Boucle de colonnes")
    _tableau(
        document,
        [
            ["Rang", "{%tc for c in colonnes %}", "{{ c }}", "{%tc endfor %}"],
            ["Premier", "{%tc for c in colonnes %}", "{{ c|lower }}", "{%tc endfor %}"],
        ],
    )
    return _enregistrer(document, dossier, "boucle-de-colonnes")


def colspan(dossier: Path) -> Path:
    """``{% colspan %}``: a title cell over the 6 columns of a loop, beside a
    last cell."""
    document = _document("Fusion colspan")
    _tableau(
        document,
        [
            ["{% colspan colonnes|length %}Synthèse", "Notes"],
            ["{%tc for c in colonnes %}", "{{ c }}", "{%tc endfor %}", "Golf"],
        ],
    )
    return _enregistrer(document, dossier, "colspan")


def fusion_horizontale(dossier: Path) -> Path:
    """``{% hm %}``: one header cell over the cells of a column loop."""
    document = _document("Fusion horizontale hm")
    _tableau(
        document,
        [
            ["Rang", "{%tc for c in colonnes %}", "{% hm %}Colonnes", "{%tc endfor %}", "Hotel"],
            ["Zulu", "{%tc for c in colonnes %}", "{{ c }}", "{%tc endfor %}", "India"],
        ],
    )
    return _enregistrer(document, dossier, "fusion-horizontale")


def fusion_verticale(dossier: Path) -> Path:
    """``{% vm %}`` in a row loop, beside a column loop."""
    document = _document("Fusion verticale vm")
    _tableau(
        document,
        [
            ["Groupe", "{%tc for c in colonnes %}", "{{ c }}", "{%tc endfor %}"],
            ["{%tr for ligne in ['Juliett', 'Kilo'] %}"],
            [
                "{% vm %}Lima",
                "{%tc for c in colonnes %}",
                "{{ ligne }}{{ loop.index }}",
                "{%tc endfor %}",
            ],
            ["{%tr endfor %}"],
        ],
    )
    return _enregistrer(document, dossier, "fusion-verticale")


def commentaire(dossier: Path) -> Path:
    """``{#tc … #}``: a column of notes for the template's authors, removed
    from every row."""
    document = _document("Commentaire de cellule")
    _tableau(
        document,
        [
            ["Mike", "{#tc colonne de notes #}", "November", "Oscar"],
            ["Papa", "{#tc notes #}", "Quebec", "Romeo"],
        ],
    )
    return _enregistrer(document, dossier, "commentaire")


def moins_de_cellules(dossier: Path) -> Path:
    """A loop that gives fewer cells than the template has."""
    document = _document("Moins de cellules")
    _tableau(
        document,
        [
            ["Sierra", "{%tc for c in colonnes[:1] %}", "{{ c }}", "{%tc endfor %}", "Tango"],
            ["Uniform", "{%tc for c in colonnes[1:2] %}", "{{ c }}", "{%tc endfor %}", "Victor"],
        ],
    )
    return _enregistrer(document, dossier, "moins-de-cellules")


def _enregistrer(document: Any, dossier: Path, nom: str) -> Path:
    chemin = dossier / f"tableau-{nom}.docx"
    document.save(str(chemin))
    return chemin


#: Each template builder, by name.
MODELES: dict[str, Callable[[Path], Path]] = {
    "boucle-de-colonnes": boucle_de_colonnes,
    "colspan": colspan,
    "fusion-horizontale": fusion_horizontale,
    "fusion-verticale": fusion_verticale,
    "commentaire": commentaire,
    "moins-de-cellules": moins_de_cellules,
}

#: The words each rendered table must show (every column's).
MOTS: dict[str, list[str]] = {
    "boucle-de-colonnes": ["Rang", "Premier", *COLONNES, *(c.lower() for c in COLONNES)],
    "colspan": ["Synthèse", "Notes", *COLONNES, "Golf"],
    "fusion-horizontale": ["Rang", "Colonnes", "Hotel", "Zulu", *COLONNES, "India"],
    "fusion-verticale": ["Groupe", "Lima", *COLONNES, "Juliett1", "Juliett6", "Kilo2"],
    "commentaire": ["Mike", "November", "Oscar", "Papa", "Quebec", "Romeo"],
    "moins-de-cellules": ["Sierra", "Alpha", "Tango", "Uniform", "Bravo", "Victor"],
}

#: Pairs of words that must be in the same column (the same left edge).
ALIGNES: dict[str, list[tuple[str, str]]] = {
    "boucle-de-colonnes": [("Alpha", "alpha"), ("Foxtrot", "foxtrot")],
    "colspan": [("Synthèse", "Alpha"), ("Notes", "Golf")],
    "fusion-horizontale": [("Colonnes", "Alpha"), ("Hotel", "India")],
    "fusion-verticale": [("Alpha", "Juliett1"), ("Foxtrot", "Juliett6")],
    "commentaire": [("Mike", "Papa"), ("Oscar", "Romeo")],
    "moins-de-cellules": [("Alpha", "Bravo"), ("Tango", "Victor")],
}
