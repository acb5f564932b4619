"""Table grids that match their rows, decided on the rendered XML.

A table declares its columns once (``w:tblGrid``, one ``w:gridCol`` per
column) and each row lays its cells on that grid (a cell covers
``w:gridSpan`` columns; ``w:gridBefore``/``w:gridAfter`` skip some; a legacy
``w:hMerge`` cell still covers one). A column loop (``{%tc for %}``), a
``colspan`` or ``hm`` tag, a ``{#tc … #}`` comment or a loop that gives
fewer cells change the rows but not the grid: Word copes, LibreOffice drops
the columns the grid does not declare, and their text is missing from the
PDF.

:func:`reparer_grilles` gives every table whose widest row disagrees with
its grid a new grid of as many columns as that row covers. Widths, read
on that row (of the widest rows, the one with the most cells): each column
takes the width of the rendered cell that covers it alone (the template
cell it was copied from), else the template's column at that place, else
the template's mean column; then all are scaled so that the table keeps
its width. Cells with a fixed width (``w:tcW`` in twentieths of a point)
are given the width of the columns they cover.

:func:`grilles_incoherentes` finds the tables of a template whose grid
already disagrees with its rows (a table broken in Word), for the checker.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{NS_W}}}"
_NS = {"w": NS_W}


def reparer_grilles(arbre: Any) -> int:
    """Repair the grid of each table of ``arbre`` whose rows disagree with
    it; return how many were repaired.

    >>> xml = (f'<w:tbl xmlns:w="{NS_W}"><w:tblGrid><w:gridCol w:w="3000"/>'
    ...        '<w:gridCol w:w="6000"/></w:tblGrid><w:tr><w:tc/><w:tc/><w:tc/></w:tr></w:tbl>')
    >>> table = etree.fromstring(xml)
    >>> reparer_grilles(table)
    1
    >>> [c.get(f"{_W}w") for c in table.iter(f"{_W}gridCol")]
    ['2000', '4000', '3000']
    """
    reparees = 0
    for tableau in _tableaux(arbre):
        if _reparer(tableau):
            reparees += 1
    return reparees


def grilles_incoherentes(arbre: Any) -> list[tuple[int, int, int]]:
    """The tables of ``arbre`` whose widest row does not cover the columns
    of its grid: (table number from 1 in document order, columns of the
    grid, columns of the widest row).

    >>> xml = (f'<w:tbl xmlns:w="{NS_W}"><w:tblGrid><w:gridCol/></w:tblGrid>'
    ...        '<w:tr><w:tc/><w:tc/></w:tr></w:tbl>')
    >>> grilles_incoherentes(etree.fromstring(xml))
    [(1, 1, 2)]
    """
    trouves = []
    for numero, tableau in enumerate(_tableaux(arbre), start=1):
        grille = tableau.find(f"{_W}tblGrid")
        declarees = 0 if grille is None else len(grille.findall(f"{_W}gridCol"))
        couvertes = max((_couverture(ligne) for ligne in _lignes(tableau)), default=0)
        if couvertes and couvertes != declarees:
            trouves.append((numero, declarees, couvertes))
    return trouves


def _tableaux(arbre: Any) -> list[Any]:
    """Every table, the root itself included, in document order."""
    return [e for e in arbre.iter(f"{_W}tbl")]


def _lignes(tableau: Any) -> Iterator[Any]:
    """The rows of ``tableau`` (not those of the tables nested in it)."""
    yield from tableau.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr", namespaces=_NS)


def _cellules(ligne: Any) -> list[Any]:
    cellules: list[Any] = ligne.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc", namespaces=_NS)
    return cellules


def _entier(element: Any, chemin: str, defaut: int) -> int:
    trouve = element.find(chemin, _NS)
    if trouve is None:
        return defaut
    try:
        return max(int(trouve.get(f"{_W}val", defaut)), 0)
    except ValueError:
        return defaut


def _portee(cellule: Any) -> int:
    """How many grid columns a cell covers (at least 1)."""
    return max(_entier(cellule, "w:tcPr/w:gridSpan", 1), 1)


def _couverture(ligne: Any) -> int:
    """How many grid columns a row covers, skipped ones included."""
    avant = _entier(ligne, "w:trPr/w:gridBefore", 0)
    apres = _entier(ligne, "w:trPr/w:gridAfter", 0)
    return avant + sum(_portee(c) for c in _cellules(ligne)) + apres


def _largeur(element: Any, nom: str) -> int | None:
    """A width in twentieths of a point (``w:w``), None when not set or relative."""
    if element is None:
        return None
    if nom != "gridCol" and element.get(f"{_W}type", "dxa") != "dxa":
        return None
    try:
        valeur = int(float(element.get(f"{_W}w", "")))
    except ValueError:
        return None
    return valeur if valeur > 0 else None


def _reparer(tableau: Any) -> bool:
    lignes = list(_lignes(tableau))
    if not lignes:
        return False
    grille = tableau.find(f"{_W}tblGrid")
    if grille is None:
        grille = etree.Element(f"{_W}tblGrid")
        tblpr = tableau.find(f"{_W}tblPr")
        tableau.insert(0 if tblpr is None else tblpr.getparent().index(tblpr) + 1, grille)
    colonnes = grille.findall(f"{_W}gridCol")
    # The widest row; of those, the one with the most cells (the finest widths).
    large = max(lignes, key=lambda ligne: (_couverture(ligne), len(_cellules(ligne))))
    voulues = _couverture(large)
    if voulues == len(colonnes) or voulues == 0:
        return False
    anciennes = [_largeur(c, "gridCol") for c in colonnes]
    largeurs = _nouvelles_largeurs(large, voulues, anciennes)
    for colonne in colonnes:
        grille.remove(colonne)
    for largeur in largeurs:
        colonne = etree.SubElement(grille, f"{_W}gridCol")
        if largeur is not None:
            colonne.set(f"{_W}w", str(largeur))
    if all(largeur is not None for largeur in largeurs):
        for ligne in lignes:
            _largeurs_des_cellules(ligne, [int(largeur or 0) for largeur in largeurs])
    return True


def _nouvelles_largeurs(large: Any, voulues: int, anciennes: list[int | None]) -> list[int | None]:
    """The widths of the new grid (None for all when the template's grid
    has no widths)."""
    connues = [a for a in anciennes if a is not None]
    if not connues or len(connues) != len(anciennes):
        return [None] * voulues
    total, moyenne = sum(connues), sum(connues) / len(connues)
    proposees: list[float] = []
    colonne = _entier(large, "w:trPr/w:gridBefore", 0)
    proposees += [connues[i] if i < len(connues) else moyenne for i in range(colonne)]
    for cellule in _cellules(large):
        portee = _portee(cellule)
        # A merged cell's width is the template cell's, before the merge.
        largeur = _largeur(cellule.find("w:tcPr/w:tcW", _NS), "tcW") if portee == 1 else None
        for i in range(colonne, colonne + portee):
            if largeur is not None:
                proposees.append(largeur)
            else:
                proposees.append(connues[i] if i < len(connues) else moyenne)
        colonne += portee
    proposees += [moyenne] * (voulues - len(proposees))
    echelle = total / sum(proposees)
    largeurs: list[int | None] = [max(int(p * echelle), 1) for p in proposees]
    return largeurs


def _largeurs_des_cellules(ligne: Any, largeurs: list[int]) -> None:
    """Each cell with a fixed width gets the width of the columns it covers."""
    colonne = _entier(ligne, "w:trPr/w:gridBefore", 0)
    for cellule in _cellules(ligne):
        portee = _portee(cellule)
        tcw = cellule.find("w:tcPr/w:tcW", _NS)
        if tcw is not None and tcw.get(f"{_W}type", "dxa") == "dxa":
            tcw.set(f"{_W}w", str(sum(largeurs[colonne : colonne + portee])))
        colonne += portee
