r"""Finite-difference schemes: where to evaluate f, how to combine, and how wrong the result is.

A scheme evaluates :math:`\Delta f(s) = f(\theta + s\,e) - f(\theta)` at offsets
:math:`s = c\,h` (the ``multiples`` c) along a unit vector e and combines
them into a derivative together with an estimate of its own error:

* **central**: :math:`D(h) = (\Delta f(h) - \Delta f(-h)) / 2h`, truncation error
  :math:`h^2 f'''/6`; the error is estimated from :math:`|D(2h) - D(h)|/3`
  plus the rounding error of the evaluations divided by h.  Step
  :math:`h = \epsilon^{1/3} \max(1, |\theta|)`.
* **richardson**: :math:`R(h) = (4D(h) - D(2h))/3` cancels the :math:`h^2` term,
  leaving :math:`O(h^4)`; the error is estimated from :math:`|R(2h) - R(h)|/15`.
  Step :math:`h = \epsilon^{1/4} \max(1, |\theta|)`.
* **complex**: :math:`\mathrm{Im}\, f(\theta + i h e)/h` with :math:`h = 10^{-20}`: no
  subtraction, so no cancellation, and the truncation error
  :math:`h^2 f'''/6` is far below rounding.  f must be analytic.

``noise`` is the absolute error of each :math:`\Delta f` value as estimated by
whoever evaluated it; it enters the error estimate as noise/h.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

__all__ = ["Scheme", "SCHEMES", "get_scheme", "step_sizes"]

EPS = np.finfo(float).eps


def _central(df, noise, h):
    d1 = (df[..., 0] - df[..., 1]) / (2 * h)
    d2 = (df[..., 2] - df[..., 3]) / (4 * h)
    rounding = (noise[..., 0] + noise[..., 1]) / (2 * h)
    return d1, np.abs(d2 - d1) / 3 + rounding


def _richardson(df, noise, h):
    d = [(df[..., 2 * k] - df[..., 2 * k + 1]) / (2 * h * 2 ** k) for k in range(3)]
    r1 = (4 * d[0] - d[1]) / 3
    r2 = (4 * d[1] - d[2]) / 3
    rounding = 5 / 3 * (noise[..., 0] + noise[..., 1]) / (2 * h)
    return r1, np.abs(r2 - r1) / 15 + rounding


def _complex(df, noise, h):
    value = np.imag(df[..., 0]) / h
    return value, noise[..., 0] / h


@dataclass(frozen=True)
class Scheme:
    """A finite-difference scheme: offsets in units of h, the relative step, and the combination.

    ``combine(df, noise, h)`` takes arrays whose last axis runs over
    ``multiples`` and returns ``(derivative, error_estimate)``.
    """

    name: str
    multiples: tuple
    relative_step: float
    combine: Callable

    @property
    def is_complex(self):
        """True when the offsets are imaginary (the complex step)."""
        return any(isinstance(c, complex) for c in self.multiples)


SCHEMES = {
    "central": Scheme("central", (1, -1, 2, -2), EPS ** (1 / 3), _central),
    "richardson": Scheme("richardson", (1, -1, 2, -2, 4, -4), EPS ** (1 / 4), _richardson),
    "complex": Scheme("complex", (1j,), 1e-20, _complex),
}


def get_scheme(method):
    """Return the :class:`Scheme` called ``method``."""
    try:
        return SCHEMES[method]
    except (KeyError, TypeError):
        raise ValueError(f"method must be one of {sorted(SCHEMES)}, got {method!r}") from None


def step_sizes(theta, scheme):
    r"""Return the step h for each parameter value: ``relative_step * max(1, |theta|)``.

    For real steps h is rounded so that :math:`\theta + h` and :math:`\theta - h`
    are exactly :math:`h` away from :math:`\theta` (the classic
    ``(theta + h) - theta`` trick), so the step the function sees is the step
    the formula divides by.
    """
    theta = np.asarray(theta, dtype=float)
    h = scheme.relative_step * np.maximum(1.0, np.abs(theta))
    if not scheme.is_complex:
        h = (theta + h) - theta
    return h
