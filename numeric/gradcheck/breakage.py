"""Networks whose backprop is wrong on purpose, to show that the checker catches each mistake.

Each class changes one step of :class:`numeric.Network`'s backprop the way
people get it wrong in practice; the forward pass (and so the loss that the
finite differences see) is untouched.
"""

import numpy as np

from ..network import Network

__all__ = ["BREAKAGES", "break_backprop", "default_entry_target"]


class _SignFlipped(Network):
    """delta^L = y - a instead of a - y."""

    def output_error(self, zs, activations, Y):
        return -super().output_error(zs, activations, Y)


class _MissingBatchMean(Network):
    """The output error not divided by |V|: the gradient of the sum, not the mean."""

    def output_error(self, zs, activations, Y):
        return self.cost.delta(zs[-1], activations[-1], Y)


class _TransposedWeight(Network):
    """delta^(l) computed with w instead of w^T wherever w is square (elsewhere shapes differ)."""

    def hidden_error(self, delta_next, w_next, z):
        if w_next.shape[0] != w_next.shape[1]:
            return super().hidden_error(delta_next, w_next, z)
        return (delta_next @ w_next) * self.activation.prime(z)


class _EntryOff(Network):
    """One gradient entry multiplied by (1 + rel)."""

    target = (0, (0, 0))
    rel = 1e-6

    def gradients(self, X, Y):
        grads = super().gradients(X, Y)
        k, index = self.target
        grads[k][index] *= 1.0 + self.rel
        return grads


BREAKAGES = {
    "sign": _SignFlipped,
    "batch-mean": _MissingBatchMean,
    "transpose": _TransposedWeight,
    "entry": _EntryOff,
}


def break_backprop(net, kind, target=None, rel=1e-6):
    """Return a copy of ``net`` (same parameters) whose backprop has the bug ``kind``.

    ``kind`` is "sign" (delta^L = y - a), "batch-mean" (no 1/|V|),
    "transpose" (w instead of w^T in the hidden-layer recursion) or "entry"
    (the entry ``target = (k, index)`` of ``params[k]`` off by ``rel``
    relative; :func:`default_entry_target` picks a well-resolved one).
    """
    try:
        cls = BREAKAGES[kind]
    except (KeyError, TypeError):
        raise ValueError(f"kind must be one of {sorted(BREAKAGES)}, got {kind!r}") from None
    if kind == "transpose" and not any(a == b for a, b in zip(net.sizes[1:-1], net.sizes[2:])):
        raise ValueError("the transposed-weight bug needs two consecutive layers of equal size "
                         f"after the first hidden layer, got sizes {net.sizes} (try 4,5,5,3)")
    broken = cls.from_params(net.params, net.activation, net.cost)
    if kind == "entry":
        if target is None:
            raise ValueError("kind='entry' needs target=(k, index); see default_entry_target")
        broken.target, broken.rel = target, rel
    return broken


def default_entry_target(net, X, Y):
    """Return (0, index) of the largest |dC/dw_ji| of the first layer: a well-resolved entry."""
    g = net.gradients(X, Y)[0]
    return 0, tuple(int(i) for i in np.unravel_index(np.argmax(np.abs(g)), g.shape))
