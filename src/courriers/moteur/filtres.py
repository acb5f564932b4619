"""The filters offered to template authors.

Each filter is a thin adapter from the data models to a pure rule of
:mod:`courriers.francais`; the house-style options (hours, capitals) are read
from the ``options`` variable of the document. The catalogue with examples is
in ``docs/filtres.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from courriers.donnees.compte_rendu import OptionsRedaction
from courriers.donnees.courrier import Delai
from courriers.donnees.destinataire import Destinataire
from courriers.donnees.emetteur import Emetteur, PiedDePage, Signataire
from courriers.donnees.personne import Personne
from courriers.donnees.reunion import GroupeParticipants, Instance, Reunion
from courriers.francais import (
    accords,
    collectifs,
    dates,
    delais,
    departements,
    elision,
    personnes,
    regions,
)
from courriers.francais import signatures as signature_
from courriers.francais.departements import lignes_bloc_marque
from courriers.francais.elision import Genre
from courriers.francais.personnes import Civilite
from courriers.moteur import designations
from courriers.moteur.donnees_gabarit import modele_de
from courriers.moteur.filtres_reunion import FILTRES_REUNION
from courriers.moteur.markdown import STYLES_PAR_DEFAUT, markdown_vers_wordml
from courriers.moteur.numerotation import NUMEROTATION_COURANTE
from courriers.moteur.styles import STYLES_COURANTS


def _options(ctx: Context) -> OptionsRedaction:
    # The context holds plain data (donnees_gabarit); the environment hands
    # filters a context that gives back the models (ContexteDeballe).
    options = modele_de(ctx.get("options"))
    return options if isinstance(options, OptionsRedaction) else OptionsRedaction()


@pass_context
def heure(ctx: Context, h: dt.time) -> str:
    """``10h30`` or ``10 h 30`` as the options say."""
    options = _options(ctx)
    return dates.heure(h, options.heures, options.midi_minuit)


@pass_context
def horaire(ctx: Context, reunion: Reunion) -> str:
    """``à 10h30`` or ``de 14h30 à 16h15``; empty without a start time."""
    if reunion.heure_debut is None:
        return ""
    options = _options(ctx)
    return dates.horaire(
        reunion.heure_debut, reunion.heure_fin, options.heures, options.midi_minuit
    )


@pass_context
def date_lieu(ctx: Context, d: dt.date) -> str:
    """The date of the place line: ``08/03/2022`` or ``8 mars 2022``."""
    if _options(ctx).date_lieu == "longue":
        return dates.date_longue(d)
    return dates.date_numerique(d)


@pass_context
def personne(ctx: Context, p: Personne) -> str:
    """``M. Alexandre SANZ``; a person without a name by function:
    ``M. le représentant de l'UFC Que Choisir``."""
    if not p.nom:
        return designations.designation(p, _options(ctx))
    return designations.nom_complet(p, _options(ctx))


@pass_context
def prenom_nom(ctx: Context, p: Personne | Signataire) -> str:
    """``Malorie CHANARD``, without civilité; with a surname only the
    civilité stays: ``Mme MAURIN``, never ``MAURIN``; empty for a signatory
    designated by function only."""
    if not p.nom:
        return ""
    civilite = None if p.prenom else p.civilite
    return personnes.personne(civilite, p.prenom, p.nom, _options(ctx).noms_en_majuscules)


def qualite(p: Personne) -> str:
    """What a person is, agreed: ``cheffe du bureau …``,
    ``Secrétaire Général de la préfecture de l'Allier``, or ``représentant
    la chambre …`` (invariable participle) when only the body is known."""
    return designations.qualite(p)


def avec_article(p: Personne | Instance) -> str:
    """A function with civilité and article (``Mme la cheffe du bureau …``),
    or a meeting body with its article (``le comité local des usagers``)."""
    if isinstance(p, Instance):
        return elision.article_defini(p.nom, p.genre, p.nombre)
    return designations.par_fonction(p)


