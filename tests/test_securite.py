"""A template can never run code, touch files or hang the machine: the
hostile corpus (``hostiles.py``) refused by the checker and by the engine,
nothing read, written, deleted or executed; bounded work; plain data."""

from __future__ import annotations

import io
import json
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx2python import docx2python

from conftest import EXEMPLE
from courriers import CompteRendu, ErreurModele, charger, contexte, depuis_donnees
from courriers.cli import main
from courriers.convocations import exemplaires
from courriers.documents import rendre, type_de
from courriers.donnees.convocation import Convocation
from courriers.moteur.donnees_gabarit import Conversion, DonneesGabarit, modele_de
from courriers.moteur.prepare import preparer
from courriers.verification import verifier_modele
from hostiles import (
    ATTAQUES,
    REFERENCES,
    Attaque,
    etat,
    modele_avec_reference,
    modele_hostile,
    relation_externe,
    terrain,
)


@pytest.fixture
def attaque_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURRIERS_DUREE_MAX_RENDU", "2")


@pytest.mark.parametrize("attaque", ATTAQUES, ids=lambda a: a.nom)
def test_la_ligne_de_commande_refuse_l_attaque(
    attaque: Attaque,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    attaque_env: None,
) -> None:
    cible = tmp_path / "cible"
    cible.mkdir()
    donnees = terrain(cible)
    avant = etat(cible)
    modele = modele_hostile(tmp_path, attaque, cible)
    sortie = tmp_path / "cr.docx"
    code = main(["cr", str(donnees), "-o", str(sortie), "--modele", str(modele)])
    erreur = capsys.readouterr().err
    assert code == attaque.code, erreur
    assert erreur.startswith("courriers : erreur : "), erreur
    assert attaque.attendu in erreur
    assert "Traceback" not in erreur and "0x" not in erreur and "root:" not in erreur
    if attaque.verifie:
        assert "est refusé" in erreur and "corps ¶1" in erreur, erreur
    else:
        assert "(word/document.xml)" in erreur or "près de" in erreur, erreur
    assert not sortie.exists()
    assert etat(cible) == avant  # nothing created, written, deleted or executed


@pytest.mark.parametrize("attaque", ATTAQUES, ids=lambda a: a.nom)
def test_le_moteur_seul_refuse_aussi(attaque: Attaque, tmp_path: Path, attaque_env: None) -> None:
    """Without the checker (the Python API on an unchecked template)."""
    cible = tmp_path / "cible"
    cible.mkdir()
    cr = charger(terrain(cible), CompteRendu)
    avant = etat(cible)
    with pytest.raises(ErreurModele) as refus:
        prepare = preparer(modele_hostile(tmp_path, attaque, cible), cr.emetteur.image_marianne)
        prepare.rendre(contexte(cr), type_de(cr).proprietes(cr))
    assert "Traceback" not in refus.value.message
    assert etat(cible) == avant


@pytest.mark.parametrize("attaque", [a for a in ATTAQUES if a.verifie], ids=lambda a: a.nom)
def test_le_verificateur_situe_l_attaque(attaque: Attaque, tmp_path: Path) -> None:
    problemes = verifier_modele(modele_hostile(tmp_path, attaque, tmp_path), "cr")
    assert problemes and {(p.partie, p.lieu) for p in problemes} == {("corps", "¶1")}


def test_ce_qui_est_permis_passe_le_verificateur_et_le_moteur(tmp_path: Path) -> None:
    texte = (
        "{{ emetteur.ville.upper() }} {{ reunion.date.year }} {{ reunion.instance.nom.title() }}"
        "{% for p in reunion.ordre_du_jour %}{{ loop.index }}{{ p.titre.strip() }}{% endfor %}"
        "{% set ns = namespace(n=0) %}{% set ns.n = ns.n + 1 %}{{ ns.n }}"
        "{{ reunion.convoques|map(attribute='nom')|join(', ') }}{{ emetteur['ville'] }}"
        "{{ emetteur|bloc_marque }}{{ reunion.presents|intitule('présent') }}"
        "{{ emetteur.image_marianne or '' }}"
    )
    document = Document()
    document.add_paragraph(texte)
    modele = tmp_path / "permis.docx"
    document.save(str(modele))
    assert verifier_modele(modele, "cr") == []
    cr = charger(EXEMPLE, CompteRendu)
    contenu = preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))
    with docx2python(io.BytesIO(contenu)) as lu:
        assert "MOULINS 2022" in lu.text


