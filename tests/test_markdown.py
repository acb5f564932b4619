"""Tests du rendu Markdown vers WordprocessingML (``courriers.moteur.markdown``)."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from lxml import etree

from courriers.moteur.markdown import StylesMarkdown, markdown_vers_wordml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
STYLES = StylesMarkdown()


def q(nom: str) -> str:
    """Nom qualifié ``{W}nom``."""
    return f"{{{W}}}{nom}"


def corps(xml: str) -> etree._Element:
    """Analyse stricte de la sortie placée dans un ``<w:body>``."""
    parseur = etree.XMLParser(recover=False, resolve_entities=False)
    return etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>', parseur)


def rendre(
    texte: str,
    styles: StylesMarkdown = STYLES,
    nouvelle_liste: Callable[[int], int] | None = None,
) -> etree._Element:
    return corps(markdown_vers_wordml(texte, styles, nouvelle_liste))


def val(element: etree._Element, chemin: str, attribut: str = "val") -> str | None:
    """Attribut ``w:attribut`` du premier élément au bout de ``chemin``."""
    trouve = element.find(chemin, NS)
    assert trouve is not None, chemin
    return trouve.get(q(attribut))


def unique(element: etree._Element, chemin: str) -> etree._Element:
    trouve = element.find(chemin, NS)
    assert trouve is not None, chemin
    return trouve


def texte_de(element: etree._Element) -> str:
    """Texte d'un élément : ``w:t`` concaténés, ``w:br`` en saut, ``w:tab``."""
    morceaux = []
    for noeud in element.iter(q("t"), q("br"), q("tab")):
        if noeud.tag == q("t"):
            morceaux.append(noeud.text or "")
        else:
            morceaux.append("\n" if noeud.tag == q("br") else "\t")
    return "".join(morceaux)


def paragraphes(body: etree._Element) -> list[etree._Element]:
    """Paragraphes de premier niveau (hors tableaux)."""
    return body.findall("w:p", NS)


def style(p: etree._Element) -> str | None:
    valeur = p.find("w:pPr/w:pStyle", NS)
    return None if valeur is None else valeur.get(q("val"))


def num_id(p: etree._Element) -> str | None:
    valeur = p.find("w:pPr/w:numPr/w:numId", NS)
    return None if valeur is None else valeur.get(q("val"))


def runs(p: etree._Element) -> list[tuple[str, set[str]]]:
    """(texte, propriétés) de chaque run : ``b``, ``i``, ``sup``."""
    resultat = []
    for run in p.findall("w:r", NS):
        proprietes = set()
        if run.find("w:rPr/w:b", NS) is not None:
            proprietes.add("b")
        if run.find("w:rPr/w:i", NS) is not None:
            proprietes.add("i")
        exposant = run.find("w:rPr/w:vertAlign", NS)
        if exposant is not None and exposant.get(q("val")) == "superscript":
            proprietes.add("sup")
        resultat.append((texte_de(run), proprietes))
    return resultat


def compteur(debut: int = 10) -> tuple[list[int], Callable[[int], int]]:
    """Rappel ``nouvelle_liste`` qui note les départs et rend 10, 11…"""
    departs: list[int] = []
    numeros = itertools.count(debut)

    def nouvelle_liste(depart: int) -> int:
        departs.append(depart)
        return next(numeros)

    return departs, nouvelle_liste


@pytest.mark.parametrize("texte", ["", "   ", "\n\n \t\n"])
def test_vide(texte: str) -> None:
    assert markdown_vers_wordml(texte) == ""


def test_gras_italique() -> None:
    (p,) = paragraphes(rendre("**gras** et *italique*, ***les deux***"))
    assert style(p) is None
    assert runs(p) == [
        ("gras", {"b"}),
        (" et ", set()),
        ("italique", {"i"}),
        (", ", set()),
        ("les deux", {"b", "i"}),
    ]
    for run in p.findall("w:r", NS):
        t = run.find("w:t", NS)
        assert t is not None
        assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


def test_sauts_de_ligne() -> None:
    (p,) = paragraphes(rendre("souple\nsuite  \ndur\\\nfin"))
    assert texte_de(p) == "souple suite\ndur\nfin"
    assert len(p.findall(".//w:br", NS)) == 2


def test_paragraphes_et_style_de_paragraphe() -> None:
    body = rendre("un\n\ndeux", styles=StylesMarkdown(paragraphe="Corps"))
    assert [(texte_de(p), style(p)) for p in paragraphes(body)] == [
        ("un", "Corps"),
        ("deux", "Corps"),
    ]


