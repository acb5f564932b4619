"""What every document of a batch shares is computed once (filters,
finaliser, Markdown without numbering); passes with nothing to do are
skipped; the documents are the same as without it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import etree

from conftest import EXEMPLE, modele_paragraphes
from courriers import Convocation, charger
from courriers.convocations import exemplaires
from courriers.documents import chemin_modele, depuis_donnees
from courriers.moteur import exposants, filtres
from courriers.moteur.prepare import preparer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _compter(
    monkeypatch: pytest.MonkeyPatch, nom: str, module: Any = None
) -> list[tuple[Any, ...]]:
    """Calls of the filter ``nom`` (of FILTRES), or of ``module.nom``."""
    appels: list[tuple[Any, ...]] = []
    original: Callable[..., Any] = (
        getattr(module, nom) if module is not None else filtres.FILTRES[nom]
    )

    def compte(*arguments: Any, **options: Any) -> Any:
        appels.append(arguments)
        return original(*arguments, **options)

    for attribut in ("jinja_pass_arg",):
        if hasattr(original, attribut):
            setattr(compte, attribut, getattr(original, attribut))
    if module is not None:
        monkeypatch.setattr(module, nom, compte)
    else:
        monkeypatch.setitem(filtres.FILTRES, nom, compte)
    return appels


def test_les_filtres_de_la_reunion_calcules_une_fois_par_lot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quand = _compter(monkeypatch, "quand")
    bloc_adresse = _compter(monkeypatch, "bloc_adresse")
    convocation = charger(EXEMPLE, Convocation)
    modele = preparer(chemin_modele(convocation))
    lot = exemplaires(convocation)
    for exemplaire in lot:
        modele.rendre(exemplaire.contexte, exemplaire.proprietes)
    assert len(quand) == 1  # the meeting's date and hours, the same in every invitation
    assert len(bloc_adresse) == len(lot)  # each invitee's own address


def test_markdown_sans_liste_rendu_une_fois_avec_liste_pour_chacun(
    monkeypatch: pytest.MonkeyPatch, donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    rendus = _compter(monkeypatch, "markdown_vers_wordml", filtres)
    document = Document()
    document.add_paragraph("{{p convocation.texte|markdown }}")
    document.add_paragraph("{{p reunion.ordre_du_jour[0].titre|markdown }}")
    chemin = tmp_path / "modele.docx"
    document.save(str(chemin))
    donnees_exemple["convocation"]["texte"] = "Points :\n\n1. un\n2. deux"
    convocation = depuis_donnees(donnees_exemple, Convocation)
    modele = preparer(chemin)
    lot = exemplaires(convocation)
    for exemplaire in lot:
        contenu = modele.rendre(exemplaire.contexte, exemplaire.proprietes)
        with zipfile.ZipFile(io.BytesIO(contenu)) as paquet:
            corps = etree.fromstring(paquet.read("word/document.xml"))
            numerotation = etree.fromstring(paquet.read("word/numbering.xml"))
        utilises = {n.get(f"{W}val") for n in corps.iter(f"{W}numId")}
        definis = {n.get(f"{W}numId") for n in numerotation.iter(f"{W}num")}
        assert utilises and utilises <= definis  # each document numbers its own list
    # The list is rendered for each document, the title without list once.
    assert len(rendus) == len(lot) + 1


def test_pas_de_passe_des_ordinaux_sans_ordinal(monkeypatch: pytest.MonkeyPatch) -> None:
    decoupes = _compter(monkeypatch, "_decouper", exposants)
    lectures = _compter(monkeypatch, "decouper_ordinaux", exposants)
    corps = etree.fromstring(
        f'<w:body xmlns:w="{W[1:-1]}"><w:p><w:r><w:t>le 10 mars, 2ème</w:t></w:r>'
        "<w:r><w:t>à 10h30</w:t></w:r></w:p></w:body>"
    )
    exposants.ordinaux_en_exposant(corps)
    assert decoupes == [] and lectures == []  # no run looked at
    corps = etree.fromstring(
        f'<w:body xmlns:w="{W[1:-1]}"><w:p><w:r><w:t>rien</w:t></w:r>'
        "<w:r><w:t>le 1er mars</w:t></w:r></w:p></w:body>"
    )
    exposants.ordinaux_en_exposant(corps)
    assert len(decoupes) == 1
    assert [t.text for t in corps.iter(f"{W}t")] == ["rien", "le 1", "er", " mars"]


def test_ce_qui_ne_depend_que_de_la_reunion_rendu_une_fois(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from courriers.moteur.bac_a_sable import BacASable

    lus: list[str] = []
    original = BacASable.getattr

    def getattr_compte(self: BacASable, obj: Any, attribut: str) -> Any:
        lus.append(attribut)
        return original(self, obj, attribut)

    monkeypatch.setattr(BacASable, "getattr", getattr_compte)
    convocation = charger(EXEMPLE, Convocation)
    modele = preparer(chemin_modele(convocation))
    lot = exemplaires(convocation)
    for exemplaire in lot:
        modele.rendre(exemplaire.contexte, exemplaire.proprietes)
    # The services of the emitter (bloc-marque), the agenda: once per part
    # for the first document and once more to make the shared segments.
    assert lus.count("services") <= 2
    assert lus.count("ordre_du_jour") <= 4
    assert lus.count("appel") == len(lot)  # the invitee's own formula, each time


def test_un_set_rend_le_modele_entier(tmp_path: Path) -> None:
    chemin = modele_paragraphes(
        tmp_path,
        "{% set quand = reunion.date|date_longue %}",
        "{{ convoque|personne }}",
        "Le {{ quand }}.",
    )
    modele = preparer(chemin)
    assert modele.parties[0].segments.instructions is None
    convocation = charger(EXEMPLE, Convocation)
    from outils_texte import texte

    for numero, exemplaire in enumerate(exemplaires(convocation)[:3]):
        sortie = tmp_path / f"{numero}.docx"
        sortie.write_bytes(modele.rendre(exemplaire.contexte, exemplaire.proprietes))
        assert "Le 28 février 2022." in texte(sortie)


def test_une_erreur_dans_un_segment_comme_sans_segments(tmp_path: Path) -> None:
    from courriers.erreurs import ErreurCourriers

    chemin = modele_paragraphes(
        tmp_path,
        "{{ reunion.date|date_longue }}",
        "{% if numero == 3 %}{{ convoque.inexistant }}{% endif %}",
        "{{ emetteur|bloc_marque }}",
    )
    convocation = charger(EXEMPLE, Convocation)
    lot = exemplaires(convocation)
    messages = []
    for segmente in (True, False):
        modele = preparer(chemin)
        if not segmente:
            object.__setattr__(modele.parties[0].segments, "instructions", None)
        with pytest.raises(ErreurCourriers) as erreur:
            for exemplaire in lot:
                modele.rendre(exemplaire.contexte, exemplaire.proprietes)
        messages.append(erreur.value.message)
    assert messages[0] == messages[1]
    assert "« inexistant » n'existe pas dans Membre" in messages[0]
