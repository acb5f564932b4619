"""Letters as services write them: messages, bordereaux, signatures,
references, copies, emitters (regional préfets, Paris, préfet de police,
TAAF, préfets délégués, sous-préfets), checks by kind of letter, the
registry of document types."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import RACINE
from courriers import ecrire
from courriers.cli import analyseur, main
from courriers.documents import controles, depuis_donnees
from courriers.donnees.courrier import Bordereau, CourrierService, Message, Reponse
from courriers.donnees.emetteur import Emetteur
from courriers.moteur import filtres
from courriers.registre import TYPES
from outils_texte import texte

EXEMPLES = RACINE / "exemples"


def donnees(nom: str) -> dict[str, Any]:
    resultat: dict[str, Any] = json.loads((EXEMPLES / f"{nom}.json").read_text(encoding="utf-8"))
    return resultat


def rendu(donnees_: dict[str, Any], classe: Any, dossier: Path) -> str:
    sortie = dossier / "lettre.docx"
    ecrire(depuis_donnees(donnees_, classe), sortie)
    return texte(sortie)


# --- The message: one simple closing ------------------------------------------------


def test_message_une_seule_formule_de_cloture(tmp_path: Path) -> None:
    lu = rendu(donnees("message-cabinet-maires"), Message, tmp_path)
    lignes = lu.splitlines()
    assert lignes.count("Cordialement,") == 1
    assert "Je vous prie" not in lu and "agréer" not in lu
    assert "Mesdames et Messieurs les Maires," in lignes
    assert "Mesdames et Messieurs les maires du département" in lignes
    # the closing comes after the body, just before the signature
    rang = lignes.index("Cordialement,")
    assert lignes[rang + 1] == "Pour le préfet et par délégation,"


@pytest.mark.parametrize("salutation", ["Bien cordialement", "Très cordialement", "Bien à vous"])
def test_message_autres_salutations(salutation: str, tmp_path: Path) -> None:
    message = donnees("message-cabinet-maires")
    message["salutation"] = salutation
    assert f"\n{salutation},\n" in rendu(message, Message, tmp_path)


def test_message_a_une_personne_avec_sa_qualite(tmp_path: Path) -> None:
    message = donnees("message-cabinet-maires")
    del message["collectif"]
    message["destinataire"] = {"civilite": "Mme", "prenom": "Anne", "nom": "Roche"}
    message["qualite_formules"] = "maire"
    lu = rendu(message, Message, tmp_path)
    assert "à\nMadame Anne ROCHE\n" in lu
    assert "\nMadame la Maire,\n" in lu


def test_message_destinataire_ou_collectif(tmp_path: Path) -> None:
    from courriers.erreurs import ErreurDonnees

    message = donnees("message-cabinet-maires")
    message["destinataire"] = {"civilite": "M.", "fonction": "maire"}
    with pytest.raises(ErreurDonnees, match="soit « destinataire »"):
        depuis_donnees(message, Message)


def test_formule_de_cloture_dans_le_corps_signalee() -> None:
    message = donnees("message-cabinet-maires")
    message["corps"] += "\n\nCordialement"
    avertissements = controles(depuis_donnees(message, Message))
    assert [a.code for a in avertissements] == ["cloture_dans_le_corps"]
    assert "« Cordialement »" in avertissements[0].message
    reponse = donnees("reponse-maire")
    reponse["corps"] += (
        "\n\nJe vous prie d'agréer, Madame la Maire, l'expression de ma haute considération."
    )
    codes = [a.code for a in controles(depuis_donnees(reponse, Reponse))]
    assert codes == ["cloture_dans_le_corps"]


# --- The bordereau d'envoi -----------------------------------------------------------


def test_bordereau_tableau_des_pieces(tmp_path: Path) -> None:
    lu = rendu(donnees("bordereau-sous-prefecture"), Bordereau, tmp_path)
    assert "La sous-préfète de Montbrison\nà\nMonsieur le directeur régional" in lu
    assert "BORDEREAU D'ENVOI" in lu
    assert "Désignation des pièces\nNombre\nObservations\n" in lu
    assert "Registre et rapport de la consultation du public\n1\nRetour souhaité" in lu
    assert "V/Réf. : courriel du 2 mai 2024\nN/Réf. : SPM/ENV/2024-052" in lu


def test_bordereau_sans_piece_refuse() -> None:
    from courriers.erreurs import ErreurDonnees

    bordereau = donnees("bordereau-sous-prefecture")
    bordereau["pieces"] = []
    with pytest.raises(ErreurDonnees, match="pieces"):
        depuis_donnees(bordereau, Bordereau)


# --- References, copies, ampliations on any letter ------------------------------------


def test_references_copies_et_ampliations(tmp_path: Path) -> None:
    lettre = donnees("courrier-service-ddt")
    lettre["votre_reference"] = "DDT/SG/2022-04"
    lettre["copies"] = [{"civilite": "Mme", "fonction": "sous-préfet", "organisme": "Vichy"}]
    lettre["ampliations"] = [{"civilite": "M.", "prenom": "Jean", "nom": "Roy"}]
    lu = rendu(lettre, CourrierService, tmp_path)
    assert "Vos réf. : DDT/SG/2022-04\nNos réf. : SG/CP/2022-07" in lu
    assert "Copie à :\nMme la sous-préfète de Vichy.\n" in lu
    assert "Ampliation :\nM. Jean ROY.\n" in lu or lu.endswith("Ampliation :\nM. Jean ROY.")
    lettre["references_abregees"] = True
    assert "V/Réf. : DDT/SG/2022-04\nN/Réf. : SG/CP/2022-07" in rendu(
        lettre, CourrierService, tmp_path
    )


def test_vos_references_d_une_reponse_sans_courrier_recu(tmp_path: Path) -> None:
    lettre = donnees("reponse-maire")
    del lettre["courrier_recu"]
    lettre["votre_reference"] = "MB/2024/031"
    assert "Vos réf. : MB/2024/031\n" in rendu(lettre, Reponse, tmp_path)


# --- Signatures ------------------------------------------------------------------------


def signature(lu: str) -> str:
    """The text from the closing formula or the body's end to the copies."""
    return lu.split("considération distinguée.\n")[-1].split("considération.\n")[-1]


