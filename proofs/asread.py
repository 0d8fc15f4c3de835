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

How it is computed: each expression is translated once (cached by the
expression) into a tree of Python closures, one per node, which evaluate with
mpmath given the point, the values of the bound indices and the variables that
derivatives moved; the SymPy tree is not walked again.  A closure decides
beforehand only what the expression alone decides, so it reaches the same atoms
in the same order, and raises the same exceptions at the same moments, as a walk
of the tree.  Symbols and the bases of entries are numbered once (:func:`_slot`),
so that an evaluation looks up small ints and tuples instead of hashing SymPy
objects.  Every node but a number or a symbol keeps its values in the point's
:attr:`Point.memo`, by the values of its symbols, the moved variables and the
working precision, so that what the two sides of a step or the terms of a
derivative share (the softmax denominators) is computed once; and a point keeps
the values of mpmath's functions (exp, ln, ...) by argument and precision, on
which alone they depend.  Translation is structural: nothing is generated from
text or evaluated as code.
"""

from __future__ import annotations

import hashlib
import operator
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

_COMPARISONS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
                ">": operator.gt, ">=": operator.ge}

#: The symbols of the sizes, and the attributes of a point that give them.
_SIZES = {n_sym: "n", m_sym: "m", V: "examples"}

#: The network's parameters: moving one of them moves z = b + sum w a^{(L-1)}.  Sets, so
#: that whether a base is one of them is answered as a dict answers it: by hash, then ==.
_PARAMETERS = frozenset({b, w, a_prev})
_Y = frozenset({y})


class Point:
    """A concrete point: sizes, free indices, and lazily drawn values of the atoms.

    ``n``, ``m`` and ``examples`` are the numbers of classes, of neurons of layer
    L-1 and of training examples; ``indices`` maps free index symbols to values;
    ``seed`` fixes every drawn value; ``sum_y_one`` draws each example's y on
    the simplex (positive, summing to 1); ``derived`` maps atoms to expressions
    that a hypothesis fixes them by (evaluated at the point).  ``memo`` holds the
    values of the sub-expressions already computed at the point: for each state
    (the values of the variables that derivatives moved, and the working
    precision), a dict of values keyed by the node and the values of its symbols.
    """

    def __init__(self, n, m=2, examples=2, indices=None, seed=0, sum_y_one=False, derived=None,
                 model=None):
        self.n, self.m, self.examples = int(n), int(m), int(examples)
        self.indices = dict(indices or {})
        self.seed = seed
        self.sum_y_one = sum_y_one
        self.derived = dict(derived or {})
        self.model = model
        self._values = {}  # atom, or ("label", atom) -> value
        self._entries = {}  # the entries' values again, by cheap key (see _locator)
        self._calls = {}  # (mpmath function, argument, precision) -> value (see _at_point)
        self.memo = {}

    def _rng(self, key):
        digest = hashlib.sha256(f"{self.seed}|{key}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def value(self, atom, bindings):
        """The drawn (or derived) value of an atom such as y[2], w[1, 3] or a plain letter.

        A derived value is evaluated with the indices ``bindings`` (symbol -> int) bound.
        """
        return self._value(atom, {_slot(s): v for s, v in bindings.items()})

    def _value(self, atom, bindings):
        """:meth:`value`, with the bindings numbered as the evaluator numbers them (:func:`_slot`)."""
        if atom in self._values:
            return self._values[atom]
        if atom in self.derived:
            value = _compiled(sp.sympify(self.derived[atom]))(_Context(self, {}, {}), bindings)
            if not _allowed(atom, value):
                raise Undefined(f"{atom} = {value} violates its assumptions")
        elif self.sum_y_one and isinstance(atom, sp.Indexed) and atom.base in _Y:
            value = self._simplex_y(atom)
        else:
            value = self._draw(atom)
        self._keep(atom, value)
        return value

    def _keep(self, atom, value):
        """Record an atom's value; an entry's also under its cheap key (see :func:`_locator`)."""
        self._values[atom] = value
        if isinstance(atom, sp.Indexed) and all(ix.is_Integer for ix in atom.indices):
            self._entries[_entry_key(atom)] = value

    def _draw(self, atom):
        name, low, high = _drawing(atom)
        return mpmath.mpf(self._rng(name).randint(low, high)) / 100

    def _simplex_y(self, atom):
        rest = tuple(int(r) for r in atom.indices[1:])
        keys = [_indexed_atom(y, (q, *rest)) for q in range(1, self.n + 1)]
        raw = [mpmath.mpf(self._rng(_drawing(key)[0]).randint(5, 100)) for key in keys]
        total = mpmath.fsum(raw)
        for key, r in zip(keys, raw):
            self._keep(key, r / total)
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


_DRAWINGS = {}
_DRAWINGS_SIZE = 16384


def _drawing(atom):
    """How an atom's value is drawn: (its name, which is its srepr; the range of the draw in hundredths).

    y_q in 0.01..0.99, a positive atom in 0.05..3, a non-negative one in 0..1,
    any other in -3..3.  Kept per atom object, not per equal atom: atoms equal
    for SymPy may have been created with different (equivalent) assumptions,
    which their srepr, hence their drawn value, shows.
    """
    found = _DRAWINGS.get(id(atom))
    if found is not None:
        return found[1]
    if isinstance(atom, sp.Indexed) and atom.base in _Y:
        low, high = 1, 99
    elif atom.is_positive:
        low, high = 5, 300
    elif atom.is_nonnegative:
        low, high = 0, 100
    else:
        low, high = -300, 300
    if len(_DRAWINGS) >= _DRAWINGS_SIZE:
        _DRAWINGS.clear()
    drawing = (sp.srepr(atom), low, high)
    _DRAWINGS[id(atom)] = (atom, drawing)  # the atom is kept alive, so its id is not reused
    return drawing


def _allowed(atom, value):
    positive = getattr(atom, "is_positive", None)
    nonneg = getattr(atom, "is_nonnegative", None)
    return not ((positive and value <= 0) or (nonneg and value < 0))


def evaluate_as_read(expr, point: Point, digits=30):
    """The value of ``expr`` at ``point`` as an mpmath number, computed from the tree as written."""
    with mpmath.workdps(digits):
        bindings = {_slot(s): v for s, v in point.indices.items()}
        return +_compiled(sp.sympify(expr))(_Context(point, {}, {}), bindings)


def _real(value):
    if isinstance(value, mpmath.mpc):
        if abs(value.imag) > abs(value.real) * mpmath.mpf(10) ** (-mpmath.mp.dps + 5) + mpmath.mpf(10) ** (-mpmath.mp.dps):
            raise Undefined("not a real number")
        value = value.real
    if not mpmath.isfinite(value):
        raise Undefined("not finite")
    return value


_SLOTS = {}


def _slot(key):
    """The number that stands for a symbol (or an IndexedBase) inside the evaluator.

    Keys that a dict takes for one (equal, with equal hashes) share a number,
    so that bindings keyed by these numbers behave as bindings keyed by the
    symbols, without SymPy's hash at each look-up.  There are a few per letter
    ever written; they are never forgotten, as translated expressions hold them.
    """
    return _SLOTS.setdefault(key, len(_SLOTS))


_PARAMETER_SLOTS = frozenset(_slot(p) for p in _PARAMETERS)


class _Context:
    """Where an evaluation stands: the point, the variables that derivatives moved, the precision.

    ``moved`` maps each moved atom (a symbol, or an entry with integer indices)
    to (t, t0), in the order the derivatives moved them, as
    :meth:`Point.unknown` reads it; ``lookup`` maps the same atoms by their
    cheap keys (:func:`_locator`) to t.  ``memo`` is the point's memo for the
    moved values and the working precision, so that two derivatives by the same
    variable at the same t share what they compute.  Evaluation under a context
    happens at its precision ``prec`` (``mpmath.diff`` raises the precision
    before it creates the contexts of its steps and restores it after).
    """

    __slots__ = ("point", "memo", "moved", "lookup", "prec", "_still")

    def __init__(self, point, moved, lookup):
        self.point = point
        self.moved = moved
        self.lookup = lookup
        self.prec = mpmath.mp.prec
        self.memo = point.memo.setdefault((tuple(moved.items()), self.prec), {})
        self._still = self  # not looked for yet

    def moving(self, atom, key, t, t0):
        """This context with ``atom`` (cheap key ``key``) moved to t from t0."""
        moved = dict(self.moved)
        moved[atom] = (t, t0)
        lookup = dict(self.lookup)
        lookup[key] = t
        return _Context(self.point, moved, lookup)

    def still(self):
        """This context with the parameters b, w, a^{(L-1)} back at their values, or None if none moved."""
        if self._still is self:
            moved = {k: v for k, v in self.moved.items() if not _is_parameter(k)}
            if len(moved) == len(self.moved):
                self._still = None
            else:
                lookup = {k: t for k, t in self.lookup.items()
                          if not (isinstance(k, tuple) and k[0] in _PARAMETER_SLOTS)}
                self._still = _Context(self.point, moved, lookup)
        return self._still


def _is_parameter(atom):
    """Whether a moved atom is an entry of b, w or a^{(L-1)}."""
    return isinstance(atom, sp.Indexed) and atom.base in _PARAMETERS


def _drawn(point, atom, bindings):
    """``point.value`` of a symbol, without the call when the value is already there."""
    value = point._values.get(atom)
    return point._value(atom, bindings) if value is None else value


def _drawn_entry(point, atom, key, bindings):
    """``point.value`` of an entry with cheap key ``key``, found by that key if it is there."""
    value = point._entries.get(key)
    return point._value(atom, bindings) if value is None else value


@lru_cache(maxsize=65536)
def _indexed_atom(base, values):
    """The entry of ``base`` at the integer indices ``values`` (y, (2,) -> y[2])."""
    return base[tuple(sp.Integer(v) for v in values)]


#: Expression -> (its evaluator, its symbols); emptied when full.
_COMPILED = {}
_COMPILED_SIZE = 16384


def _compiled(e):
    """The evaluator of ``e``: a function (context, bindings) -> value, built once per expression.

    Equal expressions share one evaluator, hence their memo entries at a point.
    """
    if not isinstance(e, sp.Basic):
        return _foreign(e)
    found = _COMPILED.get(e)
    return (_compile_tree(e) if found is None else found)[0]


def _compile_tree(e):
    """Translate ``e`` and each of its sub-expressions not translated yet, children first.

    Without recursion, so that a deep expression needs no deeper Python stack
    to be translated than to be evaluated: when a node is translated, the
    evaluators of its children are already there.  (Parts that are no
    expression, such as the limits of a sum, are translated too, into
    evaluators that are never called.)
    """
    if len(_COMPILED) >= _COMPILED_SIZE:
        _COMPILED.clear()
    pending = [(e, False)]
    while pending:
        node, children_done = pending.pop()
        if node in _COMPILED:
            continue
        if children_done:
            symbols = _symbols(node)
            _COMPILED[node] = (_translated(node, symbols), symbols)
        else:
            pending.append((node, True))
            pending.extend((arg, False) for arg in node.args if isinstance(arg, sp.Basic))
    return _COMPILED[e]


def _foreign(e):
    """An argument that is not a SymPy object, such as an int that SumExcept keeps as given.

    It fails where it is reached, as a walk of the tree fails on it: by asking
    whether it is a number (an AttributeError for an int).
    """
    def fail(ctx, bindings):
        e.is_Number  # the walk's first question; raises AttributeError for an int
        raise NotEvaluable(f"cannot evaluate {type(e).__name__} numerically")
    return fail


def _symbols(node):
    """``node.atoms(sp.Symbol)``, from the symbols of its children (translated before it).

    All symbols, not only the free ones: SymPy counts the variable of a
    derivative as bound (d C/d a_j has no free j), yet its value matters.
    """
    if not all(isinstance(arg, sp.Basic) for arg in node.args):
        return frozenset(node.atoms(sp.Symbol))
    found = frozenset().union(*(_COMPILED[arg][1] for arg in node.args))
    return found | {node} if isinstance(node, sp.Symbol) else found


def _translated(e, symbols):
    """The evaluator of the node ``e``, memoised by the values of ``symbols``.

    Numbers and symbols, cheaper to evaluate than to look up, are not memoised.
    """
    evaluate = _translate(e)
    if e.is_Number or isinstance(e, sp.Symbol):
        return evaluate
    return _memoized(evaluate, tuple(_slot(s) for s in symbols))


def _memoized(evaluate, slots):
    """``evaluate`` with its values kept in the context's memo, by the values of the symbols ``slots``."""
    get = None if not slots else (lambda bindings: bindings.get(slots[0])) if len(slots) == 1 else \
        (lambda bindings: tuple(map(bindings.get, slots)))

    def memoized(ctx, bindings):
        key = memoized if get is None else (memoized, get(bindings))
        memo = ctx.memo
        result = memo.get(key)
        if result is None:
            result = memo[key] = evaluate(ctx, bindings)
        return result
    return memoized


