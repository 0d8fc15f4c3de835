"""check_gradients: the formats it accepts and refuses, float32 and kinks, what it could see, its cost."""

import numpy as np
import pytest

from numeric import check_gradients

RNG = np.random.default_rng(0)
X = RNG.random((20, 50))
T = RNG.random((20, 40))
W0 = RNG.standard_normal((50, 40)) * 0.1


def tanh_loss(W, dtype=np.float64):
    r = np.tanh(X.astype(dtype) @ W.astype(dtype)) - T.astype(dtype)
    return float(np.sum(r * r, dtype=dtype) / dtype(2))


def tanh_loss64(W):
    r = np.tanh(X @ W) - T
    return np.sum(r * r) / 2


def tanh_grad(W):
    z = np.tanh(X @ W)
    return X.T @ ((z - T) * (1 - z * z))


# -- formats ------------------------------------------------------------------------------
def test_dict_params_are_named_by_their_keys():
    params = {"W1": np.arange(12.0).reshape(3, 4) / 10, "b1": np.ones(4)}
    f = lambda p: np.sum(np.sin(p["W1"])) + np.sum(p["b1"] ** 2)
    grads = {"W1": np.cos(params["W1"]), "b1": 2 * params["b1"]}
    assert check_gradients(f, params, grads).ok
    grads["W1"] = grads["W1"].copy()
    grads["W1"][2, 3] += 1e-5
    result = check_gradients(f, params, grads)
    assert [e.label for e in result.mismatches] == ["W1[2, 3]"]
    assert "W1[2, 3]" in str(result)


def test_nested_lists_and_tuples_reach_f_in_their_own_structure():
    params = ([np.array([1.0, 2.0])], {"inner": (np.array([[0.5]]),)})
    seen = []

    def f(p):
        seen.append((type(p), type(p[0]), type(p[1]["inner"])))
        return np.sum(p[0][0] ** 2) + p[1]["inner"][0][0, 0] ** 3

    grads = ([np.array([2.0, 4.0])], {"inner": (np.array([[0.75]]),)})
    result = check_gradients(f, params, grads)
    assert result.ok and seen[0] == (tuple, list, tuple)
    grads[1]["inner"][0][0, 0] = -0.75
    assert [e.label for e in check_gradients(f, params, grads).mismatches] == \
        ["params[1].inner[0][0, 0]"]


@pytest.mark.parametrize("wrap", [lambda v: v, lambda v: np.array(v), lambda v: np.array([v]),
                                  lambda v: np.array([[v]])])
def test_f_may_return_a_float_a_0d_or_a_one_element_array(wrap):
    x = np.array([0.3, -0.7])
    assert check_gradients(lambda p: wrap(np.sum(p ** 2)), x, 2 * x).ok


def test_loss_and_grad_from_f_and_explicit_grads_win():
    x = np.array([0.3, -0.7])
    assert check_gradients(lambda p: (np.sum(p ** 2), 2 * p), x).ok
    assert not check_gradients(lambda p: (np.sum(p ** 2), 2 * p), x, grads=3 * x).ok


@pytest.mark.parametrize("f,words", [
    (lambda p: np.ones(3), r"f must return the loss as a float, a 0-d or one-element array, "
                           r"or a tuple \(loss, grad\); got an array of shape \(3,\)"),
    (lambda p: "loss", "f must return the loss as a float"),
    (lambda p: (1.0, 2.0, 3.0), "got a tuple of 3 items"),
    (lambda p: (np.sum(p), [p]), "the gradient returned by f must have the same structure"),
])
def test_bad_returns_name_the_expected_form(f, words):
    with pytest.raises(ValueError, match=words):
        check_gradients(f, np.ones(2), np.ones(2))


@pytest.mark.parametrize("params,words", [
    ([], "params is empty"),
    ({}, "params is empty"),
    ([np.zeros(0)], "holds no entries"),
    ("abc", "params must be a NumPy array, a list or tuple of arrays, a dict"),
    ([np.array(["a"])], "must hold real numbers"),
])
def test_bad_params_are_refused_clearly(params, words):
    with pytest.raises(ValueError, match=words):
        check_gradients(lambda p: 0.0, params, params)


def test_grads_in_another_structure_are_refused():
    params = {"W": np.ones((2, 2)), "b": np.ones(2)}
    with pytest.raises(ValueError, match="grads must have the same structure as params"):
        check_gradients(lambda p: 0.0, params, [np.ones((2, 2)), np.ones(2)])
    with pytest.raises(ValueError, match="grads is not given and f returns only a loss"):
        check_gradients(lambda p: 0.0, params)
    with pytest.raises(ValueError, match=r"gradient of b has shape \(3,\), expected \(2,\)"):
        check_gradients(lambda p: 0.0, params, {"W": np.ones((2, 2)), "b": np.ones(3)})


