"""docxtpl's prefixed tags where they cannot work: ``{%tr %}`` outside a
table, text beside a tag that replaces its paragraph, row or cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from courriers.verification.balises import _REMPLACES, _Balise
from courriers.verification.problemes import _Signalements
from courriers.verification.textes import _abrege


class _Placements:
    """docxtpl's tags where they cannot work: ``{%tr %}`` outside a table,
    text beside a tag that replaces its paragraph, row or cell."""

    def __init__(self, signalements: _Signalements) -> None:
        self.signalements = signalements
        self._signaler = signalements.signaler

    def verifier(self, balises: Sequence[_Balise]) -> None:
        """``{%tr %}`` outside a table; text beside a tag that replaces its
        paragraph, row or cell."""
        vus: set[Any] = set()
        for balise in balises:
            paragraphe = balise.paragraphe
            if balise.prefixe in ("tr", "tc") and paragraphe.cellule is None:
                self._hors_tableau(balise)
                continue
            remplace = {"p": paragraphe.element, "tr": paragraphe.ligne, "tc": paragraphe.cellule}
            element = remplace.get(balise.prefixe)
            if element is not None and element not in vus:
                vus.add(element)
                self._texte_perdu(balise)

    def _hors_tableau(self, balise: _Balise) -> None:
        """A ``{%tr %}`` or ``{%tc %}`` tag outside a table."""
        self._signaler(
            "tr_hors_tableau",
            balise.paragraphe,
            balise.position,
            f"« {balise.texte} » n'est pas dans un tableau : une balise « {{%{balise.prefixe} "
            "… %} » remplace la ligne (ou la cellule) de tableau qui la contient ; hors "
            "d'un tableau, écrivez « {%p … %} » seule dans son paragraphe",
        )

    def _texte_perdu(self, balise: _Balise) -> None:
        """Text in the paragraph (``p``), row (``tr``) or cell (``tc``) that
        docxtpl replaces by the tag."""
        paragraphe = balise.paragraphe
        if balise.prefixe == "p":
            textes = [paragraphe.texte]
        else:
            attribut = "ligne" if balise.prefixe == "tr" else "cellule"
            element = getattr(paragraphe, attribut)
            textes = [
                p.texte for p in self.signalements.paragraphes if getattr(p, attribut) is element
            ]
        textes = [t for t in textes if t.strip()]
        reste = " ".join(" ".join(textes).replace(balise.texte, " ", 1).split())
        if not reste:
            return
        tout, seule, ailleurs = _REMPLACES[balise.prefixe]
        self._signaler(
            "texte_perdu",
            paragraphe,
            balise.position,
            f"« {_abrege(reste)} » disparaîtrait : docxtpl remplace {tout} par "
            f"« {balise.texte} » ; mettez cette balise seule dans {seule}, et ce texte "
            f"dans {ailleurs}",
            " | ".join(textes),
        )
