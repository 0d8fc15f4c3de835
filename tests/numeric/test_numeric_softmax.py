"""Softmax and log-softmax against 60-digit mpmath, on adversarial and random logits."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from numeric import log_softmax, softmax, softmax_jacobian
from num_adversarial import adversarial_logits
from num_mpref import ref_log_softmax, ref_softmax, ulp_error

TINY = np.finfo(float).tiny  # smallest normal float64
ULP_GOAL = 4.0


def worst_ulp(z, step=1):
    """Worst ULP error of softmax (normal range) and of log_softmax, over every `step`-th entry."""
    a, ls = softmax(z), log_softmax(z)
    ra, rl = ref_softmax(z), ref_log_softmax(z)
    idx = range(0, len(z), step)
    err_a = max((ulp_error(a[k], ra[k]) for k in idx if float(ra[k]) >= TINY), default=0.0)
    err_l = max((ulp_error(ls[k], rl[k]) for k in idx if rl[k] is not None), default=0.0)
    return err_a, err_l


@pytest.mark.parametrize("name,z", adversarial_logits(big=False))
def test_adversarial_within_4_ulp(name, z):
    err_a, err_l = worst_ulp(z)
    assert err_a <= ULP_GOAL, f"{name}: softmax {err_a} ULP"
    assert err_l <= ULP_GOAL, f"{name}: log_softmax {err_l} ULP"


def test_hundred_thousand_entries_within_4_ulp():
    name, z = adversarial_logits(big=True)[-1]
    # The mpmath reference is slow: check the maximal entry and every 997th entry.
    z = z.copy()
    z[0] = z.max() + 1.0
    err_a, err_l = worst_ulp(z, step=997)
    assert err_a <= ULP_GOAL and err_l <= ULP_GOAL


def test_dominant_log_softmax_keeps_relative_accuracy():
    # The usual z - max - log(sum) returns exactly 0 here; the true value is -e^-40 (1 + ...).
    z = np.array([0.0, -40.0])
    naive = z - z.max() - np.log(np.sum(np.exp(z - z.max())))
    assert naive[0] == 0.0
    assert ulp_error(log_softmax(z)[0], ref_log_softmax(z)[0]) <= 1.0


def test_minus_inf_logit_gives_exact_zero():
    a = softmax([0.0, -np.inf, 0.0])
    assert a[1] == 0.0 and a[0] == 0.5
    assert log_softmax([0.0, -np.inf])[1] == -np.inf


def test_no_overflow_or_nan_for_huge_logits():
    z = np.array([1e308, -1e308, 0.0])
    with np.errstate(all="raise"):
        a = softmax(z)
        ls = log_softmax(z)
    assert np.array_equal(a, [1.0, 0.0, 0.0])
    # ln a_2 = -2e308 is below the float range: -inf is its correct rounding.
    assert ls[0] == 0.0 and ls[2] == -1e308 and ls[1] == -np.inf


def test_axis_argument():
    rng = np.random.default_rng(1)
    z = rng.standard_normal((3, 4, 5))
    for axis in (0, 1, 2, -1):
        a = softmax(z, axis=axis)
        assert np.allclose(a.sum(axis=axis), 1.0, rtol=0, atol=4e-16)
        assert np.allclose(np.exp(log_softmax(z, axis=axis)), a, rtol=1e-15)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(2, 30),
              elements=st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)))
def test_property_within_4_ulp_of_mpmath(z):
    err_a, err_l = worst_ulp(z)
    assert err_a <= ULP_GOAL and err_l <= ULP_GOAL


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(1, 50),
              elements=st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False)))
def test_property_a_is_a_distribution(z):
    a = softmax(z)
    assert np.all((a >= 0) & (a <= 1))
    assert abs(a.sum() - 1.0) <= 8 * np.finfo(float).eps
    assert np.all(log_softmax(z) <= 0)


@pytest.mark.parametrize("bad,kind,words", [
    ([1.0, np.nan], ValueError, "NaN"),
    ([1.0, np.inf], ValueError, "+inf"),
    ([-np.inf, -np.inf], ValueError, "-inf everywhere"),
    ([], ValueError, "no entries"),
    (3.0, ValueError, "scalar"),
    (np.array(["a", "b"]), TypeError, "dtype <U1"),
    (np.array([True, False]), TypeError, "dtype bool"),
])
def test_bad_logits_are_named(bad, kind, words):
    with pytest.raises(kind, match=words.replace("+", r"\+")):
        softmax(bad)
    with pytest.raises(kind):
        log_softmax(bad)


def test_bad_axis_is_named():
    with pytest.raises(ValueError, match="axis=3"):
        softmax(np.zeros((2, 2)), axis=3)


def test_complex_step_through_softmax_gives_the_jacobian():
    # a_j is analytic in z: Im(a(z + i h e_k)) / h = da/dz_k to full precision.
    z = np.array([0.5, -1.25, 2.0, 0.0])
    h = 1e-30
    columns = [np.imag(softmax(z + 1j * h * np.eye(4)[k])) / h for k in range(4)]
    assert np.allclose(np.column_stack(columns), softmax_jacobian(z), rtol=1e-15, atol=1e-17)


def test_jacobian_is_lemmas_2_and_3():
    z = np.array([1.0, 2.0, 3.0])
    a = softmax(z)
    J = softmax_jacobian(z)
    assert np.isclose(J[1, 1], a[1] * (1 - a[1]))
    assert np.isclose(J[0, 2], -a[0] * a[2])


@pytest.mark.parametrize("z", [[742.0] + [0.0] * 9, [745.0, 0.0, 0.0, 0.0], [700.0, 0.0, 0.0],
                               [709.0, 0.3, -0.2], [4.61168602e18, 294.0]])
def test_a_subnormal_tail_keeps_the_maximal_class_within_4_ulp(z):
    # ln a of the maximal class is -T with T the sum of subnormal exponentials.
    z = np.array(z)
    assert worst_ulp(z)[1] <= ULP_GOAL
    assert np.all(log_softmax(z) <= 0)
