"""A corpus of hostile templates, built by code: each attack of issue 10
and the standard families of template injection payloads (SSTI).

Each :class:`Attaque` is one paragraph of a template (``{dossier}`` is the
attacked folder, ``{pickle}`` a pickle that would create ``execute`` in it),
the exit code expected, a fragment of the French message, and whether the
checker refuses it (``verifie``, located ``corps ¶1``) or the engine when
rendering (a loop or a recursion only shows at render time).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document

from conftest import EXEMPLE

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
SENTINELLE = "sentinelle.txt"
A_SUPPRIMER = "a_supprimer.txt"
INTERDIT = "accès interdit"
INCONNU = "variable inconnue"


@dataclass(frozen=True)
class Attaque:
    """A hostile template paragraph and how it must be refused."""

    nom: str
    texte: str
    attendu: str = INTERDIT
    code: int = 4
    #: Refused by the checker (before any rendering), else by the engine.
    verifie: bool = True


def _pickle(dossier: Path) -> str:
    """A protocol 0 pickle running ``touch <dossier>/execute``, as a Jinja
    string literal."""
    return f"'cposix\\nsystem\\n(Vtouch {dossier}/execute\\ntR.'"


_PARSE_RAW = "parse_raw({pickle}, content_type='application/pickle', allow_pickle=True)"
_IMAGE = "emetteur.image_marianne"

ATTAQUES: tuple[Attaque, ...] = (
    # --- code execution through the methods of the data models -------------------
    Attaque("parse_raw_par_set", "{% set e = emetteur %}{{ e." + _PARSE_RAW + " }}"),
    Attaque("parse_raw_par_attr", "{{ (emetteur|attr('parse_raw'))(" + _PARSE_RAW[10:] + " }}"),
    Attaque(
        "parse_raw_par_boucle", "{% for e in [emetteur] %}{{ e." + _PARSE_RAW + " }}{% endfor %}"
    ),
    Attaque("parse_raw_direct", "{{ emetteur." + _PARSE_RAW + " }}"),
    Attaque("model_fields", "{{ emetteur.model_fields }}"),
    Attaque("model_dump", "{{ reunion.model_dump() }}"),
    Attaque("model_copy_par_filtre", "{{ (emetteur,)|first|attr('model_copy') }}"),
    Attaque("methode_de_destinataire", "{{ reunion.convoques[0].lignes_adresse() }}"),
    # --- the file system through pathlib ------------------------------------------
    Attaque("lire_l_image", "{{ " + _IMAGE + ".read_bytes() }}"),
    Attaque("lire_etc_passwd", "{{ " + _IMAGE + ".joinpath('/etc/passwd').read_text() }}"),
    Attaque("lire_sentinelle", "{{ " + _IMAGE + ".with_name('" + SENTINELLE + "').read_text() }}"),
    Attaque("lister_un_dossier", "{{ " + _IMAGE + ".parent.iterdir()|list }}"),
    Attaque("creer_un_fichier", "{{ " + _IMAGE + ".with_name('cree.txt').touch() }}"),
    Attaque(
        "ecrire_un_fichier", "{{ " + _IMAGE + ".with_name('" + SENTINELLE + "').write_text('x') }}"
    ),
    Attaque(
        "supprimer_un_fichier", "{{ " + _IMAGE + ".with_name('" + A_SUPPRIMER + "').unlink() }}"
    ),
    Attaque("chemin_par_set", "{% set p = " + _IMAGE + " %}{{ p.with_name('cree.txt').touch() }}"),
    Attaque(
        "chemin_par_boucle",
        "{% for p in [" + _IMAGE + "] %}{{ p.parent.iterdir()|list }}{% endfor %}",
    ),
    Attaque("chemin_par_attr", "{{ (" + _IMAGE + "|attr('read_text'))() }}"),
    Attaque("chemin_par_map", "{{ [" + _IMAGE + "]|map(attribute='parent')|list }}"),
    # --- standard SSTI families --------------------------------------------------------
    Attaque("classe_mro", "{{ ''.__class__.__mro__ }}"),
    Attaque("sous_classes", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    Attaque(
        "boucle_sous_classes",
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    ),
    Attaque("cycler_globals", "{{ cycler.__init__.__globals__.os.popen('id').read() }}"),
    Attaque("joiner_globals", "{{ joiner.__init__.__globals__ }}"),
    Attaque("namespace_globals", "{{ namespace.__init__.__globals__ }}"),
    Attaque("lipsum", "{{ lipsum.__globals__ }}", attendu=INCONNU),
    Attaque("lipsum_appel", "{{ lipsum(100000) }}", attendu=INCONNU),
    Attaque("contexte_de_self", "{{ self._TemplateReference__context }}"),
    Attaque("request", "{{ request.application.__globals__ }}", attendu=INCONNU),
    Attaque("config", "{{ config.items() }}", attendu=INCONNU),
    Attaque("globals_d_un_modele", "{{ reunion.__class__.__init__.__globals__ }}"),
    Attaque("dict_d_un_modele", "{{ reunion.__dict__ }}"),
    Attaque("origine_cachee", "{{ reunion._DonneesGabarit__origine }}"),
    Attaque("origine_par_indice", "{{ reunion['_DonneesGabarit__origine'] }}"),
    Attaque("methode_du_mapping", "{{ reunion.items() }}", attendu="« items » n'existe pas"),
    Attaque("format_classe", "{{ '{0.__class__}'.format(reunion) }}"),
    Attaque("format_map", "{{ '{x.__class__}'.format_map({'x': reunion}) }}"),
    Attaque("format_d_un_champ", "{{ emetteur.ville.format(reunion) }}"),
    Attaque("attr_en_chaine", "{{ reunion|attr('__class__')|attr('__mro__') }}"),
    Attaque("attr_sur_une_date", "{{ reunion.date|attr('__class__') }}"),
    Attaque("map_attribute", "{{ reunion.convoques|map(attribute='__class__')|list }}"),
    Attaque("map_attribute_methode", "{{ reunion.convoques|map(attribute='model_dump')|list }}"),
    Attaque("namespace_detourne", "{% set ns = namespace(e=emetteur) %}{{ ns.e.model_dump() }}"),
    Attaque("methode_de_date", "{{ reunion.date.replace(year=1) }}"),
    # --- unbounded work --------------------------------------------------------------
    Attaque("repetition_de_texte", "{{ 'a' * 10**9 }}", attendu="trop grand"),
    Attaque("puissance", "{{ 2**(10**9) }}", attendu="trop grand"),
    Attaque("litteral_geant", "{{ 1" + "0" * 5000 + " }}", attendu="trop longue"),
    Attaque("parentheses", "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", attendu="trop"),
    Attaque("format_geant", "{{ '%999999999s'|format('a') }}", attendu="trop grand", verifie=False),
    Attaque("modulo_geant", "{{ '%999999999s' % 'a' }}", attendu="trop grand"),
    Attaque("center_geant", "{{ 'a'|center(999999999) }}", attendu="trop grand", verifie=False),
    Attaque("batch_geant", "{{ [1]|batch(10**9, 0)|list }}", attendu="trop grand", verifie=False),
    Attaque(
        "somme_de_listes",
        "{{ ([[0] * 1000000] * 1000)|sum(start=[]) }}",
        attendu="que des nombres",
        verifie=False,
    ),
    Attaque("range_geant", "{{ range(10**9)|list }}", attendu="100000 au plus", verifie=False),
    Attaque(
        "boucle_sans_fin",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        attendu="rendu arrêté",
        verifie=False,
    ),
    Attaque(
        "macro_recursive",
        "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
        attendu="appels imbriqués trop profonds",
        verifie=False,
    ),
    Attaque(
        "doublement",
        "{% set ns = namespace(s='a') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        attendu="caractères",
        verifie=False,
    ),
    Attaque(
        "doublement_par_plus",
        "{% set ns = namespace(s='a') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        attendu="trop grand",
        verifie=False,
    ),
    Attaque(
        "sortie_geante",
        "{% set s = 'a' * 1000000 %}{% for i in range(100000) %}{{ s|safe }}{% endfor %}",
        attendu="COURRIERS_TAILLE_MAX_PARTIE",
        verifie=False,
    ),
)


def terrain(dossier: Path) -> Path:
    """The attacked folder: a Marianne image named by the data file (the
    normal case), a sentinel file and a file to keep; returns the data file."""
    (dossier / "marianne.png").write_bytes(PNG)
    (dossier / SENTINELLE).write_text("intact", encoding="utf-8")
    (dossier / A_SUPPRIMER).write_text("à garder", encoding="utf-8")
    donnees: dict[str, Any] = json.loads(EXEMPLE.read_text(encoding="utf-8"))
    donnees["emetteur"]["image_marianne"] = "marianne.png"
    chemin = dossier / "reunion.json"
    chemin.write_text(json.dumps(donnees, ensure_ascii=False), encoding="utf-8")
    return chemin


def etat(dossier: Path) -> dict[str, bytes]:
    """Every file of the attacked folder with its content."""
    return {p.name: p.read_bytes() for p in sorted(dossier.iterdir()) if p.is_file()}


def modele_hostile(dossier: Path, attaque: Attaque, cible: Path) -> Path:
    """The template of ``attaque`` (saved outside the attacked folder)."""
    texte = attaque.texte.replace("{pickle}", _pickle(cible)).replace("{dossier}", str(cible))
    document = Document()
    document.add_paragraph(texte)
    chemin = dossier / f"{attaque.nom}.docx"
    document.save(str(chemin))
    return chemin


# --- external references (linked images, included files, DOCTYPE) ----------------------

_RELS = "word/_rels/document.xml.rels"
_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def relation_externe(sorte: str, cible: str, rid: str = "rIdHostile") -> tuple[str, str, str]:
    return (
        _RELS,
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{_TYPE}{sorte}" Target="{cible}" '
        'TargetMode="External"/></Relationships>',
    )


def _champ(instruction: str) -> tuple[str, str, str]:
    return (
        "word/document.xml",
        "</w:body>",
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        f'{instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:body>',
    )


#: (name, member, text replaced, replacement; the member is created when absent).
REFERENCES: tuple[tuple[str, tuple[str, str, str]], ...] = (
    ("image_liee_fichier", relation_externe("image", "file:///etc/passwd")),
    ("image_liee_http", relation_externe("image", "http://127.0.0.1:9/espion.png")),
    ("altchunk", relation_externe("aFChunk", "file:///etc/passwd")),
    ("cadre", relation_externe("frame", "http://127.0.0.1:9/cadre.html")),
    ("sous_document", relation_externe("subDocument", "file:///etc/hostname")),
    ("objet_ole", relation_externe("oleObject", "file:///etc/hostname")),
    (
        "modele_attache",
        (
            "word/_rels/settings.xml.rels",
            "",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_TYPE}attachedTemplate" '
            'Target="http://127.0.0.1:9/modele.dotm" TargetMode="External"/></Relationships>',
        ),
    ),
    ("includepicture", _champ('INCLUDEPICTURE "http://127.0.0.1:9/espion.png" \\d')),
    ("includetext", _champ('INCLUDETEXT "/etc/passwd"')),
    ("link", _champ('LINK Excel.Sheet.8 "/etc/passwd" "" \\a')),
    (
        "doctype_customxml",
        (
            "customXml/item1.xml",
            "",
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>',
        ),
    ),
    (
        "entite_dans_le_corps",
        (
            "word/document.xml",
            "<w:document ",
            '<!DOCTYPE w:document [<!ENTITY rire "ha">]><w:document ',
        ),
    ),
)


def modele_avec_reference(dossier: Path, nom: str, modification: tuple[str, str, str]) -> Path:
    """A plain template with one member changed (or added)."""
    import zipfile

    source = dossier / "source.docx"
    document = Document()
    document.add_paragraph("{{ reunion.instance.nom }}")
    document.add_paragraph().add_run().add_picture(_png(dossier))
    document.save(str(source))
    membre, ancien, nouveau = modification
    chemin = dossier / f"{nom}.docx"
    with zipfile.ZipFile(source) as entree, zipfile.ZipFile(chemin, "w") as sortie:
        noms = entree.namelist()
        for element in noms:
            contenu = entree.read(element)
            if element == membre:
                texte = contenu.decode("utf-8")
                if ancien.startswith("<w:document "):
                    texte = texte.replace(ancien, nouveau, 1)
                else:
                    texte = texte.replace(ancien, nouveau)
                contenu = texte.encode("utf-8")
            sortie.writestr(element, contenu)
        if membre not in noms:
            sortie.writestr(membre, nouveau)
    return chemin


def _png(dossier: Path) -> str:
    chemin = dossier / "image.png"
    chemin.write_bytes(PNG)
    return str(chemin)
