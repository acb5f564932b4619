"""Limits checked before any work: sizes of data files, templates and
images, the shape of a DOCX package (a zip that could be a zip bomb, have
too many members, or hold no Word document at all), the elements of YAML
data once its aliases are expanded, and the number of worker processes.

Each limit has a default and an environment variable to change it; sizes
are in megabytes: ``COURRIERS_TAILLE_MAX_DONNEES`` (data files, 20),
``COURRIERS_TAILLE_MAX_MODELE`` (templates, 50),
``COURRIERS_TAILLE_MAX_DECOMPRESSEE`` (a template's unpacked content, 500),
``COURRIERS_TAILLE_MAX_IMAGE`` (the Marianne image, 10); counts are plain
numbers: ``COURRIERS_PIXELS_MAX_IMAGE`` (millions of pixels, 40),
``COURRIERS_MEMBRES_MAX_MODELE`` (members of a template, 10,000, at most
65,535: the DOCX writer has no zip64), ``COURRIERS_ELEMENTS_MAX_DONNEES``
(elements of YAML data, aliases expanded, 1,000,000) and
``COURRIERS_JOBS_MAX`` (worker processes of ``--jobs``, the number of
cores). A value that is not a positive number is refused with a message.
"""

from __future__ import annotations

import math
import os
import struct
import zipfile
from pathlib import Path

from courriers.messages import erreur
from courriers.systeme import raison

MO = 1024 * 1024
_DEFAUTS_MO = {
    "COURRIERS_TAILLE_MAX_DONNEES": 20,
    "COURRIERS_TAILLE_MAX_MODELE": 50,
    "COURRIERS_TAILLE_MAX_DECOMPRESSEE": 500,
    "COURRIERS_TAILLE_MAX_IMAGE": 10,
}
#: Limits that are counts: default, and the largest value allowed.
_DEFAUTS_NOMBRES = {
    "COURRIERS_PIXELS_MAX_IMAGE": (40, 10**6),
    "COURRIERS_MEMBRES_MAX_MODELE": (10_000, 65_535),
    "COURRIERS_ELEMENTS_MAX_DONNEES": (1_000_000, 10**12),
}
#: Members a zip without zip64 can hold (the writer of moteur/paquet_zip.py).
MEMBRES_ZIP_MAX = 65_535
#: A member compressed more than this is refused (zip bomb).
RAPPORT_MAX = 200
#: Members a DOCX package must have.
MEMBRES_REQUIS = ("[Content_Types].xml", "word/document.xml")


def limite(variable: str) -> int:
    """A limit in bytes: the environment variable (megabytes) or its default.

    >>> limite("COURRIERS_TAILLE_MAX_DONNEES") == 20 * MO
    True
    """
    valeur = os.environ.get(variable)
    if valeur is None:
        return _DEFAUTS_MO[variable] * MO
    return int(_nombre(variable, valeur, 1e9) * MO)


def _nombre(variable: str, valeur: str, maximum: float) -> float:
    """``valeur`` read as a number greater than 0 and at most ``maximum``
    (the value of a limit variable), else a French message.

    >>> _nombre("V", " 0,5 ", 10)
    0.5
    >>> _nombre("V", "nan", 10)
    Traceback (most recent call last):
    ...
    courriers.erreurs.ErreurDonnees: V : nombre plus grand que 0 attendu (10 au plus) ; reçu : 'nan'
    """
    try:
        nombre = float(valeur.strip().replace(",", "."))
    except ValueError:
        nombre = math.nan
    if not (math.isfinite(nombre) and 0 < nombre <= maximum):
        raise erreur(
            "donnees.limite_invalide",
            variable=variable,
            maximum=f"{maximum:.0f}",
            valeur=repr(valeur),
        )
    return nombre


def limite_nombre(variable: str) -> int:
    """A limit that is a count: the environment variable or its default."""
    defaut, maximum = _DEFAUTS_NOMBRES[variable]
    valeur = os.environ.get(variable)
    if valeur is None:
        return defaut
    return max(1, int(_nombre(variable, valeur, maximum)))


def limite_elements() -> int:
    """Elements of YAML data once its aliases are expanded (every mapping,
    list, key and value counts one)."""
    return limite_nombre("COURRIERS_ELEMENTS_MAX_DONNEES")


