"""The operating system's errors in French.

``OSError.strerror`` is in English (« No such file or directory »); the
messages of courriers give :func:`raison` instead, from the error number.
"""

from __future__ import annotations

import errno

_RAISONS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EDQUOT: "quota de disque dépassé",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EEXIST: "le fichier existe déjà",
    errno.ENOTEMPTY: "le dossier n'est pas vide",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.ELOOP: "trop de liens symboliques",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENFILE: "trop de fichiers ouverts sur le système",
    errno.EIO: "erreur d'entrée-sortie (disque ou support endommagé ?)",
    errno.EBUSY: "ressource occupée",
    errno.ETXTBSY: "fichier exécutable occupé",
    errno.EXDEV: "déplacement impossible d'un disque à un autre",
    errno.ENOEXEC: "ce fichier n'est pas un programme exécutable",
    errno.EINVAL: "argument invalide",
    errno.EFBIG: "fichier trop gros",
    errno.ENOMEM: "mémoire insuffisante",
    errno.EAGAIN: "ressource temporairement indisponible",
    errno.EINTR: "appel système interrompu",
    errno.ENXIO: "périphérique introuvable",
    errno.ENODEV: "périphérique introuvable",
}


def raison(exc: OSError) -> str:
    """Why ``exc`` happened, in French.

    >>> raison(FileNotFoundError(errno.ENOENT, "No such file or directory"))
    'fichier ou dossier introuvable'
    >>> raison(OSError(errno.ENOSPC, "No space left on device"))
    'plus de place sur le disque'
    >>> raison(OSError("sans numéro"))
    'erreur du système'
    >>> raison(OSError(9999, "Weird"))
    'erreur du système n° 9999'
    """
    if exc.errno is None:
        return "erreur du système"
    return _RAISONS.get(exc.errno, f"erreur du système n° {exc.errno}")
