"""The registry of document types: :data:`TYPES`, the one place that says,
for each kind of document, its data model, its built-in template, how its
template variables and document properties are computed, whether it is one
document or a batch, which checks apply and how the command line offers it.

A new document type is one entry here plus its template (built by
``outils/generer_modeles.py``): :mod:`courriers.documents` (rendering),
:mod:`courriers.cli` (one subcommand per entry), :mod:`courriers.reference`
(``docs/variables-*.md``) and the template checker (``verification``) all
read this table and nothing else. This module imports neither of them, so
that each can import it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from courriers import controles as c
from courriers import lettres, seance
from courriers.controles import Avertissement
from courriers.convocations import Exemplaire, exemplaires
from courriers.donnees.base import Modele
from courriers.donnees.compte_rendu import CompteRendu
from courriers.donnees.convocation import Convocation
from courriers.donnees.courrier import (
    AccuseReception,
    Bordereau,
    CourrierService,
    Message,
    Reponse,
)
from courriers.donnees.membre import Membre
from courriers.donnees.presences import CollegeEmargement, CouponReponse, FeuilleEmargement
from courriers.moteur import filtres
from courriers.moteur.proprietes import Proprietes

__all__ = ["TYPES", "Controle", "TypeDocument", "type_de"]

Controle = Callable[[Any], Avertissement | None]
"""A check of a document: a warning, or ``None`` when satisfied."""


def _champs(document: Modele) -> dict[str, Any]:
    return document.champs()


@dataclass(frozen=True)
class TypeDocument:
    """A kind of document: its data model, template, variables, properties,
    batch behaviour, checks and command line text."""

    code: str
    """The command line subcommand and the name in ``--type``."""
    libelle: str
    """What it is, in French (« courrier de réponse »)."""
    classe: type[Modele]
    """The data model of its data file."""
    modele: str
    """The file name of its template (``modeles/`` or a custom folder)."""
    proprietes: Callable[[Any], Proprietes]
    """Title, author and subject of the document, from its data."""
    description: str = ""
    """The ``--help`` description of its subcommand."""
    aide: str = ""
    """Its line in the list of commands (``courriers --help``); by default
    :attr:`libelle`."""
    contexte: Callable[[Any], dict[str, Any]] = _champs
    """The template variables of one document: its fields, and the
    computed variables (formulas, dates, signatories…)."""
    exemplaires: Callable[[Any], list[Exemplaire]] | None = None
    """For a batch type (one document per invitee): the documents of the
    batch. ``rendre`` then merges them, separated by page breaks; the
    command line writes one file each, or one with ``--fusion``."""
    par_correspondant: str | None = None
    """The field (``correspondant``) that ``--correspondants LISTE``
    replaces by each person of a list, one letter each; ``None``: the
    option is not offered."""
    controles: tuple[Controle, ...] = ()
    """The checks run before writing (warnings, errors with ``--strict``).
    The CRPA ones (handling agent, processing delay) only for letters to the
    public: :data:`courriers.controles.AU_PUBLIC`."""
    variables_calculees: tuple[tuple[str, Any, str], ...] = ()
    """Variables computed for each document, beyond the data fields:
    (name, type, description), for the reference and the template checker."""
    famille: str = ""
    """Types of one family read the same data file, each setting aside the
    fields of the others (the meeting file: minutes and invitations)."""
    exemple: str = ""
    """The bundled example (a file of ``exemples/``)."""
    nom_lot: str = "courriers"
    """The suffix of the default output folder of a batch
    (``reunion-convocations/``)."""
    lot_ecrit: str = "courriers écrits"
    """What the command line prints after the number of files of a batch."""
    suffixe: str = ""
    """For a single document: the suffix of its default output file, after
    the data file's stem (``reunion-emargement.docx``)."""

    @property
    def en_lot(self) -> bool:
        """Whether one data file gives several documents."""
        return self.exemplaires is not None


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


_VARIABLES_CONVOCATION: tuple[tuple[str, Any, str], ...] = (
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
)

