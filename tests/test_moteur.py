"""The rendering engine: no lost text, strict variables, sandbox, Word
numbering of Markdown lists."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.text.paragraph import Paragraph
from lxml import etree

from conftest import EXEMPLE, rendre_dict
from courriers import CompteRendu, ErreurModele, charger, contexte, ecrire
from courriers.documents import type_de
from courriers.moteur.prepare import preparer
from outils_texte import paragraphes, texte

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rendu_du_moteur(modele: Path) -> bytes:
    """The engine alone on a template (no checker before it, unlike the
    ``--modele`` path): its own errors."""
    cr = charger(EXEMPLE, CompteRendu)
    return preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))


def nom_style(p: Paragraph) -> str:
    return p.style.name if p.style is not None and p.style.name else ""


def a_une_numerotation(document: Any, style: str) -> bool:
    ppr: Any = document.styles[style].element.pPr
    return ppr is not None and ppr.numPr is not None


def parties_xml(sortie: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(sortie) as paquet:
        return {n: paquet.read(n) for n in paquet.namelist() if n.endswith((".xml", ".rels"))}


def test_texte_utilisateur_conserve_a_l_identique(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    piege = "Que Choisir & co <b>x</b> \"guillemets\" 'apostrophes' 😀 مرحبا e\u0301"
    donnees_exemple["reunion"]["presents"][0]["participants"][4]["organisme"] = piege
    donnees_exemple["emetteur"]["services"] = [piege]
    donnees_exemple["reunion"]["ordre_du_jour"][0]["contenu"] = piege
    sortie = rendre_dict(donnees_exemple, tmp_path)
    lus = paragraphes(sortie)
    assert piege in lus
    assert f"Mme Annie CHARMANT, représentant {piege}," in lus
    assert lus.count(piege) == 2
    for contenu in parties_xml(sortie).values():
        etree.fromstring(contenu)  # strict: every part well-formed


def test_caracteres_de_controle(donnees_exemple: dict[str, Any], tmp_path: Path) -> None:
    """Documented rule: \\v and \\n are line breaks, \\t a tab, other
    XML-illegal characters removed, and nothing after them is lost."""
    donnees_exemple["emetteur"]["services"] = ["Ligne\u000bsuite & co\x00\x07 fin\tonglet"]
    donnees_exemple["conclusion"] = "Séance\u000blevée & close <ok>\x1b."
    sortie = rendre_dict(donnees_exemple, tmp_path)
    lus = paragraphes(sortie)
    assert "Ligne\nsuite & co fin\tonglet" in lus
    assert "Séance\nlevée & close <ok>." in lus
    for contenu in parties_xml(sortie).values():
        etree.fromstring(contenu)


def test_variable_inconnue_est_une_erreur(tmp_path: Path) -> None:
    modele = tmp_path / "modele.docx"
    document = Document()
    document.add_paragraph("Salle : {{ reunion.salle }}")
    document.save(str(modele))
    with pytest.raises(ErreurModele) as erreur:
        rendu_du_moteur(modele)
    assert "utilise une variable inconnue : « salle » n'existe pas dans Reunion" in str(
        erreur.value
    )


@pytest.mark.parametrize(
    "charge",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ reunion.__class__.__init__.__globals__ }}",
    ],
)
def test_bac_a_sable(charge: str, tmp_path: Path) -> None:
    modele = tmp_path / "modele.docx"
    document = Document()
    document.add_paragraph(charge)
    document.save(str(modele))
    with pytest.raises(ErreurModele, match="accès interdit à « __"):
        rendu_du_moteur(modele)


@pytest.mark.parametrize(
    ("balise", "attendu"),
    [
        ("{{ reunion|inconnu }}", "filtre inconnu « inconnu »"),
        ("{{ reunion.date|date_longue( }}", "erreur de syntaxe dans le modèle"),
    ],
)
def test_erreurs_de_modele_en_francais(balise: str, attendu: str, tmp_path: Path) -> None:
    modele = tmp_path / "modele.docx"
    document = Document()
    document.add_paragraph(balise)
    document.save(str(modele))
    with pytest.raises(ErreurModele, match=attendu):
        rendu_du_moteur(modele)


def test_markdown_hors_paragraphe_refuse_plutot_que_repare(tmp_path: Path) -> None:
    modele = tmp_path / "modele.docx"
    document = Document()
    document.add_paragraph("{{ reunion.ordre_du_jour[0].contenu|markdown }}")
    document.save(str(modele))
    with pytest.raises(ErreurModele, match="XML invalide"):
        rendu_du_moteur(modele)


def test_les_listes_numerotees_du_markdown_recommencent_a_leur_numero(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    donnees_exemple["reunion"]["ordre_du_jour"][0]["contenu"] = (
        "1. un\n2. deux\n\nTexte.\n\n3. trois\n4. quatre"
    )
    donnees_exemple["reunion"]["ordre_du_jour"][1]["contenu"] = "1. autre\n2. liste"
    sortie = rendre_dict(donnees_exemple, tmp_path)
    document = Document(str(sortie))
    numeros: dict[str, int] = {}
    for p in document.paragraphs:
        if p.text in {"un", "deux", "trois", "autre"}:
            assert nom_style(p) == "List Number"
            ppr: Any = p._p.pPr
            numeros[p.text] = ppr.numPr.numId.val
    assert numeros["un"] == numeros["deux"]
    assert len({numeros["un"], numeros["trois"], numeros["autre"]}) == 3
    numbering: Any = document.part.numbering_part.element
    departs = {
        cle: numbering.num_having_numId(val).find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val")
        for cle, val in numeros.items()
        if cle != "deux"
    }
    assert departs == {"un": "1", "trois": "3", "autre": "1"}


def test_structure_word(cr_exemple: Path) -> None:
    document = Document(str(cr_exemple))
    styles = {p.text: nom_style(p) for p in document.paragraphs}
    assert (
        styles[
            "Rôle et composition du comité local des usagers, présentation de la démarche qualité."
        ]
        == "Ordre du jour"
    )
    assert a_une_numerotation(document, "Ordre du jour")
    assert (
        styles["Mme Vanessa AUBERTIN, cheffe du bureau de la nationalité et des étrangers,"]
        == "List Bullet"
    )
    assert styles["d'associations de consommateurs,"] == "List Bullet"
    assert a_une_numerotation(document, "List Bullet")
    titres = [p.text for p in document.paragraphs if nom_style(p) == "Heading 2"]
    assert len(titres) == 5
    assert titres[3] == "4 - Résultats des indicateurs qualité 2021 (cf. pièce jointe)\u00a0:"
    assert styles["COMPTE-RENDU"] == "Title"
    langue: Any = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert langue.get(f"{W}val") == "fr-FR"
    assert document.core_properties.language == "fr-FR"
    assert document.core_properties.title == "Compte rendu – Comité local des usagers du 28/02/2022"


def test_police_marianne_avec_arial_en_secours(cr_exemple: Path) -> None:
    parties = parties_xml(cr_exemple)
    assert b'w:ascii="Marianne"' in parties["word/styles.xml"]
    table = etree.fromstring(parties["word/fontTable.xml"])
    marianne: Any = table.find(f"{W}font[@{W}name='Marianne']")
    assert marianne.find(f"{W}altName").get(f"{W}val") == "Arial"
    with zipfile.ZipFile(cr_exemple) as paquet:
        assert not [
            n for n in paquet.namelist() if n.lower().endswith((".ttf", ".otf", ".woff", ".woff2"))
        ]


def test_image_marianne_dans_le_bloc_marque(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    import base64

    image = tmp_path / "marianne.png"
    image.write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        )
    )
    donnees = tmp_path / "reunion.json"
    donnees_exemple["emetteur"]["image_marianne"] = "marianne.png"
    import json

    donnees.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    sortie = tmp_path / "cr.docx"
    ecrire(charger(donnees, CompteRendu), sortie)
    with zipfile.ZipFile(sortie) as paquet:
        assert [n for n in paquet.namelist() if n.startswith("word/media/")]
        document = paquet.read("word/document.xml").decode()
    # 25 mm wide (house style), with an alternative text.
    assert 'cx="900000"' in document
    assert 'descr="Marianne, emblème de la République française"' in document
    assert texte(sortie).startswith(
        "----Image alt text---->Marianne, emblème de la République française<"
        "----media/image1.png----\nPRÉFET\nDE L'ALLIER"
    )


def test_rendre_en_octets_et_api_publique() -> None:
    import courriers

    contenu = courriers.rendre(courriers.charger(EXEMPLE, courriers.CompteRendu))
    assert contenu[:2] == b"PK"
    assert set(courriers.__all__) <= set(dir(courriers))


def test_un_tableau_markdown_en_fin_de_cellule_laisse_un_paragraphe(tmp_path: Path) -> None:
    document = Document()
    tableau = document.add_table(rows=1, cols=1)
    tableau.cell(0, 0).paragraphs[0].text = "{{p reunion.ordre_du_jour[0].contenu|markdown }}"
    modele = tmp_path / "modele.docx"
    document.save(str(modele))
    cr = charger(EXEMPLE, CompteRendu)
    cr = cr.model_copy(
        update={
            "reunion": cr.reunion.model_copy(
                update={
                    "ordre_du_jour": [
                        cr.reunion.ordre_du_jour[0].model_copy(
                            update={"contenu": "| a | b |\n|---|---|\n| 1 | 2 |"}
                        )
                    ]
                }
            )
        }
    )
    contenu = preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))
    sortie = tmp_path / "cr.docx"
    sortie.write_bytes(contenu)
    relu = Document(str(sortie))
    cellule = relu.tables[0].cell(0, 0)._tc
    assert cellule[-1].tag == f"{W}p"
    assert cellule.find(f"{W}tbl") is not None
