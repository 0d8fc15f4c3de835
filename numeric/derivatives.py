r"""The output layer's derivatives by complex-step differentiation, not by the lecture's formulas.

For one example with logits z (n classes) and target y:

* :math:`\partial C/\partial a_j` of the lecture's :math:`C(a) = -\sum_j y_j \ln a_j`
  (:func:`numeric.cross_entropy.cost_of_outputs`), at :math:`a = \mathrm{softmax}(z)`;
* :math:`\partial a_j/\partial z_i` of :func:`numeric.softmax`, entry ``[j, i]``;
* :math:`\partial C/\partial z_i` of :func:`numeric.cross_entropy` (the cost of the logits).

Each column comes from one evaluation at :math:`z + i\,h\,e_i` (or
:math:`a + i\,h\,e_j`) with :math:`h = 10^{-20}`:
:math:`\partial f/\partial x_i = \mathrm{Im}\, f(x + i h e_i)/h` has no subtraction and
a truncation error of order :math:`h^2`, so the values are accurate to a few
ULP.  They are independent evidence for Lemmas 1-4: nothing here uses
:math:`-y/a`, :math:`\mathrm{diag}(a) - a a^T` or :math:`a - y`.
"""

from dataclasses import dataclass

import numpy as np

from ._inputs import one_example
from .cross_entropy import cost_of_outputs, cross_entropy
from .softmax import softmax

__all__ = ["OutputDerivatives", "output_derivatives", "complex_step_jacobian"]

_H = 1e-20


def complex_step_jacobian(f, x):
    r"""Return :math:`J[j, i] = \partial f_j/\partial x_i` of an analytic f at the real vector x.

    ``f`` maps a complex vector of x's length to a scalar or a vector; the
    result has shape ``(len(f(x)), len(x))``, or ``(len(x),)`` for a scalar f.
    """
    x = np.asarray(x, dtype=float)
    columns = []
    for i in range(x.size):
        xc = x.astype(complex)
        xc[i] += 1j * _H
        columns.append(np.imag(np.asarray(f(xc))) / _H)
    return np.stack(columns, axis=-1)


@dataclass(frozen=True)
class OutputDerivatives:
    """Complex-step derivatives of the output layer at one example (NumPy arrays, n classes).

    ``dC_da`` has shape (n,), ``da_dz`` shape (n, n) with ``[j, i]`` =
    da_j/dz_i, ``dC_dz`` shape (n,); ``a`` is softmax(z) and ``y`` the target.
    """

    z: np.ndarray
    y: np.ndarray
    a: np.ndarray
    dC_da: np.ndarray
    da_dz: np.ndarray
    dC_dz: np.ndarray


def output_derivatives(z, y):
    r"""Return :class:`OutputDerivatives` of the costs and softmax at logits ``z``, target ``y``.

    ``z`` is one finite real vector of n logits, ``y`` a probability vector
    of length n or an integer class label.  The derivatives are taken by the
    complex step from :func:`numeric.cross_entropy.cost_of_outputs`,
    :func:`numeric.softmax` and :func:`numeric.cross_entropy`, so they can be
    compared with the lecture's closed forms :math:`-y/a`,
    :math:`\mathrm{diag}(a) - a a^T` and :math:`a - y`.

    >>> d = output_derivatives([1.0, 2.0, 0.5], 1)
    >>> bool(np.allclose(d.dC_dz, d.a - d.y, rtol=0, atol=1e-15))
    True
    """
    z, y = one_example(z, y)
    cross_entropy(z, y)  # checks that y is a probability vector of shape (n,)
    a = softmax(z)
    return OutputDerivatives(
        z=z, y=y, a=a,
        dC_da=complex_step_jacobian(lambda t: cost_of_outputs(t, y), a),
        da_dz=complex_step_jacobian(softmax, z),
        dC_dz=complex_step_jacobian(lambda t: cross_entropy(t, y), z))
