r"""What the checker learns about f before the check: its noise and whether it is complex-safe.

**Noise.**  f is evaluated at :math:`\theta + i\,s\,v` for i = 0..8 along one
random unit direction v, and the noise is estimated from the k-th
differences of these values as in Moré and Wild's ECnoise (SIAM J. Sci.
Comput. 33, 2011): for smooth f the differences shrink like :math:`s^k`, while
noise of standard deviation :math:`\sigma` gives
:math:`E[(\Delta^k f)^2] = \binom{2k}{k}\sigma^2`.  The first order k at which
three consecutive estimates agree within a factor 4 and the differences
change sign gives :math:`\sigma`.  A function computed in float32 has
:math:`\sigma \approx 10^{-8} |f|`; one computed in float64 about
:math:`10^{-16} |f|`.

**Complex safety.**  On a few entries (the largest |g| of each array) the
complex step :math:`\mathrm{Im} f(\theta + i h e)/h` is compared with a real
Richardson difference.  f is complex-safe when every complex call returns
a number without raising and without a ComplexWarning, and the two
derivatives agree; in particular a zero imaginary part where the real
difference is clearly nonzero means that the imaginary part was dropped
on the way (abs, norm, float(), astype, ``.real``, comparisons).
"""

import math

import numpy as np

from ..fd import SCHEMES, step_sizes
from .objectives import NotComplexSafe
from .tolerances import (COMPLEX_AGREEMENT, EPS, KAPPA, MAX_PROBES, NOISE_FACTOR,
                         NOISE_DIRECTIONS, NOISE_PROBE_POINTS, NOISE_PROBE_STEP, PROBES_PER_ARRAY, SAFETY)

__all__ = ["ecnoise", "measure_noise", "probe_entries", "complex_safety", "truncation_bounds",
           "LIKELY_CAUSES"]

LIKELY_CAUSES = ("likely causes on the way to the result: abs(), np.linalg.norm, float(), "
                 ".astype(float) or float32, .real, comparisons (max, where, if, sort)")


def ecnoise(values):
    """Return the noise level sigma of equally spaced values of f, or None if undecided."""
    d = np.asarray(values, dtype=float)
    sigmas, changes = [], []
    for k in range(1, len(d) - 1):
        d = np.diff(d)
        gamma = math.factorial(k) ** 2 / math.factorial(2 * k)
        sigmas.append(math.sqrt(gamma * float(np.mean(d * d))))
        changes.append(bool(d.min() < 0 < d.max()))
    if max(sigmas) == 0.0:
        return 0.0
    for k in range(len(sigmas) - 2):
        window = sigmas[k:k + 3]
        if max(window) <= 4 * min(window) and changes[k]:
            return sigmas[k]
    return None


def measure_noise(objective, rng):
    """Return ``(sigma, relative, message)``: f's noise, relative to |f|, and a report line.

    The probe runs along NOISE_DIRECTIONS random directions and keeps the
    smallest estimate: noise is present along every direction, while a kink
    that one probe happens to cross only inflates that probe's differences.
    ``relative`` is the noise that sets the step and the tolerance: float64's
    eps when f is as precise as float64 code, the measured ``sigma / |f|``
    otherwise.
    """
    scale = max(1.0, max(float(np.max(np.abs(p), initial=0.0)) for p in objective.params))
    sigmas, size = [], np.finfo(float).tiny
    for _ in range(NOISE_DIRECTIONS):
        dirs = [rng.standard_normal(p.shape) for p in objective.params]
        norm = math.sqrt(sum(float(np.sum(d * d)) for d in dirs))
        s = NOISE_PROBE_STEP * scale / norm
        changes = [[(k, None, i * s * d) for k, d in enumerate(dirs)]
                   for i in range(1, NOISE_PROBE_POINTS)]
        values = np.concatenate([[objective.f0], objective.values(changes)])
        sigma = ecnoise(values)
        if sigma is not None:  # None: this probe could not tell noise from curvature
            sigmas.append(sigma)
        size = max(size, float(np.max(np.abs(values))))
    sigma = min(sigmas, default=0.0)
    limit = NOISE_FACTOR * KAPPA * EPS * size
    if sigma <= limit:
        return 0.0, EPS, None
    relative = sigma / size
    bits = -math.log2(relative)
    return sigma, relative, (f"f is noisier than float64: its values vary by about "
                             f"{relative:.1e} relative (about {bits:.0f} correct bits, "
                             f"{'as in float32 code' if bits < 30 else 'a noisy computation'}); "
                             f"steps and tolerances are chosen for that noise")


