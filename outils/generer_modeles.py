"""Generate the first version of the built-in DOCX templates in ``modeles/``.

Run ``python outils/generer_modeles.py`` from the repository root. The
templates are the reference once generated: template authors edit them in
Word or LibreOffice. This script records how the founding version was
built (styles, numbering, tags) and regenerates it when the house style
changes for everyone; it is not used at run time.

House style (Marque de l'État): font Marianne with Arial as fallback (the
font is not shipped), bloc-marque top left with an empty image slot for the
official Marianne file, title in bold capitals, devise in italics.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

POLICE = "Marianne"
POLICE_SECOURS = "Arial"
INSECABLE = "\u00a0"
NOIR = RGBColor(0, 0, 0)
GRIS = RGBColor(0x3A, 0x3A, 0x3A)

RACINE = Path(__file__).resolve().parent.parent


# --- styles -----------------------------------------------------------------


def _polices(doc: DocumentType) -> None:
    """Marianne everywhere, Arial named as its substitute, French language."""
    styles = doc.styles.element
    defauts = styles.find(qn("w:docDefaults"))
    rpr = defauts.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for ancien in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:lang")):
        rpr.remove(ancien)
    rpr.insert(
        0,
        parse_xml(
            f"<w:rFonts {nsdecls('w')} w:ascii='{POLICE}' w:hAnsi='{POLICE}' "
            f"w:eastAsia='{POLICE}' w:cs='{POLICE}'/>"
        ),
    )
    rpr.append(
        parse_xml(f"<w:lang {nsdecls('w')} w:val='fr-FR' w:eastAsia='fr-FR' w:bidi='ar-SA'/>")
    )
    # Every style of python-docx's default template names its own theme
    # fonts: remove them so that the default above applies.
    for fonts in styles.iter(qn("w:rFonts")):
        if fonts.getparent() is not rpr:
            fonts.getparent().remove(fonts)


def _table_des_polices(doc: DocumentType) -> None:
    """Declare Marianne in the font table, Arial as its alternative name."""
    for partie in doc.part.package.parts:
        if str(partie.partname).endswith("fontTable.xml"):
            racine = parse_xml(partie.blob)
            police = parse_xml(
                f"<w:font {nsdecls('w')} w:name='{POLICE}'>"
                f"<w:altName w:val='{POLICE_SECOURS}'/><w:charset w:val='00'/>"
                "<w:family w:val='swiss'/><w:pitch w:val='variable'/></w:font>"
            )
            racine.insert(0, police)
            partie._blob = etree.tostring(
                racine, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def _style(
    doc: DocumentType,
    nom: str,
    taille: float | None = None,
    gras: bool | None = None,
    italique: bool | None = None,
    avant: float | None = None,
    apres: float | None = None,
    alignement: int | None = None,
    base: str | None = None,
    retrait_gauche: float | None = None,
    majuscules: bool | None = None,
    garder_avec_suivant: bool | None = None,
) -> None:
    try:
        style = doc.styles[nom]
    except KeyError:
        style = doc.styles.add_style(nom, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base or "Normal"]
        style.quick_style = True
    police = style.font
    police.color.rgb = NOIR
    if taille is not None:
        police.size = Pt(taille)
    if gras is not None:
        police.bold = gras
    if italique is not None:
        police.italic = italique
    if majuscules is not None:
        police.all_caps = majuscules
    forme = style.paragraph_format
    if avant is not None:
        forme.space_before = Pt(avant)
    if apres is not None:
        forme.space_after = Pt(apres)
    if alignement is not None:
        forme.alignment = alignement
    if retrait_gauche is not None:
        forme.left_indent = Cm(retrait_gauche)
    if garder_avec_suivant is not None:
        forme.keep_with_next = garder_avec_suivant


def _styles(doc: DocumentType) -> None:
    _polices(doc)
    _table_des_polices(doc)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    _style(doc, "Corps de texte", base="Normal", alignement=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _style(
        doc,
        "Title",
        taille=14,
        gras=True,
        avant=18,
        apres=12,
        alignement=WD_ALIGN_PARAGRAPH.CENTER,
    )
    doc.styles["Title"].font.name = None
    _bordure_titre_nulle(doc)
    _style(
        doc,
        "Heading 1",
        taille=12,
        gras=True,
        avant=12,
        apres=6,
        garder_avec_suivant=True,
    )
    _style(
        doc,
        "Heading 2",
        taille=10.5,
        gras=True,
        avant=12,
        apres=6,
        garder_avec_suivant=True,
    )
    _style(doc, "Heading 3", taille=10.5, gras=True, italique=False, avant=8, apres=4)
    _style(doc, "Heading 4", taille=10.5, gras=False, italique=True, avant=6, apres=3)
    _style(doc, "Heading 5", taille=10.5, gras=False, italique=True, avant=6, apres=3)
    for nom in (
        "List Bullet",
        "List Bullet 2",
        "List Bullet 3",
        "List Number",
        "List Number 2",
        "List Number 3",
    ):
        _style(doc, nom, apres=2, alignement=WD_ALIGN_PARAGRAPH.LEFT)
    _style(doc, "Quote", italique=True, retrait_gauche=1)
    _style(
        doc,
        "Bloc-marque titre",
        base="Normal",
        taille=11,
        gras=True,
        apres=4,
        majuscules=False,
    )
    _style(doc, "Bloc-marque devise", base="Normal", taille=8.5, italique=True, apres=14)
    _style(doc, "Bloc service", base="Normal", taille=9, apres=0)
    _style(doc, "Bloc service agent", base="Bloc service", taille=8.5)
    _style(
        doc,
        "Lieu et date",
        base="Normal",
        avant=12,
        apres=12,
        alignement=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    _style(doc, "Objet", base="Normal", apres=2)
    _style(
        doc,
        "Intitulé de liste",
        base="Normal",
        avant=10,
        apres=4,
        garder_avec_suivant=True,
    )
    _style(
        doc,
        "Groupe de liste",
        base="Normal",
        italique=True,
        avant=4,
        apres=2,
        garder_avec_suivant=True,
    )
    _style(
        doc,
        "Signature",
        base="Normal",
        retrait_gauche=9.5,
        apres=0,
        garder_avec_suivant=True,
    )
    _style(doc, "Signature nom", base="Signature", avant=42)
    _style(doc, "Adresse", base="Normal", avant=30, apres=0)
    _style(doc, "Formule d'appel", base="Normal", avant=18, apres=12)
    _style(
        doc,
        "En-tête de service",
        base="Normal",
        gras=True,
        apres=2,
        alignement=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _style(
        doc,
        "Pied de page",
        base="Normal",
        taille=7.5,
        apres=0,
        alignement=WD_ALIGN_PARAGRAPH.LEFT,
    )
    doc.styles["Pied de page"].font.color.rgb = GRIS
    _puces_en_tiret(doc)
    _style_ordre_du_jour(doc)


def _bordure_titre_nulle(doc: DocumentType) -> None:
    """The title without its border, and a heading of level 1 (outline
    level 0) for screen readers and the PDF's structure, under which the
    headings of the minutes' points (level 2) come."""
    ppr = doc.styles["Title"].element.get_or_add_pPr()
    for bordure in ppr.findall(qn("w:pBdr")):
        ppr.remove(bordure)
    niveau = ppr.makeelement(qn("w:outlineLvl"), {qn("w:val"): "0"})
    ppr.append(niveau)


