r"""How large a number read from a formula can become, bounded before it is built.

A plain exponent such as ``2^{99999999}`` is refused by its digits, but an
exponent built from other things can be just as large:
``x^{\sum_{j \ne i} 99999999999999999999}`` is 10^20 (n - 1) once n is known,
and ``e^{e^{e^{e^{10}}}}`` overflows every float.  :func:`magnitude` gives an
upper bound on the absolute value of an expression without evaluating it:

* a number is its absolute value, e and pi are 3.2;
* an index, n or m (an integer symbol) counts as :data:`INDEX_SIZE`, the
  largest number of classes checked; every other symbol counts as 1 (a real
  variable makes a power symbolic, not large);
* a sum over an index multiplies its body's bound by :data:`INDEX_SIZE`;
* ``A + B`` is bounded by the sum of the bounds, ``A B`` by their product,
  ``A^B`` by ``max(|A|, 1/|A|)^|B|`` for a number A and ``max(|A|, 1)^|B|``
  otherwise, ``e^A`` by ``e^|A|``; any other function by its argument's bound.

The bound is a float and ``inf`` when it overflows.  The reader refuses an
exponent whose bound exceeds ``LIMITS["exponent"]``.
"""

from __future__ import annotations

import math

import sympy as sp

from .. import notation as nt

__all__ = ["magnitude", "INDEX_SIZE"]

#: What an index or a layer size may be when a formula is checked for a concrete n.
INDEX_SIZE = 16.0
_HUGE = 1e300


def magnitude(e, depth=0):
    """An upper bound on ``|e|`` over the values the checker may give its symbols (a float or inf).

    >>> magnitude(sp.Integer(-7)), magnitude(nt.n + 1)
    (7.0, 17.0)
    """
    if depth > 200:
        return math.inf
    if e.is_Number:
        try:
            return abs(float(e))
        except (OverflowError, TypeError, ValueError):
            return math.inf
    if e in (sp.E, sp.pi, sp.EulerGamma):
        return 3.2
    if isinstance(e, sp.Symbol):
        return INDEX_SIZE if e.is_integer else 1.0
    if isinstance(e, sp.Indexed):
        return 1.0
    if isinstance(e, sp.Sum):
        return _product(magnitude(e.function, depth + 1), INDEX_SIZE ** len(e.limits))
    if isinstance(e, nt.SumExcept):
        return _product(magnitude(e.function, depth + 1), INDEX_SIZE)
    if isinstance(e, sp.Add):
        return _cap(sum(magnitude(arg, depth + 1) for arg in e.args))
    if isinstance(e, sp.Mul):
        out = 1.0
        for arg in e.args:
            out = _product(out, magnitude(arg, depth + 1))
        return out
    if isinstance(e, sp.Pow):
        base, exponent = e.args
        bound_exp = magnitude(exponent, depth + 1)
        bound_base = magnitude(base, depth + 1)
        if base.is_Number and base != 0:
            bound_base = max(bound_base, 1.0 / bound_base) if bound_base > 0 else math.inf
        return _power(max(bound_base, 1.0), bound_exp)
    if isinstance(e, sp.exp):
        return _power(math.e, magnitude(e.args[0], depth + 1))
    if isinstance(e, sp.Derivative):
        return magnitude(e.expr, depth + 1)
    if e.args:
        return max(magnitude(arg, depth + 1) for arg in e.args)
    return 1.0


def _cap(value):
    return math.inf if value > _HUGE else value


def _product(x, y):
    if x == 0 or y == 0:
        return 0.0
    if math.isinf(x) or math.isinf(y):
        return math.inf
    return _cap(x * y)


def _power(base, exponent):
    if math.isinf(exponent) or math.isinf(base):
        return math.inf
    if base <= 1.0:
        return 1.0
    log = exponent * math.log(base)
    return math.inf if log > 690 else math.exp(log)
