"""Fast unfolding for a concrete number of classes.

For a concrete n every sum is finite, and it pays to write e^{z_q} as a
positive symbol E_q (that is, z_q = ln E_q): softmax becomes the rational
function E_q / (E_1 + ... + E_n), and a derivative by z_q becomes
E_q * d/dE_q.  Sums are expanded by substituting each value of the index,
not by ``Sum.doit``, which is much slower.  The names are unfolded by the
same rules as for general n (:mod:`proofs.rules`); only the route differs.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .logrules import expand_log_of
from .unknowns import differentiate, unknown_terms
from .notation import Model, SumExcept, V, a, sigma, z
from .rules import THROUGH_Z, definition, through_z

__all__ = ["exp_symbol", "concrete", "walker"]


@lru_cache(maxsize=None)
def exp_symbol(q, example=None):
    """The positive symbol E_q = e^{z_q} (E_{q,x} for example x of a training set)."""
    name = f"E_{q}" if example is None else f"E_{q},{example}"
    return sp.Symbol(name, positive=True)


@lru_cache(maxsize=64)
def walker(model: Model | None, n_value: int, m_value: int, v_value: int = 2):
    """The unfolder for one model and size; it remembers what it has unfolded, so that
    the parts that chains and claims share (dC/dz_i at n = 5, say) are unfolded once."""
    return _Walker(model, n_value, m_value, v_value)


def concrete(expr, model: Model | None, n_value: int, m_value: int, unfolder=None, v_value: int = 2,
             keep_outputs=False):
    """``expr`` with every name unfolded, every sum expanded, every derivative evaluated
    (with ``keep_outputs``, the outputs a_j stay as they are)."""
    unfolder = unfolder or _Walker(model, n_value, m_value, v_value)
    return unfolder.walk(sp.sympify(expr), level=1 if keep_outputs else 2)


class _Walker:
    def __init__(self, model, n_value, m_value, v_value=2):
        self.model = model
        self.n = n_value
        self.m = m_value
        self.v = v_value
        self.memo = {}

    def walk(self, e, level):
        key = (e, level)
        if key not in self.memo:
            self.memo[key] = self._walk(e, level)
        return self.memo[key]

    def _walk(self, e, level):
        if isinstance(e, sp.Sum):
            return self._sum(e, level)
        if isinstance(e, SumExcept):
            f, v, ex = e.function, e.index, self.walk(e.excluded, level)
            upper = int(self.walk(e.upper, level))
            return sp.Add(*[self.walk(f.xreplace({v: sp.Integer(c)}), level)
                            for c in range(1, upper + 1) if sp.Integer(c) != ex])
        if isinstance(e, sp.Derivative):
            return self._derivative(e)
        if self.model is not None:
            cost = None
            if e == self.model.cost_symbol:
                cost = self.model.cost(sp.Integer(self.n)).xreplace({V: sp.Integer(self.v)})
            meaning = definition(e, self.model, sp.Integer(self.n), level, cost)
            if meaning is not None:
                return self.walk(meaning, level)
            if isinstance(e, sp.Indexed):
                if e.base == z and level >= 2:
                    # The concrete route's own step: z_q = ln E_q with E_q = e^{z_q} > 0.
                    return sp.log(exp_symbol(*map(int, e.indices)))
                return e
        if isinstance(e, sigma):
            return 1 / (1 + 1 / sp.exp(self.walk(e.args[0], level)))
        if isinstance(e, sp.log):
            # ln(E_j / S) = ln E_j - ln S: the E's and S are positive.
            return expand_log_of(sp.log(self.walk(e.args[0], level)))
        if not e.args or isinstance(e, sp.Indexed):
            return e
        args = [self.walk(x, level) for x in e.args]
        return e.func(*args)

    def _sum(self, e, level):
        """The terms of a sum, outermost limit first: an inner limit may use an outer index."""
        terms = [(e.function, list(e.limits))]
        done = []
        while terms:
            f, limits = terms.pop()
            if not limits:
                done.append(f)
                continue
            (v, lo, hi), inner = limits[-1], limits[:-1]
            lo, hi = int(self.walk(lo, level)), int(self.walk(hi, level))
            for c in range(lo, hi + 1):
                value = {v: sp.Integer(c)}
                terms.append((f.xreplace(value),
                              [(w_, a_.xreplace(value), b_.xreplace(value)) for w_, a_, b_ in inner]))
        return sp.Add(*[self.walk(f, level) for f in done])

    def _derivative(self, e):
        result = e.expr
        for var, count in e.variable_count:
            for _ in range(int(count)):
                result = self._d(result, var)
        if result.has(a) or result.has(sp.Derivative):
            # A derivative by a_j leaves the a's to be unfolded now.
            return self.walk(result, level=2)
        return result

    def _d(self, f, var):
        if self.model is None or not isinstance(var, sp.Indexed):
            return differentiate(self.walk(f, 2), var)
        if var.base == a:
            # a stays an independent variable: C is unfolded into the a's only.
            inner = self.walk(f, level=1)
            return differentiate(inner, var)
        if var.base == z:
            inner = self.walk(f, level=2)
            q = exp_symbol(*map(int, var.indices))
            return q * sp.diff(inner, q) + unknown_terms(inner, var)
        if var.base in THROUGH_Z:
            inner = self.walk(f, level=2)
            total = sp.Integer(0)
            examples = range(1, self.v + 1) if self.model.examples else [None]
            for q in range(1, self.n + 1):
                for ex in examples:
                    dz = through_z(self.model, var, sp.Integer(q), sp.Integer(self.m),
                                   None if ex is None else sp.Integer(ex), expand=lambda e: self.walk(e, 1))
                    if dz != 0:
                        e_q = exp_symbol(q, ex)
                        total += e_q * sp.diff(inner, e_q) * dz
            # b and w may also appear themselves, not only through z.
            return total + differentiate(inner, var)
        return differentiate(self.walk(f, 2), var)
