"""Error-free transformations and an accurate sum, used by the reference softmax.

Floating-point addition loses the low-order bits of its result.  Knuth's two-sum
recovers them exactly: for floating-point numbers ``a`` and ``b`` it returns
``s = fl(a + b)`` and ``e`` with ``a + b = s + e`` exactly.  Summing a vector by
a pairwise tree of two-sums and adding up the recovered errors at the end gives
a result as accurate as if it had been computed in twice the working precision
and then rounded once.
"""

import numpy as np

__all__ = ["two_sum", "accurate_sum"]


def two_sum(a, b):
    """Return ``(s, e)`` with ``s = fl(a + b)`` and ``a + b = s + e`` exactly.

    The identity holds elementwise for any finite float arrays (Knuth, TAOCP
    vol. 2, 4.2.2); no ordering of ``|a|`` and ``|b|`` is assumed.  Complex
    arrays work too, because complex addition adds the real and imaginary
    parts separately.
    """
    s = a + b
    bb = s - a
    e = (a - (s - bb)) + (b - bb)
    return s, e


def accurate_sum(x, axis=-1):
    """Sum ``x`` along ``axis`` with a pairwise tree of two-sums.

    At each level neighbours are added with :func:`two_sum`; the rounding
    errors of all levels are kept and added to the final sum at the end.
    For terms of one sign (as the exponentials of softmax are) the result is
    within about one unit in the last place of the exact sum, for any
    length.  The vector is padded with zeros to a power of two once, so each
    of the log2(n) levels is one vectorized two-sum with no copying.
    """
    x = np.moveaxis(np.asarray(x), axis, -1)
    n = x.shape[-1]
    if n == 0:
        return np.zeros(x.shape[:-1], dtype=x.dtype)
    if n == 1:
        return x[..., 0].copy()
    width = 1 << (n - 1).bit_length()
    if width != n:
        pad = np.zeros(x.shape[:-1] + (width - n,), dtype=x.dtype)
        x = np.concatenate([x, pad], axis=-1)
    errors = []
    while x.shape[-1] > 1:
        x, e = two_sum(x[..., 0::2], x[..., 1::2])
        errors.append(e)
    return x[..., 0] + np.concatenate(errors, axis=-1).sum(axis=-1)
