r"""An independent reference for the soundness corpus: expression trees evaluated with mpmath.

Nothing here uses the project's reader or checker.  A tree is made of tuples:

* ``("num", Fraction)``, ``("n",)``, ``("m",)``, ``("C",)`` (the cost
  -\sum_k y_k \ln a_k), ``("var", name)`` (a letter outside the notation: a
  real number that may be negative), ``("unk", name)`` (an upper-case letter
  outside the notation: an unknown smooth function of every other variable);
* ``("idx", base, indices)`` with base ``a z y b w aprev delta`` and indices
  ``("ix", letter)`` or ``("int", k)``; delta_i is dC/dz_i;
* ``("add", terms)``, ``("mul", factors)``, ``("neg", x)``, ``("div", p, q)``,
  ``("pow", base, exponent)``, ``("exp", x)``, ``("ln", x)``, ``("sqrt", x)``,
  ``("abs", x)``;
* ``("sum", letter, lower, upper, body, excluded)`` the sum over
  letter = lower..upper (empty, hence 0, when upper < lower), without the
  value of the index ``excluded`` when that is not None;
* ``("d", x, var)`` the partial derivative of x by var, an ``idx`` or ``var``.

Values are complex mpmath numbers on the principal branch (ln and square roots
of negative reals are complex), so that ln(z_1) + ln(z_2) = ln(z_1 z_2) fails
at z_1 = z_2 = -1 as it should.  A point where a side is undefined (a division
by zero, ln 0) is skipped by the callers.

The network: z_q = b_q + \sum_{p=1}^{m} w_{pq} a_p^{(L-1)}, a = softmax(z),
C = -\sum_k y_k \ln a_k.  A derivative by z_q makes z_q an independent
variable, one by a_q makes a_q one (Lemma 1), one by b_q, w_{pq} or
a_p^{(L-1)} moves that parameter wherever it stands, and z with it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

import mpmath

DPS = 40
#: Two values agree when they differ by less than this, relative to their size.
TOLERANCE = mpmath.mpf("1e-18")

INDEX_LETTERS = ("i", "j", "k", "l", "p")


class Undefined(Exception):
    """A side has no value at this point (a division by zero, the logarithm of 0)."""


@dataclass
class Point:
    """One assignment: n, m, the network's base variables, the letters and the free indices."""

    n: int
    m: int
    b: list
    w: dict
    aprev: list
    y: list
    plain: dict
    index: dict = field(default_factory=dict)
    z_over: dict = field(default_factory=dict)
    a_over: dict = field(default_factory=dict)

    def z(self, q):
        if q in self.z_over:
            return self.z_over[q]
        return self.b[q - 1] + mpmath.fsum(self.w[(p, q)] * self.aprev[p - 1] for p in range(1, self.m + 1))

    def a(self, q):
        if q in self.a_over:
            return self.a_over[q]
        zs = [self.z(r) for r in range(1, self.n + 1)]
        top = max(mpmath.re(v) for v in zs)
        return mpmath.exp(zs[q - 1] - top) / mpmath.fsum(mpmath.exp(v - top) for v in zs)

    def describe(self):
        zs = ", ".join(f"z_{q} = {mpmath.nstr(self.z(q), 6)}" for q in range(1, self.n + 1))
        ys = ", ".join(f"y_{q} = {mpmath.nstr(self.y[q - 1], 6)}" for q in range(1, self.n + 1))
        rest = ", ".join(f"{k} = {mpmath.nstr(v, 6)}" for k, v in sorted(self.plain.items()))
        idx = ", ".join(f"{k} = {v}" for k, v in sorted(self.index.items()))
        return "; ".join(s for s in (f"n = {self.n}", zs, ys, rest, idx) if s)


def random_point(rng, n, m, letters, y_sums_to_1=False):
    """A random point with z of both signs (through b and w), y in [0, 1] and letters in [-2, 2]."""
    with mpmath.workdps(DPS):
        return _random_point(rng, n, m, letters, y_sums_to_1)


def _random_point(rng, n, m, letters, y_sums_to_1):
    def real(lo, hi):
        return mpmath.mpf(rng.uniform(lo, hi))

    y = [real(0, 1) for _ in range(n)]
    if y_sums_to_1:
        total = mpmath.fsum(y)
        y = [v / total for v in y]
    return Point(n=n, m=m,
                 b=[real(-2, 2) for _ in range(n)],
                 w={(p, q): real(-1.5, 1.5) for p in range(1, m + 1) for q in range(1, n + 1)},
                 aprev=[real(-1, 1) for _ in range(m)],
                 y=y,
                 plain={name: real(-2, 2) for name in letters})


def _index_value(item, point):
    if item[0] == "int":
        return item[1]
    if item[1] == "n":
        return point.n
    try:
        return point.index[item[1]]
    except KeyError:
        raise ValueError(f"the index {item[1]} is neither bound nor free") from None


