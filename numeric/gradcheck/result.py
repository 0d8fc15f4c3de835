"""The result of a gradient check: a verdict, error figures and the worst entries by name."""

from dataclasses import dataclass, field

import numpy as np

__all__ = ["GradEntry", "GradCheckResult"]


@dataclass(frozen=True)
class GradEntry:
    """One checked gradient entry (or, in fast mode, one random direction).

    ``param`` names the array ("w2", "b1", or "params[0]" for a plain
    function), ``layer`` is the network layer (None for a plain function) and
    ``index`` the array index, from 0: ``(j, i)`` for :math:`w_{ji}`, ``(i,)``
    for :math:`b_i`, ``("direction", d)`` in fast mode.  ``fd_error`` is the
    estimated error of ``numeric`` itself and ``tolerance`` the bound that
    ``|analytic - numeric|`` was held to.
    """

    param: str
    layer: object
    index: tuple
    analytic: float
    numeric: float
    abs_error: float
    rel_error: float
    fd_error: float
    tolerance: float
    kink: bool = False

    @property
    def label(self):
        """A readable name such as ``w2[j=3, i=7]`` or ``b1[i=4]`` or ``params[0][2, 1]``."""
        if self.index and self.index[0] == "direction":
            return f"{self.param} along random direction {self.index[1]}"
        if self.layer is not None and self.param[0] in "wb":
            keys = ("j", "i") if self.param[0] == "w" else ("i",)
            inner = ", ".join(f"{k}={v}" for k, v in zip(keys, self.index))
            return f"{self.param}[{inner}]"
        return f"{self.param}[{', '.join(str(v) for v in self.index)}]"

    @property
    def ratio(self):
        """``abs_error / tolerance``: above 1 is a mismatch."""
        return self.abs_error / self.tolerance if self.tolerance > 0 else np.inf


@dataclass
class GradCheckResult:
    """The verdict of :func:`numeric.check_gradients` with the figures behind it.

    ``ok`` is true when every entry not at a kink agrees within its tolerance.
    ``max_abs_error``, ``max_rel_error`` and ``norm_rel_error`` compare
    analytic and numeric gradients (kinks left out); ``fd_error`` is the
    largest estimated error of the finite differences themselves and
    ``fd_norm_rel_error`` their norm-wise size relative to the gradient.
    ``worst`` lists the entries closest to (or beyond) their tolerance,
    ``mismatches`` every entry beyond it, ``kinks`` the entries whose
    stencil crossed a kink (reported, not counted as mismatches).
    ``requested_method`` is what was asked ("auto", ...), ``method`` what
    ran and ``reason`` why; ``noise_note`` says when f was found noisier than
    float64 (None otherwise); ``resolution`` lists per parameter array
    ``(name, best, median, absolute)``: the smallest relative error of an
    analytic entry that the check would have caught, at the array's
    best-resolved entry and at half of its entries (absolute errors when the
    gradient is 0 throughout); ``calls`` counts the calls of f (None for a
    network).
    """

    ok: bool
    method: str
    mode: str
    n_checked: int
    max_abs_error: float
    max_rel_error: float
    norm_rel_error: float
    fd_error: float
    fd_norm_rel_error: float
    worst: list = field(default_factory=list)
    mismatches: list = field(default_factory=list)
    kinks: list = field(default_factory=list)
    seconds: float = 0.0
    requested_method: str = ""
    reason: str = ""
    noise_note: object = None
    resolution: list = field(default_factory=list)
    calls: object = None

    def __bool__(self):
        return self.ok

    def __str__(self):
        from .report import format_report

        return format_report(self)