def _translate(e):
    """The closure that evaluates the node ``e`` (its children through :func:`_compiled`)."""
    if e.is_Integer or e.is_Rational:
        return _at_precision(lambda p=int(e.p), q=int(e.q): mpmath.mpf(p) / q)
    if e.is_Float:
        return _at_precision(lambda: mpmath.mpf(e))
    if e is sp.pi:
        return _at_precision(lambda: +mpmath.pi)
    if e is sp.E:
        return lambda ctx, bindings: mpmath.e
    if isinstance(e, sp.Symbol):
        return _symbol(e)
    if isinstance(e, sp.Indexed):
        return _indexed(e)
    if isinstance(e, sp.Add):
        return _add(tuple(_compiled(t) for t in e.args))
    if isinstance(e, sp.Mul):
        return _mul(tuple(_compiled(f) for f in e.args))
    if isinstance(e, sp.Pow):
        return _power(e)
    if isinstance(e, sp.exp):
        return _function(lambda ctx, x: _real(_at_point(ctx, mpmath.exp, x)), e.args[0])
    if isinstance(e, sp.log):
        return _log(e)
    if isinstance(e, sp.Abs):
        return _function(lambda ctx, x: abs(x), e.args[0])
    if isinstance(e, sigma):
        return _function(lambda ctx, x: 1 / (1 + mpmath.exp(-x)), e.args[0])
    if isinstance(e, sp.KroneckerDelta):
        return _kronecker(_index(e.args[0]), _index(e.args[1]))
    if isinstance(e, sp.Sum):
        return _sum(_compiled(e.function), tuple((_slot(var), _index(lo), _index(hi)) for var, lo, hi in e.limits))
    if isinstance(e, SumExcept):
        return _sum_except(e)
    if isinstance(e, sp.Derivative):
        return _derivative(e.variable_count, _compiled(e.expr))
    if isinstance(e, (sp.Max, sp.Min)):
        return _extreme(max if isinstance(e, sp.Max) else min, tuple(_compiled(x) for x in e.args))
    if isinstance(e, sp.Piecewise):
        return _piecewise(tuple((_compiled(value), _condition(cond)) for value, cond in e.args))
    for func, mp in _FUNCTIONS.items():
        if isinstance(e, func):
            return _function(lambda ctx, x, mp=mp: _real(_at_point(ctx, mp, x)), e.args[0])
    return _fails(NotEvaluable, lambda: f"cannot evaluate {type(e).__name__} numerically")


