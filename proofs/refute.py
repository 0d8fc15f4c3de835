"""The search for counterexamples: concrete points where two sides differ.

Each point is exact (small rationals for z and y; y normalised to sum 1 when
that hypothesis is in force) and both sides are evaluated with mpmath at 40
significant digits, so a reported difference is a real one, not rounding.
"""

from __future__ import annotations

import random

import mpmath
import sympy as sp

from .numeval import evaluate
from .relations import RELATIONS
from .notation import y as y_base, z as z_base
from .verdict import Counterexample

__all__ = ["find_counterexample", "random_point"]

_DIGITS = 40
_POINTS = 6


def random_point(symbols, rng, sum_y_one=False):
    """Exact rational values for the given symbols (Indexed z, y, ... or plain symbols)."""
    point = {}
    for s in sorted(symbols, key=sp.default_sort_key):
        if isinstance(s, sp.Symbol) and s.name.startswith("E_"):
            # E_q = e^{z_q}: z_q is drawn, so that the counterexample names z.
            point[s] = sp.exp(sp.Rational(rng.randint(-20, 20), 10))
        elif isinstance(s, sp.Indexed) and s.base == y_base:
            point[s] = sp.Rational(rng.randint(1, 9), 10)
        elif s.is_positive or s.is_nonnegative:
            point[s] = sp.Rational(rng.randint(1, 9), 10)
        else:
            point[s] = sp.Rational(rng.randint(-20, 20), 10)
    ys = [s for s in point if isinstance(s, sp.Indexed) and s.base == y_base]
    if sum_y_one and ys:
        total = sum(point[s] for s in ys)
        for s in ys:
            point[s] = point[s] / total
    return point


def _free(expr):
    atoms = set()
    for s in expr.free_symbols:
        if isinstance(s, sp.IndexedBase):
            continue
        atoms.add(s)
    indexed = expr.atoms(sp.Indexed)
    base_names = {x.base.label for x in indexed}
    return {s for s in atoms | indexed if s not in base_names and not (isinstance(s, sp.Symbol) and s.is_integer)}


def find_counterexample(lhs, rhs, n_value, relation="=", sum_y_one=False, seed=0):
    """A point where ``lhs relation rhs`` fails by more than rounding, or None."""
    rng = random.Random(seed)
    symbols = _free(lhs) | _free(rhs)
    for _ in range(_POINTS):
        point = random_point(symbols, rng, sum_y_one)
        try:
            with mpmath.workdps(_DIGITS + 5):
                numbers = {k: mpmath.mpmathify(sp.N(v, _DIGITS + 5)) for k, v in point.items()}
            left, right = evaluate(lhs, numbers, _DIGITS), evaluate(rhs, numbers, _DIGITS)
        except (ZeroDivisionError, ValueError, TypeError, OverflowError):
            continue
        if isinstance(left, mpmath.mpc) or isinstance(right, mpmath.mpc) or not (
                mpmath.isfinite(left) and mpmath.isfinite(right)):
            continue
        scale = max(1, abs(left), abs(right))
        gap = left - right
        tol = mpmath.mpf(10) ** (-(_DIGITS - 10)) * scale
        broken = RELATIONS[relation].broken(gap, tol, ties_break=True)
        if broken:
            values = {_atom(k): sp.log(v) if _atom(k) is not k else v for k, v in point.items()}
            return Counterexample(n=n_value, values=values, lhs=sp.Float(left, 15), rhs=sp.Float(right, 15))
    return None


def _atom(symbol):
    """E_q stands for e^{z_q} (E_{q,x} for example x): the counterexample gives z_q = ln E_q."""
    if isinstance(symbol, sp.Symbol) and symbol.name.startswith("E_"):
        return z_base[tuple(int(part) for part in symbol.name[2:].split(","))]
    return symbol
