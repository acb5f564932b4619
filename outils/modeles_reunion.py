"""The built-in templates of the meeting's own documents: the reply form
sent with each convocation and the attendance sheet.

Called by ``outils/generer_modeles.py`` (its house-style helpers are used
here); not used at run time.
"""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from generer_modeles import (
    INSECABLE,
    _bloc_marque,
    _bloc_service,
    _champ,
    _para,
    _pied_de_page,
    _proprietes,
    _sans_bordure,
    _sans_vignette,
    _styles,
    _tag,
)

CASE = "\u25a1"  # □ WHITE SQUARE (in Arial and its metric clones, unlike ☐)


def _en_tete(doc: Any) -> Any:
    """Bloc-marque and service on the left, as on the convocation."""
    table = doc.add_table(rows=1, cols=2)
    _sans_bordure(table)
    gauche, droite = table.rows[0].cells
    largeur = doc.sections[0].page_width - doc.sections[0].left_margin * 2
    for cellule, part in ((gauche, 0.55), (droite, 0.45)):
        cellule.width = int(largeur * part)
        cellule._tc.remove(cellule.paragraphs[0]._p)
    _bloc_marque(gauche)
    _bloc_service(gauche)
    return droite


def _case(doc: Any, texte: str) -> None:
    paragraphe = _para(doc, f"{CASE}{INSECABLE}{INSECABLE}{texte}", style="Corps de texte")
    paragraphe.paragraph_format.left_indent = Cm(0.6)
    paragraphe.paragraph_format.first_line_indent = Cm(-0.6)
    paragraphe.paragraph_format.space_after = Pt(8)
    paragraphe.alignment = WD_ALIGN_PARAGRAPH.LEFT


