"""Gradient checking by finite differences, with reports that name the failing entry.

``python -m numeric.gradcheck --help`` runs the check on a random network
from the command line.
"""

from .core import check_gradients, check_network
from .report import format_report
from .result import GradCheckResult, GradEntry

__all__ = ["check_gradients", "check_network", "GradCheckResult", "GradEntry",
           "format_report", "main"]


def main(argv=None):
    """Run the command line (see ``python -m numeric.gradcheck --help``); return the exit code."""
    from .cli import main as cli_main

    return cli_main(argv)