def test_signataire_designe_par_sa_fonction(tmp_path: Path) -> None:
    from courriers import charger

    sortie = tmp_path / "lettre.docx"
    ecrire(charger(EXEMPLES / "lettre-signature-fonction.json", Reponse), sortie)
    lu = texte(sortie)
    assert "\nLe chef de cabinet,\n" in lu
    assert "LE CHEF" not in lu and "Chef de Cabinet" not in lu
    assert "Signature du chef de cabinet du préfet de l'Allier" in lu  # image, with alt text


def test_cabinet_du_prefet_jamais_en_capitales(tmp_path: Path) -> None:
    lettre = donnees("lettre-signature-fonction")
    lettre["signataire"] = {"qualite": "cabinet du préfet"}  # no image: relative to the file
    lu = rendu(lettre, Reponse, tmp_path)
    assert lu.endswith("Le cabinet du préfet,")


def test_image_de_signature_dans_le_bloc(tmp_path: Path) -> None:
    from docx import Document

    sortie = tmp_path / "lettre.docx"
    lettre = depuis_donnees(donnees("lettre-signature-fonction"), Reponse)
    lettre = lettre.model_copy(
        update={
            "signataire": lettre.signataire.model_copy(
                update={"image": EXEMPLES / "signature-cabinet.png"}
            )
        }
    )
    ecrire(lettre, sortie)
    document = Document(str(sortie))
    paragraphes = document.paragraphs
    rang = next(i for i, p in enumerate(paragraphes) if p.text == "Le chef de cabinet,")
    image = paragraphes[rang + 1]
    assert image._p.xpath(".//wp:docPr/@descr") == [
        "Signature du chef de cabinet du préfet de l'Allier"
    ]
    assert image.style is not None and image.style.name == "Signature"


