"""LibreOffice's PDF export settings, given both ways LibreOffice reads
them: as the JSON filter options of the command line (LibreOffice 7.4 and
later, :func:`options_filtre`) and in the private profile's
``registrymodifications.xcu`` (older versions too, :func:`registre`), with
the settings that keep LibreOffice from fetching anything."""

from __future__ import annotations

import json


def reglages(pdfa: bool, pdfua: bool) -> dict[str, tuple[str, str]]:
    """LibreOffice's PDF export settings: name → (type, value)."""
    reglages = {"UseTaggedPDF": ("boolean", "true")}
    if pdfa:
        reglages["SelectPdfVersion"] = ("long", "2")
    if pdfua:
        reglages["PDFUACompliance"] = ("boolean", "true")
        reglages["DisplayPDFDocumentTitle"] = ("boolean", "true")
    return reglages


def options_filtre(pdfa: bool = False, pdfua: bool = False) -> str:
    """The ``--convert-to`` argument: PDF export, tagged, PDF/A-2b if
    ``pdfa``, PDF/UA-1 with the title in the title bar if ``pdfua``.

    >>> options_filtre()
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    >>> '"SelectPdfVersion":{"type":"long","value":"2"}' in options_filtre(pdfa=True)
    True
    >>> '"PDFUACompliance":{"type":"boolean","value":"true"}' in options_filtre(pdfua=True)
    True
    """
    options = {nom: {"type": t, "value": v} for nom, (t, v) in reglages(pdfa, pdfua).items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


#: Settings of the private profile so that LibreOffice fetches nothing,
#: should a document still hold a link (the engine refuses templates that
#: do, ``moteur/references.py``): linked images of untrusted origin blocked,
#: links never updated, no macro run, and every HTTP(S) request sent to a
#: proxy that does not exist (port 9 of the machine itself).
SANS_RESSOURCE_EXTERNE = [
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", "127.0.0.1"),
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
]


def registre(pdfa: bool, pdfua: bool = False) -> str:
    """The ``registrymodifications.xcu`` of our profiles: PDF export
    settings (read by the versions older than 7.4, which ignore the JSON
    filter options) and :data:`SANS_RESSOURCE_EXTERNE`."""
    export = {nom: valeur for nom, (_, valeur) in reglages(pdfa, pdfua).items()}
    export.setdefault("SelectPdfVersion", "0")
    lignes = [
        *(("/org.openoffice.Office.Common/Filter/PDF/Export", n, v) for n, v in export.items()),
        *SANS_RESSOURCE_EXTERNE,
    ]
    items = "".join(
        f'<item oor:path="{chemin}">'
        f'<prop oor:name="{nom}" oor:op="fuse"><value>{valeur}</value></prop></item>\n'
        for chemin, nom, valeur in lignes
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )
