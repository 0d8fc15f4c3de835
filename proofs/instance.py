"""Concrete instances: a derivation for n = 1, 2, 3, ... classes and concrete indices.

For a concrete n every sum is a finite sum, every derivative an ordinary one,
and the difference of two sides is a rational function of e^{z_1}, ...,
e^{z_n}, y_1, ..., y_n (and of logarithms, which stay generators).  The
hypothesis sum_j y_j = 1 is imposed by eliminating y_n; then ``cancel``
decides the step exactly.
"""

from __future__ import annotations

import itertools

import sympy as sp

from .notation import m as m_sym, n as n_sym
from .unfold import unfold

__all__ = ["assignments", "instantiate", "PREV_LAYER_SIZE"]

#: The number of neurons of layer L-1 used in concrete instances.
PREV_LAYER_SIZE = 2


def assignments(indices, distinct, n_value, prev=()):
    """Every assignment of values 1..n to the free indices (1..m for those in ``prev``)
    that respects the declared inequalities between them."""
    ranges = [range(1, (PREV_LAYER_SIZE if ix in prev else n_value) + 1) for ix in indices]
    out = []
    for values in itertools.product(*ranges):
        chosen = dict(zip(indices, values))
        if all(chosen.get(p) != chosen.get(q) for p, q in distinct if p in chosen and q in chosen):
            out.append(chosen)
    return out


def instantiate(expr, model, n_value, values):
    """The expression for n = ``n_value`` and the indices set to ``values``, unfolded."""
    expr = sp.sympify(expr)
    subs = {n_sym: sp.Integer(n_value), m_sym: sp.Integer(PREV_LAYER_SIZE)}
    subs.update({ix: sp.Integer(v) for ix, v in values.items()})
    expr = expr.subs(subs, simultaneous=True)
    expr = unfold(expr, model, sp.Integer(n_value), sp.Integer(PREV_LAYER_SIZE))
    return expr.doit()
