"""Formulas that appear inside the handouts' sentences, as SymPy expressions.

The catalogs of :mod:`reports.lang` write a formula inside a sentence as a
placeholder such as ``{a_j}`` or ``{0<a_j<1}``; :func:`fill` replaces it by
the formula printed by :mod:`proofs.printer`, so that even the words' formulas
are printed from expressions in the lecture's notation, never typed.
"""

from __future__ import annotations

import re

import sympy as sp

from proofs.notation import (CC, SIGMOID_QUADRATIC, C, a, a_prev, b, delta, frac, i, j, l, n, sigma,
                             sum_all, t_range, w, y, z)

from .document import Math, Text
from proofs.printer import lecture_latex

__all__ = ["MATH", "fill", "PLACEHOLDER"]

PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")

_vec_a = sp.Symbol("vec_a")
_vec_y = sp.Symbol("vec_y")
_V = sp.Symbol("V_set")
_u = sp.Symbol("u", real=True)
_x, _Vn = sp.Symbol("x", integer=True, positive=True), sp.Symbol("V", integer=True, positive=True)
_a1, _y1 = sp.Symbol("a_1", positive=True), sp.Symbol("y_1", positive=True)
_dCda1 = sp.Derivative(C, _a1, evaluate=False)


def _lt(lhs, rhs):
    return sp.StrictLessThan(lhs, rhs, evaluate=False)


def _ge(lhs, rhs):
    return sp.GreaterThan(lhs, rhs, evaluate=False)