def coeurs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def processus_max() -> int:
    """Worker processes ``--jobs`` may start: ``COURRIERS_JOBS_MAX``, by
    default the number of cores this process may use."""
    valeur = os.environ.get("COURRIERS_JOBS_MAX")
    if valeur is None:
        return max(1, coeurs())
    return max(1, int(_nombre("COURRIERS_JOBS_MAX", valeur, 1024)))


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
        raise erreur("modele.introuvable", chemin=chemin, raison=raison(exc)) from exc
    maximum = limite("COURRIERS_TAILLE_MAX_MODELE")
    if taille > maximum:
        raise erreur("modele.trop_gros", chemin=chemin, taille=_mo(taille), maximum=_mo(maximum))
    if not zipfile.is_zipfile(chemin):
        raise erreur("modele.pas_un_docx", chemin=chemin)
    try:
        with zipfile.ZipFile(chemin) as paquet:
            membres = paquet.infolist()
            _verifier_format(chemin, paquet)
    except OSError as exc:
        raise erreur("modele.archive_illisible", chemin=chemin, raison=raison(exc)) from exc
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise erreur(
            "modele.archive_illisible", chemin=chemin, raison="répertoire de l'archive endommagé"
        ) from exc
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
    maximum_membres = min(limite_nombre("COURRIERS_MEMBRES_MAX_MODELE"), MEMBRES_ZIP_MAX)
    if len(membres) > maximum_membres:
        raise erreur(
            "modele.trop_de_membres", chemin=chemin, membres=len(membres), maximum=maximum_membres
        )
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


# --- Images --------------------------------------------------------------------


def verifier_image(chemin: Path, champ: str = "emetteur.image_marianne") -> None:
    """Refuse an image file that is too large, not a PNG, JPEG, GIF or BMP,
    or of too many pixels (read from its header), before it is read."""
    try:
        taille = chemin.stat().st_size
        maximum = limite("COURRIERS_TAILLE_MAX_IMAGE")
        if taille > maximum:
            raise erreur(
                "donnees.image_trop_grosse",
                champ=champ,
                chemin=chemin,
                taille=_mo(taille),
                maximum=_mo(maximum),
            )
        with chemin.open("rb") as fichier:
            entete = fichier.read(64 * 1024)
    except OSError as exc:
        raise erreur(
            "donnees.image_illisible", champ=champ, chemin=chemin, raison=raison(exc)
        ) from exc
    dimensions = dimensions_image(entete)
    if dimensions is None:
        raise erreur("donnees.pas_une_image", champ=champ, chemin=chemin)
    largeur, hauteur = dimensions
    pixels_max = limite_nombre("COURRIERS_PIXELS_MAX_IMAGE") * 10**6
    if largeur * hauteur > pixels_max or not largeur or not hauteur:
        raise erreur(
            "donnees.image_trop_de_pixels",
            champ=champ,
            chemin=chemin,
            largeur=largeur,
            hauteur=hauteur,
            maximum=pixels_max // 10**6,
        )


def dimensions_image(entete: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, BMP or JPEG image from its first
    bytes, or None when they are not those of such an image.

    >>> dimensions_image(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(4) + b"IHDR" + struct.pack(">II", 3, 2))
    (3, 2)
    >>> dimensions_image(b"GIF89a" + struct.pack("<HH", 5, 7))
    (5, 7)
    >>> dimensions_image(b"pas une image") is None
    True
    """
    if entete.startswith(b"\x89PNG\r\n\x1a\n") and entete[12:16] == b"IHDR":
        largeur, hauteur = struct.unpack(">II", entete[16:24])
        return int(largeur), int(hauteur)
    if entete[:6] in (b"GIF87a", b"GIF89a") and len(entete) >= 10:
        largeur, hauteur = struct.unpack("<HH", entete[6:10])
        return int(largeur), int(hauteur)
    if entete.startswith(b"BM") and len(entete) >= 26:
        largeur, hauteur = struct.unpack("<ii", entete[18:26])
        return abs(int(largeur)), abs(int(hauteur))
    if entete.startswith(b"\xff\xd8"):
        return _dimensions_jpeg(entete)
    return None


def _dimensions_jpeg(entete: bytes) -> tuple[int, int] | None:
    """The size in the first SOF marker of a JPEG (within ``entete``)."""
    position = 2
    while position + 9 <= len(entete):
        if entete[position] != 0xFF:
            return None
        marqueur = entete[position + 1]
        if marqueur in (0xD8, 0x01) or 0xD0 <= marqueur <= 0xD7:
            position += 2
            continue
        (longueur,) = struct.unpack(">H", entete[position + 2 : position + 4])
        if 0xC0 <= marqueur <= 0xCF and marqueur not in (0xC4, 0xC8, 0xCC):
            hauteur, largeur = struct.unpack(">HH", entete[position + 5 : position + 9])
            return int(largeur), int(hauteur)
        position += 2 + longueur
    return None
