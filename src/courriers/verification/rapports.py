"""The reports of a check: French text, or JSON."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from courriers.verification.problemes import Probleme
from courriers.verification.textes import _abrege


def rapport(problemes: Sequence[Probleme]) -> str:
    """A French text report: the count, then one line per problem (the
    warnings marked as such)."""
    if not problemes:
        return "Aucun problème."
    erreurs = sum(p.gravite == "erreur" for p in problemes)
    avertissements = len(problemes) - erreurs
    comptes = []
    if erreurs:
        comptes.append(f"{erreurs} problème{'s' if erreurs > 1 else ''}")
    if avertissements:
        comptes.append(f"{avertissements} avertissement{'s' if avertissements > 1 else ''}")
    entete = " et ".join(comptes) + " :"
    lignes = (
        f"{p.partie} {p.lieu} — {'avertissement : ' if p.gravite != 'erreur' else ''}"
        f"{p.message}" + (f" — « {_abrege(p.texte, 160)} »" if p.texte else "")
        for p in problemes
    )
    return "\n".join([entete, *lignes])


def rapport_json(problemes: Sequence[Probleme]) -> str:
    """The problems as a JSON list of objects (the fields of
    :class:`Probleme`)."""
    return json.dumps([dataclasses.asdict(p) for p in problemes], ensure_ascii=False, indent=2)
