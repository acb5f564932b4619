"""User text to WordprocessingML text: escaping and control characters.

The one rule of the project for text entering XML (documented in
``docs/texte-et-caracteres.md``):

* ``& < > " '`` are escaped, always;
* a tab becomes a Word tab (``<w:tab/>``);
* ``\\n``, ``\\r\\n``, ``\\r`` and ``\\v`` (Word's manual line break, common
  in text pasted from Word) become a Word line break (``<w:br/>``);
* every other character that XML 1.0 forbids (C0 controls, lone surrogates,
  U+FFFE, U+FFFF) is removed: they carry no text and would corrupt the file;
* ``{_`` / ``_}`` / ``%_``, which docxtpl would turn into tag delimiters,
  keep their underscore as a character reference.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_SAUTS = re.compile(r"\r\n|[\r\n\v]")
_INTERDITS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Closes the current text element, puts a line break, reopens the text.
SAUT_DE_LIGNE = '</w:t><w:br/><w:t xml:space="preserve">'
#: Closes the current text element, puts a tab, reopens the text.
TABULATION = '</w:t><w:tab/><w:t xml:space="preserve">'


def nettoyer(texte: str) -> str:
    """Normalise line breaks to ``\\n`` and remove XML-illegal characters.

    >>> nettoyer("a\\r\\nb\\vc\\x00d\\x1fe\\tf")
    'a\\nb\\ncde\\tf'
    """
    return _INTERDITS.sub("", _SAUTS.sub("\n", texte))


def echapper(texte: str) -> str:
    """Escape text for an XML text node or attribute value.

    >>> echapper('Que Choisir & co <b>"x"</b>')
    'Que Choisir &amp; co &lt;b&gt;&quot;x&quot;&lt;/b&gt;'
    """
    return escape(texte, {'"': "&quot;"})


def contenu_run(texte: str) -> str:
    """XML to place inside an open ``<w:t>`` of a run: escaped, cleaned,
    with line breaks and tabs as Word elements.

    >>> contenu_run("Tél\\t: 04\\nFax & co\\x07")
    'Tél</w:t><w:tab/><w:t xml:space="preserve">: 04</w:t><w:br/><w:t xml:space="preserve">Fax &amp; co'
    >>> contenu_run("{_% x %_}")
    '{&#95;% x %&#95;}'
    """
    propre = echapper(nettoyer(texte))
    propre = _DELIMITEURS_DOCXTPL.sub(lambda m: m.group().replace("_", "&#95;"), propre)
    return propre.replace("\n", SAUT_DE_LIGNE).replace("\t", TABULATION)


# docxtpl turns ``{_{``, ``}_}``, ``{_%`` and ``%_}`` of the rendered XML into
# tag delimiters (a template author's way to write a literal tag). In user
# text the underscore is written as a character reference: that replacement
# does not see it, and every XML reader reads it as ``_``.
_DELIMITEURS_DOCXTPL = re.compile(r"[{]_|_[}]|%_")