# -- precision ----------------------------------------------------------------------------
def test_a_correct_float32_function_passes_and_says_why():
    for method in ("auto", "central", "richardson"):
        result = check_gradients(lambda W: tanh_loss(W, np.float32), W0, tanh_grad(W0),
                                 method=method)
        assert result.ok, (method, str(result))
        assert "noisier than float64" in str(result) and "float32" in result.noise_note


def test_a_wrong_float32_gradient_still_fails():
    grads = tanh_grad(W0)
    k = np.unravel_index(np.argmax(np.abs(grads)), grads.shape)
    grads[k] *= 1.05  # the report says what it can see: about 1e-2 relative at best
    result = check_gradients(lambda W: tanh_loss(W, np.float32), W0, grads)
    assert result.method == "central" and "f is noisy" in result.reason
    assert [e.index for e in result.mismatches] == [tuple(int(i) for i in k)]
    result = check_gradients(lambda W: tanh_loss(W, np.float32), W0, -tanh_grad(W0))
    assert len(result.mismatches) > 0.9 * W0.size
    result = check_gradients(lambda W: tanh_loss(W, np.float32), W0, 0.5 * tanh_grad(W0))
    assert len(result.mismatches) > 0.9 * W0.size  # a factor 2 missing


def test_a_float64_function_is_not_called_noisy():
    result = check_gradients(tanh_loss, W0, tanh_grad(W0), method="central")
    assert result.ok and result.noise_note is None


# -- kinks --------------------------------------------------------------------------------
def relu_problem():
    rng = np.random.default_rng(1)
    Xr, W, v = rng.standard_normal((8, 6)), rng.standard_normal((6, 5)), rng.standard_normal(5)
    W[0, 2] -= (Xr[0] @ W[:, 2]) / Xr[0, 0]  # example 0 sits on the kink of unit 2
    f = lambda p: np.sum(np.maximum(Xr @ p[0], 0) @ p[1])

    def grad(p):
        z = Xr @ p[0]
        return [Xr.T @ ((z > 0) * p[1][None, :]), np.maximum(z, 0).sum(0)]
    return f, [W, v], grad


@pytest.mark.parametrize("method", ["auto", "central", "richardson"])
def test_a_relu_kink_is_no_false_alarm(method):
    f, params, grad = relu_problem()
    result = check_gradients(f, params, grad(params), method=method)
    assert result.ok, str(result)
    if method != "auto":
        assert {e.label for e in result.kinks} == {f"params[0][{j}, 2]" for j in range(6)}
        assert "at a kink" in str(result)


def test_a_bug_next_to_a_kink_is_still_a_mismatch():
    f, params, grad = relu_problem()
    grads = grad(params)
    grads[0][1, 0] *= -1
    result = check_gradients(f, params, grads, method="central")
    assert [e.label for e in result.mismatches] == ["params[0][1, 0]"]


# -- complex safety -----------------------------------------------------------------------
@pytest.mark.parametrize("f,cause", [
    (lambda p: np.sum(np.abs(p) ** 3), "imaginary part of f is 0"),
    (lambda p: np.linalg.norm(p) ** 2 * 1.5, "imaginary part of f is 0"),
    (lambda p: float(np.sum(p ** 3) / 2), "ComplexWarning|TypeError"),
    (lambda p: np.sum(p.astype(float) ** 3) / 2, "ComplexWarning"),
    (lambda p: np.sum(np.conj(p) ** 3) / 2, "not analytic"),
])
def test_non_analytic_f_is_refused_under_method_complex(f, cause):
    x = np.array([0.5, -1.5, 2.0])
    grads = {0: 3 * x * np.abs(x), 1: 3 * x}.get(0 if "abs" in str(f) else 1)
    with pytest.raises(ValueError, match=f"method='complex' needs f to be complex-safe.*({cause})"
                                         ".*use method='richardson'"):
        check_gradients(f, x, np.zeros(3), method="complex")
    assert check_gradients(f, x, np.zeros(3)).method == "richardson"


# -- what the check could see -------------------------------------------------------------
@pytest.mark.parametrize("method", ["central", "richardson", "complex"])
def test_the_reported_resolution_is_what_it_catches(method):
    grads = tanh_grad(W0)
    result = check_gradients(tanh_loss64, W0, grads, method=method)
    (name, best, median, absolute), = result.resolution
    assert name == "params" and not absolute and 0 < best <= median < 1e-5
    assert f"would catch an error of {best:.0e} or more in params" in str(result)
    k = np.argmax(np.abs(grads))
    for factor, caught in ((3 * median, True), (0.01 * best, False)):
        wrong = grads.copy()
        wrong.flat[k] *= 1 + factor
        assert check_gradients(tanh_loss64, W0, wrong, method=method).ok is not caught


