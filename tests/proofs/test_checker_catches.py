"""The step checker refutes wrong steps with a counterexample and never calls them proved."""

import sympy as sp
import pytest

from proofs import Derivation, Step, check_derivation
from proofs.hypotheses import SUM_Y_ONE
from proofs.notation import C, a, b, d, i, j, sum_all, w, y, z
from proofs.testing import assert_chain_proved, assert_step_refuted


def test_lemma_3_with_the_sign_flipped_is_refuted():
    wrong = Derivation("lemma 3, sign flipped", d(a[j], z[i]), (Step(a[i] * a[j], "lemma-3"),),
                       indices=(i, j), distinct=((i, j),), min_n=2)
    step = assert_step_refuted(wrong, 1)
    cx = step.counterexample
    assert cx.n == 2 and float(cx.lhs) == pytest.approx(-float(cx.rhs))


def test_lemma_4_without_sum_y_1_is_refuted():
    no_hypothesis = Derivation("lemma 4 without sum y = 1", d(C, z[i]), (Step(a[i] - y[i], "lemma-4"),),
                               indices=(i,))
    step = assert_step_refuted(no_hypothesis, 1)
    assert step.counterexample.n is not None and y[1] in step.counterexample.values


def test_lemma_4_with_sum_y_1_is_proved_under_it():
    chain = Derivation("lemma 4", d(C, z[i]), (Step(a[i] - y[i], "lemma-4"),),
                       indices=(i,), hypotheses=(SUM_Y_ONE,))
    parts = check_derivation(chain, (None, 2, 3))
    assert [str(p.verdict) for p in parts] == ["proved-under:sum-y-1"] * 3


def test_one_false_step_inserted_in_a_chain_is_found():
    chain = Derivation("lemma 2 with a false step", d(a[j], z[j]), (
        Step(a[j] - a[j] ** 2, "lemma-2"),
        Step(a[j] - 2 * a[j] ** 2, "algebra"),   # false: a factor 2 appeared
        Step(a[j] * (1 - a[j]), "algebra"),
    ), indices=(j,))
    parts = check_derivation(chain, (None, 2, 3))
    for part in parts:
        assert [s.verdict.kind for s in part.steps] == ["proved", "refuted", "refuted"]


def test_a_missing_factor_in_the_weight_gradient_is_refuted():
    wrong = Derivation("dC/dw without a_prev", d(C, w[j, i]), (Step(a[i] - y[i], "lemma-4"),),
                       indices=(i, j), prev_indices=(j,), hypotheses=(SUM_Y_ONE,))
    assert_step_refuted(wrong, 1)


def test_a_wrong_index_is_refuted():
    wrong = Derivation("dC/db_i with a_j", d(C, b[i]), (Step(a[j] - y[i], "lemma-4"),),
                       indices=(i, j), distinct=((i, j),), hypotheses=(SUM_Y_ONE,), min_n=2)
    assert_step_refuted(wrong, 1)


def test_a_true_chain_passes_the_helper():
    ok = Derivation("softmax sum", sum_all(a[j], j), (Step(sp.Integer(1), "softmax-sum"),))
    assert_chain_proved(ok)


def test_the_helper_message_shows_the_step_and_the_counterexample():
    wrong = Derivation("wrong lemma 1", d(C, a[j]), (Step(y[j] / a[j], "lemma-1"),), indices=(j,))
    with pytest.raises(AssertionError) as info:
        assert_chain_proved(wrong)
    message = str(info.value)
    assert "step 1 (lemma-1): refuted" in message
    assert "left:" in message and "right:" in message and "counterexample: n = 2" in message


def test_an_inequality_in_the_wrong_direction_is_refuted():
    wrong = Derivation("C <= 0", C, (Step(sp.Integer(0), "sign", "<="),), min_n=2)
    assert_step_refuted(wrong, 1)


def test_an_unprovable_but_true_looking_step_is_never_called_proved():
    # ln(a_j) <= a_j - 1 is true but outside what the checker can reduce for general n
    # after unfolding; it must come out proved or undecided, never refuted.
    chain = Derivation("ln bound", sp.log(a[j]), (Step(a[j] - 1, "ln-bound", "<="),), indices=(j,))
    for part in check_derivation(chain, (None, 2)):
        assert part.steps[0].verdict.kind in ("proved", "undecided")


from hypothesis import given, settings, strategies as st


@settings(max_examples=12, deadline=None)
@given(st.integers(-3, 3), st.sampled_from(["a_i y_i", "a_i^2", "y_i"]))
def test_lemma_4_plus_a_multiple_of_a_term_is_refuted_unless_the_multiple_is_0(c, term):
    extra = {"a_i y_i": a[i] * y[i], "a_i^2": a[i] ** 2, "y_i": y[i]}[term]
    chain = Derivation("perturbed lemma 4", d(C, z[i]), (Step(a[i] - y[i] + c * extra, "lemma-4"),),
                       indices=(i,), hypotheses=(SUM_Y_ONE,))
    kinds = {p.steps[0].verdict.kind for p in check_derivation(chain, (None, 2))}
    assert kinds == ({"proved-under"} if c == 0 else {"refuted"})
