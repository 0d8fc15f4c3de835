"""Gradient checking by finite differences, with reports that name the failing entry.

``check_gradients`` checks any function of NumPy parameters, ``check_network``
a :class:`numeric.Network`, and ``check_torch_module`` / ``check_torch_function``
PyTorch code (torch is imported only when these are called).
``python -m numeric.gradcheck --help`` runs the check on a random network
from the command line.
"""

from .core import check_gradients, check_network
from .report import format_report
from .result import GradCheckResult, GradEntry
from .torch_adapter import check_torch_function, check_torch_module

__all__ = ["check_gradients", "check_network", "check_torch_module", "check_torch_function",
           "GradCheckResult", "GradEntry", "format_report", "main"]


def main(argv=None):
    """Run the command line (see ``python -m numeric.gradcheck --help``); return the exit code."""
    from .cli import main as cli_main

    return cli_main(argv)
