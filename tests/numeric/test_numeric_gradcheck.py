"""The gradient checker: it passes correct backprop and names each deliberately broken one."""

import subprocess
import sys

import numpy as np
import pytest

from numeric import Network, check_gradients, check_network
from numeric.gradcheck.breakage import break_backprop, default_entry_target


def batch(net, size=8, seed=1):
    rng = np.random.default_rng(seed)
    X = rng.random((size, net.sizes[0]))
    Y = np.eye(net.sizes[-1])[rng.integers(0, net.sizes[-1], size)]
    return X, Y


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("cost", ["cross_entropy", "quadratic"])
@pytest.mark.parametrize("method", ["central", "richardson", "complex"])
def test_correct_backprop_passes(activation, cost, method):
    net = Network([5, 6, 6, 4], activation, cost, seed=2)
    X, Y = batch(net)
    result = check_network(net, X, Y, method=method)
    assert result.ok, str(result)
    assert result.n_checked == sum(p.size for p in net.params)


def test_accuracy_goals_on_a_small_network():
    net = Network([20, 8, 5], seed=3)
    X, Y = batch(net, 10)
    assert check_network(net, X, Y, method="central").norm_rel_error <= 1e-9
    assert check_network(net, X, Y, method="richardson").norm_rel_error <= 1e-12
    assert check_network(net, X, Y, method="complex").norm_rel_error <= 1e-15


def test_sign_flip_is_caught_everywhere():
    net = Network([5, 6, 4], seed=4)
    X, Y = batch(net)
    result = check_network(break_backprop(net, "sign"), X, Y)
    assert not result.ok
    assert len(result.mismatches) > 0.9 * result.n_checked


def test_missing_batch_mean_is_caught():
    net = Network([5, 6, 4], seed=5)
    X, Y = batch(net)
    result = check_network(break_backprop(net, "batch-mean"), X, Y)
    assert not result.ok
    worst = result.mismatches[0]
    assert worst.analytic == pytest.approx(len(X) * worst.numeric, rel=1e-9)


def test_transposed_weight_is_caught_in_the_layers_below_it():
    net = Network([4, 5, 5, 3], seed=6)
    X, Y = batch(net)
    result = check_network(break_backprop(net, "transpose"), X, Y)
    assert not result.ok
    # The bug is in delta^(1), computed from w2: layers 1 are wrong, layers 2 and 3 are fine.
    assert {e.param for e in result.mismatches} <= {"w1", "b1"}
    assert {e.param for e in result.mismatches} == {"w1", "b1"}


@pytest.mark.parametrize("method", ["central", "richardson", "complex"])
def test_one_entry_off_by_1e_6_is_named(method):
    net = Network([30, 10, 5], seed=7)
    X, Y = batch(net, 10)
    target = (2, (3, 1))  # w2[j=3, i=1]
    broken = break_backprop(net, "entry", target=target, rel=1e-6)
    result = check_network(broken, X, Y, method=method)
    assert not result.ok
    assert len(result.mismatches) == 1
    entry = result.mismatches[0]
    assert (entry.param, entry.layer, entry.index) == ("w2", 2, (3, 1))
    assert entry.label == "w2[j=3, i=1]"
    assert entry.analytic == pytest.approx(entry.numeric * (1 + 1e-6), rel=1e-9)


def test_one_entry_off_in_a_784_30_10_network():
    net = Network([784, 30, 10], seed=8)
    X, Y = batch(net, 10)
    target = default_entry_target(net, X, Y)
    result = check_network(break_backprop(net, "entry", target=target), X, Y)
    assert [(e.param, e.index) for e in result.mismatches] == [("w1", target[1])]


def test_fast_mode_sees_a_bias_next_to_a_big_matrix():
    net = Network([200, 20, 5], seed=9)
    X, Y = batch(net)
    grads = net.gradients(X, Y)
    grads[3] = grads[3] * (1 + 1e-5)  # b2 only
    result = check_network(net, X, Y, mode="fast", grads=grads, seed=0)
    assert [e.param for e in result.mismatches] == ["b2"]
    assert result.mismatches[0].index == ("direction", 0)


def test_sample_mode_checks_every_array():
    net = Network([50, 10, 5], seed=10)
    X, Y = batch(net)
    result = check_network(net, X, Y, mode="sample", n_samples=40, seed=0, top=100)
    assert result.ok and result.n_checked == 10 + 10 + 10 + 5
    assert {e.param for e in result.worst} == {"w1", "b1", "w2", "b2"}