def _numerotation_du_style(doc: DocumentType, nom: str) -> tuple[Any, Any]:
    style = doc.styles[nom].element
    num_id = style.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    num = numbering.num_having_numId(num_id)
    abstrait_id = num.abstractNumId.val
    for abstrait in numbering.findall(qn("w:abstractNum")):
        if abstrait.get(qn("w:abstractNumId")) == str(abstrait_id):
            return numbering, abstrait
    raise LookupError(nom)


def _puces_en_tiret(doc: DocumentType) -> None:
    """Dash bullets, as in State documents."""
    for nom in ("List Bullet", "List Bullet 2", "List Bullet 3"):
        _, abstrait = _numerotation_du_style(doc, nom)
        for niveau in abstrait.findall(qn("w:lvl")):
            texte = niveau.find(qn("w:lvlText"))
            if texte is not None:
                texte.set(qn("w:val"), "–")
            rpr = niveau.find(qn("w:rPr"))
            if rpr is not None:
                niveau.remove(rpr)


def _style_ordre_du_jour(doc: DocumentType) -> None:
    """A numbered style ``Ordre du jour``: ``1 - Titre.``, its own sequence."""
    numbering, abstrait = _numerotation_du_style(doc, "List Number")
    nouvel_abstrait = copy.deepcopy(abstrait)
    identifiants = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    nouvel_id = max(identifiants) + 1
    nouvel_abstrait.set(qn("w:abstractNumId"), str(nouvel_id))
    for enfant in nouvel_abstrait.findall(qn("w:nsid")) + nouvel_abstrait.findall(qn("w:tmpl")):
        nouvel_abstrait.remove(enfant)
    for niveau in nouvel_abstrait.findall(qn("w:lvl")):
        if niveau.get(qn("w:ilvl")) == "0":
            niveau.find(qn("w:lvlText")).set(qn("w:val"), "%1 -")
            suffixe = niveau.find(qn("w:suff"))
            if suffixe is None:
                suffixe = OxmlElement("w:suff")
                niveau.find(qn("w:lvlJc")).addprevious(suffixe)
            suffixe.set(qn("w:val"), "space")
    dernier = numbering.findall(qn("w:abstractNum"))[-1]
    dernier.addnext(nouvel_abstrait)
    num = numbering.add_num(nouvel_id)
    _style(doc, "Ordre du jour", base="List Number", apres=2)
    ppr = doc.styles["Ordre du jour"].element.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_numId().val = num.numId
    forme = doc.styles["Ordre du jour"].paragraph_format
    forme.left_indent = Cm(1)
    forme.first_line_indent = Cm(-1)


