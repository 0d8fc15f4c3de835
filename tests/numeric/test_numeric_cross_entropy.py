"""Cross-entropy from logits: accuracy against mpmath, 0 ln 0 = 0, and input checks."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from numeric import cross_entropy, softmax
from num_mpref import ref_cross_entropy, ulp_error


def test_lecture_table_three_classes():
    # The lecture's example y = (1/2, 1/3, 1/6): the minimum over a is at a = y,
    # where C = -sum y ln y.
    y = np.array([0.5, 1 / 3, 1 / 6])
    z = np.log(y)
    assert np.isclose(cross_entropy(z, y), -np.sum(y * np.log(y)), rtol=1e-15)
    assert cross_entropy(z + [0.1, 0, 0], y) > cross_entropy(z, y)


def test_minus_inf_logit_with_zero_target_is_fine():
    # scipy, torch and jax return NaN here; 0 * ln 0 = 0.
    c = cross_entropy([2.0, -np.inf, 0.5], [0.25, 0.0, 0.75])
    assert np.isfinite(c)
    assert ulp_error(c, ref_cross_entropy([2.0, -np.inf, 0.5], [0.25, 0.0, 0.75])) <= 4


def test_minus_inf_logit_with_positive_target_is_infinite_loss():
    assert cross_entropy([0.0, -np.inf], [0.5, 0.5]) == np.inf


def test_labels_equal_one_hot():
    rng = np.random.default_rng(2)
    z = 20 * rng.standard_normal((6, 5))
    labels = rng.integers(0, 5, 6)
    assert np.array_equal(cross_entropy(z, labels), cross_entropy(z, np.eye(5)[labels]))


def test_confident_correct_class_keeps_relative_accuracy():
    z = np.array([0.0, -50.0, -60.0])
    assert ulp_error(cross_entropy(z, 0), ref_cross_entropy(z, [1, 0, 0])) <= 2


def test_axis_and_shape():
    z = np.zeros((3, 4, 2))
    assert cross_entropy(z, np.full((3, 4, 2), 0.5)).shape == (3, 4)
    assert cross_entropy(z, np.zeros((4, 2), dtype=int), axis=0).shape == (4, 2)


@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, st.integers(2, 20),
              elements=st.floats(-700, 700, allow_nan=False, allow_infinity=False)),
       st.data())
def test_property_within_4_ulp_of_mpmath(z, data):
    w = data.draw(arrays(np.float64, z.shape, elements=st.floats(0, 1)))
    if w.sum() == 0:
        w[0] = 1.0
    y = w / w.sum()
    y = y / y.sum()
    c = cross_entropy(z, y)
    assert c >= 0
    exact = ref_cross_entropy(z, y)
    if float(exact) > 1e-300:
        assert ulp_error(c, exact) <= 4


@pytest.mark.parametrize("y,kind,words", [
    ([0.5, 0.6], ValueError, "sums to 1.1"),
    ([1.5, -0.5], ValueError, "negative entry -0.5"),
    ([0.5, np.nan], ValueError, "must be finite"),
    ([1.0, 0.0, 0.0], ValueError, r"shape \(3,\)"),
    (np.array([True, False]), TypeError, "bool"),
    (np.array(["x", "y"]), TypeError, "dtype"),
    (np.array([0.5 + 0j, 0.5]), TypeError, "real numbers"),
    (np.int64(2), ValueError, "label 2"),
    (np.array([0, 1]), ValueError, "labels of shape"),
])
def test_bad_targets_are_named(y, kind, words):
    with pytest.raises(kind, match=words):
        cross_entropy([1.0, 2.0], y)


def test_complex_logits_are_analytic():
    z = np.array([0.3, -0.2, 1.1])
    y = np.array([0.2, 0.3, 0.5])
    h = 1e-30
    grad = [np.imag(cross_entropy(z + 1j * h * np.eye(3)[k], y)) / h for k in range(3)]
    # The lecture's delta = a - y, by the complex step.
    assert np.allclose(grad, softmax(z) - y, rtol=1e-15, atol=1e-17)


@pytest.mark.parametrize("cost", ["cross_entropy", "quadratic"])
def test_network_loss_without_the_output_pass_equals_the_cost_of_the_forward_pass(cost):
    from numeric import Network

    net = Network([6, 5, 4], cost=cost, seed=3)
    rng = np.random.default_rng(3)
    X, Y = rng.random((7, 6)), np.eye(4)[rng.integers(0, 4, 7)]
    zs, acts = net.forward(X)
    assert net.loss(X, Y) == np.mean(net.cost.fn(zs[-1], acts[-1], Y))
