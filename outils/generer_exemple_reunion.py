"""Generate the spreadsheets of the bundled meeting example.

Run ``python outils/generer_exemple_reunion.py`` from the repository root:
it writes ``exemples/cce-vichy-charmeil-2025-membres.xlsx`` (28 invitees:
24 titulaires in three collèges, 3 suppléants, 1 invited expert) and
``exemples/cce-vichy-charmeil-2025-reponses.xlsx`` (the replies recorded).
People and addresses are invented; the files are committed.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "src"))

from courriers.ecriture import ecrire_atomiquement  # noqa: E402
from courriers.tableur_modele import ENTETES_REPONSES, classeur  # noqa: E402

ETAT = "Collège des professions aéronautiques"
ELUS = "Collège des collectivités territoriales"
ASSOS = "Collège des associations de riverains et de protection de l'environnement"

_VICHY = ["Hôtel de ville", "Place de l'Hôtel de Ville", "03200 VICHY"]

#: (collège, civilité, prénom, nom, fonction, organisme, qualité, adresse)
MEMBRES: list[tuple[str, str, str, str, str, str, str, list[str]]] = [
    (
        ETAT,
        "M.",
        "Julien",
        "Ferrand",
        "directeur",
        "l'aérodrome de Vichy-Charmeil",
        "directeur",
        ["Aérodrome de Vichy-Charmeil", "03110 CHARMEIL"],
    ),
    (
        ETAT,
        "Mme",
        "Sophie",
        "Berthon",
        "délégué",
        "la direction de la sécurité de l'aviation civile Centre-Est",
        "directeur",
        ["1 rue du Colonel Chambonnet", "69500 BRON"],
    ),
    (
        ETAT,
        "M.",
        "Hugo",
        "Delorme",
        "président",
        "l'aéroclub de Vichy",
        "president_association",
        ["Aérodrome de Vichy-Charmeil", "03110 CHARMEIL"],
    ),
    (
        ETAT,
        "Mme",
        "Nadia",
        "Kessler",
        "gérant",
        "la société Auvergne Hélicoptères",
        "particulier",
        ["Zone aéroportuaire", "03110 CHARMEIL"],
    ),
    (
        ETAT,
        "M.",
        "Régis",
        "Aubry",
        "président",
        "le club de vol à voile du Bourbonnais",
        "president_association",
        ["12 route de Saint-Rémy", "03110 CHARMEIL"],
    ),
    (
        ETAT,
        "Mme",
        "Élodie",
        "Marchand",
        "responsable des opérations",
        "l'école de pilotage Air Allier",
        "particulier",
        ["Aérodrome de Vichy-Charmeil", "03110 CHARMEIL"],
    ),
    (
        ETAT,
        "M.",
        "Thierry",
        "Vasseur",
        "représentant",
        "l'union des pilotes privés d'Auvergne",
        "particulier",
        ["4 allée des Cèdres", "03300 CUSSET"],
    ),
    (
        ETAT,
        "M.",
        "Bruno",
        "Lagarde",
        "chef du service navigation aérienne",
        "la direction des services de la navigation aérienne",
        "chef_de_service",
        ["Aéroport de Clermont-Ferrand", "63510 AULNAT"],
    ),
    (ELUS, "M.", "Frédéric", "Aguilera", "maire", "la commune de Vichy", "maire", _VICHY),
    (
        ELUS,
        "Mme",
        "Martine",
        "Roche",
        "maire",
        "la commune de Charmeil",
        "maire",
        ["Mairie", "Place de la Mairie", "03110 CHARMEIL"],
    ),
    (
        ELUS,
        "M.",
        "Gilles",
        "Perrin",
        "maire",
        "la commune de Saint-Rémy-en-Rollat",
        "maire",
        ["Mairie", "03110 SAINT-REMY-EN-ROLLAT"],
    ),
    (
        ELUS,
        "Mme",
        "Anne",
        "Girard",
        "maire",
        "la commune de Vendat",
        "maire",
        ["Mairie", "03110 VENDAT"],
    ),
    (
        ELUS,
        "M.",
        "Olivier",
        "Lambert",
        "vice-président",
        "Vichy Communauté",
        "president_collectivite",
        ["9 place Charles de Gaulle", "03200 VICHY"],
    ),
    (
        ELUS,
        "Mme",
        "Isabelle",
        "Moreau",
        "conseiller départemental",
        "le conseil départemental de l'Allier",
        "president_collectivite",
        ["Hôtel du Département", "1 avenue Victor Hugo", "03000 MOULINS"],
    ),
    (
        ELUS,
        "M.",
        "Patrick",
        "Chevalier",
        "maire",
        "la commune de Bellerive-sur-Allier",
        "maire",
        ["Mairie", "03700 BELLERIVE-SUR-ALLIER"],
    ),
    (
        ELUS,
        "Mme",
        "Catherine",
        "Faure",
        "maire",
        "la commune d'Espinasse-Vozelle",
        "maire",
        ["Mairie", "03110 ESPINASSE-VOZELLE"],
    ),
    (
        ASSOS,
        "M.",
        "Bernard",
        "Tissier",
        "président",
        "l'association des riverains de l'aérodrome de Charmeil",
        "president_association",
        ["7 chemin des Vignes", "03110 CHARMEIL"],
    ),
    (
        ASSOS,
        "Mme",
        "Laure",
        "Benoît",
        "présidente",
        "France Nature Environnement Allier",
        "president_association",
        ["18 rue Régemortes", "03000 MOULINS"],
    ),
    (
        ASSOS,
        "M.",
        "Marc",
        "Dufour",
        "représentant",
        "l'UFC-Que Choisir de l'Allier",
        "president_association",
        ["22 rue de Paris", "03200 VICHY"],
    ),
    (
        ASSOS,
        "Mme",
        "Hélène",
        "Joly",
        "secrétaire",
        "la ligue pour la protection des oiseaux Auvergne-Rhône-Alpes",
        "president_association",
        ["2 rue du Clos Perret", "63100 CLERMONT-FERRAND"],
    ),
    (
        ASSOS,
        "M.",
        "Alain",
        "Rivière",
        "président",
        "le comité de quartier des Garets",
        "president_association",
        ["3 rue des Garets", "03200 VICHY"],
    ),
    (
        ASSOS,
        "Mme",
        "Valérie",
        "Collin",
        "personnalité qualifiée",
        "",
        "particulier",
        ["14 avenue de Gramont", "03200 VICHY"],
    ),
    (
        ASSOS,
        "M.",
        "Denis",
        "Morel",
        "président",
        "l'association Vivre à Vendat",
        "president_association",
        ["5 rue de l'Église", "03110 VENDAT"],
    ),
    (
        ASSOS,
        "Mme",
        "Sylvie",
        "Garnier",
        "représentant",
        "l'union départementale des associations familiales de l'Allier",
        "president_association",
        ["5 rue de la Fraternité", "03000 MOULINS"],
    ),
]

#: (titulaire suppléé, civilité, prénom, nom, fonction, organisme, adresse)
SUPPLEANTS = [
    (
        "Martine Roche",
        "M.",
        "Yves",
        "Bonnet",
        "adjoint au maire",
        "la commune de Charmeil",
        ["Mairie", "Place de la Mairie", "03110 CHARMEIL"],
    ),
    (
        "Julien Ferrand",
        "Mme",
        "Agnès",
        "Lemoine",
        "adjoint au directeur",
        "l'aérodrome de Vichy-Charmeil",
        ["Aérodrome de Vichy-Charmeil", "03110 CHARMEIL"],
    ),
    (
        "Bernard Tissier",
        "Mme",
        "Odile",
        "Renaud",
        "vice-président",
        "l'association des riverains de l'aérodrome de Charmeil",
        ["9 chemin des Vignes", "03110 CHARMEIL"],
    ),
]


def _courriel(prenom: str, nom: str) -> str:
    """``e.marchand@exemple.fr`` for Élodie Marchand (an address without accents)."""
    brut = unicodedata.normalize("NFKD", f"{prenom[0]}.{nom}".lower())
    return "".join(c for c in brut if c.isascii() and not c.isspace()) + "@exemple.fr"


def lignes_membres() -> list[dict[str, object]]:
    """Every invitee, titulaires then suppléants, then the invited expert."""
    lignes: list[dict[str, object]] = []
    for college, civilite, prenom, nom, fonction, organisme, qualite, adresse in MEMBRES:
        ligne: dict[str, object] = {
            "college": college,
            "civilite": civilite,
            "prenom": prenom,
            "nom": nom,
            "fonction": fonction,
            "organisme": organisme or None,
            "siege": "titulaire",
            "qualite_formules": qualite,
            "courriel": _courriel(prenom, nom) if nom != "Morel" else None,
        }
        ligne.update({f"adresse_{i}": a for i, a in enumerate(adresse, start=1)})
        lignes.append(ligne)
    for titulaire, civilite, prenom, nom, fonction, organisme, adresse in SUPPLEANTS:
        college = next(m[0] for m in MEMBRES if f"{m[2]} {m[3]}" == titulaire)
        ligne = {
            "college": college,
            "civilite": civilite,
            "prenom": prenom,
            "nom": nom,
            "fonction": fonction,
            "organisme": organisme,
            "siege": "suppléant",
            "suppleant_de": titulaire,
            "qualite_formules": "particulier",
        }
        ligne.update({f"adresse_{i}": a for i, a in enumerate(adresse, start=1)})
        lignes.append(ligne)
    lignes.append(
        {
            "civilite": "M.",
            "prenom": "Karim",
            "nom": "Benali",
            "fonction": "acousticien",
            "organisme": "le service technique de l'aviation civile",
            "membre": "non",
            "qualite_formules": "particulier",
            "adresse_1": "31 avenue du Maréchal Leclerc",
            "adresse_2": "94381 BONNEUIL-SUR-MARNE CEDEX",
        }
    )
    return lignes


#: (prénom, nom, réponse, pouvoir à, date de réponse, émargé)
REPONSES: list[tuple[str, str, str, str, str, str]] = [
    ("Julien", "Ferrand", "suppléé", "", "02/06/2025", ""),
    ("Agnès", "Lemoine", "présent", "", "02/06/2025", "oui"),
    ("Sophie", "Berthon", "à distance", "", "03/06/2025", ""),
    ("Hugo", "Delorme", "présent", "", "30/05/2025", "oui"),
    ("Nadia", "Kessler", "pouvoir", "Hugo Delorme", "04/06/2025", ""),
    ("Régis", "Aubry", "présent", "", "02/06/2025", "oui"),
    ("Élodie", "Marchand", "excusé", "", "05/06/2025", ""),
    ("Thierry", "Vasseur", "présent", "", "28/05/2025", "oui"),
    ("Bruno", "Lagarde", "présent", "", "02/06/2025", "oui"),
    ("Frédéric", "Aguilera", "pouvoir", "Olivier Lambert", "03/06/2025", ""),
    ("Martine", "Roche", "suppléé", "", "03/06/2025", ""),
    ("Yves", "Bonnet", "présent", "", "03/06/2025", "oui"),
    ("Gilles", "Perrin", "présent", "", "30/05/2025", "oui"),
    ("Anne", "Girard", "excusé", "", "04/06/2025", ""),
    ("Olivier", "Lambert", "présent", "", "02/06/2025", "oui"),
    ("Isabelle", "Moreau", "à distance", "", "05/06/2025", ""),
    ("Patrick", "Chevalier", "présent", "", "02/06/2025", "oui"),
    ("Bernard", "Tissier", "présent", "", "27/05/2025", "oui"),
    ("Laure", "Benoît", "présent", "", "28/05/2025", "oui"),
    ("Marc", "Dufour", "pouvoir", "Laure Benoît", "04/06/2025", ""),
    ("Hélène", "Joly", "excusé", "", "05/06/2025", ""),
    ("Alain", "Rivière", "présent", "", "02/06/2025", "oui"),
    ("Valérie", "Collin", "présent", "", "03/06/2025", "oui"),
    ("Sylvie", "Garnier", "pouvoir", "Valérie Collin", "04/06/2025", ""),
    ("Karim", "Benali", "présent", "", "02/06/2025", "oui"),
]


def lignes_reponses() -> list[dict[str, object]]:
    champs = ENTETES_REPONSES
    return [{c: v for c, v in zip(champs, reponse, strict=True) if v} for reponse in REPONSES]


def main() -> None:
    dossier = RACINE / "exemples"
    colleges = (ETAT, ELUS, ASSOS)
    membres = dossier / "cce-vichy-charmeil-2025-membres.xlsx"
    ecrire_atomiquement(membres, classeur(lignes_membres(), colleges))
    reponses = dossier / "cce-vichy-charmeil-2025-reponses.xlsx"
    ecrire_atomiquement(
        reponses, classeur(lignes_reponses(), colleges, ENTETES_REPONSES, "Réponses")
    )
    for chemin in (membres, reponses):
        print(f"écrit : {chemin}")


if __name__ == "__main__":
    main()
