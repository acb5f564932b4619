"""Limits checked before any work: sizes of data files and templates, and
the shape of a DOCX package (a zip that could be a zip bomb, or no Word
document at all).

Each limit has a default and an environment variable to change it, in
megabytes: ``COURRIERS_TAILLE_MAX_DONNEES`` (data files, 20),
``COURRIERS_TAILLE_MAX_MODELE`` (templates, 50) and
``COURRIERS_TAILLE_MAX_DECOMPRESSEE`` (a template's unpacked content, 500).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from courriers.messages import erreur

MO = 1024 * 1024
_DEFAUTS_MO = {
    "COURRIERS_TAILLE_MAX_DONNEES": 20,
    "COURRIERS_TAILLE_MAX_MODELE": 50,
    "COURRIERS_TAILLE_MAX_DECOMPRESSEE": 500,
}
#: A member compressed more than this is refused (zip bomb).
RAPPORT_MAX = 200
#: Members a DOCX package must have.
MEMBRES_REQUIS = ("[Content_Types].xml", "word/document.xml")


def limite(variable: str) -> int:
    """A limit in bytes: the environment variable (megabytes) or its default."""
    valeur = os.environ.get(variable)
    if valeur is None:
        return _DEFAUTS_MO[variable] * MO
    try:
        megaoctets = float(valeur)
    except ValueError:
        raise erreur("donnees.limite_invalide", variable=variable, valeur=repr(valeur)) from None
    return int(megaoctets * MO)


def _mo(octets: int) -> str:
    return f"{octets / MO:.1f} Mo".replace(".", ",")


def verifier_taille_donnees(chemin: Path) -> None:
    """Refuse a data file larger than the limit, before reading it."""
    maximum = limite("COURRIERS_TAILLE_MAX_DONNEES")
    try:
        taille = chemin.stat().st_size
    except OSError:
        return  # the reader reports a missing file in its own words
    if taille > maximum:
        raise erreur("donnees.trop_gros", chemin=chemin, taille=_mo(taille), maximum=_mo(maximum))


def verifier_paquet_docx(chemin: Path) -> None:
    """Refuse a template that is too large, not a zip, a zip bomb, or
    without a Word document, before any work."""
    try:
        taille = chemin.stat().st_size
    except OSError as exc:
        raise erreur("modele.introuvable", chemin=chemin, raison=exc.strerror) from exc
    maximum = limite("COURRIERS_TAILLE_MAX_MODELE")
    if taille > maximum:
        raise erreur("modele.trop_gros", chemin=chemin, taille=_mo(taille), maximum=_mo(maximum))
    if not zipfile.is_zipfile(chemin):
        raise erreur("modele.pas_un_docx", chemin=chemin)
    try:
        with zipfile.ZipFile(chemin) as paquet:
            membres = paquet.infolist()
            _verifier_format(chemin, paquet)
    except (zipfile.BadZipFile, OSError) as exc:
        raise erreur("modele.archive_illisible", chemin=chemin, raison=exc) from exc
    _verifier_membres(chemin, membres)


#: Content types of the main part of files with macros (.docm, .dotm).
_AVEC_MACROS = (b"macroEnabled.main+xml", b"macroEnabledTemplate.main+xml")


def _verifier_format(chemin: Path, paquet: zipfile.ZipFile) -> None:
    """An OpenDocument file (.odt) or a Word file with macros (.docm,
    .dotm), named as such with the way out. A Word template (.dotx) is
    accepted (the engine reads it as a document)."""
    noms = set(paquet.namelist())
    if "mimetype" in noms and "word/document.xml" not in noms:
        sorte = paquet.read("mimetype")[:100].decode("ascii", "replace").strip()
        if sorte.startswith("application/vnd.oasis.opendocument"):
            raise erreur("modele.opendocument", chemin=chemin, sorte=sorte)
    if "[Content_Types].xml" in noms:
        types = paquet.read("[Content_Types].xml")
        if any(marque in types for marque in _AVEC_MACROS):
            raise erreur("modele.macros", chemin=chemin)


def _verifier_membres(chemin: Path, membres: list[zipfile.ZipInfo]) -> None:
    noms = {m.filename for m in membres}
    manquants = [n for n in MEMBRES_REQUIS if n not in noms]
    if manquants:
        raise erreur("modele.pas_un_document_word", chemin=chemin, manquants=", ".join(manquants))
    maximum = limite("COURRIERS_TAILLE_MAX_DECOMPRESSEE")
    total = sum(m.file_size for m in membres)
    if total > maximum:
        raise erreur(
            "modele.decompresse_trop_gros", chemin=chemin, taille=_mo(total), maximum=_mo(maximum)
        )
    for membre in membres:
        if membre.compress_size and membre.file_size / membre.compress_size > RAPPORT_MAX:
            raise erreur(
                "modele.bombe",
                chemin=chemin,
                membre=membre.filename,
                taux=membre.file_size // membre.compress_size,
                maximum=RAPPORT_MAX,
            )
