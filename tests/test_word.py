"""Templates edited in Word and LibreOffice: the corpus of ``corpus_word``
(each edit with its expected verdict, and the rendered text of the accepted
ones), French Word styles, and the messages an author can act on."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx2python import docx2python
from lxml import etree

from conftest import EXEMPLE
from corpus_word import (
    CORPS,
    NS_W,
    RETOUCHES,
    Retouche,
    dans_le_corps,
    ecrire,
    lire,
    modele_francais,
    r,
)
from courriers import CompteRendu, charger, contexte
from courriers.cli import main
from courriers.documents import depuis_donnees, rendre
from courriers.erreurs import ErreurCourriers
from courriers.modeles import modele_integre
from courriers.moteur.prepare import preparer
from courriers.moteur.proprietes import Proprietes
from courriers.pdf import convertir, disponible
from courriers.verification import Probleme, rapport, verifier_modele
from outils_texte import texte

_REVISIONS = re.compile(rb"<w:(ins|del|moveFrom|moveTo|rPrChange|pPrChange|commentRangeStart)\b")


def _verdict(chemin: Path) -> tuple[frozenset[str] | str, frozenset[str], list[Probleme]]:
    try:
        problemes = verifier_modele(chemin, "cr")
    except ErreurCourriers as exc:
        return exc.code, frozenset(), []
    erreurs = frozenset(p.genre for p in problemes if p.bloquant)
    avertissements = frozenset(p.genre for p in problemes if not p.bloquant)
    return erreurs, avertissements, problemes


def _lieu(debut: str) -> str:
    """``¶n`` of the built-in template's paragraph that starts with ``debut``."""
    textes = [p.text for p in Document(str(modele_integre("compte-rendu.docx"))).paragraphs]
    return f"¶{next(i for i, t in enumerate(textes, 1) if t.startswith(debut))}"


LIEU_VILLE = _lieu("{{ emetteur.ville")
LIEU_SI_PJ = _lieu("{%p if pieces_jointes")


def _tout_le_texte(chemin: Path) -> str:
    """Body (one paragraph a line), footers and notes, read by docx2python."""
    with docx2python(str(chemin)) as lu:
        autres = f"{lu.footer}\n{lu.footnotes}"
    return f"{texte(chemin)}\n{autres}"


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of the example rendered with an unedited copy of the template."""
    dossier = tmp_path_factory.mktemp("reference")
    modele = ecrire(lire(), dossier / "compte-rendu.docx")
    sortie = dossier / "sortie.docx"
    sortie.write_bytes(rendre(charger(EXEMPLE, CompteRendu), modele))
    return _tout_le_texte(sortie)


def test_le_corpus_compte_plus_de_quarante_retouches() -> None:
    assert len(RETOUCHES) >= 40
    assert len({r.nom for r in RETOUCHES}) == len(RETOUCHES)


@pytest.mark.parametrize("retouche", RETOUCHES, ids=lambda r: r.nom)
def test_retouche_de_word(
    retouche: Retouche, tmp_path_factory: pytest.TempPathFactory, capsys: Any, reference: str
) -> None:
    """The checker's verdict is the expected one, the command's exit code
    follows it, and an accepted template renders the right text, with no
    revision mark and no comment; a refused one produces no document."""
    dossier = tmp_path_factory.mktemp(retouche.nom)
    modele = retouche.construire(dossier)
    erreurs, avertissements, _problemes = _verdict(modele)
    code = main(["modele", "verifier", str(modele), "--type", "cr"])
    capsys.readouterr()
    document = charger(EXEMPLE, CompteRendu)
    if retouche.attendu is not None:
        assert erreurs == retouche.attendu
        assert code == 1
        with pytest.raises(ErreurCourriers):
            rendre(document, modele)
        return
    assert erreurs == frozenset()
    assert avertissements == retouche.avertissements
    assert code == 0
    sortie = dossier / "sortie.docx"
    sortie.write_bytes(rendre(document, modele))
    lu = _tout_le_texte(sortie)
    if not retouche.texte_change:
        assert lu == reference
    for attendu in retouche.presents:
        assert attendu in lu
    for absent in retouche.absents:
        assert absent not in lu
    with zipfile.ZipFile(sortie) as paquet:
        for nom in paquet.namelist():
            assert "comments" not in nom
            if nom.endswith(".xml"):
                assert not _REVISIONS.search(paquet.read(nom)), nom


@pytest.mark.libreoffice
@pytest.mark.skipif(not disponible(), reason="LibreOffice absent")
def test_libreoffice_ouvre_chaque_document_accepte(tmp_path: Path) -> None:
    """Every accepted edit's document, converted in one LibreOffice run."""
    document = charger(EXEMPLE, CompteRendu)
    sorties = []
    for retouche in RETOUCHES:
        if retouche.attendu is None:
            modele = retouche.construire(tmp_path)
            sortie = tmp_path / f"{retouche.nom}.out.docx"
            sortie.write_bytes(rendre(document, modele))
            sorties.append(sortie)
    assert len(sorties) >= 20
    for pdf in convertir(sorties):
        assert pdf.stat().st_size > 10_000, pdf.name


