"""Writing a DOCX package (a zip) whose unchanged members are compressed once.

A template's styles, theme, numbering, images… are the same in every
document of a batch: they are deflated once when the template is prepared
(:class:`Membre`), and each document only deflates the parts it renders.
The writer emits a standard zip (deflate, no zip64: a DOCX is far below
4 GiB) that ``zipfile``, Word and LibreOffice read.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

_DATE_DOS = (0 << 11) | (0 << 5) | 0  # 00:00:00
_JOUR_DOS = ((1980 - 1980) << 9) | (1 << 5) | 1  # 1980-01-01
_DEFLATE = 8
_VERSION = 20


@dataclass(frozen=True)
class Membre:
    """A zip member, already compressed."""

    nom: bytes
    crc: int
    taille: int
    compresse: bytes

    @classmethod
    def de(cls, nom: str, contenu: bytes) -> Membre:
        """Compress ``contenu`` (raw deflate, the zip way)."""
        compresseur = zlib.compressobj(6, zlib.DEFLATED, -15)
        donnees = compresseur.compress(contenu) + compresseur.flush()
        return cls(nom.encode("utf-8"), zlib.crc32(contenu), len(contenu), donnees)


def ecrire_zip(membres: Iterable[Membre]) -> bytes:
    """The bytes of a zip holding ``membres`` in that order."""
    morceaux: list[bytes] = []
    repertoire: list[bytes] = []
    position = 0
    for membre in membres:
        entete = struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            _VERSION,
            0x0800,  # UTF-8 names
            _DEFLATE,
            _DATE_DOS,
            _JOUR_DOS,
            membre.crc,
            len(membre.compresse),
            membre.taille,
            len(membre.nom),
            0,
        )
        repertoire.append(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                _VERSION,
                _VERSION,
                0x0800,
                _DEFLATE,
                _DATE_DOS,
                _JOUR_DOS,
                membre.crc,
                len(membre.compresse),
                membre.taille,
                len(membre.nom),
                0,
                0,
                0,
                0,
                0,
                position,
            )
            + membre.nom
        )
        morceaux += [entete, membre.nom, membre.compresse]
        position += len(entete) + len(membre.nom) + len(membre.compresse)
    central = b"".join(repertoire)
    fin = struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06",
        0,
        0,
        len(repertoire),
        len(repertoire),
        len(central),
        position,
        0,
    )
    return b"".join([*morceaux, central, fin])