def _fails(error, message):
    """A closure that raises ``error(message())`` when it is reached, not before."""
    def fail(ctx, bindings):
        raise error(message())
    return fail


def _at_precision(compute):
    """A constant, computed once per working precision (it is rounded to it)."""
    values = {}

    def constant(ctx, bindings):
        value = values.get(ctx.prec)
        if value is None:
            value = values[ctx.prec] = compute()
        return value
    return constant


def _function(f, argument):
    """f(context, x) of the value x of ``argument``."""
    x = _compiled(argument)
    return lambda ctx, bindings: f(ctx, x(ctx, bindings))


def _at_point(ctx, function, x):
    """``function(x)`` for an mpmath function of one number, computed once per point, precision and x.

    An mpmath function of a real number depends on that number and the
    working precision alone.  The same arguments recur: the z_l that a
    derivative does not move come back, with the same values, in each of its
    steps and in each softmax output.
    """
    if type(x) is not mpmath.mpf:
        return function(x)
    key = (function, x._mpf_, ctx.prec)
    calls = ctx.point._calls
    found = calls.get(key)
    if found is None:
        found = calls[key] = function(x)
    return found


def _add(terms):
    return lambda ctx, bindings: mpmath.fsum(t(ctx, bindings) for t in terms)


_ONE = mpmath.mpf(1)


