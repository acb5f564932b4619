"""Loading, rendering and writing a document, as its type says.

Everything that depends on the kind of document (its model, template,
variables, properties, batch) is read from the registry
:data:`courriers.registre.TYPES`, re-exported here. This is the Python API
the CLI uses and that scripts import (re-exported by ``courriers``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from courriers import lettres, seance
from courriers.chargement import lire, valider
from courriers.controles import Avertissement, controler
from courriers.convocations import Exemplaire
from courriers.donnees.base import Modele
from courriers.donnees.courrier import Lettre
from courriers.donnees.destinataire import Destinataire
from courriers.donnees.emetteur import Signataire
from courriers.donnees.membre import Membre
from courriers.ecriture import ecrire_atomiquement
from courriers.erreurs import ErreurDonnees
from courriers.limites import verifier_image
from courriers.messages import erreur
from courriers.modeles import modele_integre, trouver_modele
from courriers.moteur.prepare import ImageSignature, ModelePrepare, preparer
from courriers.registre import TYPES, TypeDocument, type_de
from courriers.sorties import CORRESPONDANTS, DONNEES, IMAGE, LOGO, MODELE, verifier_sorties
from courriers.verification import rapport, verifier_modele

__all__ = [
    "TYPES",
    "TypeDocument",
    "charger",
    "charger_en_continuant",
    "chemin_modele",
    "contexte",
    "controles",
    "depuis_donnees",
    "ecrire",
    "entrees",
    "exemplaires",
    "image_marianne",
    "images_signature",
    "par_correspondant",
    "preparer_modele",
    "rendre",
    "resoudre_modele",
    "type_de",
]

D = TypeVar("D", bound=Modele)


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
    ecartes: list[str] = []
    brutes = seance.avec_tableurs(
        lire(chemin), chemin.parent, convoques, reponses, avertissements, ecartes
    )
    donnees, echecs = _convoques_valides(brutes)
    document = depuis_donnees(donnees, classe, str(chemin))
    return _chemins_depuis(document, chemin.parent), [*ecartes, *echecs]


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
    """The file paths of the data (Marianne image, signature images) made
    absolute from the data file's folder, and checked."""
    emetteur = getattr(document, "emetteur", None)
    for champ in ("image_marianne", "logo"):
        image = getattr(emetteur, champ, None)
        if emetteur is None or image is None:
            continue
        absolue = image if image.is_absolute() else (dossier / image).resolve()
        if not absolue.is_file():
            raise erreur("donnees.image_marianne_introuvable", champ=champ, chemin=absolue)
        verifier_image(absolue, f"emetteur.{champ}")
        emetteur = emetteur.model_copy(update={champ: absolue})
        document = document.model_copy(update={"emetteur": emetteur})
    mises_a_jour: dict[str, Any] = {}
    for champ, valeur in (
        ("signataire", getattr(document, "signataire", None)),
        ("cosignataires", getattr(document, "cosignataires", None)),
    ):
        if isinstance(valeur, list):
            mises_a_jour[champ] = [
                _image_depuis(s, dossier, f"{champ}[{rang}]") for rang, s in enumerate(valeur)
            ]
        elif isinstance(valeur, Signataire):
            mises_a_jour[champ] = _image_depuis(valeur, dossier, champ)
    return document.model_copy(update=mises_a_jour) if mises_a_jour else document


def _image_depuis(signataire: Signataire, dossier: Path, champ: str) -> Signataire:
    image = signataire.image
    if image is None:
        return signataire
    absolue = image if image.is_absolute() else (dossier / image).resolve()
    if not absolue.is_file():
        raise erreur("donnees.image_signature_introuvable", champ=champ, chemin=absolue)
    return signataire.model_copy(update={"image": absolue})


def images_signature(document: Modele) -> dict[int, ImageSignature]:
    """The scanned signatures of a letter's signatories, by rank (its
    signatory 0, then its co-signatories)."""
    signataires = [getattr(document, "signataire", None), *getattr(document, "cosignataires", [])]
    images = {}
    for rang, s in enumerate(signataires):
        if isinstance(s, Signataire) and s.image is not None:
            qui = " ".join(p for p in (s.prenom, s.nom) if p) or s.qualite
            images[rang] = ImageSignature(s.image, s.texte_alternatif or f"Signature de {qui}")
    return images


def contexte(document: Modele) -> dict[str, Any]:
    """The template variables: the document's top-level fields, and the
    variables its type computes from them (formulas, dates…)."""
    return type_de(document).contexte(document)


