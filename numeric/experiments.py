r"""The data behind the handouts' figures: output distributions and the learning slowdown.

Both functions are deterministic (fixed seeds), take a few seconds, and
return plain Python and NumPy data; drawing is left to ``reports/``.

* :func:`output_distributions`: for a few held-out digits, the 8x8 image and
  the output :math:`a^{(L)}` of a trained network, a probability distribution
  over the ten digits (the lecture: ":math:`a_4` is the probability that the
  input is a 4").
* :func:`slowdown_experiment`: the same network and data trained from a badly
  saturated output layer with (1) sigmoid outputs and the quadratic cost and
  (2) softmax and cross-entropy.  With (1),
  :math:`\partial C/\partial b_i = (a_i - y_i)\,\sigma'(z_i)` is tiny while
  :math:`\sigma'(z)` is; with (2), :math:`\partial C/\partial b_i = a_i - y_i`
  (claim ``no-slowdown`` of ``proofs/``), so learning starts at once.
"""

import numpy as np

from .activations import sigmoid_prime
from .digits import get_dataset
from .network import Network

__all__ = ["train_digits", "output_distributions", "slowdown_experiment"]

CLAIM = "no-slowdown"


def train_digits(data="digits", sizes=(64, 30, 10), epochs=30, batch_size=10, eta=0.5,
                 seed=0, on_epoch=None):
    """Return ``(net, dataset)``: a softmax + cross-entropy network trained by minibatch SGD.

    ``data`` is "digits" (needs scikit-learn), "synthetic" or a
    :class:`~numeric.digits.Dataset`.  Initial weights, the split and the
    order of minibatches all derive from ``seed``.
    """
    d = get_dataset(data, seed=seed)
    net = Network(list(sizes), "sigmoid", "cross_entropy", seed=seed)
    net.train(d.X_train, d.Y_train, epochs, batch_size, eta, seed=seed + 1, on_epoch=on_epoch)
    return net, d


def output_distributions(net=None, data="digits", count=6, seed=0):
    """Return, for ``count`` held-out digits, the image and the network's output distribution.

    Without ``net`` a 64-30-10 network is trained first (:func:`train_digits`).
    The digits are the first ``count - 1`` of the held-out set plus the one the
    network is least sure about (lowest top probability), if not already
    among them.  Each item is a dict::

        {"index": int,             # row in the held-out set
         "image": (8, 8) array,    # pixel intensities in [0, 1]
         "a": (10,) array,         # a^{(L)}: a[j] = probability that it is digit j
         "sum": float,             # sum of a, checked to be 1 within 1e-12
         "label": int,             # the correct digit
         "predicted": int}         # argmax of a
    """
    if net is None:
        net, d = train_digits(data, seed=seed)
    else:
        d = get_dataset(data, seed=seed)
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count!r}")
    a_all = net.feedforward(d.X_test)
    picks = list(range(min(count - 1, len(a_all))))
    unsure = int(np.argmin(a_all.max(axis=1)))
    picks.append(unsure if unsure not in picks else count - 1)
    out = []
    for i in picks:
        a = a_all[i]
        total = float(np.sum(a))
        if abs(total - 1.0) > 1e-12:
            raise AssertionError(f"output of held-out digit {i} sums to {total!r}, not 1")
        out.append({"index": int(i), "image": d.X_test[i].reshape(8, 8), "a": a.copy(),
                    "sum": total, "label": int(d.labels_test[i]),
                    "predicted": int(np.argmax(a))})
    return out


def _saturate(net, saturation):
    """Scale the output weights by ``saturation`` and set the output biases to +saturation.

    Every output neuron starts with a large z, so a sigmoid output sits near 1
    where sigma'(z) is near 0, for nine wrong classes out of ten.
    """
    net.params[-2] *= saturation
    net.params[-1][:] = saturation


def _record(net, d, history):
    zs, activations = net.forward(d.X_train)
    z, a = zs[-1], activations[-1]
    delta = net.cost.delta(z, a, d.Y_train)  # dC_x/dz^{(L)} = dC_x/db^{(L)} per example
    history["cost"].append(float(np.mean(net.cost.fn(z, a, d.Y_train))))
    history["accuracy"].append(net.accuracy(d.X_test, d.labels_test))
    history["bias_grad"].append(float(np.linalg.norm(delta.mean(axis=0))))
    history["sigma_prime"].append(float(np.mean(sigmoid_prime(z))))


def slowdown_experiment(data="digits", epochs=30, saturation=6.0, hidden=30, eta=0.5,
                        batch_size=10, seed=0):
    """Train the same saturated network with the quadratic and the cross-entropy cost.

    Both runs start from identical parameters (a 64-``hidden``-10 network whose
    output layer is saturated, see ``saturation``) and use the same minibatch
    order.  ``data`` is "digits" (scikit-learn), "synthetic" (no extra
    dependency) or a Dataset.  Returns::

        {"claim": "no-slowdown", "data": "digits" | "synthetic",
         "epochs": [0, 1, ..., epochs],          # 0 = before training
         "setups": {
            "quadratic":     {"cost": [...], "accuracy": [...],
                              "bias_grad": [...], "sigma_prime": [...]},
            "cross_entropy": {... the same keys ...}},
         "params": {"saturation": ..., "eta": ..., "batch_size": ..., "hidden": ..., "seed": ...}}

    Per epoch: ``cost`` is the mean training cost of that setup, ``accuracy``
    the held-out accuracy (a fraction), ``bias_grad`` the Euclidean norm of
    the output-bias gradient :math:`\\partial C/\\partial b^{(L)}` over the
    training set, and ``sigma_prime`` the mean of :math:`\\sigma'(z_i^{(L)})`
    over training examples and output neurons (the factor the quadratic
    cost's gradient carries and cross-entropy's does not).
    """
    d = get_dataset(data, seed=seed)
    start = Network([d.X_train.shape[1], hidden, 10], seed=seed)
    _saturate(start, saturation)
    setups = {}
    for cost in ("quadratic", "cross_entropy"):
        net = Network.from_params(start.params, "sigmoid", cost)
        history = {"cost": [], "accuracy": [], "bias_grad": [], "sigma_prime": []}
        _record(net, d, history)
        net.train(d.X_train, d.Y_train, epochs, batch_size, eta, seed=seed + 1,
                  on_epoch=lambda epoch, n: _record(n, d, history))
        setups[cost] = history
    return {"claim": CLAIM, "data": d.name, "epochs": list(range(epochs + 1)), "setups": setups,
            "params": {"saturation": saturation, "eta": eta, "batch_size": batch_size,
                       "hidden": hidden, "seed": seed}}
