"""The numeric veto: a proved step must survive evaluation from the expressions as written."""

import pytest
import sympy as sp

import proofs
from proofs import stepcheck
from proofs.asread import NotEvaluable, Point, Undefined, evaluate_as_read
from proofs.derivation import Derivation, Step
from proofs.hypotheses import SUM_Y_ONE
from proofs.notation import C, SOFTMAX_CE, a, a_prev, b, d, i, j, n, sum_all, unknown, w, y, z
from proofs.veto import numeric_veto


def _point(**kw):
    return Point(3, indices={i: 1, j: 2}, seed=7, model=SOFTMAX_CE, **kw)


def test_lemma_4_as_written_agrees_with_a_minus_y_where_y_sums_to_1():
    p = _point(sum_y_one=True)
    left = evaluate_as_read(d(C, z[i]), p)
    assert abs(left - evaluate_as_read(a[i] - y[i], p)) < 1e-12


def test_lemma_4_without_sum_y_1_differs_from_a_minus_y():
    p = _point()
    left = evaluate_as_read(d(C, z[i]), p)
    assert abs(left - evaluate_as_read(a[i] - y[i], p)) > 1e-6
    assert abs(left - evaluate_as_read(a[i] * sum_all(y[j], j) - y[i], _point())) < 1e-12


def test_derivatives_by_weights_follow_z_through_b_plus_sum_w_a():
    p = _point(sum_y_one=True)
    left = evaluate_as_read(d(C, w[j, i]), p)
    assert abs(left - evaluate_as_read(a_prev[j] * (a[i] - y[i]), p)) < 1e-12
    # a sign flipped is seen
    assert abs(left - evaluate_as_read(a_prev[j] * (y[i] - a[i]), p)) > 1e-6
    assert abs(evaluate_as_read(d(C, b[i]), p) - evaluate_as_read(a[i] - y[i], p)) < 1e-12


def test_the_jacobian_and_lemma_1_as_written():
    p = _point()
    assert abs(evaluate_as_read(d(a[j], z[i]), p) + evaluate_as_read(a[i] * a[j], p)) < 1e-12
    assert abs(evaluate_as_read(d(C, a[j]), p) + evaluate_as_read(y[j] / a[j], p)) < 1e-12


def test_an_empty_range_adds_nothing():
    k = sp.Symbol("k", integer=True)
    assert evaluate_as_read(sp.Sum(y[k], (k, 3, 2)), _point()) == 0


def test_a_logarithm_of_a_negative_number_is_undefined_not_complex():
    x = sp.Symbol("x", real=True)
    with pytest.raises(Undefined):
        evaluate_as_read(sp.log(-x ** 2 - 1), _point())


def test_an_unknown_construct_is_named():
    with pytest.raises(NotEvaluable, match="Integral"):
        evaluate_as_read(sp.Integral(z[i], (z[i], 0, 1)), _point())


def test_unknown_letters_depend_on_what_a_derivative_moves():
    E = unknown("E")
    p = _point()
    assert evaluate_as_read(d(E, w[j, i]), p) != 0
    assert abs(evaluate_as_read(d(2 * E, w[j, i]), p) - 2 * evaluate_as_read(d(E, w[j, i]), p)) < 1e-12


def _chain(lhs, rhs, hypotheses=(), indices=(i,), relation="="):
    return Derivation(title="t", start=lhs, steps=(Step(rhs, "algebra", relation),),
                      hypotheses=hypotheses, indices=indices)


def test_the_veto_refutes_a_false_step_and_passes_a_true_one():
    false = numeric_veto(_chain(d(C, z[i]), y[i] - a[i], (SUM_Y_ONE,)), 1, "=", ("sum-y-1",))
    assert false.vetoed and false.counterexample.n in (1, 2, 3)
    true = numeric_veto(_chain(d(C, z[i]), a[i] - y[i], (SUM_Y_ONE,)), 1, "=", ("sum-y-1",))
    assert not true.vetoed and true.points >= 4


def test_the_veto_checks_inequalities():
    assert numeric_veto(_chain(C, sp.Integer(0), relation="<=", indices=()), 1, "<=").vetoed
    assert not numeric_veto(_chain(C, sp.Integer(0), relation=">=", indices=()), 1, ">=").vetoed


def test_sqrt_of_a_square_is_not_the_letter_itself():
    x = sp.Symbol("x", real=True)
    assert numeric_veto(_chain(sp.sqrt(x ** 2), x, indices=()), 1, "=").vetoed
    assert not numeric_veto(_chain(sp.sqrt(x ** 2), sp.Abs(x), indices=()), 1, "=").vetoed


def test_an_unsound_symbolic_route_is_caught_and_recorded(monkeypatch):
    # Pretend the symbolic route proves everything: the veto must still refuse a false step.
    monkeypatch.setattr(stepcheck, "_decide", lambda *args, **kw: True)
    part = stepcheck.check_chain(_chain(d(C, z[i]), a[i] + y[i]), None)
    step = part.steps[0]
    assert step.verdict.kind == "refuted"
    assert "numeric check found the sides differ" in step.internal_error
    assert step.counterexample is not None


def test_a_step_that_cannot_be_evaluated_is_not_proved(monkeypatch):
    monkeypatch.setattr(stepcheck, "_decide", lambda *args, **kw: True)
    weird = sp.Integral(z[i], (z[i], 0, 1))
    step = stepcheck.check_chain(_chain(weird, weird), None).steps[0]
    assert step.verdict.kind == "undecided"
    assert "not checked numerically" in step.method


@pytest.mark.parametrize("claim_id", [c.id for c in proofs.claims()])
def test_no_built_in_step_is_vetoed_and_every_proved_step_was_evaluated(claim_id):
    result = proofs.prove(claim_id, n=3, numeric=False)
    for part in result.parts:
        for step in part.steps:
            assert step.internal_error == "", (part.title, step.index, step.internal_error)
            if step.verdict.ok:
                assert step.checked_points > 0, (part.title, step.index, step.method)


def test_the_variable_of_a_derivative_inside_a_sum_takes_each_value():
    # d C/d a_j has no free j for SymPy; the chain rule summed over j must still see every j.
    p = Point(3, indices={i: 1}, seed=3, model=SOFTMAX_CE)
    chain_rule = sp.Sum(d(C, a[j]) * d(a[j], z[i]), (j, 1, n))
    assert abs(evaluate_as_read(chain_rule, p) - evaluate_as_read(d(C, z[i]), p)) < 1e-12


def test_network_evidence_for_lemma_1_is_independent_of_the_lemmas_formula(monkeypatch):
    # The network side is complex-step differentiation of numeric's own cost: a wrong closed
    # formula for dC/da in the network's output-layer values cannot make the evidence agree.
    import dataclasses

    import numeric

    real = numeric.output_layer

    def wrong(*args, **kw):
        values = real(*args, **kw)
        return dataclasses.replace(values, dC_da=values.dC_da * 0 + 123.0)

    monkeypatch.setattr(numeric, "output_layer", wrong)
    result = proofs.prove("lemma-1", n=2)
    assert result.numeric.network_gap < 1e-12
