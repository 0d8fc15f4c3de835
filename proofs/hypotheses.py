"""The named hypotheses that the lecture's steps rely on.

A hypothesis is imposed by substitution: for general n the canonical sum
sum_j y_j is replaced by 1; for a concrete n the last y is eliminated,
y_n = 1 - (y_1 + ... + y_{n-1}), which lets ``cancel`` decide the step exactly.
Index hypotheses such as i != j are not substitutions: they restrict which
index values a concrete check takes and how Kronecker deltas and piecewise
conditions are resolved (a derivation's ``distinct`` pairs).
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .derivation import Hypothesis
from .notation import k, n, y

__all__ = ["SUM_Y_ONE", "SUM_Y_ONE_EACH", "from_equation", "ordered_rules"]


def _sum_y_rule(n_value):
    if n_value is None:
        return {sp.Sum(y[k], (k, 1, n)): sp.Integer(1)}
    last = sp.Integer(n_value)
    return {y[last]: 1 - sum((y[q] for q in range(1, n_value)), sp.Integer(0))}


SUM_Y_ONE = Hypothesis(
    name="sum-y-1",
    latex=r"\sum_{j=1}^{n} y_j = 1",
    text="the desired outputs sum to 1 (y is a probability distribution)",
    rule=_sum_y_rule,
)


_EXAMPLE = sp.Wild("x_")


def _sum_y_each_rule(n_value):
    from .instance import EXAMPLES

    if n_value is None:
        return {sp.Sum(y[k, _EXAMPLE], (k, 1, n)): sp.Integer(1)}
    last = sp.Integer(n_value)
    return {y[last, e]: 1 - sum((y[q, e] for q in range(1, n_value)), sp.Integer(0))
            for e in map(sp.Integer, range(1, EXAMPLES + 1))}


SUM_Y_ONE_EACH = Hypothesis(
    name="sum-y-1",
    latex=r"\sum_{j=1}^{n} y_j = 1",
    text="for every example, the desired outputs sum to 1",
    rule=_sum_y_each_rule,
)


def from_equation(lhs, rhs, name=None, latex=None):
    """A hypothesis ``lhs = rhs`` imposed by substitution.

    For general n, ``lhs`` is replaced by ``rhs`` (a sum on the left is matched
    in the checker's canonical form, so the name of its index does not matter).
    For a concrete n the equation, which must be linear in its last indexed
    unknown, is solved for it, and that unknown is eliminated.
    """
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    text = f"{lhs} = {rhs}"

    @lru_cache(maxsize=None)
    def rule(n_value):
        if n_value is None:
            return {lhs: rhs}
        eq = sp.expand((lhs - rhs).subs(n, n_value).doit())
        # Eliminate another unknown than y where there is one: y_n is the
        # unknown that sum y = 1 eliminates.
        unknowns = sorted(eq.atoms(sp.Indexed), key=lambda s: (s.base == y, sp.default_sort_key(s)))
        if not unknowns:
            return {}
        last = next((s for s in reversed(unknowns) if s.base != y), unknowns[-1])
        slope = sp.diff(eq, last)
        if slope == 0 or slope.has(last):
            return {}
        return {last: sp.cancel(-eq.subs(last, 0) / slope)}

    return Hypothesis(
        name=name or text.replace(" ", ""),
        latex=latex or f"{sp.latex(lhs)} = {sp.latex(rhs)}",
        text=text,
        rule=rule,
    )


def ordered_rules(hypotheses, n_value):
    """The substitutions that impose ``hypotheses`` for ``n_value``, in the order to apply them.

    Hypotheses that define other unknowns come before sum y = 1, so that
    eliminating y_n does not leave their substitutions stale.
    """
    last = (SUM_Y_ONE, SUM_Y_ONE_EACH)
    ordered = [h for h in hypotheses if h not in last] + [h for h in hypotheses if h in last]
    return [h.rule(n_value) for h in ordered]
