"""The independent reference itself: it knows the lecture's facts and catches what is wrong.

The corpus's ground truth is only as good as soundmath and soundtex, so they are
checked here against facts proved by hand in the lecture and against steps whose
falsity is plain.
"""

import random

import pytest

import soundmath
from soundtex import read_chain, read_expr


def _value(text, n=3, seed=0, index=None, y_sums_to_1=False, letters=("x", "t")):
    point = soundmath.random_point(random.Random(seed), n, 2, set(letters), y_sums_to_1)
    point.index = dict(index or {})
    return soundmath.evaluate(read_expr(text), point)


def _close(left, right):
    return soundmath.holds("=", left, right)


def test_softmax_sums_to_one():
    assert _close(_value(r"\sum_{j=1}^{n} a_j"), 1)


def test_lemma_2_and_3_by_numerical_derivatives():
    for i, j in [(1, 1), (2, 2), (1, 3), (3, 2)]:
        derivative = _value(r"\frac{\partial a_j}{\partial z_i}", index={"i": i, "j": j})
        expected = _value("a_j (1 - a_j)" if i == j else "-a_i a_j", index={"i": i, "j": j})
        assert _close(derivative, expected)


def test_delta_is_a_minus_y_times_sum_of_y():
    for i in (1, 2, 3):
        left = _value(r"\delta_i", index={"i": i})
        right = _value(r"a_i \sum_{j=1}^{n} y_j - y_i", index={"i": i})
        assert _close(left, right)


def test_gradient_by_a_weight_goes_through_z():
    left = _value(r"\frac{\partial C}{\partial w_{ji}}", index={"i": 3, "j": 2})
    right = _value(r"a_j^{(L-1)} \delta_i", index={"i": 3, "j": 2})
    assert _close(left, right)


def test_empty_sum_is_zero_whatever_the_order_of_its_limits():
    assert _value(r"\sum_{j=3}^{1} a_j") == 0
    assert _value(r"\sum_{j=2}^{1} a_j") == 0


def test_sum_except_leaves_out_the_excluded_index():
    assert _close(_value(r"\sum_{j \ne i} a_j", index={"i": 2}), _value("1 - a_2"))


def test_logarithms_of_negative_reals_are_complex_on_the_principal_branch():
    point = soundmath.random_point(random.Random(1), 2, 1, {"x"})
    point.plain["x"] = soundmath.mpmath.mpf(-2)
    left = soundmath.evaluate(read_expr(r"\ln(x^2)"), point)
    right = soundmath.evaluate(read_expr(r"2 \ln x"), point)
    assert not _close(left, right)
    assert _close(left, soundmath.evaluate(read_expr(r"2 \ln \left| x \right|"), point))


def test_a_bound_index_shadows_a_free_one():
    assert _close(_value(r"z_i \sum_{i=1}^{n} a_i", index={"i": 2}), _value("z_2"))


def test_unknown_letters_depend_on_the_variables():
    assert _value(r"\frac{\partial E}{\partial w}", letters=("w",)) != 0


def test_chain_reading_splits_at_relations():
    chain = read_chain(r"C \ge 0 = \sum_{j=1}^{n} a_j - 1")
    assert [chain[1], chain[3]] == [">=", "="]


def test_body_of_a_sum_is_the_rest_of_the_product():
    assert _close(_value(r"\sum_{j=1}^{n} a_j z_j + 1"),
                  _value("a_1 z_1 + a_2 z_2 + a_3 z_3 + 1"))


def test_undefined_points_are_reported():
    with pytest.raises(soundmath.Undefined):
        _value(r"\frac{1}{a_1 - a_1}")
