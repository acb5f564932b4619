"""Cutting a part's paragraphs into tags, reporting the tags cut by the
formatting, left open, or with a delimiter typed with a space."""

from __future__ import annotations

import re
from dataclasses import dataclass

from courriers.verification.balises import (
    _EVENEMENT,
    _FERMETURES,
    _Balise,
    _balise_lue,
    _fin_de_balise,
)
from courriers.verification.lieux import _Paragraphe
from courriers.verification.problemes import _Signalements
from courriers.verification.textes import _abrege, _et


@dataclass(frozen=True, eq=False)
class _Coupure:
    """A tag opened in a paragraph and not closed there."""

    paragraphe: _Paragraphe
    position: int
    fermeture: str


class _Decoupage:
    """Paragraphs cut into tags; the tags cut by the formatting or typed
    with a space are reported."""

    def __init__(self, signalements: _Signalements) -> None:
        self.signalements = signalements
        self._signaler = signalements.signaler

    def balises(self) -> list[_Balise]:
        """The tags of the part, in document order."""
        balises: list[_Balise] = []
        coupure: _Coupure | None = None
        for paragraphe in self.signalements.paragraphes:
            debut = 0
            if coupure is not None:
                debut, coupure = self._reprendre(coupure, paragraphe)
            coupure = self._lire(paragraphe, debut, balises) or coupure
        if coupure is not None:
            self._coupee(coupure, None)
        return balises

    def _lire(self, paragraphe: _Paragraphe, debut: int, balises: list[_Balise]) -> _Coupure | None:
        """Append the tags of ``paragraphe`` from ``debut``; a tag left open
        at its end is returned."""
        texte, position = paragraphe.texte, debut
        while evenement := _EVENEMENT.search(texte, position):
            position = evenement.end()
            if evenement["fermeture"]:
                self._fermeture_seule(paragraphe, evenement)
                continue
            sorte = evenement["sorte"] or evenement["sorte_espacee"]
            fin = _fin_de_balise(texte, sorte, evenement.end())
            if fin is None and not evenement["espace"]:
                return _Coupure(paragraphe, evenement.start(), _FERMETURES[sorte])
            if fin is None or evenement["espace"] or fin[0] != _FERMETURES[sorte]:
                self._espacee(paragraphe, evenement, fin)
            if fin is not None:
                balises.append(_balise_lue(paragraphe, evenement, fin))
                position = fin.end()
        return None

    def _reprendre(self, coupure: _Coupure, paragraphe: _Paragraphe) -> tuple[int, _Coupure | None]:
        """Where a tag left open in an earlier paragraph closes: (where to
        read ``paragraphe`` from, the cut still open)."""
        texte = paragraphe.texte
        fin = texte.find(coupure.fermeture)
        ouverture = next((m for m in _EVENEMENT.finditer(texte) if not m["fermeture"]), None)
        if fin >= 0 and (ouverture is None or fin < ouverture.start()):
            self._coupee(coupure, paragraphe)
            return fin + len(coupure.fermeture), None
        if ouverture is not None:
            self._coupee(coupure, None)
            return 0, None
        return len(texte), coupure

    def _coupee(self, coupure: _Coupure, suite: _Paragraphe | None) -> None:
        """A tag opened and not closed in its paragraph (closed in ``suite``, if any)."""
        debut = _abrege(coupure.paragraphe.texte[coupure.position :])
        if suite is None:
            message = (
                f"balise « {debut} » jamais fermée : ajoutez « {coupure.fermeture} » à la "
                "fin de la balise, dans le même paragraphe"
            )
        else:
            fin = suite.texte[: suite.texte.find(coupure.fermeture) + 2]
            message = (
                f"balise coupée : « {debut} » s'ouvre ici et se ferme au {suite.lieu} "
                f"(« {_abrege(fin)} ») ; une balise doit tenir dans un seul paragraphe : "
                "retapez-la d'un seul tenant"
            )
        self._signaler("balise_coupee", coupure.paragraphe, coupure.position, message)

    def _fermeture_seule(self, paragraphe: _Paragraphe, evenement: re.Match[str]) -> None:
        """A closing delimiter without its opening in the paragraph."""
        fermeture = evenement["fermeture"]
        ouverture = {"}}": "{{", "%}": "{%", "#}": "{#"}[fermeture]
        self._signaler(
            "balise_coupee",
            paragraphe,
            evenement.start(),
            f"« {fermeture} » sans « {ouverture} » dans le même paragraphe : balise coupée "
            f"ou incomplète ; écrivez la balise entière, de « {ouverture} » à "
            f"« {fermeture} », dans un seul paragraphe",
        )

    def _espacee(
        self, paragraphe: _Paragraphe, ouverture: re.Match[str], fin: re.Match[str] | None
    ) -> None:
        """A delimiter typed with a space: ``{ {``, ``{ %``, ``} }``, ``% }``."""
        sorte = ouverture["sorte"] or ouverture["sorte_espacee"]
        espaces = [ouverture[0]] if ouverture["espace"] else []
        espaces += [fin[0]] if fin is not None and fin[0] != _FERMETURES[sorte] else []
        justes = ["{" + sorte] if ouverture["espace"] else []
        justes += [_FERMETURES[sorte]] if len(espaces) > len(justes) else []
        balise = paragraphe.texte[ouverture.start() : fin.end() if fin else ouverture.end()]
        self._signaler(
            "balise_coupee",
            paragraphe,
            ouverture.start(),
            f"{_et(espaces)} écrit{'s' if len(espaces) > 1 else ''} avec une espace dans "
            f"« {_abrege(balise)} » : Jinja n'y "
            f"reconnaît pas une balise et l'imprimerait telle quelle ; écrivez {_et(justes)} "
            "sans espace",
        )
