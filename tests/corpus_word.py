"""A corpus of Word-like edits of the built-in minutes template, each built
by code (lxml on a copy) and each with its expected outcome.

``Retouche.attendu`` is either ``None`` (the template is accepted: it
renders the example, whose text must hold ``presents`` and none of
``absents``), a set of the checker's kinds of problems (refused with them),
or an error code of the catalogue (the file itself is refused).
``avertissements``: the kinds of non-blocking problems expected. An
accepted edit that does not change the text (``texte_change`` false) must
render exactly the text of the unedited template.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree

from courriers.modeles import modele_integre

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{NS_W}}}"
_DECLARATIONS = f'xmlns:w="{NS_W}" xmlns:r="{NS_R}"'
CORPS = "word/document.xml"
PIED = "word/footer1.xml"

Membres = dict[str, bytes]


# --- building blocks ------------------------------------------------------------------


def r(texte: str, rpr: str = "", avant: str = "") -> str:
    """A run: ``rpr`` inside ``w:rPr``, ``avant`` before the text."""
    proprietes = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{proprietes}{avant}<w:t xml:space="preserve">{escape(texte)}</w:t></w:r>'


def lire(modele: str = "compte-rendu.docx") -> Membres:
    with zipfile.ZipFile(modele_integre(modele)) as paquet:
        return {nom: paquet.read(nom) for nom in paquet.namelist()}


def ecrire(membres: Membres, chemin: Path) -> Path:
    with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as paquet:
        for nom, contenu in membres.items():
            paquet.writestr(nom, contenu)
    return chemin


def editer(membres: Membres, nom: str, edition: Callable[[Any], None]) -> None:
    racine = etree.fromstring(membres[nom])
    edition(racine)
    membres[nom] = etree.tostring(racine, xml_declaration=True, encoding="UTF-8", standalone=True)


def texte_de(paragraphe: Any) -> str:
    return "".join(t.text or "" for t in paragraphe.iter(f"{W}t"))


def paragraphe(racine: Any, debut: str) -> Any:
    """The first paragraph whose text starts with ``debut``."""
    return next(p for p in racine.iter(f"{W}p") if texte_de(p).startswith(debut))


def remplacer(racine: Any, debut: str, contenu: str) -> None:
    """Replace the runs of the paragraph starting with ``debut`` by ``contenu``
    (XML with the ``w:`` and ``r:`` prefixes), keeping its properties."""
    ancien = paragraphe(racine, debut)
    ppr = ancien.find(f"{W}pPr")
    ppr_xml = etree.tostring(ppr, encoding="unicode") if ppr is not None else ""
    ppr_xml = re.sub(r' xmlns:\w+="[^"]+"', "", ppr_xml)
    nouveau = etree.fromstring(f"<w:p {_DECLARATIONS}>{ppr_xml}{contenu}</w:p>")
    ancien.getparent().replace(ancien, nouveau)


def fragment(contenu: str) -> list[Any]:
    """Body-level elements from XML text."""
    return list(etree.fromstring(f"<w:body {_DECLARATIONS}>{contenu}</w:body>"))


def dans_le_corps(membres: Membres, debut: str, contenu: str) -> None:
    editer(membres, CORPS, lambda racine: remplacer(racine, debut, contenu))


def ajouter_type(membres: Membres, partie: str, sorte: str) -> None:
    types = membres["[Content_Types].xml"].decode()
    override = f'<Override PartName="/{partie}" ContentType="{sorte}"/>'
    membres["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()


def ajouter_relation(
    membres: Membres, rid: str, sorte: str, cible: str, externe: bool = False
) -> None:
    rels = membres["word/_rels/document.xml.rels"].decode()
    mode = ' TargetMode="External"' if externe else ""
    relation = f'<Relationship Id="{rid}" Type="{NS_R}/{sorte}" Target="{escape(cible)}"{mode}/>'
    membres["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", relation + "</Relationships>"
    ).encode()


# --- the edits ------------------------------------------------------------------------

VILLE = "{{ emetteur.ville }}, le {{ date|date_lieu }}"
TITRE = "{{ reunion|titre_document }}"
LIEU_RENDU = "Moulins, le 08/03/2022"
PJ = "PJ\u00a0: {{ pieces_jointes|length }}."


def _runs_rsid(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        '<w:r w:rsidR="00A1"><w:t>{{ emet</w:t></w:r><w:r w:rsidR="00B2"><w:t>teur.vi</w:t>'
        '</w:r><w:r w:rsidRPr="00C3"><w:t xml:space="preserve">lle }}, le {{ date|date_lieu }}'
        "</w:t></w:r>",
    )


def _proof_err(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.")
        + '<w:proofErr w:type="spellStart"/>'
        + r("ville")
        + '<w:proofErr w:type="spellEnd"/>'
        + r(" }}, le {{ date|date_lieu }}"),
    )


def _signet(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.vi")
        + '<w:bookmarkStart w:id="7" w:name="lieu"/>'
        + r("lle }}")
        + '<w:bookmarkEnd w:id="7"/>'
        + r(", le {{ date|date_lieu }}"),
    )


def _saut_calcule(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.ville }}", avant="<w:lastRenderedPageBreak/>")
        + r(", le {{ date|date_lieu }}"),
    )


def _langue(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.", '<w:lang w:val="fr-FR"/>')
        + r("ville }}", "<w:noProof/>")
        + r(", le {{ date|date_lieu }}"),
    )


def _guillemets_courbes(m: Membres) -> None:
    def edition(racine: Any) -> None:
        for t in racine.iter(f"{W}t"):
            if t.text and "intitule('présent')" in t.text:
                t.text = t.text.replace("'présent'", "\u2018présent\u2019")

    editer(m, CORPS, edition)


def _insecables(m: Membres) -> None:
    dans_le_corps(
        m, "{{ emetteur.ville", r("{{\u00a0emetteur.ville\u00a0}}, le {{ date|date_lieu }}")
    )


def _trois_runs(m: Membres) -> None:
    dans_le_corps(
        m, "{{ emetteur.ville", r("{") + r("{ emetteur.ville }") + r("}, le {{ date|date_lieu }}")
    )


def _tout_en_gras(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.", "<w:b/>") + r("ville }}", "<w:b/>") + r(", le {{ date|date_lieu }}"),
    )


def _moitie_gras(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.") + r("ville }}", "<w:b/>") + r(", le {{ date|date_lieu }}"),
    )


def _moitie_italique_pied(m: Membres) -> None:
    editer(
        m,
        PIED,
        lambda racine: remplacer(
            racine,
            "{{ emetteur.pied_de_page|coordonnees",
            r("{{ emetteur.pied_de_page|") + r("coordonnees }}", "<w:i/>"),
        ),
    )


def _couleur_dans_balise(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.ville", '<w:color w:val="FF0000"/>') + r(" }}, le {{ date|date_lieu }}"),
    )


def _styles_francais(m: Membres) -> None:
    m.update(styles_francais(m))


def _sans_liste_a_puces(m: Membres) -> None:
    def edition(racine: Any) -> None:
        for style in list(racine.iter(f"{W}style")):
            if style.get(f"{W}styleId", "").startswith("ListBullet"):
                racine.remove(style)

    editer(m, "word/styles.xml", edition)


def _numeros_retires(m: Membres) -> None:
    """Format > Numérotation > Aucune on the List Number style."""

    def edition(racine: Any) -> None:
        for style in racine.iter(f"{W}style"):
            if style.get(f"{W}styleId") == "ListNumber":
                for numero in style.iter(f"{W}numPr"):
                    numero.getparent().remove(numero)

    editer(m, "word/styles.xml", edition)


def _sans_citation(m: Membres) -> None:
    def edition(racine: Any) -> None:
        for style in list(racine.iter(f"{W}style")):
            if style.get(f"{W}styleId") == "Quote":
                racine.remove(style)

    editer(m, "word/styles.xml", edition)


_AUTEUR = 'w:id="{n}" w:author="Relecteur" w:date="2026-01-01T00:00:00Z"'


def _insertion_texte(m: Membres) -> None:
    dans_le_corps(
        m, "{{ emetteur.ville", r(VILLE) + f"<w:ins {_AUTEUR.format(n=1)}>{r(' (Allier)')}</w:ins>"
    )


def _insertion_balise(m: Membres) -> None:
    dans_le_corps(m, "{{ emetteur.ville", f"<w:ins {_AUTEUR.format(n=1)}>{r(VILLE)}</w:ins>")


def _insertion_a_cheval(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.")
        + f"<w:ins {_AUTEUR.format(n=1)}>{r('ville }}')}</w:ins>"
        + r(", le {{ date|date_lieu }}"),
    )


def _suppression_balise(m: Membres) -> None:
    supprime = '<w:r><w:delText xml:space="preserve">{{ reunion.salle }} </w:delText></w:r>'
    dans_le_corps(
        m, "{{ emetteur.ville", f"<w:del {_AUTEUR.format(n=2)}>{supprime}</w:del>" + r(VILLE)
    )


def _suppression_texte(m: Membres) -> None:
    supprime = '<w:r><w:delText xml:space="preserve">Vichy et </w:delText></w:r>'
    dans_le_corps(
        m, "{{ emetteur.ville", f"<w:del {_AUTEUR.format(n=2)}>{supprime}</w:del>" + r(VILLE)
    )


def _deplacement(m: Membres) -> None:
    def edition(racine: Any) -> None:
        remplacer(
            racine,
            "{{ emetteur.ville",
            f'<w:moveFromRangeStart {_AUTEUR.format(n=3)} w:name="move1"/>'
            f"<w:moveFrom {_AUTEUR.format(n=4)}>{r(VILLE)}</w:moveFrom>"
            '<w:moveFromRangeEnd w:id="3"/>',
        )
        remplacer(
            racine,
            TITRE,
            r(TITRE) + f'<w:moveToRangeStart {_AUTEUR.format(n=5)} w:name="move1"/>'
            f"<w:moveTo {_AUTEUR.format(n=6)}>{r(' ' + VILLE)}</w:moveTo>"
            '<w:moveToRangeEnd w:id="5"/>',
        )

    editer(m, CORPS, edition)


def _format_suivi(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r(VILLE, f"<w:b/><w:rPrChange {_AUTEUR.format(n=7)}><w:rPr/></w:rPrChange>"),
    )


def _marque_de_paragraphe(m: Membres) -> None:
    def edition(racine: Any) -> None:
        p = paragraphe(racine, TITRE)
        ppr = p.find(f"{W}pPr")
        ppr.append(fragment(f"<w:rPr><w:ins {_AUTEUR.format(n=8)}/></w:rPr>")[0])

    editer(m, CORPS, edition)


def _commentaire(m: Membres, debut: str, contenu: str) -> None:
    dans_le_corps(m, debut, contenu)
    m["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {_DECLARATIONS}>'
        '<w:comment w:id="0" w:author="Relecteur"><w:p><w:r><w:t>À revoir</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    ).encode()
    ajouter_type(
        m,
        "word/comments.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    )
    ajouter_relation(m, "rId90", "comments", "comments.xml")


_REF = '<w:r><w:commentReference w:id="0"/></w:r>'


def _commentaire_texte(m: Membres) -> None:
    _commentaire(
        m,
        TITRE,
        '<w:commentRangeStart w:id="0"/>' + r(TITRE) + '<w:commentRangeEnd w:id="0"/>' + _REF,
    )


def _commentaire_dans_balise(m: Membres) -> None:
    _commentaire(
        m,
        "{{ emetteur.ville",
        r("{{ emet")
        + '<w:commentRangeStart w:id="0"/>'
        + r("teur.ville }}, le")
        + '<w:commentRangeEnd w:id="0"/>'
        + _REF
        + r(" {{ date|date_lieu }}"),
    )


def _commentaire_sur_condition(m: Membres) -> None:
    def edition(racine: Any) -> None:
        remplacer(
            racine,
            "{%p if pieces_jointes",
            '<w:commentRangeStart w:id="0"/>' + r("{%p if pieces_jointes %}"),
        )
        remplacer(racine, PJ, r(PJ) + '<w:commentRangeEnd w:id="0"/>' + _REF)

    _commentaire(m, TITRE, r(TITRE))
    editer(m, CORPS, edition)


def _lien(m: Membres, contenu: str) -> None:
    ajouter_relation(m, "rId91", "hyperlink", "https://ancien.example.fr/visio", externe=True)
    dans_le_corps(m, "{{ emetteur.ville", contenu)


def _lien_autour_balise(m: Membres) -> None:
    _lien(
        m,
        f'<w:hyperlink r:id="rId91">{r("{{ emetteur.ville }}")}</w:hyperlink>'
        + r(", le {{ date|date_lieu }}"),
    )


def _lien_texte(m: Membres) -> None:
    _lien(m, r(VILLE + " ") + f'<w:hyperlink r:id="rId91">{r("site")}</w:hyperlink>')


def _lien_a_cheval(m: Membres) -> None:
    _lien(
        m,
        r("{{ emetteur.")
        + f'<w:hyperlink r:id="rId91">{r("ville }}")}</w:hyperlink>'
        + r(", le {{ date|date_lieu }}"),
    )


def _condition_a_cheval_sur_un_lien(m: Membres) -> None:
    ajouter_relation(m, "rId91", "hyperlink", "https://ancien.example.fr/", externe=True)
    dans_le_corps(
        m,
        "{%p if pieces_jointes",
        r("{%p if pieces") + f'<w:hyperlink r:id="rId91">{r("_jointes %}")}</w:hyperlink>',
    )


def _condition_a_moitie_en_gras(m: Membres) -> None:
    dans_le_corps(m, "{%p if pieces_jointes", r("{%p if pieces", "<w:b/>") + r("_jointes %}"))


def _lien_interne(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        f'<w:hyperlink w:anchor="haut">{r("{{ emetteur.ville }}")}</w:hyperlink>'
        + r(", le {{ date|date_lieu }}"),
    )


def _sdt(contenu: str) -> str:
    return f'<w:sdt><w:sdtPr><w:alias w:val="Zone"/><w:id w:val="42"/></w:sdtPr><w:sdtContent>{contenu}</w:sdtContent></w:sdt>'


def _controle_croise(m: Membres) -> None:
    def edition(racine: Any) -> None:
        debut = paragraphe(racine, "{%p if pieces_jointes")
        pj = paragraphe(racine, PJ)
        controle = fragment(_sdt(""))[0]
        debut.addprevious(controle)
        contenu = controle.find(f"{W}sdtContent")
        contenu.append(debut)
        contenu.append(pj)

    editer(m, CORPS, edition)


def _controle_entier(m: Membres) -> None:
    def edition(racine: Any) -> None:
        debut = paragraphe(racine, "{%p if pieces_jointes")
        pj = paragraphe(racine, PJ)
        fin = pj.getnext()
        controle = fragment(_sdt(""))[0]
        debut.addprevious(controle)
        contenu = controle.find(f"{W}sdtContent")
        for element in (debut, pj, fin):
            contenu.append(element)

    editer(m, CORPS, edition)


def _controle_autour_balise(m: Membres) -> None:
    dans_le_corps(
        m, "{{ emetteur.ville", _sdt(r("{{ emetteur.ville }}")) + r(", le {{ date|date_lieu }}")
    )


def _controle_a_cheval(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.") + _sdt(r("ville }}")) + r(", le {{ date|date_lieu }}"),
    )


def _type_principal(sorte: str) -> Callable[[Membres], None]:
    def edition(m: Membres) -> None:
        types = m["[Content_Types].xml"].decode()
        m["[Content_Types].xml"] = types.replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            sorte,
        ).encode()

    return edition


def _odt(m: Membres) -> None:
    m.clear()
    m["mimetype"] = b"application/vnd.oasis.opendocument.text"
    m["content.xml"] = (
        b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
    )
    m["META-INF/manifest.xml"] = b'<?xml version="1.0"?><manifest/>'


def _notes(m: Membres, texte_note: str) -> None:
    separateurs = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
    )
    m["word/footnotes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_DECLARATIONS}>'
        f'{separateurs}<w:footnote w:id="1"><w:p>{r(texte_note)}</w:p></w:footnote></w:footnotes>'
    ).encode()
    ajouter_type(
        m,
        "word/footnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    )
    ajouter_relation(m, "rId92", "footnotes", "footnotes.xml")
    dans_le_corps(
        m,
        TITRE,
        r(TITRE)
        + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
    )


def _note_juste(m: Membres) -> None:
    _notes(m, "Rédigé à {{ emetteur.ville }}.")


def _note_fausse(m: Membres) -> None:
    _notes(m, "Salle {{ reunion.salle }}.")


def _dans_la_ville(texte: str) -> Callable[[Membres], None]:
    def edition(m: Membres) -> None:
        dans_le_corps(m, "{{ emetteur.ville", r(texte))

    return edition


def _si_majuscule(m: Membres) -> None:
    dans_le_corps(m, "{%p if pieces_jointes", r("{%p If pieces_jointes %}"))


def _champ(code: str) -> Callable[[Membres], None]:
    def edition(m: Membres) -> None:
        dans_le_corps(
            m,
            TITRE,
            r(TITRE + " ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + r("texte du champ")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        )

    return edition


def _balise_coupee_paragraphes(m: Membres) -> None:
    def edition(racine: Any) -> None:
        remplacer(racine, "{{ emetteur.ville", r("{{ emetteur."))
        paragraphe(racine, "{{ emetteur.").addnext(
            fragment(f"<w:p>{r('ville }}, le {{ date|date_lieu }}')}</w:p>")[0]
        )

    editer(m, CORPS, edition)


def _accolade_espacee(m: Membres) -> None:
    dans_le_corps(m, "{{ emetteur.ville", r("{ { emetteur.ville }}, le {{ date|date_lieu }}"))


def _texte_pres_de_p(m: Membres) -> None:
    dans_le_corps(m, "{%p if pieces_jointes", r("Pièces : {%p if pieces_jointes %}"))


def _zone_de_texte_vide(m: Membres) -> None:
    dans_le_corps(m, TITRE, r(TITRE, "<w:caps/>"))


def _tabulation(m: Membres) -> None:
    dans_le_corps(
        m,
        "{{ emetteur.ville",
        r("{{ emetteur.ville }}") + "<w:r><w:tab/></w:r>" + r(", le {{ date|date_lieu }}"),
    )


# --- the corpus -----------------------------------------------------------------------


@dataclass(frozen=True)
class Retouche:
    """One edit and its expected outcome (see the module docstring)."""

    nom: str
    faire: Callable[[Membres], None]
    attendu: frozenset[str] | str | None = None
    presents: tuple[str, ...] = ()
    absents: tuple[str, ...] = ()
    avertissements: frozenset[str] = field(default_factory=frozenset)
    extension: str = ".docx"
    #: The edit changes the document's text (else: the same text as the
    #: unedited template, body and footer).
    texte_change: bool = False

    def construire(self, dossier: Path) -> Path:
        membres = lire()
        self.faire(membres)
        return ecrire(membres, dossier / f"{self.nom}{self.extension}")


def _refus(*genres: str) -> frozenset[str]:
    return frozenset(genres)


_LIEU = (LIEU_RENDU,)
_SANS_ACCOLADES = ("{{", "{%", "}}")

RETOUCHES: tuple[Retouche, ...] = (
    # Run splits Word makes, already repaired by docxtpl.
    Retouche("runs-rsid", _runs_rsid, presents=_LIEU, absents=_SANS_ACCOLADES),
    Retouche("correcteur-orthographe", _proof_err, presents=_LIEU, absents=_SANS_ACCOLADES),
    Retouche("signet-dans-balise", _signet, presents=_LIEU, absents=_SANS_ACCOLADES),
    Retouche("saut-de-page-calcule", _saut_calcule, presents=_LIEU),
    Retouche("langue-et-orthographe", _langue, presents=_LIEU),
    Retouche("guillemets-courbes", _guillemets_courbes, presents=("Étaient présents",)),
    Retouche("espaces-insecables", _insecables, presents=_LIEU),
    Retouche("accolades-en-trois-runs", _trois_runs, presents=_LIEU),
    Retouche("tabulation", _tabulation, presents=("Moulins", ", le 08/03/2022"), texte_change=True),
    Retouche("majuscules-de-style", _zone_de_texte_vide, presents=("COMPTE-RENDU",)),
    # Formatting.
    Retouche("balise-entiere-en-gras", _tout_en_gras, presents=_LIEU),
    Retouche(
        "balise-a-moitie-en-gras",
        _moitie_gras,
        presents=_LIEU,
        avertissements=_refus("mise_en_forme_dans_balise"),
    ),
    Retouche(
        "balise-a-moitie-en-italique-pied",
        _moitie_italique_pied,
        presents=_LIEU,
        avertissements=_refus("mise_en_forme_dans_balise"),
    ),
    Retouche(
        "couleur-dans-balise",
        _couleur_dans_balise,
        presents=_LIEU,
        avertissements=_refus("mise_en_forme_dans_balise"),
    ),
    # Styles.
    Retouche("styles-de-word-francais", _styles_francais, presents=("Résultats",)),
    Retouche("sans-style-liste-a-puces", _sans_liste_a_puces, _refus("style_introuvable")),
    Retouche("style-liste-numerotee-sans-numeros", _numeros_retires, _refus("style_introuvable")),
    Retouche(
        "sans-style-citation",
        _sans_citation,
        presents=_LIEU,
        avertissements=_refus("style_introuvable"),
    ),
    # Tracked changes: refused until accepted or rejected.
    Retouche("insertion-suivie", _insertion_texte, _refus("modification_suivie")),
    Retouche("insertion-suivie-d-une-balise", _insertion_balise, _refus("modification_suivie")),
    Retouche(
        "balise-a-cheval-sur-une-insertion",
        _insertion_a_cheval,
        _refus("modification_suivie", "balise_a_cheval"),
    ),
    Retouche("suppression-suivie-d-une-balise", _suppression_balise, _refus("modification_suivie")),
    Retouche("suppression-suivie", _suppression_texte, _refus("modification_suivie")),
    Retouche("deplacement-suivi", _deplacement, _refus("modification_suivie")),
    Retouche("mise-en-forme-suivie", _format_suivi, _refus("modification_suivie")),
    Retouche("marque-de-paragraphe-inseree", _marque_de_paragraphe, _refus("modification_suivie")),
    # Comments: removed from generated documents.
    Retouche("commentaire", _commentaire_texte, presents=("COMPTE-RENDU",)),
    Retouche("commentaire-dans-une-balise", _commentaire_dans_balise, presents=_LIEU),
    Retouche("commentaire-sur-une-condition", _commentaire_sur_condition, presents=("PJ : 3.",)),
    # Hyperlinks.
    Retouche("lien-autour-d-une-balise", _lien_autour_balise, _refus("lien_fige")),
    Retouche("lien-sur-du-texte", _lien_texte, presents=(LIEU_RENDU, "site"), texte_change=True),
    Retouche("balise-a-cheval-sur-un-lien", _lien_a_cheval, _refus("balise_a_cheval")),
    Retouche("lien-interne-autour-d-une-balise", _lien_interne, presents=_LIEU),
    Retouche("condition-p-a-cheval-sur-un-lien", _condition_a_cheval_sur_un_lien),
    Retouche("condition-p-a-moitie-en-gras", _condition_a_moitie_en_gras),
    # Content controls.
    Retouche("controle-de-contenu-croise", _controle_croise, _refus("bloc_croise")),
    Retouche("controle-de-contenu-entier", _controle_entier, presents=("PJ : 3.",)),
    Retouche("controle-de-contenu-autour-d-une-balise", _controle_autour_balise, presents=_LIEU),
    Retouche("balise-a-cheval-sur-un-controle", _controle_a_cheval, _refus("balise_a_cheval")),
    # Formats.
    Retouche(
        "modele-word-dotx",
        _type_principal(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        ),
        presents=_LIEU,
        extension=".dotx",
    ),
    Retouche(
        "document-avec-macros-docm",
        _type_principal("application/vnd.ms-word.document.macroEnabled.main+xml"),
        "modele.macros",
        extension=".docm",
    ),
    Retouche(
        "modele-avec-macros-dotm",
        _type_principal("application/vnd.ms-word.template.macroEnabledTemplate.main+xml"),
        "modele.macros",
        extension=".dotm",
    ),
    Retouche("document-opendocument", _odt, "modele.opendocument", extension=".odt"),
    # Footnotes with Word's separators.
    Retouche(
        "note-de-bas-de-page", _note_juste, presents=("Rédigé à Moulins.",), texte_change=True
    ),
    Retouche("note-de-bas-de-page-fausse", _note_fausse, _refus("variable_inconnue")),
    # Autocorrected and invisible characters.
    Retouche("guillemets-francais", _dans_la_ville("{{ «Moulins» }}"), _refus("syntaxe")),
    Retouche(
        "tiret-de-correction", _dans_la_ville("{{ pieces_jointes|length – 1 }}"), _refus("syntaxe")
    ),
    Retouche(
        "trait-d-union-conditionnel",
        _dans_la_ville("{{ emetteur.vil\u00adle }}"),
        _refus("syntaxe"),
    ),
    Retouche(
        "trait-d-union-insecable",
        _dans_la_ville("{{ reunion.lien\u2011visio }}"),
        _refus("syntaxe"),
    ),
    Retouche("si-avec-majuscule", _si_majuscule, _refus("syntaxe")),
    # Field codes are rendered too.
    Retouche(
        "champ-avec-variable-inconnue",
        _champ(' QUOTE "{{ reunion.salle }}" '),
        _refus("variable_inconnue"),
    ),
    Retouche("champ-ordinaire", _champ(" PAGE "), presents=("texte du champ",), texte_change=True),
    # Classic mistakes, still caught.
    Retouche("balise-sur-deux-paragraphes", _balise_coupee_paragraphes, _refus("balise_coupee")),
    Retouche("accolades-espacees", _accolade_espacee, _refus("balise_coupee")),
    Retouche("texte-a-cote-d-un-p", _texte_pres_de_p, _refus("texte_perdu")),
)


# --- French Word styles -----------------------------------------------------------------

#: English id → the id French Word saves.
IDS_FRANCAIS = {
    "Heading1": "Titre1",
    "Heading2": "Titre2",
    "Heading3": "Titre3",
    "Heading4": "Titre4",
    "Heading5": "Titre5",
    "ListBullet": "Listepuces",
    "ListBullet2": "Listepuces2",
    "ListBullet3": "Listepuces3",
    "ListNumber": "Listenumros",
    "ListNumber2": "Listenumros2",
    "ListNumber3": "Listenumros3",
    "Quote": "Citation",
    "TableGrid": "Grilledutableau",
    "ListParagraph": "Paragraphedeliste",
}
_REFERENCES = ("pStyle", "rStyle", "tblStyle", "basedOn", "next", "link")


def styles_francais(membres: Membres) -> Membres:
    """The parts of ``membres`` with the style ids French Word saves (names
    kept), every reference updated."""
    modifies: Membres = {}
    for nom, contenu in membres.items():
        if not nom.startswith("word/") or not nom.endswith(".xml"):
            continue
        racine = etree.fromstring(contenu)
        change = False
        for element in racine.iter(f"{W}style"):
            ancien = element.get(f"{W}styleId")
            if ancien in IDS_FRANCAIS:
                element.set(f"{W}styleId", IDS_FRANCAIS[ancien])
                change = True
        for reference in racine.iter(*(f"{W}{n}" for n in _REFERENCES)):
            valeur = reference.get(f"{W}val", "")
            if valeur in IDS_FRANCAIS:
                reference.set(f"{W}val", IDS_FRANCAIS[valeur])
                change = True
        if change:
            modifies[nom] = etree.tostring(
                racine, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    return modifies


def modele_francais(chemin: Path) -> Path:
    """The built-in minutes template as French Word saves it."""
    membres = lire()
    membres.update(styles_francais(membres))
    return ecrire(membres, chemin)


def octets_zip(membres: Membres) -> bytes:
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as paquet:
        for nom, contenu in membres.items():
            paquet.writestr(nom, contenu)
    return tampon.getvalue()
