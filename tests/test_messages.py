"""The catalogue of error messages: every message really happens, with its
code and its exit code, and docs/erreurs.md lists them all.

Each code of the catalogue has a trigger in :data:`DECLENCHEURS`: a small
function that causes the error through the command line (it returns the
exit code) or the Python API (it raises). LibreOffice and pdftoppm are
never needed: fake programs (shell scripts) stand in for them.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import string
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from conftest import EXEMPLE, RACINE
from courriers import CompteRendu, charger, contexte
from courriers.cli import analyseur, main
from courriers.convocations import exemplaires
from courriers.documents import preparer_modele, type_de
from courriers.donnees.convocation import Convocation
from courriers.erreurs import ErreurControles, ErreurCourriers, ErreurDonnees
from courriers.limites import verifier_image
from courriers.lots import ecrire_lot
from courriers.messages import CATALOGUE, CODES_SORTIE, avec_catalogue, erreur
from courriers.modeles import modele_integre
from courriers.moteur.prepare import preparer
from courriers.pdf import VARIABLE_SOFFICE, apercu, convertir
from hostiles import REFERENCES, modele_avec_reference

EXEMPLES = EXEMPLE.parent
REPONSE = EXEMPLES / "reponse-maire.json"
ACCUSE = EXEMPLES / "accuse-reception-titre-sejour.json"
PDF_BALISE = b"%PDF-1.6\n<< /Type /Catalog /StructTreeRoot 2 0 R >>\n%%EOF\n"

Declencheur = Callable[[Path], object]

# --- files, command line, templates ---------------------------------------------------


def _cli(*arguments: object) -> int:
    return main([str(argument) for argument in arguments])


def _fichier(chemin: Path, contenu: str | bytes) -> Path:
    if isinstance(contenu, bytes):
        chemin.write_bytes(contenu)
    else:
        chemin.write_text(contenu, encoding="utf-8")
    return chemin


def _dossier(chemin: Path) -> Path:
    chemin.mkdir()
    return chemin


def _json(chemin: Path, donnees: Any) -> Path:
    return _fichier(chemin, json.dumps(donnees, ensure_ascii=False))


def _exemple(chemin: Path = EXEMPLE) -> dict[str, Any]:
    donnees: dict[str, Any] = json.loads(chemin.read_text(encoding="utf-8"))
    return donnees


@contextmanager
def _environnement(**variables: str) -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        for nom, valeur in variables.items():
            patch.setenv(nom, valeur)
        yield patch


def _avec_env(variables: dict[str, str], *arguments: object) -> int:
    """The command line run with environment variables set."""
    with _environnement(**variables):
        return _cli(*arguments)


def _cr_avec_modele(dossier: Path, modele: Path) -> int:
    return _cli("cr", EXEMPLE, "-o", dossier / "cr.docx", "--modele", modele)


def _modele(dossier: Path, *paragraphes: str) -> Path:
    """A DOCX template made with python-docx, one paragraph per text."""
    document = Document()
    for texte in paragraphes:
        document.add_paragraph(texte)
    chemin = dossier / "modele.docx"
    document.save(str(chemin))
    return chemin


def _rendre(dossier: Path, *paragraphes: str) -> bytes:
    """Render the example minutes with a template, unchecked (engine errors)."""
    cr = charger(EXEMPLE, CompteRendu)
    prepare = preparer(_modele(dossier, *paragraphes))
    return prepare.rendre(contexte(cr), type_de(cr).proprietes(cr))


def _zip(chemin: Path, membres: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as paquet:
        for nom, contenu in membres.items():
            paquet.writestr(nom, contenu)
    return chemin


def _zip_minimal(chemin: Path, document: bytes = b"<x/>") -> Path:
    """A zip with the members of a DOCX package, and nothing Word can use."""
    return _zip(chemin, {"[Content_Types].xml": b"<Types/>", "word/document.xml": document})


def _modele_revise(dossier: Path) -> Path:
    """A copy of the built-in minutes template with a tracked insertion."""
    document = Document(str(modele_integre("compte-rendu.docx")))
    paragraphe = document.paragraphs[-1]._p
    insertion = paragraphe.makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ins",
        {"{http://schemas.openxmlformats.org/wordprocessingml/2006/main}id": "1"},
    )
    paragraphe.append(insertion)
    chemin = dossier / "revise.docx"
    document.save(str(chemin))
    return chemin


def _correspondants(dossier: Path, nom: str, contenu: str) -> int:
    liste = _fichier(dossier / nom, contenu)
    return _cli("reponse", REPONSE, "--correspondants", liste, "-o", dossier / "lot")


def png(largeur: int = 4, hauteur: int = 2) -> bytes:
    """A valid PNG image (grey, 8 bits)."""

    def bloc(nature: bytes, contenu: bytes) -> bytes:
        return (
            struct.pack(">I", len(contenu))
            + nature
            + contenu
            + struct.pack(">I", zlib.crc32(nature + contenu))
        )

    entete = struct.pack(">IIBBBBB", largeur, hauteur, 8, 0, 0, 0, 0)
    lignes = b"".join(b"\0" + b"\x80" * largeur for _ in range(hauteur))
    return (
        b"\x89PNG\r\n\x1a\n"
        + bloc(b"IHDR", entete)
        + bloc(b"IDAT", zlib.compress(lignes))
        + bloc(b"IEND", b"")
    )


def _avec_image(dossier: Path, contenu: bytes, *options: str) -> int:
    """The minutes with ``contenu`` as the Marianne image."""
    _fichier(dossier / "marianne.png", contenu)
    donnees = _exemple()
    donnees["emetteur"]["image_marianne"] = "marianne.png"
    return _cli("cr", _json(dossier / "reunion.json", donnees), "-o", dossier / "cr.docx", *options)


def _image_trop_grosse(dossier: Path) -> int:
    with _environnement(COURRIERS_TAILLE_MAX_IMAGE="0.00001"):
        return _avec_image(dossier, png())


def _yaml_sans_position(dossier: Path) -> int:
    import yaml

    def panne(*_: object) -> None:
        raise yaml.YAMLError("panne")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("courriers.lecture._Chargeur.get_single_data", panne)
        return _cli("cr", _fichier(dossier / "r.yaml", "objet: x\n"))


def _bombe_yaml(dossier: Path) -> int:
    lignes = ["a0: &a0 [x, y, z, t, u, v, w, q, r, s]"]
    lignes += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    return _cli("cr", _fichier(dossier / "r.yaml", "\n".join(lignes) + "\n"))


def _sortie_sur_le_modele(dossier: Path) -> int:
    modele = shutil.copy(modele_integre("compte-rendu.docx"), dossier / "modele.docx")
    return _cli("cr", EXEMPLE, "--modele", modele, "-o", modele)


def _pendant_l_ecriture(dossier: Path, action: Callable[..., object]) -> int:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("courriers.documents.rendre", action)
        return _cli("cr", EXEMPLE, "-o", dossier / "cr.docx")


def _ctrl_c(*_: object) -> None:
    raise KeyboardInterrupt


def _sigterm(*_: object) -> None:
    os.kill(os.getpid(), signal.SIGTERM)


def _panne(*_: object) -> None:
    raise RuntimeError("défaut simulé")


# --- fake soffice and pdftoppm ---------------------------------------------------------


def _programme(dossier: Path, nom: str, corps: str) -> Path:
    """An executable shell script ``dossier/nom``."""
    if sys.platform == "win32":
        pytest.skip("faux programmes en scripts shell")
    dossier.mkdir(parents=True, exist_ok=True)
    chemin = _fichier(dossier / nom, f"#!/bin/sh\n{corps}\n")
    chemin.chmod(0o755)
    return chemin


@contextmanager
def _faux_soffice(dossier: Path, corps: str) -> Iterator[pytest.MonkeyPatch]:
    programme = _programme(dossier / "outils", "soffice", corps)
    with _environnement(**{VARIABLE_SOFFICE: str(programme)}) as patch:
        yield patch


@contextmanager
def _soffice_qui_ecrit(dossier: Path, contenu: bytes) -> Iterator[pytest.MonkeyPatch]:
    """A fake soffice that writes ``contenu`` as the PDF of each document
    into its ``--outdir``."""
    produit = _fichier(dossier / "produit.pdf", contenu)
    corps = (
        'sortie=""; precedent=""\n'
        'for a in "$@"; do if [ "$precedent" = "--outdir" ]; then sortie="$a"; fi; '
        'precedent="$a"; done\n'
        'for a in "$@"; do case "$a" in *.docx) '
        f'cp "{produit}" "$sortie/$(basename "$a" .docx).pdf" ;; esac; done'
    )
    with _faux_soffice(dossier, corps) as patch:
        yield patch


def _docx(dossier: Path) -> Path:
    """A document to convert; the fake soffice does not read it."""
    dossier.mkdir(parents=True, exist_ok=True)
    return _fichier(dossier / "a.docx", b"PK")


def _convertir_avec(dossier: Path, corps: str, delai: float = 120.0) -> list[Path]:
    with _faux_soffice(dossier, corps):
        return convertir([_docx(dossier / "docs")], delai=delai)


def _convertir_ecrit(
    dossier: Path, contenu: bytes, pdfa: bool = False, pdfua: bool = False
) -> list[Path]:
    with _soffice_qui_ecrit(dossier, contenu):
        return convertir([_docx(dossier / "docs")], pdfa=pdfa, pdfua=pdfua)


def _apercu_avec_pdftoppm(dossier: Path, corps: str, delai: float = 120.0) -> list[Path]:
    """A preview with a fake soffice (tagged PDF) and a fake pdftoppm."""
    outils = _programme(dossier / "bin", "pdftoppm", corps).parent
    with _soffice_qui_ecrit(dossier, PDF_BALISE) as patch:
        patch.setenv("PATH", f"{outils}{os.pathsep}{os.environ.get('PATH', '')}")
        return apercu(_docx(dossier / "docs"), dossier / "apercus", delai=delai)


# --- triggers with several steps -------------------------------------------------------


def _delai_demesure(dossier: Path) -> int:
    accuse = _exemple(ACCUSE)
    accuse["delai_traitement"] = {"valeur": 1_000_000, "unite": "mois"}
    fichier = _json(dossier / "accuse.json", accuse)
    return _cli("accuse-reception", fichier, "-o", dossier / "accuse.docx")


def _image_absente(dossier: Path) -> int:
    donnees = _exemple()
    donnees["emetteur"]["image_marianne"] = "absente.png"
    return _cli("cr", _json(dossier / "reunion.json", donnees))


def _signature_absente(dossier: Path) -> int:
    donnees = json.loads(REPONSE.read_text(encoding="utf-8"))
    donnees["signataire"]["image"] = "signature-absente.png"
    return _cli("reponse", _json(dossier / "reponse.json", donnees))


def _correspondants_non_prevus(dossier: Path) -> object:
    from courriers.documents import par_correspondant

    return par_correspondant(charger(EXEMPLE, CompteRendu), [])


def _archive_casse(dossier: Path) -> int:
    modele = _zip_minimal(dossier / "modele.docx")
    octets = bytearray(modele.read_bytes())
    debut = octets.find(b"PK\x01\x02")  # central directory damaged, end record intact
    octets[debut : debut + 4] = b"XXXX"
    return _cr_avec_modele(dossier, _fichier(modele, bytes(octets)))


def _disque_plein(dossier: Path) -> int:
    def plein(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("courriers.ecriture.os.replace", plein)
        return _cli("cr", EXEMPLE, "-o", dossier / "cr.docx")


def _noms_en_double(dossier: Path) -> object:
    convocation = charger(EXEMPLE, Convocation)
    premier = exemplaires(convocation)[0]
    return ecrire_lot(preparer_modele(convocation), [premier, premier], dossier / "lot")


def _copier_deux_fois(dossier: Path) -> int:
    assert _cli("modele", "copier", "cr", dossier) == 0
    return _cli("modele", "copier", "cr", dossier)


def _strict(dossier: Path) -> int:
    lettre = _exemple(REPONSE)
    lettre["corps"] = "Votre demande est acceptée."  # attachments never mentioned
    return _cli("reponse", _json(dossier / "reponse.json", lettre), "--strict")


def _sans_libreoffice(dossier: Path) -> int:
    with _environnement(PATH=str(dossier / "vide")) as patch:
        patch.delenv(VARIABLE_SOFFICE, raising=False)
        patch.setattr("courriers.pdf._EMPLACEMENTS_HABITUELS", ())
        return _cli("cr", EXEMPLE, "-o", dossier / "cr.docx", "--pdf")


def _soffice_pas_un_programme(dossier: Path) -> int:
    """Executable, but not a program the system can start (no ``#!``)."""
    if sys.platform == "win32":
        pytest.skip("droit d'exécution POSIX")
    soffice = _fichier(dossier / "soffice", "pas un programme\n")
    soffice.chmod(0o755)
    variables = {VARIABLE_SOFFICE: str(soffice)}
    return _avec_env(variables, "cr", EXEMPLE, "-o", dossier / "cr.docx", "--pdf")


def _libreoffice_en_echec(dossier: Path) -> int:
    with _faux_soffice(dossier, 'echo "Error: panne simulée"; exit 3'):
        return _cli("cr", EXEMPLE, "-o", dossier / "cr.docx", "--pdf")


def _polices_absentes(dossier: Path) -> list[Path]:
    with _faux_soffice(dossier, "exit 0") as patch:
        patch.setattr("courriers.pdf.FICHIER_FONTCONFIG", dossier / "absent.conf")
        return convertir([_docx(dossier / "docs")])


def _sans_expediteur(dossier: Path) -> object:
    from courriers.courriels import messages
    from courriers.documents import charger

    donnees = charger(RACINE / "exemples" / "cce-vichy-charmeil-2025.json", Convocation)
    agent = donnees.emetteur.agent
    assert agent is not None
    emetteur = donnees.emetteur.model_copy(
        update={"agent": agent.model_copy(update={"courriel": None})}
    )
    return messages(donnees.model_copy(update={"emetteur": emetteur}), {})


def _smtp_injoignable(dossier: Path) -> object:
    import socket

    from courriers import envoi
    from courriers.courriels import Courriel

    with socket.socket() as essai:
        essai.bind(("127.0.0.1", 0))
        port = essai.getsockname()[1]
    serveur = envoi.ServeurSmtp(hote="127.0.0.1", port=port, securite="aucune", delai=5)
    courriel = Courriel("a.eml", "a@exemple.fr", EmailMessage())
    return envoi.envoyer([courriel], serveur, dossier / "journal.jsonl")


def _tableur(dossier: Path, option: str, nom: str, contenu: str) -> int:
    """The attendance sheet of the meeting example with a spreadsheet of
    invitees or replies."""
    reunion = RACINE / "exemples" / "cce-vichy-charmeil-2025.json"
    tableur = _fichier(dossier / nom, contenu)
    return _cli("emargement", reunion, option, tableur, "-o", dossier / "e.docx")


# --- one trigger per message ---------------------------------------------------------

DECLENCHEURS: dict[str, Declencheur] = {
    # données
    "donnees.fichier_introuvable": lambda d: _cli("cr", d / "absent.json"),
    "donnees.lecture_impossible": lambda d: _cli("cr", _dossier(d / "dossier.json")),
    "donnees.pas_utf8": lambda d: _cli(
        "cr", _fichier(d / "r.json", '{"objet": "é"}'.encode("cp1252"))
    ),
    "donnees.trop_gros": lambda d: _avec_env(
        {"COURRIERS_TAILLE_MAX_DONNEES": "0.001"}, "cr", EXEMPLE, "-o", d / "cr.docx"
    ),
    "donnees.limite_invalide": lambda d: _avec_env(
        {"COURRIERS_TAILLE_MAX_DONNEES": "beaucoup"}, "cr", EXEMPLE, "-o", d / "cr.docx"
    ),
    "donnees.json_mal_forme": lambda d: _cli("cr", _fichier(d / "r.json", '{"objet": "x",}')),
    "donnees.yaml_mal_forme": lambda d: _cli("cr", _fichier(d / "r.yaml", "objet: [1, 2\n")),
    "donnees.nombre_trop_long": lambda d: _cli(
        "cr", _fichier(d / "r.json", '{"n": ' + "9" * 5000 + "}")
    ),
    "donnees.cle_en_double": lambda d: _cli(
        "cr", _fichier(d / "r.json", '{"objet": "a", "objet": "b"}')
    ),
    "donnees.caractere_invalide": lambda d: _cli(
        "cr", _fichier(d / "r.json", '{"objet": "\\ud800"}')
    ),
    "donnees.yaml_recursif": lambda d: _cli("cr", _fichier(d / "r.yaml", "a: &a [1, *a]\n")),
    "donnees.yaml_trop_developpe": _bombe_yaml,
    "donnees.date_inexistante": lambda d: _cli("cr", _fichier(d / "r.yaml", "date: 2022-02-30\n")),
    "donnees.yaml_illisible": _yaml_sans_position,
    "donnees.trop_imbrique": lambda d: _cli(
        "cr", _fichier(d / "r.json", "[" * 100_000 + "]" * 100_000)
    ),
    "donnees.non_conformes": lambda d: _cli("cr", _fichier(d / "r.json", "{}")),
    "donnees.date_hors_calendrier": _delai_demesure,
    "donnees.image_marianne_introuvable": _image_absente,
    "donnees.image_illisible": lambda d: verifier_image(_dossier(d / "image.png")),
    "donnees.image_trop_grosse": _image_trop_grosse,
    "donnees.pas_une_image": lambda d: _avec_image(d, b"pas une image"),
    "donnees.image_trop_de_pixels": lambda d: _avec_image(
        d, png()[:16] + struct.pack(">II", 100_000, 100_000) + png()[24:]
    ),
    "donnees.correspondants_non_prevus": _correspondants_non_prevus,
    "donnees.image_signature_introuvable": _signature_absente,
    "donnees.modele_introuvable": lambda d: _cr_avec_modele(d, d / "absent.docx"),
    "donnees.sortie_ecrase_donnees": lambda d: _cli(
        "cr", shutil.copy(EXEMPLE, d / "r.json"), "-o", d / "r.json"
    ),
    "donnees.sortie_ecrase_entree": _sortie_sur_le_modele,
    "donnees.dossier_attendu": lambda d: _cli(
        "convocation", EXEMPLE, "-o", _fichier(d / "lot", "un fichier")
    ),
    "donnees.correspondants_extension": lambda d: _correspondants(d, "liste.txt", "x"),
    "donnees.correspondants_vide": lambda d: _correspondants(d, "liste.json", "[]"),
    "donnees.correspondants_pas_une_liste": lambda d: _correspondants(
        d, "liste.json", '{"nom": "Dumas"}'
    ),
    "donnees.csv_mal_forme": lambda d: _correspondants(
        d, "liste.csv", "civilite;nom;adresse_1\nMme;" + "x" * 200_000 + ";1 rue Haute\n"
    ),
    "donnees.csv_entete": lambda d: _correspondants(d, "liste.csv", "civilite;salle\nMme;A\n"),
    "donnees.correspondants_non_conformes": lambda d: _correspondants(
        d, "liste.csv", "civilite;nom;adresse_1;adresse_2\nMr;Durand;2 rue Basse;03000 MOULINS\n"
    ),
    "donnees.tableur_extension": lambda d: _tableur(d, "--convoques", "m.txt", "x"),
    "donnees.tableur_illisible": lambda d: _tableur(d, "--convoques", "m.xlsx", "pas un classeur"),
    "donnees.tableur_sans_entete": lambda d: _tableur(d, "--convoques", "m.csv", "x;y\n1;2\n"),
    "donnees.tableur_entete": lambda d: _tableur(d, "--convoques", "m.csv", "Prénom;Nom\nA;B\n"),
    "donnees.tableur_vide": lambda d: _tableur(d, "--convoques", "m.csv", "Civilité;Nom\n"),
    "donnees.tableur_non_conformes": lambda d: _tableur(
        d, "--convoques", "m.csv", "Civilité;Nom;Adresse 1\nMr;Durand;03000 MOULINS\n"
    ),
    "donnees.reponse_inconnue": lambda d: _tableur(
        d, "--reponses", "r.csv", "Prénom;Nom;Réponse\nJean;Nulle;présent\n"
    ),
    "donnees.conflits_presences": lambda d: _tableur(
        d, "--reponses", "r.csv", "Prénom;Nom;Réponse;Pouvoir à\nNadia;Kessler;pouvoir;Jean Nulle\n"
    ),
    "donnees.expediteur_absent": _sans_expediteur,
    "donnees.smtp_incomplet": lambda d: _cli(
        "convocation",
        RACINE / "exemples" / "cce-vichy-charmeil-2025.json",
        "--courriels",
        d,
        "--envoyer",
    ),
    # modèle
    "modele.integre_introuvable": lambda d: modele_integre("inexistant.docx"),
    "modele.dossier_introuvable": lambda d: _cli(
        "cr", EXEMPLE, "-o", d / "cr.docx", "--dossier-modeles", d / "absent"
    ),
    "modele.introuvable": lambda d: preparer(d / "absent.docx"),
    "modele.trop_gros": lambda d: _avec_env(
        {"COURRIERS_TAILLE_MAX_MODELE": "0.001"}, "cr", EXEMPLE, "-o", d / "cr.docx"
    ),
    "modele.pas_un_docx": lambda d: _cr_avec_modele(d, _fichier(d / "m.docx", "Bonjour")),
    "modele.archive_illisible": _archive_casse,
    "modele.trop_de_membres": lambda d: _avec_env(
        {"COURRIERS_MEMBRES_MAX_MODELE": "5"}, "cr", EXEMPLE, "-o", d / "cr.docx"
    ),
    "modele.pas_un_document_word": lambda d: _cr_avec_modele(
        d, _zip(d / "m.docx", {"[Content_Types].xml": b"<Types/>"})
    ),
    "modele.decompresse_trop_gros": lambda d: _avec_env(
        {"COURRIERS_TAILLE_MAX_DECOMPRESSEE": "0.001"}, "cr", EXEMPLE, "-o", d / "cr.docx"
    ),
    "modele.bombe": lambda d: _cr_avec_modele(d, _zip_minimal(d / "m.docx", bytes(10**6))),
    "modele.illisible": lambda d: preparer(_zip_minimal(d / "m.docx")),
    "modele.opendocument": lambda d: _cr_avec_modele(
        d, _zip(d / "m.odt", {"mimetype": b"application/vnd.oasis.opendocument.text"})
    ),
    "modele.macros": lambda d: _cr_avec_modele(
        d,
        _zip(
            d / "m.docm",
            {
                "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" '
                b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
                "word/document.xml": b"<x/>",
            },
        ),
    ),
    "modele.modifications_suivies": lambda d: preparer(_modele_revise(d)),
    "modele.refuse": lambda d: _cr_avec_modele(d, _modele(d, "{{ reunion.salle }}")),
    "modele.syntaxe": lambda d: _rendre(d, "{{ reunion.date|date_longue( }}"),
    "modele.filtre_inconnu": lambda d: _rendre(d, "{{ reunion|inconnu }}"),
    "modele.variable_inconnue": lambda d: _rendre(d, "Salle : {{ reunion.salle }}"),
    "modele.acces_interdit": lambda d: _rendre(d, "{{ ''.__class__.__mro__ }}"),
    "modele.erreur_jinja": lambda d: _rendre(d, "{% set reunion.salle = 1 %}"),
    "modele.calcul_echoue": lambda d: _rendre(d, "{{ 1 // 0 }}"),
    "modele.xml_invalide": lambda d: _rendre(d, "{{ '<'|safe }}"),
    "modele.reference_externe": lambda d: preparer(
        modele_avec_reference(d, "lie", REFERENCES[0][1])
    ),
    "modele.temps_depasse": lambda d: _avec_env(
        {"COURRIERS_DUREE_MAX_RENDU": "0.2"},
        "cr",
        EXEMPLE,
        "-o",
        d / "cr.docx",
        "--modele",
        _modele(
            d, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
        ),
    ),
    "modele.verification_trop_longue": lambda d: _avec_env(
        {"COURRIERS_DUREE_MAX_VERIFICATION": "0.000001"},
        "cr",
        EXEMPLE,
        "-o",
        d / "cr.docx",
        "--modele",
        _modele(d, "{{ reunion.lieu }}"),
    ),
    "modele.limite_depassee": lambda d: _rendre(d, "{{ 'a' * 100000000 }}"),
    "modele.recursion": lambda d: _rendre(
        d, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
    ),
    "donnees.markdown_trop_imbrique": lambda d: _rendre(d, "{{p ('> ' * 30 + 'x')|markdown }}"),
    "donnees.markdown_tableau_irregulier": lambda d: _rendre(
        d, "{{p '| a |\\n|---|\\n| 1 | 2 |'|markdown }}"
    ),
    "donnees.borne_invalide": lambda d: _avec_env(
        {"COURRIERS_DUREE_MAX_RENDU": "nan"}, "cr", EXEMPLE, "-o", d / "cr.docx"
    ),
    "modele.paragraphe_dans_un_texte": lambda d: _rendre(
        d, "Ordre du jour : {{ reunion.ordre_du_jour[0].contenu|markdown }}"
    ),
    # écriture
    "ecriture.dossier_inaccessible": lambda d: _cli("cr", EXEMPLE, "-o", d / "absent" / "cr.docx"),
    "ecriture.impossible": _disque_plein,
    "ecriture.dossier_impossible_a_creer": lambda d: _cli(
        "convocation", EXEMPLE, "-o", _fichier(d / "fichier", "x") / "lot"
    ),
    "ecriture.noms_en_double": _noms_en_double,
    "ecriture.existe_deja": _copier_deux_fois,
    "ecriture.copie_impossible": lambda d: _cli(
        "modele", "copier", "cr", _fichier(d / "fichier", "x") / "modeles"
    ),
    "ecriture.smtp_injoignable": _smtp_injoignable,
    # contrôles
    "controles.non_satisfaits": _strict,
    "controles.accessibilite": lambda d: _cli(
        "cr", EXEMPLE, "-o", d / "cr.docx", "--strict", "--modele", _modele(d, "- tapé à la main")
    ),
    # pdf
    "pdf.libreoffice_absent": _sans_libreoffice,
    "pdf.libreoffice_introuvable": lambda d: _avec_env(
        {VARIABLE_SOFFICE: str(d / "pas-de-soffice")}, "cr", EXEMPLE, "-o", d / "cr.docx", "--pdf"
    ),
    "pdf.lancement_impossible": _soffice_pas_un_programme,
    "pdf.docx_introuvable": lambda d: convertir([d / "absent.docx"]),
    "pdf.deja_un_pdf": lambda d: convertir([_fichier(d / "a.pdf", PDF_BALISE)]),
    "pdf.polices_introuvables": _polices_absentes,
    "pdf.echec": _libreoffice_en_echec,
    "pdf.trop_long": lambda d: _convertir_avec(d, "sleep 30", delai=0.5),
    "pdf.processus_invalide": lambda d: _avec_env(
        {"COURRIERS_PDF_PROCESSUS": "deux"}, "cr", EXEMPLE, "-o", d / "cr.docx", "--pdf"
    ),
    "pdf.pdf_absent": lambda d: _convertir_avec(d, "exit 0"),
    "pdf.pdf_incomplet": lambda d: _convertir_ecrit(d, b"pas un PDF"),
    "pdf.pdf_non_balise": lambda d: _convertir_ecrit(d, b"%PDF-1.6\n%%EOF\n"),
    "pdf.pas_pdfa": lambda d: _convertir_ecrit(d, PDF_BALISE, pdfa=True),
    "pdf.pas_pdfua": lambda d: _convertir_ecrit(d, PDF_BALISE, pdfua=True),
    "pdf.pdftoppm_absent": lambda d: _avec_env(
        {"PATH": str(d / "vide")}, "apercu", "cr", "-o", d / "apercus"
    ),
    "pdf.apercu_trop_long": lambda d: _apercu_avec_pdftoppm(d, "sleep 30", delai=0.5),
    "pdf.apercu_absent": lambda d: _apercu_avec_pdftoppm(d, "echo 'pdftoppm en panne'; exit 1"),
    "pdf.apercu_illisible": lambda d: _apercu_avec_pdftoppm(
        d, 'for a in "$@"; do dernier="$a"; done; printf "pas un PNG" > "$dernier-1.png"'
    ),
    # interne, interruption
    "interne.inattendue": lambda d: _pendant_l_ecriture(d, _panne),
    "interruption.ctrl_c": lambda d: _pendant_l_ecriture(d, _ctrl_c),
    "interruption.arret": lambda d: _pendant_l_ecriture(d, _sigterm),
}


# --- tests ---------------------------------------------------------------------------


def _motif(gabarit: str) -> re.Pattern[str]:
    """A regular expression matching the messages of ``gabarit``."""
    morceaux = [
        re.escape(texte) + (".*?" if nom else "")
        for texte, nom, _, _ in string.Formatter().parse(gabarit)
    ]
    return re.compile("".join(morceaux), re.DOTALL)


def test_chaque_message_a_son_declencheur() -> None:
    assert set(DECLENCHEURS) == set(CATALOGUE)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_le_message_arrive_avec_son_code(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    message = CATALOGUE[code]
    crees: list[str] = []
    creer = ErreurCourriers.__init__

    def espion(self: ErreurCourriers, texte: str, code: str = "") -> None:
        crees.append(code)
        creer(self, texte, code)

    monkeypatch.setattr(ErreurCourriers, "__init__", espion)
    try:
        resultat = DECLENCHEURS[code](tmp_path)
    except ErreurCourriers as exc:  # the Python API
        assert (exc.code, type(exc)) == (code, message.classe)
        assert _motif(message.gabarit).fullmatch(exc.message), exc.message
        return
    # The command line: the exit code of the class, the message on stderr.
    erreur_affichee = capsys.readouterr().err
    assert resultat == message.classe.code_sortie, erreur_affichee
    assert code in crees
    prefixe = "courriers : erreur : "
    assert erreur_affichee.startswith(prefixe), erreur_affichee
    texte = erreur_affichee.removeprefix(prefixe).removesuffix("\n")
    assert _motif(message.gabarit).fullmatch(texte), texte


def test_les_gabarits_n_ont_que_des_champs_nommes() -> None:
    for message in CATALOGUE.values():
        familles = {"donnees", "modele", "ecriture", "controles", "pdf", "interne", "interruption"}
        assert message.code.split(".")[0] in familles
        assert message.quand.endswith(".") and message.gabarit.strip() == message.gabarit
        for _, nom, format_, conversion in string.Formatter().parse(message.gabarit):
            if nom is not None:
                assert nom.isidentifier() and not format_ and conversion is None, message.code


def test_catalogue_ordonne_par_famille() -> None:
    familles = [code.split(".")[0] for code in CATALOGUE]
    ordre = ["donnees", "modele", "ecriture", "controles", "pdf", "interne", "interruption"]
    assert familles == sorted(familles, key=ordre.index)


def test_erreur_construit_l_exception_de_la_classe() -> None:
    exc = erreur("controles.non_satisfaits", rapport="1 avertissement")
    assert isinstance(exc, ErreurControles) and exc.code_sortie == 6
    assert (exc.message, exc.code, str(exc)) == (
        "1 avertissement",
        "controles.non_satisfaits",
        "1 avertissement",
    )
    with pytest.raises(ValueError, match="code de message inconnu"):
        erreur("donnees.inexistant")
    with pytest.raises(TypeError, match="champs attendus"):
        erreur("donnees.fichier_introuvable", fichier="x")
    ancienne = ErreurDonnees("message libre")  # still possible, without a code
    assert (ancienne.message, ancienne.code, ancienne.code_sortie) == ("message libre", "", 3)


def test_la_documentation_du_catalogue_est_a_jour() -> None:
    chemin = RACINE / "docs" / "erreurs.md"
    texte = chemin.read_text(encoding="utf-8")
    assert texte == avec_catalogue(texte), (
        f"{chemin} est périmé : lancer « python -m courriers.messages »"
    )
    for message in CATALOGUE.values():
        assert f"| `{message.code}` | {message.classe.code_sortie} |" in texte


def test_les_codes_de_sortie_sont_documentes() -> None:
    codes = [code for code, _ in CODES_SORTIE]
    assert codes == [0, 1, 2, 3, 4, 5, 6, 7, 8, 130, 143]
    assert {message.classe.code_sortie for message in CATALOGUE.values()} <= set(codes)
    aide = " ".join(analyseur().format_help().split())
    texte = (RACINE / "docs" / "erreurs.md").read_text(encoding="utf-8")
    for code, sens in CODES_SORTIE:
        assert f"{code} {sens}" in aide
        assert f"\n| {code} | " in texte


# --- errors that were Python tracebacks before the catalogue ---------------------------


def test_caractere_interdit_en_yaml_avec_sa_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fichier = _fichier(tmp_path / "r.yaml", "objet: x\nlieu: a\x01b\n")
    assert _cli("cr", fichier) == 3
    assert (
        f"{fichier}, ligne 2, colonne 8 : YAML mal formé (caractère interdit U+0001)"
        in capsys.readouterr().err
    )


def test_delai_de_reponse_des_convocations_hors_calendrier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    donnees = _exemple()
    donnees["convocation"]["reponse"] = {"jours_ouvres": 1_000_000}
    fichier = _json(tmp_path / "reunion.json", donnees)
    assert _cli("convocation", fichier, "-o", tmp_path / "lot") == 3
    assert (
        "convocation.reponse.jours_ouvres : un délai de 1000000 jours ouvrés mène hors du "
        "calendrier" in capsys.readouterr().err
    )
    assert not (tmp_path / "lot").exists()