def test_puces_imbriquees() -> None:
    body = rendre("- a\n  - b\n    - c\n      - d\n- e")
    assert [(texte_de(p), style(p), num_id(p)) for p in paragraphes(body)] == [
        ("a", "ListBullet", None),
        ("b", "ListBullet2", None),
        ("c", "ListBullet3", None),
        ("d", "ListBullet3", None),
        ("e", "ListBullet", None),
    ]


def test_listes_numerotees_repartent() -> None:
    departs, rappel = compteur()
    body = rendre("1. a\n2. b\n\nentre\n\n1. c\n2. d", nouvelle_liste=rappel)
    assert departs == [1, 1]
    assert [(texte_de(p), style(p), num_id(p)) for p in paragraphes(body)] == [
        ("a", "ListNumber", "10"),
        ("b", "ListNumber", "10"),
        ("entre", None, None),
        ("c", "ListNumber", "11"),
        ("d", "ListNumber", "11"),
    ]
    for p in paragraphes(body)[:2]:
        assert val(p, "w:pPr/w:numPr/w:ilvl") == "0"


def test_liste_commencant_a_trois() -> None:
    departs, rappel = compteur(7)
    body = rendre("3. trois\n4. quatre", nouvelle_liste=rappel)
    assert departs == [3]
    assert {num_id(p) for p in paragraphes(body)} == {"7"}


def test_liste_numerotee_sans_rappel() -> None:
    body = rendre("1. a\n   1. b")
    assert [(style(p), num_id(p)) for p in paragraphes(body)] == [
        ("ListNumber", None),
        ("ListNumber2", None),
    ]


def test_element_a_plusieurs_paragraphes() -> None:
    _, rappel = compteur()
    body = rendre("1. premier\n\n   suite\n2. second", nouvelle_liste=rappel)
    assert [(texte_de(p), style(p), num_id(p)) for p in paragraphes(body)] == [
        ("premier", "ListNumber", "10"),
        ("suite", "ListNumber", "0"),
        ("second", "ListNumber", "10"),
    ]


def test_element_vide_garde_sa_puce() -> None:
    body = rendre("- a\n-\n- c")
    assert [(texte_de(p), style(p)) for p in paragraphes(body)] == [
        ("a", "ListBullet"),
        ("", "ListBullet"),
        ("c", "ListBullet"),
    ]


def test_tableau() -> None:
    body = rendre("| Nom | Nb | Note |\n|:---:|---:|---|\n| a & b | 2 |\n| c | 3 | ok |")
    (tableau,) = body.findall("w:tbl", NS)
    assert val(tableau, "w:tblPr/w:tblStyle") == "TableGrid"
    assert val(tableau, "w:tblPr/w:tblW", "w") == "5000"
    assert val(tableau, "w:tblPr/w:tblW", "type") == "pct"
    assert len(tableau.findall("w:tblGrid/w:gridCol", NS)) == 3
    lignes = tableau.findall("w:tr", NS)
    assert [ligne.find("w:trPr/w:tblHeader", NS) is not None for ligne in lignes] == [
        True,
        False,
        False,
    ]
    cellules = [ligne.findall("w:tc", NS) for ligne in lignes]
    assert [[texte_de(c) for c in ligne] for ligne in cellules] == [
        ["Nom", "Nb", "Note"],
        ["a & b", "2", ""],
        ["c", "3", "ok"],
    ]
    for ligne in cellules:
        for cellule in ligne:
            assert len(cellule.findall("w:p", NS)) == 1
            assert val(cellule, "w:tcPr/w:tcW", "type") == "auto"
        alignements = [
            None if (jc := c.find("w:p/w:pPr/w:jc", NS)) is None else jc.get(q("val"))
            for c in ligne
        ]
        assert alignements == ["center", "right", None]
    assert runs(unique(cellules[0][0], "w:p")) == [("Nom", {"b"})]
    assert runs(unique(cellules[1][0], "w:p")) == [("a & b", set())]


def test_tableaux_adjacents_separes() -> None:
    body = rendre("| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |")
    assert [etree.QName(e).localname for e in body] == ["tbl", "p", "tbl"]


def test_titres() -> None:
    body = rendre("# Un\n\n## Deux\n\n### Trois\n\n###### Six\n\nTexte\n---")
    assert [(texte_de(p), style(p)) for p in paragraphes(body)] == [
        ("Un", "Heading3"),
        ("Deux", "Heading4"),
        ("Trois", "Heading5"),
        ("Six", "Heading5"),
        ("Texte", "Heading4"),
    ]


