"""PDF: the rendered DOCX converted by LibreOffice, and page previews.

The documents of a call are converted by a few LibreOffice processes
(``soffice --headless --convert-to pdf``), one per core, each converting
its share of the batch (:mod:`courriers.pdf_parallele`): starting
LibreOffice costs far more than converting a letter (``docs/pdf.md``). Each
process runs

* with a private profile of its own, kept between runs in the user's cache
  folder and locked while in use (else made in a temporary folder), so
  that it works while the user has LibreOffice open, parallel conversions
  do not clash, and a second run does not pay for a new profile;
* killed past ``delai`` (or crashed) and retried once with a new profile,
  on the documents it left without a PDF;
* with the fontconfig file ``polices/fonts.conf`` (``FONTCONFIG_FILE``, for
  that process only): the templates name the font Marianne, which courriers
  does not ship; Marianne is used when installed, else Arial, else Liberation
  Sans (same metrics), never the default DejaVu Sans;
* within ``delai`` seconds: past that, its whole process group is killed;
* so that it fetches nothing (``pdf_reglages.SANS_RESSOURCE_EXTERNE``: linked images
  blocked, links never updated, macros off, HTTP through a dead proxy).

The PDF is tagged (structure for screen readers), with ``pdfa=True`` a
PDF/A-2b for archiving, and with ``pdfua=True`` a PDF/UA-1 (accessibility,
ISO 14289-1) through LibreOffice's own export option (``PDFUACompliance``,
LibreOffice 7.2 and later), the title shown in the window's title bar
(``DisplayPDFDocumentTitle``); both may be asked together (LibreOffice 7.4
writes both identifications). The options are passed both ways LibreOffice knows:
the JSON filter options of the command line (LibreOffice 7.4 and later) and
the PDF export settings of the private profile (``registrymodifications.xcu``,
also read by older versions); every PDF is then checked (``%PDF-`` header,
structure tree, PDF/A and PDF/UA identifications in the XMP metadata).

All or nothing: LibreOffice writes into a temporary folder; only when every
expected PDF is there and sound are they copied next to their destinations
under temporary names and renamed in one step (``os.replace``). On any
failure nothing is written and an earlier PDF of the same name is untouched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from courriers import pdf_parallele
from courriers import temporaires as fichiers_temporaires
from courriers.erreurs import ErreurConversion
from courriers.messages import erreur
from courriers.pdf_reglages import options_filtre, registre
from courriers.programmes import executer as _executer
from courriers.systeme import raison

VARIABLE_SOFFICE = "COURRIERS_SOFFICE"
"""Environment variable naming the LibreOffice program (path or command)."""

FICHIER_FONTCONFIG = Path(__file__).resolve().parent / "polices" / "fonts.conf"
"""The fontconfig file given to LibreOffice (Marianne, else Arial, else Liberation Sans)."""

DOCUMENTS_PAR_PROCESSUS = 100
"""At most this many documents per LibreOffice process (``delai`` applies to each)."""

LONGUEUR_MAX_ARGUMENTS = 24_000
"""At most this many characters of file names per command line (Windows: 32,767 in all)."""

_EMPLACEMENTS_HABITUELS = (
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
)
_PDFA_PARTIE = re.compile(rb"pdfaid:part(?:>\s*|=[\"'])2")
_PDFA_CONFORMITE = re.compile(rb"pdfaid:conformance(?:>\s*|=[\"'])B")
_PDFUA_PARTIE = re.compile(rb"pdfuaid:part(?:>\s*|=[\"'])1")
_PAGE_PNG = re.compile(r"page-(\d+)\.png")


def disponible() -> bool:
    """Whether LibreOffice is found (``COURRIERS_SOFFICE``, the PATH, the usual places)."""
    return _chercher_soffice() is not None


def convertir(
    docx: Sequence[Path],
    pdfa: bool = False,
    delai: float = 120.0,
    pdfua: bool = False,
    processus: int | None = None,
) -> list[Path]:
    """Convert each DOCX to a PDF beside it (same name, ``.pdf``), all or nothing.

    ``pdfa``: PDF/A-2b; ``pdfua``: PDF/UA-1 (both may be asked).
    The documents are split between ``processus`` LibreOffice processes
    running at once (by default one per core, see
    :func:`courriers.pdf_parallele.processus_pdf`); each converts its part
    in runs of at most :data:`DOCUMENTS_PAR_PROCESSUS` documents (another
    run when two files share a name); ``delai`` is the time limit of each
    run, in seconds (a run past it, or crashed, is retried once). Returns
    the PDF paths, in the order of ``docx``. Raises
    :class:`~courriers.erreurs.ErreurConversion` (LibreOffice missing,
    failing, too slow, a document not converted) or
    :class:`~courriers.erreurs.ErreurEcriture` (destination not writable).
    """
    _verifier_delai(delai)
    sources = [Path(chemin) for chemin in docx]
    if not sources:
        return []
    absolues = list(dict.fromkeys(_source(chemin) for chemin in sources))
    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="courriers-pdf-", ignore_cleanup_errors=True) as tmp:
        nombre = processus or pdf_parallele.processus_pdf(len(absolues))
        produits = _convertir_dans(absolues, Path(tmp), (pdfa, pdfua), delai, soffice, nombre)
        _publier([(produits[source], source.with_suffix(".pdf")) for source in absolues])
    return [chemin.with_suffix(".pdf") for chemin in sources]


def convertir_un(docx: Path, pdfa: bool = False, delai: float = 120.0, pdfua: bool = False) -> Path:
    """Convert one DOCX to a PDF beside it; see :func:`convertir`."""
    return convertir([docx], pdfa=pdfa, delai=delai, pdfua=pdfua)[0]


def apercu(
    docx: Path,
    dossier: Path,
    toutes_les_pages: bool = False,
    resolution: int = 100,
    delai: float = 120.0,
) -> list[Path]:
    """PNG images of the rendered document, for template authors.

    The first page (or every page) of ``docx`` as converted to PDF,
    rasterized by ``pdftoppm`` (poppler-utils) at ``resolution`` dots per
    inch, written into ``dossier`` as ``<name>-1.png``, ``<name>-2.png``…,
    all or nothing. Returns the image paths in page order.
    """
    _verifier_delai(delai)
    if resolution < 1:
        raise ValueError(
            f"résolution attendue en points par pouce (1 ou plus), reçu : {resolution}"
        )
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise erreur("pdf.pdftoppm_absent")
    source = _source(Path(docx))
    soffice = _soffice()
    dossier = Path(dossier)
    with tempfile.TemporaryDirectory(prefix="courriers-apercu-", ignore_cleanup_errors=True) as t:
        tmp = Path(t)
        pdf = _convertir_dans([source], tmp, (False, False), delai, soffice)[source]
        images = tmp / "apercu"
        images.mkdir()
        pages = [] if toutes_les_pages else ["-f", "1", "-l", "1"]
        commande = [pdftoppm, "-png", "-r", str(resolution), *pages, str(pdf), str(images / "page")]
        journal = tmp / "pdftoppm.log"
        depasse = erreur("pdf.apercu_trop_long", delai=_secondes(delai), docx=docx)
        code = _executer(commande, None, delai, journal, depasse)
        numerotees = sorted(
            (int(m.group(1)), image)
            for image in images.iterdir()
            if (m := _PAGE_PNG.fullmatch(image.name))
        )
        if code != 0 or not numerotees:
            raise erreur("pdf.apercu_absent", docx=docx, statut=code, journal=_extrait(journal))
        for _, image in numerotees:
            if not image.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
                raise erreur("pdf.apercu_illisible", docx=docx)
        try:
            dossier.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise erreur(
                "ecriture.dossier_impossible_a_creer", dossier=dossier, raison=raison(exc)
            ) from exc
        paires = [(image, dossier / f"{source.stem}-{numero}.png") for numero, image in numerotees]
        _publier(paires)
    return [destination for _, destination in paires]


def _verifier_delai(delai: float) -> None:
    if not delai > 0:
        raise ValueError(f"délai attendu en secondes (plus de 0), reçu : {delai}")


# --- LibreOffice -------------------------------------------------------------


def _chercher_soffice() -> str | None:
    variable = os.environ.get(VARIABLE_SOFFICE)
    if variable:
        return shutil.which(variable)
    for nom in ("soffice", "libreoffice"):
        trouve = shutil.which(nom)
        if trouve:
            return trouve
    for chemin in _EMPLACEMENTS_HABITUELS:
        if chemin.is_file():
            return str(chemin)
    return None


def _soffice() -> str:
    """The LibreOffice program, or an :class:`~courriers.erreurs.ErreurConversion`
    saying how to install it."""
    trouve = _chercher_soffice()
    if trouve is not None:
        return trouve
    variable = os.environ.get(VARIABLE_SOFFICE)
    if variable:
        raise erreur("pdf.libreoffice_introuvable", programme=variable)
    raise erreur("pdf.libreoffice_absent")


def _source(chemin: Path) -> Path:
    """The absolute path of a DOCX to convert, checked."""
    if not chemin.is_file():
        raise erreur("pdf.docx_introuvable", chemin=chemin)
    if chemin.suffix.lower() == ".pdf":
        raise erreur("pdf.deja_un_pdf", chemin=chemin)
    return chemin.absolute()


def _convertir_dans(
    sources: list[Path],
    tmp: Path,
    normes: tuple[bool, bool],
    delai: float,
    soffice: str,
    processus: int = 1,
) -> dict[Path, Path]:
    """Convert ``sources`` into folders of ``tmp`` with ``processus``
    LibreOffice processes at once, each with its own profile (kept between
    runs, :mod:`courriers.pdf_parallele`); return each checked PDF.
    ``normes``: (PDF/A-2b, PDF/UA-1)."""
    env = {**os.environ, "FONTCONFIG_FILE": str(_fichier_fontconfig())}
    passe = _Passe(soffice, env, normes, delai)
    reglages = registre(*normes)
    sorte = "pdf" + "".join(nom for nom, voulu in zip(("a", "ua"), normes, strict=True) if voulu)

    def convertir_partie(numero: int, partie: list[Path]) -> dict[Path, Path]:
        produits: dict[Path, Path] = {}
        temporaire = tmp / f"profil-{numero}"
        with pdf_parallele.profil(temporaire, sorte, reglages) as profil:
            for rang, lot in enumerate(_repartir(partie)):
                sortie = tmp / f"partie-{numero}-lot-{rang}"
                produits.update(_convertir_lot(lot, sortie, profil, passe))
        return produits

    produits: dict[Path, Path] = {}
    for faits in pdf_parallele.en_parallele(
        convertir_partie, pdf_parallele.parties(sources, processus)
    ):
        produits.update(faits)
    _verifier(produits, *normes)
    return {source: produits[source] for source in sources}


@dataclass(frozen=True)
class _Passe:
    """What every LibreOffice run of a call shares."""

    soffice: str
    env: dict[str, str]
    #: (PDF/A-2b, PDF/UA-1).
    normes: tuple[bool, bool]
    #: The time limit of one run, in seconds.
    delai: float


def _convertir_lot(lot: list[Path], sortie: Path, profil: Path, passe: _Passe) -> dict[Path, Path]:
    """One LibreOffice run on ``lot``. A run that is killed by the time
    limit or crashes is retried once, with its profile made again, on the
    documents it left without a PDF; a second failure is the error."""
    try:
        return _une_conversion(lot, sortie, profil, passe)
    except ErreurConversion as exc:
        if exc.code not in ("pdf.trop_long", "pdf.echec"):
            raise
    faits = {s: sortie / f"{s.stem}.pdf" for s in lot if (sortie / f"{s.stem}.pdf").is_file()}
    restants = [s for s in lot if s not in faits]
    if not restants:
        return faits  # every PDF written before the failure: checked like the others
    pdf_parallele.renouveler(profil, registre(*passe.normes))
    reprise = sortie.with_name(f"{sortie.name}-reprise")
    return {**faits, **_une_conversion(restants, reprise, profil, passe)}


def _une_conversion(lot: list[Path], sortie: Path, profil: Path, passe: _Passe) -> dict[Path, Path]:
    sortie.mkdir()
    commande = [
        passe.soffice,
        f"-env:UserInstallation={profil.as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--nologo",
        "--nodefault",
        *(["--infilter=MS Word 2007 XML"] if _tous_docx(lot) else []),
        "--convert-to",
        options_filtre(*passe.normes),
        "--outdir",
        str(sortie),
        *(str(source) for source in lot),
    ]
    journal = sortie.with_name(f"{sortie.name}.log")
    depasse = erreur("pdf.trop_long", delai=_secondes(passe.delai), documents=_noms(lot))
    code = _executer(commande, passe.env, passe.delai, journal, depasse)
    if code != 0:
        raise erreur("pdf.echec", statut=code, documents=_noms(lot), journal=_extrait(journal))
    return {source: sortie / f"{source.stem}.pdf" for source in lot}


def _fichier_fontconfig() -> Path:
    if not FICHIER_FONTCONFIG.is_file():
        raise erreur("pdf.polices_introuvables", chemin=FICHIER_FONTCONFIG)
    return FICHIER_FONTCONFIG


def _repartir(sources: list[Path]) -> list[list[Path]]:
    """Group ``sources`` into LibreOffice runs: at most
    :data:`DOCUMENTS_PAR_PROCESSUS` documents and
    :data:`LONGUEUR_MAX_ARGUMENTS` characters each, and two documents of the
    same name (which would give the same PDF name) never in the same run."""
    lots: list[list[Path]] = []
    noms: list[set[str]] = []
    longueurs: list[int] = []
    for source in sources:
        nom, longueur = source.stem.casefold(), len(str(source)) + 1
        for numero, lot in enumerate(lots):
            if (
                len(lot) < DOCUMENTS_PAR_PROCESSUS
                and nom not in noms[numero]
                and longueurs[numero] + longueur <= LONGUEUR_MAX_ARGUMENTS
            ):
                lot.append(source)
                noms[numero].add(nom)
                longueurs[numero] += longueur
                break
        else:
            lots.append([source])
            noms.append({nom})
            longueurs.append(longueur)
    return lots


def _tous_docx(lot: list[Path]) -> bool:
    """Whether every file is a .docx: then LibreOffice reads them as Word
    documents only, so that a damaged one fails instead of being imported
    as plain text."""
    return all(source.suffix.lower() == ".docx" for source in lot)


def _verifier(produits: dict[Path, Path], pdfa: bool, pdfua: bool = False) -> None:
    """Every expected PDF exists, is complete, tagged, and PDF/A-2b and
    PDF/UA-1 if asked."""
    absents = [source for source, pdf in produits.items() if not pdf.is_file()]
    if absents:
        raise erreur("pdf.pdf_absent", documents=_noms(absents, tout=True))
    for source, pdf in produits.items():
        contenu = pdf.read_bytes()
        if not contenu.startswith(b"%PDF-") or b"%%EOF" not in contenu[-1024:]:
            raise erreur("pdf.pdf_incomplet", source=source)
        if b"/StructTreeRoot" not in contenu:
            raise erreur("pdf.pdf_non_balise", source=source)
        if pdfa and not (_PDFA_PARTIE.search(contenu) and _PDFA_CONFORMITE.search(contenu)):
            raise erreur("pdf.pas_pdfa", source=source)
        if pdfua and not _PDFUA_PARTIE.search(contenu):
            raise erreur("pdf.pas_pdfua", source=source, avec=" et PDF/A-2b" if pdfa else "")


# --- Publishing --------------------------------------------------------------


def _publier(paires: list[tuple[Path, Path]]) -> None:
    """Copy each produced file beside its destination under a temporary
    name, then rename them all: nothing is renamed unless every copy is
    written. The temporary copies are removed on any failure."""
    temporaires: list[tuple[Path, Path]] = []
    destination = paires[0][1] if paires else Path()
    for dossier in dict.fromkeys(destination.parent for _, destination in paires):
        fichiers_temporaires.nettoyer_perimes(dossier)
    try:
        for produit, destination in paires:
            descripteur, nom = fichiers_temporaires.creer(destination.parent)
            temporaires.append((nom, destination))
            with os.fdopen(descripteur, "wb") as fichier, produit.open("rb") as lu:
                shutil.copyfileobj(lu, fichier)
                fichier.flush()
                os.fsync(fichier.fileno())
            os.chmod(nom, 0o644)
        for temporaire, destination in temporaires:
            os.replace(temporaire, destination)
    except OSError as exc:
        raise erreur("ecriture.impossible", chemin=destination, raison=raison(exc)) from exc
    finally:
        for temporaire, _ in temporaires:
            temporaire.unlink(missing_ok=True)


# --- Messages ----------------------------------------------------------------


def _secondes(delai: float) -> str:
    """``120`` → ``120``, ``0.5`` → ``0,5`` (French decimal comma)."""
    return f"{delai:g}".replace(".", ",")


def _noms(chemins: Sequence[Path], tout: bool = False) -> str:
    """« a.docx », or the first three names and how many more."""
    noms = [f"« {chemin} »" for chemin in chemins]
    if tout or len(noms) <= 3:
        return ", ".join(noms)
    return f"{', '.join(noms[:3])} et {len(noms) - 3} autres"


def _extrait(journal: Path) -> str:
    """The last lines of a process's output, for an error message."""
    try:
        lignes = journal.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    utiles = [ligne for ligne in lignes if "javaldx" not in ligne][-5:]
    return " : " + " | ".join(utiles) if utiles else ""
