r"""The output layer's derivatives for one example, as the network computes them.

This is the numeric side of the lecture's results, for comparison with the
symbolic expressions of ``proofs/``:

* :math:`a_j = e^{z_j}/\sum_l e^{z_l}` and :math:`C = -\sum_j y_j \ln a_j`;
* the softmax Jacobian :math:`J_{ji} = \partial a_j/\partial z_i` (Lemmas 2, 3);
* :math:`\partial C/\partial a_j = -y_j/a_j` (Lemma 1);
* :math:`\partial C/\partial z_i = a_i - y_i` (Lemma 4, :math:`\delta^L`);
* :math:`\partial C/\partial b_i = a_i - y_i` and
  :math:`\partial C/\partial w_{ji} = a_j^{(L-1)} (a_i - y_i)` (no slowdown).

``dC_dz``, ``dC_db`` and ``dC_dw`` come from the backprop code of
:class:`numeric.Network`: a one-layer network whose input is
:math:`a^{(L-1)}`, with :math:`w = 0` and :math:`b = z` (so that its
pre-activation is exactly z; the derivatives depend on w only through z),
is asked for its gradients.  So it is the network's own values that are
compared with the symbolic ones.
"""

from dataclasses import dataclass

import numpy as np

from ._inputs import one_example
from .network import Network
from .softmax import softmax_jacobian

__all__ = ["OutputLayerValues", "output_layer"]


@dataclass(frozen=True)
class OutputLayerValues:
    """Values and derivatives of the output layer at one example (NumPy arrays, n classes).

    ``jacobian[j, i]`` = da_j/dz_i; ``dC_dw[j, i]`` = dC/dw_ji, of shape
    (len(a_prev), n), or None when no ``a_prev`` was given.
    """

    z: np.ndarray
    y: np.ndarray
    a: np.ndarray
    C: float
    jacobian: np.ndarray
    dC_da: np.ndarray
    dC_dz: np.ndarray
    dC_db: np.ndarray
    dC_dw: object
    a_prev: object


def output_layer(z, y, a_prev=None):
    """Return :class:`OutputLayerValues` for logits ``z`` and target ``y`` of one example.

    ``z`` is a real vector of n logits; ``y`` a probability vector of length n
    or an integer class label; ``a_prev`` the activations
    :math:`a^{(L-1)}` of the previous layer (any length m >= 1), needed for
    ``dC_dw``.

    >>> v = output_layer([1.0, 2.0, 0.5], [0.0, 1.0, 0.0], a_prev=[0.5, 2.0])
    >>> bool(np.allclose(v.dC_dz, v.a - v.y)), v.dC_dw.shape
    (True, (2, 3))
    """
    z, y = one_example(z, y)
    n = z.size
    if a_prev is None:
        x = np.zeros(1)
    else:
        x = np.asarray(a_prev, dtype=float)
        if x.ndim != 1 or x.size == 0 or not np.isfinite(x).all():
            raise ValueError(f"a_prev must be a non-empty finite vector, got {a_prev!r}")
    net = Network.from_params([np.zeros((x.size, n)), z])  # z = a_prev @ 0 + z, exactly
    X, Y = x[None, :], np.asarray(y, dtype=float)[None, :]
    C = float(net.loss(X, Y))  # also checks that y is a probability vector
    zs, activations = net.forward(X)
    a = activations[-1][0]
    dC_dz = net.output_error(zs, activations, Y)[0]  # delta^L of a batch of one
    dC_dw, dC_db = net.gradients(X, Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        dC_da = np.where(Y[0] > 0, -Y[0] / a, 0.0)
    return OutputLayerValues(
        z=z, y=Y[0], a=a, C=C, jacobian=softmax_jacobian(z), dC_da=dC_da, dC_dz=dC_dz,
        dC_db=dC_db, dC_dw=None if a_prev is None else dC_dw, a_prev=None if a_prev is None else x)
