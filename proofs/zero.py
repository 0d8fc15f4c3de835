"""Deciding whether an expression is identically zero.

For a concrete number of classes the expressions are rational functions of
E_q = e^{z_q}, y_q and friends whose denominators are, almost always,
products of powers of the E_q and of S = E_1 + ... + E_n.  :func:`is_zero`
therefore

1. writes S for the sum E_1 + ... + E_n wherever it occurs whole,
   and expands;
2. multiplies every term by the smallest monomial D in S and the E_q that
   clears its denominator, which leaves a polynomial P = D * expr;
3. puts S = E_1 + ... + E_n back into P and expands: P is the zero
   polynomial exactly when expr is identically zero (D is not zero).

Logarithms are split only into positive factors (:mod:`proofs.logrules`)
and are otherwise independent generators (which can only make the test
stricter).  Where a denominator is not such a monomial, ``cancel`` decides.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .logrules import expand_logs

__all__ = ["is_zero", "prepare", "is_zero_prepared"]


def _logs_expanded(expr):
    return expand_logs(expr)


@lru_cache(maxsize=None)
def _sum_symbol(group):
    return sp.Dummy("S", positive=True)


def prepare(expr, exp_groups=()):
    """``expr`` with S written for each whole sum E_1 + ... + E_n, logs expanded, and expanded.

    Preparing each side once lets a chain compare neighbours by subtraction.
    """
    expr = sp.sympify(expr)
    if exp_groups:
        expr = expr.xreplace({sp.Add(*group): _sum_symbol(group) for group in exp_groups})
    return _expand(_logs_expanded(expr))


def _expand(expr):
    # Products and powers of sums multiplied out; exponents and logs are left alone.
    return sp.expand(expr, power_base=False, power_exp=False, log=False)


def is_zero_prepared(left, right, exp_groups=()) -> bool:
    """Whether two prepared expressions are identically equal."""
    diff = left - right
    if diff == 0:
        return True
    if not exp_groups:
        return sp.cancel(sp.together(diff)) == 0
    back = {_sum_symbol(group): sp.Add(*group) for group in exp_groups}
    atoms = (*back, *(e for group in exp_groups for e in group))
    cleared = _clear_monomial_denominators(diff, atoms)
    if cleared is not None:
        return _expand(cleared.xreplace(back)) == 0
    return sp.cancel(sp.together(diff.xreplace(back))) == 0


def is_zero(expr, exp_groups=()) -> bool:
    """True when ``expr`` is identically 0.

    ``exp_groups`` are the tuples (E_1, ..., E_n) of a concrete instance, one
    per training example, each with its own sum S.
    """
    expr = sp.sympify(expr)
    if expr == 0:
        return True
    return is_zero_prepared(prepare(expr, exp_groups), sp.Integer(0), exp_groups)


def _clear_monomial_denominators(expr, symbols):
    """D * expr as a polynomial, D a monomial in ``symbols``; None if another denominator occurs."""
    need = dict.fromkeys(symbols, 0)
    terms = sp.Add.make_args(expr)
    for term in terms:
        for factor in sp.Mul.make_args(term):
            base, power = factor.as_base_exp()
            if power.is_negative:
                if base in need and power.is_Integer:
                    need[base] = max(need[base], -int(power))
                elif not base.is_number:
                    return None
    monomial = sp.Mul(*[sym ** p for sym, p in need.items() if p])
    return sp.Add(*[term * monomial for term in terms])