# --- content helpers ---------------------------------------------------------


def _para(doc: Any, texte: str = "", style: str | None = None, gras: bool = False) -> Paragraph:
    paragraphe: Paragraph = doc.add_paragraph(style=style)
    if texte:
        run = paragraphe.add_run(texte)
        run.bold = gras or None
    return paragraphe


def _label(doc: Any, libelle: str, valeur: str, style: str | None = None) -> Paragraph:
    paragraphe: Paragraph = doc.add_paragraph(style=style)
    paragraphe.add_run(libelle).bold = True
    paragraphe.add_run(valeur)
    return paragraphe


def _tag(doc: Any, balise: str) -> None:
    """A paragraph that holds only a ``{%p … %}`` tag (removed at rendering)."""
    doc.add_paragraph(f"{{%p {balise} %}}")


# --- page furniture ----------------------------------------------------------


def _mise_en_page(doc: DocumentType) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = Cm(1.5)
    section.bottom_margin = Cm(2)
    section.footer_distance = Cm(0.8)


def _pied_de_page(doc: DocumentType) -> None:
    pied = doc.sections[0].footer
    pied.is_linked_to_previous = False
    premier = pied.paragraphs[0]
    premier.text = "{%p if emetteur.pied_de_page %}"
    pied.add_paragraph(
        "{% for ligne in emetteur.pied_de_page.adresse %}{{ ligne }}{% if not loop.last %} – {% endif %}{% endfor %}",
        style="Pied de page",
    )
    pied.add_paragraph("{{ emetteur.pied_de_page|coordonnees }}", style="Pied de page")
    pied.add_paragraph("{%p if emetteur.pied_de_page.horaires %}")
    pied.add_paragraph(
        f"Horaires d'ouverture{INSECABLE}: {{{{ emetteur.pied_de_page.horaires }}}}",
        style="Pied de page",
    )
    pied.add_paragraph("{%p endif %}")
    pied.add_paragraph("{%p endif %}")
    numero = pied.add_paragraph(style="Pied de page")
    numero.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _champ(numero, "PAGE")
    numero.add_run("/")
    _champ(numero, "NUMPAGES")


def _champ(paragraphe: Paragraph, instruction: str) -> None:
    for xml in (
        f"<w:r {nsdecls('w')}><w:fldChar w:fldCharType='begin'/></w:r>",
        f"<w:r {nsdecls('w')}><w:instrText xml:space='preserve'> {instruction} </w:instrText></w:r>",
        f"<w:r {nsdecls('w')}><w:fldChar w:fldCharType='separate'/></w:r>",
        f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>",
        f"<w:r {nsdecls('w')}><w:fldChar w:fldCharType='end'/></w:r>",
    ):
        paragraphe._p.append(parse_xml(xml))


def _bloc_marque(doc: Any) -> None:
    """Image slot, title in bold capitals, devise in italics."""
    _tag(doc, "if image_marianne")
    _para(doc, "{{ image_marianne }}", style="Bloc-marque titre")
    _tag(doc, "endif")
    _para(doc, "{{ emetteur|bloc_marque }}", style="Bloc-marque titre")
    # The devise belongs to the Marque de l'État: not for a mairie.
    _tag(doc, "if emetteur.marque_etat")
    devise = _para(doc, "", style="Bloc-marque devise")
    run = devise.add_run("Liberté")
    run.add_break(WD_BREAK.LINE)
    run.add_text("Égalité")
    run.add_break(WD_BREAK.LINE)
    run.add_text("Fraternité")
    _tag(doc, "endif")


def _bloc_service(doc: Any) -> None:
    _tag(doc, "for ligne in emetteur.services")
    _para(doc, "{{ ligne }}", style="Bloc service")
    _tag(doc, "endfor")
    _tag(doc, "if emetteur.agent")
    _para(
        doc,
        f"{{{{ emetteur.libelle_agent }}}}{INSECABLE}: {{{{ emetteur.agent|prenom_nom }}}}"
        "{% if emetteur.agent.fonction %}, {{ emetteur.agent|qualite }}{% endif %}",
        style="Bloc service agent",
    )
    _tag(doc, "if emetteur.agent.telephone")
    _para(
        doc,
        f"{{{{ emetteur.libelle_telephone }}}}{INSECABLE}: {{{{ emetteur.agent.telephone }}}}",
        style="Bloc service agent",
    )
    _tag(doc, "endif")
    _tag(doc, "if emetteur.agent.courriel")
    _para(
        doc,
        f"{{{{ emetteur.libelle_courriel }}}}{INSECABLE}: {{{{ emetteur.agent.courriel }}}}",
        style="Bloc service agent",
    )
    _tag(doc, "endif")
    _tag(doc, "endif")