MATH = {
    "n": n, "m": sp.Symbol("m"), "i": i, "j": j, "L": sp.Symbol("L"), "C": C, "V": _V,
    "a_j": a[j], "a_i": a[i], "a_1": a[1], "a_4": a[4], "z_j": z[j], "z_i": z[i], "y_j": y[j],
    "y_i": y[i], "b_i": b[i], "w_ji": w[j, i], "a_prev_j": a_prev[j], "delta_i": delta[i],
    "a_vec": _vec_a, "y_vec": _vec_y,
    "a=y": sp.Eq(_vec_a, _vec_y, evaluate=False),
    "a_j=y_j": sp.Eq(a[j], y[j], evaluate=False),
    "i!=j": sp.Ne(i, j, evaluate=False),
    "n>=2": _ge(n, 2), "n=1": sp.Eq(n, 1, evaluate=False),
    "a_1=1": sp.Eq(a[1], 1, evaluate=False),
    "a_j>0": _lt(0, a[j]).reversed, "a_j<1": _lt(a[j], 1),
    "0<a_j<1": sp.And(_lt(0, a[j]), _lt(a[j], 1), evaluate=False),
    "y_j>=0": _ge(y[j], 0), "y_j>0": _lt(0, y[j]).reversed,
    "y_j=0": sp.Eq(y[j], 0, evaluate=False),
    "ln_a_j<0": _lt(sp.log(a[j]), 0),
    "-y_j_ln_a_j>=0": _ge(-y[j] * sp.log(a[j]), 0),
    "C>=0": _ge(C, 0), "C=0": sp.Eq(C, 0, evaluate=False),
    "sum_y=1": sp.Eq(sp.Sum(y[j], (j, 1, n)), 1, evaluate=False),
    "sum_a=1": sp.Eq(sp.Sum(a[j], (j, 1, n)), 1, evaluate=False),
    "min_C": -sp.Sum(y[j] * sp.log(y[j]), (j, 1, n)),
    "z_l=ln_y_l": sp.Eq(z[l], sp.log(y[l]), evaluate=False),
    "ln_t<=t-1": sp.LessThan(sp.log(sp.Symbol("t")), sp.Symbol("t") - 1, evaluate=False),
    "t>0": _lt(0, sp.Symbol("t")).reversed, "t=1": sp.Eq(sp.Symbol("t"), 1, evaluate=False),
    "dC/da_1": _dCda1,
    "dC/da_1<0": _lt(_dCda1, 0), "dC/da_1>0": _lt(0, _dCda1).reversed,
    "0<a_1<y_1": sp.And(_lt(0, _a1), _lt(_a1, _y1), evaluate=False),
    "y_1<a_1<1": sp.And(_lt(_y1, _a1), _lt(_a1, 1), evaluate=False),
    "a_1=y_1": sp.Eq(_a1, _y1, evaluate=False),
    "y=(1,0)": sp.Eq(_vec_y, sp.Tuple(1, 0), evaluate=False),
    "C=ln(1+e^(z_2-z_1))": sp.Eq(C, sp.log(1 + sp.exp(z[2] - z[1])), evaluate=False),
    "lim_C=0": sp.Eq(sp.Limit(C, sp.Symbol("z_1", real=True), sp.oo), 0, evaluate=False),
    "dC/dz_i": sp.Derivative(C, z[i], evaluate=False),
    "dC/db_i": sp.Derivative(C, b[i], evaluate=False),
    "dC/dw_ji": sp.Derivative(C, w[j, i], evaluate=False),
    "da_j/dz_i": sp.Derivative(a[j], z[i], evaluate=False),
    "da_j/dz_j": sp.Derivative(a[j], z[j], evaluate=False),
    "dC/da_j": sp.Derivative(C, a[j], evaluate=False),
    "a_i-y_i": a[i] - y[i],
    "a_i_sum_y-y_i": a[i] * sp.Sum(y[j], (j, 1, n)) - y[i],
    "i=j": sp.Eq(i, j, evaluate=False),
    "n=2": sp.Eq(n, 2, evaluate=False),
    "y=(0,1)": sp.Eq(_vec_y, sp.Tuple(0, 1), evaluate=False),
    "u=z_1-z_2": sp.Eq(_u, z[1] - z[2], evaluate=False),
    "dC/db_i=sq": sp.Eq(sp.Derivative(C, b[i], evaluate=False),
                        sp.Mul(a[i] - y[i], sp.Derivative(sigma(z[i]), z[i], evaluate=False), evaluate=False),
                        evaluate=False),
    "dC/dw_ji=ce": sp.Eq(sp.Derivative(C, w[j, i], evaluate=False), a_prev[j] * (a[i] - y[i]), evaluate=False),
    "z_i=b_i+sum": sp.Eq(z[i], b[i] + sp.Sum(w[j, i] * a_prev[j], (j, 1, sp.Symbol("m"))), evaluate=False),
    "lim_sigma'=0": sp.Eq(sp.Limit(sp.Derivative(sigma(_u), _u, evaluate=False), _u, sp.oo), 0, evaluate=False),
    "lim_dC/db_1=1": sp.Eq(sp.Limit(sp.Derivative(C, b[1], evaluate=False), _u, sp.oo), 1, evaluate=False),
    "dC/db_i=a_i-y_i": sp.Eq(sp.Derivative(C, b[i], evaluate=False), a[i] - y[i], evaluate=False),
    "sigma'": sp.Derivative(sigma(z[i]), z[i], evaluate=False),
    "|V|": sp.Symbol("V"),
    "|V|=2": sp.Eq(sp.Symbol("V"), 2, evaluate=False),
    "CC": sp.Symbol("CC"),
    "dCC/db_i": sp.Derivative(sp.Symbol("CC"), b[i], evaluate=False),
    "dCC/dw_ji": sp.Derivative(sp.Symbol("CC"), w[j, i], evaluate=False),
    "y_1": _y1, "a_1_3": _a1,
    # The definitions and the errata.
    "x": sp.Symbol("x"), "t_j": t_range[j], "sigma": sp.Symbol("sigma"), "m>=1": _ge(sp.Symbol("m"), 1),
    "a_j=softmax": sp.Eq(a[j], frac(sp.exp(z[j]), sum_all(sp.exp(z[l]), l)), evaluate=False),
    "C=ce": sp.Eq(C, -sum_all(y[j] * sp.log(a[j]), j), evaluate=False),
    "0<=y_j<=1": sp.And(sp.LessThan(0, y[j], evaluate=False), sp.LessThan(y[j], 1, evaluate=False), evaluate=False),
    "CC=mean": sp.Eq(CC, -sp.Sum(sum_all(y[j, _x] * sp.log(a[j, _x]), j), (_x, 1, _Vn)) / _Vn, evaluate=False),
    "C=quad": sp.Eq(C, SIGMOID_QUADRATIC.cost(n), evaluate=False),
    "a_j=sigma": sp.Eq(a[j], sigma(z[j]), evaluate=False),
    "sigma(u)": (sp.Eq(sp.Function("sigma")(_u), frac(1, 1 + sp.exp(-_u)), evaluate=False), {"sigmoid": False}),
    "delta_i=dC/dz_i": sp.Eq(delta[i], sp.Derivative(C, z[i], evaluate=False), evaluate=False),
    "delta_ij": sp.KroneckerDelta(i, j),
    "da_j/dz_i=jac": sp.Eq(sp.Derivative(a[j], z[i], evaluate=False),
                           a[j] * sp.KroneckerDelta(i, j) - a[i] * a[j], evaluate=False),
    "a_j=1/(1+t_j)": sp.Eq(a[j], frac(1, 1 + t_range[j]), evaluate=False),
    "a_j=t_j_y_j": sp.Eq(a[j], t_range[j] * y[j], evaluate=False),
    "t_j>0": _lt(0, t_range[j]).reversed,
    "n>=1": _ge(n, 1), "L-1": sp.Symbol("L") - 1, "l": l, "z": sp.Symbol("vec_z"), "y": _vec_y,
    "a_2=": sp.Eq(a[2], sp.Mul(sp.Rational(2, 3), 1 - a[1], evaluate=False), evaluate=False),
    "a_3=": sp.Eq(a[3], sp.Mul(sp.Rational(1, 3), 1 - a[1], evaluate=False), evaluate=False), "y_j(x)": y[j, sp.Symbol("x")], "a_j(x)": a[j, sp.Symbol("x")],
}
"""Every placeholder the catalogs may use, by name."""


def fill(text, values=None):
    """Split catalog text into :class:`Text` and :class:`Math` pieces, printing each placeholder.

    ``values`` maps further placeholders to plain words or numbers (a digit's
    class, say), which are inserted as text.

    >>> fill("for {i!=j}")
    (Text(text='for '), Math(latex='i \\\\ne j'))
    """
    pieces = []
    position = 0
    # Adjacent words are merged below, so that a value inserted as text reads as one run.
    for match in PLACEHOLDER.finditer(text):
        key = match.group(1)
        if values and key in values:
            pieces.append(Text(text[position:match.start()] + str(values[key])))
            position = match.end()
            continue
        if key not in MATH:
            raise ValueError(f"unknown formula placeholder {{{key}}} in {text!r}")
        if match.start() > position:
            pieces.append(Text(text[position:match.start()]))
        value = MATH[key]
        # An entry is an expression, or (expression, printer settings) where one needs its own.
        expr, settings = value if isinstance(value, tuple) and isinstance(value[-1], dict) else (value, {})
        pieces.append(Math(lecture_latex(expr, **settings)))
        position = match.end()
    if position < len(text):
        pieces.append(Text(text[position:]))
    merged = []
    for piece in pieces:
        if merged and isinstance(piece, Text) and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + piece.text)
        elif not (isinstance(piece, Text) and not piece.text):
            merged.append(piece)
    return tuple(merged)
