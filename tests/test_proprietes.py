"""Property-based tests: any text in any text field of any document type
comes out of the DOCX exactly, but for the one documented normalisation
(``docs/texte-et-caracteres.md``): XML-illegal control characters removed,
line breaks (\\n, \\r\\n, \\r, \\v) as Word line breaks, tabs as Word tabs,
French non-breaking spaces (``typographie``). Every part of every output is
strict XML.

Profiles: ``HYPOTHESIS_PROFILE=ci`` (default, about 1,000 examples in all)
and ``HYPOTHESIS_PROFILE=nuit`` (many more), set in ``conftest.py``.
"""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import RACINE
from courriers.documents import TYPES, contexte, depuis_donnees, preparer_modele, type_de
from courriers.francais.typographie import typographie
from courriers.moteur.texte_xml import nettoyer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PREFIXE = "Zz "  # keeps articles, elision and feminisation rules out of the way

#: (type, free-text field) — fields shown verbatim (after the prefix).
CHAMPS_TEXTE: list[tuple[str, str]] = [
    ("cr", "emetteur.services[0]"),
    ("cr", "emetteur.agent.prenom"),
    ("cr", "emetteur.agent.nom"),
    ("cr", "emetteur.agent.telephone"),
    ("cr", "emetteur.agent.courriel"),
    ("cr", "emetteur.libelle_agent"),
    ("cr", "emetteur.ville"),
    ("cr", "objet"),
    ("cr", "reunion.instance.nom"),
    ("cr", "reunion.lieu"),
    ("cr", "reunion.president.fonction"),
    ("cr", "reunion.presents[0].titre"),
    ("cr", "reunion.presents[0].participants[0].prenom"),
    ("cr", "reunion.presents[0].participants[0].nom"),
    ("cr", "reunion.presents[0].participants[4].organisme"),
    ("cr", "reunion.ordre_du_jour[0].titre"),
    ("cr", "signataire.prenom"),
    ("cr", "signataire.nom"),
    ("cr", "signataire.qualite"),
    ("cr", "destinataires[0].titre"),
    ("cr", "destinataires[1].destinataires[0].organisme"),
    ("convocation", "convocation.objet"),
    ("convocation", "reunion.lien_visio"),
    ("convocation", "emetteur.pied_de_page.site"),
    ("reponse", "objet"),
    ("reponse", "reference"),
    ("reponse", "courrier_recu.reference"),
    ("reponse", "emetteur.pied_de_page.adresse[0]"),
    ("accuse-reception", "demande.designation"),
    ("service", "destinataire.fonction"),
    ("service", "sous_couvert.organisme"),
]

#: Markdown fields: text whose Markdown punctuation is escaped comes out as is.
CHAMPS_MARKDOWN: list[tuple[str, str]] = [
    ("cr", "reunion.ordre_du_jour[0].contenu"),
    ("cr", "conclusion"),
    ("convocation", "convocation.texte"),
    ("reponse", "corps"),
    ("accuse-reception", "procedure.voies_de_recours"),
]

EXEMPLES = {code: RACINE / "exemples" / t.exemple for code, t in TYPES.items()}


@cache
def exemple(code: str) -> dict[str, Any]:
    donnees: dict[str, Any] = json.loads(EXEMPLES[code].read_text(encoding="utf-8"))
    donnees["options"] = {"noms_en_majuscules": False}
    if code == "convocation":  # one invitation is enough
        donnees["reunion"]["convoques"] = donnees["reunion"]["convoques"][:1]
    if code == "convocation" and "pied_de_page" not in donnees["emetteur"]:
        donnees["emetteur"]["pied_de_page"] = {"site": "x"}
    return donnees


@cache
def modele_prepare(code: str) -> Any:
    return preparer_modele(depuis_donnees(exemple(code), TYPES[code].classe))


def placer(donnees: dict[str, Any], chemin: str, valeur: str) -> None:
    cles: list[str | int] = [int(c) if c.isdigit() else c for c in re.findall(r"[^.\[\]]+", chemin)]
    cible: Any = donnees
    for cle in cles[:-1]:
        cible = cible[cle]
    cible[cles[-1]] = valeur


