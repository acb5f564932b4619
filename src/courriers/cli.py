"""Command line: ``python -m courriers cr reunion.json [-o cr.docx]``.

Thin: parses the arguments, calls the API of :mod:`courriers.documents`,
prints a French message and returns an exit code (``docs/erreurs.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, cast

from courriers import cli_lots, documents, envoi, pdf, tableur_modele
from courriers.controles import en_erreurs
from courriers.courriels import ecrire_courriels
from courriers.courriels_lot import preparer_courriels
from courriers.donnees.base import Modele
from courriers.donnees.convocation import Convocation
from courriers.ecriture import ecrire_atomiquement
from courriers.erreurs import CODE_LOT_INCOMPLET, CODE_USAGE, ErreurCourriers, ErreurModele
from courriers.interruptions import Arret, signaux_en_exceptions
from courriers.messages import CODES_SORTIE, erreur
from courriers.modeles import VARIABLE_DOSSIER, copier_modele, dossier_exemples
from courriers.registre import TYPES, TypeDocument
from courriers.repartition import PROCESSUS_PAR_DEFAUT_MAX
from courriers.sorties import verifier_sorties
from courriers.verification import (
    avertissements_modele,
    rapport,
    rapport_json,
    verifier_modele,
)
from courriers.verification.accessibilite import refuser_si_inaccessible

_TRADUCTIONS = {
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r "
    "(choix possibles : %(choices)s)",
}


class _Analyseur(argparse.ArgumentParser):
    """argparse speaking French for what the user sees."""

    def __init__(self, **kwargs: object) -> None:
        kwargs["add_help"] = False
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide et quitte")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "usage :", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "usage :", 1)

    def error(self, message: str) -> NoReturn:
        for anglais, francais in _TRADUCTIONS.items():
            debut = anglais.split("%")[0]
            if debut and message.startswith(debut):
                message = francais.split("%")[0] + message[len(debut) :]
                break
        self.print_usage(sys.stderr)
        self.exit(CODE_USAGE, f"{self.prog} : erreur : {message}\n")


def analyseur() -> argparse.ArgumentParser:
    """The argument parser of the ``courriers`` command."""
    racine = _Analyseur(
        prog="courriers",
        description="Produit des documents officiels de l'État (Marque de l'État) "
        "à partir de données JSON ou YAML.",
        epilog="Codes de sortie : "
        + ", ".join(f"{code} {sens}" for code, sens in CODES_SORTIE)
        + ".",
    )
    sous = racine.add_subparsers(
        dest="commande", metavar="COMMANDE", title="commandes", parser_class=_Analyseur
    )
    sous.required = True
    for type_document in TYPES.values():
        _commande_document(sous, type_document)
    _commandes_outils(sous)
    return racine


def _commande_document(sous: argparse._SubParsersAction, type_document: TypeDocument) -> None:  # type: ignore[type-arg]
    """The subcommand of a document type, its options derived from the
    registry: batch, checks, list of correspondents."""
    commande = sous.add_parser(
        type_document.code,
        help=type_document.aide or type_document.libelle,
        description=type_document.description or None,
    )
    lot = f"FICHIER sans extension suivi de « -{type_document.nom_lot} »"
    if type_document.en_lot:
        aide = (
            f"dossier des documents (par défaut : {lot}, à côté de FICHIER) ; avec "
            "--fusion, le document à écrire"
        )
    elif type_document.par_correspondant:
        aide = (
            "document DOCX à écrire (par défaut : à côté de FICHIER) ; avec "
            f"--correspondants, le dossier des courriers (par défaut : {lot})"
        )
    elif type_document.suffixe:
        aide = (
            "document DOCX à écrire (par défaut : à côté de FICHIER, son nom suivi de "
            f"« {type_document.suffixe}.docx »)"
        )
    else:
        aide = "document DOCX à écrire (par défaut : à côté de FICHIER, même nom en .docx)"
    _options_document(commande, aide)
    if type_document.en_lot:
        commande.add_argument(
            "--fusion",
            action="store_true",
            help="un seul document, les documents du lot séparés par un saut de page",
        )
        _option_continuer(commande)
        commande.add_argument(
            "--jobs",
            type=_entier_positif,
            default=None,
            metavar="N",
            help="nombre de processus (par défaut : un par cœur, au plus "
            f"{PROCESSUS_PAR_DEFAUT_MAX}, et un seul pour un petit lot ; jamais plus que "
            "le nombre de cœurs, ou COURRIERS_JOBS_MAX)",
        )
    if type_document.famille == "reunion":
        _options_tableurs(commande)
    if type_document.code == "convocation":
        _options_courriels(commande)
    if type_document.par_correspondant:
        commande.add_argument(
            "--correspondants",
            type=Path,
            metavar="LISTE",
            help="liste de correspondants (CSV, JSON ou YAML) : un courrier chacun",
        )
        _option_continuer(commande)


def _commandes_outils(sous: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    codes = sorted(TYPES)
    modele = sous.add_parser(
        "modele",
        help="modèles DOCX : vérifier un modèle, copier un modèle intégré",
        description="Outils des auteurs de modèles DOCX.",
    )
    actions = modele.add_subparsers(dest="action", metavar="ACTION", title="actions")
    actions.required = True
    verifier = actions.add_parser(
        "verifier",
        help="signale toutes les erreurs d'un modèle, avec leur emplacement",
        description="Vérifie un modèle DOCX pour un type de document : erreurs (le modèle "
        "est refusé) et avertissements (tableaux, accessibilité). Codes de sortie : 0 aucune "
        "erreur (avertissements compris, sauf avec --strict), 1 problèmes trouvés, 2 usage.",
    )
    verifier.add_argument("fichier", type=Path, metavar="FICHIER.docx", help="modèle à vérifier")
    verifier.add_argument("--type", required=True, choices=codes, help="type de document")
    verifier.add_argument("--json", action="store_true", help="rapport en JSON")
    verifier.add_argument(
        "--strict", action="store_true", help="les avertissements comptent comme des erreurs"
    )
    copier = actions.add_parser(
        "copier",
        help="copie un modèle intégré pour le personnaliser",
        description="Copie le modèle intégré d'un type de document dans un dossier.",
    )
    copier.add_argument("type", choices=codes, metavar="TYPE", help=", ".join(codes))
    copier.add_argument("dossier", type=Path, metavar="DOSSIER", help="dossier de destination")
    schema = sous.add_parser(
        "schema",
        help="schéma JSON des données d'un type de document",
        description="Affiche le schéma JSON (pour valider et compléter les fichiers de "
        "données dans un éditeur).",
    )
    schema.add_argument("type", choices=codes, metavar="TYPE", help=", ".join(codes))
    apercu = sous.add_parser(
        "apercu",
        help="image PNG des pages d'un document rendu (pour les auteurs de modèles)",
        description="Rend un document (FICHIER, ou l'exemple fourni) avec son modèle et "
        "écrit une image PNG de sa première page, ou de chacune ; il faut LibreOffice et "
        "poppler-utils.",
    )
    apercu.add_argument("type", choices=codes, metavar="TYPE", help=", ".join(codes))
    apercu.add_argument(
        "fichier", type=Path, nargs="?", metavar="FICHIER", help="données (par défaut : l'exemple)"
    )
    apercu.add_argument(
        "-o", "--sortie", type=Path, default=Path("."), metavar="DOSSIER", help="dossier des images"
    )
    apercu.add_argument("--modele", type=Path, metavar="MODELE.docx", help="modèle à rendre")
    apercu.add_argument(
        "--dossier-modeles", type=Path, metavar="DOSSIER", help="dossier de modèles"
    )
    apercu.add_argument("--toutes-les-pages", action="store_true", help="une image par page")
    apercu.add_argument(
        "--resolution", type=_entier_positif, default=100, metavar="PPP", help="points par pouce"
    )
    exemple = sous.add_parser(
        "exemple",
        help="exemple complet de données d'un type de document",
        description="Affiche un fichier de données complet et valide.",
    )
    exemple.add_argument(
        "type",
        choices=[*codes, "convoques"],
        metavar="TYPE",
        help=", ".join(codes) + " ; convoques : tableur des convoqués (avec --xlsx)",
    )
    exemple.add_argument(
        "--xlsx",
        type=Path,
        nargs="?",
        const=Path("convoques.xlsx"),
        metavar="FICHIER",
        help="avec « convoques » : écrit un tableur modèle à remplir (par défaut : "
        "convoques.xlsx), avec listes de valeurs",
    )


def _options_courriels(parser: argparse.ArgumentParser) -> None:
    groupe = parser.add_argument_group("courriels (docs/courriels.md)")
    groupe.add_argument(
        "--courriels",
        type=Path,
        metavar="DOSSIER",
        help="écrit un courriel (.eml) par convoqué ayant une adresse, convocation PDF et "
        "invitation d'agenda (.ics) jointes ; il faut LibreOffice",
    )
    groupe.add_argument(
        "--coupon",
        action="store_true",
        help="joint aussi le coupon-réponse (PDF) à chaque courriel",
    )
    groupe.add_argument(
        "--essai",
        action="store_true",
        help="écrit seulement les fichiers, sans rien envoyer (par défaut)",
    )
    groupe.add_argument(
        "--envoyer", action="store_true", help="envoie aussi les courriels par SMTP (--smtp-hote)"
    )
    groupe.add_argument("--smtp-hote", metavar="HOTE", help="serveur SMTP")
    groupe.add_argument("--smtp-port", type=_entier_positif, metavar="PORT", help="port (587)")
    groupe.add_argument(
        "--smtp-securite",
        choices=["starttls", "ssl", "aucune"],
        default="starttls",
        help="chiffrement : starttls (défaut, port 587), ssl (port 465), aucune",
    )
    groupe.add_argument(
        "--smtp-utilisateur",
        metavar="IDENTIFIANT",
        help="identifiant SMTP ; le mot de passe vient de la variable "
        "COURRIERS_SMTP_MOT_DE_PASSE ou d'une invite, jamais de la ligne de commande",
    )
    groupe.add_argument(
        "--debit",
        type=_entier_positif,
        metavar="N",
        help="au plus N courriels par minute (par défaut : sans limite)",
    )
    groupe.add_argument(
        "--journal",
        type=Path,
        metavar="FICHIER",
        help="journal des envois, pour reprendre sans doublon (par défaut : DOSSIER/envois.jsonl)",
    )


def _options_tableurs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convoques",
        type=Path,
        metavar="TABLEUR",
        help="convoqués lus dans un tableur (.xlsx, .ods, .csv ; colonnes : docs/reunions.md) "
        "à la place de reunion.convoques",
    )
    parser.add_argument(
        "--reponses",
        type=Path,
        metavar="TABLEUR",
        help="réponses enregistrées (colonnes « Prénom », « Nom », « Réponse », « Pouvoir à »…)",
    )


def _option_continuer(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--continuer",
        action="store_true",
        help="en cas d'échec d'un document du lot, écrire les autres et lister les échecs "
        "(par défaut : tout ou rien)",
    )
    parser.add_argument(
        "--remplacer",
        action="store_true",
        help="supprime du dossier du lot les documents d'un lot précédent que ce lot ne "
        "produit plus (par défaut : ils sont listés et gardés)",
    )


def _entier_positif(texte: str) -> int:
    try:
        valeur = int(texte)
    except ValueError:
        valeur = 0
    if valeur < 1:
        raise argparse.ArgumentTypeError(f"entier positif attendu, reçu : {texte!r}")
    return valeur


def _options_document(parser: argparse.ArgumentParser, aide_sortie: str) -> None:
    parser.add_argument("fichier", type=Path, metavar="FICHIER", help="données JSON ou YAML")
    parser.add_argument("-o", "--sortie", type=Path, metavar="SORTIE", help=aide_sortie)
    parser.add_argument(
        "--modele",
        type=Path,
        metavar="MODELE.docx",
        help="modèle DOCX à utiliser à la place du modèle intégré (vérifié avant usage)",
    )
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="écrit aussi le PDF (balisé) de chaque document, avec LibreOffice",
    )
    parser.add_argument(
        "--pdfa",
        action="store_true",
        help="écrit aussi le PDF/A-2b (archivage) de chaque document, avec LibreOffice",
    )
    parser.add_argument(
        "--pdfua",
        action="store_true",
        help="écrit aussi le PDF/UA-1 (accessible : titre, langue, balises) de chaque "
        "document, avec LibreOffice ; se combine avec --pdfa",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="les avertissements (contrôles des courriers, accessibilité du document rendu) "
        "deviennent des erreurs (rien n'est écrit)",
    )
    parser.add_argument(
        "--dossier-modeles",
        type=Path,
        metavar="DOSSIER",
        help=f"dossier de modèles cherché avant les modèles intégrés (ou variable "
        f"d'environnement {VARIABLE_DOSSIER})",
    )


VARIABLE_TRACE = "COURRIERS_TRACE"
"""Set to 1, an unexpected internal error shows its Python traceback."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    racine = analyseur()
    try:
        args = racine.parse_args(argv)
    except SystemExit as sortie:
        return int(sortie.code or 0)
    try:
        with signaux_en_exceptions():
            if args.commande in _OUTILS:
                return _OUTILS[args.commande](args)
            return _produire(args)
    except ErreurCourriers as exc:
        return _signaler(exc)
    except Arret:
        return _signaler(erreur("interruption.arret"))
    except KeyboardInterrupt:
        return _signaler(erreur("interruption.ctrl_c"))
    except Exception as exc:  # a bug: a French line rather than a traceback
        if os.environ.get(VARIABLE_TRACE):
            raise
        return _signaler(erreur("interne.inattendue", exception=type(exc).__name__))


