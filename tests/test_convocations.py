"""Invitations: one per invitee with the right forms of address, a batch
engine that gives the text plain docxtpl gives, all-or-nothing writing."""

from __future__ import annotations

import base64
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Mm
from docx2python import docx2python
from docxtpl import DocxTemplate

from conftest import EXEMPLE
from courriers import Convocation, charger
from courriers.cli import main
from courriers.convocations import date_limite_reponse, exemplaires
from courriers.documents import chemin_modele, depuis_donnees, preparer_modele
from courriers.moteur.donnees_gabarit import Conversion
from courriers.moteur.environnement import environnement
from courriers.moteur.prepare import preparer
from modeles_tableaux import MODELES as MODELES_TABLEAUX
from modeles_tableaux import MOTS as MOTS_TABLEAUX
from outils_texte import texte

#: For each invitee of the example: opening and closing formulas, checked by hand.
FORMULES_ATTENDUES = [
    (
        "Madame la Maire,",
        "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération.",
    ),
    (
        "Monsieur le Président,",
        "Je vous prie d'agréer, Monsieur le Président, l'expression de ma haute considération.",
    ),
    (
        "Monsieur le Président,",
        "Je vous prie d'agréer, Monsieur le Président, l'expression de ma considération distinguée.",
    ),
    (
        "Madame la Présidente,",
        "Je vous prie d'agréer, Madame la Présidente, l'expression de ma considération distinguée.",
    ),
    (
        "Monsieur le Député,",
        "Je vous prie d'agréer, Monsieur le Député, l'expression de ma haute considération.",
    ),
    (
        "Madame la Sénatrice,",
        "Je vous prie d'agréer, Madame la Sénatrice, l'expression de ma haute considération.",
    ),
    (
        "Madame la Sous-Préfète,",
        "Je vous prie d'agréer, Madame la Sous-Préfète, l'assurance de ma considération distinguée.",
    ),
    (
        "Monsieur le Directeur,",
        "Je vous prie d'agréer, Monsieur le Directeur, l'assurance de ma considération distinguée.",
    ),
    (
        "Madame la Directrice départementale,",
        "Je vous prie d'agréer, Madame la Directrice départementale, l'assurance de ma considération distinguée.",
    ),
    (
        "Madame la Cheffe de service,",
        "Je vous prie d'agréer, Madame la Cheffe de service, l'assurance de ma considération distinguée.",
    ),
    ("Maître,", "Je vous prie d'agréer, Maître, l'assurance de ma considération distinguée."),
    ("Maître,", "Je vous prie d'agréer, Maître, l'assurance de ma considération distinguée."),
    ("Monsieur,", "Je vous prie d'agréer, Monsieur, l'expression de ma considération distinguée."),
    (
        "Monsieur le Directeur,",
        "Je vous prie d'agréer, Monsieur le Directeur, l'assurance de ma considération distinguée.",
    ),
]


@pytest.fixture(scope="module")
def convocation() -> Convocation:
    return charger(EXEMPLE, Convocation)


def test_l_exemple_convoque_au_moins_douze_personnes_variees(convocation: Convocation) -> None:
    convoques = convocation.reunion.convoques
    assert len(convoques) >= 12
    assert {c.civilite for c in convoques} == {"M.", "Mme"}
    assert len({c.qualite_formules for c in convoques}) >= 10


@pytest.mark.parametrize("numero", range(len(FORMULES_ATTENDUES)))
def test_formules_de_chaque_convocation(
    numero: int, convocation: Convocation, tmp_path: Path
) -> None:
    exemplaire = exemplaires(convocation)[numero]
    sortie = tmp_path / exemplaire.nom_fichier
    sortie.write_bytes(
        preparer_modele(convocation).rendre(exemplaire.contexte, exemplaire.proprietes)
    )
    appel, politesse = FORMULES_ATTENDUES[numero]
    lignes = texte(sortie).splitlines()
    assert appel in lignes
    assert politesse in lignes
    assert lignes.index(appel) < lignes.index(politesse)