# --- French Word styles -------------------------------------------------------------------

MARKDOWN = (
    "# Un titre\n\n## Un sous-titre\n\n"
    "1. premier point\n2. deuxième point\n3. troisième point\n\n"
    "- une puce\n- une autre puce\n\n"
    "> une citation\n\n"
    "| colonne | valeur |\n| --- | --- |\n| a | 1 |\n"
)


def _donnees_markdown() -> dict[str, Any]:
    donnees: dict[str, Any] = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    donnees["reunion"]["ordre_du_jour"] = [{"titre": "Point unique", "contenu": MARKDOWN}]
    return donnees


def _rendu_francais(dossier: Path) -> Path:
    modele = modele_francais(dossier / "francais.docx")
    assert verifier_modele(modele, "cr") == []
    document = depuis_donnees(_donnees_markdown(), CompteRendu)
    sortie = dossier / "francais-rendu.docx"
    sortie.write_bytes(rendre(document, modele))
    return sortie


def test_un_modele_de_word_francais_garde_ses_styles(tmp_path: Path) -> None:
    sortie = _rendu_francais(tmp_path)
    with zipfile.ZipFile(sortie) as paquet:
        corps = paquet.read(CORPS).decode()
        numerotation = paquet.read("word/numbering.xml").decode()
    assert '<w:pStyle w:val="Titre3"/>' in corps  # « # » : heading 3
    assert '<w:pStyle w:val="Titre4"/>' in corps
    assert '<w:pStyle w:val="Listepuces"/>' in corps
    assert '<w:pStyle w:val="Citation"/>' in corps
    assert '<w:tblStyle w:val="Grilledutableau"/>' in corps
    for anglais in ("Heading3", "ListBullet", "ListNumber", '"Quote"', "TableGrid"):
        assert anglais not in corps
    # The numbered list: the French style, with its own restarted numbering.
    numero = re.search(
        r'<w:pStyle w:val="Listenumros"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="(\d+)"/>',
        corps,
    )
    assert numero is not None
    assert f'w:numId="{numero[1]}"' in numerotation


@pytest.mark.libreoffice
@pytest.mark.skipif(
    not (disponible() and shutil.which("pdftotext")), reason="LibreOffice ou pdftotext absent"
)
def test_word_francais_les_numeros_se_voient_dans_le_pdf(tmp_path: Path) -> None:
    (pdf,) = convertir([_rendu_francais(tmp_path)])
    lu = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"1\.\s+premier point", lu)
    assert re.search(r"2\.\s+deuxième point", lu)
    assert re.search(r"3\.\s+troisième point", lu)
    assert re.search(r"–\s+une puce", lu)  # the template's bullet


def test_sans_styles_resolus_le_moteur_ecrirait_les_ids_anglais(tmp_path: Path) -> None:
    """The French template really differs: its styles.xml has no English id."""
    modele = modele_francais(tmp_path / "francais.docx")
    with zipfile.ZipFile(modele) as paquet:
        styles = paquet.read("word/styles.xml").decode()
    assert 'w:styleId="ListBullet"' not in styles
    assert 'w:styleId="Listepuces"' in styles
    assert '<w:name w:val="List Bullet"/>' in styles


# --- messages -----------------------------------------------------------------------


def _problemes(nom: str, tmp_path: Path) -> list[Probleme]:
    retouche = next(r for r in RETOUCHES if r.nom == nom)
    return verifier_modele(retouche.construire(tmp_path), "cr")


@pytest.mark.parametrize(
    ("nom", "attendus"),
    [
        ("guillemets-francais", ["U+00AB", "guillemet français", "écrivez \" ou '"]),
        ("tiret-de-correction", ["U+2013", "tiret", "« - »"]),
        ("trait-d-union-conditionnel", ["U+00AD", "invisible"]),
        ("trait-d-union-insecable", ["U+2011", "trait d'union insécable"]),
        ("si-avec-majuscule", ["« If »", "« if »", "Majuscule en début de phrase"]),
    ],
)
def test_caracteres_de_correction_automatique(
    nom: str, attendus: list[str], tmp_path: Path
) -> None:
    (probleme,) = _problemes(nom, tmp_path)
    assert probleme.lieu == (LIEU_SI_PJ if nom == "si-avec-majuscule" else LIEU_VILLE)
    for attendu in attendus:
        assert attendu in probleme.message


