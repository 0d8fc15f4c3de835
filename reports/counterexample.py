"""A counterexample in the document's language: n, the values of the variables, both sides.

The names and numbers are printed by :mod:`proofs.counterexamples` from the
SymPy objects the checker hands over; this module adds the language's words
and decimal mark.
"""

from __future__ import annotations

import sympy as sp

from proofs.counterexamples import name_tex, number_tex
from proofs.notation import n as n_symbol
from proofs.printer import lecture_latex

from .document import Math, Strong, Text

__all__ = ["counterexample_pieces"]


def counterexample_pieces(cx, cat):
    """Inline pieces: "Counterexample: n = 2; z_1 = 2/5, ...; left side ..., right side ..."."""
    mark = cat.word("decimal.mark")
    pieces = [Strong(cat.word("counterexample")), Text(" ")]
    if cx.n is not None:
        pieces += [Math(lecture_latex(sp.Eq(n_symbol, cx.n, evaluate=False))), Text("; ")]
    for position, (name, value) in enumerate(cx.values.items()):
        if position:
            pieces.append(Text(", "))
        pieces.append(Math(f"{name_tex(name)} = {number_tex(value, mark)}"))
    pieces += [Text(f"; {cat.word('left')} "), Math(number_tex(cx.lhs, mark)),
               Text(f", {cat.word('right')} "), Math(number_tex(cx.rhs, mark)), Text(".")]
    return tuple(pieces)
