r"""Finite-difference schemes: where to evaluate f, how to combine, and how wrong the result is.

A scheme evaluates :math:`\Delta f(s) = f(\theta + s\,e) - f(\theta)` at offsets
:math:`s = c\,h` (the ``multiples`` c) along a unit vector e and combines
them into a derivative together with an estimate of its own error:

* **central**: :math:`D(h) = (\Delta f(h) - \Delta f(-h)) / 2h`, truncation error
  :math:`h^2 f'''/6`; the error is estimated from :math:`|D(2h) - D(h)|/3`
  plus the rounding error of the evaluations divided by h.  Step
  :math:`h = u^{1/3} \max(1, |\theta|)`, u the relative noise of f (eps for
  float64 code).
* **richardson**: :math:`R(h) = (4D(h) - D(2h))/3` cancels the :math:`h^2` term,
  leaving :math:`O(h^4)`; the error is estimated from :math:`|R(2h) - R(h)|/15`.
  Step :math:`h = u^{1/4} \max(1, |\theta|)`.
* **complex**: :math:`\mathrm{Im}\, f(\theta + i h e)/h` with :math:`h = 10^{-20}`: no
  subtraction, so no cancellation, and the truncation error
  :math:`h^2 f'''/6` is far below rounding.  f must be analytic.

Each real scheme has a *base* stencil, the first ``base`` multiples (2 calls
of f for central, 4 for Richardson), whose result is :math:`D(h)` or
:math:`R(h)`; its truncation error is not measured per entry but bounded by
``truncation * h^order`` with a coefficient measured on a few probe entries.
An entry that fails on the base stencil is evaluated again on the full one.

``noise`` is the absolute error of each :math:`\Delta f` value as estimated by
whoever evaluated it; it enters the error estimate as noise/h.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .gradcheck.tolerances import COMPLEX_STEP, EPS

__all__ = ["Scheme", "SCHEMES", "METHODS", "get_scheme", "step_sizes", "one_sided"]


def _central(df, noise, h):
    d1 = (df[..., 0] - df[..., 1]) / (2 * h)
    d2 = (df[..., 2] - df[..., 3]) / (4 * h)
    rounding = (noise[..., 0] + noise[..., 1]) / (2 * h)
    return d1, np.abs(d2 - d1) / 3 + rounding


def _central_base(df, noise, h):
    return (df[..., 0] - df[..., 1]) / (2 * h), (noise[..., 0] + noise[..., 1]) / (2 * h)


def _richardson(df, noise, h):
    d = [(df[..., 2 * k] - df[..., 2 * k + 1]) / (2 * h * 2 ** k) for k in range(3)]
    r1 = (4 * d[0] - d[1]) / 3
    r2 = (4 * d[1] - d[2]) / 3
    rounding = 5 / 3 * (noise[..., 0] + noise[..., 1]) / (2 * h)
    return r1, np.abs(r2 - r1) / 15 + rounding


def _richardson_base(df, noise, h):
    d = [(df[..., 2 * k] - df[..., 2 * k + 1]) / (2 * h * 2 ** k) for k in range(2)]
    rounding = 5 / 3 * (noise[..., 0] + noise[..., 1]) / (2 * h)
    return (4 * d[0] - d[1]) / 3, rounding


def _complex(df, noise, h):
    value = np.imag(df[..., 0]) / h
    return value, noise[..., 0] / h


@dataclass(frozen=True)
class Scheme:
    """A finite-difference scheme: offsets in units of h, the relative step, and the combination.

    ``combine(df, noise, h)`` takes arrays whose last axis runs over
    ``multiples`` and returns ``(derivative, error_estimate)``;
    ``combine_base`` does the same on the first ``base`` multiples and
    returns ``(derivative, rounding_error)``, the truncation error being
    of the order ``h ** order``.  ``exponent`` gives the step from the
    relative noise u of f: ``h = u ** exponent * max(1, |theta|)``.
    """

    name: str
    multiples: tuple
    exponent: float
    combine: Callable
    base: int
    combine_base: Callable
    order: int

    @property
    def is_complex(self):
        """True when the offsets are imaginary (the complex step)."""
        return any(isinstance(c, complex) for c in self.multiples)

    @property
    def relative_step(self):
        """The step relative to max(1, |theta|) for a function computed in float64."""
        return COMPLEX_STEP if self.is_complex else EPS ** self.exponent

    def step(self, noise=EPS):
        """The relative step for a function whose relative noise is ``noise``."""
        return COMPLEX_STEP if self.is_complex else max(noise, EPS) ** self.exponent


SCHEMES = {
    "central": Scheme("central", (1, -1, 2, -2), 1 / 3, _central, 2, _central_base, 2),
    "richardson": Scheme("richardson", (1, -1, 2, -2, 4, -4), 1 / 4, _richardson, 4,
                         _richardson_base, 4),
    "complex": Scheme("complex", (1j,), 0.0, _complex, 1, _complex, 0),
}
METHODS = ("auto",) + tuple(SCHEMES)


def get_scheme(method):
    """Return the :class:`Scheme` called ``method``."""
    try:
        return SCHEMES[method]
    except (KeyError, TypeError):
        raise ValueError(f"method must be one of {list(METHODS)}, got {method!r}") from None


def step_sizes(theta, scheme, noise=EPS):
    r"""Return the step h for each parameter value: ``scheme.step(noise) * max(1, |theta|)``.

    For real steps h is rounded so that :math:`\theta + h` and :math:`\theta - h`
    are exactly :math:`h` away from :math:`\theta` (the classic
    ``(theta + h) - theta`` trick), so the step the function sees is the step
    the formula divides by.
    """
    theta = np.asarray(theta, dtype=float)
    h = scheme.step(noise) * np.maximum(1.0, np.abs(theta))
    if not scheme.is_complex:
        h = (theta + h) - theta
    return h


def one_sided(df, noise, h):
    r"""Return ``(forward, backward, gap_error)`` from the offsets (h, -h, 2h, -2h).

    :math:`F = 2 D_+(h) - D_+(2h)` and :math:`B = 2 D_-(h) - D_-(2h)` are the
    one-sided derivatives extrapolated to second order; for a smooth f they
    differ by :math:`h^3 f''''/2` only, while at a kink between
    :math:`\theta - 2h` and :math:`\theta + 2h` they differ by about the jump
    of f'.  ``gap_error`` bounds :math:`|F - B|` for a smooth f: the central
    difference's own truncation estimate plus the rounding of both.
    """
    forward = 2 * df[..., 0] / h - df[..., 2] / (2 * h)
    backward = -2 * df[..., 1] / h + df[..., 3] / (2 * h)
    d1 = (df[..., 0] - df[..., 1]) / (2 * h)
    d2 = (df[..., 2] - df[..., 3]) / (4 * h)
    rounding = 5 * np.max(noise[..., :4], axis=-1) / h
    return forward, backward, np.abs(d2 - d1) / 3 + rounding
