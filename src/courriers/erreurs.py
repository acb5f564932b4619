"""The errors a user can meet, each with a French message and an exit code.

The catalogue (``docs/erreurs.md``) lists them; the CLI prints the message
and exits with the code.
"""

from __future__ import annotations


class ErreurCourriers(Exception):
    """Base of the errors reported to the user, never a traceback."""

    code_sortie = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
