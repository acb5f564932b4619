"""Convocations by e-mail: the messages parsed back with the ``email``
package, the invitations with ``icalendar``, and the sending through a
real local SMTP server (aiosmtpd on 127.0.0.1, started and stopped here)."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from icalendar import Calendar

from conftest import RACINE
from courriers import documents, envoi
from courriers.cli import main
from courriers.courriels import Courriel, ecrire_courriels, identifiant, messages
from courriers.donnees.convocation import Convocation
from courriers.erreurs import ErreurDonnees, ErreurEcriture

REUNION = RACINE / "exemples" / "cce-vichy-charmeil-2025.json"
PDF = b"%PDF-1.4\n% faux PDF de test\n"


@pytest.fixture(scope="module")
def convocation() -> Convocation:
    return documents.charger(REUNION, Convocation)


def _pieces(convocation: Convocation) -> dict[int, list[tuple[str, bytes]]]:
    return {
        n: [(f"convocation-{n:02d}.pdf", PDF)]
        for n in range(1, len(convocation.reunion.convoques) + 1)
    }


def _relire(chemin: Path) -> EmailMessage:
    with chemin.open("rb") as fichier:
        message = BytesParser(policy=policy.default).parse(fichier)
    assert isinstance(message, EmailMessage)
    return message


def _ics(message: EmailMessage) -> Calendar:
    partie = next(p for p in message.iter_attachments() if p.get_content_type() == "text/calendar")
    contenu = partie.get_content()
    return Calendar.from_ical(contenu if isinstance(contenu, (str, bytes)) else bytes(contenu))


def _modifiee(convocation: Convocation, **calendrier: Any) -> Convocation:
    donnees = convocation.model_dump()
    donnees["convocation"]["calendrier"].update(calendrier)
    return Convocation.model_validate(donnees)


def test_un_message_par_convoque_relu(convocation: Convocation, tmp_path: Path) -> None:
    courriels, sans_adresse = messages(convocation, _pieces(convocation))
    avec_adresse = [m for m in convocation.reunion.convoques if m.courriel]
    assert len(courriels) == len(avec_adresse) == 23
    assert {m.ligne_nom() for m in sans_adresse} >= {
        "Monsieur Denis MOREL",
        "Monsieur Karim BENALI",
    }
    chemins = ecrire_courriels(courriels, tmp_path)
    brut = (tmp_path / "convocation-06-marchand-elodie.eml").read_bytes()
    # Accented names encoded per RFC 2047, never raw 8-bit in the headers.
    entetes = brut.split(b"\n\n", 1)[0]
    assert entetes.isascii() and b"=?utf-8?q?=C3=89lodie?=" in entetes
    message = _relire(chemins[5])
    assert str(message["To"]) == "Madame Élodie MARCHAND <e.marchand@exemple.fr>"
    assert str(message["From"]) == (
        "Direction de la citoyenneté et de la légalité <pref-environnement@allier.gouv.fr>"
    )
    assert str(message["Subject"]).startswith("Convocation à la réunion de la commission")
    assert message["X-Unsent"] == "1"
    pieces = {p.get_filename(): p for p in message.iter_attachments()}
    assert set(pieces) == {"convocation-06.pdf", "invitation.ics"}
    assert pieces["convocation-06.pdf"].get_content_type() == "application/pdf"
    assert pieces["convocation-06.pdf"].get_content() == PDF
    corps = message.get_body(("plain",))
    assert corps is not None
    texte = corps.get_content()
    assert texte.startswith("Madame,") or texte.startswith("Madame ")
    assert "avant le mercredi 4 juin 2025" in texte
    assert texte.rstrip().endswith(
        "--\nThomas VIDAL\nDirection de la citoyenneté et de la légalité\n"
        "Bureau de l'environnement\nPréfecture de l'Allier\nTél. : 04 70 48 31 12"
    )
    # One recipient per message: never a list of all members.
    assert all(len(_relire(c).get_all("To") or []) == 1 for c in chemins)
    assert all(_relire(c)["Cc"] is None and _relire(c)["Bcc"] is None for c in chemins)


def test_invitation_d_agenda(convocation: Convocation) -> None:
    (courriel, *_), _ = messages(convocation, {})
    calendrier = _ics(courriel.message)
    assert calendrier["METHOD"] == "REQUEST"
    (evenement,) = calendrier.walk("VEVENT")
    debut = evenement.decoded("DTSTART")
    assert str(debut.tzinfo) == "Europe/Paris"
    assert debut == dt.datetime(2025, 6, 12, 14, 30, tzinfo=debut.tzinfo)
    assert evenement.decoded("DTEND").hour == 16
    assert evenement["DTSTART"].params["TZID"] == "Europe/Paris"
    assert [tz["TZID"] for tz in calendrier.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(evenement["ORGANIZER"]) == "mailto:pref-environnement@allier.gouv.fr"
    assert str(evenement["ATTENDEE"]) == "mailto:j.ferrand@exemple.fr"
    assert "sous-préfecture de Vichy" in str(evenement["LOCATION"])
    assert evenement["SEQUENCE"] == 0


def test_uid_stable_sequence_et_annulation(convocation: Convocation) -> None:
    premier = messages(convocation, {})[0][0].message
    second = messages(convocation, {})[0][0].message
    uid = str(_ics(premier).walk("VEVENT")[0]["UID"])
    assert uid == str(_ics(second).walk("VEVENT")[0]["UID"]) == identifiant(convocation)
    # The meeting moves: the same UID kept, SEQUENCE incremented.
    donnees = convocation.model_dump()
    donnees["reunion"]["date"] = dt.date(2025, 6, 19)
    donnees["convocation"]["calendrier"].update(identifiant=uid, sequence=1)
    deplacee = Convocation.model_validate(donnees)
    evenement = _ics(messages(deplacee, {})[0][0].message).walk("VEVENT")[0]
    assert (str(evenement["UID"]), evenement["SEQUENCE"]) == (uid, 1)
    assert evenement.decoded("DTSTART").day == 19
    # Cancelled: METHOD:CANCEL, same UID.
    annulee = _modifiee(convocation, identifiant=uid, sequence=2, annulation=True)
    message = messages(annulee, {})[0][0].message
    calendrier = _ics(message)
    assert calendrier["METHOD"] == "CANCEL"
    assert str(calendrier.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert str(message["Subject"]).startswith("Annulation – Convocation")


def test_sans_adresse_d_envoi(convocation: Convocation) -> None:
    donnees = convocation.model_dump()
    donnees["emetteur"]["agent"]["courriel"] = None
    with pytest.raises(ErreurDonnees) as exc:
        messages(Convocation.model_validate(donnees), {})
    assert exc.value.code == "donnees.expediteur_absent"


# --- sending through a real local SMTP server ----------------------------------


class Boite:
    """An aiosmtpd handler that keeps every message, and refuses one address."""

    def __init__(self, refusee: str | None = None) -> None:
        self.recus: list[tuple[list[str], bytes]] = []
        self.refusee = refusee

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address == self.refusee:
            return "550 5.1.1 boîte inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.recus.append((list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 Message accepted for delivery"


def _port_libre() -> int:
    with socket.socket() as essai:
        essai.bind(("127.0.0.1", 0))
        port: int = essai.getsockname()[1]
        return port


@pytest.fixture
def serveur() -> Iterator[tuple[Boite, envoi.ServeurSmtp]]:
    boite = Boite(refusee="m.dufour@exemple.fr")
    controleur = Controller(boite, hostname="127.0.0.1", port=_port_libre())
    controleur.start()
    try:
        yield (
            boite,
            envoi.ServeurSmtp(hote="127.0.0.1", port=controleur.port, securite="aucune", delai=10),
        )
    finally:
        controleur.stop()


class Interruption(Exception):
    pass


def _courriels(convocation: Convocation) -> list[Courriel]:
    return messages(convocation, _pieces(convocation))[0]


def test_chacun_recoit_un_message_reprise_et_refus(
    convocation: Convocation, serveur: tuple[Boite, envoi.ServeurSmtp], tmp_path: Path
) -> None:
    boite, smtp = serveur
    courriels = _courriels(convocation)
    journal = tmp_path / "envois.jsonl"

    def interrompre(envoyes: int) -> None:
        if envoyes == 3:
            raise Interruption

    with pytest.raises(Interruption):
        envoi.envoyer(courriels, smtp, journal, apres_chaque=interrompre)
    assert len(boite.recus) == 3 and len(envoi.deja_envoyes(journal)) == 3
    bilan = envoi.envoyer(courriels, smtp, journal)
    # The run resumes from the 4th message; the refused recipient is reported.
    assert bilan.deja_envoyes == [c.nom_fichier for c in courriels[:3]]
    assert bilan.envoyes[0] == courriels[3].nom_fichier
    assert len(bilan.echecs) == 1 and "destinataire refusé (550" in bilan.echecs[0]
    assert "dufour" in bilan.echecs[0]
    destinataires = [rcpt for rcpt, _ in boite.recus]
    attendus = [[c.destinataire] for c in courriels if c.destinataire != "m.dufour@exemple.fr"]
    assert sorted(destinataires) == sorted(attendus)  # each exactly once, one recipient each
    # A third run sends nothing more.
    assert envoi.envoyer(courriels, smtp, journal).envoyes == []
    assert len(boite.recus) == len(attendus)
    recu = BytesParser(policy=policy.default).parsebytes(boite.recus[0][1])
    assert any(p.get_filename() == "invitation.ics" for p in recu.iter_attachments())


def test_mot_de_passe_de_l_environnement_ou_de_l_invite(monkeypatch: pytest.MonkeyPatch) -> None:
    smtp = envoi.ServeurSmtp(hote="127.0.0.1", utilisateur="secretariat")
    monkeypatch.setenv(envoi.VARIABLE_MOT_DE_PASSE, "s3cret")
    assert envoi.mot_de_passe(smtp) == "s3cret"
    monkeypatch.delenv(envoi.VARIABLE_MOT_DE_PASSE)
    assert envoi.mot_de_passe(smtp, demander=lambda invite: "tape") == "tape"
    assert envoi.mot_de_passe(envoi.ServeurSmtp(hote="127.0.0.1")) is None

    def sans_terminal(invite: str) -> str:
        raise EOFError

    with pytest.raises(ErreurDonnees) as exc:
        envoi.mot_de_passe(smtp, demander=sans_terminal)
    assert exc.value.code == "donnees.smtp_incomplet"


def test_serveur_injoignable(convocation: Convocation, tmp_path: Path) -> None:
    smtp = envoi.ServeurSmtp(hote="127.0.0.1", port=_port_libre(), securite="aucune", delai=5)
    with pytest.raises(ErreurEcriture) as exc:
        envoi.envoyer(_courriels(convocation)[:1], smtp, tmp_path / "j.jsonl")
    assert exc.value.code == "ecriture.smtp_injoignable"


def test_envoyer_sans_hote_est_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["convocation", str(REUNION), "--courriels", str(tmp_path), "--envoyer"])
    assert code == 3
    assert "--envoyer sans --smtp-hote" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.libreoffice
def test_commande_courriels_avec_les_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from courriers.pdf import disponible

    if not disponible():
        pytest.skip("LibreOffice absent")
    dossier = tmp_path / "courriels"
    assert main(["convocation", str(REUNION), "--courriels", str(dossier), "--coupon"]) == 0
    sortie = capsys.readouterr().out
    assert "23 courriels écrits" in sortie and "Monsieur Karim BENALI" in sortie
    message = _relire(dossier / "convocation-01-ferrand-julien.eml")
    noms = [p.get_filename() for p in message.iter_attachments()]
    assert noms == [
        "convocation-01-ferrand-julien.pdf",
        "coupon-reponse-01-ferrand-julien.pdf",
        "invitation.ics",
    ]
    pdf = next(message.iter_attachments()).get_content()
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
