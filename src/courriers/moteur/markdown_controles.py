"""No text of a Markdown field lost in silence: what the renderer would
drop is refused with its line instead (quotes and lists nested deeper than
:data:`PROFONDEUR_MAX`, table rows with more cells than their header)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from courriers.messages import erreur

#: Levels of quotes and lists a Markdown text may nest (a deeper text is an
#: error, never a silent loss; the styles of the last level are reused).
PROFONDEUR_MAX = 20

_CONTENEURS = frozenset({"blockquote_open", "list_item_open"})


def _extrait(lignes: Sequence[str], numero: int) -> str:
    ligne = lignes[numero].strip() if 0 <= numero < len(lignes) else ""
    return ligne if len(ligne) <= 60 else ligne[:57] + "…"


def verifier_profondeur(jetons: Sequence[Token], texte: str) -> None:
    """Refuse a text whose quotes and lists nest deeper than
    :data:`PROFONDEUR_MAX` (with the line where it happens)."""
    profondeur = 0
    for jeton in jetons:
        if jeton.type in _CONTENEURS:
            profondeur += 1
            if profondeur > PROFONDEUR_MAX:
                numero = jeton.map[0] if jeton.map else 0
                raise erreur(
                    "donnees.markdown_trop_imbrique",
                    ligne=numero + 1,
                    extrait=_extrait(texte.splitlines(), numero),
                    maximum=PROFONDEUR_MAX,
                )
        elif jeton.type in ("blockquote_close", "list_item_close"):
            profondeur -= 1


def verifier_ligne_de_tableau(lignes: Sequence[str], numero: int, colonnes: int) -> None:
    """A table row (line ``numero`` of the text) with more cells than the
    header's ``colonnes`` would lose them: an error.

    >>> verifier_ligne_de_tableau(["| a | b \\\\| c |"], 0, 2)
    >>> verifier_ligne_de_tableau(["| a | b | c |"], 0, 2)
    Traceback (most recent call last):
    courriers.erreurs.ErreurDonnees: texte Markdown, ligne 1 (« | a | b | c | ») : 3 cellules pour 2 colonnes d'en-tête ; ajoutez des colonnes à l'en-tête ou écrivez « \\| » pour un « | » dans une cellule
    """
    if numero >= len(lignes):
        return
    ligne = lignes[numero].strip().replace("\\|", "")
    cellules = ligne.removeprefix("|").removesuffix("|").split("|")
    if len(cellules) > colonnes:
        raise erreur(
            "donnees.markdown_tableau_irregulier",
            ligne=numero + 1,
            extrait=_extrait(lignes, numero),
            cellules=len(cellules),
            colonnes=colonnes,
        )
