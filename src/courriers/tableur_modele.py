"""Writing a members' spreadsheet (XLSX): the ready-to-fill template of
``courriers exemple convoques --xlsx``, and the bundled examples.

The sheet « Membres » has the French headers of :data:`courriers.tableur.COLONNES`,
lists of allowed values (data validation) for the civilité, the seat, the
collège and the answer, and the rows given; a sheet « Listes » holds the
collèges offered by the list (to edit), a sheet « Lisez-moi » the columns.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from courriers.ecriture import ecrire_atomiquement
from courriers.tableur import COLONNES

ENTETES_MEMBRES: Final = (
    "college",
    "civilite",
    "prenom",
    "nom",
    "fonction",
    "organisme",
    "siege",
    "suppleant_de",
    "membre",
    "courriel",
    "telephone",
    "qualite_formules",
    "adresse_1",
    "adresse_2",
    "adresse_3",
    "adresse_4",
    "presence",
    "pouvoir_a",
)
"""The columns of the template, in order (any order is read back)."""

ENTETES_REPONSES: Final = ("prenom", "nom", "presence", "pouvoir_a", "date_reponse", "emarge")

LISTES: Final[dict[str, tuple[str, ...]]] = {
    "civilite": ("M.", "Mme"),
    "siege": ("titulaire", "suppléant"),
    "membre": ("oui", "non"),
    "presence": ("présent", "à distance", "excusé", "absent", "suppléé", "pouvoir"),
    "emarge": ("oui", "non"),
}

EXEMPLE: Final[dict[str, Any]] = {
    "college": "Collège des administrations de l'État",
    "civilite": "Mme",
    "prenom": "Claire",
    "nom": "Dumas",
    "fonction": "directeur départemental des territoires",
    "organisme": "la direction départementale des territoires de l'Allier",
    "siege": "titulaire",
    "membre": "oui",
    "courriel": "claire.dumas@allier.gouv.fr",
    "qualite_formules": "directeur",
    "adresse_1": "51 boulevard Saint-Exupéry",
    "adresse_2": "CS 30110",
    "adresse_3": "03403 YZEURE CEDEX",
}
"""The example row of the template."""

_COLLEGES_MODELE: Final = (
    "Collège des administrations de l'État",
    "Collège des collectivités territoriales",
    "Collège des associations et personnalités qualifiées",
)


def _entete(champ: str) -> str:
    return next(c.entete for c in COLONNES if c.champ == champ)


def classeur(
    lignes: Sequence[dict[str, Any]],
    colleges: Sequence[str] = _COLLEGES_MODELE,
    champs: Sequence[str] = ENTETES_MEMBRES,
    titre: str = "Membres",
) -> bytes:
    """The XLSX bytes of a sheet ``titre`` with the columns ``champs``, the
    rows ``lignes`` (by field) and the validation lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    livre = Workbook()
    feuille = livre.active
    assert feuille is not None
    feuille.title = titre
    feuille.append([_entete(c) for c in champs])
    for cellule in feuille[1]:
        cellule.font = Font(bold=True)
        cellule.fill = PatternFill("solid", fgColor="DDDDDD")
    for ligne in lignes:
        feuille.append([ligne.get(c) for c in champs])
    feuille.freeze_panes = "A2"
    listes = livre.create_sheet("Listes")
    listes.append(["Collèges"])
    for college in colleges:
        listes.append([college])
    dernier = 1 + max(len(lignes), 500)
    for index, champ in enumerate(champs, start=1):
        lettre = get_column_letter(index)
        feuille.column_dimensions[lettre].width = 14 if champ in LISTES else 26
        if champ == "college":
            source = f"=Listes!$A$2:$A${len(colleges) + 1}"
        elif champ in LISTES:
            source = '"' + ",".join(LISTES[champ]) + '"'
        else:
            continue
        validation = DataValidation(type="list", formula1=source, allow_blank=True)
        validation.error = "Choisir une valeur de la liste."
        validation.errorTitle = _entete(champ)
        feuille.add_data_validation(validation)
        validation.add(f"{lettre}2:{lettre}{dernier}")
    _lisez_moi(livre.create_sheet("Lisez-moi"), champs)
    tampon = io.BytesIO()
    livre.save(tampon)
    return tampon.getvalue()


def _lisez_moi(feuille: Any, champs: Sequence[str]) -> None:
    feuille.append(["Colonne", "Contenu"])
    from courriers.donnees.membre import Membre

    for champ in champs:
        nom = "adresse" if champ.startswith("adresse_") else champ
        description = Membre.model_fields[nom].description or ""
        feuille.append([_entete(champ), description])
    feuille.column_dimensions["A"].width = 24
    feuille.column_dimensions["B"].width = 120


def ecrire_modele(chemin: Path) -> Path:
    """Write the ready-to-fill template spreadsheet to ``chemin``."""
    ecrire_atomiquement(chemin, classeur([EXEMPLE]))
    return chemin