def _mul(factors):
    """The product from 1, factor by factor.

    1 * x is x itself when x is an mpmath number that fits the working
    precision (the product rounds x to it, and x is already exact there), so
    that first multiplication is skipped then.
    """
    def product(ctx, bindings):
        value = _ONE
        for f in factors:
            x = f(ctx, bindings)
            if value is _ONE and type(x) is mpmath.mpf and x._mpf_[3] <= ctx.prec:
                value = x
            else:
                value *= x
        return value
    return product


def _power(e):
    """x^k for an integer k (1/0 undefined), else x^p for x >= 0 (0^p undefined for p <= 0)."""
    base = _compiled(e.base)
    if e.exp.is_Integer:
        k = int(e.exp)

        def integer_power(ctx, bindings):
            x = base(ctx, bindings)
            if k < 0 and x == 0:
                raise Undefined("division by zero")
            return x ** k
        return integer_power
    exponent = _compiled(e.exp)

    def power(ctx, bindings):
        x = base(ctx, bindings)
        p = exponent(ctx, bindings)
        if x < 0:
            raise Undefined("a non-integer power of a negative number")
        if x == 0:
            if p <= 0:
                raise Undefined("a non-positive power of zero")
            return mpmath.mpf(0)
        return mpmath.power(x, p)
    return power


