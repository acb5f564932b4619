"""Letters: the variables computed for each letter, and one letter per
correspondent for a batch.

For a reply or an acknowledgement: the forms of address of the
correspondent; for an acknowledgement, the end of the processing delay and
the date on which silence becomes a decision, both counted from the receipt
of the request (calendar days, working days of the emitter's département,
or months).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from courriers.convocations import Exemplaire, formules_de
from courriers.donnees.courrier import AccuseReception, Delai, Lettre, Message, Reponse
from courriers.donnees.destinataire import Destinataire
from courriers.francais.collectifs import appel_collectif
from courriers.francais.delais import delai_en_texte, echeance
from courriers.francais.formules import formule_appel
from courriers.francais.personnes import Civilite
from courriers.messages import erreur
from courriers.moteur import designations, filtres
from courriers.moteur.proprietes import Proprietes
from courriers.noms_fichiers import nom_de_fichier

D = TypeVar("D", bound=Lettre)

#: The computed variables of letters: (name, type, description).
VARIABLES_LETTRE: tuple[tuple[str, Any, str], ...] = (
    (
        "signatures",
        "liste",
        "Blocs de signature (signataire puis cosignataires) : signature.lignes (autorité, "
        "formule de délégation, qualité), signature.nom (vide pour un signataire désigné par "
        "sa fonction), signature.image (vrai si une image), signature.rang (son image : "
        "images_signature[signature.rang]).",
    ),
    ("libelles.vos_references", str, "« Vos réf. » ou « V/Réf. » (references_abregees)."),
    ("libelles.nos_references", str, "« Nos réf. » ou « N/Réf. » (references_abregees)."),
)
VARIABLES_MESSAGE: tuple[tuple[str, Any, str], ...] = (
    *VARIABLES_LETTRE,
    (
        "a",
        str,
        "Le ou les destinataires de la ligne « à » (« Mesdames et Messieurs les maires du "
        "département »).",
    ),
    ("appel", "texte (facultatif)", "Formule d'appel (« Mesdames et Messieurs les Maires, »)."),
)
VARIABLES_REPONSE: tuple[tuple[str, Any, str], ...] = (
    *VARIABLES_LETTRE,
    ("formules.appel", str, "Formule d'appel du correspondant (« Madame la Maire, »)."),
    ("formules.politesse", str, "Formule de politesse, qui reprend la formule d'appel."),
    ("formules.niveau", str, "Niveau de considération retenu."),
)
VARIABLES_ACCUSE: tuple[tuple[str, Any, str], ...] = (
    *VARIABLES_REPONSE,
    (
        "date_fin_traitement",
        "date (facultatif)",
        "Fin du délai prévisible de traitement, comptée depuis la réception.",
    ),
    (
        "date_decision_implicite",
        "date (facultatif)",
        "Date à laquelle le silence de l'administration vaudra décision (procedure.delai "
        "compté depuis la réception).",
    ),
)


def _date_apres(lettre: AccuseReception, delai: Delai | None, champ: str) -> Any:
    if delai is None:
        return None
    try:
        return echeance(
            lettre.demande.date_reception, delai.valeur, delai.unite, lettre.emetteur.departement
        )
    except (OverflowError, ValueError) as exc:  # past the year 9999
        texte = delai_en_texte(delai.valeur, delai.unite)
        raise erreur("donnees.date_hors_calendrier", champ=champ, delai=texte) from exc


def contexte(lettre: Lettre) -> dict[str, Any]:
    """The template variables of any letter: its fields, and the variables
    computed from them (signature blocks, labels of the references)."""
    abregees = lettre.references_abregees
    return {
        **lettre.champs(),
        "signatures": filtres.blocs_signature(
            lettre.emetteur,
            [lettre.signataire, *lettre.cosignataires],
            lettre.options.noms_en_majuscules,
        ),
        "libelles": {
            "vos_references": "V/Réf." if abregees else "Vos réf.",
            "nos_references": "N/Réf." if abregees else "Nos réf.",
        },
    }


def contexte_message(lettre: Message) -> dict[str, Any]:
    """A message: :func:`contexte`, the recipient line and the opening."""
    if lettre.destinataire is not None:
        a = filtres.designation(lettre.destinataire)
        # a correspondent of --correspondants brings its own quality
        qualite = lettre.qualite_formules or getattr(lettre.destinataire, "qualite_formules", None)
        civilite: Civilite = "Mme" if designations.genre(lettre.destinataire) == "feminin" else "M."
        appel = formule_appel(qualite, civilite) if qualite is not None else None
    else:
        assert lettre.collectif is not None  # the model requires one of them
        a = filtres.collectif(lettre.collectif)
        appel = appel_collectif(lettre.collectif.fonction)
    if lettre.formule_appel:
        appel = lettre.formule_appel.strip().removesuffix(",").rstrip() + ","
    return {**contexte(lettre), "a": a, "appel": appel}


def contexte_reponse(lettre: Reponse | AccuseReception) -> dict[str, Any]:
    """A letter to a correspondent: :func:`contexte` and the forms of
    address of the correspondent, in the letter's style of closing."""
    return {
        **contexte(lettre),
        "formules": formules_de(lettre.correspondant, lettre.style_politesse),
    }


def contexte_accuse(lettre: AccuseReception) -> dict[str, Any]:
    """An acknowledgement of receipt: :func:`contexte_reponse` and the end
    of the processing delay, the date on which silence is a decision."""
    procedure = lettre.procedure
    return {
        **contexte_reponse(lettre),
        "date_fin_traitement": _date_apres(lettre, lettre.delai_traitement, "delai_traitement"),
        "date_decision_implicite": _date_apres(
            lettre, procedure.delai if procedure else None, "procedure.delai"
        ),
    }


def proprietes(lettre: Lettre) -> Proprietes:
    """Title, author and subject of a letter."""
    return Proprietes(
        titre=lettre.objet, auteur=filtres.auteur(lettre.emetteur), sujet=lettre.objet
    )


def par_correspondant(
    lettre: D,
    correspondants: Sequence[Destinataire],
    prefixe: str,
    champ: str,
    contexte_de: Callable[[D], dict[str, Any]],
    proprietes_de: Callable[[D], Proprietes],
) -> list[Exemplaire]:
    """The same letter for each correspondent of a list, in order: the field
    ``champ`` (``correspondant``, ``destinataire``) set to each."""
    total = len(correspondants)
    lot = []
    for numero, correspondant in enumerate(correspondants, start=1):
        personnelle = lettre.model_copy(update={champ: correspondant})
        noms = (
            [correspondant.nom, correspondant.prenom]
            if correspondant.nom
            else [correspondant.fonction or correspondant.organisme]
        )
        lot.append(
            Exemplaire(
                nom_fichier=nom_de_fichier(
                    prefixe, numero, total, *(n or "" for n in noms), extension="docx"
                ),
                contexte=contexte_de(personnelle),
                proprietes=proprietes_de(personnelle),
            )
        )
    return lot
