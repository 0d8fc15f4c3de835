"""Unfolding names into formulas and evaluating the derivatives on a slide.

The expressions of a derivation use the lecture's names: ``C``, ``a[j]``, and
unevaluated derivatives such as d(C, z[i]).  Before two sides can be compared,
:func:`unfold` replaces every name by its definition under a :class:`Model`
and evaluates every derivative, innermost first, at the level of its
variable -- the rules of :mod:`proofs.rules`, which the concrete route
(:mod:`proofs.concrete`) shares.

The result speaks only of z, y, b, w and a^{(L-1)}.  ``upper`` is n (a symbol)
or a concrete number of classes; ``upper_prev`` likewise for layer L-1.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .normalform import delta_sums
from .unknowns import differentiate, evaluate_derivatives
from .notation import Model, V, n as n_sym, m as m_sym, z
from .rules import definition, level_of, through_z

__all__ = ["unfold"]

@lru_cache(maxsize=4096)
def unfold(expr, model: Model | None, upper=n_sym, upper_prev=m_sym, keep_outputs=False):
    """Replace C and a by their definitions and evaluate every derivative.

    With ``keep_outputs`` the outputs a_j stay as they are (C is unfolded into them).
    """
    if model is None:
        return _plain(expr)
    return _walk(sp.sympify(expr), model, sp.sympify(upper), sp.sympify(upper_prev),
                 level=1 if keep_outputs else 2)


def _plain(expr):
    expr = sp.sympify(expr)
    if expr.has(sp.Derivative):
        return evaluate_derivatives(expr)
    return expr


def _walk(expr, model, upper, upper_prev, level):
    meaning = definition(expr, model, upper, level)
    if meaning is not None:
        return _walk(meaning, model, upper, upper_prev, level)
    if isinstance(expr, sp.Derivative):
        return _derivative(expr, model, upper, upper_prev)
    if not expr.args or isinstance(expr, sp.Indexed):
        return expr
    args = [_walk(arg, model, upper, upper_prev, level) for arg in expr.args]
    if all(x is y for x, y in zip(args, expr.args)):
        return expr
    return expr.func(*args)


def _derivative(expr, model, upper, upper_prev):
    result = expr.expr
    for var, count in expr.variable_count:
        level = level_of(var)
        for _ in range(int(count)):
            inner = _walk(result, model, upper, upper_prev, level=min(level, 2))
            if level <= 2:
                result = differentiate(inner, var)
            else:
                q = sp.Dummy("q", integer=True, positive=True)
                if model.examples:
                    e = sp.Dummy("e", integer=True, positive=True)
                    dz = through_z(model, var, q, upper_prev, e)
                    result = sp.Sum(sp.diff(inner, z[q, e]) * dz, (q, 1, upper), (e, 1, V))
                else:
                    dz = through_z(model, var, q, upper_prev)
                    result = sp.Sum(sp.diff(inner, z[q]) * dz, (q, 1, upper))
                # b and w may also appear themselves, not only through z.
                result += differentiate(inner, var)
            result = delta_sums(result)
    return _walk(result, model, upper, upper_prev, level=2)
