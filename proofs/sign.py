"""Deciding the sign of an expression, for the inequality steps.

An inequality step ``A <= B`` is proved when the sign of A - B is decided by
SymPy's assumptions (every atom carries one: e^{z} and sums of them are
positive, y_j >= 0 where that is a hypothesis), factor by factor; a factor in
one positive variable whose sign SymPy cannot see is decided by its minimum or
maximum over (0, oo) (``sympy.calculus.util``), as for t - 1 - ln t >= 0.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp
from sympy.calculus.util import maximum, minimum

from .relations import RELATIONS

__all__ = ["sign_of", "holds", "positive_extremum"]


def _factor_sign(f):
    if f.is_zero:
        return 0
    if f.is_positive:
        return 1
    if f.is_negative:
        return -1
    if f.is_nonnegative:
        return "+0"
    if f.is_nonpositive:
        return "-0"
    free = f.free_symbols
    if len(free) == 1:
        (x,) = free
        if x.is_positive:
            try:
                low = positive_extremum(f, x, "min")
                if low.is_nonnegative:
                    return "+0" if low.is_zero else 1
                high = positive_extremum(f, x, "max")
                if high.is_nonpositive:
                    return "-0" if high.is_zero else -1
            except (NotImplementedError, ValueError, TypeError):
                return None
    return None


_T = sp.Symbol("_t", positive=True)


def positive_extremum(f, x, which="min"):
    """The minimum (or maximum) of f over x in (0, oo), by ``sympy.calculus.util``.

    The variable is renamed to one canonical symbol first, so that the same
    function met under other names (t_1, t_2, x) is computed once.
    """
    return _extremum(f.xreplace({x: _T}), which)


@lru_cache(maxsize=256)
def _extremum(f, which):
    domain = sp.Interval.open(0, sp.oo)
    return (minimum if which == "min" else maximum)(f, _T, domain)


def _as_symbols(expr):
    """Indexed atoms (t_j, y_j) become plain symbols with the same assumptions."""
    repl = {}
    for number, atom in enumerate(sorted(expr.atoms(sp.Indexed), key=sp.default_sort_key)):
        assumptions = {key: val for key, val in atom.assumptions0.items()
                       if key in ("positive", "nonnegative", "real", "negative", "nonpositive")}
        # Named by position, so that the terms for j = 1, 2, ... look alike and share the cache.
        repl[atom] = sp.Symbol(f"_x{number}", **assumptions)
    return expr.xreplace(repl)


def _groups(expr):
    """The terms of a sum grouped by the index values of their indexed atoms."""
    groups = {}
    for term in sp.Add.make_args(sp.expand(expr)):
        key = frozenset(tuple(x.indices) for x in term.atoms(sp.Indexed))
        groups[key] = groups.get(key, 0) + term
    return list(groups.values())


def sign_of(expr):
    """1, -1, 0, '+0' (>= 0), '-0' (<= 0), or None when undecided.

    A sum whose terms, grouped by index (the term for j = 1, for j = 2, ...),
    all have the same sign has that sign: the lecture's termwise argument.
    """
    expanded = sp.expand(expr)
    groups = _groups(expanded) if isinstance(expanded, sp.Add) else []
    if len(groups) < 2:
        return _sign_product(expr)
    signs = [_sign_product(g) for g in groups]
    if any(s is None for s in signs):
        return _sign_product(expr)
    if all(s in (1, "+0", 0) for s in signs):
        return 1 if all(s == 1 for s in signs) else ("+0" if any(s != 0 for s in signs) else 0)
    if all(s in (-1, "-0", 0) for s in signs):
        return -1 if all(s == -1 for s in signs) else ("-0" if any(s != 0 for s in signs) else 0)
    return _sign_product(expr)


def _sign_product(expr):
    return _sign_of_symbols(_as_symbols(expr))


@lru_cache(maxsize=4096)
def _sign_of_symbols(expr):
    expr = sp.factor(sp.cancel(sp.together(expr)))
    if expr == 0:
        return 0
    sign, weak = 1, False
    for factor in sp.Mul.make_args(expr):
        base, power = factor.as_base_exp()
        if power.is_Integer and power.is_even:
            s = _factor_sign(base)
            if s is None or s == 0:
                if s == 0:
                    return 0
                weak = True
                continue
            continue
        s = _factor_sign(factor)
        if s is None:
            return None
        if s == 0:
            return 0
        if s in ("+0", "-0"):
            weak = True
            s = 1 if s == "+0" else -1
        sign *= s
    if weak:
        return "+0" if sign > 0 else "-0"
    return sign


def holds(difference, relation):
    """Whether ``difference = A - B`` makes ``A relation B`` true; None if undecided."""
    s = sign_of(difference)
    if s is None:
        return None
    return RELATIONS[relation].holds_for_sign(s)
