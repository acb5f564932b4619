"""Data files are bounded and never choose silently: YAML aliases, huge
numbers, duplicate keys, dates that do not exist, lone surrogates, byte
order marks, images, limit variables, --jobs; and no error path shows a
Python traceback or English text from a dependency."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXEMPLE, RACINE
from courriers.cli import main
from courriers.erreurs import ErreurDonnees
from courriers.limites import dimensions_image, limite, limite_nombre, processus_max
from courriers.modeles import modele_integre
from test_messages import png

EXEMPLES = EXEMPLE.parent
REPONSE = EXEMPLES / "reponse-maire.json"
ACCUSE = EXEMPLES / "accuse-reception-titre-sejour.json"


def _exemple(chemin: Path = EXEMPLE) -> dict[str, Any]:
    donnees: dict[str, Any] = json.loads(chemin.read_text(encoding="utf-8"))
    return donnees


def _json(chemin: Path, donnees: Any) -> Path:
    chemin.write_text(json.dumps(donnees, ensure_ascii=False), encoding="utf-8")
    return chemin


def _yaml(chemin: Path, texte: str) -> Path:
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def _erreur(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


# --- YAML aliases ---------------------------------------------------------------------


def _bombe_participants() -> str:
    """A small YAML file whose aliases make a million participants."""
    lignes = ["p0: &p0 {civilite: M., nom: Martin}"]
    lignes += [f"p{i}: &p{i} [{', '.join([f'*p{i - 1}'] * 10)}]" for i in range(1, 7)]
    lignes.append("reunion: {presents: [{participants: *p6}]}")
    return "\n".join(lignes) + "\n"


def test_alias_yaml_demesures_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fichier = _yaml(tmp_path / "reunion.yaml", _bombe_participants())
    assert fichier.stat().st_size < 1000
    code, err = _erreur(capsys, "cr", fichier, "-o", tmp_path / "cr.docx")
    assert code == 3
    assert "plus de 1000000 éléments une fois les alias YAML (&, *) développés" in err
    assert "COURRIERS_ELEMENTS_MAX_DONNEES" in err
    assert not (tmp_path / "cr.docx").exists()


def test_alias_yaml_raisonnables_acceptes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees = _exemple()
    texte = yaml.safe_dump(donnees, allow_unicode=True, sort_keys=False)
    # The chair's mapping named once, reused by an alias: what aliases are for.
    president = yaml.safe_dump({"president": donnees["reunion"]["president"]}, allow_unicode=True)
    assert "president:" in texte and president
    fichier = _yaml(tmp_path / "reunion.yaml", texte)
    assert main(["cr", str(fichier), "-o", str(tmp_path / "cr.docx")]) == 0
    # The limit is the variable's: the same file refused under a tiny budget.
    monkeypatch.setenv("COURRIERS_ELEMENTS_MAX_DONNEES", "50")
    code, err = _erreur(capsys, "cr", fichier, "-o", tmp_path / "autre.docx")
    assert code == 3 and "plus de 50 éléments" in err


def test_alias_yaml_partages_comptes_a_chaque_usage(tmp_path: Path) -> None:
    texte = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
    fichier = _yaml(tmp_path / "r.yaml", texte)
    from courriers.chargement import lire

    assert lire(fichier) == {"a": [1, 2, 3], "b": [[1, 2, 3]] * 3}
    with pytest.MonkeyPatch.context() as patch:
        # 1 document + 2 keys + a (4) + b (1 + 3 × 4) = 20 elements
        patch.setenv("COURRIERS_ELEMENTS_MAX_DONNEES", "19")
        with pytest.raises(ErreurDonnees, match="plus de 19 éléments"):
            lire(fichier)
        patch.setenv("COURRIERS_ELEMENTS_MAX_DONNEES", "20")
        assert lire(fichier)["b"][2] == [1, 2, 3]


def test_alias_recursif_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fichier = _yaml(tmp_path / "r.yaml", "reunion:\n  presents: &p [*p]\n")
    code, err = _erreur(capsys, "cr", fichier)
    assert code == 3
    assert "ligne 2 : l'alias YAML de reunion.presents[0] désigne un objet qui le contient" in err


# --- numbers, dates, characters, BOM -----------------------------------------------------


def test_nombre_de_5000_chiffres(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    accuse = _exemple(ACCUSE)
    texte = json.dumps(accuse, indent=2).replace('"valeur": 60', '"valeur": ' + "9" * 5000)
    fichier = tmp_path / "accuse.json"
    fichier.write_text(texte, encoding="utf-8")
    code, err = _erreur(capsys, "accuse-reception", fichier)
    ligne = texte[: texte.index("9" * 5000)].count("\n") + 1
    assert code == 3
    assert f"accuse.json, ligne {ligne}, colonne 15 : nombre de 5000 chiffres, 4300 au plus" in err
    fichier_yaml = _yaml(tmp_path / "a.yaml", "objet: x\nn: " + "9" * 5000 + "\n")
    code, err = _erreur(capsys, "cr", fichier_yaml)
    assert code == 3 and "a.yaml, ligne 2, colonne 4 : nombre de 5000 chiffres" in err


def test_date_qui_n_existe_pas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    donnees = _exemple()
    donnees["date"] = "2022-02-30"
    code, err = _erreur(capsys, "cr", _json(tmp_path / "r.json", donnees))
    assert code == 3
    assert "date : la date 2022-02-30 n'existe pas (ce jour n'existe pas dans ce mois)" in err
    code, err = _erreur(capsys, "cr", _yaml(tmp_path / "r.yaml", "objet: x\ndate: 2022-02-30\n"))
    assert code == 3
    assert (
        "r.yaml, ligne 2, colonne 7 : la date 2022-02-30 n'existe pas (ce jour n'existe pas "
        "dans ce mois)" in err
    )
    code, err = _erreur(capsys, "cr", _yaml(tmp_path / "m.yaml", "date: 2022-13-01\n"))
    assert code == 3 and "la date 2022-13-01 n'existe pas (mois entre 1 et 12 attendu)" in err


def test_surrogate_isole_dans_une_ligne_d_adresse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reponse = _exemple(REPONSE)
    reponse["correspondant"]["adresse"][0] = "12 rue \ud800 Haute"
    fichier = tmp_path / "reponse.json"
    fichier.write_text(json.dumps(reponse), encoding="utf-8")  # written as \ud800
    code, err = _erreur(capsys, "reponse", fichier, "-o", tmp_path / "r.docx")
    assert code == 3
    assert "correspondant.adresse[0] : caractère invalide U+D800" in err
    assert not (tmp_path / "r.docx").exists()


@pytest.mark.parametrize("extension", ["json", "yaml"])
def test_marque_d_ordre_des_octets_acceptee(extension: str, tmp_path: Path) -> None:
    donnees = _exemple()
    texte = json.dumps(donnees) if extension == "json" else yaml.safe_dump(donnees)
    fichier = tmp_path / f"reunion.{extension}"
    fichier.write_text(texte, encoding="utf-8-sig")
    assert fichier.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["cr", str(fichier)]) == 0


def test_messages_de_pydantic_en_francais(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accuse = _exemple(ACCUSE)
    accuse["delai_traitement"]["valeur"] = 1.5
    accuse["controles"] = {"delai_reponse_courrier": 0}
    fichier = tmp_path / "a.json"
    fichier.write_text(json.dumps(accuse).replace("1.5", "1e400"), encoding="utf-8")
    code, err = _erreur(capsys, "accuse-reception", fichier)
    assert code == 3
    assert "delai_traitement.valeur : nombre fini attendu (pas l'infini ni NaN)" in err
    assert "controles.delai_reponse_courrier : nombre supérieur ou égal à 1 attendu" in err
    accuse["delai_traitement"]["valeur"] = 1.5
    code, err = _erreur(capsys, "accuse-reception", _json(tmp_path / "b.json", accuse))
    assert "nombre entier attendu (sans partie décimale) ; reçu : 1.5" in err


# --- duplicate keys ------------------------------------------------------------------------


def test_cle_en_double_json_situee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texte = json.dumps(_exemple(), ensure_ascii=False)
    texte = texte.replace('"titre": "Rôle', '"titre": "A", "titre": "Rôle', 1)
    fichier = tmp_path / "r.json"
    fichier.write_text(texte, encoding="utf-8")
    code, err = _erreur(capsys, "cr", fichier)
    assert code == 3
    assert "le champ « titre » est écrit deux fois dans reunion.ordre_du_jour[0]" in err


def test_cle_en_double_yaml_situee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texte = "reunion:\n  presents:\n    - titre: A\n      participants: []\n      titre: B\n"
    code, err = _erreur(capsys, "cr", _yaml(tmp_path / "r.yaml", texte))
    assert code == 3
    assert (
        "r.yaml, ligne 5 : le champ « titre » est écrit deux fois dans reunion.presents[0]" in err
    )


def test_cle_fusionnee_yaml_n_est_pas_un_doublon(tmp_path: Path) -> None:
    from courriers.chargement import lire

    texte = "base: &b {civilite: M., nom: A}\nautre:\n  <<: *b\n  nom: B\n"
    assert lire(_yaml(tmp_path / "r.yaml", texte))["autre"] == {"civilite": "M.", "nom": "B"}


# --- images --------------------------------------------------------------------------------


def _avec_image(dossier: Path, contenu: bytes | None, nom: str = "marianne.png") -> Path:
    if contenu is not None:
        (dossier / nom).write_bytes(contenu)
    donnees = _exemple()
    donnees["emetteur"]["image_marianne"] = nom
    return _json(dossier / "reunion.json", donnees)


def test_image_marianne_valide(tmp_path: Path) -> None:
    fichier = _avec_image(tmp_path, png(40, 20))
    assert main(["cr", str(fichier), "-o", str(tmp_path / "cr.docx")]) == 0
    with zipfile.ZipFile(tmp_path / "cr.docx") as paquet:
        assert any(n.startswith("word/media/") for n in paquet.namelist())


def test_image_qui_n_en_est_pas_une(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fichier = _avec_image(tmp_path, b"<svg/>")
    code, err = _erreur(capsys, "cr", fichier, "-o", tmp_path / "cr.docx")
    assert code == 3
    assert "emetteur.image_marianne : " in err and "ce n'est pas une image PNG, JPEG" in err
    assert not (tmp_path / "cr.docx").exists()


def test_image_demesuree_refusee_avant_lecture(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    image = tmp_path / "marianne.png"
    with image.open("wb") as fichier:
        fichier.write(png())
        fichier.truncate(2 * 1024**3)  # 2 GB, sparse: nothing to read before refusing
    lus: list[str] = []
    vrai = Path.open

    def espion(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "marianne.png":
            lus.append(str(self))
        return vrai(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", espion)
    code, err = _erreur(capsys, "cr", _avec_image(tmp_path, None), "-o", tmp_path / "cr.docx")
    assert code == 3
    assert "image de 2048,0 Mo, 10,0 Mo au plus (COURRIERS_TAILLE_MAX_IMAGE)" in err
    assert lus == []


def test_pixels_lus_dans_l_en_tete(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entete = png()[:16] + (60_000).to_bytes(4, "big") + (60_000).to_bytes(4, "big") + png()[24:]
    code, err = _erreur(capsys, "cr", _avec_image(tmp_path, entete), "-o", tmp_path / "cr.docx")
    assert code == 3
    assert "image de 60000 × 60000 pixels, 40 millions de pixels au plus" in err


def test_logo_hors_etat_verifie(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "logo.png").write_bytes(b"GIF89a")  # a GIF header cut short
    donnees = _exemple()
    del donnees["emetteur"]["departement"]
    donnees["emetteur"].update(marque_etat=False, titre="MAIRIE DE MOULINS", logo="logo.png")
    fichier = _json(tmp_path / "reunion.json", donnees)
    code, err = _erreur(capsys, "cr", fichier, "-o", tmp_path / "cr.docx")
    assert code == 3
    assert "emetteur.logo : " in err and "ce n'est pas une image PNG, JPEG, GIF ou BMP" in err
    (tmp_path / "logo.png").write_bytes(png())
    code, err = _erreur(capsys, "cr", fichier, "-o", tmp_path / "logo.png")
    assert code == 3 and "la sortie écraserait le logo (emetteur.logo)" in err


def test_dimensions_jpeg() -> None:
    jpeg = (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        b"\xff\xc0\x00\x11\x08\x01\x2c\x02\x58\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    )
    assert dimensions_image(jpeg) == (600, 300)
    assert dimensions_image(b"\xff\xd8\xff") is None


# --- limit variables, --jobs, template members -------------------------------------------


@pytest.mark.parametrize("valeur", ["nan", "inf", "-1", "0", "", "beaucoup", "1e400"])
def test_variable_de_limite_invalide(
    valeur: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURRIERS_TAILLE_MAX_DONNEES", valeur)
    code, err = _erreur(capsys, "cr", EXEMPLE, "-o", tmp_path / "cr.docx")
    assert code == 3
    assert (
        f"COURRIERS_TAILLE_MAX_DONNEES : nombre plus grand que 0 attendu (1000000000 au plus) ; reçu : {valeur!r}"
        in err
    )


@pytest.mark.parametrize(
    "variable",
    [
        "COURRIERS_TAILLE_MAX_MODELE",
        "COURRIERS_TAILLE_MAX_DECOMPRESSEE",
        "COURRIERS_TAILLE_MAX_IMAGE",
        "COURRIERS_PIXELS_MAX_IMAGE",
        "COURRIERS_MEMBRES_MAX_MODELE",
        "COURRIERS_ELEMENTS_MAX_DONNEES",
        "COURRIERS_JOBS_MAX",
    ],
)
def test_chaque_variable_de_limite_refuse_nan(
    variable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, "nan")
    with pytest.raises(ErreurDonnees, match=f"{variable} : nombre plus grand que 0 attendu"):
        if variable == "COURRIERS_JOBS_MAX":
            processus_max()
        elif variable.startswith("COURRIERS_TAILLE"):
            limite(variable)
        else:
            limite_nombre(variable)


def test_pas_plus_de_65535_parties(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURRIERS_MEMBRES_MAX_MODELE", "100000")
    with pytest.raises(ErreurDonnees, match=r"\(65535 au plus\)"):
        limite_nombre("COURRIERS_MEMBRES_MAX_MODELE")


def test_modele_a_trop_de_parties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    modele = tmp_path / "modele.docx"
    source = zipfile.ZipFile(modele_integre("compte-rendu.docx"))
    with source, zipfile.ZipFile(modele, "w") as paquet:
        for membre in source.infolist():
            paquet.writestr(membre, source.read(membre))
        for numero in range(10_001):
            paquet.writestr(f"customXml/x{numero}.xml", b"")
    code, err = _erreur(capsys, "cr", EXEMPLE, "--modele", modele, "-o", tmp_path / "cr.docx")
    assert code == 4
    assert "parties dans l'archive, 10000 au plus (COURRIERS_MEMBRES_MAX_MODELE)" in err


def test_jobs_ramene_au_nombre_de_coeurs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    demandes: list[int] = []
    vrai = BaseContext.Pool

    def espion(self: BaseContext, processus: int, *args: Any, **kwargs: Any) -> Any:
        demandes.append(processus)
        return vrai(self, processus, *args, **kwargs)

    monkeypatch.setattr(BaseContext, "Pool", espion)
    monkeypatch.setenv("COURRIERS_JOBS_MAX", "2")
    code = main(["convocation", str(EXEMPLE), "-o", str(tmp_path / "lot"), "--jobs", "100"])
    assert code == 0
    assert demandes == [2]
    assert "--jobs 100 ramené à 2" in capsys.readouterr().err
    monkeypatch.delenv("COURRIERS_JOBS_MAX")
    assert processus_max() == len(os.sched_getaffinity(0))


# --- no traceback, no English ------------------------------------------------------------------

#: Words of the messages of Python, the OS, pydantic, PyYAML, json, lxml.
ANGLAIS = re.compile(
    r"\b(Traceback|Error|Exception|Input should|No such file|Permission denied|"
    r"Is a directory|No space|Expecting|Unexpected|unexpected|expected|found|"
    r"invalid|Invalid|Exceeds|not allowed|outside|is not|has no|object|value|"
    r"cannot|could not|line \d|column \d|should|must|the|of|and)\b"
)


def _cas_surrogate(d: Path) -> list[str]:
    reponse = _exemple(REPONSE)
    reponse["correspondant"]["adresse"][0] = "\udcff"
    (d / "r.json").write_text(json.dumps(reponse), encoding="utf-8")
    return ["reponse", str(d / "r.json"), "-o", str(d / "r.docx")]


def _cas_entite(d: Path) -> list[str]:
    modele = d / "modele.docx"
    source = zipfile.ZipFile(modele_integre("compte-rendu.docx"))
    with source, zipfile.ZipFile(modele, "w") as paquet:
        for membre in source.infolist():
            octets = source.read(membre)
            if membre.filename == "word/document.xml":
                octets = octets.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e "x">]>', 1)
                octets = octets.replace(b"<w:t>", b"<w:t>&e;", 1)
            paquet.writestr(membre, octets)
    return ["cr", str(EXEMPLE), "--modele", str(modele), "-o", str(d / "cr.docx")]


def _cas_image(d: Path) -> list[str]:
    return ["cr", str(_avec_image(d, b"texte")), "-o", str(d / "cr.docx")]


def _cas_nombre(d: Path) -> list[str]:
    (d / "r.json").write_text('{"objet": ' + "1" * 5000 + "}", encoding="utf-8")
    return ["cr", str(d / "r.json")]


def _cas_services_vides(d: Path) -> list[str]:
    accuse = _exemple(ACCUSE)
    accuse["emetteur"]["services"] = []
    return ["accuse-reception", str(_json(d / "a.json", accuse)), "-o", str(d / "a.docx")]


def _cas_infini(d: Path) -> list[str]:
    texte = ACCUSE.read_text(encoding="utf-8").replace('"valeur": 60', '"valeur": 1e999')
    (d / "a.json").write_text(texte, encoding="utf-8")
    return ["accuse-reception", str(d / "a.json")]


def _cas_date(d: Path) -> list[str]:
    return ["cr", str(_yaml(d / "r.yaml", "date: 2022-02-30\n"))]


def _cas_yaml(d: Path) -> list[str]:
    return ["cr", str(_yaml(d / "r.yaml", "objet: a: b\n"))]


def _cas_json(d: Path) -> list[str]:
    (d / "r.json").write_text('{"objet": [1, 2,]}', encoding="utf-8")
    return ["cr", str(d / "r.json")]


def _cas_dossier_absent(d: Path) -> list[str]:
    return ["cr", str(EXEMPLE), "-o", str(d / "absent" / "cr.docx")]


def _cas_donnees_dossier(d: Path) -> list[str]:
    (d / "dossier.json").mkdir()
    return ["cr", str(d / "dossier.json")]


CAS: dict[str, tuple[Callable[[Path], list[str]], dict[str, str], int | None]] = {
    "surrogate": (_cas_surrogate, {}, 3),
    "entite": (_cas_entite, {}, None),  # the engine's part: any clean refusal
    "parties": (lambda d: ["cr", str(EXEMPLE)], {"COURRIERS_MEMBRES_MAX_MODELE": "3"}, 4),
    "image": (_cas_image, {}, 3),
    "nombre": (_cas_nombre, {}, 3),
    "services_vides": (_cas_services_vides, {}, 3),
    "nan": (lambda d: ["cr", str(EXEMPLE)], {"COURRIERS_TAILLE_MAX_MODELE": "nan"}, 3),
    "infini": (_cas_infini, {}, 3),
    "date": (_cas_date, {}, 3),
    "yaml": (_cas_yaml, {}, 3),
    "json": (_cas_json, {}, 3),
    "dossier_absent": (_cas_dossier_absent, {}, 5),
    "donnees_dossier": (_cas_donnees_dossier, {}, 3),
    "jobs_nan": (
        lambda d: ["convocation", str(EXEMPLE), "-o", str(d / "lot"), "--jobs", "2"],
        {"COURRIERS_JOBS_MAX": "nan"},
        3,
    ),
}


def _verifier_sortie(err: str, code: int, attendu: int | None) -> None:
    assert code != 0, err
    if attendu is not None:
        assert code == attendu, err
    assert err.startswith("courriers : erreur : "), err
    assert "erreur interne" not in err or attendu is None, err
    assert len(err.strip().splitlines()) <= 3, err
    # Paths (which may hold any word) set aside, no English remains.
    sans_chemins = re.sub(r"/\S+", "", err)
    assert not ANGLAIS.search(sans_chemins), sans_chemins


@pytest.mark.parametrize("cas", list(CAS))
def test_aucune_trace_ni_anglais(
    cas: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    construire, variables, attendu = CAS[cas]
    argv = construire(tmp_path)
    for nom, valeur in variables.items():
        monkeypatch.setenv(nom, valeur)
    code = main(argv)
    _verifier_sortie(capsys.readouterr().err, code, attendu)


@pytest.mark.parametrize("cas", ["surrogate", "entite", "nombre", "nan", "services_vides"])
def test_aucune_trace_en_sous_processus(cas: str, tmp_path: Path) -> None:
    construire, variables, attendu = CAS[cas]
    argv = construire(tmp_path)
    env = {**os.environ, **variables, "PYTHONPATH": str(RACINE / "src")}
    env.pop("COURRIERS_TRACE", None)
    resultat = subprocess.run(
        [sys.executable, "-m", "courriers", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    _verifier_sortie(resultat.stderr, resultat.returncode, attendu)
    assert resultat.stdout == ""