def _ouverture(doc: DocumentType) -> None:
    """The opening sentence, or the Date / Lieu / Présidence block."""
    _tag(doc, "if options.ouverture == 'bloc'")
    _tag(doc, "for ligne in reunion|bloc_ouverture")
    _label(
        doc, f"{{{{ ligne.libelle }}}}{INSECABLE}: ", "{{ ligne.valeur }}", style="Corps de texte"
    )
    _tag(doc, "endfor")
    _tag(doc, "else")
    _para(
        doc, "{{ reunion|ouverture }}", style="Corps de texte"
    ).paragraph_format.space_before = Pt(12)
    _tag(doc, "endif")


def _listes_participants(doc: DocumentType) -> None:
    """The lists of attendees in the order of the options, each with its
    heading, by group, as bullet lists or tables."""
    _tag(doc, "for liste in reunion|listes")
    _para(
        doc,
        f"{{{{ liste.intitule }}}}{INSECABLE}:{{% if liste.vide %}} néant.{{% endif %}}",
        style="Intitulé de liste",
    )
    _tag(doc, "if options.colleges == 'tableau'")
    _para(doc, "{{p liste|tableau_participants|markdown }}")
    _tag(doc, "else")
    _tag(doc, "for groupe in liste.groupes")
    _tag(doc, "set dernier_groupe = loop.last")
    _tag(doc, "if groupe.titre")
    _para(
        doc,
        "{{ groupe.titre }}{% if not groupe.participants %}"
        f"{INSECABLE}: aucun représentant{{% endif %}}",
        style="Groupe de liste",
    )
    _tag(doc, "endif")
    _tag(doc, "for personne in groupe.participants")
    _para(
        doc,
        "{{ personne|participant }}{{ '.' if loop.last and dernier_groupe else ',' }}",
        style="List Bullet",
    )
    _tag(doc, "endfor")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _tag(doc, "endfor")


def _representations(doc: DocumentType) -> None:
    """From the recorded attendance (courriers.seance): who was represented,
    by a proxy or a suppléant."""
    _tag(doc, "if representations")
    _para(doc, f"Étaient représentés{INSECABLE}:", style="Intitulé de liste")
    _tag(doc, "for ligne in representations")
    _para(doc, "{{ ligne }}{{ '.' if loop.last else ',' }}", style="List Bullet")
    _tag(doc, "endfor")
    _tag(doc, "endif")


def _signature(doc: DocumentType) -> None:
    """Authority, delegation and quality lines (``lignes_signature``), then
    the name, on the right."""
    _tag(doc, "for ligne in signataire|lignes_signature(emetteur)")
    _para(doc, "{{ ligne }}", style="Signature").paragraph_format.space_before = Pt(12)
    _tag(doc, "endfor")
    _tag(doc, "if signataire.nom")
    _para(doc, "{{ signataire|prenom_nom }}", style="Signature nom")
    _tag(doc, "endif")


def _signature_lettre(doc: DocumentType) -> None:
    """Each signature block of a letter (signatory, then co-signatories):
    authority, delegation and quality lines, the scanned signature when
    given, then the name, on the right."""
    _tag(doc, "for signature in signatures")
    _tag(doc, "for ligne in signature.lignes")
    _para(doc, "{{ ligne }}", style="Signature").paragraph_format.space_before = Pt(6)
    _tag(doc, "endfor")
    _tag(doc, "if signature.rang in images_signature")
    _para(doc, "{{ images_signature[signature.rang] }}", style="Signature")
    _tag(doc, "if signature.nom")
    _para(doc, "{{ signature.nom }}", style="Signature")
    _tag(doc, "endif")
    _tag(doc, "elif signature.nom")
    _para(doc, "{{ signature.nom }}", style="Signature nom")
    _tag(doc, "endif")
    _tag(doc, "endfor")


def _copies(doc: DocumentType) -> None:
    """``Copie à :`` and ``Ampliation :`` lists, at the bottom left."""
    for champ, libelle in (("copies", "Copie à"), ("ampliations", "Ampliation")):
        _tag(doc, f"if {champ}")
        _para(
            doc, f"{libelle}{INSECABLE}:", style="Intitulé de liste"
        ).paragraph_format.space_before = Pt(24)
        _tag(doc, f"for personne in {champ}")
        _para(
            doc, "{{ personne|destinataire }}{{ '.' if loop.last else ',' }}", style="List Bullet"
        )
        _tag(doc, "endfor")
        _tag(doc, "endif")


def _en_tete_de_service(doc: DocumentType, a: str, sous_couvert: bool) -> None:
    """``Le préfet de l'Allier`` / ``à`` / the recipients, centred."""
    ligne = _para(doc, "{{ emetteur|autorite|majuscule_initiale }}", style="En-tête de service")
    ligne.paragraph_format.space_before = Pt(24)
    _para(doc, "à", style="En-tête de service")
    _para(doc, a, style="En-tête de service")
    if sous_couvert:
        _tag(doc, "if sous_couvert")
        _para(doc, "S/c de {{ sous_couvert|designation }}", style="En-tête de service")
        _tag(doc, "endif")


def _proprietes(doc: DocumentType, titre: str, commentaire: str) -> None:
    proprietes = doc.core_properties
    proprietes.title = titre
    proprietes.language = "fr-FR"
    proprietes.author = "courriers"
    proprietes.comments = commentaire