def probe_entries(params, grads):
    """Return ``[(k, flat)]``: the entries of largest |g| of each array, at most MAX_PROBES."""
    per_array = [np.argsort(-np.abs(g.reshape(-1)), kind="stable")[:PROBES_PER_ARRAY]
                 for g in grads]
    out = []
    for rank in range(PROBES_PER_ARRAY):
        for k, order in enumerate(per_array):
            if rank < len(order) and len(out) < MAX_PROBES:
                out.append((k, int(order[rank])))
    return out


def _real_derivatives(objective, probes, scheme, relative):
    """Full-stencil derivatives and error estimates of ``scheme`` at the probe entries."""
    result = []
    for k, flat in probes:
        theta = objective.params[k].reshape(-1)[[flat]]
        h = step_sizes(theta, scheme, relative)
        offsets = h[:, None] * np.array(scheme.multiples)[None, :]
        df, noise, _ = objective.coordinate(k, [flat], offsets)
        d, err = scheme.combine(df, noise, h)
        result.append((float(d[0]), float(err[0]), float(h[0])))
    return result


def complex_safety(objective, probes, relative):
    """Return ``(safe, reason, richardson)``: whether f is complex-safe, why, and the real probes.

    ``richardson`` holds (derivative, error, h) of the Richardson difference at
    each probe, reused as the truncation probes of that scheme.
    """
    real = _real_derivatives(objective, probes, SCHEMES["richardson"], relative)
    h = SCHEMES["complex"].relative_step
    for (k, flat), (d, err, _) in zip(probes, real):
        name, _, index = objective.describe(k, flat)
        label = f"{name}[{', '.join(str(i) for i in index)}]"
        try:
            df, _, _ = objective.coordinate(k, [flat], np.array([[1j * h]]))
        except NotComplexSafe as exc:
            return False, f"{exc.reason}", real
        cs = float(np.imag(df[0, 0])) / h
        if not np.isfinite(cs):
            return False, f"f(params + {h:g}i e) is not finite at {label}", real
        clearly_nonzero = abs(d) > SAFETY * err
        if cs == 0.0 and clearly_nonzero:
            return False, (f"the imaginary part of f is 0 at {label}, where the derivative is "
                           f"{d:.3g}: the imaginary part is dropped on the way"), real
        if abs(cs - d) > SAFETY * err + COMPLEX_AGREEMENT * max(abs(cs), abs(d)):
            return False, (f"the complex step gives {cs:.6g} at {label} but real differences "
                           f"give {d:.6g} (error {err:.1e}): f is not analytic there"), real
    return True, f"f passed the complex-safety probe on {len(probes)} entries", real


def truncation_bounds(objective, probes, scheme, relative, real=None):
    """Return per array the coefficient c with truncation error <= c h^order at the probes.

    Arrays without a probe get the largest coefficient seen.  ``real`` may
    hold the probes' (derivative, error, h) already computed for ``scheme``.
    """
    if real is None:
        real = _real_derivatives(objective, probes, scheme, relative)
    coef = np.zeros(len(objective.params))
    probed = np.zeros(len(objective.params), bool)
    for (k, _), (_, err, h) in zip(probes, real):
        coef[k] = max(coef[k], err / h ** scheme.order)
        probed[k] = True
    coef[~probed] = coef.max(initial=0.0)
    return coef
