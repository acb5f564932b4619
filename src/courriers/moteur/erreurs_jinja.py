"""French messages for Jinja errors, with the template text around them."""

from __future__ import annotations

import ast
import re
import unicodedata
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

from courriers.erreurs import ErreurCourriers
from courriers.messages import erreur
from courriers.moteur.bac_a_sable import LimiteDepassee

_INCONNUE = re.compile(r"^'(?P<nom>[^']+)' is undefined$")
_ATTRIBUT_INCONNU = re.compile(
    r"^'(?:[\w.]+\.)?(?P<objet>\w+) object' has no attribute '(?P<nom>[^']+)'$"
)
_ACCES_INTERDIT = re.compile(
    r"^access to attribute '(?P<nom>[^']+)' of '(?P<objet>\w+)' object is unsafe\.$"
)
# Unknown when compiling, or when rendering (in a branch of an ``if``): "… found."
_FILTRE_INCONNU = re.compile(r"^No filter named '(?P<nom>[^']+)'(?: found)?\.?$")

_BALISES_XML = re.compile(r"<[^>]+>")

_INATTENDU = re.compile(r"^unexpected char (?P<repr>'.+?'|\".+?\") at \d+$")
_GUILLEMETS = (
    "la correction automatique de Word remplace les guillemets droits ; écrivez \" ou ' "
    "(Fichier > Options > Vérification > Options de correction automatique > Lors de la "
    'frappe : décochez « Guillemets "" par des guillemets typographiques » ; ou Ctrl+Z '
    "juste après la frappe)"
)
#: Characters Word's autocorrect (or a copy from elsewhere) puts in a tag:
#: what it is and what to do.
CARACTERES_TROMPEURS: dict[str, tuple[str, str]] = {
    "«": ("guillemet français ouvrant", _GUILLEMETS),
    "»": ("guillemet français fermant", _GUILLEMETS),
    "“": ("guillemet anglais ouvrant", _GUILLEMETS),
    "”": ("guillemet anglais fermant", _GUILLEMETS),
    "–": (
        "tiret demi-cadratin",
        "Word remplace « -- » ou « - » entre deux espaces par un tiret ; écrivez le signe "
        "moins « - » (Ctrl+Z juste après la frappe annule le remplacement)",
    ),
    "—": ("tiret cadratin", "écrivez le signe moins « - »"),
    "\u00ad": (
        "trait d'union conditionnel, invisible",
        "Word l'insère en coupant les mots (ou il vient d'un copier-coller) ; retapez la "
        "balise, ou affichez les marques (Ctrl+Maj+8) et supprimez-le",
    ),
    "\u2011": (
        "trait d'union insécable",
        "Ctrl+Maj+- l'insère ; dans un nom de variable écrivez « _ », ailleurs « - »",
    ),
    "\u00a0": ("espace insécable", "remplacez-la par une espace ordinaire"),
    "\u202f": ("espace fine insécable", "remplacez-la par une espace ordinaire"),
}


def expliquer_caractere(message: str) -> str | None:
    """A Jinja « unexpected char » message in French: the character, its
    code point, the usual cause and the fix; None for other messages.

    >>> print(expliquer_caractere("unexpected char '\\\\xad' at 6"))
    caractère inattendu U+00AD (trait d'union conditionnel, invisible) dans la balise : Word l'insère en coupant les mots (ou il vient d'un copier-coller) ; retapez la balise, ou affichez les marques (Ctrl+Maj+8) et supprimez-le
    """
    trouve = _INATTENDU.match(message)
    if trouve is None:
        return None
    try:
        caractere = str(ast.literal_eval(trouve["repr"]))
    except (ValueError, SyntaxError):
        return None
    code = f"U+{ord(caractere[:1] or ' '):04X}"
    if caractere in CARACTERES_TROMPEURS:
        nom, remede = CARACTERES_TROMPEURS[caractere]
        return f"caractère inattendu {code} ({nom}) dans la balise : {remede}"
    nom = unicodedata.name(caractere[:1], "sans nom").lower()
    visible = f"« {caractere} » " if caractere.isprintable() else ""
    return (
        f"caractère inattendu {visible}{code} ({nom}) dans la balise : Jinja n'accepte "
        "dans une balise que les lettres, chiffres, espaces et signes d'une expression ; "
        "retapez la balise"
    )