def test_delegation_empechement_interim_et_autorite_en_tete(tmp_path: Path) -> None:
    lettre = donnees("courrier-service-ddt")
    lettre["emetteur"]["civilite_prefet"] = "Mme"
    lettre["signataire"] = {
        "civilite": "Mme",
        "prenom": "Lucie",
        "nom": "Perrin",
        "qualite": "secrétaire général",
        "delegation": "empechement",
        "interim": True,
    }
    assert lettre["signataire"]["qualite"] == "secrétaire général"
    lu = rendu(lettre, CourrierService, tmp_path)
    assert lu.endswith(
        "Pour la préfète empêchée,\nLa secrétaire générale par intérim,\nLucie PERRIN"
    )
    lettre["signataire"].update(delegation=True, interim=False, autorite_en_tete=True)
    lu = rendu(lettre, CourrierService, tmp_path)
    assert lu.endswith(
        "La préfète,\nPour la préfète et par délégation,\nLa secrétaire générale,\nLucie PERRIN"
    )


def test_delegation_pour_une_autre_autorite(tmp_path: Path) -> None:
    lettre = donnees("courrier-service-ddt")
    lettre["signataire"] = {
        "civilite": "M.",
        "prenom": "Paul",
        "nom": "Henry",
        "qualite": "chef du service de l'eau",
        "delegation": True,
        "pour": {"civilite": "Mme", "fonction": "directeur départemental des territoires"},
    }
    lu = rendu(lettre, CourrierService, tmp_path)
    assert "Pour la directrice départementale des territoires et par délégation,\n" in lu
    assert "Le chef du service de l'eau,\nPaul HENRY" in lu


def test_plusieurs_signataires(tmp_path: Path) -> None:
    lettre = donnees("reponse-maire")
    lettre["cosignataires"] = [
        {
            "civilite": "M.",
            "prenom": "Marc",
            "nom": "Dubois",
            "qualite": "président du conseil départemental",
        }
    ]
    lu = rendu(lettre, Reponse, tmp_path)
    assert lu.endswith(
        "Pour la préfète et par délégation,\nLe secrétaire général,\nAlexandre SANZ\n"
        "Le président du conseil départemental,\nMarc DUBOIS"
    )


def test_prenom_sans_nom_refuse() -> None:
    from courriers.erreurs import ErreurDonnees

    lettre = donnees("reponse-maire")
    del lettre["signataire"]["nom"]
    with pytest.raises(ErreurDonnees, match="prénom sans nom"):
        depuis_donnees(lettre, Reponse)


def test_style_de_politesse_agreez(tmp_path: Path) -> None:
    lettre = donnees("reponse-maire")
    lettre["style_politesse"] = "agreez"
    lettre["correspondant"]["formule_appel"] = "Madame la Maire"
    assert "\nAgréez, Madame la Maire, l'expression de ma haute considération.\n" in rendu(
        lettre, Reponse, tmp_path
    )
    lettre["style_politesse"] = "veuillez"
    assert "\nVeuillez agréer, Madame la Maire, l'expression" in rendu(lettre, Reponse, tmp_path)


# --- Addresses: the DDT over two identity lines -----------------------------------------


def test_reponse_au_directeur_departemental_des_territoires(tmp_path: Path) -> None:
    lettre = donnees("reponse-maire")
    lettre["correspondant"] = {
        "civilite": "M.",
        "fonction": "directeur départemental des territoires",
        "qualite_formules": "directeur",
        "adresse": ["Cité administrative", "2 rue Michelet", "03000 MOULINS"],
    }
    lu = rendu(lettre, Reponse, tmp_path)
    assert (
        "Moulins, le 20/03/2024\nMonsieur le directeur départemental\ndes territoires\n"
        "Cité administrative\n2 rue Michelet\n03000 MOULINS\n"
    ) in lu


# --- Emitters ---------------------------------------------------------------------------


