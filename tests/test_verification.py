"""The template checker: each planted mistake found once, at its place, and
nothing on the built-in templates."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentWord

from courriers.erreurs import ErreurModele
from courriers.modeles import modele_integre
from courriers.verification import Probleme, rapport, rapport_json, verifier_modele

Construction = Callable[[DocumentWord], None]


def paragraphes(*textes: str) -> Construction:
    """Body paragraphs, one a text."""

    def construire(document: DocumentWord) -> None:
        for texte in textes:
            document.add_paragraph(texte)

    return construire


def tableau(*lignes: Sequence[str]) -> Construction:
    """A table, one row a sequence of cell texts."""

    def construire(document: DocumentWord) -> None:
        table = document.add_table(rows=len(lignes), cols=len(lignes[0]))
        for rang, ligne in enumerate(lignes):
            for colonne, texte in enumerate(ligne):
                table.cell(rang, colonne).paragraphs[0].text = texte

    return construire


def entete(texte: str) -> Construction:
    def construire(document: DocumentWord) -> None:
        document.sections[0].header.paragraphs[0].text = texte

    return construire


def pied(texte: str) -> Construction:
    def construire(document: DocumentWord) -> None:
        document.sections[0].footer.paragraphs[0].text = texte

    return construire


def modele(dossier: Path, *constructions: Construction, nom: str = "modele.docx") -> Path:
    """A DOCX template made of ``constructions``, in order."""
    document = Document()
    for construire in constructions:
        construire(document)
    chemin = dossier / nom
    document.save(str(chemin))
    return chemin


@dataclass(frozen=True)
class Cas:
    """A template with one planted mistake, and what must be reported."""

    nom: str
    constructions: tuple[Construction, ...]
    genre: str
    partie: str
    lieu: str
    texte: str
    dans_le_message: tuple[str, ...] = ()
    code_type: str = "cr"


POUR_TR = "{%tr for point in reunion.ordre_du_jour %}"

CORPUS = [
    Cas(
        "variable inconnue dans le corps",
        (paragraphes("Objet : {{ objet }}", "Salle : {{ reunion.salle }}"),),
        "variable_inconnue",
        "corps",
        "¶2",
        "Salle : {{ reunion.salle }}",
        ("« reunion.salle »", "« salle » n'existe pas dans Reunion"),
    ),
    Cas(
        "attribut inconnu d'une variable de boucle, dans une cellule",
        (
            tableau(
                [POUR_TR, ""], ["{{ loop.index }}", "{{ point.titer }}"], ["{%tr endfor %}", ""]
            ),
        ),
        "variable_inconnue",
        "corps",
        "tableau 1, ligne 2, cellule 2, ¶1",
        "{{ point.titer }}",
        ("« point.titer »", "PointOrdreDuJour", "vouliez-vous dire « titre » ?"),
    ),
    Cas(
        "attribut d'une liste",
        (paragraphes("{{ reunion.ordre_du_jour.titre }}"),),
        "variable_inconnue",
        "corps",
        "¶1",
        "{{ reunion.ordre_du_jour.titre }}",
        ("est une liste", "{%p for"),
    ),
    Cas(
        "variable inconnue dans un en-tête",
        (paragraphes("{{ objet }}"), entete("{{ emeteur.ville }}")),
        "variable_inconnue",
        "en-tête 1",
        "¶1",
        "{{ emeteur.ville }}",
        ("« emeteur »", "vouliez-vous dire « emetteur » ?"),
    ),
    Cas(
        "variable calculée inconnue",
        (paragraphes("{{ formules.apel }}"),),
        "variable_inconnue",
        "corps",
        "¶1",
        "{{ formules.apel }}",
        ("vouliez-vous dire « appel » ?",),
        code_type="convocation",
    ),
    Cas(
        "filtre inconnu dans un pied de page",
        (paragraphes("{{ objet }}"), pied("Le {{ reunion.date|date_longe }}")),
        "filtre_inconnu",
        "pied de page 1",
        "¶1",
        "Le {{ reunion.date|date_longe }}",
        ("« date_longe »", "vouliez-vous dire « date_longue » ?"),
    ),
    Cas(
        "filtre inconnu dans une cellule",
        (tableau(["Date", "{{ reunion.date|date_longue|majuscules }}"]),),
        "filtre_inconnu",
        "corps",
        "tableau 1, ligne 1, cellule 2, ¶1",
        "{{ reunion.date|date_longue|majuscules }}",
        ("« majuscules »",),
    ),
    Cas(
        "erreur de syntaxe dans une expression",
        (paragraphes("Intro", "Le {{ reunion.date|date_longue( }} à Moulins"),),
        "syntaxe",
        "corps",
        "¶2",
        "Le {{ reunion.date|date_longue( }} à Moulins",
        ("« {{ reunion.date|date_longue( }} »",),
    ),
    Cas(
        "condition vide",
        (paragraphes("{% if %}oui{% endif %}"),),
        "syntaxe",
        "corps",
        "¶1",
        "{% if %}oui{% endif %}",
        ("« {% if %} »",),
    ),
    Cas(
        "fermeture mal orthographiée",
        (paragraphes("{%p if reunion.lieu %}", "{{ reunion.lieu }}", "{%p endfi %}"),),
        "syntaxe",
        "corps",
        "¶3",
        "{%p endfi %}",
        ("vouliez-vous dire « endif » ?",),
    ),
    Cas(
        "deux « else » dans un bloc",
        (paragraphes("Intro", "{% if objet %}a{% else %}b{% else %}c{% endif %}"),),
        "syntaxe",
        "corps",
        "¶2",
        "{% if objet %}a{% else %}b{% else %}c{% endif %}",
        ("« else » vient en dernier",),
    ),
    Cas(
        "erreur vue seulement par la compilation de la partie entière",
        (paragraphes("{% block a %}x{% endblock %}", "Texte", "{% block a %}y{% endblock %}"),),
        "syntaxe",
        "corps",
        "¶3",
        "{% block a %}y{% endblock %}",
        ("block 'a' defined twice",),
    ),
    Cas(
        "attribut interne de Python",
        (paragraphes("{{ reunion.__class__ }}"),),
        "variable_inconnue",
        "corps",
        "¶1",
        "{{ reunion.__class__ }}",
        ("accès interdit à « __class__ »",),
    ),
    Cas(
        "balise coupée sur deux paragraphes",
        (paragraphes("Le {{ reunion.", "date }} à Moulins"),),
        "balise_coupee",
        "corps",
        "¶1",
        "Le {{ reunion.",
        ("se ferme au ¶2",),
    ),
    Cas(
        "balise jamais fermée",
        (paragraphes("Le {{ reunion.date", "à Moulins"),),
        "balise_coupee",
        "corps",
        "¶1",
        "Le {{ reunion.date",
        ("jamais fermée", "« }} »"),
    ),
    Cas(
        "ouverture écrite avec une espace",
        (paragraphes("Le { { reunion.date }}"),),
        "balise_coupee",
        "corps",
        "¶1",
        "Le { { reunion.date }}",
        ("« { { »", "« {{ »"),
    ),
    Cas(
        "fermeture écrite avec une espace, dans une cellule",
        (tableau(["Date", "{% if reunion.lieu % }{{ reunion.lieu }}{% endif %}"]),),
        "balise_coupee",
        "corps",
        "tableau 1, ligne 1, cellule 2, ¶1",
        "{% if reunion.lieu % }{{ reunion.lieu }}{% endif %}",
        ("« % } »", "« %} »"),
    ),
    Cas(
        "texte à côté d'une balise {%p %}",
        (paragraphes("Lieu : {%p if reunion.lieu %}", "{{ reunion.lieu }}", "{%p endif %}"),),
        "texte_perdu",
        "corps",
        "¶1",
        "Lieu : {%p if reunion.lieu %}",
        ("« Lieu : »", "disparaîtrait"),
    ),
    Cas(
        "texte dans la ligne d'une balise {%tr %}",
        (tableau([POUR_TR, "Intitulé"], ["{{ point.titre }}", ""], ["{%tr endfor %}", ""]),),
        "texte_perdu",
        "corps",
        "tableau 1, ligne 1, cellule 1, ¶1",
        f"{POUR_TR} | Intitulé",
        ("« Intitulé »", "toute la ligne du tableau"),
    ),
    Cas(
        "{% tr avec une espace",
        (
            tableau(
                ["{% tr for point in reunion.ordre_du_jour %}"],
                ["{{ point.titre }}"],
                ["{%tr endfor %}"],
            ),
        ),
        "tr_avec_espace",
        "corps",
        "tableau 1, ligne 1, cellule 1, ¶1",
        "{% tr for point in reunion.ordre_du_jour %}",
        ("« {%tr for point in reunion.ordre_du_jour %} »",),
    ),
    Cas(
        "{% p avec une espace",
        (paragraphes("{% p if reunion.lieu %}", "{{ reunion.lieu }}", "{%p endif %}"),),
        "tr_avec_espace",
        "corps",
        "¶1",
        "{% p if reunion.lieu %}",
        ("« {%p if reunion.lieu %} »",),
    ),
    Cas(
        "{%p if %} jamais fermé",
        (paragraphes("{%p if reunion.lieu %}", "{{ reunion.lieu }}", "Fin"),),
        "bloc_non_ferme",
        "corps",
        "¶1",
        "{%p if reunion.lieu %}",
        ("« {%p endif %} »",),
    ),
    Cas(
        "{%p endfor %} sans ouverture",
        (paragraphes("{{ objet }}", "{%p endfor %}"),),
        "bloc_non_ferme",
        "corps",
        "¶2",
        "{%p endfor %}",
        ("« for »", "pas ouvert"),
    ),
    Cas(
        "blocs croisés",
        (
            paragraphes(
                "{% if reunion.lieu %}{% for g in reunion.presents %}{{ g.titre }}"
                "{% endif %}{% endfor %}"
            ),
        ),
        "bloc_croise",
        "corps",
        "¶1",
        "{% if reunion.lieu %}{% for g in reunion.presents %}{{ g.titre }}{% endif %}{% endfor %}",
        ("« {% endif %} »", "ordre inverse"),
    ),
    Cas(
        "paire {%tr %} répartie sur deux tableaux",
        (
            tableau([POUR_TR], ["{{ point.titre }}"]),
            paragraphes("Entre les deux tableaux"),
            tableau(["{%tr endfor %}"]),
        ),
        "bloc_croise",
        "corps",
        "tableau 1, ligne 1, cellule 1, ¶1",
        POUR_TR,
        ("deux tableaux", "tableau 2, ligne 1, cellule 1, ¶1"),
    ),
    Cas(
        "{%p for %} ouvert dans le corps, fermé dans une cellule",
        (
            paragraphes("Ordre du jour :", "{%p for point in reunion.ordre_du_jour %}"),
            tableau(["{{ point.titre }}"], ["{%p endfor %}"]),
        ),
        "bloc_croise",
        "corps",
        "¶2",
        "{%p for point in reunion.ordre_du_jour %}",
        ("tableau 1, ligne 2, cellule 1, ¶1", "même cellule"),
    ),
    Cas(
        "{% if %} ouvert et fermé dans deux paragraphes",
        (paragraphes("Réunion{% if reunion.lieu %} tenue", "{{ reunion.lieu }}{% endif %}."),),
        "bloc_croise",
        "corps",
        "¶1",
        "Réunion{% if reunion.lieu %} tenue",
        ("même paragraphe", "(¶2)"),
    ),
    Cas(
        "{%tr %} hors d'un tableau",
        (paragraphes(POUR_TR), tableau(["{{ point.titre }}"], ["{%tr endfor %}"])),
        "tr_hors_tableau",
        "corps",
        "¶1",
        POUR_TR,
        ("pas dans un tableau",),
    ),
]


@pytest.mark.parametrize("cas", CORPUS, ids=[c.nom for c in CORPUS])
def test_chaque_erreur_plantee_est_signalee_une_fois_a_sa_place(cas: Cas, tmp_path: Path) -> None:
    problemes = verifier_modele(modele(tmp_path, *cas.constructions), cas.code_type)
    assert len(problemes) == 1, rapport(problemes)
    probleme = problemes[0]
    assert (probleme.genre, probleme.partie, probleme.lieu) == (cas.genre, cas.partie, cas.lieu)
    assert probleme.texte == cas.texte
    for attendu in cas.dans_le_message:
        assert attendu in probleme.message


def test_le_corpus_couvre_chaque_genre_dans_chaque_sorte_de_partie() -> None:
    genres = {
        "syntaxe",
        "variable_inconnue",
        "filtre_inconnu",
        "balise_coupee",
        "texte_perdu",
        "tr_avec_espace",
        "bloc_non_ferme",
        "bloc_croise",
        "tr_hors_tableau",
    }
    assert len(CORPUS) >= 15
    assert {c.genre for c in CORPUS} == genres
    assert {c.partie for c in CORPUS} >= {"corps", "en-tête 1", "pied de page 1"}
    assert any(c.lieu.startswith("tableau") for c in CORPUS)


MODELES_INTEGRES = [
    ("compte-rendu.docx", "cr"),
    ("convocation.docx", "convocation"),
    ("reponse.docx", "reponse"),
    ("accuse-reception.docx", "accuse-reception"),
    ("courrier-service.docx", "service"),
    ("coupon-reponse.docx", "coupon-reponse"),
    ("emargement.docx", "emargement"),
]


@pytest.mark.parametrize(("nom", "code_type"), MODELES_INTEGRES)
def test_les_modeles_integres_n_ont_aucun_probleme(nom: str, code_type: str) -> None:
    assert verifier_modele(modele_integre(nom), code_type) == []


def test_un_modele_integre_verifie_pour_un_autre_type_a_des_variables_inconnues() -> None:
    problemes = verifier_modele(modele_integre("compte-rendu.docx"), "service")
    assert problemes
    assert {p.genre for p in problemes} == {"variable_inconnue"}
    assert any("« reunion »" in p.message for p in problemes)


def test_les_constructions_correctes_ne_sont_pas_signalees(tmp_path: Path) -> None:
    chemin = modele(
        tmp_path,
        paragraphes(
            "{# un commentaire #}{{ image_marianne }}",
            "{%p set titre = reunion.instance.nom %}",
            "{{ titre|majuscule_initiale }}, le {{ reunion.date|date_longue }}"
            "{% if reunion.lieu %}, {{ reunion.lieu }}{% endif %}.",
            "{{ \u2018présidé\u2019|accord(reunion.instance) }} par {{ reunion.president|personne }}",
            "{%p for groupe in reunion.presents %}",
            "{%p for personne in groupe.participants %}",
            "{{ loop.index }}. {{ personne.nom|upper }}{{ '.' if loop.last else ',' }}",
            "{%p endfor %}",
            "{%p endfor %}",
            "{%p macro ligne(texte, fin='.') %}",
            "{{ texte }}{{ fin }}",
            "{%p endmacro %}",
            "{{ ligne(reunion.instance.nom) }}",
            "{%p for convoque in reunion.convoques %}",
            "{{ convoque|prenom_nom }} {{ convoque.adresse|join(', ') }}",
            "{%p endfor %}",
        ),
        tableau([POUR_TR, ""], ["{{ loop.index }}", "{{ point.titre }}"], ["{%tr endfor %}", ""]),
        pied("{{ emetteur.pied_de_page.adresse|join(' – ') if emetteur.pied_de_page }}"),
    )
    assert verifier_modele(chemin, "cr") == []


def test_tous_les_problemes_sont_signales_d_un_coup_dans_l_ordre(tmp_path: Path) -> None:
    chemin = modele(
        tmp_path,
        paragraphes(
            "Le {{ reunion.date|date_longue( }}",
            "Salle : {{ reunion.salle }}",
            "{%p for point in reunion.ordre_du_jour %}",
            "{{ point.titer|date_longe }}",
        ),
        entete("{{ emeteur.ville }}"),
        pied("{ { objet }}"),
    )
    problemes = verifier_modele(chemin, "cr")
    resume = [(p.partie, p.lieu, p.genre) for p in problemes]
    assert resume == [
        ("corps", "¶1", "syntaxe"),
        ("corps", "¶2", "variable_inconnue"),
        ("corps", "¶3", "bloc_non_ferme"),
        ("corps", "¶4", "variable_inconnue"),
        ("corps", "¶4", "filtre_inconnu"),
        ("en-tête 1", "¶1", "variable_inconnue"),
        ("pied de page 1", "¶1", "balise_coupee"),
    ]


def test_rapport_texte(tmp_path: Path) -> None:
    chemin = modele(tmp_path, paragraphes("Salle : {{ reunion.salle }}", "{{ objet|majuscule }}"))
    texte = rapport(verifier_modele(chemin, "cr"))
    lignes = texte.splitlines()
    assert lignes[0] == "2 problèmes :"
    assert lignes[1].startswith("corps ¶1 — variable inconnue « reunion.salle » : ")
    assert lignes[1].endswith(" — « Salle : {{ reunion.salle }} »")
    assert lignes[2].startswith("corps ¶2 — filtre inconnu « majuscule »")
    assert rapport([]) == "Aucun problème."


def test_rapport_json(tmp_path: Path) -> None:
    chemin = modele(tmp_path, paragraphes("Salle : {{ reunion.salle }}"))
    problemes = verifier_modele(chemin, "cr")
    texte = rapport_json(problemes)
    assert "¶1" in texte and "« reunion.salle »" in texte  # ensure_ascii=False
    assert '\n  {\n    "genre"' in texte  # indent 2
    donnees = json.loads(texte)
    assert donnees == [
        {
            "genre": "variable_inconnue",
            "partie": "corps",
            "lieu": "¶1",
            "texte": "Salle : {{ reunion.salle }}",
            "message": problemes[0].message,
            "gravite": "erreur",
        }
    ]
    assert [Probleme(**d) for d in donnees] == problemes
    assert json.loads(rapport_json([])) == []


def test_un_fichier_qui_n_est_pas_un_docx_est_refuse(tmp_path: Path) -> None:
    texte = tmp_path / "modele.docx"
    texte.write_text("pas un document Word", encoding="utf-8")
    with pytest.raises(ErreurModele, match="n'est pas un document DOCX"):
        verifier_modele(texte, "cr")
    zip_sans_document = tmp_path / "vide.docx"
    with zipfile.ZipFile(zip_sans_document, "w") as paquet:
        paquet.writestr("autre.txt", "rien")
    with pytest.raises(ErreurModele):
        verifier_modele(zip_sans_document, "cr")
    with pytest.raises(ErreurModele):
        verifier_modele(tmp_path / "absent.docx", "cr")


def test_un_type_inconnu_est_refuse(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="type de document inconnu"):
        verifier_modele(modele(tmp_path, paragraphes("x")), "lettre")


def test_le_verificateur_connait_les_variables_des_comptes_rendus(tmp_path: Path) -> None:
    connues = modele(
        tmp_path,
        paragraphes(
            "{{ reunion|titre_document }} {{ nature }} {{ titre }} {{ reunion|ouverture }}",
            "{% for a in a_retenir %}{{ a }}{% endfor %}{{ reunion.quorum.membres }}",
            "{{ reunion.date_fin }} {{ options.colleges }} {{ options.intitules.presents }}",
            "{% for act in actions %}{{ act.responsable }}{{ act|echeance }}{% endfor %}",
            "{% for p in reunion.ordre_du_jour %}{% for v in p.votes %}{{ v.pour }}"
            "{{ v|avis(reunion) }}{% endfor %}{{ p.decisions|intitule_decisions }}{% endfor %}",
            "{{ prochaine_reunion.date }} {{ annexes|length }} {{ emetteur.marque_etat }}",
            "{{ emetteur.libelle_courriel }} {{ reunion.president.genre }}"
            "{{ reunion.president.representants|length }}",
        ),
        nom="connues.docx",
    )
    assert verifier_modele(connues, "cr") == []
    fautive = modele(tmp_path, paragraphes("{{ reunion.quorom }}"), nom="fautive.docx")
    (probleme,) = verifier_modele(fautive, "cr")
    assert probleme.genre == "variable_inconnue" and "quorum" in rapport([probleme])
