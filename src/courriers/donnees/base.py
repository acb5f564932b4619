"""Common base of the data models: unknown fields are refused."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Modele(BaseModel):
    """Base of every data model: strict about unknown fields, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def champs(self) -> dict[str, Any]:
        """The top-level fields by name (the template variables)."""
        return {nom: getattr(self, nom) for nom in type(self).model_fields}
