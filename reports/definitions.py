"""The section "Definitions and notation": every symbol of the handout, its range, where the lecture brings it in.

:data:`ENTRIES` lists the symbols in the order a reader meets them; the
words of each entry are in the catalogs (table ``DEFINITIONS``, keyed by the
entry's name), and their formulas are the placeholders of
:data:`reports.inline.MATH`, printed from SymPy expressions.
"""

from __future__ import annotations

from .document import Heading, Items, Paragraph, Text
from .inline import fill

__all__ = ["ENTRIES", "ANCHOR", "definitions_blocks"]

ANCHOR = "definitions"

ENTRIES = (
    "n", "z", "softmax", "y", "cost", "dataset", "layer", "delta", "kronecker", "sigma", "t", "hypothesis",
)
"""The entries of the section, in the order they are printed."""


def definitions_blocks(cat):
    """The heading, a sentence on the layer superscript, and one item per entry."""
    items = tuple(fill(cat.lookup("DEFINITIONS", key)) for key in ENTRIES)
    return (Heading(1, (Text(cat.word("definitions.title")),), anchor=ANCHOR),
            Paragraph(fill(cat.word("definitions.intro"))),
            Items(items))
