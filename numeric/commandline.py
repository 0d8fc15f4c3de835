"""One way to run a command line, for every entry point of the toolkit.

``python -m proofs.verify``, ``proofs.check``, ``numeric.gradcheck``,
``numeric.train`` and ``reports.build`` (and their console scripts) all run
through :func:`run`, so they behave alike:

* a bad argument is one line on stderr, ``PROG: error: what was wrong, what
  is expected``, and exit status 2 -- never a usage dump or a traceback;
* Ctrl-C is one line, ``PROG: interrupted``, and exit status 130;
* a closed output pipe (``| head``) ends the command quietly.

It lives in the lowest layer (``numeric``), which the proofs and the reports
build on, so that all of them can share it.
"""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["ArgumentError", "Parser", "run", "positive_int"]


class ArgumentError(ValueError):
    """A bad command line; the message says what was wrong and what is accepted."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises :class:`ArgumentError` instead of printing usage and exiting."""

    def error(self, message):
        # argparse writes "argument --n: --n must be ..."; the option is named once.
        head, _, rest = message.partition(": ")
        if head.startswith("argument ") and rest.startswith(head[len("argument "):].split("/")[0]):
            message = rest
        raise ArgumentError(message)


def positive_int(option, low=1, high=None):
    """An argparse type: a whole number from ``low`` (to ``high``), named ``option`` in its error."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise argparse.ArgumentTypeError(f"{option} must be a whole number {span}, got {text}")
        return value
    return parse


def run(main, argv=None, prog=None):
    """Call ``main(argv)`` and return its exit status, the same way for every command line.

    ``main`` raises :class:`ArgumentError` for a bad command line; ``prog`` names
    the command in the one line printed for it (``python -m proofs.verify``).
    """
    prog = prog or os.path.basename(sys.argv[0] or "command")
    try:
        return main(argv)
    except ArgumentError as error:
        sys.stderr.write(f"{prog}: error: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"{prog}: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader of stdout has gone: point stdout at /dev/null so that the final flush is quiet too.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError:
            pass
        return 1
