r"""The lecture's fully connected network in NumPy, with backprop and minibatch SGD.

Layers are numbered as in the lecture: layer 0 is the input, layer L the
output.  Between layer l-1 and layer l there is a weight matrix and a bias,

.. math:: z_i^{(l)} = b_i^{(l)} + \sum_j w_{ji}^{(l)} a_j^{(l-1)}, \qquad
          a^{(l)} = \sigma(z^{(l)}) \ (l < L), \qquad a^{(L)} = \mathrm{softmax}(z^{(L)}).

Array layout: ``w[j, i]`` is the lecture's :math:`w_{ji}`, from neuron j of
layer l-1 to neuron i of layer l, so ``w`` has shape (n_prev, n_next); a
minibatch is a matrix with one example per row, and ``z = a @ w + b``.

Backprop starts from the output error of the cost (for softmax with
cross-entropy, :math:`\delta^L = a^L - y`) and uses the recursion
:math:`\delta^{(l)} = (\delta^{(l+1)} w^{(l+1)T}) \odot \sigma'(z^{(l)})`; then
:math:`\partial C/\partial b_i^{(l)} = \delta_i^{(l)}` and
:math:`\partial C/\partial w_{ji}^{(l)} = a_j^{(l-1)} \delta_i^{(l)}`, averaged
over the examples of the minibatch V (the lecture's
:math:`C = \frac{1}{|V|} \sum_{(x, y) \in V} C_x`).
"""

import numpy as np

from .activations import get_activation
from .costs import get_cost

__all__ = ["Network"]


def _check_sizes(sizes):
    """Return ``sizes`` as a list of ints after checking: at least two layers, each an integer >= 1.

    Only integers are accepted (Python or NumPy ints, not bool): a size such
    as 2.5 is refused rather than silently rounded.
    """
    expected = "sizes must list at least two layer sizes, each an integer >= 1 (e.g. [784, 30, 10])"
    try:
        items = list(sizes)
    except TypeError:
        raise ValueError(f"{expected}, got {sizes!r}") from None
    bad = [s for s in items if isinstance(s, (bool, np.bool_))
           or not isinstance(s, (int, np.integer)) or s < 1]
    if len(items) < 2 or bad:
        what = f" ({bad[0]!r} is not an integer >= 1)" if bad else ""
        raise ValueError(f"{expected}, got {sizes!r}{what}")
    return [int(s) for s in items]


