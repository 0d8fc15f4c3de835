"""The logarithm rules, applied only where their conditions hold.

ln(u v) = ln u + ln v, ln(u / v) = ln u - ln v and ln(u^k) = k ln u hold for
positive u and v; for reals of unknown sign they are false (ln(z_1) + ln(z_2)
and ln(z_1 z_2) differ at z_1 = z_2 = -1, ln(x^2) is defined at x = -1 and
2 ln x is not).  :func:`expand_logs` therefore splits a logarithm only into
factors that SymPy's assumptions know to be positive: the softmax outputs a_j,
e^x for real x, the E_q = e^{z_q}, sums of positive terms, and the symbols
declared positive in :mod:`proofs.notation`.  Everything else stays as
written, which can only leave a true step undecided, never prove a false one.
"""

from __future__ import annotations

import sympy as sp

__all__ = ["expand_logs", "expand_log_of"]


def expand_log_of(log_expr):
    """One logarithm split into the logarithms of its positive factors."""
    return sp.expand_log(log_expr, force=False)


def expand_logs(expr):
    """Every logarithm in ``expr`` split as far as the signs of its factors allow."""
    return expr.replace(lambda e: isinstance(e, sp.log), expand_log_of)
