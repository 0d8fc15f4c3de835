"""A counterexample in the document's language: n, the values of the variables, both sides.

The checker hands over a :class:`proofs.verdict.Counterexample` whose names
(``z_1``, ``y[2]``, ``i``) and values (``2/5``, ``0.2834993``) are short
strings.  They are read here by two fixed patterns, never by ``sympify``: a
name becomes the lecture's indexed letter, an exact fraction a SymPy
``Rational``, a decimal a number printed with the language's decimal mark.
"""

from __future__ import annotations

import re
from fractions import Fraction

import sympy as sp

from proofs import notation
from proofs.notation import n as n_symbol

from .document import Math, Strong, Text
from proofs.printer import lecture_latex

__all__ = ["counterexample_pieces", "number_tex", "name_tex"]

_NAME = re.compile(r"([A-Za-z]+)(?:_\{?(\d+)\}?|\[(\d+)\])?")
_EXACT = re.compile(r"[-+]?\d+(/\d+)?")
_DECIMAL = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_LETTERS = {"a": notation.a, "y": notation.y, "z": notation.z, "b": notation.b, "delta": notation.delta}


def number_tex(value, mark=".", digits=6):
    """A number as LaTeX: exact fractions as fractions, decimals to ``digits`` significant digits.

    ``mark`` is the decimal mark ("," in Russian, set as ``{,}`` so that TeX
    puts no space after it).

    >>> number_tex("0.283499336021", ",")
    '0{,}283499'
    >>> number_tex("-2/5")
    '- \\\\frac{2}{5}'
    """
    if isinstance(value, sp.Basic) and not value.is_Number:
        return lecture_latex(value)
    text = str(value).strip()
    if _EXACT.fullmatch(text):
        return lecture_latex(sp.Rational(Fraction(text)))
    if _DECIMAL.fullmatch(text):
        out = f"{float(text):.{digits}g}"
        if "e" in out:
            mantissa, exponent = out.split("e")
            out = r"%s \cdot 10^{%d}" % (mantissa, int(exponent))
        return out.replace(".", "{,}" if mark == "," else ".")
    raise ValueError(f"a counterexample value must be a number such as 2/5 or 0.28, got {text!r}")


def name_tex(name):
    """A variable's name (``z_1``, ``y[2]``, ``i``) as the lecture writes it."""
    match = _NAME.fullmatch(str(name).strip())
    if match is None:
        raise ValueError(f"a counterexample name must be a letter with an optional index such as z_1, got {name!r}")
    letter, index = match.group(1), match.group(2) or match.group(3)
    if index is not None and letter in _LETTERS:
        return lecture_latex(_LETTERS[letter][int(index)])
    if index is not None:
        return "%s_{%s}" % (letter, index)
    return lecture_latex(sp.Symbol(letter))


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
