"""Microseconds per parameter of a full gradient check, for networks from 784-30-10 to 784-1200-10.

Workload per size: sigmoid hidden layers, softmax + cross-entropy, batch 10, float64, random
inputs in [0, 1) and one-hot targets (seed 0).  Columns, all timed in this one run:

* ``check_network``: every parameter, method auto (the complex step, propagated per neuron in
  batches);
* ``check_gradients central``: the same loss as a plain NumPy function f of the parameters,
  2 calls of f per entry (on a random sample of entries, so the big sizes finish);
* ``plain loop``: the textbook central difference, 2 calls per entry (same sample);
* ``scipy check_grad``: scipy.optimize.check_grad (forward differences, 1 call per entry) on
  the loss as a function of the sampled entries only (the others fixed).

The sampled columns are per parameter and do not depend on the sample size.
Run from the repository root: ``python benchmarks/bench_numeric_sizes.py [--sample K]``.
"""

import argparse
import pathlib
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # run from a checkout

from baseline import bare_loss, plain_loop  # noqa: E402  (this folder is the script's own)

from numeric import Network, check_gradients, check_network

SIZES = ([784, 30, 10], [784, 100, 10], [784, 300, 100, 10], [784, 1200, 10])
BATCH = 10


def sample_entries(params, k, rng):
    sizes = [p.size for p in params]
    flat = rng.choice(sum(sizes), size=min(k, sum(sizes)), replace=False)
    owners = np.searchsorted(np.cumsum(sizes), flat, side="right")
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return [(int(o), int(f - starts[o])) for o, f in zip(owners, flat)]


def scipy_check(params, X, Y, entries, grads):
    from scipy.optimize import check_grad

    work = [p.copy() for p in params]
    theta0 = np.array([params[k].reshape(-1)[i] for k, i in entries])
    g = np.array([grads[k].reshape(-1)[i] for k, i in entries])

    def f(theta):
        for (k, i), t in zip(entries, theta):
            work[k].reshape(-1)[i] = t
        return bare_loss(work, X, Y)

    return check_grad(f, lambda theta: g, theta0)


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=1000,
                        help="entries timed for the per-call columns (default 1000)")
    args = parser.parse_args()
    try:
        import scipy  # noqa: F401
        have_scipy = True
    except ImportError:
        have_scipy = False
        print("scipy is not installed: the scipy check_grad column is skipped")
    print(f"batch {BATCH}, float64; us per parameter (per-call columns on {args.sample} "
          "random entries)")
    head = (f"{'network':16s} {'parameters':>10s} {'check_network':>14s} "
            f"{'check_gradients':>16s} {'plain loop':>11s} {'scipy':>9s}  notes")
    print(head)
    for sizes in SIZES:
        rng = np.random.default_rng(0)
        net = Network(sizes, seed=rng)
        X = rng.random((BATCH, sizes[0]))
        Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], BATCH)]
        grads = net.gradients(X, Y)
        n = sum(p.size for p in net.params)
        sec, result = timed(lambda: check_network(net, X, Y, grads=grads))
        us_net = 1e6 * sec / n
        entries = sample_entries(net.params, args.sample, np.random.default_rng(1))
        f = lambda ps: bare_loss(ps, X, Y)
        sec_f, rf = timed(lambda: check_gradients(f, net.params, grads, method="central",
                                                  mode="sample", n_samples=args.sample, seed=0))
        us_f = 1e6 * sec_f / rf.n_checked
        sec_p, _ = timed(lambda: plain_loop(net.params, X, Y, entries))
        us_p = 1e6 * sec_p / len(entries)
        if have_scipy:
            sec_s, _ = timed(lambda: scipy_check(net.params, X, Y, entries, grads))
            us_s = f"{1e6 * sec_s / len(entries):9.1f}"
        else:
            us_s = f"{'-':>9s}"
        note = (f"check_network ok={result.ok} in {sec:.2f} s; check_gradients "
                f"{rf.calls / rf.n_checked:.2f} calls of f per entry")
        print(f"{'-'.join(map(str, sizes)):16s} {n:10d} {us_net:14.2f} {us_f:16.1f} "
              f"{us_p:11.1f} {us_s}  {note}")


if __name__ == "__main__":
    main()