def _sans_bordure(table: Any) -> None:
    """A layout table: no borders, fixed widths."""
    tbl_pr = table._tbl.tblPr
    for ancien in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(ancien)
    bordures = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f"<w:{cote} w:val='nil'/>"
            for cote in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    tbl_pr.append(bordures)
    table.autofit = False


def _en_tete_de_lettre(doc: DocumentType, date: str, adresse: str | None) -> None:
    """Bloc-marque and service on the left; place, date and the address
    block on the right, where a window envelope shows it."""
    table = doc.add_table(rows=1, cols=2)
    _sans_bordure(table)
    gauche, droite = table.rows[0].cells
    for cellule, largeur in ((gauche, Cm(9.5)), (droite, Cm(7.5))):
        cellule.width = largeur
        cellule._tc.remove(cellule.paragraphs[0]._p)
    _bloc_marque(gauche)
    _bloc_service(gauche)
    _para(droite, f"{{{{ emetteur.ville }}}}, le {{{{ {date}|date_lieu }}}}", style="Lieu et date")
    if adresse:
        _para(droite, f"{{{{ {adresse}|bloc_adresse }}}}", style="Adresse")
    _para(doc, "")  # space between the header and the references


def convocation() -> DocumentType:
    """The invitation template (one document per invitee)."""
    doc = Document()
    _sans_vignette(doc)
    _styles(doc)
    _mise_en_page(doc)
    _en_tete_de_lettre(doc, "convocation.date", "convoque")
    _label(
        doc,
        f"Objet{INSECABLE}: ",
        "{{ convocation.objet or (reunion|objet_convocation) }}",
        style="Objet",
    ).paragraph_format.space_before = Pt(18)
    _tag(doc, "if convocation.pieces_jointes")
    _label(doc, f"PJ{INSECABLE}: ", "{{ convocation.pieces_jointes|length }}.", style="Objet")
    _tag(doc, "endif")
    _para(doc, "{{ formules.appel }}", style="Formule d'appel")
    _para(
        doc,
        "J'ai l'honneur de vous convier à la réunion {{ reunion.instance|avec_article|de }}, "
        "qui se tiendra {{ reunion|quand(true) }}"
        "{% if reunion.lieu %}, {{ reunion.lieu }}{% endif %}"
        "{% if reunion.president %}, {{ reunion.president|sous_la_presidence }}{% endif %}.",
        style="Corps de texte",
    )
    _tag(doc, "if reunion.lien_visio")
    _para(
        doc,
        "Vous pourrez également suivre cette réunion en visioconférence, à l'adresse "
        f"suivante{INSECABLE}: {{{{ reunion.lien_visio }}}}",
        style="Corps de texte",
    )
    _tag(doc, "endif")
    _tag(doc, "if reunion.ordre_du_jour")
    _para(doc, f"L'ordre du jour sera le suivant{INSECABLE}:", style="Intitulé de liste")
    _tag(doc, "for point in reunion.ordre_du_jour")
    _para(doc, "{{ point.titre }}.", style="Ordre du jour")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _para(doc, "{{p convocation.texte|markdown }}")
    _tag(doc, "if date_limite_reponse")
    _para(
        doc,
        "Je vous remercie de bien vouloir faire connaître votre participation, ou celle de "
        "votre représentant, avant le {{ date_limite_reponse|date_longue(true) }}"
        "{% if emetteur.agent %} auprès de {{ emetteur.agent|personne }}"
        "{% if emetteur.agent.telephone %} (tél.\u00a0: {{ emetteur.agent.telephone }})"
        "{% endif %}{% if emetteur.agent.courriel %}, {{ emetteur.agent.courriel }}"
        "{% endif %}{% endif %}.",
        style="Corps de texte",
    )
    _tag(doc, "endif")
    _para(doc, "{{ formules.politesse }}", style="Corps de texte")
    _signature(doc)
    _pied_de_page(doc)
    _proprietes(
        doc,
        "Convocation",
        "Modèle de convocation à une réunion, Marque de l'État. Variables : "
        "docs/variables-convocation.md",
    )
    return doc