def _signaler(exc: ErreurCourriers) -> int:
    if sys.stderr.isatty():
        sys.stderr.write("\n")  # after a progress bar
    print(f"courriers : erreur : {exc.message}", file=sys.stderr)
    return exc.code_sortie


def _produire(args: argparse.Namespace) -> int:
    type_document = TYPES[args.commande]
    fichier: Path = args.fichier
    en_lot = type_document.en_lot and not args.fusion
    echecs: list[str] = []
    avertissements: list[str] = []
    convoques: Path | None = getattr(args, "convoques", None)
    reponses: Path | None = getattr(args, "reponses", None)
    if getattr(args, "continuer", False) and en_lot:
        document, echecs = documents.charger_en_continuant(
            fichier, type_document.classe, convoques, reponses, avertissements
        )
    else:
        document = documents.charger(
            fichier, type_document.classe, convoques, reponses, avertissements
        )
    for avertissement in avertissements:
        print(f"courriers : avertissement : {avertissement}", file=sys.stderr)
    if type_document.controles:
        _controler(document, args.strict)
    if getattr(args, "courriels", None):
        return _courriels(cast(Convocation, document), args)
    if en_lot:
        return cli_lots.lot(document, type_document, args, echecs)
    if getattr(args, "correspondants", None):
        return cli_lots.lettres_par_correspondant(document, args)
    suffixe = f"-{type_document.nom_lot}" if type_document.en_lot else type_document.suffixe
    sortie: Path = args.sortie or fichier.with_name(f"{fichier.stem}{suffixe}.docx")
    cli_lots.verifier_sorties_de(document, [sortie], args)
    contenu = documents.rendre(document, args.modele, args.dossier_modeles)
    if args.strict:
        refuser_si_inaccessible(contenu, sortie.name)
    ecrire_atomiquement(sortie, contenu)
    print(f"Document écrit ({type_document.libelle}) : {sortie}")
    cli_lots.avertir_accessibilite([(sortie.name, contenu)])
    cli_lots.pdf_de([sortie], args)
    return 0


