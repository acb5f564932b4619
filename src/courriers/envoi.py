"""Sending the convocation messages through SMTP, with a journal.

One SMTP session; each message goes to its one recipient. The journal
(one JSON line per message sent: file name, recipient, time) is written
and flushed after each message, so that an interrupted run resumes where
it stopped without sending anyone twice. A refusal of one recipient is
reported and the run goes on. The password comes from the environment
variable :data:`VARIABLE_MOT_DE_PASSE` or a prompt, never from the data
file or the command line. Nothing about the recipients is printed beyond
their count; the journal alone names them.
"""

from __future__ import annotations

import getpass
import json
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from courriers.courriels import Courriel
from courriers.messages import erreur

VARIABLE_MOT_DE_PASSE = "COURRIERS_SMTP_MOT_DE_PASSE"
Securite = Literal["starttls", "ssl", "aucune"]


@dataclass(frozen=True)
class ServeurSmtp:
    """Where and how to send."""

    hote: str
    port: int = 587
    securite: Securite = "starttls"
    utilisateur: str | None = None
    debit: float = 0.0
    """Messages per minute at most (0: no limit)."""
    delai: float = 30.0
    """Seconds before giving up on the server."""


@dataclass
class BilanEnvoi:
    """What a run sent, skipped (already in the journal) and failed."""

    envoyes: list[str] = field(default_factory=list)
    deja_envoyes: list[str] = field(default_factory=list)
    echecs: list[str] = field(default_factory=list)


def mot_de_passe(
    serveur: ServeurSmtp, demander: Callable[[str], str] = getpass.getpass
) -> str | None:
    """The password: the environment variable, else a prompt (only when a
    login is given)."""
    if serveur.utilisateur is None:
        return None
    valeur = os.environ.get(VARIABLE_MOT_DE_PASSE)
    if valeur:
        return valeur
    try:
        return demander(f"Mot de passe SMTP de {serveur.utilisateur} : ")
    except (EOFError, OSError) as exc:
        raise erreur(
            "donnees.smtp_incomplet",
            probleme=f"mot de passe absent : variable {VARIABLE_MOT_DE_PASSE} vide et pas "
            "d'invite possible",
        ) from exc


def deja_envoyes(journal: Path) -> set[str]:
    """The file names of the messages recorded as sent in ``journal``."""
    if not journal.is_file():
        return set()
    noms = set()
    for ligne in journal.read_text(encoding="utf-8").splitlines():
        try:
            entree = json.loads(ligne)
        except json.JSONDecodeError:
            continue  # a line cut by an interruption: not recorded
        if isinstance(entree, dict) and entree.get("statut") == "envoye":
            noms.add(str(entree.get("fichier")))
    return noms


def _connexion(serveur: ServeurSmtp, secret: str | None) -> smtplib.SMTP:
    contexte = ssl.create_default_context()
    nom = f"{serveur.hote}:{serveur.port}"
    try:
        if serveur.securite == "ssl":
            session: smtplib.SMTP = smtplib.SMTP_SSL(
                serveur.hote, serveur.port, timeout=serveur.delai, context=contexte
            )
        else:
            session = smtplib.SMTP(serveur.hote, serveur.port, timeout=serveur.delai)
            if serveur.securite == "starttls":
                session.starttls(context=contexte)
        if serveur.utilisateur is not None and secret is not None:
            session.login(serveur.utilisateur, secret)
    except (OSError, smtplib.SMTPException) as exc:
        raise erreur("ecriture.smtp_injoignable", serveur=nom, raison=exc) from exc
    return session


def envoyer(
    courriels: Sequence[Courriel],
    serveur: ServeurSmtp,
    journal: Path,
    secret: str | None = None,
    apres_chaque: Callable[[int], None] | None = None,
) -> BilanEnvoi:
    """Send each message not yet in ``journal``; record each one sent.

    ``apres_chaque(n)`` is called after the n-th message sent in this run
    (a progress bar; tests stop a run there)."""
    bilan = BilanEnvoi()
    faits = deja_envoyes(journal)
    restants = [c for c in courriels if c.nom_fichier not in faits]
    bilan.deja_envoyes = [c.nom_fichier for c in courriels if c.nom_fichier in faits]
    if not restants:
        return bilan
    intervalle = 60.0 / serveur.debit if serveur.debit > 0 else 0.0
    session = _connexion(serveur, secret)
    try:
        with journal.open("a", encoding="utf-8") as sortie:
            for rang, courriel in enumerate(restants):
                if rang and intervalle:
                    time.sleep(intervalle)
                try:
                    session.send_message(courriel.message, to_addrs=[courriel.destinataire])
                except smtplib.SMTPRecipientsRefused as exc:
                    detail = "; ".join(
                        f"{code} {texte.decode(errors='replace')}"
                        for code, texte in exc.recipients.values()
                    )
                    bilan.echecs.append(f"{courriel.nom_fichier} : destinataire refusé ({detail})")
                    continue
                except smtplib.SMTPResponseException as exc:
                    brut = exc.smtp_error
                    texte = brut.decode(errors="replace") if isinstance(brut, bytes) else brut
                    bilan.echecs.append(f"{courriel.nom_fichier} : {exc.smtp_code} {texte}")
                    continue
                entree = {
                    "fichier": courriel.nom_fichier,
                    "destinataire": courriel.destinataire,
                    "statut": "envoye",
                    "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                }
                sortie.write(json.dumps(entree, ensure_ascii=False) + "\n")
                sortie.flush()
                os.fsync(sortie.fileno())
                bilan.envoyes.append(courriel.nom_fichier)
                if apres_chaque is not None:
                    apres_chaque(len(bilan.envoyes))
    finally:
        try:
            session.quit()
        except (OSError, smtplib.SMTPException):
            session.close()
    return bilan
