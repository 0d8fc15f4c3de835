"""The numeric veto: a "proved" must survive evaluation at random points.

A step that the symbolic route proved is evaluated once more, straight from
the expressions as written (:mod:`proofs.asread`, no normal form, no rewriting
rule), at random points for several concrete n: real letters take negative
values too, y is drawn on the simplex where sum_j y_j = 1 was used, and every
other hypothesis that the proof used fixes the value it speaks of.  Where
both sides are defined and differ by more than rounding (or the inequality
fails), the step is not proved: it is refuted with that point, and the
disagreement between the two routes is recorded as an internal error.
Agreement is evidence, never proof; disagreement always vetoes.

If no point can be evaluated -- a construct the evaluator does not know, a
hypothesis that cannot be imposed on a point, or no point where both sides
are defined -- the step is left undecided with the reason: a "proved" that
could not be checked is not reported as proved.
"""

from __future__ import annotations

from collections import OrderedDict
from fractions import Fraction
from dataclasses import dataclass
from typing import Optional

import mpmath
import sympy as sp

from . import instance as inst
from .asread import NotEvaluable, Point, Undefined, evaluate_as_read
from .hypotheses import SUM_Y_ONE, SUM_Y_ONE_EACH
from .relations import RELATIONS
from .verdict import Counterexample

__all__ = ["Veto", "veto_steps", "numeric_veto", "DIGITS", "TOLERANCE"]

#: Working precision of the veto (decimal digits) and its relative tolerance.
DIGITS = 30
TOLERANCE = mpmath.mpf(10) ** -18
#: Concrete n tried for a step proved for general n, and points per n and index assignment.
N_VALUES = (1, 2, 3)
POINTS = 2
ATTEMPTS = 12
MAX_ASSIGNMENTS = 4


@dataclass
class Veto:
    """The outcome of the numeric check of one proved step."""

    points: int = 0
    counterexample: Optional[Counterexample] = None
    reason: str = ""
    #: The largest |left - right| seen at the points (for "=" steps), and the n they were drawn for.
    gap: float = 0.0
    n_values: tuple = ()

    @property
    def vetoed(self):
        return self.counterexample is not None

    @property
    def unchecked(self):
        return self.counterexample is None and self.points == 0


def _breaks(left, right, relation):
    scale = max(mpmath.mpf(1), abs(left), abs(right))
    tol = TOLERANCE * scale
    return RELATIONS[relation].broken(left - right, tol)


def _derived(derivation, names, n_value):
    """Substitutions that impose the used hypotheses other than sum y = 1 on a point."""
    derived = {}
    for h in derivation.hypotheses:
        if h.name not in names or h in (SUM_Y_ONE, SUM_Y_ONE_EACH):
            continue
        rule = h.rule(n_value)
        if not rule:
            raise NotEvaluable(f"the hypothesis {h.text} cannot be imposed on a point for n = {n_value}")
        derived.update(rule)
    return derived


def _n_values(derivation, n_value):
    if n_value is not None:
        return [n_value]
    chosen = [q for q in N_VALUES if derivation.applies_to(q)]
    return chosen or [max(derivation.min_n, 1)]


def _describe(point, values):
    """The point's values that the two sides used, then the free indices, as SymPy numbers."""
    shown = {key: _number(value) for key, value in point.drawn().items()}
    shown.update({k: sp.Integer(v) for k, v in values.items()})
    return shown


def _number(value):
    """A value of a point as a SymPy number: the exact fraction it was drawn as, if it is one.

    Points are drawn as fractions with small denominators (k/100, y on the
    simplex), so a fraction that agrees to 25 digits is the value itself.
    """
    if isinstance(value, int):
        return sp.Integer(value)
    exact = Fraction(mpmath.nstr(value, 28, min_fixed=-30, max_fixed=30)).limit_denominator(10 ** 6)
    if abs(mpmath.mpf(exact.numerator) / exact.denominator - value) <= mpmath.mpf(10) ** -25 * max(1, abs(value)):
        return sp.Rational(exact.numerator, exact.denominator)
    return sp.Float(value, 15)


