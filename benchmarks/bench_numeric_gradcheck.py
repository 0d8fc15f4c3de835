"""Gradient checking of the 784-30-10 network: our checker vs torch, scipy and a plain loop.

Workload: 784-30-10 sigmoid network, softmax + cross-entropy, batch 10,
float64, 23 860 parameters, random inputs in [0, 1) and one-hot targets.
Everything is timed in this one run, so the ratios compare like with like.
Run from the repository root: ``python benchmarks/bench_numeric_gradcheck.py``.
"""

import pathlib
import sys
import time
import tracemalloc

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # run from a checkout

from baseline import bare_loss, plain_loop  # noqa: E402  (this folder is the script's own)

from numeric import Network, check_gradients, check_network
from numeric.gradcheck.breakage import break_backprop, default_entry_target

SIZES, BATCH, SEED = [784, 30, 10], 10, 0


def best_of(fn, repeat=3):
    best, out = np.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def workload():
    rng = np.random.default_rng(SEED)
    net = Network(SIZES, "sigmoid", "cross_entropy", seed=rng)
    X = rng.random((BATCH, SIZES[0]))
    Y = np.eye(SIZES[-1])[rng.integers(0, SIZES[-1], BATCH)]
    return net, X, Y


def flat(arrays):
    return np.concatenate([np.ravel(a) for a in arrays])


def torch_gradcheck(net, X, Y):
    import torch

    tX, tY = torch.tensor(X), torch.tensor(Y)
    params = [torch.tensor(p, requires_grad=True) for p in net.params]

    def loss(w1, b1, w2, b2):
        a1 = torch.sigmoid(tX @ w1 + b1)
        z2 = a1 @ w2 + b2
        return -(tY * torch.log_softmax(z2, dim=1)).sum(dim=1).mean()

    seconds, ok = best_of(lambda: torch.autograd.gradcheck(loss, params, fast_mode=False), 1)
    # gradcheck's numbers: central differences with eps=1e-6 against autograd.
    from torch.autograd.gradcheck import _get_numerical_jacobian

    per_input = _get_numerical_jacobian(loss, tuple(params), eps=1e-6)  # [input][output]
    numeric = flat([jac[0].detach().numpy() for jac in per_input])
    analytic = flat(torch.autograd.grad(loss(*params), params))
    return seconds, ok, numeric, analytic


def main():
    net, X, Y = workload()
    g = net.gradients(X, Y)
    ga = flat(g)
    n = ga.size
    print(f"workload: {'-'.join(map(str, SIZES))} sigmoid, softmax + cross-entropy, batch "
          f"{BATCH}, float64, {n} parameters")
    rows = []

    def rel(numeric):
        norm = np.linalg.norm(numeric - ga) / np.linalg.norm(ga)
        big = np.abs(ga) > 1e-3 * np.max(np.abs(ga))
        return norm, np.max(np.abs(numeric - ga)[big] / np.abs(ga)[big])

    torch_seconds = None
    try:
        t_sec, t_ok, t_num, t_an = torch_gradcheck(net, X, Y)
        torch_seconds = t_sec
        norm, worst = rel(t_num)
        rows.append(("torch.autograd.gradcheck (slow mode)", t_sec, norm, worst,
                     f"passed={t_ok}"))
    except ImportError:
        print("torch not installed: pip install torch==2.13.0 to include torch.autograd.gradcheck")

    try:
        from scipy.optimize import approx_fprime, check_grad

        def f(theta):
            return bare_loss(unflatten(theta, net.params), X, Y)

        def fprime(theta):
            return ga

        theta = flat(net.params)
        s_sec, s_err = best_of(lambda: check_grad(f, fprime, theta), 1)
        s_num = approx_fprime(theta, f)
        norm, worst = rel(s_num)
        rows.append(("scipy.optimize.check_grad (forward)", s_sec, norm, worst,
                     f"returns |diff| = {s_err:.1e}"))
    except ImportError:
        print("scipy not installed: skipping scipy.optimize.check_grad")

    p_sec, p_num = best_of(lambda: plain_loop(net.params, X, Y), 1)
    norm, worst = rel(p_num)
    rows.append(("plain NumPy central-difference loop", p_sec, norm, worst, "h = 1e-6"))

    for method in ("central", "auto"):
        seconds, r = best_of(lambda: check_gradients(lambda ps: bare_loss(ps, X, Y), net.params,
                                                     g, method=method, seed=0), 1)
        rows.append((f"numeric.check_gradients {method} (plain f)", seconds, r.norm_rel_error,
                     r.max_rel_error, f"ok={r.ok}, {r.method}, {r.calls / r.n_checked:.2f} calls "
                     "of f per entry"))
    for method in ("auto", "central", "richardson", "complex"):
        seconds, r = best_of(lambda: check_network(net, X, Y, method=method, grads=g))
        rows.append((f"numeric.check_network {method}, full", seconds, r.norm_rel_error,
                     r.max_rel_error, f"ok={r.ok}, fd error estimate {r.fd_norm_rel_error:.1e}"))
    for mode in ("fast", "sample"):
        seconds, r = best_of(lambda: check_network(net, X, Y, mode=mode, seed=0, grads=g))
        rows.append((f"numeric.check_network auto, {mode}", seconds, r.norm_rel_error,
                     r.max_rel_error, f"ok={r.ok}, {r.n_checked} checked"))

    print(f"\n{'checker':44s} {'seconds':>9s} {'norm rel err':>13s} {'max rel err':>12s}  notes")
    for name, sec, norm, worst, note in rows:
        print(f"{name:44s} {sec:9.4f} {norm:13.2e} {worst:12.2e}  {note}")

    full = [r for r in rows if r[0] == "numeric.check_network central, full"][0][1]
    if torch_seconds is not None:
        print(f"\nspeed-up of the full central check over torch gradcheck (slow mode): "
              f"{torch_seconds / full:.1f}x (goal >= 20x)")
    print(f"speed-up over the plain loop: {p_sec / full:.1f}x")

    target = default_entry_target(net, X, Y)
    broken = break_backprop(net, "entry", target=target, rel=1e-6)
    r = check_network(broken, X, Y)
    names = ", ".join(e.label for e in r.mismatches)
    print(f"\none entry off by 1e-6 relative ({net.param_names()[target[0]]}{list(target[1])}): "
          f"ok={r.ok}, named: {names}")

    tracemalloc.start()
    check_network(net, X, Y, grads=g)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of the full check, method auto (NumPy allocations): {peak / 2**20:.1f} MB "
          "(goal <= 500 MB)")


def unflatten(theta, like):
    out, k = [], 0
    for p in like:
        out.append(theta[k:k + p.size].reshape(p.shape))
        k += p.size
    return out


if __name__ == "__main__":
    main()