def _controler(document: Modele, strict: bool) -> None:
    avertissements = documents.controles(document)
    if avertissements and strict:
        raise erreur("controles.non_satisfaits", rapport=en_erreurs(avertissements))
    for avertissement in avertissements:
        print(f"courriers : avertissement : {avertissement.message}", file=sys.stderr)


def _courriels(convocation: Convocation, args: argparse.Namespace) -> int:
    """``convocation --courriels DOSSIER``: the messages written, then with
    ``--envoyer`` sent; the invitees without an address listed."""
    dossier: Path = args.courriels
    serveur = _serveur(args) if args.envoyer else None
    courriels, sans_adresse = preparer_courriels(
        convocation, args.modele, args.dossier_modeles, args.coupon
    )
    ecrits = ecrire_courriels(courriels, dossier)
    print(f"{len(ecrits)} courriels écrits dans {dossier}")
    code = 0
    if serveur is not None:
        journal: Path = args.journal or dossier / "envois.jsonl"
        bilan = envoi.envoyer(courriels, serveur, journal, envoi.mot_de_passe(serveur))
        print(
            f"{len(bilan.envoyes)} courriels envoyés, {len(bilan.deja_envoyes)} déjà envoyés "
            f"(journal : {journal})"
        )
        for echec in bilan.echecs:
            print(f"courriers : échec : {echec}", file=sys.stderr)
        code = CODE_LOT_INCOMPLET if bilan.echecs else 0
    if sans_adresse:
        print(
            f"{len(sans_adresse)} convoqué(s) sans adresse électronique valide "
            "(convocation papier) :"
        )
        for convoque in sans_adresse:
            print(f"  - {convoque.ligne_nom()}")
    return code