def test_bloc_adresse_et_phrase_de_convocation(convocation: Convocation, tmp_path: Path) -> None:
    exemplaire = exemplaires(convocation)[10]
    sortie = tmp_path / "c.docx"
    sortie.write_bytes(
        preparer_modele(convocation).rendre(exemplaire.contexte, exemplaire.proprietes)
    )
    lu = texte(sortie)
    assert "Maître Paul GIRARD\nOrdre des avocats\nPalais de justice\n03000 MOULINS\n" in lu
    assert (
        "J'ai l'honneur de vous convier à la réunion du comité local des usagers, qui se tiendra "
        "le lundi 28 février 2022 à 10h30, sous la présidence de M. Alexandre SANZ" in lu
    )
    assert "avant le lundi 21 février 2022 auprès de Mme Malorie CHANARD" in lu
    assert "https://webconf.allier.gouv.fr/comite-usagers" in lu


def test_delai_en_jours_ouvres_saute_les_feries_du_departement(
    donnees_exemple: dict[str, Any],
) -> None:
    donnees_exemple["reunion"]["date"] = "2024-04-02"  # mardi après le lundi de Pâques
    donnees_exemple["convocation"]["reponse"] = {"jours_ouvres": 5}
    convocation = depuis_donnees(donnees_exemple, Convocation)
    assert str(date_limite_reponse(convocation)) == "2024-03-25"
    donnees_exemple["convocation"]["reponse"] = {"date": "2024-03-20"}
    assert str(date_limite_reponse(depuis_donnees(donnees_exemple, Convocation))) == "2024-03-20"


def test_delai_en_moselle_le_vendredi_saint(donnees_exemple: dict[str, Any]) -> None:
    donnees_exemple["reunion"]["date"] = "2024-04-03"
    donnees_exemple["convocation"]["reponse"] = {"jours_ouvres": 3}
    # mardi 2 (1), lundi de Pâques férié, vendredi 29 (2), jeudi 28 (3)
    assert str(date_limite_reponse(depuis_donnees(donnees_exemple, Convocation))) == "2024-03-28"
    # en Moselle, le Vendredi saint est férié aussi : mercredi 27 est le 3e jour
    donnees_exemple["emetteur"]["departement"] = "57"
    assert str(date_limite_reponse(depuis_donnees(donnees_exemple, Convocation))) == "2024-03-27"


def test_noms_de_fichiers_lisibles_et_uniques(convocation: Convocation) -> None:
    noms = [e.nom_fichier for e in exemplaires(convocation)]
    assert noms[0] == "convocation-01-martin-isabelle.docx"
    assert noms[6] == "convocation-07-lefevre-anne.docx"
    assert noms[13] == "convocation-14-delegue-territorial.docx"
    assert len(set(noms)) == len(noms)


# --- the batch engine gives the text plain docxtpl gives -----------------------

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def modele_complet(dossier: Path) -> Path:
    """A template with images, a table with a row loop, header and footer."""
    image = dossier / "logo.png"
    image.write_bytes(PNG)
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ emetteur|bloc_marque }} – {{ convoque|prenom_nom }}"
    section.header.add_paragraph().add_run().add_picture(str(image), width=Mm(10))
    section.footer.paragraphs[0].text = "Page de {{ convoque|personne }} & co"
    document.add_picture(str(image), width=Mm(20))
    document.add_paragraph("{{ formules.appel }}")
    document.add_paragraph("{{ convoque|bloc_adresse }}")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "{%tr for point in reunion.ordre_du_jour %}"
    table.cell(1, 0).text = "{{ loop.index }}"
    table.cell(1, 1).text = "{{ point.titre }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    document.add_paragraph("{{p convocation.texte|markdown }}")
    document.add_paragraph("Le {{ reunion.date|date_longue(true) }} {{ reunion|horaire }}.")
    document.add_paragraph("{{ formules.politesse }}")
    chemin = dossier / "modele-complet.docx"
    document.save(str(chemin))
    return chemin