def test_les_gabarits_recoivent_des_donnees_et_les_filtres_des_modeles() -> None:
    cr = charger(EXEMPLE, CompteRendu)
    donnees = Conversion().contexte(contexte(cr))
    reunion = donnees["reunion"]
    assert isinstance(reunion, DonneesGabarit)
    assert isinstance(reunion["ordre_du_jour"], tuple)
    assert modele_de(reunion) is cr.reunion
    assert modele_de(reunion["presents"])[0] is cr.reunion.presents[0]
    with pytest.raises(TypeError):
        reunion["lieu"] = "ailleurs"  # type: ignore[index]


def test_un_objet_partage_est_converti_une_fois_par_lot(donnees_exemple: dict[str, Any]) -> None:
    lot = exemplaires(depuis_donnees(donnees_exemple, Convocation))
    conversion = Conversion()
    premiere = conversion.contexte(lot[0].contexte)
    seconde = conversion.contexte(lot[1].contexte)
    assert premiere["reunion"] is seconde["reunion"]
    assert premiere["convoque"] is not seconde["convoque"]


def test_aucun_avertissement_de_pydantic(tmp_path: Path) -> None:
    cr = charger(EXEMPLE, CompteRendu)
    document = Document()
    document.add_paragraph("{{ emetteur.model_fields.__class__.__base__ }}")
    modele = tmp_path / "m.docx"
    document.save(str(modele))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ErreurModele):
            preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))


def test_dix_mille_listes_numerotees_dans_la_limite(donnees_exemple: dict[str, Any]) -> None:
    """Numberings indexed once: 10,000 lists render within the default limit."""
    donnees_exemple["reunion"]["ordre_du_jour"][0]["contenu"] = "\n\n".join(
        f"Liste {i} :\n\n1. premier {i}\n2. second {i}" for i in range(10_000)
    )
    contenu = rendre(depuis_donnees(donnees_exemple, CompteRendu))
    with zipfile.ZipFile(io.BytesIO(contenu)) as paquet:
        corps = paquet.read("word/document.xml").decode()
        numerotation = paquet.read("word/numbering.xml").decode()
    assert ">premier 0<" in corps and ">second 9999<" in corps
    assert len(re.findall(r"<w:startOverride w:val=\"1\"/>", numerotation)) >= 10_000
    assert len(set(re.findall(r"<w:numId w:val=\"(\d+)\"/>", corps))) >= 10_000


def test_une_boucle_de_dix_milliards_est_arretee(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COURRIERS_DUREE_MAX_RENDU", "1")
    document = Document()
    document.add_paragraph(
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ '' }}{% endfor %}{% endfor %}"
    )
    modele = tmp_path / "boucle.docx"
    document.save(str(modele))
    cr = charger(EXEMPLE, CompteRendu)
    with pytest.raises(ErreurModele, match="rendu arrêté au bout de 1 s de calcul"):
        preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))


