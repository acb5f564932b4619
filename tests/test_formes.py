"""A part checked once per shape, then filled with each document's texts:
the same XML as parsing and completing every document, for any value."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from conftest import EXEMPLE, modele_paragraphes
from courriers import Convocation, charger
from courriers.convocations import Exemplaire, exemplaires
from courriers.documents import chemin_modele
from courriers.moteur import etapes, formes, prepare
from courriers.moteur.prepare import ModelePrepare, preparer

#: Names that a shape must not take as they are (markup, entities, docxtpl's
#: delimiters, ordinals, characters that join a word), and plain ones.
NOMS = [
    "Dupont",
    "O'Brien & <Fils>",
    "]]> fin",
    "a{_{b}_}c {_% x %_}",
    "_souligné_",
    "100 %",
    "du 1er",
    "2e",
    "Zoé\u00a0Ü",
    "tab\tet\nligne",
    "\ue000 0 \ue001",
    "x" * 300,
    "",
]


def _lot(noms: list[str]) -> list[Exemplaire]:
    base = charger(EXEMPLE, Convocation)
    modeles = base.reunion.convoques
    convoques = []
    for i, nom in enumerate(noms):
        modele = modeles[i % len(modeles)]
        # In the name (upper case), the first name and an address line (as they are).
        adresse = [f"{nom} {modele.adresse[0]}", *modele.adresse[1:]]
        convoques.append(
            modele.model_copy(update={"nom": nom, "prenom": nom or None, "adresse": adresse})
        )
    reunion = base.reunion.model_copy(update={"convoques": convoques})
    return exemplaires(base.model_copy(update={"reunion": reunion}))


def _parties(modele: ModelePrepare, lot: list[Exemplaire]) -> list[dict[str, bytes]]:
    sorties = []
    for exemplaire in lot:
        contenu = modele.rendre(exemplaire.contexte, exemplaire.proprietes)
        with zipfile.ZipFile(io.BytesIO(contenu)) as paquet:
            sorties.append(
                {
                    nom: etree.tostring(etree.fromstring(paquet.read(nom)), method="c14n")
                    for nom in paquet.namelist()
                    if nom.endswith(".xml")
                }
            )
    return sorties


def _sans_formes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formes.Formes, "rendre", lambda *_: None)


def test_memes_parties_qu_en_verifiant_chaque_document(monkeypatch: pytest.MonkeyPatch) -> None:
    lot = _lot([*NOMS, *(f"Nom{i}" for i in range(20))] * 2)
    chemin = chemin_modele(charger(EXEMPLE, Convocation))
    par_formes = _parties(preparer(chemin), lot)
    _sans_formes(monkeypatch)
    une_par_une = _parties(preparer(chemin), lot)
    assert par_formes == une_par_une


def _compter_analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The parts parsed by the strict parser."""
    analyses: list[str] = []
    original = etapes.verifier_partie

    def compte(xml: str, modele: str, partie: str) -> Any:
        analyses.append(partie)
        return original(xml, modele, partie)

    monkeypatch.setattr(prepare, "verifier_partie", compte)
    return analyses


def test_une_forme_verifiee_une_fois(monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents that differ only by their texts are not parsed again."""
    analyses = _compter_analyses(monkeypatch)
    lot = _lot([f"Nom{i}" for i in range(40)])
    modele = preparer(chemin_modele(charger(EXEMPLE, Convocation)))
    _parties(modele, lot)
    # The first document is rendered whole; then each shape once (here the
    # address blocks of the example's invitees have a few line counts).
    assert analyses.count("word/document.xml") <= 1 + len(
        {len(e.contexte["convoque"].adresse) for e in lot}
    )


def test_une_valeur_dans_un_attribut_prend_le_chemin_habituel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shape whose text would fall in an attribute is not used: the
    value still ends up where the template put it."""
    chemin = modele_paragraphes(tmp_path, "{{ reunion.instance.nom }}", "{{ convoque.nom }}")
    with zipfile.ZipFile(chemin) as paquet:
        membres = {nom: paquet.read(nom) for nom in paquet.namelist()}
    corps = membres["word/document.xml"].decode()
    corps = corps.replace(
        "<w:p>", '<w:p><w:bookmarkStart w:id="0" w:name="{{ convoque.nom }}"/>', 1
    )
    membres["word/document.xml"] = corps.encode()
    with zipfile.ZipFile(chemin, "w") as paquet:
        for nom, octets in membres.items():
            paquet.writestr(nom, octets)
    analyses = _compter_analyses(monkeypatch)
    lot = _lot(["Dupont", "Durand", "Martin"])
    modele = preparer(chemin)
    for exemplaire, nom in zip(lot, ["DUPONT", "DURAND", "MARTIN"], strict=True):
        contenu = modele.rendre(exemplaire.contexte, exemplaire.proprietes)
        with zipfile.ZipFile(io.BytesIO(contenu)) as paquet:
            arbre = etree.fromstring(paquet.read("word/document.xml"))
        signets = [
            element.get(f"{{{etapes.NS_W}}}name", "")
            for element in arbre.iter(f"{{{etapes.NS_W}}}bookmarkStart")
        ]
        assert [s.upper() for s in signets] == [nom]
    # Each document parsed (and the shape tried once).
    assert analyses.count("word/document.xml") >= len(lot)


@pytest.mark.parametrize(
    ("texte", "avant", "apres", "attendu"),
    [
        ("Dupont", " ", " ", True),
        ("Dupont", "M", " ", False),  # joined to a word before it
        ("Dupont", " ", "s", False),
        ("er", "1", " ", False),  # would complete an ordinal
        ("1er", " ", " ", False),
        ("a &amp; b &#39; c", " ", " ", True),
        ("a & b", " ", " ", False),
        ("a &#0; b", " ", " ", False),
        ("a ]]&gt; b", " ", " ", True),
        ("_x", " ", " ", False),
        ("x%", " ", " ", False),
        ("a_b%c", " ", " ", True),
        ("a{_b", " ", " ", False),
        ("ligne\n", " ", " ", False),
        ("\ue000", " ", " ", False),
    ],
)
def test_textes_inertes(texte: str, avant: str, apres: str, attendu: bool) -> None:
    jetons = formes._jetons(texte) or [texte]
    assert formes._inerte(jetons, (avant, texte, apres), 1) is attendu
