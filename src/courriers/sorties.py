"""An output is never an input: no document, PDF or batch file may
replace the data file, the template, the Marianne image or the list of
correspondents.

Paths are compared resolved (``..``, symbolic links) and by identity of
the file (device and inode, as ``os.path.samefile``: a hard link is the
same file), before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from courriers.messages import erreur

DONNEES = "le fichier de données"
MODELE = "le modèle"
IMAGE = "l'image Marianne (emetteur.image_marianne)"
LOGO = "le logo (emetteur.logo)"
CORRESPONDANTS = "la liste de correspondants (--correspondants)"


def _resolu(chemin: Path) -> Path:
    try:
        return chemin.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return chemin.absolute()


def verifier_sorties(sorties: Iterable[Path], entrees: Iterable[tuple[str, Path | None]]) -> None:
    """Refuse, before any work, an output of ``sorties`` that is one of
    ``entrees`` (what it is, its path)."""
    par_chemin: dict[Path, tuple[str, Path]] = {}
    par_identite: dict[tuple[int, int], tuple[str, Path]] = {}
    for quoi, chemin in entrees:
        if chemin is None:
            continue
        par_chemin[_resolu(chemin)] = (quoi, chemin)
        try:
            etat = os.stat(chemin)
        except OSError:
            continue
        par_identite[(etat.st_dev, etat.st_ino)] = (quoi, chemin)
    for sortie in sorties:
        trouve = par_chemin.get(_resolu(sortie))
        if trouve is None:
            try:
                etat = os.stat(sortie)
            except OSError:
                continue
            trouve = par_identite.get((etat.st_dev, etat.st_ino))
        if trouve is None:
            continue
        quoi, chemin = trouve
        if quoi == DONNEES:
            raise erreur("donnees.sortie_ecrase_donnees", sortie=sortie)
        raise erreur("donnees.sortie_ecrase_entree", sortie=sortie, entree=quoi, chemin=chemin)


def avec_pdf(sorties: Iterable[Path], pdf: bool) -> list[Path]:
    """The outputs, and with ``pdf`` the PDF written beside each.

    >>> avec_pdf([Path("a.docx")], True)
    [PosixPath('a.docx'), PosixPath('a.pdf')]
    """
    liste = list(sorties)
    return [*liste, *(s.with_suffix(".pdf") for s in liste)] if pdf else liste
