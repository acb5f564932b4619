"""Finding the DOCX templates ("modèles").

A template is looked for, by its file name (``compte-rendu.docx``), in:

1. the folder given by ``--dossier-modeles`` (or the ``dossier`` argument);
2. the folder named by the ``COURRIERS_MODELES`` environment variable;
3. the built-in templates.

The built-in templates live in the repository's ``modeles/`` folder and are
copied into the installed package as ``courriers/modeles``; in a source
checkout (editable install, tests) the package has no copy and the
repository folder is used. The bundled examples (``exemples/``) follow the
same rule.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from courriers.messages import erreur
from courriers.systeme import raison

VARIABLE_DOSSIER = "COURRIERS_MODELES"
_PAQUET = Path(__file__).resolve().parent


def _dossier_du_paquet(nom: str) -> Path:
    installe = _PAQUET / nom
    return installe if installe.is_dir() else _PAQUET.parent.parent / nom


def dossier_modeles() -> Path:
    """The folder of the built-in templates."""
    return _dossier_du_paquet("modeles")


def dossier_exemples() -> Path:
    """The folder of the bundled examples."""
    return _dossier_du_paquet("exemples")


def modele_integre(nom: str) -> Path:
    """The path of a built-in template by file name (``compte-rendu.docx``)."""
    chemin = dossier_modeles() / nom
    if not chemin.is_file():
        raise erreur("modele.integre_introuvable", nom=nom, dossier=dossier_modeles())
    return chemin


def dossiers_personnalises(dossier: Path | None = None) -> list[Path]:
    """The template folders searched before the built-in ones, in order."""
    dossiers = [dossier] if dossier else []
    variable = os.environ.get(VARIABLE_DOSSIER)
    if variable:
        dossiers.append(Path(variable))
    return dossiers


def trouver_modele(nom: str, dossier: Path | None = None) -> tuple[Path, bool]:
    """The template ``nom``: from a custom folder when it has one (second
    item True), else the built-in one (False)."""
    for candidat in dossiers_personnalises(dossier):
        if not candidat.is_dir():
            raise erreur("modele.dossier_introuvable", dossier=candidat)
        if (candidat / nom).is_file():
            return candidat / nom, True
    return modele_integre(nom), False


def copier_modele(nom: str, dossier: Path) -> Path:
    """Copy the built-in template ``nom`` into ``dossier`` (created if
    needed), to start a custom one; an existing file is never overwritten."""
    source = modele_integre(nom)
    cible = dossier / nom
    if cible.exists():
        raise erreur("ecriture.existe_deja", chemin=cible)
    try:
        dossier.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, cible)
    except OSError as exc:
        raise erreur("ecriture.copie_impossible", chemin=cible, raison=raison(exc)) from exc
    return cible
