"""Network.loss against a plain NumPy forward pass with the standard log-softmax, in one run.

Workload: 784-30-10 sigmoid network, softmax + cross-entropy, batch 10, float64.  Both are
timed best of 5 runs of 2000 calls; the ratio is the figure to compare (goal <= 5).  The
accuracy of Network.loss is the reference softmax's (a few ULP, see bench_numeric_softmax.py).
Run from the repository root: ``python benchmarks/bench_numeric_loss.py``.
"""

import pathlib
import sys
import timeit

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))  # run from a checkout

from numeric import Network

SIZES, BATCH, CALLS = [784, 30, 10], 10, 2000


def main():
    rng = np.random.default_rng(0)
    net = Network(SIZES, seed=rng)
    X = rng.random((BATCH, SIZES[0]))
    Y = np.eye(SIZES[-1])[rng.integers(0, SIZES[-1], BATCH)]
    w1, b1, w2, b2 = net.params

    def plain():
        a1 = 1.0 / (1.0 + np.exp(-(X @ w1 + b1)))
        z2 = a1 @ w2 + b2
        m = z2.max(axis=1, keepdims=True)
        log_a = z2 - m - np.log(np.exp(z2 - m).sum(axis=1, keepdims=True))
        return -np.mean(np.sum(Y * log_a, axis=1))

    ours = min(timeit.repeat(lambda: net.loss(X, Y), number=CALLS, repeat=5)) / CALLS
    base = min(timeit.repeat(plain, number=CALLS, repeat=5)) / CALLS
    print(f"workload: {'-'.join(map(str, SIZES))}, batch {BATCH}, float64")
    print(f"Network.loss            {1e6 * ours:8.1f} us")
    print(f"plain NumPy forward     {1e6 * base:8.1f} us")
    print(f"ratio                   {ours / base:8.2f}  (goal <= 5)")
    print(f"difference of the two losses: {abs(float(net.loss(X, Y)) - plain()):.1e}")


if __name__ == "__main__":
    main()