def texte_complet(contenu: bytes) -> str:
    with docx2python(io.BytesIO(contenu)) as lu:
        return str(lu.text)


def rendu_docxtpl(modele: Path, contexte: dict[str, Any]) -> bytes:
    """Plain docxtpl: a fresh DocxTemplate per document, autoescape on, the
    same environment and the same plain data as the engine."""
    gabarit = DocxTemplate(str(modele))
    donnees = Conversion().contexte({**contexte, "image_marianne": None})
    gabarit.render(donnees, jinja_env=environnement(), autoescape=True)
    sortie = io.BytesIO()
    gabarit.save(sortie)
    return sortie.getvalue()


@pytest.mark.parametrize("modele", ["integre", "complet", *MODELES_TABLEAUX])
def test_meme_texte_que_docxtpl_document_par_document(
    modele: str, donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    """The built-in template, a template with images, header and footer, and
    the templates whose table columns change (``modeles_tableaux``)."""
    donnees_exemple["convocation"]["texte"] = "Texte **gras** & <b>x</b>\n\n- une puce\n- une autre"
    convocation = depuis_donnees(donnees_exemple, Convocation)
    if modele in MODELES_TABLEAUX:
        chemin = MODELES_TABLEAUX[modele](tmp_path)
    else:
        chemin = chemin_modele(convocation) if modele == "integre" else modele_complet(tmp_path)
    prepare = preparer(chemin)
    lot = exemplaires(convocation)
    if modele in MODELES_TABLEAUX:
        lot = lot[:2]  # the same table for every invitee
    for exemplaire in lot:
        rapide = texte_complet(prepare.rendre(exemplaire.contexte, exemplaire.proprietes))
        assert rapide == texte_complet(rendu_docxtpl(chemin, exemplaire.contexte))
    if modele in MODELES_TABLEAUX:
        assert all(mot in rapide for mot in MOTS_TABLEAUX[modele])
    else:
        assert "Présentation du plan de communication" in rapide
        assert "& <b>x</b>" in rapide


# --- command line ----------------------------------------------------------------


def test_cli_un_fichier_par_convoque(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    donnees = shutil.copy(EXEMPLE, tmp_path / "reunion.json")
    assert main(["convocation", str(donnees)]) == 0
    dossier = tmp_path / "reunion-convocations"
    assert len(list(dossier.glob("convocation-*.docx"))) == 14
    assert not list(dossier.glob(".*"))
    assert "14 convocations écrites" in capsys.readouterr().out


def test_cli_en_parallele(tmp_path: Path) -> None:
    assert main(["convocation", str(EXEMPLE), "-o", str(tmp_path / "lot"), "--jobs", "2"]) == 0
    noms = sorted(p.name for p in (tmp_path / "lot").iterdir())
    assert len(noms) == 14
    assert noms[0] == "convocation-01-martin-isabelle.docx"
    assert "Madame la Maire," in texte(tmp_path / "lot" / noms[0])


def test_cli_fusion(tmp_path: Path) -> None:
    sortie = tmp_path / "toutes.docx"
    assert main(["convocation", str(EXEMPLE), "--fusion", "-o", str(sortie)]) == 0
    lu = texte(sortie)
    assert lu.count("J'ai l'honneur de vous convier") == 14
    assert lu.index("Madame la Maire,") < lu.index("Monsieur le Député,")
    document = Document(str(sortie))
    sauts = document.element.body.xpath('.//w:br[@w:type="page"]')
    assert len(sauts) == 13


def test_fusion_recommence_la_numerotation_de_chaque_convocation(tmp_path: Path) -> None:
    sortie = tmp_path / "toutes.docx"
    assert main(["convocation", str(EXEMPLE), "--fusion", "-o", str(sortie)]) == 0
    document = Document(str(sortie))
    premiers = [
        p
        for p in document.paragraphs
        if p.text.startswith("Rôle et composition")
        and p.style is not None
        and p.style.name == "Ordre du jour"
    ]
    assert len(premiers) == 14
    numeros = [p._p.pPr.numPr.numId.val for p in premiers[1:]]  # type: ignore[union-attr]
    assert len(set(numeros)) == 13


def test_adresse_invalide_refusee_sans_rien_ecrire(
    donnees_exemple: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    convoques = donnees_exemple["reunion"]["convoques"]
    convoques[2]["adresse"] = ["a", "b", "c", "d", "e", "03000 MOULINS"]
    convoques[5]["adresse"] = ["x" * 60, "03000 MOULINS"]
    convoques[8]["adresse"] = ["12 rue Pasteur", "Moulins"]
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    dossier = tmp_path / "lot"
    assert main(["convocation", str(fichier), "-o", str(dossier)]) == 3
    erreur = capsys.readouterr().err
    assert "reunion.convoques[2] : adresse de Monsieur Yves BERNARD" in erreur
    assert "7 lignes, 6 au plus" in erreur
    assert "reunion.convoques[5] : adresse de Madame Claire DUMAS" in erreur
    assert "ligne 2 : 60 caractères, 38 au plus" in erreur
    assert "reunion.convoques[8] : adresse de Madame Sophie VIDAL" in erreur
    assert "code postal (5 chiffres)" in erreur
    assert not dossier.exists()


def test_un_echec_en_cours_de_lot_n_ecrit_rien(
    donnees_exemple: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modele = tmp_path / "modele.docx"
    document = Document()
    document.add_paragraph("{% if numero == 5 %}{{ convoque.inexistant }}{% endif %}")
    document.save(str(modele))
    dossier = tmp_path / "lot"
    dossier.mkdir()
    (dossier / "convocation-01-martin-isabelle.docx").write_bytes(b"ancienne")
    assert main(["convocation", str(EXEMPLE), "-o", str(dossier), "--modele", str(modele)]) == 4
    assert "« inexistant » n'existe pas dans Membre" in capsys.readouterr().err
    assert [p.name for p in dossier.iterdir()] == ["convocation-01-martin-isabelle.docx"]
    assert (dossier / "convocation-01-martin-isabelle.docx").read_bytes() == b"ancienne"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_barre_de_progression_sur_un_terminal_seulement() -> None:
    from courriers.lots import barre_de_progression

    assert barre_de_progression(io.StringIO()) is None
    terminal = _Terminal()
    afficher = barre_de_progression(terminal)
    assert afficher is not None
    afficher(7, 14)
    afficher(14, 14)
    assert terminal.getvalue().endswith(f"\r[{'#' * 30}] 14/14\n")
    assert f"\r[{'#' * 15}{' ' * 15}] 7/14" in terminal.getvalue()


@pytest.mark.parametrize(
    ("reunion", "phrase"),
    [
        (
            {
                "president": {
                    "civilite": "M.",
                    "fonction": "Secrétaire Général",
                    "organisme": "la préfecture de l'Allier",
                }
            },
            "le lundi 28 février 2022 à 10h30, sous la présidence de M. le secrétaire général "
            "de la préfecture de l'Allier.",
        ),
        (
            {
                "president": None,
                "heure_debut": None,
                "date": "2022-11-22",
                "date_fin": "2022-11-24",
            },
            "qui se tiendra du 22 au 24 novembre 2022.",
        ),
    ],
)
def test_phrase_de_convocation_president_par_fonction_ou_absent(
    reunion: dict[str, Any], phrase: str, donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"].update(reunion)
    convocation = depuis_donnees(donnees_exemple, Convocation)
    exemplaire = exemplaires(convocation)[0]
    sortie = tmp_path / "c.docx"
    sortie.write_bytes(
        preparer_modele(convocation).rendre(exemplaire.contexte, exemplaire.proprietes)
    )
    lu = texte(sortie)
    assert phrase in lu
    assert lu.count("ecrétaire général") <= 1
