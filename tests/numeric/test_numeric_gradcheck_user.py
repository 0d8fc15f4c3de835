"""check_gradients on code that no one here wrote: every format, the method it picks, what it sees.

The foreign implementations are in num_foreign.py (Nielsen's network2, micrograd, CS231n's
softmax_loss_vectorized), each with planted bugs; each test below needs only a few lines of glue.
"""

import numpy as np
import pytest

from numeric import check_gradients
from num_foreign import (mlp_value_and_grad, network2_cost, network2_data, network2_gradients,
                         two_layer_loss,
                         network2_init, softmax_loss_vectorized)

SIZES = [20, 8, 5]


@pytest.fixture(scope="module")
def network2():
    params = network2_init(SIZES, 0)
    data = network2_data(SIZES, 5, 1)
    return params, data, (lambda p: network2_cost(p, data))


def micrograd_setup(seed=0, sizes=(2, 4, 4, 1)):
    rng = np.random.default_rng(seed)
    params = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        params += [rng.standard_normal((n_out, n_in)), rng.standard_normal(n_out)]
    return params, rng.standard_normal((4, sizes[0])), rng.standard_normal(4)


def softmax_setup(seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((10, 4)) * 0.01, rng.standard_normal((6, 10)),
            rng.integers(0, 4, 6))


# -- Nielsen's network2: (nabla_b, nabla_w) as grads, the complex step by default ---------
def test_network2_correct_gradient_passes_with_the_complex_step(network2):
    params, data, f = network2
    result = check_gradients(f, params, network2_gradients(params, data))
    assert result.ok, str(result)
    assert result.method == "complex" and result.requested_method == "auto"
    assert "method complex (auto: f passed the complex-safety probe" in str(result)


def test_network2_one_entry_off_by_1e_6_is_caught_and_named(network2):
    params, data, f = network2
    grads = network2_gradients(params, data)
    grads[1][0][3, 7] *= 1 + 1e-6
    result = check_gradients(f, params, grads)
    assert [e.label for e in result.mismatches] == ["params[1][0][3, 7]"]


@pytest.mark.parametrize("bug", ["sign", "missing-prime"])
def test_network2_structural_bugs_are_caught(network2, bug):
    params, data, f = network2
    result = check_gradients(f, params, network2_gradients(params, data, bug=bug))
    assert not result.ok
    names = {e.param for e in result.mismatches}
    assert names == ({"params[0][0]", "params[0][1]", "params[1][0]", "params[1][1]"}
                     if bug == "sign" else {"params[0][0]", "params[1][0]"})


def test_the_default_central_and_richardson_catch_1e_6_on_the_largest_entry(network2):
    params, data, f = network2
    grads = network2_gradients(params, data)
    k = np.unravel_index(np.argmax(np.abs(grads[1][1])), grads[1][1].shape)
    grads[1][1][k] *= 1 + 1e-6
    for method in ("central", "richardson"):
        result = check_gradients(f, params, grads, method=method)
        assert [e.index for e in result.mismatches] == [tuple(int(i) for i in k)], method


# -- micrograd: Python floats, so not complex-safe: Richardson, and a ReLU ----------------
def test_micrograd_is_checked_by_richardson_and_says_why():
    params, xs, ys = micrograd_setup()
    result = check_gradients(lambda p: mlp_value_and_grad(p, xs, ys), params)
    assert result.ok, str(result)
    assert result.method == "richardson"
    assert "f is not complex-safe: f raised TypeError" in result.reason


def test_micrograd_relu_slope_bug_is_caught():
    params, xs, ys = micrograd_setup(1)
    f = lambda p: mlp_value_and_grad(p, xs, ys, "relu", bug="relu-slope")
    result = check_gradients(f, params)
    assert not result.ok and result.mismatches


def test_micrograd_one_entry_off_by_1e_6_is_caught_under_the_default_method():
    params, xs, ys = micrograd_setup(2)
    _, grads = mlp_value_and_grad(params, xs, ys)
    grads[2][np.unravel_index(np.argmax(np.abs(grads[2])), grads[2].shape)] *= 1 + 1e-6
    result = check_gradients(lambda p: mlp_value_and_grad(p, xs, ys)[0], params, grads)
    assert [e.param for e in result.mismatches] == ["params[2]"]


def test_micrograd_under_method_complex_is_refused_with_the_cause():
    params, xs, ys = micrograd_setup()
    with pytest.raises(ValueError, match=r"method='complex' needs f to be complex-safe.*"
                                         r"TypeError.*float\(\).*method='richardson'"):
        check_gradients(lambda p: mlp_value_and_grad(p, xs, ys), params, method="complex")


# -- CS231n: f returns (loss, dW); a single array ------------------------------------------
def test_softmax_loss_vectorized_gradient_taken_from_f():
    W, X, y = softmax_setup()
    result = check_gradients(lambda W: softmax_loss_vectorized(W, X, y, 0.1), W)
    assert result.ok and result.n_checked == W.size
    assert result.mismatches == []


def test_softmax_loss_vectorized_reg_factor_bug_is_caught():
    W, X, y = softmax_setup()
    result = check_gradients(lambda W: softmax_loss_vectorized(W, X, y, 0.1, "reg-factor"), W)
    assert not result.ok and len(result.mismatches) == W.size
    assert result.mismatches[0].label.startswith("params[")


# -- CS231n TwoLayerNet: dict of params, (loss, grads dict) in another key order ----------
def two_layer_setup(seed=0):
    rng = np.random.default_rng(seed)
    params = {"W1": rng.standard_normal((4, 10)) * 0.5, "b1": np.zeros(10),
              "W2": rng.standard_normal((10, 3)) * 0.5, "b2": np.zeros(3)}
    return params, rng.standard_normal((5, 4)), rng.integers(0, 3, 5)


def test_two_layer_net_with_dicts_passes_and_names_entries_by_key():
    params, X, y = two_layer_setup()
    result = check_gradients(lambda p: two_layer_loss(p, X, y), params)
    assert result.ok, str(result)
    assert [name for name, *_ in result.resolution] == ["W1", "b1", "W2", "b2"]


def test_two_layer_net_bugs_are_caught_and_named():
    params, X, y = two_layer_setup(1)
    result = check_gradients(lambda p: two_layer_loss(p, X, y, bug="no-reg-W1"), params)
    assert {e.param for e in result.mismatches} == {"W1"}
    _, grads = two_layer_loss(params, X, y)
    grads["W1"][1, 2] *= 1 + 1e-6
    result = check_gradients(lambda p: two_layer_loss(p, X, y)[0], params, grads)
    assert [e.label for e in result.mismatches] == ["W1[1, 2]"]


def test_micrograd_relu_exactly_at_a_kink_is_reported_as_a_kink_not_a_mismatch():
    params, xs, ys = micrograd_setup(0, sizes=(2, 4, 4, 1))
    z = params[0] @ xs[0] + params[1]
    params[1][1] -= z[1]  # example 0 sits on the kink of hidden unit 1
    result = check_gradients(lambda p: mlp_value_and_grad(p, xs, ys, "relu"), params, seed=0)
    assert result.ok, str(result)
    assert {"params[0][1, 0]", "params[0][1, 1]", "params[1][1]"} <= {e.label for e in result.kinks}
