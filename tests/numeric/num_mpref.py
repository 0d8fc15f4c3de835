"""Reference softmax, log-softmax and cross-entropy in 60-digit arithmetic (mpmath).

These are the independent second route against which the float64 functions of
``numeric`` are measured, and the ULP distance used to state the accuracy.
"""

import mpmath
import numpy as np

DIGITS = 60


def _row(z):
    with mpmath.workdps(DIGITS):
        zs = [mpmath.mpf(float(v)) if np.isfinite(v) else None for v in z]
        finite = [v for v in zs if v is not None]
        m = max(finite)
        others = list(finite)
        others.remove(m)
        # log(sum) = log1p(sum of the others): log(1 + tiny) would cost the
        # reference its digits when one logit dominates.
        log_total = mpmath.log1p(mpmath.fsum(mpmath.exp(v - m) for v in others))
        logs = [None if v is None else v - m - log_total for v in zs]
        return logs


def ref_log_softmax(z):
    """Return the exact log-softmax of a 1-D float array as a list of mpf (None for -inf)."""
    return _row(np.asarray(z, dtype=float))


def ref_softmax(z):
    """Return the exact softmax of a 1-D float array as a list of mpf."""
    with mpmath.workdps(DIGITS):
        return [mpmath.mpf(0) if v is None else mpmath.exp(v) for v in _row(np.asarray(z, float))]


def ref_cross_entropy(z, y):
    """Return the exact cross-entropy -sum y_j ln a_j (0 ln 0 = 0) as an mpf."""
    with mpmath.workdps(DIGITS):
        logs = _row(np.asarray(z, float))
        return -mpmath.fsum(mpmath.mpf(float(yj)) * lj for yj, lj in zip(y, logs) if yj > 0)


def ulp_error(computed, exact):
    """Return |computed - exact| in units in the last place of the float64 nearest to exact.

    Results in the subnormal range are measured in the smallest subnormal's ULP.
    """
    computed = float(computed)
    with mpmath.workdps(DIGITS):
        nearest = float(exact)
        if nearest == 0.0 and exact == 0:
            return 0.0 if computed == 0.0 else float("inf")
        ulp = np.spacing(abs(nearest)) if nearest != 0 else np.spacing(0.0)
        return float(abs(mpmath.mpf(computed) - exact) / mpmath.mpf(ulp))
