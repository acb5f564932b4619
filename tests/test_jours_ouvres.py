"""Tests des jours ouvrés : jours fériés par département et calcul de délais.

Les dates attendues sont calculées à la main sur un calendrier (2024 commence
un lundi ; Pâques 2024 le 31 mars).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import holidays
import pytest

from courriers.francais.jours_ouvres import (
    ajouter_jours_ouvres,
    est_jour_ouvre,
    jours_feries,
    jours_ouvres_avant,
    jours_ouvres_entre,
    subdivision,
)

# --- Subdivisions -------------------------------------------------------------

SUBDIVISIONS_ATTENDUES = {
    "57": "57",
    "67": "6AE",
    "68": "6AE",
    "971": "971",
    "972": "972",
    "973": "973",
    "974": "974",
    "976": "976",
    "975": "PM",
    "977": "BL",
    "978": "MF",
    "986": "WF",
    "987": "PF",
    "988": "NC",
}


@pytest.mark.parametrize(("code", "attendue"), SUBDIVISIONS_ATTENDUES.items())
def test_subdivision_propre(code: str, attendue: str) -> None:
    assert subdivision(code) == attendue
    assert attendue in holidays.list_supported_countries()["FR"]


@pytest.mark.parametrize("code", ["01", "03", "3", "2A", "2b", "75", "66", "69", "95", None])
def test_subdivision_metropole(code: str | None) -> None:
    assert subdivision(code) is None


def test_subdivision_code_inconnu() -> None:
    with pytest.raises(ValueError, match="code de département inconnu : « 99 »"):
        subdivision("99")
    with pytest.raises(ValueError, match="code de département inconnu"):
        est_jour_ouvre(date(2024, 1, 2), "20")


# --- Jours fériés -------------------------------------------------------------


def test_jours_feries_metropole_2024() -> None:
    assert jours_feries(2024, "03") == {
        date(2024, 1, 1): "Jour de l'an",
        date(2024, 4, 1): "Lundi de Pâques",
        date(2024, 5, 1): "Fête du Travail",
        date(2024, 5, 8): "Fête de la Victoire",
        date(2024, 5, 9): "Ascension",
        date(2024, 5, 20): "Lundi de Pentecôte",
        date(2024, 7, 14): "Fête nationale",
        date(2024, 8, 15): "Assomption",
        date(2024, 11, 1): "Toussaint",
        date(2024, 11, 11): "Armistice",
        date(2024, 12, 25): "Noël",
    }
    assert jours_feries(2024, None) == jours_feries(2024, "03")
    assert list(jours_feries(2024, "03")) == sorted(jours_feries(2024, "03"))


@pytest.mark.parametrize("code", ["57", "67", "68"])
def test_jours_feries_alsace_moselle(code: str) -> None:
    feries = jours_feries(2024, code)
    assert feries[date(2024, 3, 29)] == "Vendredi saint"
    # « Saint Étienne » jusqu'à holidays 0.100, « Saint-Étienne » ensuite.
    assert "Étienne" in feries[date(2024, 12, 26)]
    assert len(feries) == 13


@pytest.mark.parametrize(
    ("code", "jour"),
    [
        ("971", date(2024, 5, 27)),  # Guadeloupe
        ("972", date(2024, 5, 22)),  # Martinique
        ("973", date(2024, 6, 10)),  # Guyane
        ("974", date(2024, 12, 20)),  # La Réunion
        ("976", date(2024, 4, 27)),  # Mayotte
        ("977", date(2024, 10, 9)),  # Saint-Barthélemy
        ("978", date(2024, 5, 28)),  # Saint-Martin
    ],
)
def test_abolition_de_l_esclavage(code: str, jour: date) -> None:
    assert jours_feries(2024, code)[jour] == "Abolition de l'esclavage"
    assert jour not in jours_feries(2024, "03")


def test_jours_feries_copie_independante() -> None:
    feries = jours_feries(2024, "03")
    feries.clear()
    assert len(jours_feries(2024, "03")) == 11


# --- est_jour_ouvre -------------------------------------------------------------


def test_week_end() -> None:
    assert est_jour_ouvre(date(2024, 1, 5))  # vendredi
    assert not est_jour_ouvre(date(2024, 1, 6))  # samedi
    assert not est_jour_ouvre(date(2024, 1, 7))  # dimanche
    assert est_jour_ouvre(date(2024, 1, 8))  # lundi


def test_vendredi_saint_et_saint_etienne() -> None:
    for jour in (date(2024, 3, 29), date(2024, 12, 26)):
        assert est_jour_ouvre(jour, "03")
        assert est_jour_ouvre(jour)
        assert not est_jour_ouvre(jour, "57")
        assert not est_jour_ouvre(jour, "67")
        assert not est_jour_ouvre(jour, "68")


def test_jour_ferie_outre_mer() -> None:
    assert not est_jour_ouvre(date(2024, 5, 27), "971")  # lundi, abolition de l'esclavage
    assert est_jour_ouvre(date(2024, 5, 27), "03")
    assert est_jour_ouvre(date(2024, 5, 27), "972")


def test_datetime_accepte() -> None:
    assert not est_jour_ouvre(datetime(2024, 4, 1, 10, 30))
    assert est_jour_ouvre(datetime(2024, 4, 2, 10, 30))
    assert jours_ouvres_entre(datetime(2024, 3, 25, 9), datetime(2024, 4, 2, 18)) == 5


# --- Délais en métropole (Allier) ------------------------------------------------


@pytest.mark.parametrize(
    ("jour", "n", "attendu"),
    [
        # Lundi de Pâques (1er avril 2024) sauté.
        (date(2024, 4, 2), 5, date(2024, 3, 25)),
        (date(2024, 4, 2), 1, date(2024, 3, 29)),
        # Ascension (jeudi 9 mai 2024) et 8 mai (mercredi) sautés.
        (date(2024, 5, 13), 3, date(2024, 5, 6)),
        # Lundi de Pentecôte (20 mai 2024).
        (date(2024, 5, 21), 1, date(2024, 5, 17)),
        # 14 juillet 2025, un lundi.
        (date(2025, 7, 15), 1, date(2025, 7, 11)),
        # 15 août 2024, un jeudi.
        (date(2024, 8, 16), 1, date(2024, 8, 14)),
        # 11 novembre 2024 (lundi) et 1er novembre 2024 (vendredi).
        (date(2024, 11, 12), 1, date(2024, 11, 8)),
        (date(2024, 11, 12), 6, date(2024, 10, 31)),
        # Noël 2024 (mercredi).
        (date(2024, 12, 26), 1, date(2024, 12, 24)),
        # Week-end : depuis un dimanche.
        (date(2024, 1, 7), 1, date(2024, 1, 5)),
        # Changement d'année : 1er janvier 2025 (mercredi) et Noël sautés.
        (date(2025, 1, 2), 2, date(2024, 12, 30)),
        (date(2025, 1, 2), 4, date(2024, 12, 26)),
    ],
)
def test_jours_ouvres_avant(jour: date, n: int, attendu: date) -> None:
    assert jours_ouvres_avant(jour, n, "03") == attendu
    assert jours_ouvres_avant(jour, n) == attendu


@pytest.mark.parametrize(
    ("jour", "n", "attendu"),
    [
        # Lundi de Pâques.
        (date(2024, 3, 29), 1, date(2024, 4, 2)),
        # 8 mai et Ascension.
        (date(2024, 5, 7), 1, date(2024, 5, 10)),
        (date(2024, 5, 7), 2, date(2024, 5, 13)),
        # Lundi de Pentecôte.
        (date(2024, 5, 17), 1, date(2024, 5, 21)),
        # 14 juillet 2025 (lundi) ; le 14 juillet 2024 est un dimanche, sans report.
        (date(2025, 7, 11), 1, date(2025, 7, 15)),
        (date(2024, 7, 12), 1, date(2024, 7, 15)),
        # 15 août.
        (date(2024, 8, 14), 1, date(2024, 8, 16)),
        # 1er et 11 novembre.
        (date(2024, 10, 31), 1, date(2024, 11, 4)),
        (date(2024, 10, 31), 6, date(2024, 11, 12)),
        # Noël.
        (date(2024, 12, 24), 1, date(2024, 12, 26)),
        # Week-end : depuis un vendredi, depuis un samedi.
        (date(2024, 1, 5), 1, date(2024, 1, 8)),
        (date(2024, 1, 6), 1, date(2024, 1, 8)),
        # Changement d'année.
        (date(2024, 12, 31), 1, date(2025, 1, 2)),
    ],
)
def test_ajouter_jours_ouvres(jour: date, n: int, attendu: date) -> None:
    assert ajouter_jours_ouvres(jour, n, "03") == attendu


# --- Alsace-Moselle et outre-mer -------------------------------------------------


def test_delais_moselle() -> None:
    # Vendredi saint 29 mars 2024 en plus du lundi de Pâques.
    assert jours_ouvres_avant(date(2024, 4, 2), 5, "57") == date(2024, 3, 22)
    assert jours_ouvres_avant(date(2024, 4, 2), 5, "03") == date(2024, 3, 25)
    assert ajouter_jours_ouvres(date(2024, 3, 28), 1, "57") == date(2024, 4, 2)
    assert ajouter_jours_ouvres(date(2024, 3, 28), 1, "03") == date(2024, 3, 29)
    # Saint-Étienne 26 décembre 2024.
    assert ajouter_jours_ouvres(date(2024, 12, 24), 1, "57") == date(2024, 12, 27)
    assert ajouter_jours_ouvres(date(2024, 12, 24), 1, "03") == date(2024, 12, 26)
    assert jours_ouvres_avant(date(2025, 1, 2), 4, "57") == date(2024, 12, 24)
    assert jours_ouvres_avant(date(2025, 1, 2), 4, "03") == date(2024, 12, 26)


def test_delais_guadeloupe() -> None:
    # Lundi 27 mai 2024 : abolition de l'esclavage en Guadeloupe.
    assert ajouter_jours_ouvres(date(2024, 5, 24), 1, "971") == date(2024, 5, 28)
    assert ajouter_jours_ouvres(date(2024, 5, 24), 1, "03") == date(2024, 5, 27)
    assert jours_ouvres_avant(date(2024, 5, 28), 1, "971") == date(2024, 5, 24)


@pytest.mark.parametrize("n", [0, -3])
def test_n_invalide(n: int) -> None:
    with pytest.raises(ValueError, match="attendu un entier supérieur ou égal à 1"):
        jours_ouvres_avant(date(2024, 4, 2), n)
    with pytest.raises(ValueError, match="attendu un entier supérieur ou égal à 1"):
        ajouter_jours_ouvres(date(2024, 4, 2), n)


# --- jours_ouvres_entre -----------------------------------------------------------


def test_jours_ouvres_entre() -> None:
    # Courrier du lundi 16 décembre 2024, réponse le lundi 6 janvier 2025 :
    # 25 décembre et 1er janvier fériés partout, 26 décembre en Moselle.
    assert jours_ouvres_entre(date(2024, 12, 16), date(2025, 1, 6), "03") == 13
    assert jours_ouvres_entre(date(2024, 12, 16), date(2025, 1, 6), "57") == 12
    # Le 14 juillet 2024 tombe un dimanche : rien à retirer.
    assert jours_ouvres_entre(date(2024, 7, 12), date(2024, 7, 16)) == 2
    # Vendredi → lundi ; vendredi → dimanche.
    assert jours_ouvres_entre(date(2024, 1, 5), date(2024, 1, 8)) == 1
    assert jours_ouvres_entre(date(2024, 1, 5), date(2024, 1, 7)) == 0
    # Même jour, ou fin avant début.
    assert jours_ouvres_entre(date(2024, 1, 8), date(2024, 1, 8)) == 0
    assert jours_ouvres_entre(date(2024, 1, 9), date(2024, 1, 8)) == 0


def test_jours_ouvres_2024() -> None:
    # 262 jours du lundi au vendredi ; 10 fériés en semaine (14 juillet un dimanche).
    assert jours_ouvres_entre(date(2023, 12, 31), date(2024, 12, 31), "03") == 252
    # Plus le Vendredi saint et la Saint-Étienne.
    assert jours_ouvres_entre(date(2023, 12, 31), date(2024, 12, 31), "57") == 250


@pytest.mark.parametrize("code", [None, "57", "971", "988"])
def test_coherence_des_fonctions(code: str | None) -> None:
    debut = date(2023, 12, 1)
    for decalage in range(0, 120, 7):
        jour = debut + timedelta(days=decalage)
        for n in (1, 5, 12, 30):
            apres = ajouter_jours_ouvres(jour, n, code)
            assert est_jour_ouvre(apres, code)
            assert jours_ouvres_entre(jour, apres, code) == n
            avant = jours_ouvres_avant(jour, n, code)
            assert est_jour_ouvre(avant, code)
            ouvre = 1 if est_jour_ouvre(jour, code) else 0
            # ``avant`` exclu, ``jour`` compté s'il est ouvré.
            assert jours_ouvres_entre(avant, jour, code) == n - 1 + ouvre
        # Compte jour par jour sur un an.
        fin = jour + timedelta(days=400)
        attendu = sum(
            est_jour_ouvre(jour + timedelta(days=i), code) for i in range(1, (fin - jour).days + 1)
        )
        assert jours_ouvres_entre(jour, fin, code) == attendu
