"""The step checker: one verdict for each link of a chain.

Every derivation -- the lecture's built-in proofs and a user's chain read from
LaTeX -- goes through :func:`check_chain`.  For each neighbouring pair of
expressions it

1. unfolds both sides (:mod:`proofs.unfold`) and brings them to a normal form,
   for general n (:mod:`proofs.normalform`) or for a concrete n and concrete
   indices (:mod:`proofs.instance`);
2. cancels the difference: 0 means **proved**; for an inequality the sign of
   the difference is decided (:mod:`proofs.sign`);
3. failing that, imposes the derivation's hypotheses and tries again:
   success means **proved under** those hypotheses;
4. failing that, looks for a counterexample (:mod:`proofs.refute`) and says
   **refuted** with it, or **undecided** when there is none;
5. every step proved by 2-3 is evaluated again at random points straight
   from the expressions as written (:mod:`proofs.veto`): a point where the
   sides differ turns it into **refuted** (and records an internal error),
   and a step that cannot be evaluated at any point stays **undecided**.
"""

from __future__ import annotations

import sympy as sp

from . import instance as inst
from .concrete import exp_symbol, walker
from .derivation import Derivation
from .hypotheses import SUM_Y_ONE, ordered_rules
from .normalform import IndexRanges, keep_excepts, normal_form
from .notation import SOFTMAX_CE, a, t_range, z
from .refute import find_counterexample
from .sign import holds
from .unfold import unfold
from .unknowns import unknown_atoms
from .veto import veto_steps
from .zero import is_zero, is_zero_prepared, prepare
from .verdict import (PROVED, PROVED_UNDER, REFUTED, UNDECIDED, PartResult,
                      StepResult, Verdict, worst)

__all__ = ["check_chain"]


def _decide(left, right, relation, exp_groups=(), prepared=None):
    if relation == "=" and prepared is not None:
        return is_zero_prepared(*prepared, exp_groups)
    diff = left - right
    if relation == "=":
        return is_zero(diff, exp_groups)
    return holds(diff, relation) is True


class _Forms:
    """Normal forms of a chain's expressions, computed once per instance."""

    def __init__(self, derivation: Derivation, n_value, values):
        self.d = derivation
        self.n = n_value
        self.values = values
        self.ranges = IndexRanges(derivation.distinct, derivation.prev_indices)
        self.table = {}
        self.unfolded = []
        shared = None if n_value is None else walker(derivation.model, n_value, inst.PREV_LAYER_SIZE, inst.EXAMPLES)
        self.walker = shared
        for e in derivation.expressions:
            if n_value is None:
                self.unfolded.append(unfold(e, derivation.model))
            else:
                self.unfolded.append(inst.instantiate(e, derivation.model, n_value, values, shared))
        self._cache = {}
        if n_value is None:
            self.exp_groups = ()
        elif derivation.model is not None and derivation.model.examples:
            self.exp_groups = tuple(tuple(exp_symbol(q, e) for q in range(1, n_value + 1))
                                    for e in range(1, inst.EXAMPLES + 1))
        else:
            self.exp_groups = (tuple(exp_symbol(q) for q in range(1, n_value + 1)),)

    def plain(self, k):
        return self._get(k, hypotheses=False, whole=False)

    def under(self, k):
        return self._get(k, hypotheses=True, whole=False)

    def whole(self, k, hypotheses=False):
        """The form in which sums over j != i of positive terms stay positive atoms."""
        return self._get(k, hypotheses, whole=True)

    def _get(self, k, hypotheses, whole):
        key = (k, hypotheses, whole)
        if key not in self._cache:
            expr = self.unfolded[k]
            if whole:
                expr = keep_excepts(expr, self.table)
            self._cache[key] = self._form(expr, self._rules() if hypotheses else [])
        return self._cache[key]

    def prepared(self, k, hypotheses):
        """The form of expression k made ready for the zero test (concrete n only)."""
        key = ("prepared", k, hypotheses)
        if key not in self._cache:
            self._cache[key] = prepare(self._get(k, hypotheses, False), self.exp_groups)
        return self._cache[key]

    def _rules(self):
        return ordered_rules(self.d.hypotheses, self.n)

    def _form(self, expr, rules):
        if self.n is None:
            subs = {}
            for rule in rules:
                subs.update(rule)
            return normal_form(expr, self.ranges, self.table, subs)
        for rule in rules:
            expr = expr.xreplace(self._concrete_rule(rule))
        return expr

    def _concrete_rule(self, rule):
        """A substitution for the unfolded form: z_q appears there as E_q = e^{z_q}."""
        out = {}
        for key, value in rule.items():
            if isinstance(key, sp.Indexed) and key.base == z:
                out[exp_symbol(*map(int, key.indices))] = sp.exp(self.walker.walk(sp.sympify(value), 2))
            else:
                out[key] = value
        return out


