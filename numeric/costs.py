r"""Costs of the output layer, in the style of Nielsen's ``network2.py``.

A cost is a small class with static methods; the network is handed the class
and never asks which one it got.  Each cost also fixes the activation of the
output layer, because the lecture's result :math:`\delta^L = a^L - y` holds for
the pair softmax + cross-entropy:

* ``output(z)``: the output activation :math:`a^{(L)}` as a function of :math:`z^{(L)}`;
* ``fn(z, a, y)``: the cost of each example (one value per row);
* ``delta(z, a, y)``: the output error :math:`\delta^L = \partial C/\partial z^{(L)}` per example;
* ``diff(z, a, y, dz)``: the change of ``fn`` when z becomes z + dz, written
  without cancellation; the gradient checker uses it to evaluate finite
  differences to nearly full precision.

Arrays hold one example per row: ``z[x, i]`` is :math:`z_i^{(L)}` of example x.
"""

import math

import numpy as np

from .activations import sigmoid, sigmoid_prime
from .cross_entropy import cross_entropy
from .gradcheck.tolerances import RANK1_LIMIT, RANK1_TAIL, SERIES_SWITCH as _SMALL, SERIES_TIGHT
from .softmax import softmax

__all__ = ["CrossEntropyCost", "QuadraticCost", "COSTS", "get_cost"]



def _expm1_minus_x(x):
    """Return e^x - 1 - x; a Taylor series for small |x| avoids cancellation."""
    series = x * x * (0.5 + x * (1 / 6 + x * (1 / 24 + x * (1 / 120 + x / 720))))
    if np.max(np.abs(x), initial=0.0) < _SMALL:
        return series
    with np.errstate(over="ignore", invalid="ignore"):
        direct = np.expm1(x) - x
    return np.where(np.abs(x) < _SMALL, series, direct)


def _log1p_minus_x(s):
    """Return ln(1 + s) - s; a Taylor series for small |s| avoids cancellation."""
    s_max = np.max(np.abs(s), initial=0.0)
    if s_max < SERIES_TIGHT:
        return s * s * (-0.5 + s * (1 / 3 - 0.25 * s))
    series = s * s * (-0.5 + s * (1 / 3 + s * (-0.25 + s * (0.2 - s / 6))))
    if s_max < _SMALL:
        return series
    with np.errstate(divide="ignore", invalid="ignore"):
        direct = np.log1p(s) - s
    return np.where(np.abs(s) < _SMALL, series, direct)


