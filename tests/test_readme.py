"""The README's two commands stay the ones CI runs."""

from __future__ import annotations

import re

from conftest import RACINE


def commandes_du_readme() -> list[str]:
    readme = (RACINE / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)[:2]


def test_la_premiere_commande_produit_l_exemple() -> None:
    premiere = commandes_du_readme()[0]
    assert "pip install ." in premiere
    assert "python -m courriers cr exemples/comite-local-usagers-allier-2022.json" in premiere
    assert (RACINE / "exemples" / "comite-local-usagers-allier-2022.json").is_file()


def test_la_seconde_commande_est_celle_de_la_ci() -> None:
    seconde = commandes_du_readme()[1]
    ci = (RACINE / ".ci" / "run").read_text(encoding="utf-8")
    for etape in seconde.split(" && "):
        etape = etape.replace(". .venv/bin/activate", "source").strip()
        if etape == "source":
            assert ". .venv/bin/activate" in ci
        else:
            assert etape in ci, etape