def _as_sum(expr):
    """``expr`` as c * sum_j f over one range, or None."""
    if expr == 0:
        return sp.Integer(0), None
    coeff, rest = expr.as_coeff_Mul()
    if isinstance(rest, sp.Sum) and len(rest.limits) == 1:
        return coeff, rest
    return None


def _termwise(left, right):
    """The summand of left - right when both are sums over the same range (else None)."""
    pl, pr = _as_sum(left), _as_sum(right)
    if pl is None or pr is None or (pl[1] is None and pr[1] is None):
        return None
    limits = (pl[1] or pr[1]).limits[0]
    var = limits[0]
    parts = []
    for coeff, s in (pl, pr):
        if s is None:
            parts.append(sp.Integer(0))
            continue
        if s.limits[0][1:] != limits[1:]:
            return None
        parts.append(coeff * s.function.xreplace({s.limits[0][0]: var}))
    return parts[0] - parts[1]


def _termwise_sign(forms, k, relation):
    """Sums compared term by term; for softmax outputs also with 0 < a_j < 1 (softmax-range),
    written a_j = 1/(1 + t_j), t_j > 0, which needs n >= 2."""
    weak = relation if relation in ("<=", ">=") else {"<": "<=", ">": ">="}[relation]
    d = forms.d
    views = [(forms.unfolded[k - 1], forms.unfolded[k], "sign, term by term")] if forms.n is None else []
    if d.model is SOFTMAX_CE and d.min_n >= 2:
        pair = (d.expressions[k - 1], d.expressions[k])
        if forms.n is None:
            raw = [unfold(e, d.model, keep_outputs=True) for e in pair]
        else:
            raw = [inst.instantiate(e, d.model, forms.n, forms.values, keep_outputs=True) for e in pair]
        if not any(e.has(sp.Derivative) or e.has(z) for e in raw):
            param = [e.replace(lambda q: isinstance(q, sp.Indexed) and q.base == a,
                               lambda q: 1 / (1 + t_range[q.indices])) for e in raw]
            views.append((*param, "sign, term by term, with 0 < a_j < 1 (softmax-range)"))
    for left, right, method in views:
        summand = _termwise(left, right) if forms.n is None else left - right
        if summand is None or holds(summand, weak) is not True:
            continue
        if relation in ("<=", ">=") or holds(summand, relation) is True:
            return Verdict(PROVED), None, method
    return None


def _check_pair(forms: _Forms, k: int, relation: str):
    """The verdict on step k (between expressions k-1 and k) of one instance."""
    d = forms.d
    if relation != "=":
        verdict = _termwise_sign(forms, k, relation)
        if verdict is not None:
            return verdict
    views = [(False, False)]
    if relation != "=" and forms.n is None and d.min_n >= 2:
        # A sum over j != i of positive terms is positive only when it has a term: n >= 2.
        views.insert(0, (False, True))
    if d.hypotheses:
        views += [(True, w) for _, w in views]
    for hyp, whole in views:
        left = forms.whole(k - 1, hyp) if whole else forms._get(k - 1, hyp, False)
        right = forms.whole(k, hyp) if whole else forms._get(k, hyp, False)
        prepared = None
        if relation == "=" and forms.n is not None and not whole:
            prepared = (forms.prepared(k - 1, hyp), forms.prepared(k, hyp))
        if _decide(left, right, relation, forms.exp_groups, prepared):
            method = "cancel" if relation == "=" else "sign"
            if hyp:
                names = tuple(h.name for h in d.hypotheses)
                return Verdict(PROVED_UNDER, names), None, method + " under hypotheses"
            return Verdict(PROVED), None, method
    return None, None, ""


def _refute(derivation, k, relation, n_value, values, seed):
    """Look for a counterexample on concrete instances, starting from the smallest n."""
    sum_y_one = SUM_Y_ONE in derivation.hypotheses
    candidates = [(n_value, [values])] if n_value is not None else [
        (q, inst.assignments(derivation.indices, derivation.distinct, q, _prev(derivation))[:3])
        for q in range(max(2, derivation.min_n), max(2, derivation.min_n) + 2)]
    exprs = derivation.expressions
    for q, vals in candidates:
        for v in vals:
            shared = walker(derivation.model, q, inst.PREV_LAYER_SIZE, inst.EXAMPLES)
            left = inst.instantiate(exprs[k - 1], derivation.model, q, v, shared)
            right = inst.instantiate(exprs[k], derivation.model, q, v, shared)
            if derivation.hypotheses:
                for h in derivation.hypotheses:
                    if h is not SUM_Y_ONE:
                        left, right = left.xreplace(h.rule(q)), right.xreplace(h.rule(q))
            if _nested_indices(left, right):
                # f_{y_1} and f_1 are one number when y_1 = 1; the route below draws them apart,
                # so the point is found as the numeric veto finds one, from the expressions as written.
                names = tuple(h.name for h in derivation.hypotheses)
                veto = veto_steps(derivation, {k: (relation, names)}, q, seed)[k]
                if veto.vetoed:
                    return veto.counterexample
                continue
            cx = find_counterexample(left, right, q, relation, sum_y_one, seed=seed)
            if cx is not None:
                if v:
                    cx.values.update({ix: sp.Integer(val) for ix, val in v.items()})
                return cx
    return None