def _serveur(args: argparse.Namespace) -> envoi.ServeurSmtp:
    if not args.smtp_hote:
        raise erreur("donnees.smtp_incomplet", probleme="--envoyer sans --smtp-hote")
    port = args.smtp_port or (465 if args.smtp_securite == "ssl" else 587)
    return envoi.ServeurSmtp(
        hote=args.smtp_hote,
        port=port,
        securite=args.smtp_securite,
        utilisateur=args.smtp_utilisateur,
        debit=float(args.debit or 0),
    )


def _modele(args: argparse.Namespace) -> int:
    if args.action == "copier":
        cible = copier_modele(TYPES[args.type].modele, args.dossier)
        print(f"Modèle copié : {cible}")
        return 0
    try:
        problemes = verifier_modele(args.fichier, args.type)
        problemes += avertissements_modele(args.fichier)
    except ErreurModele as exc:  # not a readable DOCX: a problem of the template
        print(f"courriers : {exc.message}", file=sys.stderr)
        return 1
    print(rapport_json(problemes) if args.json else rapport(problemes))
    bloquants = [p for p in problemes if args.strict or p.gravite == "erreur"]
    return 1 if bloquants else 0


def _schema(args: argparse.Namespace) -> int:
    schema = TYPES[args.type].classe.model_json_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _exemple(args: argparse.Namespace) -> int:
    if args.type == "convoques":
        chemin = tableur_modele.ecrire_modele(args.xlsx or Path("convoques.xlsx"))
        print(f"Tableur modèle des convoqués écrit : {chemin}")
        return 0
    chemin = dossier_exemples() / TYPES[args.type].exemple
    print(chemin.read_text(encoding="utf-8"), end="")
    return 0


def _apercu(args: argparse.Namespace) -> int:
    type_document = TYPES[args.type]
    fichier: Path = args.fichier or dossier_exemples() / type_document.exemple
    document = documents.charger(fichier, type_document.classe)
    nom = f"apercu-{type_document.code}"
    images = [args.sortie / f"{nom}-1.png", *args.sortie.glob(f"{nom}-*.png")]
    verifier_sorties(
        images, documents.entrees(document, fichier, args.modele, args.dossier_modeles)
    )
    with tempfile.TemporaryDirectory() as temporaire:
        docx = Path(temporaire) / f"{nom}.docx"
        documents.ecrire(document, docx, args.modele, args.dossier_modeles)
        images = pdf.apercu(docx, args.sortie, args.toutes_les_pages, args.resolution)
    for image in images:
        print(f"Aperçu écrit : {image}")
    return 0


_OUTILS = {"modele": _modele, "schema": _schema, "exemple": _exemple, "apercu": _apercu}


def main_console() -> None:
    """Entry point of the ``courriers`` console script."""
    sys.exit(main())
