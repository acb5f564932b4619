"""Common base of the data models: unknown fields are refused."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Modele(BaseModel):
    """Base of every data model: strict about unknown fields, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
