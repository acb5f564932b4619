"""Finding the DOCX templates ("modèles").

The built-in templates live in the repository's ``modeles/`` folder and are
copied into the installed package as ``courriers/modeles``. In a source
checkout (editable install, tests) the package has no copy and the
repository folder is used.
"""

from __future__ import annotations

from pathlib import Path

from courriers.erreurs import ErreurModele

_PAQUET = Path(__file__).resolve().parent


def dossier_modeles() -> Path:
    """The folder of the built-in templates."""
    installe = _PAQUET / "modeles"
    if installe.is_dir():
        return installe
    return _PAQUET.parent.parent / "modeles"


def modele_integre(nom: str) -> Path:
    """The path of a built-in template by file name (``compte-rendu.docx``)."""
    chemin = dossier_modeles() / nom
    if not chemin.is_file():
        raise ErreurModele(
            f"modèle intégré « {nom} » introuvable dans {dossier_modeles()} : "
            "installation incomplète ?"
        )
    return chemin
