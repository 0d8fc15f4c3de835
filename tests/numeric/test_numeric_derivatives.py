"""output_derivatives: complex-step derivatives agree with Lemmas 1-4 and tell wrong formulas apart."""

import numpy as np
import pytest

from numeric.cross_entropy import cost_of_outputs
from numeric.derivatives import complex_step_jacobian, output_derivatives


def point(n, seed):
    rng = np.random.default_rng(seed)
    raw = rng.uniform(0.05, 1.0, n)
    return rng.normal(0, 2, n), raw / raw.sum()


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_closed_formulas_of_the_lecture_hold(n):
    z, y = point(n, n)
    d = output_derivatives(z, y)
    assert d.dC_da.shape == (n,) and d.da_dz.shape == (n, n) and d.dC_dz.shape == (n,)
    assert np.allclose(d.dC_da, -y / d.a, rtol=1e-14, atol=0)                  # Lemma 1
    assert np.allclose(d.da_dz, np.diag(d.a) - np.outer(d.a, d.a), rtol=0, atol=1e-15)  # 2, 3
    assert np.allclose(d.dC_dz, d.a - y, rtol=0, atol=1e-15)                    # Lemma 4


def test_wrong_formulas_are_told_apart():
    z, y = point(4, 0)
    d = output_derivatives(z, y)
    gap = lambda u, v: float(np.max(np.abs(u - v)))
    assert gap(d.dC_da, y / d.a) > 0.1                              # sign flipped
    assert gap(d.da_dz, np.diag(d.a) + np.outer(d.a, d.a)) > 1e-3   # false step: + a a^T
    assert gap(d.dC_dz, d.a * (1 - d.a) - y) > 1e-3                 # a factor too many
    assert gap(d.dC_dz, y - d.a) > 1e-3


def test_jacobian_index_order_is_j_then_i():
    jac = complex_step_jacobian(lambda t: np.array([t[0] * t[1], t[1]]), np.array([2.0, 3.0]))
    assert np.array_equal(jac, [[3.0, 2.0], [0.0, 1.0]])


def test_class_label_and_free_outputs():
    d = output_derivatives([1.0, 2.0, 0.5], 1)
    assert np.array_equal(d.y, [0.0, 1.0, 0.0])
    assert float(cost_of_outputs(np.array([0.5, 0.25]), [1.0, 0.0])) == pytest.approx(np.log(2))


@pytest.mark.parametrize("z,y,words", [
    ([[1.0, 2.0]], [1.0, 0.0], "one finite real vector"),
    ([1.0, 2.0], 3, "out of range"),
    ([1.0, 2.0], [0.9, 0.9], "sums to"),
])
def test_bad_input_is_named(z, y, words):
    with pytest.raises(ValueError, match=words):
        output_derivatives(z, y)
