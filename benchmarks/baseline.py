"""What the gradient benchmarks compare against: a loss and a check as a plain NumPy script writes them.

``bare_loss`` is the network's cross-entropy with no input checks (sigmoid
hidden layers, the standard log-softmax); ``plain_loop`` is the textbook
check that perturbs each parameter entry by +-h and calls the loss twice.
"""

from __future__ import annotations

import numpy as np

__all__ = ["bare_loss", "plain_loop"]


def bare_loss(params, X, Y):
    """The loss as a plain NumPy script would write it (sigmoid layers, standard log-softmax)."""
    a = X
    for k in range(0, len(params) - 2, 2):
        a = 1.0 / (1.0 + np.exp(-(a @ params[k] + params[k + 1])))
    z = a @ params[-2] + params[-1]
    m = z.max(axis=1, keepdims=True)
    log_a = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return -np.mean(np.sum(Y * log_a, axis=1))


def plain_loop(params, X, Y, entries=None, h=1e-6):
    """Central differences of ``bare_loss`` at ``entries`` ((array, flat index) pairs; default every entry)."""
    params = [p.copy() for p in params]
    if entries is None:
        entries = [(k, i) for k, p in enumerate(params) for i in range(p.size)]
    out = np.empty(len(entries))
    for n, (k, i) in enumerate(entries):
        v = params[k].reshape(-1)
        old = v[i]
        v[i] = old + h
        up = bare_loss(params, X, Y)
        v[i] = old - h
        down = bare_loss(params, X, Y)
        v[i] = old
        out[n] = (up - down) / (2 * h)
    return out
