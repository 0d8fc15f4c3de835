"""Numeric side of the softmax lecture: a reference softmax, a NumPy network and a gradient checker.

Reference functions on logits (accurate to a few ULP against mpmath; complex
input stays analytic for the complex step):

* ``softmax(z, axis=-1)``, ``log_softmax(z, axis=-1)``, ``softmax_jacobian(z)``;
* ``cross_entropy(z, y, axis=-1)``: y probabilities (shape of z) or integer labels.

The network (``w[j, i]`` is the lecture's w_ji, shape (n_prev, n_next)):

* ``Network(sizes, activation="sigmoid", cost="cross_entropy", seed=None)`` with
  ``params``, ``loss(X, Y, params=None)``, ``gradients(X, Y)``, ``train(...)``.

Gradient checking (``python -m numeric.gradcheck --help`` on the command line):

* ``check_gradients(f, params, grads, method=..., mode=..., seed=...)`` for any f;
* ``check_network(net, X, Y, method=..., mode=..., seed=...)``; both return a
  ``GradCheckResult`` whose ``str`` is the report.

The link with ``proofs/``: ``output_layer(z, y, a_prev=None)`` returns an
``OutputLayerValues`` with ``z, y, a, C, jacobian`` (``[j, i]`` = da_j/dz_i),
``dC_da`` (-y/a), ``dC_dz`` (delta^L), ``dC_db`` and ``dC_dw`` (``[j, i]`` =
dC/dw_ji, shape (len(a_prev), n); None without a_prev) for one example, the
derivatives taken from Network's own backprop.

Demo data (``numeric.digits``, ``numeric.experiments``, ``python -m numeric.train``)
is imported on demand; the real digits need ``pip install 'softmax-proofs[demo]'``.
"""

from .cross_entropy import cross_entropy
from .gradcheck import GradCheckResult, check_gradients, check_network
from .network import Network
from .output_layer import OutputLayerValues, output_layer
from .softmax import log_softmax, softmax, softmax_jacobian

__all__ = ["softmax", "log_softmax", "softmax_jacobian", "cross_entropy", "Network",
           "check_gradients", "check_network", "GradCheckResult", "output_layer",
           "OutputLayerValues"]