def textes_des_parties(contenu: bytes) -> str:
    """Every text of every part, read from the XML (strictly parsed):
    ``w:t`` text, ``w:br`` as a newline, ``w:tab`` as a tab."""
    morceaux: list[str] = []
    with zipfile.ZipFile(io.BytesIO(contenu)) as paquet:
        for nom in paquet.namelist():
            if not nom.endswith((".xml", ".rels")):
                continue
            racine = etree.fromstring(paquet.read(nom))  # strict: raises if invalid
            for element in racine.iter(f"{W}t", f"{W}br", f"{W}tab", f"{W}p"):
                if element.tag == f"{W}t":
                    morceaux.append(element.text or "")
                elif element.tag == f"{W}br":
                    morceaux.append("\n")
                elif element.tag == f"{W}tab":
                    morceaux.append("\t")
                else:
                    morceaux.append("\u2029")  # paragraph boundary
    return "".join(morceaux)


def rendre_avec(code: str, chemin: str, valeur: str) -> str:
    donnees = copy.deepcopy(exemple(code))
    placer(donnees, chemin, valeur)
    document = depuis_donnees(donnees, TYPES[code].classe)
    if code == "convocation":
        from courriers.convocations import exemplaires

        lot = exemplaires(document)  # type: ignore[arg-type]
        contenu = modele_prepare(code).rendre(lot[0].contexte, lot[0].proprietes)
    else:
        proprietes = type_de(document).proprietes(document)
        contenu = modele_prepare(code).rendre(contexte(document), proprietes)
    return textes_des_parties(contenu)


def attendu(valeur: str) -> str:
    """The documented normalisation."""
    return typographie(nettoyer(valeur))


texte_quelconque = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60
) | st.sampled_from(
    [
        "Que Choisir & co <b>x</b> \"guillemets\" 'apostrophes'",
        "« qual-e-pref » ; vraiment ? 100 % : oui !",
        "“courbes” ‘simples’ — tiret",
        "😀👩‍👩‍👧 emoji",
        "مرحبا بالعالم עברית",
        "e\u0301 a\u0308 combinaisons",
        "ligne\nsuite\r\nencore\rfin\u000bWord\ttab",
        "\x00\x01\x07\x08\x0c\x0e\x1f\ufffe\uffff contrôle",
        "]]> <![CDATA[ x ]]> &amp; &#x41;",
        "{{ reunion.date }} {% if x %} {# commentaire #}",
        "x" * 10_000,
    ]
)


@pytest.mark.parametrize(("code", "chemin"), CHAMPS_TEXTE)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texte=texte_quelconque)
def test_texte_conserve(code: str, chemin: str, texte: str) -> None:
    valeur = PREFIXE + texte
    obtenu = rendre_avec(code, chemin, valeur)
    assert attendu(valeur) in obtenu


_PONCTUATION_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")


def echapper_markdown(texte: str) -> str:
    """Backslash before each ASCII punctuation character (CommonMark)."""
    return _PONCTUATION_MARKDOWN.sub(r"\\\1", texte)


ligne_quelconque = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
    max_size=60,
)


@pytest.mark.parametrize(("code", "chemin"), CHAMPS_MARKDOWN)
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texte=ligne_quelconque)
def test_markdown_echappe_conserve(code: str, chemin: str, texte: str) -> None:
    valeur = f"Zz {texte} zZ"
    obtenu = rendre_avec(code, chemin, echapper_markdown(valeur))
    # Markdown folds runs of spaces inside a paragraph into one.
    assert re.sub(r"[ \t]+", " ", attendu(valeur)) in re.sub(r"[ \t]+", " ", obtenu)


def test_le_profil_de_la_ci_fait_au_moins_mille_exemples() -> None:
    exemples = settings().max_examples
    assert exemples * (len(CHAMPS_TEXTE) + len(CHAMPS_MARKDOWN)) >= 1000


def test_dix_mille_caracteres(tmp_path: Path) -> None:
    valeur = PREFIXE + "é&<" * 3_334
    assert attendu(valeur) in rendre_avec("cr", "reunion.ordre_du_jour[0].titre", valeur)