def _nested_indices(*exprs):
    """Whether an entry is indexed by another entry (f_{y_i}: the class label as an index)."""
    return any(any(isinstance(ix, sp.Indexed) or ix.has(sp.Indexed) for ix in atom.indices)
               for e in exprs for atom in e.atoms(sp.Indexed))


def _prev(derivation):
    return derivation.prev_indices


def _unknowns_left(forms, k):
    """Why step k cannot be decided when its sides still differ by how undeclared quantities change, or ''.

    An undeclared letter on its own is any real number, and a step false for
    some value of it is refuted; but the derivative of an undeclared quantity
    (dE/dz_i) says how E depends on z, which the file never says: a step that
    turns on it is undecided, and the message names the letters and how to
    define them.
    """
    difference = forms.unfolded[k - 1] - forms.unfolded[k]
    if not any(u.name.startswith("∂") for u in unknown_atoms(difference) if isinstance(u, sp.Symbol)):
        return ""
    exprs = forms.d.expressions
    letters = sorted({(u.base.label if isinstance(u, sp.Indexed) else u).name.split("/")[0].lstrip("∂")
                      for u in unknown_atoms(exprs[k - 1]) | unknown_atoms(exprs[k])}) or ["an unknown quantity"]
    named = ", ".join(letters)
    return (f"depends on {named}, which the notation does not define; to decide it, say what "
            f"{letters[0]} is (% check: notation {letters[0]} = C if it is the cost, or "
            f"% check: define {letters[0]} = ...)")


def _apply_vetoes(steps, derivation, n_value, seed):
    """Every proved step must survive the numeric check from the expressions as written."""
    wanted = {s.index: (s.relation, s.verdict.hypotheses) for s in steps if s.verdict.ok}
    if not wanted:
        return
    vetoes = veto_steps(derivation, wanted, n_value, seed)
    for result in steps:
        if result.index in vetoes:
            _apply_veto(result, vetoes[result.index])


def _apply_veto(result: StepResult, veto):
    result.checked_points = veto.points
    result.checked_gap = veto.gap
    result.checked_n = veto.n_values
    if veto.vetoed:
        result.internal_error = (f"the symbolic route said {result.verdict} ({result.method}), "
                                 "the numeric check found the sides differ")
        result.verdict = Verdict(REFUTED)
        result.counterexample = veto.counterexample
        result.method = "counterexample from the numeric check"
    elif veto.unchecked:
        result.verdict = Verdict(UNDECIDED)
        result.method = f"reduced symbolically, but not checked numerically: {veto.reason}"


def check_chain(derivation: Derivation, n_value=None, seed=0) -> PartResult:
    """Check every step of ``derivation`` for general n (``None``) or one concrete n."""
    exprs = derivation.expressions
    if n_value is None:
        runs = [(None, {})]
    else:
        every = any(inst.names_fixed_class(e) for e in exprs)
        runs = [(n_value, v) for v in inst.assignments(
            derivation.indices, derivation.distinct, n_value, _prev(derivation), every)]
    per_step = {k: [] for k in range(1, len(exprs))}
    for q, values in runs:
        forms = _Forms(derivation, q, values)
        for k in range(1, len(exprs)):
            relation = derivation.steps[k - 1].relation
            verdict, cx, method = _check_pair(forms, k, relation)
            if verdict is None:
                unknown = _unknowns_left(forms, k)
                if unknown:
                    # A counterexample would only pick a value for what the file never defines.
                    verdict, cx, method = Verdict(UNDECIDED), None, unknown
                else:
                    cx = _refute(derivation, k, relation, q, values, seed)
                    verdict = Verdict(REFUTED) if cx else Verdict(UNDECIDED)
                    method = "counterexample" if cx else "no reduction, no counterexample"
            per_step[k].append((verdict, cx, method, values))
    steps = []
    for k in range(1, len(exprs)):
        step = derivation.steps[k - 1]
        results = per_step[k]
        verdict = worst(r[0] for r in results) if results else Verdict(PROVED)
        cx = next((r[1] for r in results if r[1] is not None), None)
        method = next((r[2] for r in results if r[0] == verdict), results[0][2] if results else "vacuous")
        result = StepResult(index=k, lhs=exprs[k - 1], rhs=exprs[k], relation=step.relation,
                            justification=step.justification, verdict=verdict, n=n_value,
                            counterexample=cx, method=method)
        steps.append(result)
    _apply_vetoes(steps, derivation, n_value, seed)
    return PartResult(id=derivation.id, title=derivation.title, n=n_value, steps=steps,
                      verdict=worst(s.verdict for s in steps))
