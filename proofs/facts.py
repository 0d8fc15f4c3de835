"""Decision procedures for the facts that are not chains.

* ``limit``: SymPy's ``limit`` equals the expected value;
* ``minimum``: the minimum over (0, oo) (``sympy.calculus.util.minimum``, for
  a variable that is positive) equals the expected value, and the only
  critical point is the expected argmin;
* ``sign``: after the substitution that parametrises a region by positive
  variables, :func:`proofs.sign.sign_of` gives the expected sign;
* ``table``: each entry of the lecture's table, evaluated with 30 digits,
  rounds to the printed value (and is not within 1e-20 of a rounding
  boundary, so the rounding is certain).

As for steps, a fact that SymPy decided must also survive a numeric check at
random points (:func:`_numeric_check`): the expression approaches the limit
along the way to it, is never below the minimum, has the expected sign.  A
disagreement leaves the fact undecided with the point that shows it.
"""

from __future__ import annotations

import random

import sympy as sp

from .derivation import Fact
from .sign import positive_extremum, sign_of
from .verdict import PROVED, REFUTED, UNDECIDED, FactResult, Verdict

__all__ = ["check_fact", "table_rows"]


def check_fact(fact: Fact) -> FactResult:
    """Decide one fact."""
    decide = {"limit": _limit, "minimum": _minimum, "sign": _sign, "table": _table}[fact.kind]
    kind, detail = decide(fact.data)
    if kind == PROVED and fact.kind in _NUMERIC:
        problem = _NUMERIC[fact.kind](fact.data, random.Random(fact.id))
        if problem:
            kind, detail = UNDECIDED, f"{detail}, but the numeric check disagrees: {problem}"
    return FactResult(id=fact.id, title=fact.title, verdict=Verdict(kind), detail=detail, n=fact.n)


def _at(expr, values):
    value = sp.N(expr.xreplace({k: sp.Rational(v) for k, v in values.items()}), 30)
    return value if value.is_real else None


def _random_positive(symbols, rng):
    return {s: sp.Rational(rng.randint(5, 400), 100) for s in symbols}


def _numeric_limit(data, rng):
    expr, var, point, expected = data["expr"], data["var"], data["point"], data["expected"]
    if point is not sp.oo:
        return ""
    others = sorted(expr.free_symbols - {var}, key=sp.default_sort_key)
    values = _random_positive(others, rng)
    gaps = []
    for far in (10, 40, 80):
        got = _at(expr, {**values, var: far})
        if got is None:
            return f"no real value at {var} = {far}"
        gaps.append(abs(got - expected))
    if not (gaps[-1] < sp.Float("1e-6") and gaps[-1] <= gaps[0]):
        return f"at {var} = 80 the value is {sp.N(expected + gaps[-1], 8)}, not near {expected}"
    return ""


def _numeric_minimum(data, rng):
    expr, var, expected = data["expr"], data["var"], data["expected"]
    at_min = _at(expr, {var: data["argmin"]})
    if at_min is None or abs(at_min - expected) > sp.Float("1e-25"):
        return f"the value at {var} = {data['argmin']} is {at_min}"
    for _ in range(12):
        x = sp.Rational(rng.randint(1, 1000), 100)
        got = _at(expr, {var: x})
        if got is not None and got < expected - sp.Float("1e-25"):
            return f"at {var} = {x} the value {sp.N(got, 8)} is below {expected}"
    return ""


def _numeric_sign(data, rng):
    expr = data["expr"].xreplace(data.get("substitution", {}))
    symbols = sorted(expr.free_symbols, key=sp.default_sort_key)
    for _ in range(12):
        values = _random_positive(symbols, rng)
        got = _at(expr, values)
        if got is None:
            continue
        if (got > 0 and data["expected"] < 0) or (got < 0 and data["expected"] > 0) or got == 0:
            shown = ", ".join(f"{k} = {v}" for k, v in values.items())
            return f"at {shown} the value is {sp.N(got, 8)}"
    return ""


_NUMERIC = {"limit": _numeric_limit, "minimum": _numeric_minimum, "sign": _numeric_sign}


def _limit(data):
    got = sp.limit(data["expr"], data["var"], data["point"])
    ok = sp.simplify(got - data["expected"]) == 0
    return (PROVED if ok else REFUTED), f"limit = {got}"


def _minimum(data):
    expr, var = data["expr"], data["var"]
    low = positive_extremum(expr, var, "min")
    critical = sp.solve(sp.diff(expr, var), var)
    ok = sp.simplify(low - data["expected"]) == 0 and critical == [data["argmin"]]
    return (PROVED if ok else REFUTED), f"minimum {low} at {var} = {critical}"


def _sign(data):
    expr = data["expr"].xreplace(data.get("substitution", {}))
    got = sign_of(expr)
    if got is None:
        return UNDECIDED, "sign not decided"
    ok = got == data["expected"]
    return (PROVED if ok else REFUTED), f"sign {got}"


def table_rows(data):
    """The lecture's table, computed: (a_1, a_2, a_3, C) for each printed a_1, exact."""
    y1, y2, y3 = data["y"]
    rows = []
    for a1 in data["a1"]:
        a2, a3 = sp.Rational(2, 3) * (1 - a1), sp.Rational(1, 3) * (1 - a1)
        c = -(y1 * sp.log(a1) + y2 * sp.log(a2) + y3 * sp.log(a3))
        rows.append((a1, a2, a3, c))
    return rows


def _rounds_to(value, printed, digits=2):
    x = sp.N(value, 30)
    scaled = x * 10 ** digits
    nearest = sp.floor(scaled + sp.Rational(1, 2))
    margin = abs(scaled - sp.floor(scaled) - sp.Rational(1, 2))
    return nearest == sp.Rational(printed).limit_denominator(10 ** digits) * 10 ** digits, margin > sp.Float("1e-20")


def _table(data):
    rows = table_rows(data)
    bad, unsure = [], []
    for (a1, a2, a3, c), (p2, p3, pc) in zip(rows, data["printed"]):
        for value, printed, name in ((a2, p2, "a_2"), (a3, p3, "a_3"), (c, pc, "C")):
            ok, certain = _rounds_to(value, printed)
            if not ok:
                bad.append(f"a_1 = {a1}: {name} = {sp.N(value, 6)}, printed {printed}")
            elif not certain:
                unsure.append(f"a_1 = {a1}: {name}")
    best = min(rows, key=lambda r: sp.N(r[3], 30))[0]
    if best != data["argmin"]:
        bad.append(f"smallest C at a_1 = {best}, expected {data['argmin']}")
    if bad:
        return REFUTED, "; ".join(bad)
    if unsure:
        return UNDECIDED, "rounding too close to call: " + ", ".join(unsure)
    return PROVED, f"{len(rows)} rows match to 2 decimals; smallest C at a_1 = {best}"
