"""Numeric side of the softmax lecture: a reference softmax, a NumPy network and a gradient checker."""

from .cross_entropy import cross_entropy
from .gradcheck import GradCheckResult, check_gradients, check_network
from .network import Network
from .output_layer import OutputLayerValues, output_layer
from .softmax import log_softmax, softmax, softmax_jacobian

__all__ = ["softmax", "log_softmax", "softmax_jacobian", "cross_entropy", "Network",
           "check_gradients", "check_network", "GradCheckResult", "output_layer",
           "OutputLayerValues"]