def emetteur(**champs: Any) -> Emetteur:
    return Emetteur.model_validate({"ville": "Paris", **champs})


@pytest.mark.parametrize(
    ("champs", "bloc", "texte_courant"),
    [
        (
            {"region": "84"},
            "PRÉFET DE LA RÉGION\nAUVERGNE-RHÔNE-ALPES\nPRÉFET DU RHÔNE",
            "le préfet de la région Auvergne-Rhône-Alpes",
        ),
        (
            {"region": "84", "civilite_prefet": "Mme"},
            "PRÉFÈTE DE LA RÉGION\nAUVERGNE-RHÔNE-ALPES\nPRÉFÈTE DU RHÔNE",
            "la préfète de la région Auvergne-Rhône-Alpes",
        ),
        (
            {"region": "11"},
            "PRÉFET DE LA RÉGION\nD'ÎLE-DE-FRANCE\nPRÉFET DE PARIS",
            "le préfet de la région d'Île-de-France",
        ),
        ({"autorite": "prefet_de_police"}, "PRÉFET\nDE POLICE", "le préfet de police"),
        (
            {"autorite": "taaf"},
            "ADMINISTRATEUR SUPÉRIEUR\nDES TERRES AUSTRALES ET ANTARCTIQUES FRANÇAISES",
            "l'administrateur supérieur des Terres australes et antarctiques françaises",
        ),
        (
            {"departement": "69", "autorite": "prefet_delegue_defense_securite"},
            "PRÉFET\nDU RHÔNE",
            "le préfet délégué pour la défense et la sécurité",
        ),
        (
            {"departement": "93", "autorite": "prefet_delegue_egalite_chances"},
            "PRÉFET\nDE LA SEINE-SAINT-DENIS",
            "le préfet délégué pour l'égalité des chances",
        ),
        (
            {"departement": "42", "sous_prefecture": "Montbrison"},
            "PRÉFET\nDE LA LOIRE",
            "le sous-préfet de Montbrison",
        ),
        (
            {"departement": "63", "sous_prefecture": "Issoire", "civilite_sous_prefet": "Mme"},
            "PRÉFET\nDU PUY-DE-DÔME",
            "la sous-préfète d'Issoire",
        ),
        (
            {"titre": "PRÉFET DE LA ZONE DE DÉFENSE ET DE SÉCURITÉ SUD-EST"},
            "PRÉFET\nDE LA ZONE DE DÉFENSE ET DE SÉCURITÉ SUD-EST",
            "le préfet de la zone de défense et de sécurité Sud-Est",
        ),
    ],
)
def test_bloc_marque_et_texte_courant_des_memes_donnees(
    champs: dict[str, Any], bloc: str, texte_courant: str
) -> None:
    e = emetteur(**champs)
    assert filtres.bloc_marque(e) == bloc
    assert filtres.autorite(e) == texte_courant
    assert texte_courant == texte_courant.lower() or not texte_courant.isupper()


def test_prefet_de_region_chef_lieu() -> None:
    assert emetteur(region="84").departement == "69"
    with pytest.raises(ValueError, match=r"chef-lieu \(« 69 »\)"):
        emetteur(region="84", departement="42")
    with pytest.raises(ValueError, match="code de région inconnu"):
        emetteur(region="99")


def test_prefet_de_police_delegue_en_signature(tmp_path: Path) -> None:
    lettre = donnees("courrier-service-ddt")
    lettre["emetteur"] = {**lettre["emetteur"], "autorite": "prefet_de_police"}
    del lettre["emetteur"]["departement"]
    lu = rendu(lettre, CourrierService, tmp_path)
    assert lu.startswith("PRÉFET\nDE POLICE\n")
    assert "\nLe préfet de police\nà\n" in lu
    assert "Pour le préfet de police et par délégation," in lu


# --- Checks: CRPA for letters to the public only ------------------------------------------


