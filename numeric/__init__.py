"""Numeric side of the softmax lecture: a reference softmax, a NumPy network and a gradient checker.

Reference functions on logits (accurate to a few ULP against mpmath; complex
input stays analytic for the complex step):

* ``softmax(z, axis=-1)``, ``log_softmax(z, axis=-1)``, ``softmax_jacobian(z)``;
* ``cross_entropy(z, y, axis=-1)``: y probabilities (shape of z) or integer labels.

The network (``w[j, i]`` is the lecture's w_ji, shape (n_prev, n_next)):

* ``Network(sizes, activation="sigmoid", cost="cross_entropy", seed=None)`` with
  ``params``, ``loss(X, Y, params=None)``, ``gradients(X, Y)``, ``train(...)``.

Gradient checking (``python -m numeric.gradcheck --help`` on the command line):

* ``check_gradients(f, params, grads=None, method="auto", mode="full", seed=None)``
  for any f: params an array, a list, tuple or dict of arrays or a nesting of
  these (f receives the same structure, in float64); f returns a float, a 0-d
  or one-element array, or (loss, grad); ``vectorized=True`` for an f that
  takes a batch of parameter sets;
* ``check_network(net, X, Y, method="auto", ...)``;
* ``check_torch_module(module, loss)`` and ``check_torch_function(fn, *tensors)``
  for PyTorch (the ``torch`` extra; torch is imported only when called).

All return a ``GradCheckResult`` whose ``str`` is the report: the method that
ran and why, f's noise if above float64's, the verdict, and per array the
smallest relative error the check would have caught.

The link with ``proofs/``: ``output_layer(z, y, a_prev=None)`` returns an
``OutputLayerValues`` with ``z, y, a, C, jacobian`` (``[j, i]`` = da_j/dz_i),
``dC_da`` (-y/a), ``dC_dz`` (delta^L), ``dC_db`` and ``dC_dw`` (``[j, i]`` =
dC/dw_ji, shape (len(a_prev), n); None without a_prev) for one example, the
derivatives taken from Network's own backprop.  ``numeric.derivatives.
output_derivatives(z, y)`` gives dC/da, da/dz and dC/dz by complex-step
differentiation of the cost and the softmax instead (not the closed forms).

Demo data (``numeric.digits``, ``numeric.experiments``, ``python -m numeric.train``)
is imported on demand; the real digits need ``pip install 'softmax-proofs[demo]'``.
"""

from .cross_entropy import cross_entropy
from .gradcheck import (GradCheckResult, check_gradients, check_network, check_torch_function,
                        check_torch_module)
from .network import Network
from .output_layer import OutputLayerValues, output_layer
from .softmax import log_softmax, softmax, softmax_jacobian

__all__ = ["softmax", "log_softmax", "softmax_jacobian", "cross_entropy", "Network",
           "check_gradients", "check_network", "check_torch_module", "check_torch_function",
           "GradCheckResult", "output_layer",
           "OutputLayerValues"]