def veto_steps(derivation, wanted, n_value=None, seed=0) -> dict:
    """Check the proved steps ``wanted`` (k -> (relation, hypothesis names)) of a chain at random points.

    Steps that used the same hypotheses share their points, and each expression
    is evaluated once per point.  Returns k -> :class:`Veto`.
    """
    exprs = [sp.sympify(e) for e in derivation.expressions]
    out = {}
    groups = {}
    for k, (relation, names) in wanted.items():
        groups.setdefault(tuple(names), []).append((k, relation))
    every = any(inst.names_fixed_class(e) for e in exprs)
    points_per_run = POINTS if n_value is None else 1
    for names, steps in groups.items():
        vetoes = {k: Veto() for k, _ in steps}
        out.update(vetoes)
        open_steps = dict(steps)
        undefined = {k: 0 for k, _ in steps}
        sum_y_one = SUM_Y_ONE.name in names
        try:
            for q in _n_values(derivation, n_value):
                derived = _derived(derivation, names, q)
                runs = inst.assignments(derivation.indices, derivation.distinct, q, derivation.prev_indices,
                                        every)[:MAX_ASSIGNMENTS]
                for values in runs or [{}]:
                    label = tuple(sorted((str(x), v) for x, v in values.items()))
                    good = dict.fromkeys(open_steps, 0)
                    for attempt in range(ATTEMPTS):
                        if not open_steps or all(good[k] >= points_per_run for k in open_steps):
                            break
                        point = Point(q, m=inst.PREV_LAYER_SIZE, examples=inst.EXAMPLES, indices=values,
                                      seed=(seed, q, label, attempt), sum_y_one=sum_y_one,
                                      derived=derived, model=derivation.model)
                        cache = _point_cache((seed, q, label, attempt, sum_y_one,
                                              tuple(sorted(derived.items(), key=lambda kv: str(kv[0]))),
                                              derivation.model))
                        for k, relation in list(open_steps.items()):
                            if good[k] >= points_per_run:
                                continue
                            try:
                                left = _value(exprs, k - 1, point, cache)
                                right = _value(exprs, k, point, cache)
                            except Undefined:
                                undefined[k] += 1
                                continue
                            good[k] += 1
                            vetoes[k].points += 1
                            if q not in vetoes[k].n_values:
                                vetoes[k].n_values += (q,)
                            if relation == "=":
                                vetoes[k].gap = max(vetoes[k].gap, float(abs(left - right)))
                            if _breaks(left, right, relation):
                                vetoes[k].counterexample = Counterexample(
                                    n=q, values=_describe(point, values),
                                    lhs=sp.Float(left, 15), rhs=sp.Float(right, 15))
                                del open_steps[k]
        except NotEvaluable as exc:
            for k, _ in steps:
                if not vetoes[k].vetoed:
                    vetoes[k].points = 0
                    vetoes[k].reason = f"the numeric check cannot evaluate this step: {exc}"
            continue
        for k, _ in steps:
            if vetoes[k].points == 0 and not vetoes[k].reason:
                vetoes[k].reason = ("no random point was found where both sides are defined"
                                    if undefined[k] else "no point to evaluate")
    return out


_CACHE = OrderedDict()
_CACHE_SIZE = 256


def _point_cache(key):
    """The values already computed at one point, shared by every chain and n that meets it.

    The points are drawn from their key alone (seed, n, index values, attempt,
    hypotheses, model), so a step met again -- Lemma 4's dC/dz_i in the delta
    chain, or a concrete n that the general check already visited -- is not
    evaluated twice.
    """
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    _CACHE[key] = {}
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return _CACHE[key]


def _value(exprs, index, point, cache):
    key = exprs[index]
    if key not in cache:
        try:
            cache[key] = evaluate_as_read(exprs[index], point, DIGITS)
        except (Undefined, ZeroDivisionError, OverflowError) as exc:
            cache[key] = Undefined(str(exc))
        except ValueError as exc:
            if isinstance(exc, NotEvaluable):
                raise
            cache[key] = Undefined(str(exc))
    value = cache[key]
    if isinstance(value, Undefined):
        raise value
    return value


def numeric_veto(derivation, k, relation, hypothesis_names=(), n_value=None, seed=0) -> Veto:
    """Evaluate one step ``k`` of ``derivation`` (expressions k-1 and k) at random points."""
    return veto_steps(derivation, {k: (relation, tuple(hypothesis_names))}, n_value, seed)[k]