def sans_agent(lettre: dict[str, Any]) -> dict[str, Any]:
    resultat = copy.deepcopy(lettre)
    resultat["emetteur"].pop("agent", None)
    return resultat


@pytest.mark.parametrize(
    ("nom", "classe", "attendus"),
    [
        ("reponse-maire", Reponse, ["sans_agent"]),
        ("courrier-service-ddt", CourrierService, []),
        ("message-cabinet-maires", Message, []),
        ("bordereau-sous-prefecture", Bordereau, []),
    ],
)
def test_crpa_seulement_pour_le_public(nom: str, classe: Any, attendus: list[str]) -> None:
    document = depuis_donnees(sans_agent(donnees(nom)), classe)
    assert [a.code for a in controles(document)] == attendus


def test_service_et_message_sans_avertissement_crpa_en_ligne_de_commande(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for commande, nom in (
        ("service", "courrier-service-ddt"),
        ("message", "message-cabinet-maires"),
    ):
        fichier = tmp_path / f"{nom}.json"
        fichier.write_text(json.dumps(sans_agent(donnees(nom))), encoding="utf-8")
        assert main([commande, str(fichier), "--strict"]) == 0
    assert "CRPA" not in capsys.readouterr().err


# --- The registry and the command line --------------------------------------------------


def test_chaque_type_a_sa_commande_et_ses_options() -> None:
    import argparse

    actions = analyseur()._subparsers._group_actions  # type: ignore[union-attr]
    sous = next(a for a in actions if isinstance(a, argparse._SubParsersAction))
    for code, type_document in TYPES.items():
        aide = sous.choices[code].format_help()
        assert ("--correspondants" in aide) == (type_document.par_correspondant is not None)
        assert ("--fusion" in aide) == type_document.en_lot
        if "avec --correspondants" in aide:
            assert "--correspondants LISTE" in aide


def test_service_par_correspondant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    liste = tmp_path / "services.csv"
    liste.write_text(
        "civilite;fonction;adresse_1;adresse_2\n"
        "M.;directeur départemental des territoires;2 rue Michelet;03000 MOULINS\n"
        "Mme;directeur départemental de la protection des populations;"
        "1 rue Gambetta;03000 MOULINS\n",
        encoding="utf-8",
    )
    dossier = tmp_path / "courriers"
    code = main(
        [
            "service",
            str(EXEMPLES / "courrier-service-ddt.json"),
            "--correspondants",
            str(liste),
            "-o",
            str(dossier),
        ]
    )
    assert code == 0
    noms = sorted(p.name for p in dossier.iterdir())
    assert len(noms) == 2
    second = texte(dossier / noms[1])
    assert "à\nMadame la directrice départementale de la protection des populations\n" in second


def test_le_verificateur_n_importe_pas_documents() -> None:
    import ast

    for chemin in (RACINE / "src" / "courriers" / "verification").glob("*.py"):
        arbre = ast.parse(chemin.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(arbre) if isinstance(n, ast.ImportFrom) and n.module}
        assert "courriers.documents" not in modules, chemin


def test_pas_de_dispatch_par_isinstance_hors_du_registre() -> None:
    """documents.py and cli.py never branch on the kind of document: the
    registry says what each type does."""
    import ast

    classes = {t.classe.__name__ for t in TYPES.values()} | {
        "Lettre",
        "Reponse",
        "AccuseReception",
        "Convocation",
    }
    for nom in ("documents.py", "cli.py", "lettres.py"):
        arbre = ast.parse((RACINE / "src" / "courriers" / nom).read_text(encoding="utf-8"))
        for noeud in ast.walk(arbre):
            if (
                isinstance(noeud, ast.Call)
                and isinstance(noeud.func, ast.Name)
                and noeud.func.id == "isinstance"
            ):
                cibles = ast.unparse(noeud.args[1])
                trouvees = {c for c in classes if c in cibles.replace("(", " ").split()}
                # the one guard left: --correspondants through the API for a non-letter
                assert trouvees <= {"Lettre"}, f"{nom} : isinstance(…, {cibles})"
