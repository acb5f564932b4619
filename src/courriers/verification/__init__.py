"""Checking a DOCX template for its authors: every problem at once.

Plain docxtpl renders an unknown variable as nothing and stops at the first
Jinja error; :func:`verifier_modele` reports every problem of a template,
each with its part (``corps``, ``en-tête 1``, ``pied de page 1``…), its
place (``¶12`` for the 12th paragraph outside tables, ``tableau 2, ligne 3,
cellule 1, ¶1`` in a table, numbered from 1 in document order within the
part), the text of its paragraph and a French message saying what to do.

The parts are those the engine renders (``prepare._PARTIES_A_RENDRE``). Each
paragraph's text is read as Jinja sees it after docxtpl's ``patch_xml``
(the runs' texts joined), and cut into tags. Then:

* each tag is parsed on its own (a syntax error in one paragraph hides
  nothing elsewhere), and its names, attributes and filters are checked
  against the document type's data model, the loop variables typed by what
  they iterate;
* the block structure (``for``/``if``… and their ends) is checked on the
  sequence of block tags in document order, as is the place of each pair:
  same table for ``{%tr %}``, same cell or body for ``{%p %}``, same
  paragraph for inline tags;
* docxtpl's own traps: tags cut by the formatting or typed ``{ {``, text
  beside a ``{%p %}`` or ``{%tr %}`` tag (it would vanish), ``{% tr`` typed
  with a space, ``{%tr %}`` outside a table.
* what Word does to tags (``word``): pending tracked changes, tags across
  a hyperlink, insertion, content control or field, hyperlinks whose text
  is a tag, formatting inside a tag (a warning), the styles the Markdown
  filter needs.

A part where none of this finds a problem is also compiled whole, as the
engine does, and its XML, once docxtpl has repaired the tags, is parsed
strictly, so that nothing the engine would refuse goes unreported.

:func:`avertissements_modele` reports what the engine renders but may be
wrong for some readers (warnings, errors with ``--strict``): a table whose
grid disagrees with its rows, and the accessibility checks of
:mod:`courriers.verification.accessibilite` (also run on each rendered
document). Warnings (:attr:`Probleme.gravite`) do not stop a template from
being used.
"""

from courriers.verification.modele import avertissements_modele, verifier_modele
from courriers.verification.problemes import Probleme
from courriers.verification.rapports import rapport, rapport_json

__all__ = [
    "Probleme",
    "avertissements_modele",
    "rapport",
    "rapport_json",
    "verifier_modele",
]
