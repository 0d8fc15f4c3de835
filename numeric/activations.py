r"""Activation functions of the hidden layers, one table entry each.

Each :class:`Activation` holds the function :math:`\sigma(z)`, its derivative
:math:`\sigma'(z)` (used by backprop) and its difference
:math:`\sigma(z + \Delta) - \sigma(z)` written so that it does not cancel (used
by the gradient checker to evaluate the change of the loss accurately).  All
three accept complex arrays and are analytic there, so the complex step can
pass through a network; ReLU is analytic away from its kink and decides its
branch by the real part.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

__all__ = ["Activation", "ACTIVATIONS", "get_activation", "sigmoid", "sigmoid_prime"]


def sigmoid(z):
    r"""Return :math:`\sigma(z) = 1/(1 + e^{-z})` without overflow for large :math:`|z|`.

    For Re z < 0 the equal form :math:`e^{z}/(1 + e^{z})` is used, so the
    exponential never exceeds 1; both forms are analytic.
    """
    z = np.asarray(z)
    if not np.iscomplexobj(z):
        e = np.exp(-np.abs(z))
        r = 1.0 / (1.0 + e)
        return np.where(z >= 0, r, e * r)
    out = np.empty(z.shape, dtype=np.result_type(z, 1.0))
    pos = z.real >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def sigmoid_prime(z):
    r"""Return :math:`\sigma'(z) = \sigma(z)\,(1 - \sigma(z)) = \sigma(z)\,\sigma(-z)`."""
    return sigmoid(z) * sigmoid(-z)


def _sigmoid_diff(z, dz):
    # sigma(z+dz) - sigma(z) = sigma(z+dz) sigma(-z) (1 - e^{-dz}): no cancellation.
    return sigmoid(z + dz) * sigmoid(-z) * -np.expm1(-dz), None


def _tanh_prime(z):
    return 1.0 - np.tanh(z) ** 2


def _tanh_diff(z, dz):
    # tanh(u) - tanh(v) = sinh(u - v) / (cosh u cosh v).
    with np.errstate(over="ignore"):
        return np.sinh(dz) / (np.cosh(z + dz) * np.cosh(z)), None


def _relu(z):
    z = np.asarray(z)
    return np.where(z.real > 0, z, 0.0 * z)


def _relu_prime(z):
    return (np.asarray(z).real > 0).astype(float)


def _relu_diff(z, dz):
    # Without a kink the difference is dz (both sides active) or 0; where z and
    # z + dz lie on different sides of 0 the kink flag is set.
    before = z.real > 0
    after = (z + dz).real > 0
    kink = before != after
    diff = np.where(before, dz, 0.0 * dz)
    if kink.any():
        diff = np.where(kink, _relu(z + dz) - _relu(z), diff)
    return diff, kink


@dataclass(frozen=True)
class Activation:
    """A hidden-layer activation: the function, its derivative and its difference.

    ``diff(z, dz)`` returns ``(sigma(z + dz) - sigma(z), kink)``, where ``kink``
    is ``None`` for a smooth function, or a boolean array marking where the
    interval between z and z + dz contains a point of non-differentiability.
    """

    name: str
    fn: Callable
    prime: Callable
    diff: Callable


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime, _sigmoid_diff),
    "tanh": Activation("tanh", np.tanh, _tanh_prime, _tanh_diff),
    "relu": Activation("relu", _relu, _relu_prime, _relu_diff),
}


def get_activation(name):
    """Return the :class:`Activation` called ``name`` (an Activation is passed through)."""
    if isinstance(name, Activation):
        return name
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {name!r}") from None
