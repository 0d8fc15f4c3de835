"""Evaluating an expression as it is written, at a concrete point, with mpmath.

This is the second, independent route to an expression's value: it shares no
rewriting with the symbolic checker (no normal form, no logarithm rules, no
E_q = e^{z_q}).  It reads the expression tree as the slide or the user's file
wrote it and computes, for a concrete number of classes n:

* a sum by adding its terms (an empty range adds nothing), a sum over j != i
  without the term j = i;
* a_q as the model's output (softmax of the z's), C and CC as the model's cost,
  delta_q as dC/dz_q, z_q as b_q + sum_p w_pq a_p^{(L-1)} -- unless a
  derivative is being taken by that very quantity, which then varies alone;
* a derivative numerically (``mpmath.diff``, at raised working precision), by
  letting its variable vary with everything else held as the lecture holds it:
  by a_j the other a's and the y's stay fixed, by z_i the a's follow the
  softmax, by b_i or w_ji the z's follow z = b + sum w a^{(L-1)};
* a letter outside the notation (:class:`proofs.notation.Unknown`) as a random
  smooth function of every variable that a derivative moves, so that an
  identity about unknown quantities is tested on one of their possible values.

A point is a :class:`Point`: the sizes, the values of the free indices, and a
random value for each atom (y_q, b_q, w_pq, a_p^{(L-1)}, plain letters), drawn
lazily from the atom's name so that both sides of a step see the same values.
Where a value is not a finite real number (ln of a non-positive number, 1/0, a
root of a negative number), :class:`Undefined` is raised: the expression is not
defined there.  A construct this module does not know raises
:class:`NotEvaluable`.
"""

from __future__ import annotations

import hashlib
import random
from functools import lru_cache

import mpmath
import sympy as sp

from .notation import CC, C, SumExcept, Unknown, V, a, a_prev, b, delta, m as m_sym, n as n_sym, sigma, w, y, z

__all__ = ["Point", "evaluate_as_read", "Undefined", "NotEvaluable"]


class Undefined(ArithmeticError):
    """The expression has no finite real value at this point."""


class NotEvaluable(ValueError):
    """The expression contains a construct that cannot be evaluated numerically."""


_FUNCTIONS = {
    sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.tan: mpmath.tan, sp.tanh: mpmath.tanh,
    sp.sinh: mpmath.sinh, sp.cosh: mpmath.cosh, sp.atan: mpmath.atan,
}


