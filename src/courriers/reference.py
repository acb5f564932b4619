"""The reference of the data and template variables, generated from the
models: ``docs/variables-<type>.md``.

Every field of every model is listed with its path as a template author
writes it (``reunion.president.nom``), its type and its description. A test
regenerates the files and fails when the committed ones are stale; run
``python -m courriers.reference`` to rewrite them.
"""

from __future__ import annotations

import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from courriers.registre import TYPES

_NOMS_DE_TYPES = {
    str: "texte",
    bool: "booléen",
    int: "entier",
    Path: "chemin",
}


def _nom_type(annotation: Any) -> str:
    origine = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origine in (typing.Union, types.UnionType):
        noms = [_nom_type(a) for a in arguments if a is not type(None)]
        facultatif = " (facultatif)" if type(None) in arguments else ""
        return " ou ".join(noms) + facultatif
    if origine is list:
        return f"liste de {_nom_type(arguments[0])}"
    if origine is typing.Literal:
        return " ou ".join(f"« {a} »" for a in arguments)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    if isinstance(annotation, type) and annotation.__name__ in {"date", "time"}:
        return {"date": "date (AAAA-MM-JJ)", "time": "heure (HH:MM)"}[annotation.__name__]
    return _NOMS_DE_TYPES.get(annotation, str(annotation))


def _modeles_imbriques(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in _modeles_imbriques(a)]


def _lignes(classe: type[BaseModel], prefixe: str, vus: set[type[BaseModel]]) -> list[str]:
    lignes: list[str] = []
    for nom, champ in classe.model_fields.items():
        liste = typing.get_origin(champ.annotation) is list or any(
            typing.get_origin(a) is list for a in typing.get_args(champ.annotation)
        )
        chemin = f"{prefixe}{nom}"
        description = (champ.description or "").replace("|", "\\|")
        obligatoire = "oui" if champ.is_required() else "non"
        lignes.append(
            f"| `{chemin}` | {_nom_type(champ.annotation)} | {obligatoire} | {description} |"
        )
        for imbrique in _modeles_imbriques(champ.annotation):
            if imbrique in vus:
                continue
            sous_prefixe = f"{chemin}[i]." if liste else f"{chemin}."
            lignes.extend(_lignes(imbrique, sous_prefixe, vus | {imbrique}))
    return lignes


def reference(code: str) -> str:
    """The Markdown reference of a document type's variables."""
    type_document = TYPES[code]
    entete = [
        f"# Variables du modèle « {type_document.modele} » ({type_document.libelle})",
        "",
        "Fichier généré par `python -m courriers.reference` à partir des modèles de "
        "données : ne pas le modifier à la main.",
        "",
        f"Ce sont les champs du fichier de données (`python -m courriers {code} …`) "
        "et, avec les mêmes noms, les variables du modèle DOCX. `[i]` marque un "
        "élément de liste (`{% for p in reunion.presents %}`).",
        "",
        "| variable | type | obligatoire | description |",
        "| --- | --- | --- | --- |",
    ]
    lignes = entete + _lignes(type_document.classe, "", set())
    if type_document.variables_calculees:
        lignes += [
            "",
            "## Variables calculées pour chaque document",
            "",
            "| variable | type | obligatoire | description |",
            "| --- | --- | --- | --- |",
        ]
        for nom, annotation, description in type_document.variables_calculees:
            lignes.append(f"| `{nom}` | {_nom_type(annotation)} | oui | {description} |")
            for imbrique in _modeles_imbriques(annotation):
                lignes.extend(_lignes(imbrique, f"{nom}.", {imbrique}))
    return "\n".join(lignes) + "\n"


def chemin_reference(code: str, docs: Path) -> Path:
    """Where the reference of ``code`` is written."""
    return docs / f"variables-{code}.md"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the references in the ``docs`` folder given (default ``docs``)."""
    arguments = sys.argv[1:] if argv is None else argv
    docs = Path(arguments[0] if arguments else "docs")
    for code in TYPES:
        chemin = chemin_reference(code, docs)
        chemin.write_text(reference(code), encoding="utf-8")
        print(f"écrit : {chemin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