def test_citation_filet_et_code() -> None:
    body = rendre("> cité\n> encore\n\n---\n\n```\n  x < y\n\tz\n```\n\ntexte `a <b>`")
    ps = paragraphes(body)
    assert (texte_de(ps[0]), style(ps[0])) == ("cité encore", "Quote")
    assert ps[1].find("w:pPr/w:pBdr/w:bottom", NS) is not None
    assert texte_de(ps[2]) == "  x < y\n\tz"
    assert texte_de(ps[3]) == "texte a <b>"


def test_html_reste_du_texte() -> None:
    texte = "Que Choisir & co <b>x</b>"
    body = rendre(f"{texte}\n\n<div>bloc</div>\n\n&amp; &eacute;")
    assert [texte_de(p) for p in paragraphes(body)] == [
        texte,
        "<div>bloc</div>",
        "&amp; &eacute;",
    ]
    assert body.find(".//b") is None


def test_caractere_de_controle() -> None:
    xml = markdown_vers_wordml("avant\x0baprès")
    assert "\x0b" not in xml
    (p,) = paragraphes(corps(xml))
    assert p.find("w:r/w:br", NS) is not None
    assert texte_de(p) == "avant\naprès"


def test_ordinaux() -> None:
    (p,) = paragraphes(rendre("Le **1er niveau**, le 2e point, la 2ème fois, 3es."))
    assert runs(p) == [
        ("Le ", set()),
        ("1", {"b"}),
        ("er", {"b", "sup"}),
        (" niveau", {"b"}),
        (", le 2", set()),
        ("e", {"sup"}),
        (" point, la 2ème fois, 3", set()),
        ("es", {"sup"}),
        (".", set()),
    ]


@pytest.mark.parametrize("texte", ["2ème", "3eme", "10e5", "A1er", "`1er`", "1ère"])
def test_pas_d_ordinal(texte: str) -> None:
    (p,) = paragraphes(rendre(texte))
    assert all("sup" not in proprietes for _, proprietes in runs(p))


def test_liens() -> None:
    (p,) = paragraphes(
        rendre("[le site](https://exemple.fr/a?b=1&c=2), <https://exemple.fr>, <a@b.fr>")
    )
    assert texte_de(p) == ("le site (https://exemple.fr/a?b=1&c=2), https://exemple.fr, a@b.fr")


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        (
            "Émoji 🎉 et ∑ « guillemets » \"doubles\" 'simples'",
            "Émoji 🎉 et ∑ «\u202fguillemets\u202f» \"doubles\" 'simples'",
        ),
        ("עברית ועוד مرحبا بالعالم", None),
        ("a < b > c & d", None),
        ("tab\tulation", None),
        ("*pas fermé et \\*échappé\\*", "*pas fermé et *échappé*"),
        ("- un\n- deux\n\n1. trois", "un\ndeux\ntrois"),
        ("| a | b |\n|---|---|\n| c | d |", "a\nb\nc\nd"),
    ],
)
def test_texte_complet(texte: str, attendu: str | None) -> None:
    body = rendre(texte)
    complet = "\n".join(texte_de(p) for p in body.iter(q("p")))
    assert complet == (texte if attendu is None else attendu)


def test_contenu_du_compte_rendu() -> None:
    body = rendre(
        "- Prise en charge rapide.\n"
        "- Qualité des informations de 1er niveau données par le standard.\n"
    )
    ps = paragraphes(body)
    assert [style(p) for p in ps] == ["ListBullet", "ListBullet"]
    assert [texte_de(p) for p in ps] == [
        "Prise en charge rapide.",
        "Qualité des informations de 1er niveau données par le standard.",
    ]
    assert ("er", {"sup"}) in runs(ps[1])


def test_styles_personnalises() -> None:
    styles = StylesMarkdown(puces=("Puce",), numeros=(), titres=("Titre",), tableau="Grille")
    body = rendre("# T\n\n- a\n  - b\n\n1. c\n\n| x |\n|---|", styles=styles)
    assert [(texte_de(p), style(p)) for p in paragraphes(body)] == [
        ("T", "Titre"),
        ("a", "Puce"),
        ("b", "Puce"),
        ("c", None),
    ]
    assert val(body, "w:tbl/w:tblPr/w:tblStyle") == "Grille"
