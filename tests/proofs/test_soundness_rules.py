"""Rewrite rules are applied only where their conditions hold: each false step beside its true twin."""

import pytest
import sympy as sp

from proofs.derivation import Derivation, Step
from proofs.hypotheses import SUM_Y_ONE
from proofs.notation import C, a, b, d, i, j, k, l, n, p, sum_except, unknown, w, y, z
from proofs.stepcheck import check_chain

x = sp.Symbol("x", real=True)
E, F = unknown("E"), unknown("F")


def _verdicts(lhs, rhs, relation="=", indices=(j,), hypotheses=(), min_n=1):
    chain = Derivation(title="t", start=sp.sympify(lhs), steps=(Step(sp.sympify(rhs), "algebra", relation),),
                       indices=indices, hypotheses=hypotheses, min_n=min_n)
    return {q: check_chain(chain, q).steps[0].verdict.kind for q in (None, 2, 3)}


def _never_proved(*args, **kw):
    verdicts = _verdicts(*args, **kw)
    assert not any(v.startswith("proved") for v in verdicts.values()), verdicts


def _proved(*args, **kw):
    verdicts = _verdicts(*args, **kw)
    assert all(v.startswith("proved") for v in verdicts.values()), verdicts


# Nested sums: SymPy merges them into one Sum with several limits; none may be lost.
@pytest.mark.parametrize("lhs, rhs", [
    (sp.Sum(a[l], (l, 1, n), (k, 1, n)), 1),
    (sp.Sum(a[k] * a[l], (l, 1, n), (k, 1, n)), a[j]),
    (sp.Sum(y[l], (l, 1, n), (k, 1, n)), 1),
    (sp.Sum(a[l] * a[k] * a[p], (l, 1, n), (k, 1, n), (p, 1, n)), n),
    (sp.Sum(a[l], (l, 1, n), (k, 1, n), (p, 1, n)), n),
])
def test_a_nested_sum_that_loses_a_sum_is_not_proved(lhs, rhs):
    _never_proved(lhs, rhs)


@pytest.mark.parametrize("lhs, rhs", [
    (sp.Sum(a[k] * a[l], (l, 1, n), (k, 1, n)), 1),
    (sp.Sum(a[k] * a[l], (k, 1, n), (l, 1, n)), 1),
    (sp.Sum(a[l], (l, 1, n), (k, 1, n)), n),
    (sp.Sum(a[l] * a[k] * a[p], (l, 1, n), (k, 1, n), (p, 1, n)), 1),
    (sp.Sum(a[l] * y[k], (l, 1, n), (k, 1, n)), sp.Sum(y[k], (k, 1, n))),
])
def test_a_true_nested_sum_is_proved(lhs, rhs):
    _proved(lhs, rhs)


def test_an_empty_range_is_an_empty_sum():
    _never_proved(sp.Sum(1, (l, 3, 2)), -2)
    _proved(sp.Sum(1, (l, 3, 2)), 0, indices=())


# Logarithm and power rules on reals that may be negative.
@pytest.mark.parametrize("lhs, rhs", [
    (sp.log(z[1]) + sp.log(z[2]), sp.log(z[1] * z[2])),
    (sp.log(x * z[1]), sp.log(x) + sp.log(z[1])),
    (sp.log(x ** 2), 2 * sp.log(x)),
    (sp.sqrt(x ** 2), x),
    (sp.Abs(x), x),
])
def test_a_log_or_power_rule_needs_positive_arguments(lhs, rhs):
    _never_proved(lhs, rhs, indices=())


@pytest.mark.parametrize("lhs, rhs", [
    (sp.log(a[1]) + sp.log(a[2]), sp.log(a[1] * a[2])),
    (sp.log(sp.exp(z[j])), z[j]),
    (sp.log(a[j]), z[j] - sp.log(sp.Sum(sp.exp(z[l]), (l, 1, n)))),
    (sp.log(a[j] ** 2), 2 * sp.log(a[j])),
    (sp.sqrt(x ** 2), sp.Abs(x)),
])
def test_the_same_rules_where_they_hold(lhs, rhs):
    verdicts = _verdicts(lhs, rhs, indices=(j,))
    assert "refuted" not in verdicts.values(), verdicts
    assert any(v == "proved" for v in verdicts.values()), verdicts


# Unknown letters under a derivative are unknown, never constants.
@pytest.mark.parametrize("lhs, rhs", [
    (d(E, w[j, i]), 0),
    (d(E, w[j, i]), 2 * d(E, w[j, i])),
    (d(E * x, x), E),
    (d(E + F, z[i]), d(E, z[i])),
])
def test_the_derivative_of_an_unknown_quantity_is_not_zero(lhs, rhs):
    _never_proved(lhs, rhs, indices=(i, j))


@pytest.mark.parametrize("lhs, rhs", [
    (d(2 * E, w[j, i]), 2 * d(E, w[j, i])),
    (d(E * F, z[i]), E * d(F, z[i]) + F * d(E, z[i])),
    (d(E, E), 1),
    (d(x ** 2, x), 2 * x),
])
def test_rules_of_differentiation_hold_for_unknown_quantities(lhs, rhs):
    _proved(lhs, rhs, indices=(i, j))


