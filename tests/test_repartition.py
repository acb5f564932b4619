"""--jobs: each worker receives the batch once, then only indices; the
guarantees of one process (all or nothing, --continuer) hold."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest

from conftest import EXEMPLE, modele_paragraphes
from courriers import Convocation, charger, repartition
from courriers.cli import main
from courriers.convocations import Exemplaire, exemplaires
from courriers.documents import chemin_modele
from courriers.lots import ecrire_lot, ecrire_lot_parallele
from courriers.moteur.prepare import preparer
from outils_texte import texte


class _NonTransmissible(Exemplaire):
    """A document that cannot be pickled: sending it to a worker fails."""

    def __reduce__(self) -> Any:
        raise AssertionError("un document du lot a été envoyé à un processus")


@pytest.mark.skipif(
    not repartition.herite(repartition.contexte_processus()),
    reason="les processus ne sont pas créés par fork ici",
)
def test_les_documents_ne_sont_pas_envoyes_aux_processus(tmp_path: Path) -> None:
    """The batch is inherited and chunks are ranges of indices: nothing of
    the documents (each holding the whole meeting) is pickled."""
    convocation = charger(EXEMPLE, Convocation)
    lot = [
        _NonTransmissible(e.nom_fichier, e.contexte, e.proprietes) for e in exemplaires(convocation)
    ]
    bilan = ecrire_lot_parallele(
        partial(preparer, chemin_modele(convocation)), lot, tmp_path / "lot", 2
    )
    assert [p.name for p in bilan.ecrits] == [e.nom_fichier for e in lot]
    assert "Madame la Maire," in texte(bilan.ecrits[0])


def test_en_parallele_les_memes_documents_qu_en_un_processus(tmp_path: Path) -> None:
    convocation = charger(EXEMPLE, Convocation)
    lot = exemplaires(convocation)
    seul = ecrire_lot(preparer(chemin_modele(convocation)), lot, tmp_path / "un")
    plusieurs = ecrire_lot_parallele(
        partial(preparer, chemin_modele(convocation)), lot, tmp_path / "deux", 3
    )
    assert [p.name for p in plusieurs.ecrits] == [p.name for p in seul.ecrits]
    for a, b in zip(seul.ecrits, plusieurs.ecrits, strict=True):
        assert texte(a) == texte(b)


def test_en_parallele_un_echec_n_ecrit_rien(tmp_path: Path) -> None:
    modele = modele_paragraphes(tmp_path, "{% if numero == 9 %}{{ 1 // 0 }}{% endif %}")
    dossier = tmp_path / "lot"
    dossier.mkdir()
    (dossier / "convocation-01-martin-isabelle.docx").write_bytes(b"ancienne")
    arguments = ["convocation", str(EXEMPLE), "-o", str(dossier), "--modele", str(modele)]
    assert main([*arguments, "--jobs", "2"]) == 4
    assert [p.name for p in dossier.iterdir()] == ["convocation-01-martin-isabelle.docx"]
    assert (dossier / "convocation-01-martin-isabelle.docx").read_bytes() == b"ancienne"


def test_en_parallele_continuer_ecrit_les_bons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    modele = modele_paragraphes(tmp_path, "{% if numero in (3, 11) %}{{ 1 // 0 }}{% endif %}")
    dossier = tmp_path / "lot"
    arguments = ["convocation", str(EXEMPLE), "-o", str(dossier), "--modele", str(modele)]
    assert main([*arguments, "--jobs", "2", "--continuer"]) == 8
    sortie = capsys.readouterr()
    assert "12 convocations écrites" in sortie.out
    assert "courriers : échec : convocation-03-" in sortie.err
    assert "courriers : échec : convocation-11-" in sortie.err
    assert len(list(dossier.iterdir())) == 12
    assert not list(dossier.glob(".*"))


def test_jobs_par_defaut_un_par_coeur_sauf_petit_lot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repartition, "coeurs", lambda: 4)
    assert repartition.processus_par_defaut(10_000) == 4
    assert repartition.processus_par_defaut(14) == 1
    assert repartition.processus_par_defaut(100) == 3


def test_tranches_couvrent_le_lot_une_fois() -> None:
    for total, processus in [(0, 2), (1, 2), (14, 2), (10_000, 2), (999, 7)]:
        indices = [i for t in repartition.tranches(total, processus) for i in t]
        assert indices == list(range(total))
        assert all(len(t) <= repartition.TAILLE_MAX_TRANCHE for t in repartition.tranches(total, 2))


def test_en_parallele_le_modele_prepare_comme_en_un_processus(
    donnees_exemple: dict[str, Any], tmp_path: Path
) -> None:
    """The workers use the template prepared for the document: the logo of
    an emitter outside the State is in every invitation, as with one
    process."""
    import json

    from test_messages import png

    (tmp_path / "logo.png").write_bytes(png())
    del donnees_exemple["emetteur"]["departement"]
    donnees_exemple["emetteur"].update(
        marque_etat=False, titre="MAIRIE DE MOULINS", logo="logo.png"
    )
    donnees = tmp_path / "reunion.json"
    donnees.write_text(json.dumps(donnees_exemple), encoding="utf-8")
    for jobs in ("1", "2"):
        dossier = tmp_path / f"lot-{jobs}"
        assert main(["convocation", str(donnees), "-o", str(dossier), "--jobs", jobs]) == 0
        for chemin in sorted(dossier.iterdir()):
            assert texte(chemin).startswith("----Image alt text---->Logo, MAIRIE DE MOULINS<")


def test_une_preparation_en_erreur_rapportee_avant_tout_processus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where workers are not forked they prepare the template again; it is
    prepared here first, so that its error is raised once, before any
    worker starts (a pool whose initializer fails starts workers again and
    again)."""
    from multiprocessing.context import BaseContext

    from courriers.erreurs import ErreurCourriers
    from courriers.messages import erreur

    def preparation() -> Any:
        raise erreur("donnees.dossier_attendu", dossier=tmp_path)

    def aucun_processus(*_: Any, **__: Any) -> Any:
        raise AssertionError("un processus a été lancé")

    monkeypatch.setattr(repartition, "herite", lambda _contexte: False)
    monkeypatch.setattr(BaseContext, "Pool", aucun_processus)
    lot = exemplaires(charger(EXEMPLE, Convocation))
    with pytest.raises(ErreurCourriers):
        ecrire_lot_parallele(preparation, lot, tmp_path / "lot", 2)