def _references(doc: DocumentType, vos_references: bool, espace_apres: float = 0) -> None:
    """``Vos réf.`` (``V/Réf.``), ``Nos réf.`` (``N/Réf.``), ``Objet``,
    ``PJ``; ``espace_apres`` points after the last of them (paragraph
    spacing, not an empty paragraph, which screen readers announce)."""
    vos = f"{{{{ libelles.vos_references }}}}{INSECABLE}: "
    if vos_references:
        _tag(doc, "if courrier_recu")
        _label(
            doc,
            vos,
            "{% if courrier_recu.reference %}{{ courrier_recu.reference }}, {% endif %}"
            "votre {{ courrier_recu.nature }} du {{ courrier_recu.date|date_numerique }}",
            style="Objet",
        ).paragraph_format.space_before = Pt(12)
        _tag(doc, "elif votre_reference")
    else:
        _tag(doc, "if votre_reference")
    _label(doc, vos, "{{ votre_reference }}", style="Objet")
    _tag(doc, "endif")
    _tag(doc, "if reference")
    _label(doc, f"{{{{ libelles.nos_references }}}}{INSECABLE}: ", "{{ reference }}", style="Objet")
    _tag(doc, "endif")
    if not espace_apres:
        _label(doc, f"Objet{INSECABLE}: ", "{{ objet }}", style="Objet")
        _tag(doc, "if pieces_jointes")
        _label(doc, f"PJ{INSECABLE}: ", "{{ pieces_jointes|length }}.", style="Objet")
        _tag(doc, "endif")
        return
    _tag(doc, "if pieces_jointes")
    _label(doc, f"Objet{INSECABLE}: ", "{{ objet }}", style="Objet")
    pj = _label(doc, f"PJ{INSECABLE}: ", "{{ pieces_jointes|length }}.", style="Objet")
    pj.paragraph_format.space_after = Pt(espace_apres)
    _tag(doc, "else")
    objet = _label(doc, f"Objet{INSECABLE}: ", "{{ objet }}", style="Objet")
    objet.paragraph_format.space_after = Pt(espace_apres)
    _tag(doc, "endif")


def _lettre(doc: DocumentType, titre: str, commentaire: str) -> None:
    """Body, closing formula, signature, footer and properties of a letter
    with forms of address."""
    _para(doc, "{{p corps|markdown }}")
    _para(doc, "{{ formules.politesse }}", style="Corps de texte")
    _signature_lettre(doc)
    _copies(doc)
    _pied_de_page(doc)
    _proprietes(doc, titre, commentaire)


def _nouveau(doc_date: str, adresse: str | None) -> DocumentType:
    doc = Document()
    _sans_vignette(doc)
    _styles(doc)
    _mise_en_page(doc)
    _en_tete_de_lettre(doc, doc_date, adresse)
    return doc


def reponse() -> DocumentType:
    """The reply letter template."""
    doc = _nouveau("date", "correspondant")
    _references(doc, vos_references=True)
    _para(doc, "{{ formules.appel }}", style="Formule d'appel")
    _lettre(
        doc,
        "Courrier de réponse",
        "Modèle de courrier de réponse, Marque de l'État. Variables : docs/variables-reponse.md",
    )
    return doc


def accuse_reception() -> DocumentType:
    """The acknowledgement of receipt template (CRPA L112-3, R112-5)."""
    doc = _nouveau("date", "correspondant")
    _references(doc, vos_references=False)
    _para(doc, "{{ formules.appel }}", style="Formule d'appel")
    _para(
        doc,
        "J'ai bien reçu, le {{ demande.date_reception|date_longue }}, {{ demande.designation }}.",
        style="Corps de texte",
    )
    _para(
        doc,
        f"Votre dossier est suivi par{INSECABLE}: {{{{ emetteur.services|last }}}}"
        "{% if emetteur.agent %}, {{ emetteur.agent|prenom_nom }}"
        "{% if emetteur.agent.fonction %}, {{ emetteur.agent|qualite }}{% endif %}{% endif %}"
        "{% if emetteur.pied_de_page %} – "
        "{{ emetteur.pied_de_page.adresse|join(', ') }}"
        "{% if emetteur.pied_de_page.telephone %} – tél.\u00a0: "
        "{{ emetteur.pied_de_page.telephone }}{% endif %}"
        "{% if emetteur.pied_de_page.courriel %} – {{ emetteur.pied_de_page.courriel }}"
        "{% endif %}{% endif %}.",
        style="Corps de texte",
    )
    _tag(doc, "if delai_traitement")
    _para(
        doc,
        "Le délai prévisible de traitement de votre demande est de "
        "{{ delai_traitement|delai }} : une réponse devrait vous parvenir d'ici le "
        "{{ date_fin_traitement|date_longue }}.",
        style="Corps de texte",
    )
    _tag(doc, "endif")
    _tag(doc, "if procedure and procedure.silence == 'acceptation'")
    _para(
        doc,
        "En l'absence de réponse de l'administration au "
        "{{ date_decision_implicite|date_longue }}, votre demande sera réputée acceptée. "
        "Vous pourrez alors obtenir, sur simple demande, une attestation de cette décision "
        "implicite (article L. 232-3 du code des relations entre le public et "
        "l'administration).",
        style="Corps de texte",
    )
    _tag(doc, "endif")
    _tag(doc, "if procedure and procedure.silence == 'rejet'")
    _para(
        doc,
        "En l'absence de réponse de l'administration au "
        "{{ date_decision_implicite|date_longue }}, votre demande sera réputée rejetée. "
        f"Vous pourrez contester cette décision implicite de rejet{INSECABLE}:",
        style="Corps de texte",
    )
    _para(doc, "{{p procedure.voies_de_recours|markdown }}")
    _tag(doc, "endif")
    _lettre(
        doc,
        "Accusé de réception",
        "Modèle d'accusé de réception (CRPA L112-3, R112-5), Marque de l'État. "
        "Variables : docs/variables-accuse-reception.md",
    )
    return doc


