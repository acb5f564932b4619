"""courriers: official French State documents from data.

Describe the facts once (JSON, YAML or Python objects validated by the
models below) and get documents in the Marque de l'État house style::

    from courriers import CompteRendu, charger, ecrire

    cr = charger("reunion.json", CompteRendu)
    ecrire(cr, "cr.docx")           # or rendre(cr) -> bytes

    convocation = charger("reunion.json", Convocation)   # same meeting file
    modele = preparer_modele(convocation)                # prepared once
    ecrire_lot(modele, exemplaires(convocation), Path("convocations"))
"""

from courriers.convocations import Exemplaire, exemplaires
from courriers.documents import (
    TYPES,
    TypeDocument,
    charger,
    contexte,
    depuis_donnees,
    ecrire,
    preparer_modele,
    rendre,
)
from courriers.donnees.compte_rendu import (
    CompteRendu,
    GroupeDestinataires,
    OptionsRedaction,
)
from courriers.donnees.convocation import Convocation, DelaiReponse, ParametresConvocation
from courriers.donnees.destinataire import Destinataire
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
from courriers.lots import Bilan, ecrire_lot

__version__ = "0.1.0"

__all__ = [
    "TYPES",
    "Bilan",
    "CompteRendu",
    "Convocation",
    "DelaiReponse",
    "Destinataire",
    "Emetteur",
    "ErreurCourriers",
    "ErreurDonnees",
    "ErreurEcriture",
    "ErreurModele",
    "Exemplaire",
    "GroupeDestinataires",
    "GroupeParticipants",
    "Instance",
    "OptionsRedaction",
    "ParametresConvocation",
    "Personne",
    "PiedDePage",
    "PointOrdreDuJour",
    "Reunion",
    "Signataire",
    "TypeDocument",
    "__version__",
    "charger",
    "contexte",
    "depuis_donnees",
    "ecrire",
    "ecrire_lot",
    "exemplaires",
    "preparer_modele",
    "rendre",
]