def _unknown(name, point):
    """An unknown quantity named ``name``: a fixed smooth function of every other variable."""
    seed = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    total = mpmath.mpf(0)
    for k, var in enumerate(sorted(point.plain)):
        c = 1 + ((seed >> (4 * k)) % 7) / mpmath.mpf(5)
        total += mpmath.sin(c * point.plain[var] + k + 1) * c
    for q in range(1, point.n + 1):
        total += mpmath.cos(point.z(q) + q) / (q + 1) + mpmath.sin(2 * point.a(q) + seed % 5) / (q + 2)
        total += point.y[q - 1] * (seed % 3 + 1) / (q + 3)
    return total


def evaluate(tree, point):
    """The value of ``tree`` at ``point`` (an mpmath number); raises Undefined where it has none."""
    with mpmath.workdps(DPS):
        return _eval(tree, point)


def _eval(t, pt):
    kind = t[0]
    if kind == "num":
        return mpmath.mpf(t[1].numerator) / t[1].denominator
    if kind == "n":
        return mpmath.mpf(pt.n)
    if kind == "m":
        return mpmath.mpf(pt.m)
    if kind == "var":
        return pt.plain[t[1]]
    if kind == "ixv":
        return mpmath.mpf(_index_value(("ix", t[1]), pt))
    if kind == "unk":
        return _unknown(t[1], pt)
    if kind == "C":
        return -mpmath.fsum(pt.y[k - 1] * _log(pt.a(k)) for k in range(1, pt.n + 1))
    if kind == "idx":
        return _indexed(t, pt)
    if kind == "add":
        return mpmath.fsum(_eval(x, pt) for x in t[1])
    if kind == "mul":
        out = mpmath.mpf(1)
        for x in t[1]:
            out *= _eval(x, pt)
        return out
    if kind == "neg":
        return -_eval(t[1], pt)
    if kind == "div":
        num, den = _eval(t[1], pt), _eval(t[2], pt)
        if abs(den) < mpmath.mpf(10) ** (-DPS + 5):
            raise Undefined("division by 0")
        return num / den
    if kind == "pow":
        base, ex = _eval(t[1], pt), _eval(t[2], pt)
        if abs(base) < mpmath.mpf(10) ** (-DPS + 5) and mpmath.re(ex) <= 0:
            raise Undefined("0 to a power <= 0")
        if mpmath.im(ex) == 0 and mpmath.re(ex) == int(mpmath.re(ex)):
            return base ** int(mpmath.re(ex))
        return mpmath.power(base, ex)
    if kind == "exp":
        return mpmath.exp(_eval(t[1], pt))
    if kind == "ln":
        return _log(_eval(t[1], pt))
    if kind == "sqrt":
        return mpmath.sqrt(_eval(t[1], pt))
    if kind == "abs":
        return abs(_eval(t[1], pt))
    if kind == "sum":
        return _sum(t, pt)
    if kind == "d":
        return _derivative(t[1], t[2], pt)
    raise ValueError(f"unknown node {kind!r}")


def _log(v):
    if abs(v) < mpmath.mpf(10) ** (-DPS + 5):
        raise Undefined("ln 0")
    return mpmath.log(v)


def _indexed(t, pt):
    base = t[1]
    qs = [_index_value(item, pt) for item in t[2]]
    limit = pt.m if base == "aprev" else pt.n
    if base == "w":
        if not (1 <= qs[0] <= pt.m and 1 <= qs[1] <= pt.n):
            raise ValueError(f"w_{{{qs[0]}{qs[1]}}} out of range")
        return pt.w[(qs[0], qs[1])]
    q = qs[0]
    if not 1 <= q <= limit:
        raise ValueError(f"{base}_{q} out of range 1..{limit}")
    if base == "a":
        return pt.a(q)
    if base == "z":
        return pt.z(q)
    if base == "y":
        return pt.y[q - 1]
    if base == "b":
        return pt.b[q - 1]
    if base == "aprev":
        return pt.aprev[q - 1]
    if base == "delta":
        return _derivative(("C",), ("idx", "z", (("int", q),)), pt)
    raise ValueError(f"unknown base {base!r}")


def _bound(expr, pt):
    value = _eval(expr, pt)
    if mpmath.im(value) != 0 or mpmath.re(value) != int(mpmath.re(value)):
        raise ValueError("a sum's limit is not an integer")
    return int(mpmath.re(value))


def _sum(t, pt):
    _, letter, lower, upper, body, excluded = t
    lo, hi = _bound(lower, pt), _bound(upper, pt)
    skip = pt.index[excluded] if excluded is not None else None
    terms = []
    saved = dict(pt.index)
    try:
        for q in range(lo, hi + 1):  # empty, so 0, when hi < lo
            if q == skip:
                continue
            pt.index[letter] = q
            terms.append(_eval(body, pt))
    finally:
        pt.index.clear()
        pt.index.update(saved)
    return mpmath.fsum(terms)