def test_modification_suivie_situee(tmp_path: Path) -> None:
    problemes = _problemes("suppression-suivie-d-une-balise", tmp_path)
    assert [p.lieu for p in problemes] == [LIEU_VILLE]
    assert "suppression « {{ reunion.salle }} »" in problemes[0].message
    assert "Accepter toutes les modifications" in problemes[0].message


def test_balise_a_cheval_sur_un_lien_situee(tmp_path: Path) -> None:
    (probleme,) = _problemes("balise-a-cheval-sur-un-lien", tmp_path)
    assert probleme.lieu == LIEU_VILLE
    assert "à cheval sur un lien hypertexte" in probleme.message


def test_lien_autour_d_une_balise_dit_quoi_faire(tmp_path: Path) -> None:
    (probleme,) = _problemes("lien-autour-d-une-balise", tmp_path)
    assert "Supprimer le lien hypertexte" in probleme.message


def test_controle_de_contenu_nomme_comme_tel(tmp_path: Path) -> None:
    (probleme,) = _problemes("controle-de-contenu-croise", tmp_path)
    assert "contrôle de contenu" in probleme.message
    assert "cellule" not in probleme.message


def test_mise_en_forme_dans_une_balise_avertit(tmp_path: Path) -> None:
    (probleme,) = _problemes("balise-a-moitie-en-gras", tmp_path)
    assert probleme.gravite == "avertissement" and probleme.lieu == LIEU_VILLE
    assert "« {{ emetteur.ville }} »" in probleme.message


def test_note_de_bas_de_page_sans_les_separateurs(tmp_path: Path) -> None:
    (probleme,) = _problemes("note-de-bas-de-page-fausse", tmp_path)
    assert (probleme.partie, probleme.lieu) == ("notes de bas de page", "¶1")


def test_le_moteur_refuse_les_modifications_suivies(tmp_path: Path) -> None:
    """Even without the checker (the Python API on any template)."""
    retouche = next(r for r in RETOUCHES if r.nom == "deplacement-suivi")
    with pytest.raises(ErreurCourriers) as erreur:
        preparer(retouche.construire(tmp_path))
    assert erreur.value.code == "modele.modifications_suivies"
    assert "déplacement" in erreur.value.message


def test_commentaire_dans_une_balise_sans_ancre_orpheline(tmp_path: Path) -> None:
    membres = lire()
    dans_le_corps(
        membres,
        "{{ emetteur.ville",
        r("{{ emet") + '<w:commentRangeStart w:id="0"/>' + r("teur.ville }}"),
    )
    modele = ecrire(membres, tmp_path / "m.docx")
    octets = preparer(modele).rendre(contexte(charger(EXEMPLE, CompteRendu)), Proprietes("t"))
    with zipfile.ZipFile(io.BytesIO(octets)) as paquet:
        corps = paquet.read(CORPS)
    assert b"comment" not in corps
    assert b"Moulins" in corps


def test_le_xml_apres_reparation_est_relu_strictement() -> None:
    """The last guard of the checker: the part as docxtpl repairs it, tags
    taken out, parsed strictly; a broken paragraph is named."""
    from courriers.verification.lieux import _paragraphes
    from courriers.verification.word import structure_apres_reparation

    xml = (
        f'<w:document xmlns:w="{NS_W}"><w:body>'
        f"<w:p>{r('Avant')}</w:p>"
        f'<w:p>{r("{{ emetteur.")}<w:hyperlink w:anchor="x">{r("ville }} fin")}</w:hyperlink></w:p>'
        "</w:body></w:document>"
    ).encode()
    paragraphes = _paragraphes(etree.fromstring(xml))
    (probleme,) = structure_apres_reparation("corps", xml, paragraphes)
    assert probleme.genre == "xml_invalide" and probleme.lieu == "¶2"
    assert "retapez" in probleme.message
    bon = xml.replace(b"{{ emetteur.", b"{{ emetteur.ville }}").replace(b"ville }} fin", b"fin")
    assert structure_apres_reparation("corps", bon, _paragraphes(etree.fromstring(bon))) == []


def test_rapport_avec_avertissements_seulement(tmp_path: Path) -> None:
    problemes = _problemes("balise-a-moitie-en-gras", tmp_path)
    lignes = rapport(problemes).splitlines()
    assert lignes[0] == "1 avertissement :"
    assert lignes[1].startswith(
        f"corps {LIEU_VILLE} — avertissement : « " + "{{ emetteur.ville }} »"
    )