class CrossEntropyCost:
    r"""Softmax output with the cross-entropy :math:`C = -\sum_j y_j \ln a_j^{(L)}`.

    The lecture's central result is that for this pair the output error is
    simply :math:`\delta_i^L = \partial C/\partial z_i = a_i - y_i`: the
    :math:`\sigma'(z)` factor that slows learning with the quadratic cost is gone.
    """

    name = "cross_entropy"
    needs_output = False  # fn is computed from the logits z; Network.loss skips softmax

    @staticmethod
    def output(z):
        """Return the softmax of each row of z."""
        return softmax(z, axis=-1)

    @staticmethod
    def fn(z, a, y):
        """Return C of each example, computed from the logits z for accuracy.

        ``a`` is not used here; it is kept so that every cost has the same interface.
        """
        return cross_entropy(z, y, axis=-1)

    @staticmethod
    def delta(z, a, y):
        r"""Return :math:`\delta^L = a - y` (Lemma 4 of the lecture); z is not used."""
        return a - y

    @staticmethod
    def diff(z, a, y, dz):
        r"""Return :math:`C(z + \Delta z) - C(z)` for each example, without cancellation.

        With :math:`\sum_k y_k = 1`, :math:`C = \ln\sum_k e^{z_k} - \sum_k y_k z_k`, so

        .. math:: \Delta C = \ln\bigl(1 + S\bigr) - \sum_k y_k \Delta z_k,
                  \qquad S = \sum_k a_k (e^{\Delta z_k} - 1),

        which is regrouped exactly as
        :math:`\sum_k (a_k - y_k)\Delta z_k + \sum_k a_k (e^{\Delta z_k} - 1 - \Delta z_k)
        + (\ln(1+S) - S)`; every part is computed to full relative precision.
        """
        s = np.sum(a * np.expm1(dz), axis=-1)
        first = np.sum((a - y) * dz, axis=-1)
        second = np.sum(a * _expm1_minus_x(dz), axis=-1)
        return first + second + _log1p_minus_x(s)

    # Largest |Delta z_k| for which the series of diff_rank1 is used (the checker's table).
    RANK1_LIMIT = RANK1_LIMIT

    @staticmethod
    def rank1_terms(x_max):
        """Return how many powers of u :meth:`diff_rank1` needs for |u w_ik| <= x_max.

        The first omitted term is below RANK1_TAIL (1e-17) relative to the kept ones.
        """
        p = 2
        while p < 12 and 2 * x_max ** (p - 1) / math.factorial(p + 1) > RANK1_TAIL:
            p += 1
        return p

    @staticmethod
    def rank1_moments(a, y, w, terms):
        r"""Return the moments used by :meth:`diff_rank1`, one row per row of ``w``.

        For the weights ``w[i, k]`` out of neuron i of layer L-1, the moments are
        :math:`G_i = \sum_k (a_k - y_k) w_{ik}` and
        :math:`M_{p,i} = \sum_k a_k w_{ik}^p / p!` for p = 1..terms, each of
        shape (rows of w, batch).
        """
        first = w @ (a - y).T
        return [first] + [(w ** p) @ a.T / math.factorial(p) for p in range(1, terms + 1)]

    @staticmethod
    def diff_rank1(u, moments):
        r"""Return :meth:`diff` for the rank-1 change :math:`\Delta z_k = u\, w_{ik}`.

        This is the change a single neuron i of layer L-1 makes at the output
        when its activation moves by u: every :math:`z_k^{(L)}` moves by
        :math:`u\, w_{ik}`.  Expanding :math:`e^{u w_{ik}}` in powers of u,

        .. math:: \sum_k a_k (e^{u w_{ik}} - 1 - u w_{ik}) = \sum_{p \ge 2} u^p M_{p,i},

        so each perturbation costs a short polynomial in u instead of n
        exponentials.  ``moments`` is :meth:`rank1_moments` indexed by the
        perturbed neurons and broadcastable against ``u``, with as many terms
        as :meth:`rank1_terms` asks for.
        """
        first, m = moments[0], moments[1:]
        poly = m[-1]
        for p in range(len(m) - 2, 0, -1):
            poly = m[p] + u * poly
        second = u * u * poly
        return u * first + second + _log1p_minus_x(u * m[0] + second)


class QuadraticCost:
    r"""Sigmoid output with the quadratic cost :math:`C = \tfrac12 \sum_j (a_j - y_j)^2`.

    Kept for the learning-slowdown comparison: here
    :math:`\delta^L = (a - y)\,\sigma'(z)`, which is tiny when the output
    neurons saturate even if the answer is badly wrong.
    """

    name = "quadratic"
    needs_output = True

    @staticmethod
    def output(z):
        """Return the sigmoid of z, elementwise."""
        return sigmoid(z)

    @staticmethod
    def fn(z, a, y):
        """Return C of each example; z is not used, it keeps the interface uniform."""
        return 0.5 * np.sum((a - y) ** 2, axis=-1)

    @staticmethod
    def delta(z, a, y):
        r"""Return :math:`\delta^L = (a - y)\,\sigma'(z)`."""
        return (a - y) * sigmoid_prime(z)

    @staticmethod
    def diff(z, a, y, dz):
        r"""Return :math:`C(z + \Delta z) - C(z) = \sum_k (a_k - y_k)\Delta a_k + \tfrac12 \Delta a_k^2`."""
        da = sigmoid(z + dz) * sigmoid(-z) * -np.expm1(-dz)
        return np.sum((a - y) * da + 0.5 * da * da, axis=-1)


COSTS = {c.name: c for c in (CrossEntropyCost, QuadraticCost)}


def get_cost(name):
    """Return the cost class called ``name`` (a cost class is passed through)."""
    if isinstance(name, type) and all(hasattr(name, k) for k in ("output", "fn", "delta", "diff")):
        return name
    try:
        return COSTS[name]
    except (KeyError, TypeError):
        raise ValueError(f"cost must be one of {sorted(COSTS)}, got {name!r}") from None
