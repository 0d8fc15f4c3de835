r"""The softmax activation of the output layer and its logarithm.

For the logits :math:`z_1, \dots, z_n` of the output layer L the lecture defines

.. math::  a_j^{(L)} = \frac{e^{z_j}}{\sum_{l=1}^n e^{z_l}},
           \qquad \ln a_j^{(L)} = z_j - \ln \sum_{l=1}^n e^{z_l}.

Both are computed after the usual shift by the maximum :math:`m = \max_l z_l`,
which changes nothing mathematically and keeps every exponential in (0, 1].
Three further steps make the results accurate to a few units in the last
place (ULP) for any input:

* The shift ``d = z - m`` is rounded, and ``exp`` amplifies that rounding error
  by ``|d|`` (up to ~700 ULP for logits spread over +-1e3).  A two-sum recovers
  the lost bits exactly, ``z - m = d_hi + d_lo``, and
  :math:`e^{d_{hi} + d_{lo}} \approx e^{d_{hi}} (1 + d_{lo})`.
* The denominator :math:`S = 1 + T`, where T sums the exponentials of all
  classes but one maximal one, is summed with a compensated pairwise sum.
* :math:`\ln a_j = d_j - \ln(1 + T)` uses ``log1p(T)``.  For the dominant
  class ``d_j = 0`` and the result :math:`-\mathrm{log1p}(T)` keeps full
  relative accuracy even when it is a tiny negative number, where the usual
  ``z - m - log(S)`` returns 0 or a number with no correct digit.  Since
  :math:`d_j \le 0` and :math:`\ln(1+T) \ge 0`, the subtraction never cancels.

Complex logits are supported so that complex-step differentiation can pass
through these functions.  Then the shift is by the maximum of the real part,
and only analytic operations are used (no abs, no comparisons of complex
values), so the result is an analytic function of z.
"""

import numpy as np

from ._exact import accurate_sum, two_sum
from ._inputs import as_logits

__all__ = ["softmax", "log_softmax", "softmax_jacobian"]


def _shifted_exponentials(z):
    """Return ``(d_hi, d_lo, e, t)`` for real logits along the last axis.

    ``d_hi + d_lo = z - max(z)`` exactly, ``e = exp(z - max(z))`` to within an
    ULP, and ``t`` is the accurate sum of ``e`` over all classes except the
    first maximal one (whose exponential is exactly 1).
    """
    m = np.max(z, axis=-1, keepdims=True)
    d_hi, d_lo = two_sum(z, -m)
    # A -inf logit (or a shift beyond -1.8e308) gives d_hi = -inf and a NaN
    # two-sum error; its exponential is exactly 0 either way.
    d_lo = np.where(np.isfinite(d_hi), d_lo, 0.0)
    e_hi = np.exp(d_hi)
    e = e_hi + e_hi * d_lo
    rest = e.copy()
    top = np.argmax(z, axis=-1)[..., None]
    np.put_along_axis(rest, top, 0.0, axis=-1)
    t = accurate_sum(rest, axis=-1)[..., None]
    return d_hi, d_lo, e, t


# Cody and Waite's split of ln 2: _K * _LN2_HI is exact for the scaling _K below.
_LN2_HI = 6.93147180369123816490e-01
_LN2_LO = 1.90821492927058770002e-10
_K = 600
_SMALL_TAIL = 2.0 ** -1000


def _scaled_tail(z, d_hi, d_lo):
    r"""Return :math:`T \cdot 2^{K}` for rows whose tail T = sum of the non-maximal e^{d} is tiny.

    When T is below about 2^-1000 its terms are subnormal or nearly so, and
    ``exp`` returns them with only a few significant bits.  Each term is
    computed instead as :math:`e^{d + K \ln 2}` (with the shift split
    exactly as ``d_hi + K ln2_hi`` by a two-sum, and the low parts applied
    as a factor :math:`e^{low}`), in the normal range, and summed there.
    """
    u_hi, u_lo = two_sum(d_hi, np.full_like(d_hi, _K * _LN2_HI))
    finite = np.isfinite(d_hi)
    low = np.where(finite, u_lo + d_lo + _K * _LN2_LO, 0.0)
    e_hi = np.exp(u_hi)
    # Where e_hi > 0, |d_hi| < 1200 and low is at most about 1.2e-7 (hence expm1);
    # elsewhere the term is 0 and low may be huge, so it is clipped.
    e = np.where(finite & (e_hi > 0), e_hi + e_hi * np.expm1(np.minimum(low, 1.0)), 0.0)
    np.put_along_axis(e, np.argmax(z, axis=-1)[..., None], 0.0, axis=-1)
    return accurate_sum(e, axis=-1)