def coupon_reponse() -> DocumentType:
    """The reply form: one per invitee, pre-filled, with the proxy."""
    doc = Document()
    _sans_vignette(doc)
    _styles(doc)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(2)
    droite = _en_tete(doc)
    _tag(droite, "if date_limite_reponse")
    _para(
        droite,
        "À retourner avant le {{ date_limite_reponse|date_longue(true) }}"
        "{% if emetteur.agent %} à {{ emetteur.agent|personne }}"
        "{% if emetteur.agent.courriel %}, {{ emetteur.agent.courriel }}{% endif %}{% endif %}",
        style="Lieu et date",
    )
    _tag(droite, "endif")
    _para(doc, "COUPON-RÉPONSE", style="Title").paragraph_format.space_before = Pt(24)
    _para(
        doc,
        "Réunion {{ reunion.instance|avec_article|de }} du {{ reunion.date|date_longue(true) }} "
        "{{ reunion|horaire }}{% if reunion.lieu %}, {{ reunion.lieu }}{% endif %}",
        style="Corps de texte",
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    soussigne = _para(
        doc,
        "Je {{ 'soussigné'|accord(convoque) }}, {{ nom_convoque }}"
        "{% if convoque|qualite %}, {{ convoque|qualite }}{% endif %}"
        "{% if titulaire %}, {{ 'suppléant'|accord(convoque) }} de {{ titulaire }}{% endif %}"
        f"{INSECABLE}:",
        style="Corps de texte",
    )
    soussigne.alignment = WD_ALIGN_PARAGRAPH.LEFT
    soussigne.paragraph_format.space_before = Pt(18)
    _case(doc, "participerai à la réunion en personne ;")
    _tag(doc, "if reunion.lien_visio")
    _case(doc, "participerai à la réunion à distance (visioconférence) ;")
    _tag(doc, "endif")
    _case(doc, "ne participerai pas à la réunion ;")
    _tag(doc, "if convoque.siege == 'titulaire' and convoque.membre")
    _case(
        doc,
        "serai {{ 'représenté'|accord(convoque) }} par {{ suppleant }} ;",
    )
    _case(
        doc,
        "ne pouvant être {{ 'suppléé'|accord(convoque) }}, donne pouvoir à"
        f"{INSECABLE}: ………………………………………………………, membre "
        "{{ reunion.instance|avec_article|de }}, pour me représenter et prendre part aux votes "
        "en mon nom.",
    )
    note = _para(doc, "{{ regle_mandats }}", style="Corps de texte")
    note.runs[0].italic = True
    note.runs[0].font.size = Pt(9)
    _tag(doc, "endif")
    _para(
        doc, f"Fait à ………………………………, le ……………………{INSECABLE}", style="Corps de texte"
    ).paragraph_format.space_before = Pt(30)
    _para(doc, "Signature", style="Signature").paragraph_format.space_before = Pt(12)
    _pied_de_page(doc)
    _proprietes(
        doc,
        "Coupon-réponse",
        "Modèle de coupon-réponse joint à une convocation (présence, suppléance, pouvoir). "
        "Variables : docs/variables-coupon-reponse.md",
    )
    return doc


# --- Attendance sheet -------------------------------------------------------------

_COLONNES_EMARGEMENT = (
    ("Nom", 6.5, "{{ ligne.nom }}"),
    ("Organisme", 7.5, "{{ ligne.organisme }}"),
    ("Observations", 6.2, "{{ ligne.mention }}"),
    ("Signature", 5.5, ""),
)


def _cellule(cellule: Any, texte: str, gras: bool = False, taille: float = 9.5) -> None:
    paragraphe = cellule.paragraphs[0]
    paragraphe.paragraph_format.space_after = Pt(0)
    run = paragraphe.add_run(texte)
    run.bold = gras
    run.font.size = Pt(taille)


def _propriete_ligne(ligne: Any, balise: str, hauteur: float | None = None) -> None:
    tr_pr = ligne._tr.get_or_add_trPr()
    element = OxmlElement(f"w:{balise}")
    if hauteur is not None:
        element.set(qn("w:val"), str(int(hauteur * 567)))
        element.set(qn("w:hRule"), "atLeast")
    tr_pr.append(element)


def _tableau(doc: Any, boucle: str, cellules: tuple[str, ...], hauteur: float) -> None:
    """A bordered table: a header row repeated on each page, then one row
    per item of ``boucle`` (docxtpl ``{%tr %}``), high enough to sign."""
    table = doc.add_table(rows=4, cols=len(_COLONNES_EMARGEMENT))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    entete, debut, ligne, fin = table.rows
    _propriete_ligne(entete, "tblHeader")
    _propriete_ligne(ligne, "cantSplit")
    _propriete_ligne(ligne, "trHeight", hauteur)
    for index, (titre, largeur, _) in enumerate(_COLONNES_EMARGEMENT):
        for rang in table.rows:
            rang.cells[index].width = Cm(largeur)
        _cellule(entete.cells[index], titre, gras=True)
        _cellule(ligne.cells[index], cellules[index])
    _cellule(debut.cells[0], f"{{%tr for {boucle} %}}")
    _cellule(fin.cells[0], "{%tr endfor %}")


def emargement() -> DocumentType:
    """The attendance sheet: landscape, members by collège, blank lines."""
    doc = Document()
    _sans_vignette(doc)
    _styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin, section.bottom_margin = Cm(1.2), Cm(1.5)
    section.footer_distance = Cm(0.6)
    _en_tete(doc)
    _para(doc, "FEUILLE D'ÉMARGEMENT", style="Title")
    _para(
        doc,
        "Réunion {{ reunion.instance|avec_article|de }} du {{ reunion.date|date_longue(true) }} "
        "{{ reunion|horaire }}{% if reunion.lieu %}, {{ reunion.lieu }}{% endif %}",
        style="Corps de texte",
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag(doc, "if reunion.president")
    _para(
        doc,
        "Présidence{INSECABLE}: {{ reunion.president|personne }}"
        "{% if reunion.president|qualite %}, {{ reunion.president|qualite }}{% endif %}".replace(
            "{INSECABLE}", INSECABLE
        ),
        style="Corps de texte",
    ).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tag(doc, "endif")
    _tag(doc, "for college in colleges")
    _tag(doc, "if college.titre")
    _para(doc, "{{ college.titre }}", style="Heading 1")
    _tag(doc, "endif")
    _tableau(doc, "ligne in college.lignes", tuple(c[2] for c in _COLONNES_EMARGEMENT), 1.1)
    _tag(doc, "endfor")
    _tag(doc, "if lignes_vierges")
    _para(doc, "Personnes présentes non inscrites sur la liste", style="Heading 1")
    _tableau(doc, "vierge in lignes_vierges", ("", "", "", ""), 1.1)
    _tag(doc, "endif")
    _pied(doc)
    _proprietes(
        doc,
        "Feuille d'émargement",
        "Modèle de feuille d'émargement (paysage, par collège). Variables : "
        "docs/variables-emargement.md",
    )
    return doc


def _pied(doc: DocumentType) -> None:
    """``Feuille d'émargement – page 1/2``, on the right."""
    pied = doc.sections[0].footer
    pied.is_linked_to_previous = False
    numero = pied.paragraphs[0]
    numero.style = doc.styles["Pied de page"]
    numero.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    numero.add_run("Feuille d'émargement – page ")
    _champ(numero, "PAGE")
    numero.add_run("/")
    _champ(numero, "NUMPAGES")