def exemplaires(document: Modele) -> list[Exemplaire] | None:
    """The documents of a batch type (one per invitee), ``None`` for a
    type that gives one document."""
    fabrique = type_de(document).exemplaires
    return None if fabrique is None else fabrique(document)


def par_correspondant(document: Modele, correspondants: Sequence[Destinataire]) -> list[Exemplaire]:
    """The same letter for each correspondent of a list (``--correspondants``),
    in the field its type names (``correspondant``, ``destinataire``)."""
    type_document = type_de(document)
    if type_document.par_correspondant is None:
        raise erreur("donnees.correspondants_non_prevus", type=type_document.libelle)
    if not isinstance(document, Lettre):  # the registry offers it to letters only
        raise erreur("donnees.correspondants_non_prevus", type=type_document.libelle)
    return lettres.par_correspondant(
        document,
        correspondants,
        type_document.code,
        type_document.par_correspondant,
        type_document.contexte,
        type_document.proprietes,
    )


def controles(document: Modele) -> list[Avertissement]:
    """The warnings of the checks of ``document``'s type (none for types
    without checks)."""
    choisis = type_de(document).controles
    return controler(document, choisis) if choisis else []  # type: ignore[arg-type]


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
        problemes = [p for p in verifier_modele(chemin, type_document.code) if p.bloquant]
        if problemes:
            raise erreur("modele.refuse", chemin=chemin, rapport=rapport(problemes))
    return chemin


def image_marianne(document: Modele) -> Path | None:
    """The emitter's official Marianne image, when the document has one."""
    emetteur = getattr(document, "emetteur", None)
    image = getattr(emetteur, "image_marianne", None)
    return image if isinstance(image, Path) else None


def preparer_modele(
    document: Modele, modele: Path | None = None, dossier_modeles: Path | None = None
) -> ModelePrepare:
    """The template of ``document`` (see :func:`resoudre_modele`) prepared
    once, with the emitter's Marianne image, or its own logo for an emitter
    outside the State, and the signatories' scanned signatures (each image
    checked: bytes, format, pixels)."""
    chemin = resoudre_modele(document, modele, dossier_modeles)
    signatures = images_signature(document)
    for rang, signature in signatures.items():
        champ = "signataire.image" if rang == 0 else f"cosignataires[{rang - 1}].image"
        verifier_image(signature.chemin, champ)
    emetteur = getattr(document, "emetteur", None)
    logo = getattr(emetteur, "logo", None)
    if isinstance(logo, Path):
        # An emitter outside the State: its own logo in the image slot.
        verifier_image(logo, "emetteur.logo")
        return preparer(
            chemin, logo, f"Logo, {getattr(emetteur, 'titre', '')}", images_signature=signatures
        )
    image = image_marianne(document)
    if image is not None:
        verifier_image(image)
    return preparer(chemin, image, images_signature=signatures)


def entrees(
    document: Modele,
    fichier: Path | None = None,
    modele: Path | None = None,
    dossier_modeles: Path | None = None,
    correspondants: Path | None = None,
) -> list[tuple[str, Path | None]]:
    """The files writing ``document`` reads, that no output may replace:
    the data file, the template (given, from a folder, or built-in), the
    Marianne image or logo, the list of correspondents."""
    if modele is None:
        modele = trouver_modele(type_de(document).modele, dossier_modeles)[0]
    logo = getattr(getattr(document, "emetteur", None), "logo", None)
    return [
        (DONNEES, fichier),
        (MODELE, modele),
        (IMAGE, image_marianne(document)),
        (LOGO, logo if isinstance(logo, Path) else None),
        (CORRESPONDANTS, correspondants),
    ]


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
    lot = exemplaires(document)
    if lot is not None:
        return prepare.fusionner((e.contexte for e in lot), proprietes)
    return prepare.rendre(contexte(document), proprietes)


def ecrire(
    document: Modele,
    sortie: Path | str,
    modele: Path | None = None,
    dossier_modeles: Path | None = None,
) -> Path:
    """Render ``document`` and write it to ``sortie`` atomically: a
    complete new file replaces any earlier one, or nothing is written.
    ``sortie`` may not be the template or the Marianne image."""
    sortie = Path(sortie)
    verifier_sorties([sortie], entrees(document, None, modele, dossier_modeles))
    ecrire_atomiquement(sortie, rendre(document, modele, dossier_modeles))
    return sortie
