r"""The cross-entropy loss of a softmax output layer, computed from the logits.

For one example with logits z and a target distribution y the lecture's loss is

.. math::  C = -\sum_j y_j \ln a_j^{(L)}, \qquad a^{(L)} = \mathrm{softmax}(z).

It is computed from :func:`numeric.log_softmax`, so it is accurate to a few
ULP, and with the convention :math:`0 \cdot \ln 0 = 0`: a class with
:math:`y_j = 0` contributes nothing even when its logit is ``-inf``.  The
terms are summed with a compensated sum; all are non-negative, so C >= 0 holds
exactly in floating point, as it does in the lecture.
"""

import numpy as np

from ._exact import accurate_sum
from ._inputs import as_logits, as_probabilities, first_index
from .softmax import log_softmax

__all__ = ["cross_entropy", "cost_of_outputs"]


def _labels_to_indices(y, shape, n, name="y"):
    if y.shape != tuple(shape):
        raise ValueError(f"{name} holds integer class labels of shape {y.shape}, expected "
                         f"{tuple(shape)} (z's shape without the class axis)")
    bad = (y < 0) | (y >= n)
    if np.any(bad):
        idx = first_index(np.atleast_1d(bad)) if y.ndim else ()
        raise ValueError(f"{name} has class label {int(np.atleast_1d(y)[idx] if idx else y)} "
                         f"at index {idx}; labels must be in 0..{n - 1}")
    return y.astype(np.intp)


def cross_entropy(z, y, axis=-1):
    r"""Return :math:`C = -\sum_j y_j \ln \mathrm{softmax}(z)_j` for each example.

    ``z`` holds logits (float or complex); the class axis is ``axis``.  ``y`` is
    either a probability vector per example, of the same shape as ``z``, or
    integer class labels of ``z``'s shape without ``axis``.  The result has
    ``z``'s shape without ``axis`` (a NumPy scalar for a single example).

    Probabilities must be non-negative and sum to 1 within 1e-6; anything
    else raises ``ValueError`` instead of returning a wrong number.

    >>> float(cross_entropy([2.0, 1.0, -np.inf], [1.0, 0.0, 0.0]))
    0.31326168751822286
    >>> float(cross_entropy([2.0, 1.0, 0.0], 1))
    1.4076059644443804
    """
    z, axis = as_logits(z, axis)
    n = z.shape[axis]
    batch_shape = z.shape[:axis] + z.shape[axis + 1:]
    ls = log_softmax(z, axis=axis)
    y_arr = np.asarray(y)
    if y_arr.dtype.kind in "iu":
        labels = _labels_to_indices(y_arr, batch_shape, n)
        picked = np.take_along_axis(ls, np.expand_dims(labels, axis), axis=axis)
        return (-np.squeeze(picked, axis=axis))[()]
    y_arr = as_probabilities(y_arr, z.shape, axis)
    terms = np.zeros(np.broadcast_shapes(ls.shape, y_arr.shape), dtype=ls.dtype)
    # 0 * ln 0 = 0: multiply only where y_j > 0, so -inf logits with y_j = 0 are harmless.
    np.multiply(y_arr, ls, out=terms, where=y_arr > 0)
    with np.errstate(invalid="ignore"):
        total = -accurate_sum(terms, axis=axis)
    # A class with y_j > 0 and a -inf logit makes the loss +inf (the two-sum gives NaN).
    total = np.where(np.any(terms.real == -np.inf, axis=axis), np.inf, total)
    return total[()]


def cost_of_outputs(a, y):
    r"""Return the lecture's :math:`C(a) = -\sum_j y_j \ln a_j` as a function of the outputs a.

    This is the cost as Lemma 1 differentiates it: a is a free vector here,
    not necessarily a softmax output, so :math:`\partial C/\partial a_j = -y_j/a_j`.
    ``a`` is one vector of positive numbers (complex values are accepted and
    the result is analytic in them, for the complex step); ``y`` a real
    vector of the same length.  Terms with :math:`y_j = 0` contribute nothing.

    >>> float(cost_of_outputs([0.5, 0.25, 0.25], [0.0, 1.0, 0.0]))  # -ln(1/4)
    1.3862943611198906
    """
    a = np.asarray(a)
    if a.dtype.kind not in "iufc" or a.ndim != 1 or a.size == 0:
        raise ValueError(f"a must be one non-empty vector of numbers, got {a!r}")
    a = a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)
    if not np.all(a.real > 0):
        raise ValueError(f"a must be positive (outputs of softmax), got {a!r}")
    y_arr = np.asarray(y, dtype=float)
    if y_arr.shape != a.shape or not np.isfinite(y_arr).all():
        raise ValueError(f"y must be a finite real vector of shape {a.shape}, got {y!r}")
    terms = np.where(y_arr != 0, y_arr * np.log(a), 0.0)
    return (-accurate_sum(terms))[()]
