"""French messages for Jinja errors, with the template text around them."""

from __future__ import annotations

import re

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

_TRADUCTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^'(?P<nom>[^']+)' is undefined$"), "la variable « {nom} » n'existe pas"),
    (
        re.compile(r"^'(?:[\w.]+\.)?(?P<objet>\w+) object' has no attribute '(?P<nom>[^']+)'$"),
        "« {nom} » n'existe pas dans {objet}",
    ),
    (
        re.compile(
            r"^access to attribute '(?P<nom>[^']+)' of '(?P<objet>\w+)' object is unsafe\.$"
        ),
        "accès interdit à « {nom} » de {objet} : les modèles ne peuvent pas atteindre "
        "les mécanismes internes de Python",
    ),
    (re.compile(r"^No filter named '(?P<nom>[^']+)'\.?$"), "filtre inconnu « {nom} »"),
)

_BALISES_XML = re.compile(r"<[^>]+>")


def texte_autour(source: str, ligne: int | None) -> str:
    """The text (XML tags removed) of the paragraphs around a line of a
    part's Jinja source (one paragraph a line)."""
    if ligne is None:
        return ""
    lignes = source.splitlines()[max(ligne - 2, 0) : ligne + 1]
    return " ".join(t for t in (_BALISES_XML.sub("", x).strip() for x in lignes) if t)


def message_jinja(modele: str, exc: TemplateError, source: str = "") -> str:
    """A French message for a Jinja error in ``modele``."""
    brut = exc.message or str(exc)
    for motif, francais in _TRADUCTIONS:
        correspondance = motif.match(brut)
        if correspondance:
            brut = francais.format(**correspondance.groupdict())
            break
    autour = texte_autour(source, getattr(exc, "lineno", None)) if source else ""
    pres = f" (près de : « {autour[:200]} »)" if autour else ""
    if isinstance(exc, UndefinedError) and not brut.startswith("accès interdit"):
        return f"le modèle « {modele} » utilise une variable inconnue : {brut}{pres}"
    if isinstance(exc, TemplateSyntaxError):
        return f"erreur de syntaxe dans le modèle « {modele} » : {brut}{pres}"
    return f"erreur dans le modèle « {modele} » : {brut}{pres}"
