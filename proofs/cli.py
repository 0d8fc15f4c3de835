"""Command-line plumbing shared by ``proofs.verify`` and ``proofs.check``:
an argparse parser whose errors are one line and exit status 2, never a traceback."""

from __future__ import annotations

import argparse

__all__ = ["Parser", "ArgumentError"]


class ArgumentError(Exception):
    """A bad command line; the message says what was wrong and what is accepted."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises :class:`ArgumentError` instead of printing usage and exiting."""

    def error(self, message):
        # argparse writes "argument --n: --n must be ..."; the option is named once.
        head, _, rest = message.partition(": ")
        if head.startswith("argument ") and rest.startswith(head[len("argument "):].split("/")[0]):
            message = rest
        raise ArgumentError(message)