class Network:
    """A fully connected network with a softmax (or sigmoid) output layer.

    ``sizes`` lists the number of neurons per layer, input first.  The hidden
    layers use ``activation`` ("sigmoid", "tanh" or "relu"); ``cost`` is
    "cross_entropy" (softmax output) or "quadratic" (sigmoid output).  Weights
    start as N(0, 1/n_prev) and biases as N(0, 1), drawn from
    ``numpy.random.default_rng(seed)`` (``seed`` may also be a Generator).

    ``params`` is the list ``[w1, b1, w2, b2, ...]``, layer by layer.
    """

    def __init__(self, sizes, activation="sigmoid", cost="cross_entropy", seed=None):
        self.sizes = _check_sizes(sizes)
        self.activation = get_activation(activation)
        self.cost = get_cost(cost)
        rng = np.random.default_rng(seed)
        self.params = []
        for n_prev, n_next in zip(self.sizes[:-1], self.sizes[1:]):
            self.params.append(rng.standard_normal((n_prev, n_next)) / np.sqrt(n_prev))
            self.params.append(rng.standard_normal(n_next))

    @classmethod
    def from_params(cls, params, activation="sigmoid", cost="cross_entropy"):
        """Return a network with the given ``[w1, b1, w2, b2, ...]`` (copied, float64)."""
        params = [np.array(p, dtype=float) for p in params]
        if len(params) < 2 or len(params) % 2:
            raise ValueError(f"params must be [w1, b1, w2, b2, ...], got {len(params)} arrays")
        sizes = [params[0].shape[0] if params[0].ndim == 2 else -1]
        for k in range(0, len(params), 2):
            w, b = params[k], params[k + 1]
            if w.ndim != 2 or b.shape != (w.shape[1],) or w.shape[0] != sizes[-1]:
                raise ValueError(f"layer {k // 2 + 1}: weights of shape {w.shape} and bias of "
                                 f"shape {b.shape} do not fit a layer after {sizes[-1]} neurons")
            sizes.append(w.shape[1])
        net = cls(sizes, activation, cost, seed=0)
        net.params = params
        return net

    @property
    def n_layers(self):
        """The number L of layers with weights (the output layer is layer L)."""
        return len(self.sizes) - 1

    def param_names(self):
        """Return names of the arrays of ``params``: ``["w1", "b1", "w2", "b2", ...]``."""
        return [f"{kind}{k // 2 + 1}" for k in range(len(self.params)) for kind in "wb"[k % 2]]

    # -- input checks ------------------------------------------------------
    def _check_x(self, X):
        X = np.asarray(X)
        if X.dtype.kind not in "iufc":
            raise TypeError(f"X must hold numbers, got dtype {X.dtype}")
        if X.ndim != 2 or X.shape[1] != self.sizes[0] or X.shape[0] == 0:
            raise ValueError(f"X has shape {X.shape}, expected (batch, {self.sizes[0]}) with "
                             "batch >= 1: one input vector per row")
        if not np.isfinite(X).all():
            raise ValueError("X contains NaN or inf")
        return X

    def _check_xy(self, X, Y):
        X = self._check_x(X)
        Y = np.asarray(Y)
        if Y.dtype.kind not in "iuf":
            raise TypeError(f"Y must hold real numbers (one-hot rows or probabilities), got "
                            f"dtype {Y.dtype}")
        if Y.shape != (X.shape[0], self.sizes[-1]):
            raise ValueError(f"Y has shape {Y.shape}, expected {(X.shape[0], self.sizes[-1])}: "
                             "one target vector (one-hot or probabilities) per row of X")
        return X, Y.astype(float)

    def _check_params(self, params):
        if params is None:
            return self.params
        params = list(params)
        if len(params) != len(self.params) or any(
                np.shape(p) != q.shape for p, q in zip(params, self.params)):
            raise ValueError("params must match net.params: shapes "
                             f"{[q.shape for q in self.params]}, got "
                             f"{[np.shape(p) for p in params]}")
        return [np.asarray(p) for p in params]

    # -- forward pass --------------------------------------------------------
    def forward(self, X, params=None):
        """Return ``(zs, activations)`` of a forward pass.

        ``zs[l - 1]`` is :math:`z^{(l)}` for l = 1..L and ``activations[l]`` is
        :math:`a^{(l)}` for l = 0..L (``activations[0]`` is X), one row per example.
        """
        params = self._check_params(params)
        a = self._check_x(X)
        zs, activations = [], [a]
        for k in range(0, len(params), 2):
            z = a @ params[k] + params[k + 1]  # z_i = sum_j a_j w_ji + b_i, for every row
            last = k == len(params) - 2
            a = self.cost.output(z) if last else self.activation.fn(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    def feedforward(self, X, params=None):
        """Return the output :math:`a^{(L)}` for each row of X."""
        return self.forward(X, params)[1][-1]

    def predict(self, X):
        """Return the predicted class (the index of the largest output) of each row of X."""
        return np.argmax(self.feedforward(X), axis=1)

    def accuracy(self, X, labels):
        """Return the fraction of rows of X whose predicted class equals ``labels``."""
        return float(np.mean(self.predict(X) == np.asarray(labels)))

    def loss(self, X, Y, params=None):
        """Return the mean cost :math:`C = \\frac{1}{|V|}\\sum_x C_x` over the rows of X and Y.

        With ``params`` the loss is evaluated there instead of at ``self.params``;
        complex parameters give a complex loss (for the complex step).
        """
        X, Y = self._check_xy(X, Y)
        params = self._check_params(params)
        a = X
        for k in range(0, len(params) - 2, 2):  # the hidden layers only
            a = self.activation.fn(a @ params[k] + params[k + 1])
        z = a @ params[-2] + params[-1]
        # The output activation is computed only for a cost that needs it (the
        # quadratic cost); cross-entropy is computed from z alone.
        out = self.cost.output(z) if getattr(self.cost, "needs_output", True) else None
        return np.mean(self.cost.fn(z, out, Y))[()]

    # -- backprop ------------------------------------------------------------
    def output_error(self, zs, activations, Y):
        r"""Return :math:`\delta^L` of each example divided by |V| (the mean over the batch)."""
        return self.cost.delta(zs[-1], activations[-1], Y) / Y.shape[0]

    def hidden_error(self, delta_next, w_next, z):
        r"""Return :math:`\delta^{(l)} = (\delta^{(l+1)} w^{(l+1)T}) \odot \sigma'(z^{(l)})`.

        With rows as examples, :math:`\sum_i w_{ji} \delta_i` is ``delta_next @ w_next.T``.
        """
        return (delta_next @ w_next.T) * self.activation.prime(z)

    def layer_gradients(self, a_prev, delta):
        r"""Return :math:`(\partial C/\partial w, \partial C/\partial b)` of one layer.

        ``dw[j, i]`` = :math:`\sum_x a_j^{(l-1)} \delta_i^{(l)}` = ``a_prev.T @ delta``.
        """
        return a_prev.T @ delta, delta.sum(axis=0)

    def gradients(self, X, Y):
        """Return the gradient of :meth:`loss` by backprop, a list matching ``params``."""
        X, Y = self._check_xy(X, Y)
        return self._backprop(X, Y)

    def _backprop(self, X, Y):
        zs, activations = self.forward(X)
        grads = [None] * len(self.params)
        delta = self.output_error(zs, activations, Y)
        for layer in range(self.n_layers, 0, -1):  # layer l = L, ..., 1
            k = 2 * (layer - 1)
            grads[k], grads[k + 1] = self.layer_gradients(activations[layer - 1], delta)
            if layer > 1:
                delta = self.hidden_error(delta, self.params[k], zs[layer - 2])
        return grads

    # -- training ------------------------------------------------------------
    def train(self, X, Y, epochs, batch_size=10, eta=0.5, seed=None, on_epoch=None):
        """Train by minibatch stochastic gradient descent; return ``self``.

        Each epoch shuffles the rows with ``numpy.random.default_rng(seed)`` and
        takes a step :math:`\\theta \\leftarrow \\theta - \\eta \\nabla C_V` per
        minibatch V.  ``on_epoch(epoch, net)`` is called after each epoch
        (epochs count from 1), e.g. to print progress or record a learning curve.
        """
        X, Y = self._check_xy(X, Y)
        for name, value, low in (("epochs", epochs, 0), ("batch_size", batch_size, 1)):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
                raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")
        if not (isinstance(eta, (int, float)) and np.isfinite(eta) and eta > 0):
            raise ValueError(f"eta must be a positive number, got {eta!r}")
        rng = np.random.default_rng(seed)
        n = X.shape[0]
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n)
            for start in range(0, n, batch_size):
                batch = order[start:start + batch_size]
                grads = self._backprop(X[batch], Y[batch])
                for p, g in zip(self.params, grads):
                    p -= eta * g
            if on_epoch is not None:
                on_epoch(epoch, self)
        return self