class Point:
    """A concrete point: sizes, free indices, and lazily drawn values of the atoms.

    ``n``, ``m`` and ``examples`` are the numbers of classes, of neurons of layer
    L-1 and of training examples; ``indices`` maps free index symbols to values;
    ``seed`` fixes every drawn value; ``sum_y_one`` draws each example's y on
    the simplex (positive, summing to 1); ``derived`` maps atoms to expressions
    that a hypothesis fixes them by (evaluated at the point).
    """

    def __init__(self, n, m=2, examples=2, indices=None, seed=0, sum_y_one=False, derived=None,
                 model=None):
        self.n, self.m, self.examples = int(n), int(m), int(examples)
        self.indices = dict(indices or {})
        self.seed = seed
        self.sum_y_one = sum_y_one
        self.derived = dict(derived or {})
        self.model = model
        self._values = {}
        self.memo = {}

    def _rng(self, key):
        digest = hashlib.sha256(f"{self.seed}|{key}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def value(self, atom, bindings):
        """The drawn (or derived) value of an atom such as y[2], w[1, 3] or a plain letter."""
        if atom in self._values:
            return self._values[atom]
        if atom in self.derived:
            value = _ev(sp.sympify(self.derived[atom]), self, bindings, {})
            if not _allowed(atom, value):
                raise Undefined(f"{atom} = {value} violates its assumptions")
        elif isinstance(atom, sp.Indexed) and atom.base == y and self.sum_y_one:
            value = self._simplex_y(atom)
        else:
            value = self._draw(atom)
        self._values[atom] = value
        return value

    def _draw(self, atom):
        rng = self._rng(sp.srepr(atom))
        if isinstance(atom, sp.Indexed) and atom.base == y:
            return mpmath.mpf(rng.randint(1, 99)) / 100
        if atom.is_positive:
            return mpmath.mpf(rng.randint(5, 300)) / 100
        if atom.is_nonnegative:
            return mpmath.mpf(rng.randint(0, 100)) / 100
        return mpmath.mpf(rng.randint(-300, 300)) / 100

    def _simplex_y(self, atom):
        rest = tuple(int(r) for r in atom.indices[1:])
        keys = [_indexed_atom(y, (q, *rest)) for q in range(1, self.n + 1)]
        raw = [mpmath.mpf(self._rng(sp.srepr(key)).randint(5, 100)) for key in keys]
        total = mpmath.fsum(raw)
        for key, r in zip(keys, raw):
            self._values[key] = r / total
        index = atom.indices[0]
        if not (index.is_Integer and 1 <= int(index) <= self.n):
            raise NotEvaluable(f"{atom} lies outside 1..n")
        return self._values[atom]

    def label(self, atom):
        """The class label an entry stands for where it is written as an index (f_{y_i}): 1..n."""
        key = ("label", atom)
        if key not in self._values:
            self._values[key] = self._rng("label|" + sp.srepr(atom)).randint(1, self.n)
        return self._values[key]

    def drawn(self):
        """The values drawn or derived so far, sorted by atom."""
        values = {k: v for k, v in self._values.items() if not isinstance(k, tuple)}
        values.update({k[1]: v for k, v in self._values.items() if isinstance(k, tuple)})
        return dict(sorted(values.items(), key=lambda kv: sp.default_sort_key(kv[0])))

    def unknown(self, symbol, moved):
        """The value of an unknown quantity: a random smooth function of the moved variables."""
        base = self.value(symbol, {})
        total = base
        for key, (t, t0) in moved.items():
            if key == symbol:
                return t
            if isinstance(symbol, sp.Indexed) and isinstance(key, sp.Indexed) and key.base == symbol.base:
                continue  # the other entries of the author's vector o: coordinates of their own
            rng = self._rng(f"{sp.srepr(symbol)}|{sp.srepr(key) if isinstance(key, sp.Basic) else key}")
            c1 = mpmath.mpf(rng.randint(-200, 200)) / 100
            c2 = mpmath.mpf(rng.randint(-200, 200)) / 100
            h = t - t0
            total += c1 * mpmath.sin(h) + c2 * h * h
        return total


def _allowed(atom, value):
    positive = getattr(atom, "is_positive", None)
    nonneg = getattr(atom, "is_nonnegative", None)
    return not ((positive and value <= 0) or (nonneg and value < 0))


def evaluate_as_read(expr, point: Point, digits=30):
    """The value of ``expr`` at ``point`` as an mpmath number, computed from the tree as written."""
    with mpmath.workdps(digits):
        return +_ev(sp.sympify(expr), point, dict(point.indices), {})


def _real(value):
    if isinstance(value, mpmath.mpc):
        if abs(value.imag) > abs(value.real) * mpmath.mpf(10) ** (-mpmath.mp.dps + 5) + mpmath.mpf(10) ** (-mpmath.mp.dps):
            raise Undefined("not a real number")
        value = value.real
    if not mpmath.isfinite(value):
        raise Undefined("not finite")
    return value


def _int(expr, point, bindings, moved):
    if isinstance(expr, sp.Indexed) and not expr.is_integer:
        # An entry used as an index, f_{y_i}: y_i is a class label, drawn from 1..n.
        return point.label(_key(expr, point, bindings, moved))
    value = _ev(expr, point, bindings, moved)
    if value != int(value):
        raise NotEvaluable(f"the index {expr} is not an integer")
    return int(value)


def _key(atom, point, bindings, moved):
    """An Indexed atom with its indices evaluated to integers (y[j] with j = 2 -> y[2])."""
    if isinstance(atom, sp.Indexed):
        if all(ix.is_Integer for ix in atom.indices):
            return atom
        return _indexed_atom(atom.base, tuple(_int(ix, point, bindings, moved) for ix in atom.indices))
    return atom


@lru_cache(maxsize=65536)
def _bound_symbols(e):
    """Every symbol of ``e`` that a binding can give a value, in a fixed order.

    All symbols, not only the free ones: SymPy counts the variable of a
    derivative as bound (d C/d a_j has no free j), yet its value matters.
    """
    return tuple(sorted(e.atoms(sp.Symbol), key=sp.default_sort_key))


@lru_cache(maxsize=65536)
def _indexed_atom(base, values):
    return base[tuple(sp.Integer(v) for v in values)]


@lru_cache(maxsize=4096)
def _output(model, indices, n):
    return model.output(*indices, upper=sp.Integer(n))


@lru_cache(maxsize=4096)
def _cost(model, n, examples):
    return model.cost(sp.Integer(n)).xreplace({V: sp.Integer(examples)})


@lru_cache(maxsize=4096)
def _z_formula(model, q, m, example):
    return model.z_of_params(q, sp.Integer(m), example)


def _ev(e, point, bindings, moved):
    if e.is_Number or isinstance(e, sp.Symbol):
        return _ev_plain(e, point, bindings, moved)
    key = (e, tuple(bindings.get(x) for x in _bound_symbols(e)), tuple(moved.items()), mpmath.mp.prec)
    memo = point.memo
    if key in memo:
        return memo[key]
    value = _ev_plain(e, point, bindings, moved)
    memo[key] = value
    return value


def _ev_plain(e, point, bindings, moved):
    if e.is_Integer or e.is_Rational:
        return mpmath.mpf(int(e.p)) / int(e.q)
    if e.is_Float:
        return mpmath.mpf(e)
    if e is sp.pi:
        return +mpmath.pi
    if e is sp.E:
        return mpmath.e
    if isinstance(e, sp.Symbol):
        return _symbol(e, point, bindings, moved)
    if isinstance(e, sp.Indexed):
        return _indexed(e, point, bindings, moved)
    if isinstance(e, sp.Add):
        return mpmath.fsum(_ev(t, point, bindings, moved) for t in e.args)
    if isinstance(e, sp.Mul):
        value = mpmath.mpf(1)
        for f in e.args:
            value *= _ev(f, point, bindings, moved)
        return value
    if isinstance(e, sp.Pow):
        return _power(e, point, bindings, moved)
    if isinstance(e, sp.exp):
        return _real(mpmath.exp(_ev(e.args[0], point, bindings, moved)))
    if isinstance(e, sp.log):
        if len(e.args) != 1:
            raise NotEvaluable("a logarithm to another base")
        x = _ev(e.args[0], point, bindings, moved)
        if x <= 0:
            raise Undefined("ln of a number that is not positive")
        return mpmath.log(x)
    if isinstance(e, sp.Abs):
        return abs(_ev(e.args[0], point, bindings, moved))
    if isinstance(e, sigma):
        return 1 / (1 + mpmath.exp(-_ev(e.args[0], point, bindings, moved)))
    if isinstance(e, sp.KroneckerDelta):
        return mpmath.mpf(int(_int(e.args[0], point, bindings, moved) == _int(e.args[1], point, bindings, moved)))
    if isinstance(e, sp.Sum):
        return _sum(e, point, bindings, moved)
    if isinstance(e, SumExcept):
        return _sum_except(e, point, bindings, moved)
    if isinstance(e, sp.Derivative):
        return _derivative(e, e.variable_count, point, bindings, moved)
    if isinstance(e, (sp.Max, sp.Min)):
        values = [_ev(x, point, bindings, moved) for x in e.args]
        return max(values) if isinstance(e, sp.Max) else min(values)
    if isinstance(e, sp.Piecewise):
        for value, cond in e.args:
            if _condition(cond, point, bindings, moved):
                return _ev(value, point, bindings, moved)
        raise Undefined("no branch of a piecewise expression applies")
    for func, mp in _FUNCTIONS.items():
        if isinstance(e, func):
            return _real(mp(_ev(e.args[0], point, bindings, moved)))
    raise NotEvaluable(f"cannot evaluate {type(e).__name__} numerically")


def _condition(cond, point, bindings, moved):
    if cond is sp.true:
        return True
    if cond is sp.false:
        return False
    if isinstance(cond, sp.And):
        return all(_condition(c, point, bindings, moved) for c in cond.args)
    if isinstance(cond, sp.Or):
        return any(_condition(c, point, bindings, moved) for c in cond.args)
    if isinstance(cond, sp.Not):
        return not _condition(cond.args[0], point, bindings, moved)
    if isinstance(cond, sp.Rel):
        left, right = (_ev(x, point, bindings, moved) for x in (cond.lhs, cond.rhs))
        return {"==": left == right, "!=": left != right, "<": left < right, "<=": left <= right,
                ">": left > right, ">=": left >= right}[cond.rel_op]
    raise NotEvaluable(f"cannot evaluate the condition {cond}")


def _power(e, point, bindings, moved):
    base = _ev(e.base, point, bindings, moved)
    if e.exp.is_Integer:
        k = int(e.exp)
        if k < 0 and base == 0:
            raise Undefined("division by zero")
        return base ** k
    exponent = _ev(e.exp, point, bindings, moved)
    if base < 0:
        raise Undefined("a non-integer power of a negative number")
    if base == 0:
        if exponent <= 0:
            raise Undefined("a non-positive power of zero")
        return mpmath.mpf(0)
    return mpmath.power(base, exponent)


def _symbol(s, point, bindings, moved):
    if s in moved:
        return moved[s][0]
    if s in bindings:
        return mpmath.mpf(bindings[s])
    if s == n_sym:
        return mpmath.mpf(point.n)
    if s == m_sym:
        return mpmath.mpf(point.m)
    if s == V:
        return mpmath.mpf(point.examples)
    model = point.model
    if model is not None and s == model.cost_symbol:
        return _ev(_cost(model, point.n, point.examples), point, bindings, moved)
    if model is None and s in (C, CC):
        raise NotEvaluable(f"{s} has no meaning without a model")
    if isinstance(s, Unknown):
        return point.unknown(s, moved)
    if s.is_integer:
        raise NotEvaluable(f"the index {s} has no value")
    return point.value(s, bindings)


def _indexed(e, point, bindings, moved):
    key = _key(e, point, bindings, moved)
    if key in moved:
        return moved[key][0]
    model = point.model
    base = key.base
    if model is not None:
        if base == a:
            return _ev(_output(model, key.indices, point.n), point, bindings, moved)
        if base == delta:
            return _derivative(sp.Derivative(model.cost_symbol, z[key.indices[0]]),
                               ((z[key.indices[0]], 1),), point, bindings, moved)
        if base == z and _params_moved(moved):
            # z = b + sum w a^{(L-1)} is linear: it moves by what b, w and a^{(L-1)} moved.
            q = key.indices[0]
            example = key.indices[1] if len(key.indices) > 1 else None
            formula = _z_formula(model, q, point.m, example)
            still = {k: v for k, v in moved.items() if not (isinstance(k, sp.Indexed) and k.base in (b, w, a_prev))}
            shift = _ev(formula, point, bindings, moved) - _ev(formula, point, bindings, still)
            return point.value(key, bindings) + shift
    if isinstance(base.label, Unknown):
        # An entry q_j of a letter outside the notation: unknown like the letter itself.
        return point.unknown(key, moved)
    _check_range(key, point)
    return point.value(key, bindings)


def _params_moved(moved):
    return any(isinstance(k, sp.Indexed) and k.base in (b, w, a_prev) for k in moved)


def _check_range(key, point):
    limits = {y: point.n, z: point.n, b: point.n, a: point.n, delta: point.n, a_prev: point.m}
    top = limits.get(key.base)
    if top is not None and not 1 <= int(key.indices[0]) <= top:
        raise NotEvaluable(f"{key} lies outside its range")


def _sum(e, point, bindings, moved):
    ranges = []
    for var, lo, hi in e.limits:
        ranges.append((var, lo, hi))
    return _sum_over(e.function, ranges, point, bindings, moved)


def _sum_over(f, ranges, point, bindings, moved):
    if not ranges:
        return _ev(f, point, bindings, moved)
    var, lo, hi = ranges[-1]
    start, stop = _int(lo, point, bindings, moved), _int(hi, point, bindings, moved)
    if stop - start > 10_000:
        raise NotEvaluable("a sum of more than 10 000 terms")
    total = []
    for c in range(start, stop + 1):
        inner = dict(bindings)
        inner[var] = c
        total.append(_sum_over(f, ranges[:-1], point, inner, moved))
    return mpmath.fsum(total)


def _sum_except(e, point, bindings, moved):
    excluded = _int(e.excluded, point, bindings, moved)
    upper = _int(e.upper, point, bindings, moved)
    total = []
    for c in range(1, upper + 1):
        if c != excluded:
            inner = dict(bindings)
            inner[e.index] = c
            total.append(_ev(e.function, point, inner, moved))
    return mpmath.fsum(total)


def _derivative(e, variable_count, point, bindings, moved):
    """d/dv of the rest: the variable is moved alone, everything that depends on it follows."""
    if not variable_count:
        return _ev(e.expr, point, bindings, moved)
    (var, count), rest = variable_count[0], variable_count[1:]
    if not (isinstance(var, (sp.Symbol, sp.Indexed))):
        raise NotEvaluable(f"a derivative by {var}")
    key = _key(var, point, bindings, moved)
    t0 = _ev(key, point, bindings, moved)

    def g(t):
        inner = dict(moved)
        inner[key] = (t, t0)
        return _derivative(e, rest, point, bindings, inner)

    return mpmath.diff(g, t0, int(count))