@pass_context
def participant(ctx: Context, p: Personne) -> str:
    """A line of a list of attendees: ``M. Séraphin ASENSIO, adjoint …``,
    ``Représentant de la FRAPNA``, ``La chambre d'agriculture, représentée
    par …``."""
    return designations.designation(p, _options(ctx), en_liste=True)


@pass_context
def destinataire(ctx: Context, p: Personne) -> str:
    """A line of a distribution list: ``M. le directeur de …``, or the
    person by name when a name is given."""
    return participant(ctx, p)


def s_est_tenu(instance: Instance) -> str:
    """``s'est tenu``, ``s'est tenue``, ``se sont tenues``."""
    return accords.s_est_tenu(instance.genre, instance.nombre)


def accord(participe: str, avec: Instance | Personne) -> str:
    """A participle agreed with a meeting body or a person."""
    if isinstance(avec, Instance):
        return accords.accorder(participe, avec.genre, avec.nombre)
    genre = designations.genre(avec) or "masculin"
    return accords.accorder(participe, genre, designations.nombre(avec))


def intitule(groupes: Iterable[GroupeParticipants], participe: str, verbe: str = "être") -> str:
    """The heading of a list of attendees: ``Étaient présents``."""
    genre, nombre = designations.genre_nombre_des(p for g in groupes for p in g.participants)
    civilites = ["Mme" if genre == "feminin" else "M."] * (2 if nombre == "pluriel" else 1)
    return accords.intitule_liste(participe, civilites, verbe)


def qualite_signataire(s: Signataire) -> str:
    """``Le Secrétaire Général``, ``La Secrétaire Générale``, ``Le chef de
    cabinet`` (as written), ``Le directeur par intérim``."""
    return signature_.qualite_signataire(s.qualite, s.civilite, s.interim).removesuffix(",")


def _feminin_prefet(emetteur: Emetteur) -> bool:
    return emetteur.civilite_prefet == "Mme"


def autorite_courte(emetteur: Emetteur, pour: Personne | None = None) -> str:
    """The authority of a delegation formula: ``le préfet``, ``la préfète``,
    ``le préfet de police``, or ``pour`` (``le directeur départemental``)."""
    if pour is not None and pour.fonction:
        civilite: Civilite = "Mme" if designations.genre(pour) == "feminin" else "M."
        groupe = personnes.fonction_avec_article(civilite, pour.fonction, avec_civilite=False)
        return f"{groupe} {elision.de(pour.organisme)}" if pour.organisme else groupe
    return regions.autorite_courte(emetteur.autorite, _feminin_prefet(emetteur))


def delegation(emetteur: Emetteur) -> str:
    """``Pour le préfet et par délégation,`` agreed with the préfet."""
    return signature_.formule_delegation("delegation", autorite_courte(emetteur))


def autorite(emetteur: Emetteur) -> str:
    """The authority named in running text, in normal case, from the same
    data as the bloc-marque: ``le préfet de l'Allier``, ``la préfète de la
    région Auvergne-Rhône-Alpes``, ``le sous-préfet de Montbrison``, a free
    title in normal case, or the emitter's own ``designation``."""
    if emetteur.designation:
        return emetteur.designation
    if emetteur.sous_prefecture:
        fonction = "sous-préfète" if emetteur.civilite_sous_prefet == "Mme" else "sous-préfet"
        article = "la" if emetteur.civilite_sous_prefet == "Mme" else "le"
        return f"{article} {fonction} {elision.de(emetteur.sous_prefecture)}"
    if emetteur.titre and not emetteur.marque_etat:
        return emetteur.titre  # outside the State: its own name, as written
    if emetteur.titre:
        texte = regions.en_casse_normale(emetteur.titre)
        genre: Genre = "feminin" if texte.startswith("préfète") else "masculin"
        return elision.article_defini(texte, genre)
    return regions.autorite_en_texte(
        emetteur.departement, emetteur.region, emetteur.autorite, _feminin_prefet(emetteur)
    )


def lignes_signature(s: Signataire, emetteur: Emetteur) -> list[str]:
    """The lines of a signature block above the name: ``Pour le préfet et
    par délégation,`` / ``Le secrétaire général,`` (docs/courriers.md)."""
    return list(blocs_signature(emetteur, [s])[0]["lignes"])


