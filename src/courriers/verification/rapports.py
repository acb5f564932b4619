"""The reports of a check: French text, or JSON."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from courriers.verification.problemes import Probleme
from courriers.verification.textes import _abrege


def rapport(problemes: Sequence[Probleme]) -> str:
    """A French text report: the count, then one line per problem."""
    if not problemes:
        return "Aucun problème."
    nombre = len(problemes)
    entete = f"{nombre} problème{'s' if nombre > 1 else ''} :"
    lignes = (f"{p.partie} {p.lieu} — {p.message} — « {_abrege(p.texte, 160)} »" for p in problemes)
    return "\n".join([entete, *lignes])


def rapport_json(problemes: Sequence[Probleme]) -> str:
    """The problems as a JSON list of objects (the fields of
    :class:`Probleme`)."""
    return json.dumps([dataclasses.asdict(p) for p in problemes], ensure_ascii=False, indent=2)
