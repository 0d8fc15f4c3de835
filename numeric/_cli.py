"""Command-line plumbing shared by ``numeric.gradcheck`` and ``numeric.train``."""

import argparse
import os
import sys

__all__ = ["OneLineParser", "layer_sizes", "run"]


def run(main, argv=None):
    """Call ``main(argv)`` and return its exit status; Ctrl-C gives 130, a closed pipe 1, quietly.

    Ctrl-C prints one line (``interrupted``) on stderr and no traceback; when
    the reader of stdout has gone (``| head``), stdout is pointed at
    /dev/null so that Python's final flush cannot complain either.
    """
    try:
        return main(argv)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def layer_sizes(text, inputs=None, outputs=None):
    """Layer sizes from ``784,30,10``: at least two, each >= 1 (and the given first and last)."""
    try:
        sizes = [int(s) for s in text.replace("-", ",").split(",") if s.strip()]
    except ValueError:
        sizes = []
    ok = len(sizes) >= 2 and min(sizes) >= 1
    if ok and inputs is not None and sizes[0] != inputs:
        ok = False
    if ok and outputs is not None and sizes[-1] != outputs:
        ok = False
    if not ok:
        if inputs is None:
            expected = "layer sizes like 784,30,10 (at least two, each >= 1),"
        else:
            expected = f"layer sizes from {inputs} inputs to {outputs} outputs, like {inputs},30,{outputs};"
        raise argparse.ArgumentTypeError(f"expected {expected} got {text!r}")
    return sizes
