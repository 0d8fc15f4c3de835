"""Concrete instances: a derivation for n = 1, 2, 3, ... classes and concrete indices.

For a concrete n every sum is a finite sum, every derivative an ordinary one,
and the difference of two sides is a rational function of E_1 = e^{z_1}, ...,
E_n = e^{z_n}, y_1, ..., y_n (and of logarithms, which stay generators);
:mod:`proofs.concrete` does the unfolding.  The
hypothesis sum_j y_j = 1 is imposed by eliminating y_n; then ``cancel``
decides the step exactly.
"""

from __future__ import annotations

import itertools

import sympy as sp

from .concrete import concrete
from .notation import SumExcept, V, m as m_sym, n as n_sym

__all__ = ["assignments", "instantiate", "names_fixed_class", "PREV_LAYER_SIZE"]

#: The number of neurons of layer L-1 used in concrete instances.
PREV_LAYER_SIZE = 2
#: The number of training examples |V| used in concrete instances.
EXAMPLES = 2


def assignments(indices, distinct, n_value, prev=(), every=False):
    """The assignments of values 1..n to the free indices (1..m for those in ``prev``)
    that respect the declared inequalities between them.

    Unless ``every`` is set, one assignment is kept per class of assignments
    that differ only by a relabelling of the classes (and of the neurons of
    layer L-1): the first index gets 1, the next gets 1 if it may equal an
    earlier one, else the next free value, and so on.  Softmax, both costs
    and z = b + sum w a are symmetric under relabelling, and a chain that
    names no fixed class (only free indices) is mapped onto itself, so its
    verdict for one representative is its verdict for all.
    """
    ranges = [range(1, (PREV_LAYER_SIZE if ix in prev else n_value) + 1) for ix in indices]
    out = []
    for values in itertools.product(*ranges):
        chosen = dict(zip(indices, values))
        if not all(chosen.get(p) != chosen.get(q) for p, q in distinct if p in chosen and q in chosen):
            continue
        if every or _canonical(values, indices, prev):
            out.append(chosen)
    return out


def _canonical(values, indices, prev):
    """Whether the values are the first of their orbit: each new value is the next unused one."""
    for group in (False, True):
        seen = 0
        for ix, v in zip(indices, values):
            if (ix in prev) != group:
                continue
            if v > seen + 1:
                return False
            seen = max(seen, v)
    return True


def names_fixed_class(expr):
    """Whether an expression names a concrete class (y_1, z_2): then symmetry cannot be used."""
    return any(any(ix.is_Integer for ix in atom.indices) for atom in sp.sympify(expr).atoms(sp.Indexed))


def _bound_indices(expr):
    bound = set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Sum):
            bound |= {lim[0] for lim in node.limits}
        elif isinstance(node, SumExcept):
            bound.add(node.index)
    return bound


def instantiate(expr, model, n_value, values, walker=None, keep_outputs=False):
    """The expression for n = ``n_value`` and the indices set to ``values``, unfolded.

    Pass the same ``walker`` (:func:`proofs.concrete.walker`) for all
    expressions of one instance, so that shared parts are unfolded once.
    """
    expr = sp.sympify(expr)
    bound = _bound_indices(expr)
    clash = bound & set(values)
    if clash:
        raise ValueError(f"index {sorted(map(str, clash))} is both free and a summation index; "
                         "rename the summation index")
    # xreplace, not subs: subs leaves the variable of a Derivative inside a Sum alone.
    subs = {n_sym: sp.Integer(n_value), m_sym: sp.Integer(PREV_LAYER_SIZE), V: sp.Integer(EXAMPLES)}
    subs.update({ix: sp.Integer(v) for ix, v in values.items()})
    expr = expr.xreplace(subs)
    return concrete(expr, model, n_value, PREV_LAYER_SIZE, walker, EXAMPLES, keep_outputs)
