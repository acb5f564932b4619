"""The catalogue of the French error messages, with their exit codes.

Every error reported to the user is built by :func:`erreur` from an entry
of :data:`CATALOGUE`: a stable code (``donnees.fichier_introuvable``), the
exception class (which gives the exit code), the message with its named
fields, and when it happens. ``docs/erreurs.md`` lists the catalogue
(section written by ``python -m courriers.messages``).

>>> exc = erreur("donnees.fichier_introuvable", chemin="reunion.json")
>>> type(exc).__name__, exc.code, exc.message, exc.code_sortie
('ErreurDonnees', 'donnees.fichier_introuvable', 'reunion.json : fichier introuvable', 3)
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from courriers.erreurs import (
    CODE_LOT_INCOMPLET,
    CODE_USAGE,
    ErreurArret,
    ErreurControles,
    ErreurConversion,
    ErreurCourriers,
    ErreurDonnees,
    ErreurEcriture,
    ErreurInterruption,
    ErreurModele,
)

INSTALLER_LIBREOFFICE = (
    "Debian/Ubuntu : sudo apt install libreoffice-writer-nogui ; "
    "Windows/macOS : https://www.libreoffice.org"
)
INSTALLER_POPPLER = (
    "Debian/Ubuntu : sudo apt install poppler-utils ; macOS : brew install poppler ; "
    "Windows : https://github.com/oschwartz10612/poppler-windows"
)


@dataclass(frozen=True)
class Message:
    """One entry of the catalogue."""

    code: str
    """Stable dotted identifier: family, then the case."""
    classe: type[ErreurCourriers]
    """The exception raised; its ``code_sortie`` is the exit code."""
    gabarit: str
    """The French message, with ``{named}`` fields (``str.format``)."""
    quand: str
    """When it happens and what to do, one French sentence for the docs."""

    @property
    def champs(self) -> frozenset[str]:
        """The names of the fields of :attr:`gabarit`."""
        return frozenset(nom for _, nom, _, _ in string.Formatter().parse(self.gabarit) if nom)


_MESSAGES: tuple[Message, ...] = (
    # --- données (3) ---------------------------------------------------------------
    Message(
        "donnees.fichier_introuvable",
        ErreurDonnees,
        "{chemin} : fichier introuvable",
        "Le fichier de données ou la liste de correspondants n'existe pas : vérifier le "
        "chemin donné sur la ligne de commande.",
    ),
    Message(
        "donnees.lecture_impossible",
        ErreurDonnees,
        "{chemin} : lecture impossible ({raison})",
        "Le fichier existe mais ne peut pas être lu (droits, dossier au lieu d'un fichier) : "
        "vérifier le chemin et les droits de lecture.",
    ),
    Message(
        "donnees.pas_utf8",
        ErreurDonnees,
        "{chemin} : le fichier n'est pas en UTF-8 (octet {octet})",
        "Le fichier est enregistré dans un autre encodage (Windows-1252, Latin-1) : "
        "l'enregistrer en UTF-8 depuis l'éditeur ou le tableur.",
    ),
    Message(
        "donnees.trop_gros",
        ErreurDonnees,
        "{chemin} : fichier de {taille}, {maximum} au plus (COURRIERS_TAILLE_MAX_DONNEES)",
        "Le fichier de données dépasse la limite de taille, vérifiée avant toute lecture : "
        "le découper, ou relever la limite par la variable d'environnement.",
    ),
    Message(
        "donnees.limite_invalide",
        ErreurDonnees,
        "{variable} : nombre plus grand que 0 attendu ({maximum} au plus) ; reçu : {valeur}",
        "Une variable d'environnement de limite ne contient pas un nombre positif (vide, "
        "« nan », texte) : lui donner un nombre (50, 0.5 ; en mégaoctets pour une taille) "
        "ou la supprimer.",
    ),
    Message(
        "donnees.nombre_trop_long",
        ErreurDonnees,
        "{chemin}, ligne {ligne}, colonne {colonne} : nombre de {chiffres} chiffres, "
        "{maximum} au plus (PYTHONINTMAXSTRDIGITS)",
        "Un nombre des données a des milliers de chiffres, ce qu'aucun document ne demande "
        "(fichier piégé ?) : corriger la valeur.",
    ),
    Message(
        "donnees.cle_en_double",
        ErreurDonnees,
        "{chemin}{ligne} : le champ « {cle} » est écrit deux fois dans {objet} : garder "
        "une seule valeur",
        "Un objet des données a deux fois le même champ ; plutôt que de garder la dernière "
        "valeur en silence, courriers refuse le fichier : supprimer l'une des deux.",
    ),
    Message(
        "donnees.caractere_invalide",
        ErreurDonnees,
        "{chemin} : {champ} : caractère invalide {code} (moitié d'une paire de "
        "substitution UTF-16, texte mal converti)",
        "Un texte contient un caractère qui n'existe pas seul (échappement \\ud800 d'un JSON "
        "produit par un autre programme) : corriger le texte à l'endroit indiqué.",
    ),
    Message(
        "donnees.yaml_recursif",
        ErreurDonnees,
        "{chemin}, ligne {ligne} : l'alias YAML de {objet} désigne un objet qui le contient",
        "Un alias YAML (*nom) désigne un objet qui le contient, ce qui donnerait des données "
        "infinies : remplacer l'alias par les valeurs.",
    ),
    Message(
        "donnees.yaml_trop_developpe",
        ErreurDonnees,
        "{chemin} : plus de {maximum} éléments une fois les alias YAML (&, *) développés "
        "(COURRIERS_ELEMENTS_MAX_DONNEES)",
        "Les alias YAML répètent des données au point de dépasser la limite (fichier piégé "
        "ou démesuré) : ne pas utiliser ce fichier, ou relever la limite par la variable "
        "d'environnement.",
    ),
    Message(
        "donnees.date_inexistante",
        ErreurDonnees,
        "{chemin}, ligne {ligne}, colonne {colonne} : la date {date} n'existe pas ({raison})",
        "Une date YAML est bien écrite mais n'existe pas au calendrier (30 février, mois "
        "13) : corriger le jour ou le mois.",
    ),
    Message(
        "donnees.markdown_trop_imbrique",
        ErreurDonnees,
        "texte Markdown, ligne {ligne} (« {extrait} ») : citations ou listes imbriquées sur "
        "plus de {maximum} niveaux",
        "Un texte Markdown des données imbrique trop de citations (>) ou de listes : réduire "
        "l'imbrication (rien n'est jamais coupé en silence).",
    ),
    Message(
        "donnees.markdown_tableau_irregulier",
        ErreurDonnees,
        "texte Markdown, ligne {ligne} (« {extrait} ») : {cellules} cellules pour {colonnes} "
        "colonnes d'en-tête ; ajoutez des colonnes à l'en-tête ou écrivez « \\| » pour un « | » "
        "dans une cellule",
        "Une ligne d'un tableau Markdown a plus de cellules que son en-tête (elles seraient "
        "perdues) : compléter l'en-tête.",
    ),
    Message(
        "donnees.borne_invalide",
        ErreurDonnees,
        "{variable} : nombre positif attendu ({unite}) ; reçu : {valeur}",
        "Une variable d'environnement de limite (durée, taille) ne contient pas un nombre "
        "positif : lui donner un nombre (10, 0.5) ou la supprimer.",
    ),
    Message(
        "donnees.json_mal_forme",
        ErreurDonnees,
        "{chemin}, ligne {ligne}, colonne {colonne} : JSON mal formé ({probleme})",
        "La syntaxe JSON est fautive (virgule, guillemet, accolade) : corriger le fichier à "
        "la ligne et à la colonne indiquées.",
    ),
    Message(
        "donnees.yaml_mal_forme",
        ErreurDonnees,
        "{chemin}, ligne {ligne}, colonne {colonne} : YAML mal formé ({probleme})",
        "La syntaxe YAML est fautive (indentation, deux-points, guillemets) : corriger le "
        "fichier à la ligne et à la colonne indiquées.",
    ),
    Message(
        "donnees.yaml_illisible",
        ErreurDonnees,
        "{chemin} : YAML mal formé ({probleme})",
        "PyYAML refuse le fichier sans en donner la position (cas rare, le message de "
        "PyYAML est cité) : corriger le fichier, ou l'écrire en JSON.",
    ),
    Message(
        "donnees.trop_imbrique",
        ErreurDonnees,
        "{chemin} : données imbriquées trop profondément (fichier piégé ?)",
        "Le fichier empile des listes ou des objets sur des milliers de niveaux, ce "
        "qu'aucun document ne demande : ne pas utiliser ce fichier.",
    ),
    Message(
        "donnees.non_conformes",
        ErreurDonnees,
        "{origine} : {erreurs} de données\n{detail}",
        "Le fichier est bien formé mais ne suit pas le modèle de données : chaque ligne du "
        "détail donne le chemin du champ, ce qui est attendu et ce qui a été reçu "
        "(référence des champs : docs/variables-*.md).",
    ),
    Message(
        "donnees.date_hors_calendrier",
        ErreurDonnees,
        "{champ} : un délai de {delai} mène hors du calendrier (années 1 à 9999)",
        "Un délai des données est démesuré et la date calculée sortirait du calendrier : "
        "corriger le nombre (faute de frappe ?).",
    ),
    Message(
        "donnees.image_marianne_introuvable",
        ErreurDonnees,
        "emetteur.{champ} : fichier introuvable : {chemin}",
        "L'image Marianne ou le logo nommé dans les données n'existe pas (un chemin relatif part du "
        "dossier du fichier de données) : corriger le chemin.",
    ),
    Message(
        "donnees.image_illisible",
        ErreurDonnees,
        "{champ} : {chemin} : lecture impossible ({raison})",
        "L'image nommée dans les données existe mais ne peut pas être lue (droits, "
        "dossier) : vérifier le chemin et les droits de lecture.",
    ),
    Message(
        "donnees.image_trop_grosse",
        ErreurDonnees,
        "{champ} : {chemin} : image de {taille}, {maximum} au plus (COURRIERS_TAILLE_MAX_IMAGE)",
        "L'image dépasse la limite de taille, vérifiée avant de la lire : utiliser le "
        "fichier officiel du bloc-marque, ou relever la limite par la variable "
        "d'environnement.",
    ),
    Message(
        "donnees.pas_une_image",
        ErreurDonnees,
        "{champ} : {chemin} : ce n'est pas une image PNG, JPEG, GIF ou BMP",
        "Le fichier nommé comme image n'en est pas une (ou dans un format que Word ne "
        "reçoit pas, comme SVG) : donner le fichier PNG ou JPEG du bloc-marque.",
    ),
    Message(
        "donnees.image_trop_de_pixels",
        ErreurDonnees,
        "{champ} : {chemin} : image de {largeur} × {hauteur} pixels, {maximum} millions "
        "de pixels au plus (COURRIERS_PIXELS_MAX_IMAGE)",
        "Les dimensions lues dans l'en-tête de l'image sont démesurées (ou nulles) : "
        "utiliser une image de taille raisonnable, ou relever la limite.",
    ),
    Message(
        "donnees.image_signature_introuvable",
        ErreurDonnees,
        "{champ}.image : fichier introuvable : {chemin}",
        "L'image de la signature scannée nommée dans les données n'existe pas (un chemin "
        "relatif part du dossier du fichier de données) : corriger le chemin.",
    ),
    Message(
        "donnees.modele_introuvable",
        ErreurDonnees,
        "--modele : fichier introuvable : {chemin}",
        "Le modèle DOCX donné par --modele n'existe pas : corriger le chemin.",
    ),
    Message(
        "donnees.sortie_ecrase_donnees",
        ErreurDonnees,
        "{sortie} : la sortie écraserait le fichier de données",
        "Le document à écrire porte le nom du fichier de données : choisir une autre sortie "
        "avec -o.",
    ),
    Message(
        "donnees.sortie_ecrase_entree",
        ErreurDonnees,
        "{sortie} : la sortie écraserait {entree} ({chemin})",
        "Un document à écrire (DOCX ou PDF, seul ou dans un lot) serait le modèle, l'image "
        "Marianne, la liste de correspondants ou le fichier de données (même chemin, lien "
        "ou même fichier) : choisir une autre sortie avec -o ; rien n'est écrit.",
    ),
    Message(
        "donnees.dossier_attendu",
        ErreurDonnees,
        "{dossier} : un dossier est attendu pour les convocations",
        "La sortie des convocations (une par convoqué) est un fichier existant : donner un "
        "dossier avec -o, ou utiliser --fusion pour un seul document.",
    ),
    Message(
        "donnees.correspondants_extension",
        ErreurDonnees,
        "{chemin} : extension « {extension} » non prise en charge pour une liste de "
        "correspondants ; attendue : .csv, .json, .yaml ou .yml",
        "La liste de --correspondants n'a pas une extension connue : l'exporter en CSV, "
        "ou l'écrire en JSON ou en YAML.",
    ),
    Message(
        "donnees.correspondants_vide",
        ErreurDonnees,
        "aucun correspondant dans {chemin}",
        "La liste de correspondants est vide (ou n'a qu'un en-tête) : la compléter.",
    ),
    Message(
        "donnees.correspondants_non_prevus",
        ErreurDonnees,
        "un {type} ne s'écrit pas par correspondant : pas de liste de correspondants pour ce "
        "type de document",
        "L'API a reçu une liste de correspondants pour un type de document qui n'en prend "
        "pas (compte rendu, convocation) : écrire le document seul.",
    ),
    Message(
        "donnees.correspondants_pas_une_liste",
        ErreurDonnees,
        "{chemin} : liste de correspondants attendue (entre crochets [ ] en JSON, une entrée "
        "par tiret « - » en YAML) ; reçu : {nature}",
        "Le fichier JSON ou YAML de correspondants contient autre chose qu'une liste : "
        "mettre les correspondants dans une liste.",
    ),
    Message(
        "donnees.csv_mal_forme",
        ErreurDonnees,
        "{chemin}, ligne {ligne} : CSV mal formé ({probleme})",
        "Le module CSV refuse une ligne (cellule démesurée, guillemets) : corriger la "
        "ligne indiquée, ou réexporter la liste depuis le tableur.",
    ),
    Message(
        "donnees.csv_entete",
        ErreurDonnees,
        "{chemin}, ligne 1 (en-tête) : {problemes}\n  colonnes acceptées : {colonnes}",
        "L'en-tête du CSV a une colonne inconnue ou en double, ou il lui manque la civilité "
        "ou l'adresse : renommer les colonnes d'après la liste acceptée.",
    ),
    Message(
        "donnees.correspondants_non_conformes",
        ErreurDonnees,
        "{chemin} : {erreurs} de données ({correspondants} sur {total})\n{detail}",
        "Des correspondants de la liste sont invalides : chaque ligne du détail donne la "
        "ligne du fichier (ou l'index), la personne et le champ ; --continuer écrit les "
        "courriers des autres.",
    ),
    # --- données : tableur des membres et présences (3) -------------------------------
    Message(
        "donnees.tableur_extension",
        ErreurDonnees,
        "{chemin} : tableur de type « {extension} » non pris en charge (.xlsx, .ods ou .csv)",
        "La liste des convoqués ou des réponses n'est ni un classeur Excel (.xlsx), ni un "
        "classeur OpenDocument (.ods), ni un CSV : l'enregistrer dans l'un de ces formats.",
    ),
    Message(
        "donnees.tableur_illisible",
        ErreurDonnees,
        "{chemin} : classeur illisible ({raison})",
        "Le fichier porte l'extension d'un classeur mais ne peut être lu (fichier abîmé, "
        "protégé par un mot de passe, autre format) : l'ouvrir et l'enregistrer de nouveau.",
    ),
    Message(
        "donnees.tableur_sans_entete",
        ErreurDonnees,
        "{chemin}, feuille « {feuille} » : aucune ligne d'en-tête trouvée dans les dix "
        "premières lignes (« Civilité », « Prénom », « Nom »… attendus)",
        "La feuille lue (« Membres », ou la première) ne nomme pas ses colonnes : ajouter "
        "une ligne d'en-tête (courriers exemple convoques --xlsx donne un tableur modèle).",
    ),
    Message(
        "donnees.tableur_entete",
        ErreurDonnees,
        "{chemin}, feuille « {feuille} », ligne {ligne} (en-tête) : {problemes}\n"
        "  colonnes reconnues : {colonnes}",
        "Une colonne obligatoire manque ou figure deux fois dans l'en-tête : renommer les "
        "colonnes d'après la liste reconnue (docs/reunions.md).",
    ),
    Message(
        "donnees.tableur_vide",
        ErreurDonnees,
        "{chemin}, feuille « {feuille} » : aucune ligne sous l'en-tête",
        "La feuille a un en-tête mais aucune personne : remplir au moins une ligne.",
    ),
    Message(
        "donnees.tableur_non_conformes",
        ErreurDonnees,
        "{chemin} : {erreurs} de données ({lignes} sur {total})\n{detail}",
        "Des lignes du tableur sont invalides : chaque ligne du détail donne la feuille, la "
        "ligne et la colonne, ce qui était attendu et ce qui a été lu.",
    ),
    Message(
        "donnees.reponse_inconnue",
        ErreurDonnees,
        "{chemin} : {nombre} sans membre correspondant\n{detail}",
        "Une réponse du fichier des réponses ne désigne aucun convoqué, ou en désigne "
        "plusieurs : corriger le prénom et le nom (tels qu'ils figurent dans la liste des "
        "convoqués).",
    ),
    Message(
        "donnees.conflits_presences",
        ErreurDonnees,
        "réponses enregistrées : {nombre} avec les règles des mandats et des suppléants\n{detail}",
        "Un pouvoir est donné à une personne qui n'est pas membre ou pas présente, un membre "
        "reçoit plus de pouvoirs que permis, ou un membre présent ou suppléé donne pouvoir "
        "(décret n° 2006-672, art. 10) : corriger le fichier des réponses.",
    ),
    Message(
        "donnees.expediteur_absent",
        ErreurDonnees,
        "convocations par courriel : aucune adresse d'envoi (convocation.courriel.expediteur, "
        "emetteur.agent.courriel ou emetteur.pied_de_page.courriel)",
        "Les courriels partent d'une adresse fonctionnelle : la donner dans "
        "convocation.courriel.expediteur (ou le courriel de l'agent).",
    ),
    Message(
        "donnees.smtp_incomplet",
        ErreurDonnees,
        "envoi des courriels : {probleme}",
        "L'envoi (--envoyer) demande un serveur SMTP (--smtp-hote) et, avec un identifiant, "
        "un mot de passe dans la variable COURRIERS_SMTP_MOT_DE_PASSE ou saisi à l'invite.",
    ),
    # --- modèle (4) ----------------------------------------------------------------
    Message(
        "modele.integre_introuvable",
        ErreurModele,
        "modèle intégré « {nom} » introuvable dans {dossier} : installation incomplète ?",
        "Un modèle fourni avec courriers manque : réinstaller le paquet.",
    ),
    Message(
        "modele.dossier_introuvable",
        ErreurModele,
        "dossier de modèles introuvable : {dossier}",
        "Le dossier de --dossier-modeles (ou de COURRIERS_MODELES) n'existe pas : corriger "
        "le chemin.",
    ),
    Message(
        "modele.introuvable",
        ErreurModele,
        "{chemin} : modèle introuvable ou illisible ({raison})",
        "Le modèle DOCX à rendre n'existe pas ou ne peut pas être lu : vérifier le chemin "
        "et les droits.",
    ),
    Message(
        "modele.trop_gros",
        ErreurModele,
        "{chemin} : modèle de {taille}, {maximum} au plus (COURRIERS_TAILLE_MAX_MODELE)",
        "Le modèle dépasse la limite de taille : alléger ses images, ou relever la limite "
        "par la variable d'environnement.",
    ),
    Message(
        "modele.pas_un_docx",
        ErreurModele,
        "{chemin} : ce n'est pas un document DOCX (un DOCX est une archive zip ; "
        "l'enregistrer au format « Document Word (.docx) »)",
        "Le modèle est un autre format (.doc, .odt, texte) : l'enregistrer en .docx depuis "
        "Word ou LibreOffice.",
    ),
    Message(
        "modele.archive_illisible",
        ErreurModele,
        "{chemin} : archive DOCX illisible ({raison})",
        "Le modèle est une archive zip endommagée : le réenregistrer depuis Word ou LibreOffice.",
    ),
    Message(
        "modele.trop_de_membres",
        ErreurModele,
        "{chemin} : {membres} parties dans l'archive, {maximum} au plus "
        "(COURRIERS_MEMBRES_MAX_MODELE)",
        "Le modèle contient un nombre démesuré de fichiers (archive piégée ?) ; les "
        "documents écrits ne pourraient pas en contenir plus de 65535 : ne pas utiliser "
        "ce fichier.",
    ),
    Message(
        "modele.pas_un_document_word",
        ErreurModele,
        "{chemin} : ce n'est pas un document Word : il manque {manquants}",
        "Le modèle est une archive zip sans document Word : partir d'un modèle copié avec "
        "« courriers modele copier ».",
    ),
    Message(
        "modele.decompresse_trop_gros",
        ErreurModele,
        "{chemin} : contenu décompressé de {taille}, {maximum} au plus "
        "(COURRIERS_TAILLE_MAX_DECOMPRESSEE)",
        "Le contenu du modèle, une fois décompressé, dépasse la limite : alléger le "
        "modèle, ou relever la limite par la variable d'environnement.",
    ),
    Message(
        "modele.bombe",
        ErreurModele,
        "{chemin} : « {membre} » est compressé {taux} fois, {maximum} au plus : archive "
        "suspecte (bombe de décompression)",
        "Une partie du modèle est compressée à l'excès, signe d'une archive piégée : ne pas "
        "utiliser ce fichier.",
    ),
    Message(
        "modele.opendocument",
        ErreurModele,
        "{chemin} : c'est un document OpenDocument ({sorte}), pas un document Word : "
        "dans LibreOffice, Fichier > Enregistrer sous… > Type de fichier « Word 2007-365 "
        "(.docx) » (dans Word : Enregistrer sous… > « Document Word (.docx) »)",
        "Le modèle a été enregistré au format de LibreOffice (.odt) : l'enregistrer en "
        "Document Word (.docx).",
    ),
    Message(
        "modele.macros",
        ErreurModele,
        "{chemin} : document Word avec macros (.docm ou .dotm), refusé : un modèle ne doit "
        "contenir aucune macro ; dans Word, Fichier > Enregistrer sous… > « Document Word "
        "(.docx) » (les macros sont retirées)",
        "Le modèle est un fichier Word prenant en charge les macros : l'enregistrer en "
        "Document Word (.docx).",
    ),
    Message(
        "modele.modifications_suivies",
        ErreurModele,
        "le modèle « {modele} » contient {nombre} modification(s) suivie(s) en attente "
        "({partie}, {premiere}) : courriers ne produit pas un document à partir d'un texte "
        "en révision ; dans Word, Révision > Accepter > Accepter toutes les modifications "
        "(ou Refuser), puis enregistrez ; « courriers modele verifier » les situe",
        "Le modèle a des modifications suivies (insertions, suppressions, déplacements, "
        "mises en forme) ni acceptées ni refusées : les accepter ou les refuser dans Word.",
    ),
    Message(
        "modele.illisible",
        ErreurModele,
        "le modèle « {chemin} » n'est pas un document DOCX lisible ({raison})",
        "Le modèle a la forme d'un DOCX mais son contenu est endommagé : le réenregistrer "
        "depuis Word ou LibreOffice.",
    ),
    Message(
        "modele.refuse",
        ErreurModele,
        "le modèle « {chemin} » est refusé : {rapport}",
        "Le vérificateur a trouvé des erreurs dans un modèle personnalisé, listées avec leur "
        "emplacement : les corriger (« courriers modele verifier » donne le même rapport).",
    ),
    Message(
        "modele.syntaxe",
        ErreurModele,
        "erreur de syntaxe dans le modèle « {modele} » : {detail}{pres_de}",
        "Une balise Jinja est mal écrite (parenthèse, accolade, bloc non fermé) : la corriger "
        "près du texte cité.",
    ),
    Message(
        "modele.filtre_inconnu",
        ErreurModele,
        "erreur de syntaxe dans le modèle « {modele} » : filtre inconnu « {nom} »{pres_de}",
        "Le modèle utilise un filtre qui n'existe pas : corriger son nom (filtres : "
        "docs/modeles-docx.md).",
    ),
    Message(
        "modele.variable_inconnue",
        ErreurModele,
        "le modèle « {modele} » utilise une variable inconnue : {detail}{pres_de}",
        "Le modèle nomme une variable ou un champ absent des données du document : corriger "
        "le nom (référence : docs/variables-*.md).",
    ),
    Message(
        "modele.acces_interdit",
        ErreurModele,
        "erreur dans le modèle « {modele} » : accès interdit à « {nom} » de {objet} : les "
        "modèles ne peuvent pas atteindre les mécanismes internes de Python{pres_de}",
        "Le modèle tente de sortir du bac à sable de Jinja : retirer la balise, un modèle "
        "n'a accès qu'aux données du document.",
    ),
    Message(
        "modele.erreur_jinja",
        ErreurModele,
        "erreur dans le modèle « {modele} » : {detail}{pres_de}",
        "Jinja a refusé le rendu pour une autre raison (opération interdite, erreur levée "
        "par le modèle) : corriger la balise près du texte cité.",
    ),
    Message(
        "modele.calcul_echoue",
        ErreurModele,
        "erreur dans le modèle « {modele} » ({partie}) : un calcul a échoué "
        "({exception} : {detail}){pres_de}",
        "Un calcul du modèle échoue sur ces données (division par zéro, élément absent "
        "d'une liste) : corriger la balise.",
    ),
    Message(
        "modele.xml_invalide",
        ErreurModele,
        "le modèle « {modele} » produit un XML invalide dans {partie} ({detail}) : une "
        "balise coupe sans doute un paragraphe ou un élément de Word (lien, contrôle de "
        "contenu, champ) ; « courriers modele verifier » situe le paragraphe",
        "Le rendu n'est pas un document Word bien formé (balise qui coupe un paragraphe, "
        "filtre « safe ») : corriger les balises de la partie indiquée.",
    ),
    Message(
        "modele.paragraphe_dans_un_texte",
        ErreurModele,
        "le modèle « {modele} » produit un XML invalide dans {partie} : des paragraphes à "
        "l'intérieur d'un texte ; un filtre de bloc comme « markdown » s'écrit seul dans "
        "son paragraphe, avec « {{{{p … }}}} »",
        "Un filtre de bloc est utilisé au milieu d'un paragraphe : l'écrire seul dans son "
        "paragraphe avec {{p … }}.",
    ),
    Message(
        "modele.reference_externe",
        ErreurModele,
        "le modèle « {chemin} » est refusé : référence externe dans {partie} ({lieu}) : "
        "{detail} ; un modèle ne peut lier ni fichier ni adresse (seuls les liens hypertextes "
        "sont permis)",
        "Le modèle contient une image liée, un champ INCLUDEPICTURE/INCLUDETEXT, un modèle "
        "attaché, un cadre ou une déclaration DOCTYPE/ENTITY : incorporer l'image dans le "
        "document (Insertion > Image), supprimer le champ ou la liaison.",
    ),
    Message(
        "modele.temps_depasse",
        ErreurModele,
        "le modèle « {modele} » ({partie}) : rendu arrêté au bout de {secondes} s de calcul "
        "(limite COURRIERS_DUREE_MAX_RENDU) ; une boucle trop longue ?{pres_de}",
        "Le rendu d'un document dépasse la limite de temps (boucles imbriquées, calcul sans "
        "fin) : simplifier le modèle, ou augmenter COURRIERS_DUREE_MAX_RENDU (secondes).",
    ),
    Message(
        "modele.verification_trop_longue",
        ErreurModele,
        "le modèle « {chemin} » : vérification arrêtée au bout de {secondes} s de calcul "
        "(limite COURRIERS_DUREE_MAX_VERIFICATION)",
        "La vérification d'un modèle dépasse la limite de temps : simplifier le modèle, ou "
        "augmenter COURRIERS_DUREE_MAX_VERIFICATION (secondes).",
    ),
    Message(
        "modele.limite_depassee",
        ErreurModele,
        "erreur dans le modèle « {modele} » ({partie}) : {detail}{pres_de}",
        "Le modèle demande un calcul ou un texte trop grand (puissance, répétition, texte de "
        "plus de COURRIERS_TAILLE_MAX_PARTIE millions de caractères) : corriger la balise.",
    ),
    Message(
        "modele.recursion",
        ErreurModele,
        "erreur dans le modèle « {modele} » ({partie}) : appels imbriqués trop profonds "
        "(une macro qui s'appelle elle-même sans fin ?){pres_de}",
        "Une macro du modèle s'appelle elle-même trop de fois : corriger la macro.",
    ),
    # --- écriture (5) --------------------------------------------------------------
    Message(
        "ecriture.dossier_inaccessible",
        ErreurEcriture,
        "{chemin} : impossible d'écrire dans le dossier « {dossier} » ({raison})",
        "Le dossier du document à écrire n'existe pas ou est en lecture seule : le créer ou "
        "choisir une autre sortie.",
    ),
    Message(
        "ecriture.impossible",
        ErreurEcriture,
        "{chemin} : écriture impossible ({raison})",
        "L'écriture a échoué en cours de route (disque plein, droits) : libérer de la place "
        "ou changer de dossier ; aucun fichier partiel n'est laissé.",
    ),
    Message(
        "ecriture.dossier_impossible_a_creer",
        ErreurEcriture,
        "{dossier} : dossier impossible à créer ({raison})",
        "Le dossier d'un lot ou des aperçus ne peut pas être créé (droits, un fichier porte "
        "ce nom) : choisir un autre dossier.",
    ),
    Message(
        "ecriture.noms_en_double",
        ErreurEcriture,
        "deux documents du lot porteraient le même nom",
        "Deux documents d'un lot (appel par l'API) ont le même nom de fichier : leur donner "
        "des noms distincts.",
    ),
    Message(
        "ecriture.existe_deja",
        ErreurEcriture,
        "{chemin} existe déjà : rien n'est remplacé",
        "« courriers modele copier » ne remplace pas un modèle existant : le renommer, ou "
        "copier dans un autre dossier.",
    ),
    Message(
        "ecriture.copie_impossible",
        ErreurEcriture,
        "{chemin} : copie impossible ({raison})",
        "La copie d'un modèle intégré a échoué (droits, disque plein) : choisir un autre dossier.",
    ),
    Message(
        "ecriture.smtp_injoignable",
        ErreurEcriture,
        "envoi des courriels : serveur {serveur} injoignable ou refusant la connexion ({raison})",
        "Le serveur SMTP ne répond pas, refuse l'identifiant ou le chiffrement : vérifier l'hôte, "
        "le port, --smtp-securite et le mot de passe ; le journal permet de reprendre l'envoi.",
    ),
    # --- contrôles (6) -------------------------------------------------------------
    Message(
        "controles.non_satisfaits",
        ErreurControles,
        "{rapport}",
        "Avec --strict, le courrier ne passe pas les contrôles (pièces jointes non "
        "mentionnées, agent ou coordonnées absents, accusé sans délai, réponse tardive), "
        "listés avec leur code : compléter les données (docs/courriers.md).",
    ),
    Message(
        "controles.accessibilite",
        ErreurControles,
        "{document} : contrôles d'accessibilité non satisfaits (--strict) : {rapport}",
        "Avec --strict, le document rendu a des avertissements d'accessibilité (image sans "
        "texte de remplacement, tableau sans ligne d'en-tête, niveau de titre sauté, "
        "paragraphe vide, contraste, titre vide, liste tapée) : corriger le modèle ou les "
        "données (docs/accessibilite.md).",
    ),
    # --- pdf (7) -------------------------------------------------------------------
    Message(
        "pdf.libreoffice_absent",
        ErreurConversion,
        "LibreOffice introuvable (ni soffice ni libreoffice dans le PATH) : pour produire "
        f"des PDF, installer LibreOffice ({INSTALLER_LIBREOFFICE}), ou donner son chemin "
        "dans la variable COURRIERS_SOFFICE",
        "--pdf, --pdfa et apercu ont besoin de LibreOffice : l'installer, ou donner son "
        "chemin dans COURRIERS_SOFFICE.",
    ),
    Message(
        "pdf.libreoffice_introuvable",
        ErreurConversion,
        "LibreOffice introuvable : COURRIERS_SOFFICE désigne « {programme} », qui n'existe "
        "pas ou n'est pas exécutable ; corriger la variable ou installer LibreOffice "
        f"({INSTALLER_LIBREOFFICE})",
        "La variable COURRIERS_SOFFICE ne désigne pas un programme : la corriger ou la supprimer.",
    ),
    Message(
        "pdf.lancement_impossible",
        ErreurConversion,
        "{programme} : impossible de lancer le programme ({raison})",
        "Le programme de conversion est trouvé mais ne démarre pas (fichier endommagé, "
        "droits) : réinstaller LibreOffice ou poppler-utils.",
    ),
    Message(
        "pdf.docx_introuvable",
        ErreurConversion,
        "{chemin} : fichier introuvable",
        "Un document à convertir (appel par l'API) n'existe pas : vérifier le chemin.",
    ),
    Message(
        "pdf.deja_un_pdf",
        ErreurConversion,
        "{chemin} : c'est déjà un PDF (un DOCX est attendu)",
        "Un PDF est donné à convertir (appel par l'API) : donner le DOCX.",
    ),
    Message(
        "pdf.polices_introuvables",
        ErreurConversion,
        "configuration des polices introuvable : {chemin} (installation incomplète ?)",
        "Le fichier fonts.conf fourni avec courriers manque : réinstaller le paquet.",
    ),
    Message(
        "pdf.echec",
        ErreurConversion,
        "LibreOffice a échoué (code {statut}) en convertissant {documents}{journal}",
        "LibreOffice s'est arrêté en erreur ; la fin de son journal suit le message : "
        "vérifier le document, ou mettre LibreOffice à jour.",
    ),
    Message(
        "pdf.processus_invalide",
        ErreurConversion,
        "{variable} : nombre de processus LibreOffice attendu (1 ou plus) ; reçu : {valeur}",
        "La variable d'environnement qui borne le nombre de processus LibreOffice simultanés "
        "ne contient pas un entier positif : lui donner un nombre (2, 4) ou la supprimer.",
    ),
    Message(
        "pdf.trop_long",
        ErreurConversion,
        "la conversion en PDF a dépassé {delai} s : {documents}",
        "LibreOffice n'a pas fini dans le délai et a été arrêté : réessayer sur une machine "
        "moins chargée, ou convertir moins de documents à la fois.",
    ),
    Message(
        "pdf.pdf_absent",
        ErreurConversion,
        "LibreOffice n'a pas produit de PDF pour {documents} (document illisible ou endommagé ?)",
        "LibreOffice a fini sans écrire le PDF d'un document : ouvrir le DOCX dans "
        "LibreOffice pour voir s'il est lisible.",
    ),
    Message(
        "pdf.pdf_incomplet",
        ErreurConversion,
        "{source} : le PDF produit par LibreOffice est vide ou incomplet",
        "Le PDF écrit par LibreOffice est tronqué (disque plein, arrêt brutal) : "
        "réessayer ; rien n'est publié.",
    ),
    Message(
        "pdf.pdf_non_balise",
        ErreurConversion,
        "{source} : le PDF produit par LibreOffice n'est pas balisé (LibreOffice trop ancien ?)",
        "Le PDF n'a pas la structure exigée pour l'accessibilité : mettre LibreOffice à "
        "jour (7.4 ou plus récent).",
    ),
    Message(
        "pdf.pas_pdfa",
        ErreurConversion,
        "{source} : le PDF produit par LibreOffice n'est pas un PDF/A-2b (LibreOffice trop "
        "ancien ?)",
        "Avec --pdfa, le PDF n'est pas identifié comme PDF/A-2b : mettre LibreOffice à jour "
        "(7.4 ou plus récent).",
    ),
    Message(
        "pdf.pas_pdfua",
        ErreurConversion,
        "{source} : le PDF produit par LibreOffice n'est pas un PDF/UA-1{avec} (il faut "
        "LibreOffice 7.2 ou plus récent pour le PDF/UA, 7.4 pour le PDF/UA avec le PDF/A)",
        "Avec --pdfua, le PDF n'est pas identifié comme PDF/UA-1 (accessibilité) : mettre "
        "LibreOffice à jour, ou retirer --pdfa si cette version ne sait pas produire les deux.",
    ),
    Message(
        "pdf.pdftoppm_absent",
        ErreurConversion,
        f"pdftoppm introuvable : pour les aperçus, installer poppler-utils ({INSTALLER_POPPLER})",
        "La commande apercu a besoin de pdftoppm : installer poppler-utils.",
    ),
    Message(
        "pdf.apercu_trop_long",
        ErreurConversion,
        "l'aperçu a dépassé {delai} s : {docx}",
        "pdftoppm n'a pas fini dans le délai et a été arrêté : réessayer, ou demander moins "
        "de pages ou une résolution plus basse.",
    ),
    Message(
        "pdf.apercu_absent",
        ErreurConversion,
        "{docx} : pdftoppm n'a pas produit d'aperçu (code {statut}){journal}",
        "pdftoppm s'est arrêté sans écrire d'image ; la fin de son journal suit le message : "
        "mettre poppler-utils à jour.",
    ),
    Message(
        "pdf.apercu_illisible",
        ErreurConversion,
        "{docx} : pdftoppm a produit une image illisible",
        "Une image écrite par pdftoppm n'est pas un PNG : réessayer, ou mettre "
        "poppler-utils à jour.",
    ),
    # --- interne (1) -------------------------------------------------------------------
    Message(
        "interne.inattendue",
        ErreurCourriers,
        "erreur interne inattendue ({exception}) : merci de la signaler avec la commande "
        "lancée ; COURRIERS_TRACE=1 affiche le détail",
        "Un défaut de courriers lui-même, qu'aucun fichier ne devrait provoquer : le "
        "signaler ; rien d'incomplet n'est publié.",
    ),
    # --- interruption (130, 143) -----------------------------------------------------
    Message(
        "interruption.ctrl_c",
        ErreurInterruption,
        "interrompu (Ctrl-C) : rien n'est publié, les fichiers déjà écrits restent intacts",
        "L'utilisateur a interrompu la commande : les fichiers temporaires sont supprimés "
        "et aucun document à moitié écrit n'est laissé.",
    ),
    Message(
        "interruption.arret",
        ErreurArret,
        "arrêté (signal SIGTERM) : rien n'est publié, les fichiers déjà écrits restent intacts",
        "Le système ou un autre programme a demandé l'arrêt : comme pour Ctrl-C, rien "
        "d'incomplet n'est laissé.",
    ),
)

CATALOGUE: Mapping[str, Message] = MappingProxyType({m.code: m for m in _MESSAGES})
"""Every message by its code, ordered by family (données, modèle, écriture,
contrôles, pdf, interne, interruption)."""

assert len(CATALOGUE) == len(_MESSAGES), "codes en double dans le catalogue"

CODES_SORTIE: tuple[tuple[int, str], ...] = (
    (0, "succès"),
    (ErreurCourriers.code_sortie, "erreur interne (à signaler)"),
    (CODE_USAGE, "usage"),
    (ErreurDonnees.code_sortie, "données invalides"),
    (ErreurModele.code_sortie, "modèle DOCX en erreur"),
    (ErreurEcriture.code_sortie, "écriture impossible"),
    (ErreurControles.code_sortie, "contrôles non satisfaits (--strict)"),
    (ErreurConversion.code_sortie, "conversion PDF impossible"),
    (CODE_LOT_INCOMPLET, "lot incomplet (--continuer)"),
    (ErreurInterruption.code_sortie, "interrompu (Ctrl-C)"),
    (ErreurArret.code_sortie, "arrêté (SIGTERM)"),
)
"""The exit codes of the command and what they mean, in order."""


def erreur(code: str, /, **valeurs: object) -> ErreurCourriers:
    """The exception of the message ``code``, its fields filled with ``valeurs``
    (exactly the fields of the message: a mistake is a programming error)."""
    try:
        message = CATALOGUE[code]
    except KeyError:
        raise ValueError(f"code de message inconnu : {code!r}") from None
    if set(valeurs) != message.champs:
        raise TypeError(
            f"{code} : champs attendus {sorted(message.champs)}, reçus {sorted(valeurs)}"
        )
    return message.classe(message.gabarit.format(**valeurs), code)


# --- Documentation ---------------------------------------------------------------

DEBUT = "<!-- catalogue:debut -->"
FIN = "<!-- catalogue:fin -->"


def _gabarit_lisible(gabarit: str) -> str:
    """The message as the user reads it, fields as ``{nom}``, in code spans
    for a Markdown table (one per line of the message).

    >>> _gabarit_lisible("a {x} | {{p}}\\nb")
    '`a {x} \\\\| {p}`<br>`b`'
    """
    morceaux = [
        texte + (f"{{{nom}}}" if nom else "")
        for texte, nom, _, _ in string.Formatter().parse(gabarit)
    ]
    lignes = "".join(morceaux).replace("|", "\\|").split("\n")
    return "<br>".join(f"`{ligne}`" for ligne in lignes)


def catalogue_markdown() -> str:
    """The table of the catalogue for ``docs/erreurs.md`` (between the markers)."""
    lignes = [
        "| code | sortie | message | quand |",
        "| --- | --- | --- | --- |",
    ]
    for message in CATALOGUE.values():
        quand = message.quand.replace("|", "\\|")
        lignes.append(
            f"| `{message.code}` | {message.classe.code_sortie} | "
            f"{_gabarit_lisible(message.gabarit)} | {quand} |"
        )
    return "\n".join(lignes) + "\n"


def avec_catalogue(texte: str) -> str:
    """``texte`` (``docs/erreurs.md``) with the section between the markers
    replaced by :func:`catalogue_markdown`."""
    debut, marque, reste = texte.partition(DEBUT)
    _, fin, suite = reste.partition(FIN)
    if not marque or not fin:
        raise ValueError(f"marqueurs {DEBUT} et {FIN} attendus")
    return f"{debut}{DEBUT}\n{catalogue_markdown()}{FIN}{suite}"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the catalogue in the file given (default ``docs/erreurs.md``)."""
    arguments = sys.argv[1:] if argv is None else argv
    chemin = Path(arguments[0] if arguments else "docs/erreurs.md")
    chemin.write_text(avec_catalogue(chemin.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"écrit : {chemin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