def softmax(z, axis=-1):
    r"""Return :math:`a_j = e^{z_j} / \sum_l e^{z_l}` along ``axis``.

    ``z`` is an array of logits (float or complex, any shape); integer and
    float32 input is computed in float64.  A ``-inf`` logit gives an exact 0.
    NaN, ``+inf`` or a row of only ``-inf`` raise ``ValueError``.

    >>> softmax([0.0, 0.0])
    array([0.5, 0.5])
    >>> float(softmax([1000.0, 0.0])[1])  # e^{-1000}: underflows to 0 without warnings
    0.0
    """
    z, axis = as_logits(z, axis)
    z = np.moveaxis(z, axis, -1)
    if np.iscomplexobj(z):
        m = np.max(z.real, axis=-1, keepdims=True)
        e = np.exp(z - m)
        a = e / np.sum(e, axis=-1, keepdims=True)
    else:
        with np.errstate(under="ignore", over="ignore", invalid="ignore"):
            _, _, e, t = _shifted_exponentials(z)
            a = e / (1.0 + t)
    return np.moveaxis(a, -1, axis)


def log_softmax(z, axis=-1):
    r"""Return :math:`\ln a_j = z_j - \ln \sum_l e^{z_l}` along ``axis``.

    The result is finite for finite logits, ``-inf`` exactly where ``z`` is
    ``-inf``, and accurate to a few ULP everywhere, including the dominant
    class where it is close to 0.

    >>> float(log_softmax([0.0, -40.0])[0])  # -log1p(e^{-40})
    -4.248354255291589e-18
    """
    z, axis = as_logits(z, axis)
    z = np.moveaxis(z, axis, -1)
    if np.iscomplexobj(z):
        m = np.max(z.real, axis=-1, keepdims=True)
        d = z - m
        out = d - np.log(np.sum(np.exp(d), axis=-1, keepdims=True))
    else:
        with np.errstate(under="ignore", over="ignore", invalid="ignore"):
            d_hi, d_lo, _, t = _shifted_exponentials(z)
            s, s_lo = two_sum(d_hi, -np.log1p(t))
            out = s + (s_lo + d_lo)
            # Where d_hi = -inf the result is -inf (below -1.8e308 it cannot be
            # represented); the two-sum error terms there are NaN.
            out = np.where(np.isfinite(d_hi), out, -np.inf)
            small = t[..., 0] < _SMALL_TAIL
            if np.any(small):
                # ln a of the maximal class is -log1p(T) = -T to the last bit; T is
                # subnormal-small, so take it from the scaled tail, rounded once.
                rows = out[small]
                tail = np.ldexp(_scaled_tail(z[small], d_hi[small], d_lo[small]), -_K)
                np.put_along_axis(rows, np.argmax(z[small], axis=-1)[..., None],
                                  -tail[..., None], axis=-1)
                out[small] = rows
    return np.moveaxis(out, -1, axis)


def softmax_jacobian(z):
    r"""Return the n x n matrix :math:`J_{ji} = \partial a_j / \partial z_i` for one vector z.

    By Lemmas 2 and 3 of the lecture, :math:`\partial a_j/\partial z_j = a_j(1-a_j)` and
    :math:`\partial a_j/\partial z_i = -a_i a_j` for :math:`i \ne j`, that is
    :math:`J = \mathrm{diag}(a) - a a^T` (symmetric).
    """
    z, _ = as_logits(z)
    if z.ndim != 1:
        raise ValueError(f"softmax_jacobian takes one vector of logits, got shape {z.shape}")
    a = softmax(z)
    return np.diag(a) - np.outer(a, a)
