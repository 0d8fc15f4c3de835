r"""Free and bound indices of the expressions read from a file, and renaming bound ones apart.

SymPy merges nested sums: :math:`\sum_j \sum_l f` becomes one ``Sum`` with
two limits, ``Sum(f, (l, 1, n), (j, 1, n))``, the innermost limit first.  A
limit's bounds may use the indices of the limits after it (the outer sums),
never those before it.  Everything here walks *all* the limits of a sum, and
the project's :class:`~proofs.notation.SumExcept` as a sum of its own.

Renaming: a sum's index that is also a free index of the chain (the lecture
writes :math:`\sum_{i=1}^n e^{z_i}` inside a derivative by z_i) is renamed to
the first of l, k, p, j, i, q, r, s, u, v that the chain does not use, so that
it cannot capture the free one.
"""

from __future__ import annotations

import sympy as sp

from .. import notation as nt
from .errors import LatexError

__all__ = ["free_symbols", "fresh_bound", "bound_indices"]

_FRESH = ("l", "k", "p", "j", "i", "q", "r", "s", "u", "v")


def free_symbols(e):
    """The free symbols of ``e``, counting the variables of derivatives (SymPy leaves them out).

    >>> from proofs.notation import a, j, l, n
    >>> sorted(map(str, free_symbols(sp.Sum(a[j] * a[l], (l, 1, n), (j, 1, n)))))
    ['n']
    """
    if isinstance(e, sp.Derivative):
        out = free_symbols(e.expr)
        for v in e.variables:
            out |= free_symbols(v)
        return out
    if isinstance(e, sp.Sum):
        out = free_symbols(e.function)
        for var, lo, hi in e.limits:          # innermost first
            out = (out - {var}) | free_symbols(lo) | free_symbols(hi)
        return out
    if isinstance(e, nt.SumExcept):
        return (free_symbols(e.function) - {e.index}) | {e.excluded} | free_symbols(e.upper)
    if isinstance(e, sp.Indexed) or not e.args:
        return set(e.free_symbols)
    out = set()
    for arg in e.args:
        out |= free_symbols(arg)
    return out


def bound_indices(e):
    """Every index bound by a sum anywhere in ``e`` (all limits of every Sum, and SumExcept)."""
    out = set()
    for s in e.atoms(sp.Sum):
        out |= {lim[0] for lim in s.limits}
    for s in e.atoms(nt.SumExcept):
        out.add(s.index)
    return out


def fresh_bound(exprs, index_symbol):
    """Rename every sum's index that is free in the chain, or bound twice, to a letter the chain does not use.

    ``index_symbol(name)`` makes the integer symbol of a new index.  Every limit
    of a multi-limit ``Sum`` is renamed on its own, outermost first; the
    renamed index is replaced in the body and in the bounds of the inner limits.
    """
    free = set()
    taken = set()
    for e in exprs:
        free |= free_symbols(e)
        taken |= {s.name for s in e.atoms(sp.Symbol)}
        taken |= {s.name for s in bound_indices(e)}
    clash = {s for s in free if isinstance(s, sp.Symbol) and s.is_integer}

    def fresh(enclosing):
        for name in _FRESH:
            if name not in taken and name not in enclosing:
                taken.add(name)
                return index_symbol(name)
        raise LatexError("too many summation indices in one chain to rename them apart")

    def rename(var, body, inner, enclosing):
        """The new index for ``var`` and the body and inner limits with it replaced.

        An index is renamed when it is free elsewhere in the chain or when an
        enclosing sum already binds it (``\\sum_k y_k \\ln \\sum_k e^{z_k}``).
        """
        if var not in clash and var.name not in enclosing:
            return var, body, inner
        new = fresh(enclosing)
        body = body.xreplace({var: new})
        inner = [(v, lo.xreplace({var: new}), hi.xreplace({var: new})) for v, lo, hi in inner]
        return new, body, inner

    def walk_sum(body, limits, enclosing):
        if not limits:
            return walk(body, enclosing)
        (var, lo, hi), inner = limits[-1], list(limits[:-1])
        lo, hi = walk(lo, enclosing), walk(hi, enclosing)
        var, body, inner = rename(var, body, inner, enclosing)
        return sp.Sum(walk_sum(body, inner, enclosing | {var.name}), (var, lo, hi))

    def walk(e, enclosing=frozenset()):
        if isinstance(e, sp.Sum):
            return walk_sum(e.function, list(e.limits), enclosing)
        if isinstance(e, nt.SumExcept):
            var, body, _ = rename(e.index, e.function, [], enclosing)
            return nt.SumExcept(walk(body, enclosing | {var.name}), var, e.excluded, walk(e.upper, enclosing))
        if isinstance(e, sp.Derivative):
            return sp.Derivative(walk(e.expr, enclosing), *e.variable_count, evaluate=False)
        if not e.args or isinstance(e, sp.Indexed):
            return e
        args = [walk(x, enclosing) for x in e.args]
        if all(x is y for x, y in zip(args, e.args)):
            return e
        return e.func(*args)

    return [walk(e) for e in exprs]