def test_relu_kink_is_reported_as_a_kink():
    net = Network([3, 4, 2], "relu", seed=11)
    X, Y = batch(net, 4)
    z = X @ net.params[0] + net.params[1]
    net.params[1][2] -= z[0, 2]  # example 0 sits on the kink of hidden neuron 2
    result = check_network(net, X, Y, method="central")
    assert result.ok
    assert ("b1", (2,)) in [(e.param, e.index) for e in result.kinks]
    # The complex step (the default) takes the branch that backprop takes: no kink to report.
    assert check_network(net, X, Y).ok


def test_plain_function_and_named_entry():
    def f(p):
        x, y = p
        return float(np.sum(np.sin(x)) + np.sum(y ** 3)) if not np.iscomplexobj(x) else \
            np.sum(np.sin(x)) + np.sum(y ** 3)

    x, y = np.linspace(0, 1, 6).reshape(2, 3), np.array([0.5, -2.0])
    grads = [np.cos(x), 3 * y ** 2]
    for method in ("central", "richardson", "complex"):
        assert check_gradients(f, [x, y], grads, method=method).ok
    grads[0] = grads[0].copy()
    grads[0][1, 2] += 1e-4
    result = check_gradients(f, [x, y], grads)
    assert [e.label for e in result.mismatches] == ["params[0][1, 2]"]
    assert "params[0][1, 2]" in str(result)


def test_relative_error_is_zero_for_zero_gradients():
    result = check_gradients(lambda p: 3.0, [np.zeros(3)], [np.zeros(3)])
    assert result.ok and result.max_rel_error == 0.0


@pytest.mark.parametrize("kwargs,words", [
    ({"method": "forward"}, "method must be one of"),
    ({"mode": "some"}, "mode must be one of"),
    ({"n_samples": 0}, "n_samples must be a positive integer"),
])
def test_bad_options_are_named(kwargs, words):
    net = Network([3, 2], seed=0)
    X, Y = batch(net, 2)
    with pytest.raises(ValueError, match=words):
        check_network(net, X, Y, **kwargs)


def test_bad_gradients_are_named():
    net = Network([3, 2], seed=0)
    X, Y = batch(net, 2)
    with pytest.raises(ValueError, match=r"gradient of w1 has shape \(2, 3\)"):
        check_network(net, X, Y, grads=[np.zeros((2, 3)), np.zeros(2)])


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "numeric.gradcheck", *args],
                          capture_output=True, text=True, timeout=120)


def test_cli_ok_and_mismatch_exit_codes():
    ok = run_cli("--sizes", "6,5,3", "--method", "complex")
    assert ok.returncode == 0 and "result: OK" in ok.stdout
    bad = run_cli("--sizes", "6,5,3", "--break", "entry")
    assert bad.returncode == 1 and "MISMATCH in 1 of 53 entries" in bad.stdout


@pytest.mark.parametrize("args", [["--sizes", "7"], ["--method", "x"], ["--batch", "0"],
                                  ["--sizes", "4,5,3", "--break", "transpose"]])
def test_cli_bad_arguments_one_line_exit_2(args):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_deep_network_one_entry_off_in_the_first_layer_is_named_by_the_batched_complex_step(
        activation):
    net = Network([40, 16, 12, 8, 5], activation, seed=12)
    X, Y = batch(net, 10)
    target = default_entry_target(net, X, Y)
    result = check_network(break_backprop(net, "entry", target=target), X, Y)
    assert result.method == "complex" and result.requested_method == "auto"
    assert [(e.param, e.index) for e in result.mismatches] == [("w1", target[1])]
    assert check_network(net, X, Y).ok


def test_deep_network_transposed_weight_is_caught_by_the_default_method():
    net = Network([6, 5, 5, 5, 3], seed=13)
    X, Y = batch(net)
    result = check_network(break_backprop(net, "transpose"), X, Y)
    assert not result.ok and {"w1", "b1"} <= {e.param for e in result.mismatches}


def test_empty_batch_is_refused():
    net = Network([3, 2], seed=0)
    with pytest.raises(ValueError, match=r"X has shape \(0, 3\), expected \(batch, 3\) with "
                                         r"batch >= 1"):
        check_network(net, np.zeros((0, 3)), np.zeros((0, 2)))
