"""courriers: official French State documents from data.

Describe the facts once (JSON, YAML or Python objects validated by the
models below) and get documents in the Marque de l'État house style::

    from courriers import CompteRendu, charger, ecrire

    cr = charger("reunion.json", CompteRendu)
    ecrire(cr, "cr.docx")           # or rendre(cr) -> bytes
"""

from courriers.documents import TYPES, TypeDocument, charger, contexte, ecrire, rendre
from courriers.donnees.compte_rendu import (
    CompteRendu,
    GroupeDestinataires,
    OptionsRedaction,
)
from courriers.donnees.emetteur import Emetteur, PiedDePage, Signataire
from courriers.donnees.personne import Personne
from courriers.donnees.reunion import (
    GroupeParticipants,
    Instance,
    PointOrdreDuJour,
    Reunion,
)
from courriers.erreurs import (
    ErreurCourriers,
    ErreurDonnees,
    ErreurEcriture,
    ErreurModele,
)

__version__ = "0.1.0"

__all__ = [
    "TYPES",
    "CompteRendu",
    "Emetteur",
    "ErreurCourriers",
    "ErreurDonnees",
    "ErreurEcriture",
    "ErreurModele",
    "GroupeDestinataires",
    "GroupeParticipants",
    "Instance",
    "OptionsRedaction",
    "Personne",
    "PiedDePage",
    "PointOrdreDuJour",
    "Reunion",
    "Signataire",
    "TypeDocument",
    "__version__",
    "charger",
    "contexte",
    "ecrire",
    "rendre",
]