def _log(e):
    if len(e.args) != 1:
        return _fails(NotEvaluable, lambda: "a logarithm to another base")

    def ln(ctx, x):
        if x <= 0:
            raise Undefined("ln of a number that is not positive")
        return _at_point(ctx, mpmath.log, x)
    return _function(ln, e.args[0])


def _kronecker(left, right):
    return lambda ctx, bindings: mpmath.mpf(int(left(ctx, bindings) == right(ctx, bindings)))


def _extreme(pick, args):
    return lambda ctx, bindings: pick([x(ctx, bindings) for x in args])


def _piecewise(branches):
    def choose(ctx, bindings):
        for value, holds in branches:
            if holds(ctx, bindings):
                return value(ctx, bindings)
        raise Undefined("no branch of a piecewise expression applies")
    return choose


def _condition(cond):
    """The closure that decides a condition of a piecewise expression."""
    if cond is sp.true:
        return lambda ctx, bindings: True
    if cond is sp.false:
        return lambda ctx, bindings: False
    if isinstance(cond, sp.And):
        parts = tuple(_condition(c) for c in cond.args)
        return lambda ctx, bindings: all(c(ctx, bindings) for c in parts)
    if isinstance(cond, sp.Or):
        parts = tuple(_condition(c) for c in cond.args)
        return lambda ctx, bindings: any(c(ctx, bindings) for c in parts)
    if isinstance(cond, sp.Not):
        part = _condition(cond.args[0])
        return lambda ctx, bindings: not part(ctx, bindings)
    if isinstance(cond, sp.Rel):
        left, right, compare = _compiled(cond.lhs), _compiled(cond.rhs), _COMPARISONS[cond.rel_op]

        def relation(ctx, bindings):
            lhs = left(ctx, bindings)
            return compare(lhs, right(ctx, bindings))
        return relation
    return _fails(NotEvaluable, lambda: f"cannot evaluate the condition {cond}")