# A sum over j != i is empty for n = 1: it is not positive there.
_SPLIT = sp.exp(z[j]) / (sp.exp(z[j]) + sum_except(sp.exp(z[l]), l, j))


def _below_one(min_n):
    chain = Derivation(title="t", start=a[j], steps=(Step(_SPLIT), Step(sp.Integer(1), "sign", "<")),
                       indices=(j,), min_n=min_n)
    return check_chain(chain, None).steps[1].verdict.kind


def test_a_j_below_one_is_not_proved_when_n_may_be_one():
    assert _below_one(1) != "proved"


def test_a_j_below_one_is_proved_for_n_at_least_two():
    assert _below_one(2) == "proved"


# The lecture's hypothesis is named where it is used, and never used silently.
def test_lemma_4_needs_sum_y_1():
    _never_proved(d(C, z[i]), a[i] - y[i], indices=(i,))
    verdicts = _verdicts(d(C, z[i]), a[i] - y[i], indices=(i,), hypotheses=(SUM_Y_ONE,))
    assert all(v == "proved-under" for v in verdicts.values()), verdicts


def test_sums_over_all_but_one_class():
    _proved(sum_except(a[j], j, i), 1 - a[i], indices=(i,))
    _never_proved(sum_except(a[j], j, i), 1, indices=(i,))


# A parameter of the output layer may appear itself, not only through z.
def test_the_derivative_of_a_bias_by_another_bias():
    _never_proved(d(b[j], b[i]), 0, indices=(i, j))
    _proved(d(b[j], b[i]), sp.KroneckerDelta(i, j), indices=(i, j))
    _proved(d(sp.Sum(b[k], (k, 1, n)), b[i]), 1, indices=(i,))
    _never_proved(d(sp.Sum(b[k], (k, 1, n)), b[i]), 0, indices=(i,))


def test_a_condition_on_an_index_is_decided_only_by_its_own_range():
    from proofs.normalform import IndexRanges
    from proofs.notation import m

    q = sp.Symbol("q", integer=True, positive=True)
    ranges = IndexRanges(prev=(p,))
    assert ranges.decide(sp.Le(i, n)) is True
    assert ranges.decide(sp.Le(p, m)) is True
    assert ranges.decide(sp.Le(i, m)) is None      # a class index need not be <= m
    assert ranges.decide(sp.Le(i, q)) is None      # nor <= any other letter
    assert ranges.decide(sp.Ge(i, 1)) is True


# z = b + sum w a^{(L-1)}: a derivative by an activation of layer L-1 goes through z.
def test_the_derivative_by_a_previous_activation_goes_through_z():
    from proofs.notation import a_prev, delta

    chain = dict(indices=(i, j))
    for lhs, wrong, right in [
        (d(z[i], a_prev[j]), 0, w[j, i]),
        (d(C, a_prev[j]), 0, sp.Sum(w[j, l] * delta[l], (l, 1, n))),
    ]:
        made = [Derivation(title="t", start=lhs, steps=(Step(sp.sympify(rhs)),), prev_indices=(j,), **chain)
                for rhs in (wrong, right)]
        assert not any(check_chain(made[0], q).steps[0].verdict.ok for q in (None, 2, 3))
        assert all(check_chain(made[1], q).steps[0].verdict.ok for q in (None, 2, 3))


def test_an_inner_limit_may_use_the_outer_index():
    lhs = sp.Sum(a[l], (l, 1, j), (j, 1, n))
    _never_proved(lhs, sp.Sum(a[l], (l, 1, n)), indices=())
    verdicts = _verdicts(lhs, sp.Sum((n - l + 1) * a[l], (l, 1, n)), indices=())
    assert "refuted" not in verdicts.values() and verdicts[2] == "proved", verdicts


# A step that turns on how an undefined quantity changes is undecided, not refuted.
def test_a_step_about_an_undefined_quantity_is_undecided_with_the_letter_named():
    chain = Derivation(title="t", start=d(E, z[i]), steps=(Step(a[i] - y[i]),), indices=(i,))
    step = check_chain(chain, None).steps[0]
    assert step.verdict.kind == "undecided" and "depends on E" in step.method
    false_for_every_e = Derivation(title="t", start=E, steps=(Step(E + 1),))
    assert check_chain(false_for_every_e, 2).steps[0].verdict.kind == "refuted"


def test_an_entry_of_an_unknown_letter_is_unknown_under_a_derivative():
    q = sp.IndexedBase(unknown("q"))
    _never_proved(d(q[j], z[i]), 0, indices=(i, j))
    _proved(d(2 * q[j], z[i]), 2 * d(q[j], z[i]), indices=(i, j))


def test_the_lecture_quantities_may_depend_on_an_unknown_variable():
    u = unknown("u")
    _never_proved(d(z[1], u), 0, indices=())
    _never_proved(d(u * a[1], u), a[1], indices=())
    _proved(d(u ** 2, u), 2 * u, indices=())
