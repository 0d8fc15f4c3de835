"""Unfolding names into formulas and evaluating the derivatives on a slide.

The expressions of a derivation use the lecture's names: ``C``, ``a[j]``, and
unevaluated derivatives such as d(C, z[i]).  Before two sides can be compared,
:func:`unfold` replaces every name by its definition under a :class:`Model`
and evaluates every derivative, innermost first, at the right level:

* by a_j: C is unfolded into the a's, which stay independent variables;
* by z_i: the a's are unfolded into softmax (or the sigmoid) of the z's;
* delta_i is dC/dz_i, by the definition of the output error;
* by b_i or w_ji: the chain rule through z,
  dF/dv = sum_q dF/dz_q * dz_q/dv with z_q = b_q + sum_p w_pq a_p^{(L-1)}.

The result speaks only of z, y, b, w and a^{(L-1)}.  ``upper`` is n (a symbol)
or a concrete number of classes; ``upper_prev`` likewise for layer L-1.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .normalform import delta_sums
from .unknowns import differentiate, evaluate_derivatives, unknown_terms
from .notation import C, Model, V, a, b, delta, n as n_sym, m as m_sym, w, z

__all__ = ["unfold"]

_LEVEL = {a: 1, z: 2, b: 3, w: 3}


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
    if expr == model.cost_symbol:
        return _walk(model.cost(upper), model, upper, upper_prev, level)
    if isinstance(expr, sp.Indexed) and expr.base == a and level >= 2:
        return model.output(*expr.indices, upper=upper)
    if isinstance(expr, sp.Indexed) and expr.base == delta:
        return _walk(sp.Derivative(C, z[expr.indices[0]]), model, upper, upper_prev, level)
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
        base = var.base if isinstance(var, sp.Indexed) else None
        level = _LEVEL.get(base, 2)
        for _ in range(int(count)):
            inner = _walk(result, model, upper, upper_prev, level=min(level, 2))
            if level <= 2:
                result = differentiate(inner, var)
            else:
                q = sp.Dummy("q", integer=True, positive=True)
                if model.examples:
                    e = sp.Dummy("e", integer=True, positive=True)
                    dz = sp.diff(model.z_of_params(q, upper_prev, e), var)
                    result = sp.Sum(sp.diff(inner, z[q, e]) * dz, (q, 1, upper), (e, 1, V))
                else:
                    dz = sp.diff(model.z_of_params(q, upper_prev), var)
                    result = sp.Sum(sp.diff(inner, z[q]) * dz, (q, 1, upper))
                result += unknown_terms(inner, var)
            result = delta_sums(result)
    return _walk(result, model, upper, upper_prev, level=2)
