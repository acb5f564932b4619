"""The meeting file with its members read from a spreadsheet and its
replies recorded; the variables of the reply forms, of the attendance
sheet and of the minutes computed from the recorded attendance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, ValidationError

from courriers.convocations import Exemplaire, date_limite_reponse, formules_de
from courriers.donnees.base import Modele
from courriers.donnees.compte_rendu import CompteRendu
from courriers.donnees.membre import Membre, Presence
from courriers.donnees.presences import (
    CollegeEmargement,
    CouponReponse,
    FeuilleEmargement,
    LigneEmargement,
)
from courriers.francais.dates import date_numerique
from courriers.messages import erreur
from courriers.moteur import filtres
from courriers.moteur.proprietes import Proprietes
from courriers.noms_fichiers import nom_de_fichier
from courriers.presences import (
    Presences,
    designation,
    enregistrees,
    listes,
    quorum_de,
    retrouver,
    statut,
    suppleants_listes,
    verifier,
)
from courriers.tableur import Lecture, lire_lignes, lire_membres, valider_lignes

# --- Reading the spreadsheets ------------------------------------------------


class ReponseLue(Modele):
    """One row of a replies file: who, and what was recorded (the other
    columns of the members' sheet, when it is the same file, are ignored)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    prenom: str | None = None
    nom: str | None = None
    fonction: str | None = None
    presence: Presence | None = None
    pouvoir_a: str | None = None
    emarge: bool | None = None
    date_reponse: dt.date | None = None


_ENREGISTRES = ("presence", "pouvoir_a", "emarge", "date_reponse")


def avec_tableurs(
    donnees: Any,
    dossier: Path,
    convoques: Path | None = None,
    reponses: Path | None = None,
    avertissements: list[str] | None = None,
    echecs: list[str] | None = None,
) -> Any:
    """The raw data of a meeting file with ``reunion.convoques`` read from
    the spreadsheet ``convoques`` (default: ``reunion.tableur_convoques``,
    relative to ``dossier``) and the replies of ``reponses`` (default:
    ``reunion.tableur_reponses``) recorded; ignored columns are added to
    ``avertissements``; with ``echecs`` (``--continuer``), invalid rows of
    the invitees' sheet are set aside and described there."""
    if not isinstance(donnees, dict) or not isinstance(donnees.get("reunion"), dict):
        return donnees
    reunion = dict(donnees["reunion"])
    convoques = convoques or _chemin(reunion.get("tableur_convoques"), dossier)
    reponses = reponses or _chemin(reunion.get("tableur_reponses"), dossier)
    if convoques is not None:
        lecture = lire_membres(convoques, echecs)
        _signaler(convoques, lecture, avertissements)
        reunion["convoques"] = [m.model_dump(exclude_defaults=True) for m in lecture.membres]
    if reponses is not None:
        try:
            membres = [Membre.model_validate(m) for m in reunion.get("convoques") or []]
        except ValidationError:
            return donnees  # the invalid invitees are reported by the validation of the file
        enregistres = lire_reponses(reponses, membres, avertissements)
        reunion["convoques"] = [m.model_dump(exclude_defaults=True) for m in enregistres]
    return {**donnees, "reunion": reunion}


def _chemin(valeur: Any, dossier: Path) -> Path | None:
    if not isinstance(valeur, str) or not valeur:
        return None
    chemin = Path(valeur)
    return chemin if chemin.is_absolute() else dossier / chemin


def _signaler(chemin: Path, lecture: Lecture, avertissements: list[str] | None) -> None:
    if lecture.ignorees and avertissements is not None:
        colonnes = ", ".join(f"« {c} »" for c in lecture.ignorees)
        avertissements.append(
            f"{chemin}, feuille « {lecture.feuille} » : colonnes ignorées (inconnues) : {colonnes}"
        )


def lire_reponses(
    chemin: Path, membres: list[Membre], avertissements: list[str] | None = None
) -> list[Membre]:
    """``membres`` with the replies of the spreadsheet ``chemin`` recorded
    (a ``Réponse`` column, and ``Pouvoir à``, ``Émargé``, ``Date de
    réponse`` if any); each row names a member by first name and name (or
    function)."""
    lecture = lire_lignes(chemin, requis=("presence",))
    _signaler(chemin, lecture, avertissements)
    lues, problemes = valider_lignes(lecture, ReponseLue)
    resultat = list(membres)
    if not problemes:
        for ligne, reponse in zip(lecture.lignes, lues, strict=True):
            probleme = _enregistrer(resultat, reponse)
            if probleme:
                problemes.append(f"{lecture.repere(ligne)} : {probleme}")
    if problemes:
        raise erreur(
            "donnees.reponse_inconnue",
            chemin=chemin,
            nombre=f"{len(problemes)} réponse{'s' if len(problemes) > 1 else ''}",
            detail="\n".join(f"  - {p}" for p in problemes),
        )
    return resultat


def _enregistrer(membres: list[Membre], reponse: ReponseLue) -> str:
    """Record ``reponse`` on its member in place; the problem, if any."""
    valeurs = {c: getattr(reponse, c) for c in _ENREGISTRES if getattr(reponse, c) is not None}
    if not valeurs:
        return ""
    nom = " ".join(p for p in (reponse.prenom, reponse.nom) if p) or reponse.fonction or ""
    trouves = retrouver(nom, membres)
    if len(trouves) != 1:
        quoi = "aucun convoqué" if not trouves else f"{len(trouves)} convoqués"
        return f"« {nom} » désigne {quoi}"
    index = membres.index(trouves[0])
    champs = {**membres[index].model_dump(), **valeurs}
    if valeurs.get("presence") != "pouvoir" and "pouvoir_a" not in valeurs:
        champs["pouvoir_a"] = None
    try:
        membres[index] = Membre.model_validate(champs)
    except ValidationError as exc:
        return "; ".join(str(e["ctx"]["error"]) if "ctx" in e else e["msg"] for e in exc.errors())
    return ""


# --- Reply forms -------------------------------------------------------------


def regle_des_mandats(mandats_par_membre: int) -> str:
    """The rule of proxies printed on the reply form.

    >>> regle_des_mandats(1)[:60]
    "Un membre qui n'est pas suppléé peut donner mandat à un autr"
    """
    if mandats_par_membre == 0:
        return "Le règlement de l'instance ne permet pas de donner mandat."
    combien = (
        "plus d'un mandat" if mandats_par_membre == 1 else f"plus de {mandats_par_membre} mandats"
    )
    return (
        "Un membre qui n'est pas suppléé peut donner mandat à un autre membre de l'instance ; "
        f"nul ne peut détenir {combien} (décret n° 2006-672 du 8 juin 2006, article 10)."
    )


def coupons(coupon: CouponReponse) -> list[Exemplaire]:
    """One reply form per invitee, pre-filled with the invitee and the
    meeting."""
    commun = coupon.champs()
    echeance = date_limite_reponse(coupon)  # type: ignore[arg-type]
    reunion = coupon.reunion
    suppleants = suppleants_listes(reunion.convoques)
    auteur = filtres.auteur(coupon.emetteur)
    total = len(reunion.convoques)
    resultat = []
    for numero, convoque in enumerate(reunion.convoques, start=1):
        parties = [convoque.nom, convoque.prenom] if convoque.nom else [convoque.fonction]
        titulaire = next(
            (reunion.convoques[t] for t, s in suppleants.items() if s is convoque), None
        )
        resultat.append(
            Exemplaire(
                nom_fichier=nom_de_fichier(
                    "coupon-reponse", numero, total, *(p or "" for p in parties), extension="docx"
                ),
                contexte={
                    **commun,
                    "convoque": convoque,
                    "nom_convoque": designation(convoque, coupon.options.noms_en_majuscules),
                    "formules": formules_de(convoque),
                    "date_limite_reponse": echeance,
                    "numero": numero,
                    "suppleant": mon_suppleant(suppleants.get(numero - 1), coupon),
                    "titulaire": _nom(titulaire, coupon),
                    "regle_mandats": regle_des_mandats(reunion.regle_quorum.mandats_par_membre),
                },
                proprietes=Proprietes(
                    titre=f"Coupon-réponse – {convoque.ligne_nom()}",
                    auteur=auteur,
                    sujet=f"Réunion du {date_numerique(reunion.date)}",
                ),
            )
        )
    return resultat


def mon_suppleant(suppleant: Membre | None, coupon: CouponReponse) -> str:
    """``ma suppléante, Mme Agnès LEMOINE``, or ``mon suppléant`` when none
    is listed."""
    if suppleant is None:
        return "mon suppléant"
    son = "ma suppléante" if suppleant.civilite == "Mme" else "mon suppléant"
    return f"{son}, {_nom(suppleant, coupon)}"


def _nom(membre: Membre | None, document: CouponReponse | FeuilleEmargement) -> str:
    return designation(membre, document.options.noms_en_majuscules) if membre else ""


# --- Attendance sheet ----------------------------------------------------------


def _mention(index: int, presences: Presences, feuille: FeuilleEmargement) -> str:
    """What the attendance sheet says beside a name: the seat, the
    suppléant expected, the proxy given or held, a remote participant."""
    membre = presences.membres[index]
    majuscules = feuille.options.noms_en_majuscules
    mentions: list[str] = []
    if not membre.membre:
        mentions.append("Invitée" if membre.civilite == "Mme" else "Invité")
    if membre.siege == "suppleant":
        feminin = "e" if membre.civilite == "Mme" else ""
        titulaire = next(
            (presences.membres[t] for t, s in presences.suppleants.items() if s is membre), None
        )
        de = f" de {designation(titulaire, majuscules)}" if titulaire else ""
        mentions.append(f"Suppléant{feminin}{de}")
    etat = statut(membre)
    if etat == "distance":
        mentions.append("À distance")
    elif etat == "excuse":
        mentions.append("Excusée" if membre.civilite == "Mme" else "Excusé")
    elif etat == "supplee":
        suppleant = presences.suppleants.get(index)
        par = f" par {designation(suppleant, majuscules)}" if suppleant else " par son suppléant"
        mentions.append(("Représentée" if membre.civilite == "Mme" else "Représenté") + par)
    elif index in presences.mandataires:
        mentions.append(f"Pouvoir à {designation(presences.mandataires[index], majuscules)}")
    for mandant, mandataire in presences.mandataires.items():
        if mandataire is membre:
            mentions.append(
                f"Détient le pouvoir de {designation(presences.membres[mandant], majuscules)}"
            )
    return " ; ".join(mentions)


def contexte_emargement(feuille: FeuilleEmargement) -> dict[str, Any]:
    """The variables of the attendance sheet: the members by collège (each
    titulaire followed by their suppléant), with the mentions, and the
    blank lines."""
    reunion = feuille.reunion
    presences = verifier(reunion.convoques, reunion.regle_quorum)
    ordre: list[int] = []
    suppleants = {id(s) for s in presences.suppleants.values()}
    for index, membre in enumerate(presences.membres):
        if id(membre) in suppleants or (not membre.membre and not feuille.emargement.invites):
            continue
        ordre.append(index)
        suppleant = presences.suppleants.get(index)
        if suppleant is not None:
            ordre.append(presences.membres.index(suppleant))
    colleges: dict[str | None, list[LigneEmargement]] = {}
    for index in ordre:
        membre = presences.membres[index]
        colleges.setdefault(membre.college, []).append(
            LigneEmargement(
                nom=designation(membre, feuille.options.noms_en_majuscules),
                organisme=_organisme(membre),
                mention=_mention(index, presences, feuille),
            )
        )
    autres = "Autres personnes convoquées" if len(colleges) > 1 else None
    return {
        **feuille.champs(),
        "colleges": [
            CollegeEmargement(titre=t if t is not None else autres, lignes=lignes)
            for t, lignes in colleges.items()
        ],
        "lignes_vierges": list(range(1, feuille.emargement.lignes_vierges + 1)),
    }


def _organisme(membre: Membre) -> str:
    """``Chambre d'agriculture de l'Allier`` for ``la chambre …``: the
    body without its article, capitalised, or the function."""
    texte = membre.organisme or filtres.qualite(membre)
    for article in ("la ", "le ", "les ", "l'", "l’"):
        if texte.lower().startswith(article):
            texte = texte[len(article) :]
            break
    return texte[:1].upper() + texte[1:]


# --- Minutes ---------------------------------------------------------------------


def contexte_compte_rendu(cr: CompteRendu) -> dict[str, Any]:
    """The variables of the minutes: with recorded attendance, the lists
    of attendees (when none is given), the proxies, and the quorum (when
    ``reunion.quorum`` is not given) counted from the members."""
    champs = cr.champs()
    champs["representations"] = []
    reunion = cr.reunion
    if not reunion.convoques or not enregistrees(reunion):
        return champs
    presences = verifier(reunion.convoques, reunion.regle_quorum)
    calcul = listes(presences, cr.options.noms_en_majuscules)
    miseajour: dict[str, Any] = {}
    if not (reunion.presents or reunion.excuses or reunion.absents):
        miseajour.update(
            presents=calcul.presents,
            excuses=calcul.excuses,
            absents=calcul.absents,
            assistaient=reunion.assistaient or calcul.assistaient,
        )
    if reunion.quorum is None:
        miseajour["quorum"] = quorum_de(presences, reunion.regle_quorum)
    champs["reunion"] = reunion.model_copy(update=miseajour)
    champs["representations"] = calcul.representations
    return champs
