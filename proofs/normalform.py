"""A normal form for expressions with sums over a symbolic number of classes.

SymPy cannot decide ``A == B`` for general n by ``simplify``: it crashes on
unevaluated sums (sympy#14570) and leaves Piecewise conditions such as
``i <= n`` that come from differentiating a sum by one of its terms.  This
module takes an expression that :func:`proofs.unfold.unfold` produced and
brings it to a rational function of finitely many *atoms*:

1. ``doit`` evaluates derivatives, Kronecker deltas and sums over j != i;
2. Piecewise conditions are resolved with the facts that every index lies in
   1..n (or 1..m) and that the declared pairs of indices differ;
3. logarithms of products of positive factors and of exponentials are
   expanded (z is real; :mod:`proofs.logrules`);
4. every sum is made linear: its argument is expanded, factors that do not
   depend on the summation index are taken out, and the index is renamed
   canonically, so that sum_j y_j and sum_k y_k are the same atom;
5. each remaining sum becomes one atom, each e^{z_q} a positive atom E_q.

Hypotheses are substitutions applied to the atoms (sum_j y_j -> 1).  Two
expressions are equal when the difference of their normal forms cancels to 0.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .logrules import expand_log_of, expand_logs
from .notation import SumExcept, sigma
from .unknowns import evaluate_derivatives

__all__ = ["IndexRanges", "normal_form", "canonical", "atomize", "keep_excepts", "delta_sums"]


def keep_excepts(expr, table: dict):
    """Sums over j != i of positive terms become positive atoms (for inequality steps).

    With n >= 2 such a sum has at least one positive term, so it is positive;
    keeping it whole lets the sign of a_j - 1 = -(sum_{l != j} e^{z_l}) / (...)
    be read off.
    """
    def atom(s):
        if s.function.is_positive:
            if s not in table:
                table[s] = sp.Symbol(f"R{len(table)}", positive=True)
            return table[s]
        return s
    return expr.replace(lambda e: isinstance(e, SumExcept), atom)

_MAX_ROUNDS = 6


class IndexRanges:
    """What is known about indices: free ones lie in their ranges (1..n, or 1..m for
    ``prev``, the indices of layer L-1); ``distinct`` pairs differ."""

    def __init__(self, distinct=(), prev=()):
        self.distinct = {frozenset(pair) for pair in distinct}
        self.prev = frozenset(prev)

    def decide(self, cond):
        """True/False for a Piecewise condition, or None when it cannot be decided."""
        if cond in (sp.true, sp.false):
            return bool(cond)
        if isinstance(cond, (sp.And, sp.Or, sp.Not)):
            parts = [self.decide(c) for c in cond.args]
            if isinstance(cond, sp.Not):
                return None if parts[0] is None else not parts[0]
            if isinstance(cond, sp.And):
                if any(p is False for p in parts):
                    return False
                return True if all(p is True for p in parts) else None
            if any(p is True for p in parts):
                return True
            return False if all(p is False for p in parts) else None
        if isinstance(cond, (sp.Eq, sp.Ne)):
            pair = frozenset((cond.lhs, cond.rhs))
            if pair in self.distinct:
                return isinstance(cond, sp.Ne)
            return None
        if isinstance(cond, sp.Rel):
            # Every free index lies in its range: q >= 1, and q <= n (classes) or q <= m (layer L-1).
            small, big = (cond.lhs, cond.rhs) if isinstance(cond, (sp.Le, sp.Lt)) else (cond.rhs, cond.lhs)
            if not isinstance(cond, (sp.Le, sp.Ge)):
                return None
            if _is_index(big) and small == 1:
                return True
            if _is_index(small) and not small.is_Dummy and big == self._top(small):
                return True
        return None

    def _top(self, index):
        """The size of the range of a free index: m for those of layer L-1, else n."""
        from .notation import m, n

        return m if index in self.prev else n

    def resolve(self, expr):
        """Replace every Piecewise by the branch whose condition holds."""
        def pick(pw):
            for value, cond in pw.args:
                verdict = self.decide(cond)
                if verdict is True:
                    return value
                if verdict is None:
                    return pw
            return pw
        return expr.replace(lambda e: isinstance(e, sp.Piecewise), pick)

    def kronecker(self, expr):
        """Kronecker deltas of two distinct indices are 0."""
        def kd(e):
            if frozenset(e.args) in self.distinct:
                return sp.Integer(0)
            return e
        return expr.replace(lambda e: isinstance(e, sp.KroneckerDelta), kd)


def _is_index(x):
    return isinstance(x, (sp.Symbol, sp.Dummy)) and x.is_integer is True


def delta_sums(expr):
    """Evaluate the Kronecker deltas under sums: sum_l delta_{l x} g(l) = g(x).

    Every index of the lecture runs over the same range as the sums that
    meet it (1..n for classes, 1..m for layer L-1, 1..|V| for examples), so
    the term for l = x is always inside the sum; this replaces SymPy's
    ``Sum.doit``, which is slow on deltas and wraps the result in Piecewise.
    """
    if not expr.args or isinstance(expr, (sp.Indexed, sp.Symbol)):
        return expr
    if isinstance(expr, sp.Sum):
        body = delta_sums(expr.function)
        if not body.has(sp.KroneckerDelta):
            return sp.Sum(body, *expr.limits)
        total = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(body, power_exp=False, log=False, multinomial=False)):
            limits = list(expr.limits)
            picked = True
            while picked:
                picked = False
                for number, (var, _, _) in enumerate(limits):
                    found = _delta_of(term, var)
                    if found is not None:
                        term = (term / found[0]).xreplace({var: found[1]})
                        del limits[number]
                        picked = True
                        break
            total += sp.Sum(term, *limits) if limits else delta_sums(term)
        return total
    args = [delta_sums(a) for a in expr.args]
    if all(x is y for x, y in zip(args, expr.args)):
        return expr
    return expr.func(*args)


def _delta_of(term, var):
    """(delta, x) for a factor delta_{var x} of ``term``, or None."""
    for factor in sp.Mul.make_args(term):
        if isinstance(factor, sp.KroneckerDelta) and var in factor.args:
            first, second = factor.args
            other = second if first == var else first
            if other != var:
                return factor, other
    return None


def _doit_parts(expr):
    """``doit`` on what needs it (sums over j != i, leftover derivatives), deltas by :func:`delta_sums`."""
    expr = expr.replace(lambda e: isinstance(e, SumExcept), lambda e: e.doit())
    return delta_sums(evaluate_derivatives(expr))


def _expand(expr):
    return sp.expand(expr, deep=True, mul=True, multinomial=True, power_exp=True,
                     power_base=False, log=False, basic=True)


def _expand_logs(expr):
    return expand_logs(expr)


def _depth(expr):
    sums = [s for s in sp.preorder_traversal(expr) if isinstance(s, sp.Sum)]
    return 0 if not sums else 1 + max(_depth(s.function) for s in sums)


def _count(lo, hi):
    """The number of terms of a sum from lo to hi, or None where its sign is unknown.

    An empty range has no terms (hi < lo gives 0, as on a slide, not SymPy's
    convention that reverses the sum).
    """
    count = hi - lo + 1
    if count.is_Integer:
        return max(count, sp.Integer(0))
    if count.is_nonnegative:
        return count
    return None


def _linear_sum(function, limit):
    """The sum of ``function`` over ``limit`` = (var, lo, hi), made linear with a canonical index."""
    var, lo, hi = limit
    if _count(lo, hi) == 0:
        return sp.Integer(0)
    body = _expand(function)
    total = sp.Integer(0)
    for term in sp.Add.make_args(body):
        const, dep = term.as_independent(var, as_Add=False)
        if dep == 1:
            count = _count(lo, hi)
            if count is not None:
                total += const * count
                continue
        if dep.has(sp.KroneckerDelta):
            picked = _delta_of(dep, var)
            if picked is not None:
                total += const * (dep / picked[0]).xreplace({var: picked[1]})
                continue
        canon = sp.Symbol(f"_s{_depth(dep)}", integer=True, positive=True)
        total += const * sp.Sum(dep.xreplace({var: canon}), (canon, lo, hi))
    return total


def canonical(expr, ranges: IndexRanges | None = None):
    """Sums made linear with canonical indices; Piecewise resolved; logs expanded."""
    ranges = ranges or IndexRanges()
    return _canonical(sp.sympify(expr), frozenset(ranges.distinct), ranges.prev)


@lru_cache(maxsize=4096)
def _canonical(expr, distinct, prev=frozenset()):
    ranges = IndexRanges(tuple(tuple(pair) for pair in distinct), prev)
    expr = expr.replace(lambda e: isinstance(e, sigma), lambda e: e.rewrite(sp.exp))
    for _ in range(_MAX_ROUNDS):
        before = expr
        expr = _doit_parts(expr)
        expr = ranges.kronecker(ranges.resolve(expr))
        expr = _expand_logs(expr)
        expr = _bottom_up_sums(expr)
        expr = ranges.kronecker(ranges.resolve(expr))
        if expr == before:
            break
    return expr


def _bottom_up_sums(expr):
    if not expr.args or isinstance(expr, sp.Indexed):
        return expr
    if isinstance(expr, sp.Sum):
        # Several limits (SymPy merges nested sums into one Sum): the first is innermost.
        body = _bottom_up_sums(expr.function)
        for limit in expr.limits:
            body = _linear_sum(body, limit)
        return body
    args = [_bottom_up_sums(a) for a in expr.args]
    return expr.func(*args)


def atomize(expr, table: dict):
    """Replace sums by atoms (shared through ``table``) and e^{c z_q + ...} by powers of E_q."""
    def sum_atom(s):
        if s not in table:
            nonempty = all(bool((_count(lo, hi) or sp.Integer(0)).is_positive) for _, lo, hi in s.limits)
            if s.function.is_positive and nonempty:
                table[s] = sp.Symbol(f"S{len(table)}", positive=True)
            elif s.function.is_nonnegative:
                table[s] = sp.Symbol(f"S{len(table)}", nonnegative=True)
            else:
                table[s] = sp.Symbol(f"S{len(table)}")
        return table[s]

    expr = expr.replace(lambda e: isinstance(e, sp.Sum), sum_atom)

    def exp_atom(e):
        out = sp.Integer(1)
        rest = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(e.args[0])):
            coeff, core = term.as_coeff_Mul()
            if isinstance(core, (sp.Indexed, sp.Symbol)) and coeff.is_Rational:
                key = ("E", core)
                if key not in table:
                    table[key] = sp.Symbol(f"E{len(table)}", positive=True)
                out *= table[key] ** coeff
            else:
                rest += term
        return out * (sp.exp(rest) if rest != 0 else 1)

    expr = expr.replace(lambda e: isinstance(e, sp.exp), exp_atom)
    return expr.replace(lambda e: isinstance(e, sp.log),
                        lambda e: expand_log_of(sp.log(sp.factor(sp.together(e.args[0])))))


def normal_form(expr, ranges: IndexRanges | None = None, table: dict | None = None, subs=None):
    """The canonical rational form of an unfolded expression.

    ``subs`` (a dict) imposes hypotheses on canonical sums; ``table`` lets two
    expressions share atoms, so that their difference cancels.
    """
    ranges = ranges or IndexRanges()
    table = {} if table is None else table
    expr = canonical(expr, ranges)
    if subs:
        for key, value in subs.items():
            key = canonical(key, ranges)
            if key.has(sp.Wild):
                expr = expr.replace(key, value)
            else:
                expr = expr.xreplace({key: value})
        expr = canonical(expr, ranges)
    return atomize(expr, table)