def courrier_service() -> DocumentType:
    """The service-to-service letter template: header line, no formulas."""
    doc = _nouveau("date", None)
    _en_tete_de_service(doc, "{{ destinataire|designation }}", sous_couvert=True)
    _references(doc, vos_references=False, espace_apres=18)
    _para(doc, "{{p corps|markdown }}")
    _signature_lettre(doc)
    _copies(doc)
    _pied_de_page(doc)
    _proprietes(
        doc,
        "Courrier de service à service",
        "Modèle de courrier de service à service, Marque de l'État. "
        "Variables : docs/variables-service.md",
    )
    return doc


def message() -> DocumentType:
    """The message template (courriel or note): header line, opening, body,
    a simple closing (« Cordialement »), no formal politesse."""
    doc = _nouveau("date", None)
    _en_tete_de_service(doc, "{{ a }}", sous_couvert=False)
    _references(doc, vos_references=False, espace_apres=12)
    _tag(doc, "if appel")
    _para(doc, "{{ appel }}", style="Formule d'appel")
    _tag(doc, "endif")
    _para(doc, "{{p corps|markdown }}")
    _para(doc, "{{ salutation }},", style="Corps de texte").paragraph_format.space_before = Pt(6)
    _signature_lettre(doc)
    _copies(doc)
    _pied_de_page(doc)
    _proprietes(
        doc,
        "Message",
        "Modèle de message (courriel ou note), Marque de l'État. "
        "Variables : docs/variables-message.md",
    )
    return doc


def _cellule(cellule: Any, texte: str, gras: bool = False, centre: bool = False) -> None:
    paragraphe = cellule.paragraphs[0]
    paragraphe.style = "Normal"
    paragraphe.paragraph_format.space_after = Pt(2)
    if centre:
        paragraphe.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraphe.add_run(texte)
    run.bold = gras or None


def _tableau_des_pieces(doc: DocumentType) -> None:
    """Désignation, nombre, observations: a header row, then one row per
    piece (``{%tr for %}`` rows, docxtpl)."""
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    largeurs = (Cm(8.5), Cm(2.5), Cm(6))
    for colonne, largeur in zip(table.columns, largeurs, strict=True):
        colonne.width = largeur
    for ligne in table.rows:
        for cellule, largeur in zip(ligne.cells, largeurs, strict=True):
            cellule.width = largeur
    for cellule, texte in zip(
        table.rows[0].cells, ("Désignation des pièces", "Nombre", "Observations"), strict=True
    ):
        _cellule(cellule, texte, gras=True, centre=True)
    _cellule(table.rows[1].cells[0], "{%tr for piece in pieces %}")
    _cellule(table.rows[2].cells[0], "{{ piece.designation }}")
    _cellule(table.rows[2].cells[1], "{{ piece.nombre }}", centre=True)
    _cellule(table.rows[2].cells[2], "{{ piece.observations }}")
    _cellule(table.rows[3].cells[0], "{%tr endfor %}")
    en_tete = table.rows[0]._tr.get_or_add_trPr()
    en_tete.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def bordereau() -> DocumentType:
    """The bordereau d'envoi (lettre de transmission) template: header
    line, title, table of the pieces sent, optional text, signature."""
    doc = _nouveau("date", None)
    _en_tete_de_service(doc, "{{ destinataire|designation }}", sous_couvert=True)
    _para(doc, "BORDEREAU D'ENVOI", style="Title")
    _references(doc, vos_references=False, espace_apres=12)
    _tableau_des_pieces(doc)
    _para(doc, "")
    _para(doc, "{{p corps|markdown }}")
    _signature_lettre(doc)
    _copies(doc)
    _pied_de_page(doc)
    _proprietes(
        doc,
        "Bordereau d'envoi",
        "Modèle de bordereau d'envoi (lettre de transmission), Marque de l'État. "
        "Variables : docs/variables-bordereau.md",
    )
    return doc


def _sans_vignette(doc: DocumentType) -> None:
    """Drop the thumbnail of python-docx's default template (not ours)."""
    paquet = doc.part.package
    for cle, relation in list(paquet.rels.items()):
        if relation.reltype.endswith("/thumbnail"):
            del paquet.rels[cle]