def _derivative(expr, var, pt):
    """d expr / d var by mpmath's numerical differentiation at DPS digits."""
    if var[0] == "var":
        name = var[1]
        x0 = pt.plain[name]

        def moved(x):
            return replace(pt, plain={**pt.plain, name: x}, index=dict(pt.index))
    else:
        base = var[1]
        qs = tuple(_index_value(item, pt) for item in var[2])
        if base == "z":
            x0 = pt.z(qs[0])

            def moved(x):
                return replace(pt, z_over={**pt.z_over, qs[0]: x}, index=dict(pt.index))
        elif base == "a":
            x0 = pt.a(qs[0])

            def moved(x):
                return replace(pt, a_over={**pt.a_over, qs[0]: x}, index=dict(pt.index))
        elif base in ("b", "y", "aprev"):
            store = getattr(pt, base)
            x0 = store[qs[0] - 1]

            def moved(x):
                copy = list(store)
                copy[qs[0] - 1] = x
                return replace(pt, **{base: copy}, index=dict(pt.index))
        elif base == "w":
            x0 = pt.w[qs]

            def moved(x):
                return replace(pt, w={**pt.w, qs: x}, index=dict(pt.index))
        else:
            raise ValueError(f"a derivative by {base} is not supported")
    return mpmath.diff(lambda x: _eval(expr, moved(x)), x0)


# -- comparing two sides ---------------------------------------------------------------------

def holds(relation, left, right):
    """Whether ``left relation right`` holds for two mpmath values; None where it means nothing.

    An inequality between values that are not both real means nothing.
    """
    with mpmath.workdps(DPS):
        return _holds(relation, left, right)


def _holds(relation, left, right):
    scale = 1 + abs(left) + abs(right)
    if relation == "=":
        return abs(left - right) <= TOLERANCE * scale
    if abs(mpmath.im(left)) > TOLERANCE * scale or abs(mpmath.im(right)) > TOLERANCE * scale:
        return None
    lr, rr = mpmath.re(left), mpmath.re(right)
    slack = TOLERANCE * scale
    return {"<": lr < rr - slack, ">": lr > rr + slack,
            "<=": lr <= rr + slack, ">=": lr >= rr - slack}[relation]


# -- walking trees ----------------------------------------------------------------------------

def walk(t):
    """Every node of ``t``, ``t`` first."""
    yield t
    for child in t[1:]:
        if isinstance(child, tuple) and child and isinstance(child[0], str) and child[0] in _NODES:
            yield from walk(child)
        elif isinstance(child, (list, tuple)):
            for c in child:
                if isinstance(c, tuple) and c and isinstance(c[0], str) and c[0] in _NODES:
                    yield from walk(c)


_NODES = {"ixv", "num", "n", "m", "C", "var", "unk", "idx", "add", "mul", "neg", "div", "pow", "exp", "ln",
          "sqrt", "abs", "sum", "d"}


def letters_of(t):
    """The names of the plain letters (var) in ``t``."""
    return {node[1] for node in walk(t) if node[0] == "var"}


def free_indices(t, bound=frozenset()):
    """The index letters of ``t`` that no sum binds (derivative variables included)."""
    kind = t[0]
    if kind == "idx":
        return {item[1] for item in t[2] if item[0] == "ix"} - bound - {"n", "m"}
    if kind == "ixv":
        return {t[1]} - bound
    if kind == "sum":
        _, letter, lower, upper, body, excluded = t
        out = free_indices(lower, bound) | free_indices(upper, bound)
        out |= free_indices(body, bound | {letter})
        if excluded is not None and excluded not in bound:
            out.add(excluded)
        return out
    out = set()
    for child in t[1:]:
        if isinstance(child, tuple) and child and child[0] in _NODES:
            out |= free_indices(child, bound)
        elif isinstance(child, list):
            for c in child:
                out |= free_indices(c, bound)
    return out


def explicit_indices(t):
    """The largest explicit class number written in ``t`` (a_2: 2), 1 if none."""
    top = 1
    for node in walk(t):
        if node[0] == "idx" and node[1] not in ("aprev",):
            for item in node[2][-1:] if node[1] == "w" else node[2]:
                if item[0] == "int":
                    top = max(top, item[1])
    return top


def prev_layer_indices(t):
    """The index letters of ``t`` that count neurons of layer L-1 (of a^{(L-1)}, the first of w)."""
    return {node[2][0][1] for node in walk(t)
            if node[0] == "idx" and node[1] in ("aprev", "w") and node[2][0][0] == "ix"}