def blocs_signature(
    emetteur: Emetteur, signataires: Iterable[Signataire], majuscules: bool = True
) -> list[dict[str, Any]]:
    """The signature blocks of ``signataires``: ``lignes`` (authority,
    delegation formula, quality), ``nom`` (empty for a signatory designated
    by function only), ``rang`` and ``image`` (whether it has one)."""
    blocs = []
    for rang, s in enumerate(signataires):
        mode = "delegation" if s.delegation is True else (s.delegation or None)
        lignes = signature_.lignes_signature(
            s.qualite,
            s.civilite,
            delegation=mode,
            autorite=autorite_courte(emetteur, s.pour),
            autorite_en_tete=s.autorite_en_tete,
            interim=s.interim,
        )
        nom = personnes.personne(None, s.prenom, s.nom, majuscules) if s.nom else ""
        blocs.append({"lignes": lignes, "nom": nom, "rang": rang, "image": s.image is not None})
    return blocs


def dans_le_departement(emetteur: Emetteur) -> str:
    """The emitter's département in running text: ``en Vaucluse``,
    ``dans l'Allier``, ``dans le Var``; empty without a département.

    >>> dans_le_departement(Emetteur(departement="84", ville="Avignon", services=["Cabinet"]))
    'en Vaucluse'
    """
    if emetteur.departement is None:
        return ""
    return departements.dans_le_departement(emetteur.departement)


def designation(p: Personne) -> str:
    """A recipient named in a header line: ``Monsieur le directeur
    départemental des territoires``, ``Madame Claire DUMAS``."""
    civilite: Civilite = "Mme" if designations.genre(p) == "feminin" else "M."
    ligne = personnes.ligne_destinataire(civilite, p.prenom, p.nom, p.fonction)
    return f"{ligne} {elision.de(p.organisme)}" if p.organisme and not p.nom else ligne


def delai(d: Delai) -> str:
    """A delay in words: ``2 mois``, ``15 jours ouvrés``."""
    return delais.delai_en_texte(d.valeur, d.unite)


def coordonnees(pied: PiedDePage) -> str:
    """The service's phone, e-mail and website on one line:
    ``Tél. : 04 70 48 30 00 – courrier@allier.gouv.fr – www.allier.gouv.fr``."""
    morceaux = [
        f"Tél. : {pied.telephone}" if pied.telephone else "",
        f"Télécopie : {pied.telecopie}" if pied.telecopie else "",
        pied.courriel,
        pied.site,
    ]
    return " – ".join(m for m in morceaux if m)


def bloc_adresse(destinataire: Destinataire) -> str:
    """The address block (NF Z10-011), one line each: ``Madame Marie
    DUPONT`` / ``12 rue Pasteur`` / ``03000 MOULINS``."""
    return "\n".join(destinataire.lignes_adresse())


def auteur(emetteur: Emetteur) -> str:
    """The document's author property: the bloc-marque title on one line."""
    return bloc_marque(emetteur).replace("\n", " ")


def objet_par_defaut(reunion: Reunion) -> str:
    """``Comité local des usagers du 28/02/2022.``, ``Commission … du
    22/11 au 24/11/2022.``"""
    nom = elision.majuscule_initiale(reunion.instance.nom)
    if reunion.date_fin is not None:
        return f"{nom} {dates.periode_numerique(reunion.date, reunion.date_fin)}."
    return f"{nom} du {dates.date_numerique(reunion.date)}."


def objet_convocation(reunion: Reunion) -> str:
    """``Convocation à la réunion du comité local des usagers du lundi 28 février 2022.``"""
    instance = elision.de(avec_article(reunion.instance))
    quand = dates.date_longue(reunion.date, avec_jour_semaine=True)
    return f"Convocation à la réunion {instance} du {quand}."


