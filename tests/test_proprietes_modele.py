"""Document properties written as Jinja in a template's ``core.xml`` are
rendered; the derived properties apply where the template leaves them
empty or writes no tag (``docs/modeles-docx.md``)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from conftest import EXEMPLE
from courriers import Convocation, ErreurModele, charger
from courriers.convocations import exemplaires
from courriers.moteur.prepare import preparer
from courriers.moteur.proprietes import texte_propriete


@pytest.fixture(scope="module")
def exemplaire() -> Any:
    return exemplaires(charger(EXEMPLE, Convocation))[0]


def _modele(dossier: Path, **proprietes: str) -> Path:
    document = Document()
    document.add_paragraph("{{ convoque|prenom_nom }}")
    for nom, valeur in proprietes.items():
        setattr(document.core_properties, nom, valeur)
    chemin = dossier / "modele.docx"
    document.save(str(chemin))
    return chemin


def _proprietes(modele: Path, exemplaire: Any) -> Any:
    rendu = preparer(modele).rendre(exemplaire.contexte, exemplaire.proprietes)
    return Document(io.BytesIO(rendu)).core_properties


def test_proprietes_jinja_rendues_et_proprietes_calculees_ailleurs(
    tmp_path: Path, exemplaire: Any
) -> None:
    modele = _modele(
        tmp_path,
        title="Convocation de {{ convoque|prenom_nom }} & co",
        subject="",
        author="Jean Saisie",  # Word's user: no tag, the derived author wins
        keywords="{{ reunion.instance.nom }}",
        comments="Modèle du service",
    )
    lues = _proprietes(modele, exemplaire)
    assert lues.title == "Convocation de Isabelle MARTIN & co"
    assert lues.subject == texte_propriete(exemplaire.proprietes.sujet)  # empty in the template
    assert lues.author == texte_propriete(exemplaire.proprietes.auteur) == "PRÉFET DE L’ALLIER"
    assert lues.keywords == "comité local des usagers"
    assert lues.comments == "Modèle du service"  # kept as it is
    assert lues.language == "fr-FR"


def test_propriete_jinja_vide_une_fois_rendue(tmp_path: Path, exemplaire: Any) -> None:
    modele = _modele(tmp_path, title="{% if false %}rien{% endif %}")
    assert _proprietes(modele, exemplaire).title == texte_propriete(exemplaire.proprietes.titre)


def test_variable_inconnue_dans_une_propriete(tmp_path: Path, exemplaire: Any) -> None:
    modele = _modele(tmp_path, title="{{ reunion.salle }}")
    with pytest.raises(ErreurModele, match="« salle » n'existe pas"):
        _proprietes(modele, exemplaire)
