"""The document types, and loading, rendering and writing a document.

Each type ties a data model to its built-in template and to the document
properties derived from its data. This is the Python API the CLI uses and
that scripts import (re-exported by ``courriers``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from courriers import lettres, seance
from courriers.chargement import lire, valider
from courriers.convocations import Exemplaire, exemplaires
from courriers.donnees.base import Modele
from courriers.donnees.compte_rendu import CompteRendu
from courriers.donnees.convocation import Convocation
from courriers.donnees.courrier import AccuseReception, CourrierService, Lettre, Reponse
from courriers.donnees.membre import Membre
from courriers.donnees.presences import CollegeEmargement, CouponReponse, FeuilleEmargement
from courriers.ecriture import ecrire_atomiquement
from courriers.erreurs import ErreurDonnees
from courriers.messages import erreur
from courriers.modeles import modele_integre, trouver_modele
from courriers.moteur import filtres
from courriers.moteur.prepare import ModelePrepare, Proprietes, preparer
from courriers.verification import rapport, verifier_modele

D = TypeVar("D", bound=Modele)


@dataclass(frozen=True)
class TypeDocument:
    """A kind of document: its data model, template and properties."""

    code: str
    libelle: str
    classe: type[Modele]
    modele: str
    proprietes: Callable[[Any], Proprietes]
    #: Variables computed for each document, beyond the data fields:
    #: (name, type, description), for the reference of template variables.
    variables_calculees: tuple[tuple[str, Any, str], ...] = ()
    #: Types of one family read the same data file, each setting aside the
    #: fields of the others (the meeting file: minutes and invitations).
    famille: str = ""
    #: The bundled example (a file of ``exemples/``).
    exemple: str = ""
    #: The template variables of a document, when not its fields alone.
    contexte: Callable[[Any], dict[str, Any]] | None = None
    #: For a batch type (one document per invitee): its documents.
    lot: Callable[[Any], list[Exemplaire]] | None = None


def _proprietes_compte_rendu(cr: CompteRendu) -> Proprietes:
    objet = cr.objet or filtres.objet_par_defaut(cr.reunion)
    return Proprietes(
        titre=f"Compte rendu – {objet.rstrip('.')}",
        auteur=filtres.auteur(cr.emetteur),
        sujet=objet,
    )


def _proprietes_convocation(convocation: Convocation) -> Proprietes:
    objet = convocation.convocation.objet or filtres.objet_convocation(convocation.reunion)
    return Proprietes(
        titre=objet.rstrip("."),
        auteur=filtres.auteur(convocation.emetteur),
        sujet=objet,
    )


def _proprietes_coupon(coupon: CouponReponse) -> Proprietes:
    objet = filtres.objet_convocation(coupon.reunion)
    return Proprietes(
        titre=f"Coupons-réponses – {objet.rstrip('.')}",
        auteur=filtres.auteur(coupon.emetteur),
        sujet=objet,
    )


def _proprietes_emargement(feuille: FeuilleEmargement) -> Proprietes:
    objet = filtres.objet_par_defaut(feuille.reunion)
    return Proprietes(
        titre=f"Feuille d'émargement – {objet.rstrip('.')}",
        auteur=filtres.auteur(feuille.emetteur),
        sujet=objet,
    )


def _proprietes_lettre(lettre: Lettre) -> Proprietes:
    return lettres.proprietes(lettre)


TYPES: dict[str, TypeDocument] = {
    "cr": TypeDocument(
        code="cr",
        libelle="compte rendu de réunion",
        classe=CompteRendu,
        modele="compte-rendu.docx",
        proprietes=_proprietes_compte_rendu,
        variables_calculees=(
            (
                "representations",
                list[str],
                "Avec des présences enregistrées : les membres représentés, « Mme X, ayant "
                "donné pouvoir à M. Y », « M. Z, représenté par Mme W, sa suppléante ».",
            ),
            (
                "quorum",
                str,
                "Avec des présences enregistrées : la phrase du quorum (atteint ou non, "
                "règle de reunion.regle_quorum) ; vide sinon.",
            ),
        ),
        famille="reunion",
        exemple="comite-local-usagers-allier-2022.json",
        contexte=seance.contexte_compte_rendu,
    ),
    "convocation": TypeDocument(
        code="convocation",
        libelle="convocation",
        classe=Convocation,
        modele="convocation.docx",
        proprietes=_proprietes_convocation,
        variables_calculees=(
            ("convoque", Membre, "La personne convoquée par ce document."),
            ("formules.appel", str, "Formule d'appel (« Madame la Maire, »), docs/formules.md."),
            (
                "formules.politesse",
                str,
                "Formule de politesse, qui reprend la formule d'appel "
                "(« Je vous prie d'agréer, Madame la Maire, l'expression de ma haute "
                "considération. »).",
            ),
            ("formules.niveau", str, "Niveau de considération retenu."),
            (
                "date_limite_reponse",
                dt.date | None,
                "Date limite de réponse : convocation.reponse.date, ou N jours ouvrés avant "
                "la réunion (jours fériés du département de l'émetteur).",
            ),
            ("numero", int, "Rang du convoqué dans reunion.convoques, à partir de 1."),
        ),
        famille="reunion",
        exemple="comite-local-usagers-allier-2022.json",
        lot=exemplaires,
    ),
    "coupon-reponse": TypeDocument(
        code="coupon-reponse",
        libelle="coupon-réponse à une convocation",
        classe=CouponReponse,
        modele="coupon-reponse.docx",
        proprietes=_proprietes_coupon,
        variables_calculees=(
            ("convoque", Membre, "La personne convoquée, qui répond."),
            ("nom_convoque", str, "Son nom : « Mme Claire DUMAS »."),
            ("formules.appel", str, "Formule d'appel (« Madame la Maire, »)."),
            ("formules.politesse", str, "Formule de politesse."),
            ("formules.niveau", str, "Niveau de considération retenu."),
            (
                "date_limite_reponse",
                dt.date | None,
                "Date limite de réponse, calculée comme pour la convocation.",
            ),
            ("numero", int, "Rang du convoqué dans reunion.convoques, à partir de 1."),
            (
                "suppleant",
                str,
                "Pour un titulaire : « ma suppléante, Mme Agnès LEMOINE » (le suppléant listé), ou "
                "« mon suppléant ».",
            ),
            ("titulaire", str, "Pour un suppléant : le titulaire qu'il supplée, ou vide."),
            (
                "regle_mandats",
                str,
                "La règle des mandats (décret n° 2006-672, art. 10), selon "
                "reunion.regle_quorum.mandats_par_membre.",
            ),
        ),
        famille="reunion",
        exemple="commission-suivi-site-cusset-2025.json",
        lot=seance.coupons,
    ),
    "emargement": TypeDocument(
        code="emargement",
        libelle="feuille d'émargement",
        classe=FeuilleEmargement,
        modele="emargement.docx",
        proprietes=_proprietes_emargement,
        variables_calculees=(
            (
                "colleges",
                list[CollegeEmargement],
                "Les convoqués par collège, chaque titulaire suivi de son suppléant, avec "
                "nom, organisme et mention (suppléance, pouvoir, à distance).",
            ),
            (
                "lignes_vierges",
                list[int],
                "1 à N : une ligne vierge chacun (emargement.lignes_vierges).",
            ),
        ),
        famille="reunion",
        exemple="commission-suivi-site-cusset-2025.json",
        contexte=seance.contexte_emargement,
    ),
    "reponse": TypeDocument(
        code="reponse",
        libelle="courrier de réponse",
        classe=Reponse,
        modele="reponse.docx",
        proprietes=_proprietes_lettre,
        variables_calculees=lettres.VARIABLES_REPONSE,
        exemple="reponse-maire.json",
    ),
    "accuse-reception": TypeDocument(
        code="accuse-reception",
        libelle="accusé de réception",
        classe=AccuseReception,
        modele="accuse-reception.docx",
        proprietes=_proprietes_lettre,
        variables_calculees=lettres.VARIABLES_ACCUSE,
        exemple="accuse-reception-titre-sejour.json",
    ),
    "service": TypeDocument(
        code="service",
        libelle="courrier de service à service",
        classe=CourrierService,
        modele="courrier-service.docx",
        proprietes=_proprietes_lettre,
        exemple="courrier-service-ddt.json",
    ),
}
"""The document types by their CLI code."""


def type_de(document: Modele) -> TypeDocument:
    """The type of a document object."""
    for type_document in TYPES.values():
        if isinstance(document, type_document.classe):
            return type_document
    raise TypeError(f"pas un document de courriers : {type(document).__name__}")


def charger(
    chemin: Path | str,
    classe: type[D],
    convoques: Path | None = None,
    reponses: Path | None = None,
    avertissements: list[str] | None = None,
) -> D:
    """Read and validate a JSON or YAML file as a ``classe`` document.

    Relative file paths in the data (the Marianne image, the spreadsheets)
    are taken from the data file's folder. The invitees may come from a
    spreadsheet (``convoques``, or ``reunion.tableur_convoques``) and their
    replies from another (``reponses``, or ``reunion.tableur_reponses``);
    columns of the spreadsheets that are ignored are added to
    ``avertissements`` (:func:`courriers.seance.avec_tableurs`).
    """
    chemin = Path(chemin)
    donnees = seance.avec_tableurs(lire(chemin), chemin.parent, convoques, reponses, avertissements)
    document = depuis_donnees(donnees, classe, str(chemin))
    return _chemins_depuis(document, chemin.parent)


def charger_en_continuant(
    chemin: Path | str,
    classe: type[D],
    convoques: Path | None = None,
    reponses: Path | None = None,
    avertissements: list[str] | None = None,
) -> tuple[D, list[str]]:
    """For ``--continuer``: like :func:`charger`, but invitees that do not
    validate are set aside and reported (position, name, problems) instead
    of failing the whole file."""
    chemin = Path(chemin)
    brutes = seance.avec_tableurs(lire(chemin), chemin.parent, convoques, reponses, avertissements)
    donnees, echecs = _convoques_valides(brutes)
    document = depuis_donnees(donnees, classe, str(chemin))
    return _chemins_depuis(document, chemin.parent), echecs


def _convoques_valides(donnees: Any) -> tuple[Any, list[str]]:
    reunion = donnees.get("reunion") if isinstance(donnees, dict) else None
    if not isinstance(reunion, dict) or not isinstance(reunion.get("convoques"), list):
        return donnees, []
    convoques = reunion["convoques"]
    gardes, echecs = [], []
    for rang, brut in enumerate(convoques):
        ou = f"reunion.convoques[{rang}]"
        try:
            valider(brut, Membre, ou)
        except ErreurDonnees as exc:
            nom = " ".join(str(brut.get(c) or "") for c in ("prenom", "nom")).strip()
            detail = " ; ".join(exc.message.split("\n  - ")[1:]).replace("(document) : ", "")
            echecs.append(f"{ou}{f' ({nom})' if nom else ''} : {detail}")
        else:
            gardes.append(brut)
    return {**donnees, "reunion": {**reunion, "convoques": gardes}}, echecs


def depuis_donnees(donnees: Any, classe: type[D], origine: str = "données") -> D:
    """Validate already-read data (a dict from JSON or YAML) as a ``classe``
    document; ``origine`` names the data in error messages."""
    return valider(_sans_les_champs_des_autres_types(donnees, classe), classe, origine)


def _sans_les_champs_des_autres_types(donnees: Any, classe: type[Modele]) -> Any:
    """One meeting file serves every document type: the top-level fields of
    the other types (``conclusion`` of the minutes, ``convocation`` of the
    invitations…) are set aside; any other unknown field is still refused."""
    famille = next((t.famille for t in TYPES.values() if t.classe is classe), "")
    if not isinstance(donnees, dict) or not famille:
        return donnees
    autres = {
        nom
        for type_document in TYPES.values()
        if type_document.famille == famille and type_document.classe is not classe
        for nom in type_document.classe.model_fields
    } - set(classe.model_fields)
    return {cle: valeur for cle, valeur in donnees.items() if cle not in autres}


def _chemins_depuis(document: D, dossier: Path) -> D:
    emetteur = getattr(document, "emetteur", None)
    image = getattr(emetteur, "image_marianne", None)
    if emetteur is None or image is None:
        return document
    absolue = image if image.is_absolute() else (dossier / image).resolve()
    if not absolue.is_file():
        raise erreur("donnees.image_marianne_introuvable", chemin=absolue)
    nouvel_emetteur = emetteur.model_copy(update={"image_marianne": absolue})
    return document.model_copy(update={"emetteur": nouvel_emetteur})


def contexte(document: Modele) -> dict[str, Any]:
    """The template variables: the document's top-level fields, and for a
    letter the variables computed from them (formulas, dates)."""
    type_document = type_de(document)
    if type_document.contexte is not None:
        return type_document.contexte(document)
    champs = document.champs()
    if isinstance(document, Lettre):
        champs.update(lettres.variables(document))
    return champs


def resoudre_modele(
    document: Modele, modele: Path | None = None, dossier_modeles: Path | None = None
) -> Path:
    """The template to render ``document`` with: ``modele`` when given, else
    its type's template from a custom folder or the built-in one. A template
    that is not built-in is checked first and refused with the checker's
    report when broken."""
    type_document = type_de(document)
    if modele is not None:
        if not modele.is_file():
            raise erreur("donnees.modele_introuvable", chemin=modele)
        chemin, personnalise = modele, True
    else:
        chemin, personnalise = trouver_modele(type_document.modele, dossier_modeles)
    if personnalise:
        problemes = verifier_modele(chemin, type_document.code)
        if problemes:
            raise erreur("modele.refuse", chemin=chemin, rapport=rapport(problemes))
    return chemin


def preparer_modele(
    document: Modele, modele: Path | None = None, dossier_modeles: Path | None = None
) -> ModelePrepare:
    """The template of ``document`` (see :func:`resoudre_modele`) prepared
    once, with the emitter's Marianne image."""
    emetteur = getattr(document, "emetteur", None)
    return preparer(
        resoudre_modele(document, modele, dossier_modeles),
        getattr(emetteur, "image_marianne", None),
    )


def chemin_modele(document: Modele) -> Path:
    """The built-in template of ``document``'s type."""
    return modele_integre(type_de(document).modele)


def rendre(
    document: Modele, modele: Path | None = None, dossier_modeles: Path | None = None
) -> bytes:
    """The DOCX of ``document`` as bytes, from its built-in template or
    from ``modele``. Invitations give one DOCX holding every invitation,
    separated by page breaks."""
    prepare = preparer_modele(document, modele, dossier_modeles)
    proprietes = type_de(document).proprietes(document)
    lot = type_de(document).lot
    if lot is not None:
        return prepare.fusionner((e.contexte for e in lot(document)), proprietes)
    return prepare.rendre(contexte(document), proprietes)


def ecrire(
    document: Modele,
    sortie: Path | str,
    modele: Path | None = None,
    dossier_modeles: Path | None = None,
) -> Path:
    """Render ``document`` and write it to ``sortie`` atomically: a
    complete new file replaces any earlier one, or nothing is written."""
    sortie = Path(sortie)
    ecrire_atomiquement(sortie, rendre(document, modele, dossier_modeles))
    return sortie
