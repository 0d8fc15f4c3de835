"""The unfolding rules: what each name of the notation means, in one table.

Both routes of the checker -- general n (:mod:`proofs.unfold`) and concrete n
(:mod:`proofs.concrete`) -- take the meaning of the lecture's names from here;
they differ only in how a sum is expanded and whether e^{z_q} is written as a
positive symbol E_q.

* C (the model's cost symbol) is the model's cost, -sum_k y_k ln a_k;
* a_q is the model's output, e^{z_q} / sum_l e^{z_l}, once a derivative by z,
  b or w needs it (by a_j the outputs stay independent variables);
* delta_q is dC/dz_q, the definition of the output error;
* a derivative is taken at the level of its variable (:data:`LEVEL`): by a_j
  C is unfolded into the a's only; by z_i the a's are unfolded into the z's;
  by b_i, w_ji or a_j^{(L-1)} through z by the chain rule, dF/dv = sum_q dF/dz_q dz_q/dv
  with z_q = b_q + sum_p w_pq a_p^{(L-1)}, plus dF/dv with z held for
  what depends on b or w directly (d b_j / d b_i = delta_ij).
"""

from __future__ import annotations

import sympy as sp

from .notation import Model, a, a_prev, b, delta, w, z

__all__ = ["LEVEL", "THROUGH_Z", "level_of", "definition", "through_z"]

#: The level at which a derivative by each kind of variable is taken.
LEVEL = {a: 1, z: 2, b: 3, w: 3, a_prev: 3}
#: The variables that z = b + sum w a^{(L-1)} depends on: derivatives by them go through z.
THROUGH_Z = (b, w, a_prev)


def level_of(var):
    """1 for a, 2 for z (and any other variable), 3 for b, w and a^{(L-1)}."""
    return LEVEL.get(var.base if isinstance(var, sp.Indexed) else None, 2)


def definition(expr, model: Model, upper, level, cost=None):
    """The definition that replaces the name ``expr`` at ``level``, or None if it is not one there.

    ``cost`` overrides the model's cost formula (a concrete route passes it
    with |V| already set).
    """
    if expr == model.cost_symbol:
        return model.cost(upper) if cost is None else cost
    if isinstance(expr, sp.Indexed):
        if expr.base == a and level >= 2:
            return model.output(*expr.indices, upper=upper)
        if expr.base == delta:
            return sp.Derivative(model.cost_symbol, z[expr.indices[0]])
    return None


def through_z(model: Model, var, q, upper_prev, example=None, expand=None):
    """dz_q/dv for v = b, w or a^{(L-1)} of the output layer: the chain rule's inner factor.

    ``expand`` is the route's way of writing out the sum in z_q (a concrete
    route expands it term by term) before differentiating.
    """
    z_q = model.z_of_params(q, upper_prev, example)
    return sp.diff(expand(z_q) if expand is not None else z_q, var)
