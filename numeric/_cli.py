"""The layer-size reader shared by ``numeric.gradcheck`` and ``numeric.train``.

The running of every command line (errors, Ctrl-C, closed pipes) is
:mod:`numeric.commandline`.
"""

import argparse

__all__ = ["layer_sizes"]


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
