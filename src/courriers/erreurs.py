"""The errors a user can meet, each with a French message and an exit code.

Every message comes from the catalogue of :mod:`courriers.messages` (listed
in ``docs/erreurs.md``); the CLI prints the message and exits with the code
of the exception's class.
"""

from __future__ import annotations

#: Exit code of a wrong command line (argparse).
CODE_USAGE = 2
#: Exit code when, with --continuer, some documents of the batch were not written.
CODE_LOT_INCOMPLET = 8


class ErreurCourriers(Exception):
    """Base of the errors reported to the user, never a traceback.

    ``code`` is the identifier of the message in the catalogue
    (``donnees.fichier_introuvable``), empty for a message built elsewhere.
    """

    code_sortie = 1

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ErreurDonnees(ErreurCourriers):
    """The data file cannot be read or does not fit the model."""

    code_sortie = 3


class ErreurModele(ErreurCourriers):
    """The DOCX template is missing, unreadable or fails to render."""

    code_sortie = 4


class ErreurEcriture(ErreurCourriers):
    """The output cannot be written."""

    code_sortie = 5


class ErreurControles(ErreurCourriers):
    """With ``--strict``: a letter fails the checks of ``controles``."""

    code_sortie = 6


class ErreurConversion(ErreurCourriers):
    """LibreOffice (or pdftoppm) is missing, fails, or exceeds its time limit."""

    code_sortie = 7


class ErreurInterruption(ErreurCourriers):
    """Ctrl-C (SIGINT): the command stops, nothing incomplete is left.

    The CLI raises nothing of this class: it catches ``KeyboardInterrupt``
    and prints the message of the catalogue; the class gives the exit code."""

    code_sortie = 130


class ErreurArret(ErreurCourriers):
    """SIGTERM: like :class:`ErreurInterruption`, exit code 143."""

    code_sortie = 143
