"""The settings shared by the pytest plugin and the grading command line, read from text.

A list of numbers of classes is written ``general,2,3`` (``general`` is a
symbolic n); a time limit is a positive number of seconds.  Both raise a
``ValueError`` that names what was found and what is expected, which argparse
and pytest turn into a one-line usage error.
"""

from __future__ import annotations

import argparse
import math

__all__ = ["parse_n_values", "parse_seconds", "add_checking_options", "DEFAULT_N_VALUES", "DEFAULT_TIME_LIMIT",
           "SUFFIXES"]

#: The numbers of classes each chain is checked for: general n, then 2, 3, 4 (as ``python -m proofs.check``).
DEFAULT_N_VALUES = (None, 2, 3, 4)
#: Seconds one chain may take before its unfinished steps are left undecided.
DEFAULT_TIME_LIMIT = 60.0
#: The file names whose derivations are read: Markdown and LaTeX.
SUFFIXES = (".md", ".markdown", ".tex")
#: The largest concrete number of classes a chain is checked for.
_MAX_N = 8


def parse_n_values(text):
    """``"general,2,3"`` as ``(None, 2, 3)``: which numbers of classes to check.

    >>> parse_n_values("general, 2")
    (None, 2)
    """
    values = []
    for part in str(text).split(","):
        word = part.strip().lower()
        if word in ("general", "n"):
            value = None
        elif word.isdigit() and 1 <= int(word) <= _MAX_N:
            value = int(word)
        else:
            raise argparse.ArgumentTypeError(
                f"{part.strip()!r} is not 'general' or a number of classes from 1 to {_MAX_N}; "
                "expected a list such as general,2,3")
        if value not in values:
            values.append(value)
    return tuple(values)


def parse_seconds(text):
    """A positive, finite number of seconds.

    >>> parse_seconds("2.5")
    2.5
    """
    try:
        value = float(text)
    except (TypeError, ValueError):
        value = math.nan
    if not 0 < value < math.inf:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value


def add_checking_options(parser, assume_help, no_assume_help):
    """The options that say how chains are checked, shared by ``proofs.check`` and the grading command:
    ``--assume-lecture`` / ``--no-assume-lecture`` (with the command's own help texts), ``--n`` and
    ``--time-limit``."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--assume-lecture", dest="lecture", action="store_true", default=True, help=assume_help)
    group.add_argument("--no-assume-lecture", dest="lecture", action="store_false", help=no_assume_help)
    parser.add_argument("--n", dest="n_values", type=parse_n_values, default=DEFAULT_N_VALUES, metavar="LIST",
                        help="which n to check: general and/or numbers of classes (default: general,2,3,4)")
    parser.add_argument("--time-limit", type=parse_seconds, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                        help=f"seconds per chain before its steps are left undecided (default {DEFAULT_TIME_LIMIT:g})")