def texte_autour(source: str, ligne: int | None) -> str:
    """The text (XML tags removed) of the paragraphs around a line of a
    part's Jinja source (one paragraph a line)."""
    if ligne is None:
        return ""
    lignes = source.splitlines()[max(ligne - 2, 0) : ligne + 1]
    return " ".join(t for t in (_BALISES_XML.sub("", x).strip() for x in lignes) if t)


def ligne_du_gabarit(exc: BaseException, gabarit: Any = None) -> int | None:
    """The template line an exception was raised at: from the traceback
    Jinja rewrote (an ``Exception``), or through the compiled template's
    line table (``gabarit``, for an exception Jinja does not rewrite)."""
    ligne = getattr(exc, "lineno", None)
    suivi = exc.__traceback__
    while suivi is not None:
        if suivi.tb_frame.f_code.co_filename == "<template>":
            ligne = suivi.tb_lineno
            if gabarit is not None:
                ligne = gabarit.get_corresponding_lineno(ligne)
        suivi = suivi.tb_next
    return ligne


def texte_pres_de(exc: BaseException, source: str, gabarit: Any = None) -> str:
    """`` (près de : « … »)``: the template text where ``exc`` happened."""
    autour = texte_autour(source, ligne_du_gabarit(exc, gabarit)) if source else ""
    return f" (près de : « {autour[:200]} »)" if autour else ""


def erreur_de_rendu(
    modele: str, partie: str, exc: Exception, source: str
) -> ErreurCourriers | None:
    """The error of the catalogue for an exception raised while rendering a
    part of ``modele``; None for an exception that is not the template's."""
    ou = {"modele": modele, "partie": partie, "pres_de": texte_pres_de(exc, source)}
    if isinstance(exc, LimiteDepassee):
        return erreur("modele.limite_depassee", detail=exc, **ou)
    if isinstance(exc, MemoryError):
        return erreur("modele.limite_depassee", detail="mémoire insuffisante pour ce rendu", **ou)
    if isinstance(exc, RecursionError):
        return erreur("modele.recursion", **ou)
    if isinstance(exc, TemplateError):
        return erreur_jinja(modele, exc, source)
    if isinstance(exc, (ArithmeticError, LookupError, TypeError, ValueError)):
        # A computation of the template failed (1 // 0, [][3], 'a' + 1…).
        return erreur("modele.calcul_echoue", exception=type(exc).__name__, detail=exc, **ou)
    return None


def erreur_jinja(modele: str, exc: TemplateError, source: str = "") -> ErreurCourriers:
    """The error of the catalogue for a Jinja error in ``modele``."""
    brut = exc.message or str(exc)
    pres_de = texte_pres_de(exc, source)
    if trouve := _ACCES_INTERDIT.match(brut):
        return erreur("modele.acces_interdit", modele=modele, pres_de=pres_de, **trouve.groupdict())
    if trouve := _FILTRE_INCONNU.match(brut):
        return erreur("modele.filtre_inconnu", modele=modele, nom=trouve["nom"], pres_de=pres_de)
    if isinstance(exc, TemplateSyntaxError):
        detail = expliquer_caractere(brut) or brut
        return erreur("modele.syntaxe", modele=modele, detail=detail, pres_de=pres_de)
    if trouve := _INCONNUE.match(brut):
        brut = f"la variable « {trouve['nom']} » n'existe pas"
    elif trouve := _ATTRIBUT_INCONNU.match(brut):
        brut = f"« {trouve['nom']} » n'existe pas dans {trouve['objet']}"
    code = "modele.variable_inconnue" if isinstance(exc, UndefinedError) else "modele.erreur_jinja"
    return erreur(code, modele=modele, detail=brut, pres_de=pres_de)


def message_jinja(modele: str, exc: TemplateError, source: str = "") -> str:
    """The French message of :func:`erreur_jinja`."""
    return erreur_jinja(modele, exc, source).message
