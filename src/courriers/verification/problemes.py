"""The problems of a template: what is reported, and their collection for one
part in document order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from courriers.verification.lieux import _Paragraphe

Genre = Literal[
    "syntaxe",
    "variable_inconnue",
    "filtre_inconnu",
    "balise_coupee",
    "texte_perdu",
    "tr_avec_espace",
    "bloc_non_ferme",
    "bloc_croise",
    "tr_hors_tableau",
    "calcul_refuse",
    "reference_externe",
    "modification_suivie",
    "balise_a_cheval",
    "lien_fige",
    "mise_en_forme_dans_balise",
    "style_introuvable",
    "xml_invalide",
    "grille_incoherente",
    "image_sans_alternative",
    "tableau_sans_entete",
    "titre_saute",
    "paragraphe_vide",
    "contraste_insuffisant",
    "titre_vide",
    "liste_tapee",
]
Gravite = Literal["erreur", "avertissement"]

#: Kinds of problems that do not stop a template from being used.
AVERTISSEMENTS: frozenset[str] = frozenset({"mise_en_forme_dans_balise"})


@dataclass(frozen=True)
class Probleme:
    """A problem of a template, where it is and what to do."""

    #: Kind of problem: ``syntaxe``, ``variable_inconnue``, ``filtre_inconnu``,
    #: ``balise_coupee``, ``texte_perdu``, ``tr_avec_espace``,
    #: ``bloc_non_ferme``, ``bloc_croise``, ``tr_hors_tableau``,
    #: ``calcul_refuse`` (a computation too large for the sandbox),
    #: ``reference_externe`` (a linked file or address, a DOCTYPE),
    #: ``modification_suivie``, ``balise_a_cheval``, ``lien_fige``,
    #: ``style_introuvable`` or ``xml_invalide`` (errors);
    #: ``mise_en_forme_dans_balise``, ``grille_incoherente`` and the
    #: accessibility checks (``verification.accessibilite``), warnings.
    genre: Genre
    #: Part of the document: ``corps``, ``en-tête 1``, ``pied de page 1``…
    partie: str
    #: Paragraph in the part: ``¶12``, ``tableau 2, ligne 3, cellule 1, ¶1``.
    lieu: str
    #: Text of that paragraph (of the row or cell for a lost text).
    texte: str
    #: What is wrong and what to do, in French.
    message: str
    #: ``erreur``: the engine refuses the template; ``avertissement``: it
    #: renders, but the document may be wrong for some readers (an error
    #: with ``--strict``).
    gravite: Gravite = "erreur"

    @property
    def bloquant(self) -> bool:
        """Whether the template is refused for this problem."""
        return self.gravite == "erreur"


def gravite(genre: str) -> Gravite:
    """The severity of a kind of problem reported through :class:`_Signalements`."""
    return "avertissement" if genre in AVERTISSEMENTS else "erreur"


class _Signalements:
    """The problems found in one part, kept in document order."""

    def __init__(self, partie: str, paragraphes: list[_Paragraphe]) -> None:
        self.partie = partie
        self.paragraphes = paragraphes
        self.trouves: list[tuple[tuple[int, int, int], Probleme]] = []

    def problemes(self) -> list[Probleme]:
        """The problems, in document order."""
        return [probleme for _cle, probleme in sorted(self.trouves, key=lambda t: t[0])]

    def signaler(
        self, genre: Genre, paragraphe: _Paragraphe, position: int, message: str, texte: str = ""
    ) -> None:
        """Record a problem at ``position`` of ``paragraphe`` (the same one once)."""
        probleme = Probleme(
            genre, self.partie, paragraphe.lieu, texte or paragraphe.texte, message, gravite(genre)
        )
        if all(p != probleme for _cle, p in self.trouves):  # once per paragraph
            self.trouves.append(((paragraphe.rang, position, len(self.trouves)), probleme))