def _index(expr):
    """The closure that evaluates an index or a bound of a sum to an int.

    An entry that is not an integer (f_{y_i}) stands for a class label, drawn from 1..n.
    """
    if isinstance(expr, sp.Indexed) and not expr.is_integer:
        locate = _locator(expr)
        return lambda ctx, bindings: ctx.point.label(locate(ctx, bindings)[0])
    evaluate = _compiled(expr)

    def integer(ctx, bindings):
        value = evaluate(ctx, bindings)
        if value != int(value):
            raise NotEvaluable(f"the index {expr} is not an integer")
        return int(value)
    # An index given as an int (bound, a size, written) is that int when mpmath holds it
    # exactly, that is when it fits the working precision: then it need not go through mpmath.
    if isinstance(expr, sp.Integer):
        written = int(expr)
        return lambda ctx, bindings: written if written.bit_length() <= ctx.prec else integer(ctx, bindings)
    if not isinstance(expr, sp.Symbol):
        return integer
    slot, size = _slot(expr), _SIZES.get(expr)

    def symbol(ctx, bindings):
        # In the order of _symbol: moved, bound, a size.
        if slot not in ctx.lookup:
            value = bindings.get(slot, _UNBOUND)
            if value is _UNBOUND and size is not None:
                value = getattr(ctx.point, size)
            if type(value) is int and value.bit_length() <= ctx.prec:
                return value
        return integer(ctx, bindings)
    return symbol


_UNBOUND = object()


def _locator(atom):
    """The closure giving the atom that a symbol or an entry names at a point, and its cheap key.

    An entry comes with its indices evaluated (y[j] with j = 2 -> y[2]).  The
    cheap key of a symbol is its :func:`_slot`, an entry's is (slot of the base,
    integer indices, class): equal exactly when the entries are equal for
    SymPy (an :class:`~proofs.reader.vocabulary.UnknownEntry` q_1 is not the
    Indexed q_1 that q_j names for j = 1), and hashed without SymPy.
    """
    if isinstance(atom, sp.Indexed):
        base = atom.base
        if all(ix.is_Integer for ix in atom.indices):
            found = (atom, _entry_key(atom))
            return lambda ctx, bindings: found
        indices, base_slot = tuple(_index(ix) for ix in atom.indices), _slot(base)
        if len(indices) == 1:
            (index,) = indices

            def locate_one(ctx, bindings):
                values = (index(ctx, bindings),)
                return _indexed_atom(base, values), (base_slot, values, sp.Indexed)
            return locate_one

        def locate(ctx, bindings):
            values = tuple([ix(ctx, bindings) for ix in indices])
            return _indexed_atom(base, values), (base_slot, values, sp.Indexed)
        return locate
    found = (atom, _slot(atom))
    return lambda ctx, bindings: found


def _entry_key(atom):
    """The cheap key of an entry with integer indices; :func:`_indexed_atom` makes Indexed ones."""
    return (_slot(atom.base), tuple(int(ix) for ix in atom.indices), type(atom))


def _symbol(s):
    """The closure that evaluates a symbol: moved, bound, a size, the cost, unknown, or drawn."""
    slot, size = _slot(s), _SIZES.get(s)
    named_cost = s in (C, CC)
    unknown = isinstance(s, Unknown)
    index = s.is_integer

    def symbol(ctx, bindings):
        t = ctx.lookup.get(slot)
        if t is not None:
            return t
        if slot in bindings:
            return mpmath.mpf(bindings[slot])
        point = ctx.point
        if size is not None:
            return mpmath.mpf(getattr(point, size))
        model = point.model
        if model is not None and s == model.cost_symbol:
            return _cost(model, point.n, point.examples)(ctx, bindings)
        if model is None and named_cost:
            raise NotEvaluable(f"{s} has no meaning without a model")
        if unknown:
            return point.unknown(s, ctx.moved)
        if index:
            raise NotEvaluable(f"the index {s} has no value")
        return _drawn(point, s, bindings)
    return symbol


