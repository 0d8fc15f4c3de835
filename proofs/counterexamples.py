r"""Counterexamples in print: the one place where a point's names and numbers become text.

A :class:`~proofs.verdict.Counterexample` keeps SymPy objects up to here: its
names are the notation's atoms (``z[1]``, ``y[2]``, ``w[1, 2]``, an index
``i``) and its values SymPy numbers -- exact fractions where the point was
drawn as such, floating-point numbers for the two sides.  This module prints
them for the terminal and the JSON output (:func:`counterexample_text`,
:func:`name_text`, :func:`number_text`) and for LaTeX (:func:`name_tex`,
:func:`number_tex`, :func:`counterexample_tex`), with the letters and layers
of :data:`proofs.notation.WRITTEN`.
"""

from __future__ import annotations

import sympy as sp

from .notation import WRITTEN
from .printer import lecture_latex

__all__ = ["counterexample_text", "counterexample_tex", "name_text", "name_tex", "number_text", "number_tex",
           "DIGITS"]

#: Significant digits of the two sides and of values that are not exact fractions.
DIGITS = 12

_LETTER = {obj: (letter, layer) for obj, letter, layer, _ in WRITTEN.values()}


def name_text(atom) -> str:
    """A point's name as plain text in the lecture's notation: ``z_1``, ``w_{12}``, ``a_1^{(L-1)}``, ``i``."""
    if isinstance(atom, sp.Indexed):
        letter, layer = _LETTER.get(atom.base, (str(atom.base.label), ""))
        indices = [str(ix) for ix in atom.indices]
        body = ("" if all(len(ix) == 1 for ix in indices) else ",").join(indices)
        index = body if len(body) == 1 else "{%s}" % body
        return f"{letter}_{index}" + ("^{%s}" % layer if layer == "(L-1)" else "")
    return str(atom)


def _number(value):
    """``value`` as a SymPy real number (an int becomes an Integer); a TypeError for anything else."""
    if isinstance(value, (int, float)):
        return sp.Integer(value) if isinstance(value, int) else sp.Float(value)
    if isinstance(value, sp.Basic) and value.is_number and value.is_real:
        return value
    raise TypeError(f"a counterexample value must be a SymPy number, got {value!r}")


def number_text(value, digits=DIGITS) -> str:
    """A value as plain text: an exact fraction as ``2/5``, another number to ``digits`` significant digits."""
    value = _number(value)
    return str(value) if isinstance(value, sp.Rational) else f"{float(value):.{digits}g}"


def counterexample_text(cx) -> str:
    """The point in plain text: ``n = 2: z_1 = 3/10, y_1 = 1/6; left side = 0.28, right side = 0.16``."""
    parts = [f"{name_text(k)} = {number_text(v)}" for k, v in cx.values.items()]
    head = f"n = {cx.n}: " if cx.n is not None else ""
    return f"{head}{', '.join(parts)}; left side = {number_text(cx.lhs)}, right side = {number_text(cx.rhs)}"


def name_tex(atom) -> str:
    """A point's name as the handouts print it (``z[1]`` is :math:`z_1^{(L)}`)."""
    return lecture_latex(atom)


def number_tex(value, mark=".", digits=6) -> str:
    r"""A value as LaTeX: an exact fraction as a fraction, another number to ``digits`` significant digits.

    ``mark`` is the decimal mark ("," in Russian, set as ``{,}`` so that TeX
    puts no space after it).

    >>> number_tex(sp.Float("0.283499336021"), ",")
    '0{,}283499'
    >>> number_tex(sp.Rational(-2, 5))
    '- \\frac{2}{5}'
    """
    value = _number(value)
    if isinstance(value, sp.Rational):
        return lecture_latex(value)
    out = f"{float(value):.{digits}g}"
    if "e" in out:
        mantissa, exponent = out.split("e")
        out = r"%s \cdot 10^{%d}" % (mantissa, int(exponent))
    return out.replace(".", "{,}" if mark == "," else ".")


def counterexample_tex(cx, left="left side", right="right side", mark=".") -> str:
    r"""The point as one LaTeX line: ``n = 2:\ z_1^{(L)} = \frac{2}{5},\ i = 1;\ \text{left side }0.283499, ...``."""
    parts = [f"{name_tex(k)} = {number_tex(v, mark)}" for k, v in cx.values.items()]
    head = f"n = {cx.n}:\\ " if cx.n is not None else ""
    sides = [r"\text{%s }%s" % (word, number_tex(value, mark)) for word, value in ((left, cx.lhs), (right, cx.rhs))]
    return head + r",\ ".join(parts) + r";\ " + r",\ ".join(sides)