def test_la_limite_de_temps_sans_signal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside the main thread (a server), the sandbox checks the time itself."""
    import threading

    monkeypatch.setenv("COURRIERS_DUREE_MAX_RENDU", "0.5")
    document = Document()
    document.add_paragraph(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    modele = tmp_path / "boucle.docx"
    document.save(str(modele))
    cr = charger(EXEMPLE, CompteRendu)
    prepare = preparer(modele)
    erreurs: list[BaseException] = []

    def rendre_dans_un_fil() -> None:
        try:
            prepare.rendre(contexte(cr), type_de(cr).proprietes(cr))
        except BaseException as exc:
            erreurs.append(exc)

    fil = threading.Thread(target=rendre_dans_un_fil)
    fil.start()
    fil.join(120)
    assert not fil.is_alive()
    assert len(erreurs) == 1 and isinstance(erreurs[0], ErreurModele)
    assert "rendu arrêté" in str(erreurs[0])


def test_limite_de_duree_invalide(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for valeur in ("nan", "inf", "-1", "0", "beaucoup"):
        monkeypatch.setenv("COURRIERS_DUREE_MAX_RENDU", valeur)
        assert main(["cr", str(EXEMPLE), "-o", str(tmp_path / "cr.docx")]) == 3


def test_donnees_json_des_donnees_gabarit() -> None:
    """The mapping is only data: no method reachable, equal by content."""
    d = DonneesGabarit({"a": 1})
    assert d == DonneesGabarit({"a": 1}) and json.dumps(dict(d)) == '{"a": 1}'


# --- external references ---------------------------------------------------------------


@pytest.mark.parametrize(("nom", "modification"), REFERENCES, ids=[r[0] for r in REFERENCES])
def test_une_reference_externe_est_refusee(
    nom: str, modification: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modele = modele_avec_reference(tmp_path, nom, modification)
    problemes = verifier_modele(modele, "cr")
    assert [(p.genre, p.partie) for p in problemes] == [("reference_externe", modification[0])]
    assert problemes[0].lieu in ("déclaration", "champ 1") or problemes[0].lieu.startswith(
        "relation "
    )
    cr = charger(EXEMPLE, CompteRendu)
    with pytest.raises(ErreurModele, match="référence externe dans"):
        preparer(modele).rendre(contexte(cr), type_de(cr).proprietes(cr))
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(EXEMPLE), "-o", str(sortie), "--modele", str(modele)]) == 4
    erreur = capsys.readouterr().err
    assert "ni fichier ni adresse" in erreur and modification[0] in erreur
    assert not sortie.exists()


def test_un_lien_hypertexte_reste_permis(tmp_path: Path) -> None:
    relation = relation_externe("hyperlink", "https://www.allier.gouv.fr")
    modele = modele_avec_reference(tmp_path, "lien", relation)
    assert verifier_modele(modele, "cr") == []


# --- no text lost in Markdown --------------------------------------------------------------

PROFONDS = {
    "citations": "> " * 25 + "texte au fond",
    "listes": "".join("  " * i + f"- niveau {i}\n" for i in range(25)),
    "melange": "> - " * 12 + "au fond",
}


@pytest.mark.parametrize("texte", PROFONDS.values(), ids=list(PROFONDS))
def test_markdown_trop_imbrique_est_une_erreur(
    texte: str, donnees_exemple: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees_exemple["reunion"]["ordre_du_jour"][0]["contenu"] = "Avant.\n\n" + texte
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(fichier), "-o", str(sortie)]) == 3
    erreur = capsys.readouterr().err
    assert "texte Markdown, ligne " in erreur and "plus de 20 niveaux" in erreur
    assert not sortie.exists()


def test_vingt_niveaux_sont_rendus_en_entier() -> None:
    from courriers.moteur.markdown import markdown_vers_wordml

    texte = "".join("  " * i + f"- niveau {i}\n" for i in range(20))
    assert "niveau 19" in markdown_vers_wordml(texte)
    assert "au fond" in markdown_vers_wordml("> " * 20 + "au fond")


def test_une_ligne_de_tableau_trop_longue_est_une_erreur(
    donnees_exemple: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees_exemple["reunion"]["ordre_du_jour"][0]["contenu"] = (
        "| Nom | Rôle |\n|---|---|\n| Dupont | maire |\n| Durand | adjoint | en trop | aussi |\n"
    )
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(fichier), "-o", str(sortie)]) == 3
    erreur = capsys.readouterr().err
    assert "ligne 4 (« | Durand | adjoint | en trop | aussi | »)" in erreur
    assert "4 cellules pour 2 colonnes d'en-tête" in erreur
    assert not sortie.exists()


def test_une_barre_echappee_ne_compte_pas_comme_cellule() -> None:
    from courriers.moteur.markdown import markdown_vers_wordml

    xml = markdown_vers_wordml("| a | b |\n|---|---|\n| x \\| y | z |\n")
    assert "x | y" in xml and xml.count("<w:tc>") == 4


def test_des_donnees_qui_ressemblent_a_du_jinja_restent_du_texte(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    charge = "{{ emetteur.__class__.__mro__ }}{% for x in range(9) %}x{% endfor %}"
    donnees_exemple["reunion"]["lieu"] = charge
    fichier = tmp_path / "reunion.json"
    fichier.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    sortie = tmp_path / "cr.docx"
    assert main(["cr", str(fichier), "-o", str(sortie)]) == 0
    with docx2python(str(sortie)) as lu:  # French typography: no-break space before « % »
        assert charge.replace(" %}", "\u00a0%}") in lu.text


def test_le_profil_libreoffice_ne_va_rien_chercher(tmp_path: Path) -> None:
    from courriers.pdf_reglages import registre as _registre

    reglages = _registre(pdfa=False)
    for nom in ("BlockUntrustedRefererLinks", "DisableMacrosExecution", "ooInetHTTPProxyName"):
        assert f'oor:name="{nom}"' in reglages
    assert (
        '<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link"'
        in (reglages)
    )