def _indexed(e):
    """The closure that evaluates an entry: moved, the model's a, delta or z, unknown, or drawn."""
    locate = _locator(e)
    base = e.base
    is_a, is_delta, is_z = base == a, base == delta, base == z
    unknown = isinstance(base.label, Unknown)
    top = {y: "n", z: "n", b: "n", a: "n", delta: "n", a_prev: "m"}.get(base)

    def entry(ctx, bindings):
        atom, key = locate(ctx, bindings)
        t = ctx.lookup.get(key)
        if t is not None:
            return t
        point = ctx.point
        model = point.model
        indices = key[1]
        if model is not None:
            if is_a:
                return _output(model, indices, point.n)(ctx, bindings)
            if is_delta:
                return _output_error(model, indices[0])(ctx, bindings)
            if is_z:
                still = ctx.still()
                if still is not None:
                    # z = b + sum w a^{(L-1)} is linear: it moves by what b, w and a^{(L-1)} moved.
                    formula = _z_formula(model, indices, point.m)
                    shift = formula(ctx, bindings) - formula(still, bindings)
                    return _drawn_entry(point, atom, key, bindings) + shift
        if unknown:
            # An entry q_j of a letter outside the notation: unknown like the letter itself.
            return point.unknown(atom, ctx.moved)
        if top is not None and not 1 <= indices[0] <= getattr(point, top):
            raise NotEvaluable(f"{atom} lies outside its range")
        return _drawn_entry(point, atom, key, bindings)
    return entry


@lru_cache(maxsize=4096)
def _output(model, indices, n):
    """The evaluator of a_q as the model's output of the z's."""
    return _compiled(model.output(*(sp.Integer(q) for q in indices), upper=sp.Integer(n)))


@lru_cache(maxsize=4096)
def _output_error(model, q):
    """The evaluator of delta_q = dC/dz_q."""
    return _derivative(((z[sp.Integer(q)], 1),), _compiled(model.cost_symbol))


@lru_cache(maxsize=4096)
def _cost(model, n, examples):
    """The evaluator of the model's cost."""
    return _compiled(model.cost(sp.Integer(n)).xreplace({V: sp.Integer(examples)}))


@lru_cache(maxsize=4096)
def _z_formula(model, indices, m):
    """The evaluator of z_q = b_q + sum_p w_pq a_p^{(L-1)} (of example x for z_{q, x})."""
    q, example = sp.Integer(indices[0]), (sp.Integer(indices[1]) if len(indices) > 1 else None)
    return _compiled(model.z_of_params(q, sp.Integer(m), example))


def _sum(body, ranges):
    """A sum of one or more ranges (slot of the variable, lower bound, upper bound), term by term."""
    return lambda ctx, bindings: _sum_over(body, ranges, len(ranges), ctx, bindings)


def _sum_over(body, ranges, count, ctx, bindings):
    """The sum of ``body`` over the first ``count`` ranges, the last of them outermost."""
    var, lo, hi = ranges[count - 1]
    start, stop = lo(ctx, bindings), hi(ctx, bindings)
    if stop - start > 10_000:
        raise NotEvaluable("a sum of more than 10 000 terms")
    total = []
    for c in range(start, stop + 1):
        inner = dict(bindings)
        inner[var] = c
        total.append(body(ctx, inner) if count == 1 else _sum_over(body, ranges, count - 1, ctx, inner))
    return mpmath.fsum(total)


def _sum_except(e):
    """The sum over j = 1..n but the excluded index, term by term."""
    body, index = _compiled(e.function), _slot(e.index)
    excluded, upper = _index(e.excluded), _index(e.upper)

    def total(ctx, bindings):
        skip = excluded(ctx, bindings)
        top = upper(ctx, bindings)
        terms = []
        for c in range(1, top + 1):
            if c != skip:
                inner = dict(bindings)
                inner[index] = c
                terms.append(body(ctx, inner))
        return mpmath.fsum(terms)
    return total


def _derivative(variable_count, body):
    """d/dv of ``body``: the variable is moved alone, everything that depends on it follows."""
    if not variable_count:
        return body
    (var, count), rest = variable_count[0], variable_count[1:]
    if not isinstance(var, (sp.Symbol, sp.Indexed)):
        return _fails(NotEvaluable, lambda: f"a derivative by {var}")
    locate = _locator(var)
    inner = _derivative(rest, body)
    variables = {}  # the evaluator of the variable, by its cheap key

    def derivative(ctx, bindings):
        atom, key = locate(ctx, bindings)
        variable = variables.get(key)
        if variable is None:
            variable = variables[key] = _compiled(atom)
        t0 = variable(ctx, bindings)

        def g(t):
            return inner(ctx.moving(atom, key, t, t0), bindings)

        return mpmath.diff(g, t0, int(count))
    return derivative