def compte_rendu() -> DocumentType:
    """The minutes template."""
    doc = Document()
    _sans_vignette(doc)
    _styles(doc)
    _mise_en_page(doc)
    _bloc_marque(doc)
    _bloc_service(doc)
    _para(doc, "{{ emetteur.ville }}, le {{ date|date_lieu }}", style="Lieu et date")
    _para(doc, "{{ reunion|titre_document }}", style="Title")
    _label(
        doc,
        f"OBJET{INSECABLE}: ",
        "{{ objet or (reunion|objet_par_defaut) }}",
        style="Objet",
    )
    _tag(doc, "if pieces_jointes")
    _label(doc, f"PJ{INSECABLE}: ", "{{ pieces_jointes|length }}.", style="Objet")
    _tag(doc, "endif")
    _ouverture(doc)
    _tag(doc, "if reunion.ordre_du_jour")
    _para(doc, f"L'ordre du jour était le suivant{INSECABLE}:", style="Intitulé de liste")
    _tag(doc, "for point in reunion.ordre_du_jour")
    _para(doc, "{{ point.titre }}.", style="Ordre du jour")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _listes_participants(doc)
    _representations(doc)
    _tag(doc, "if reunion.quorum")
    # Same style as the paragraphs of the agenda items (Markdown: Normal).
    _para(doc, "{{ reunion|quorum }}")
    _tag(doc, "endif")
    _tag(doc, "if a_retenir")
    _para(doc, "À retenir", style="Heading 2")
    _para(doc, "{{p a_retenir|liste_numerotee|markdown }}")
    _tag(doc, "endif")
    _tag(doc, "for point in reunion.ordre_du_jour")
    _para(
        doc,
        "{{ loop.index }} - {{ point.titre }}{% if point.renvoi_piece_jointe %} (cf. pièce jointe){% endif %}"
        f"{INSECABLE}:",
        style="Heading 2",
    )
    _para(doc, "{{p point.contenu|markdown }}")
    _tag(doc, "for vote in point.votes")
    _para(doc, "{{ vote|avis(reunion) }}")
    _tag(doc, "endfor")
    _tag(doc, "if point.decisions")
    _para(
        doc,
        f"{{{{ point.decisions|intitule_decisions }}}}{INSECABLE}:",
        style="Intitulé de liste",
    )
    _tag(doc, "for decision in point.decisions")
    _para(doc, "{{ decision }}", style="List Bullet")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _tag(doc, "endfor")
    _tag(doc, "if releve_de_decisions and reunion.ordre_du_jour|selectattr('decisions')|list")
    _para(doc, "Relevé de décisions", style="Heading 2")
    _tag(doc, "for point in reunion.ordre_du_jour")
    _tag(doc, "if point.decisions")
    _para(doc, "{{ loop.index }} - {{ point.titre }}", style="Groupe de liste")
    _tag(doc, "for decision in point.decisions")
    _para(doc, "{{ decision }}", style="List Bullet")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _tag(doc, "if actions")
    _para(doc, "Actions à suivre", style="Heading 2")
    _para(doc, "{{p actions|tableau_actions|markdown }}")
    _tag(doc, "endif")
    _para(doc, "{{p conclusion|markdown }}")
    _tag(doc, "if prochaine_reunion")
    _label(
        doc,
        f"Prochaine réunion{INSECABLE}: ",
        "{{ prochaine_reunion|prochaine_reunion }}.",
        style="Corps de texte",
    ).paragraph_format.space_before = Pt(12)
    _tag(doc, "endif")
    _signature(doc)
    _tag(doc, "if annexes")
    _para(
        doc, f"Annexes{INSECABLE}:", style="Intitulé de liste"
    ).paragraph_format.space_before = Pt(18)
    _tag(doc, "for annexe in annexes")
    _para(doc, f"Annexe {{{{ loop.index }}}}{INSECABLE}: {{{{ annexe }}}}", style="List Bullet")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _tag(doc, "if destinataires")
    _para(
        doc, f"Destinataires{INSECABLE}:", style="Intitulé de liste"
    ).paragraph_format.space_before = Pt(30)
    _tag(doc, "for groupe in destinataires")
    _tag(doc, "if groupe.titre")
    # The groups spaced by the paragraph's own spacing, not an empty paragraph.
    _para(doc, "{{ groupe.titre }}", style="Groupe de liste").paragraph_format.space_before = Pt(12)
    _tag(doc, "endif")
    _tag(doc, "for personne in groupe.destinataires")
    _para(
        doc,
        "{{ personne|destinataire }}{{ '.' if loop.last else ',' }}",
        style="List Bullet",
    )
    _tag(doc, "endfor")
    _tag(doc, "endfor")
    _tag(doc, "endif")
    _pied_de_page(doc)
    _proprietes(
        doc,
        "Compte rendu",
        "Modèle de compte rendu de réunion, Marque de l'État. Variables : docs/variables-cr.md",
    )
    return doc


def main() -> None:
    from modeles_reunion import coupon_reponse, emargement

    dossier = RACINE / "modeles"
    dossier.mkdir(exist_ok=True)
    for nom, construire in (
        ("coupon-reponse.docx", coupon_reponse),
        ("emargement.docx", emargement),
        ("compte-rendu.docx", compte_rendu),
        ("convocation.docx", convocation),
        ("reponse.docx", reponse),
        ("accuse-reception.docx", accuse_reception),
        ("courrier-service.docx", courrier_service),
        ("message.docx", message),
        ("bordereau.docx", bordereau),
    ):
        construire().save(str(dossier / nom))
        print(f"écrit : {dossier / nom}")


if __name__ == "__main__":
    main()
