"""The settings shared by the pytest plugin and the grading command line, read from text.

A list of numbers of classes is written ``general,2,3`` (``general`` is a
symbolic n); a time limit is a positive number of seconds.  Both raise a
``ValueError`` that names what was found and what is expected, which argparse
and pytest turn into a one-line usage error.
"""

from __future__ import annotations

import argparse
import math

__all__ = ["parse_n_values", "parse_seconds", "DEFAULT_N_VALUES", "DEFAULT_TIME_LIMIT", "SUFFIXES"]

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
