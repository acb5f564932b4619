"""The variable reference in docs/ matches the models, and every field is
described (the descriptions become the JSON Schema and the docs)."""

from __future__ import annotations

from pydantic import BaseModel

from conftest import RACINE
from courriers.documents import TYPES
from courriers.reference import chemin_reference, reference


def test_la_reference_des_variables_est_a_jour() -> None:
    for code in TYPES:
        chemin = chemin_reference(code, RACINE / "docs")
        assert chemin.read_text(encoding="utf-8") == reference(code), (
            f"{chemin} est périmé : lancer « python -m courriers.reference »"
        )


def _modeles(classe: type[BaseModel], vus: set[type[BaseModel]]) -> set[type[BaseModel]]:
    vus = vus | {classe}
    for champ in classe.model_fields.values():
        for sous in _sous_modeles(champ.annotation):
            if sous not in vus:
                vus |= _modeles(sous, vus)
    return vus


def _sous_modeles(annotation: object) -> list[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in _sous_modeles(a)]


def test_chaque_champ_a_une_description_et_refuse_l_inconnu() -> None:
    for type_document in TYPES.values():
        for modele in _modeles(type_document.classe, set()):
            assert modele.model_config.get("extra") == "forbid", modele.__name__
            for nom, champ in modele.model_fields.items():
                assert champ.description, f"{modele.__name__}.{nom} sans description"
