"""Evaluating a SymPy expression at a point with mpmath, quickly.

``sympy.N`` with substitutions is general but slow on the long expressions of
a concrete instance; this walks the tree once (sharing repeated parts) with
mpmath at the working precision.  It knows the operations that unfolded
expressions contain; anything else is handed to ``sympy.N``.
"""

from __future__ import annotations

import mpmath
import sympy as sp

__all__ = ["evaluate"]


def evaluate(expr, point, digits=30):
    """The value of ``expr`` with its atoms set by ``point`` (a dict of mpmath numbers)."""
    memo = {}
    with mpmath.workdps(digits):
        return _eval(sp.sympify(expr), point, memo, digits)


def _eval(e, point, memo, digits):
    if e in memo:
        return memo[e]
    if e in point:
        value = point[e]
    elif e.is_Integer:
        value = mpmath.mpf(int(e))
    elif e.is_Rational:
        value = mpmath.mpf(int(e.p)) / int(e.q)
    elif e.is_Float:
        value = mpmath.mpf(e)
    elif isinstance(e, sp.Add):
        value = mpmath.fsum(_eval(x, point, memo, digits) for x in e.args)
    elif isinstance(e, sp.Mul):
        value = mpmath.mpf(1)
        for x in e.args:
            value *= _eval(x, point, memo, digits)
    elif isinstance(e, sp.Pow):
        base = _eval(e.base, point, memo, digits)
        value = base ** int(e.exp) if e.exp.is_Integer else mpmath.power(base, _eval(e.exp, point, memo, digits))
    elif isinstance(e, sp.exp):
        value = mpmath.exp(_eval(e.args[0], point, memo, digits))
    elif isinstance(e, sp.log):
        value = mpmath.log(_eval(e.args[0], point, memo, digits))
    elif isinstance(e, sp.KroneckerDelta) and all(x.is_Integer for x in e.args):
        value = mpmath.mpf(int(e.args[0] == e.args[1]))
    else:
        subs = {k: sp.Float(v, digits) for k, v in point.items()}
        value = mpmath.mpmathify(sp.N(e.xreplace(subs), digits))
    memo[e] = value
    return value