_VARIABLES_COUPON: tuple[tuple[str, Any, str], ...] = (
    ("convoque", Membre, "La personne convoquée, qui répond."),
    ("nom_convoque", str, "Son nom : « Mme Claire DUMAS »."),
    *_VARIABLES_CONVOCATION[1:4],
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


_UNE_LETTRE = "avec --correspondants, un courrier par correspondant de la liste."

TYPES: dict[str, TypeDocument] = {
    "cr": TypeDocument(
        code="cr",
        libelle="compte rendu de réunion",
        classe=CompteRendu,
        modele="compte-rendu.docx",
        proprietes=_proprietes_compte_rendu,
        description="Écrit le compte rendu d'une réunion (DOCX) à partir d'un fichier "
        "de données JSON ou YAML ; avec des réponses enregistrées, les listes de présence, "
        "les pouvoirs et le quorum (reunion.quorum) en sont tirés.",
        contexte=seance.contexte_compte_rendu,
        variables_calculees=(
            (
                "representations",
                list[str],
                "Avec des présences enregistrées : les membres représentés, « Mme X, ayant "
                "donné pouvoir à M. Y », « M. Z, représenté par Mme W, sa suppléante ».",
            ),
        ),
        famille="reunion",
        exemple="comite-local-usagers-allier-2022.json",
    ),
    "convocation": TypeDocument(
        code="convocation",
        libelle="convocation",
        classe=Convocation,
        modele="convocation.docx",
        proprietes=_proprietes_convocation,
        aide="convocations à une réunion, une par convoqué",
        description="Écrit une convocation (DOCX) par convoqué de la réunion "
        "(reunion.convoques), à partir du même fichier que le compte rendu.",
        exemplaires=exemplaires,
        variables_calculees=_VARIABLES_CONVOCATION,
        famille="reunion",
        exemple="comite-local-usagers-allier-2022.json",
        nom_lot="convocations",
        lot_ecrit="convocations écrites",
    ),
    "coupon-reponse": TypeDocument(
        code="coupon-reponse",
        libelle="coupon-réponse à une convocation",
        classe=CouponReponse,
        modele="coupon-reponse.docx",
        proprietes=_proprietes_coupon,
        description="Écrit un coupon-réponse (DOCX) par convoqué : présence en personne ou "
        "à distance, absence, représentation par le suppléant, pouvoir donné à un autre membre.",
        exemplaires=seance.coupons,
        variables_calculees=_VARIABLES_COUPON,
        famille="reunion",
        exemple="cce-vichy-charmeil-2025.json",
        nom_lot="coupons",
        lot_ecrit="coupons-réponses écrits",
    ),
    "emargement": TypeDocument(
        code="emargement",
        libelle="feuille d'émargement",
        classe=FeuilleEmargement,
        modele="emargement.docx",
        proprietes=_proprietes_emargement,
        description="Écrit la feuille d'émargement (DOCX, paysage) : les convoqués par "
        "collège, suppléants et pouvoirs indiqués, des lignes vierges pour les personnes "
        "non prévues.",
        contexte=seance.contexte_emargement,
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
        exemple="cce-vichy-charmeil-2025.json",
        suffixe="-emargement",
    ),
    "reponse": TypeDocument(
        code="reponse",
        libelle="courrier de réponse",
        classe=Reponse,
        modele="reponse.docx",
        proprietes=lettres.proprietes,
        description=f"Écrit un courrier de réponse (DOCX) ; {_UNE_LETTRE}",
        contexte=lettres.contexte_reponse,
        par_correspondant="correspondant",
        controles=(*c.AU_PUBLIC, c.controler_delai_reponse),
        variables_calculees=lettres.VARIABLES_REPONSE,
        exemple="reponse-maire.json",
    ),
    "accuse-reception": TypeDocument(
        code="accuse-reception",
        libelle="accusé de réception",
        classe=AccuseReception,
        modele="accuse-reception.docx",
        proprietes=lettres.proprietes,
        aide="accusé de réception (CRPA L112-3, R112-5)",
        description="Écrit un accusé de réception (DOCX) avec les mentions obligatoires "
        f"(CRPA L112-3, R112-5) ; {_UNE_LETTRE}",
        contexte=lettres.contexte_accuse,
        par_correspondant="correspondant",
        controles=(*c.AU_PUBLIC, c.controler_delai_traitement),
        variables_calculees=lettres.VARIABLES_ACCUSE,
        exemple="accuse-reception-titre-sejour.json",
    ),
    "service": TypeDocument(
        code="service",
        libelle="courrier de service à service",
        classe=CourrierService,
        modele="courrier-service.docx",
        proprietes=lettres.proprietes,
        description="Écrit un courrier de service à service (DOCX) : ligne d'en-tête, "
        f"sans formules ; {_UNE_LETTRE}",
        contexte=lettres.contexte,
        par_correspondant="destinataire",
        controles=c.ENTRE_SERVICES,
        variables_calculees=lettres.VARIABLES_LETTRE,
        exemple="courrier-service-ddt.json",
    ),
    "message": TypeDocument(
        code="message",
        libelle="message",
        classe=Message,
        modele="message.docx",
        proprietes=lettres.proprietes,
        aide="message (courriel, note) à salutation simple, sans formule de politesse",
        description="Écrit un message (courriel ou note, comme les cabinets en adressent "
        "aux élus) : ligne d'en-tête, formule d'appel, corps, salutation simple "
        f"(« Cordialement »), sans formule de politesse ; {_UNE_LETTRE}",
        contexte=lettres.contexte_message,
        par_correspondant="destinataire",
        controles=c.ENTRE_SERVICES,
        variables_calculees=lettres.VARIABLES_MESSAGE,
        exemple="message-cabinet-maires.json",
    ),
    "bordereau": TypeDocument(
        code="bordereau",
        libelle="bordereau d'envoi",
        classe=Bordereau,
        modele="bordereau.docx",
        proprietes=lettres.proprietes,
        aide="bordereau d'envoi (lettre de transmission) : pièces, nombre, observations",
        description="Écrit un bordereau d'envoi (lettre de transmission) : ligne d'en-tête, "
        "tableau des pièces transmises avec leur nombre d'exemplaires et une observation "
        f"chacune ; {_UNE_LETTRE}",
        contexte=lettres.contexte,
        par_correspondant="destinataire",
        controles=c.ENTRE_SERVICES,
        variables_calculees=lettres.VARIABLES_LETTRE,
        exemple="bordereau-sous-prefecture.json",
    ),
}
"""The document types by their command line code."""


def type_de(document: Modele) -> TypeDocument:
    """The type of a document object (the most precise model class)."""
    for type_document in TYPES.values():
        if type(document) is type_document.classe:
            return type_document
    for type_document in TYPES.values():
        if isinstance(document, type_document.classe):
            return type_document
    raise TypeError(f"pas un document de courriers : {type(document).__name__}")
