"""output_layer: the network's values for the lecture's formulas, checked independently."""

import mpmath
import numpy as np
import pytest

from numeric import output_layer


def test_lecture_formulas_hold_for_the_networks_values():
    rng = np.random.default_rng(0)
    z, y, a_prev = rng.standard_normal(4), np.array([0.1, 0.2, 0.3, 0.4]), rng.random(3)
    v = output_layer(z, y, a_prev)
    assert np.allclose(v.dC_dz, v.a - y, rtol=0, atol=1e-16)
    assert np.array_equal(v.dC_db, v.dC_dz)
    assert np.allclose(v.dC_dw, np.outer(a_prev, v.a - y), rtol=1e-15)
    assert np.allclose(v.jacobian.T @ v.dC_da, v.dC_dz, atol=1e-15)  # chain rule, Lemma 1-3


def test_against_mpmath_derivatives():
    z, y = [0.3, -1.2, 2.0], [0.0, 1.0, 0.0]
    v = output_layer(z, 1, a_prev=[2.0])
    mpmath.mp.dps = 40

    def C(*zz):
        s = mpmath.fsum(mpmath.exp(t) for t in zz)
        return -mpmath.fsum(yj * mpmath.log(mpmath.exp(t) / s) for yj, t in zip(y, zz))

    for i in range(3):
        exact = mpmath.diff(C, z, tuple(int(k == i) for k in range(3)))
        assert v.dC_dz[i] == pytest.approx(float(exact), rel=1e-14, abs=1e-16)
        assert v.dC_dw[0, i] == pytest.approx(2 * float(exact), rel=1e-14, abs=1e-16)


def test_without_a_prev_there_is_no_weight_gradient():
    v = output_layer([1.0, 2.0], [0.5, 0.5])
    assert v.dC_dw is None and v.a_prev is None and v.jacobian.shape == (2, 2)


@pytest.mark.parametrize("z,y,a_prev,words", [
    ([1.0, np.nan], [1.0, 0.0], None, "NaN"),
    ([1.0, 2.0], [0.7, 0.7], None, "sums to"),
    ([1.0, 2.0], 5, None, "out of range"),
    ([[1.0, 2.0]], [1.0, 0.0], None, "one finite real vector"),
    ([1.0, 2.0], [1.0, 0.0], [], "non-empty"),
])
def test_bad_input(z, y, a_prev, words):
    with pytest.raises(ValueError, match=words):
        output_layer(z, y, a_prev)