def bloc_marque(emetteur: Emetteur) -> str:
    """The bloc-marque title on its lines (``PRÉFET`` / ``DE L'ALLIER``);
    a double title one title a line (``PRÉFET DE LA RÉGION
    AUVERGNE-RHÔNE-ALPES`` / ``PRÉFET DU RHÔNE``)."""
    if emetteur.titre:
        titres: tuple[str, ...] = (emetteur.titre,)
    else:
        titres = regions.titres_bloc_marque(
            emetteur.departement, emetteur.region, emetteur.autorite, _feminin_prefet(emetteur)
        )
    if len(titres) == 1:
        return "\n".join(lignes_bloc_marque(titres[0]))
    return "\n".join(ligne for titre in titres for ligne in regions.lignes_titre(titre))


def collectif(c: Any) -> str:
    """``Mesdames et Messieurs les maires du département``."""
    return collectifs.designation_collective(c.fonction, c.organisme)


@pass_context
def markdown(_ctx: Context, texte: str) -> Markup:
    """Markdown as Word paragraphs, lists and tables in the template's
    styles (their ids resolved once per template, ``moteur.styles``); use
    it as ``{{p point.contenu|markdown }}``."""
    # pass_context: never computed at compile time (the numbering is per document).
    numerotation = NUMEROTATION_COURANTE.get()
    nouvelle_liste = None
    if numerotation is not None and numerotation.disponible:
        nouvelle_liste = numerotation.nouvelle_liste
    styles = STYLES_COURANTS.get() or STYLES_PAR_DEFAUT
    return Markup(markdown_vers_wordml(texte, styles, nouvelle_liste))


FILTRES: dict[str, Callable[..., Any]] = {
    "date_longue": dates.date_longue,
    "date_numerique": dates.date_numerique,
    "jour_semaine": dates.jour_semaine,
    "date_lieu": date_lieu,
    "heure": heure,
    "horaire": horaire,
    "personne": personne,
    "prenom_nom": prenom_nom,
    "qualite": qualite,
    "avec_article": avec_article,
    "participant": participant,
    "destinataire": destinataire,
    "s_est_tenu": s_est_tenu,
    "accord": accord,
    "intitule": intitule,
    "qualite_signataire": qualite_signataire,
    "delegation": delegation,
    "lignes_signature": lignes_signature,
    "collectif": collectif,
    "bloc_marque": bloc_marque,
    "bloc_adresse": bloc_adresse,
    "coordonnees": coordonnees,
    "autorite": autorite,
    "dans_le_departement": dans_le_departement,
    "designation": designation,
    "delai": delai,
    "objet_par_defaut": objet_par_defaut,
    "objet_convocation": objet_convocation,
    "markdown": markdown,
    "de": elision.de,
    "a": elision.a,
    "majuscule_initiale": elision.majuscule_initiale,
    **FILTRES_REUNION,
}
"""Every filter a template may use, by name."""

#: Filters whose result holds elisions written by the library: with the
#: option ``apostrophe: typographique`` their apostrophes become ’.
_AVEC_ELISIONS = (
    "personne",
    "qualite",
    "avec_article",
    "participant",
    "destinataire",
    "s_est_tenu",
    "qualite_signataire",
    "bloc_marque",
    "autorite",
    "designation",
    "objet_convocation",
    "dans_le_departement",
    "de",
    "a",
    "quand",
    "sous_la_presidence",
    "ouverture",
    "titre_document",
    "quorum",
    "avis",
    "prochaine_reunion",
)


def _apostrophes(filtre: Callable[..., Any]) -> Callable[..., Any]:
    """``filtre`` giving typographic apostrophes when the options ask for them."""
    avec_contexte = getattr(filtre, "jinja_pass_arg", None) is not None

    @pass_context
    @functools.wraps(filtre)
    def enveloppe(ctx: Context, *args: Any, **kwargs: Any) -> Any:
        resultat = filtre(ctx, *args, **kwargs) if avec_contexte else filtre(*args, **kwargs)
        if _options(ctx).apostrophe == "typographique" and isinstance(resultat, str):
            return elision.apostrophe_typographique(resultat)
        return resultat

    return enveloppe


FILTRES.update({nom: _apostrophes(FILTRES[nom]) for nom in _AVEC_ELISIONS})