# -- cost ---------------------------------------------------------------------------------
def test_central_makes_two_calls_per_entry():
    result = check_gradients(tanh_loss, W0, tanh_grad(W0), method="central")
    overhead = 1 + 8 + 12 * 4  # f(params), noise probe, truncation probes
    assert result.calls <= 2 * W0.size + overhead


def test_a_vectorized_f_gets_batches():
    rows = []

    def f(Ws):  # Ws has shape (m, 50, 40)
        rows.append(Ws.shape[0])
        r = np.tanh(np.einsum("xj,mji->mxi", X, Ws)) - T
        return 0.5 * np.sum(r * r, axis=(1, 2))

    result = check_gradients(f, W0, tanh_grad(W0), vectorized=True, batch_size=100)
    assert result.ok and max(rows) == 100 and result.calls < W0.size / 10
    grads = tanh_grad(W0)
    grads[7, 7] += 1e-6 * abs(grads[7, 7])
    bad = check_gradients(f, W0, grads, vectorized=True, batch_size=100)
    assert [e.label for e in bad.mismatches] == ["params[7, 7]"]


def test_f_failing_on_the_structure_it_gets_is_told_what_it_got():
    W = np.ones((2, 2))
    with pytest.raises(ValueError, match=r"f\(params\) raised AttributeError: .*f receives params "
                                         r"in the structure they were passed in \(a list of 1 "
                                         r"item \(1 array\)\)"):
        check_gradients(lambda w: w.dot(w).sum(), [W], [W])


def test_an_entry_the_probe_missed_falls_back_to_richardson_under_auto():
    # Analytic in x[0..2]; abs() on the way from x[3], whose small gradient no probe picks.
    f = lambda x: np.sum(x[:3] ** 3) + 0.01 * np.abs(x[3]) ** 3
    x = np.array([1.0, -2.0, 1.5, 0.7])
    g = np.array([3.0, 12.0, 6.75, 0.03 * 0.49])
    result = check_gradients(f, x, g, seed=0)
    assert result.ok and result.method == "complex"
    assert "at 1 entry the complex step disagreed with real differences" in result.reason
    with pytest.raises(ValueError, match=r"complex step gives 0 at params\[3\] but real "
                                         r"differences give 0.0147"):
        check_gradients(f, x, g, method="complex", seed=0)
    g[3] *= 1.1
    assert [e.label for e in check_gradients(f, x, g, seed=0).mismatches] == ["params[3]"]


def relu_float32_problem():
    rng = np.random.default_rng(3)
    Xr, y = rng.standard_normal((32, 30)), rng.integers(0, 5, 32)
    params = [rng.standard_normal((30, 20)) / 5, rng.standard_normal((20, 5)) / 4]

    def f(p):  # a ReLU network computed in float32 throughout
        W1, W2 = [q.astype(np.float32) for q in p]
        s = np.maximum(Xr.astype(np.float32) @ W1, 0) @ W2
        s = s - s.max(1, keepdims=True)
        return float(-(s - np.log(np.exp(s).sum(1, keepdims=True)))[np.arange(32), y].mean())

    def grad(p):
        z = Xr @ p[0]
        h = np.maximum(z, 0)
        s = h @ p[1]
        a = np.exp(s - s.max(1, keepdims=True))
        a /= a.sum(1, keepdims=True)
        a[np.arange(32), y] -= 1
        return [Xr.T @ ((a / 32 @ p[1].T) * (z > 0)), h.T @ a / 32]
    return f, params, grad


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_float32_relu_network_is_no_false_alarm_and_a_5_percent_error_is_named(seed):
    f, params, grad = relu_float32_problem()
    result = check_gradients(f, params, grad(params), seed=seed)
    assert result.ok, str(result)
    grads = grad(params)
    grads[0][10, 10] *= 1.05
    assert [e.label for e in check_gradients(f, params, grads, seed=seed).mismatches] == \
        ["params[0][10, 10]"]


def test_a_vectorized_f_must_return_one_loss_per_row():
    with pytest.raises(ValueError, match=r"with vectorized=True, f must return one loss per row "
                                         r"of the batch \(\d+ values\), got an array of shape \(\)"):
        check_gradients(lambda W: float(np.sum(W)), W0, W0, vectorized=True)


def test_ecnoise_recovers_the_noise_it_is_given_and_none_where_there_is_none():
    from numeric.gradcheck.probes import ecnoise

    rng = np.random.default_rng(0)
    t = np.arange(9) * 1e-3
    smooth = np.exp(t) + 2.0
    estimates = [ecnoise(smooth + rng.normal(0, 1e-8, 9)) for _ in range(50)]
    assert 0.5e-8 < np.median(estimates) < 2e-8
    assert ecnoise(smooth) < 1e-14  # float64 rounding only
    assert ecnoise(np.full(9, 3.0)) == 0.0
