"""Derivatives of unknown quantities: never 0, always unknown.

A letter outside the notation (:class:`proofs.notation.Unknown`) may depend on
every variable, so by the chain rule

    d/dv F(..., U, ...) = dF/dv (U held) + sum over U of dF/dU * dU/dv,

where dU/dv is itself an unknown quantity, written as the :class:`Unknown`
named ``∂U/∂v``.  Two sides that differ only by how they name such a
derivative still cancel; a side that would have lost it (SymPy's own ``diff``
treats an undeclared letter as a constant) keeps it, so the step is not proved.
"""

from __future__ import annotations

import sympy as sp

from .notation import Unknown

__all__ = ["differentiate", "unknown_terms", "derivative_of_unknown", "evaluate_derivatives"]


def derivative_of_unknown(u, var):
    """The unknown quantity dU/dv."""
    return Unknown(f"∂{u.name}/∂{sp.sstr(var)}")


def unknown_terms(inner, var):
    """sum over the unknowns U of ``inner`` (other than ``var``) of d inner/dU * dU/dv."""
    total = sp.Integer(0)
    for u in sorted(inner.atoms(Unknown), key=sp.default_sort_key):
        if u != var:
            total += sp.diff(inner, u) * derivative_of_unknown(u, var)
    return total


def differentiate(inner, var):
    """d inner / d var, with the unknown quantities depending on ``var``."""
    return sp.diff(inner, var) + unknown_terms(inner, var)


def evaluate_derivatives(expr):
    """Every Derivative node of ``expr`` evaluated by :func:`differentiate`."""
    def one(e):
        result = e.expr
        for var, count in e.variable_count:
            for _ in range(int(count)):
                result = differentiate(result, var)
        return result
    return expr.replace(lambda e: isinstance(e, sp.Derivative), one)
