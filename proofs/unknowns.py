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

from .notation import Unknown, y

__all__ = ["differentiate", "unknown_terms", "derivative_of_unknown", "evaluate_derivatives",
           "unknown_atoms", "is_unknown"]


def is_unknown(x):
    """Whether ``x`` is an unknown quantity: a letter outside the notation, or an entry q_j of one."""
    return isinstance(x, Unknown) or (isinstance(x, sp.Indexed) and isinstance(x.base.label, Unknown))


def unknown_atoms(expr):
    """The unknown quantities in ``expr``: unknown letters and entries of unknown letters (not their labels)."""
    labels = {x.base.label for x in expr.atoms(sp.Indexed)}
    out = {u for u in expr.atoms(Unknown) if u not in labels}
    return out | {x for x in expr.atoms(sp.Indexed) if is_unknown(x)}


def _name(x):
    return x.name if isinstance(x, sp.Symbol) else sp.sstr(x)


def derivative_of_unknown(u, var):
    """The unknown quantity dU/dv."""
    return Unknown(f"∂{_name(u)}/∂{_name(var)}")


def _quantities(expr, var):
    """Whether ``expr`` holds a quantity of the network that may depend on ``var``.

    Indices, sizes and the targets y (the data of an example, given before the
    network computes anything) do not; everything else may: z, a, b, w,
    a^{(L-1)}, the cost, and the E_q = e^{z_q} of a concrete route.
    """
    labels = {x.base.label for x in expr.atoms(sp.Indexed)}
    if any(not is_unknown(x) and x.base != y for x in expr.atoms(sp.Indexed)):
        return True
    return any(s != var and not s.is_integer and not isinstance(s, Unknown) and s not in labels
               for s in expr.free_symbols if isinstance(s, sp.Symbol))


def _plain(expr, var):
    """``expr`` and ``var`` with every unknown entry q_j written as an unknown letter, and the way back.

    SymPy takes an ``Indexed`` that shares no symbol with the variable for a constant;
    as a letter it takes part in the chain rule below like any unknown quantity.  Entries
    of the vector that ``var`` is an entry of stay entries: a derivative by o_j sees the
    author's vector o as independent entries (d o_k / d o_j = delta_kj).
    """
    entries = {x for x in unknown_atoms(expr) if isinstance(x, sp.Indexed) and not _same_vector(x, var)}
    swap = {e: Unknown(sp.sstr(e)) for e in entries}
    return expr.xreplace(swap), swap.get(var, var), {v: k for k, v in swap.items()}


def _same_vector(entry, var):
    """Whether ``entry`` and ``var`` are entries of one vector o: then d o_k / d o_j is delta_kj."""
    return isinstance(var, sp.Indexed) and isinstance(entry, sp.Indexed) and entry.base == var.base


def unknown_terms(inner, var):
    """The chain rule's terms for what may depend on ``var`` without showing it.

    Every unknown quantity U of ``inner`` (other than ``var``) contributes
    d inner/dU * dU/dv.  When ``var`` itself is an unknown letter (x) or an
    entry o_j of an author's vector, the network's quantities (z, a, C, ...;
    not the targets y) may depend on it too: their contribution is one more
    unknown quantity, d[inner]/dv.  The other entries o_k of the same vector
    depend on o_j only through delta_kj.
    """
    plain, v, back = _plain(inner, var)
    total = sp.Integer(0)
    for u in sorted(unknown_atoms(plain), key=sp.default_sort_key):
        if u != v and not _same_vector(u, v):
            total += sp.diff(plain, u) * derivative_of_unknown(u, v)
    if is_unknown(v) and _quantities(plain, v):
        total += Unknown(f"∂[{sp.sstr(plain)}]/∂{_name(v)} (through the lecture's quantities)")
    return total.xreplace(back)


def differentiate(inner, var):
    """d inner / d var, with the unknown quantities depending on ``var``."""
    plain, v, back = _plain(inner, var)
    return (sp.diff(plain, v) + unknown_terms(plain, v)).xreplace(back)


def evaluate_derivatives(expr):
    """Every Derivative node of ``expr`` evaluated by :func:`differentiate`."""
    def one(e):
        result = e.expr
        for variable, count in e.variable_count:
            for _ in range(int(count)):
                result = differentiate(result, variable)
        return result
    return expr.replace(lambda e: isinstance(e, sp.Derivative), one)
