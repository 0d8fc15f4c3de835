"""``python -m numeric.gradcheck``: check backprop of a random network and print the report.

Exit status: 0 when the gradients agree, 1 on a mismatch, 2 on bad arguments, 130 on Ctrl-C.
"""

import sys

import numpy as np

from ..activations import ACTIVATIONS
from ..costs import COSTS
from ..fd import METHODS
from ..network import Network
from .breakage import BREAKAGES, break_backprop, default_entry_target
from .core import MODES, check_network
from .report import format_report
from .._cli import layer_sizes
from ..commandline import Parser, positive_int, run


def build_parser():
    """Return the argument parser of the command line."""
    p = Parser(
        prog="python -m numeric.gradcheck",
        description="Check the backprop gradients of a random network against finite "
                    "differences and print which entries agree. Exit 0 if they all agree, "
                    "1 on a mismatch, 2 on bad arguments.")
    p.add_argument("--sizes", type=layer_sizes, default=[784, 30, 10],
                   help="layer sizes, input first (default 784,30,10)")
    p.add_argument("--activation", choices=sorted(ACTIVATIONS), default="sigmoid",
                   help="hidden-layer activation (default sigmoid)")
    p.add_argument("--cost", choices=sorted(COSTS), default="cross_entropy",
                   help="cross_entropy: softmax output; quadratic: sigmoid output "
                        "(default cross_entropy)")
    p.add_argument("--method", choices=list(METHODS), default="auto",
                   help="finite-difference scheme; auto is the complex step, since the "
                        "network is analytic (default auto)")
    p.add_argument("--mode", choices=list(MODES), default="full",
                   help="full: every parameter; sample: --samples random entries; fast: one "
                        "random direction per parameter array (default full)")
    p.add_argument("--batch", type=positive_int("--batch"), default=10, help="examples in the batch (default 10)")
    p.add_argument("--samples", type=positive_int("--samples"), default=200,
                   help="entries checked in sample mode (default 200)")
    p.add_argument("--seed", type=int, default=0, help="seed of network, data and sampling")
    p.add_argument("--top", type=positive_int("--top"), default=5, help="entries listed in the report")
    p.add_argument("--break", dest="breakage", choices=sorted(BREAKAGES),
                   help="break backprop on purpose to see the checker catch it")
    return p


def main(argv=None):
    """Run the command line; return the exit status (2 for bad arguments, 130 on Ctrl-C)."""
    return run(_main, argv, "python -m numeric.gradcheck")


def _main(argv):
    args = build_parser().parse_args(argv)
    try:
        rng = np.random.default_rng(args.seed)
        net = Network(args.sizes, args.activation, args.cost, seed=rng)
        X = rng.random((args.batch, args.sizes[0]))
        Y = np.eye(args.sizes[-1])[rng.integers(0, args.sizes[-1], args.batch)]
        checked = net
        if args.breakage:
            target = default_entry_target(net, X, Y) if args.breakage == "entry" else None
            checked = break_backprop(net, args.breakage, target=target)
        print(f"network {'-'.join(map(str, args.sizes))}, {args.activation} hidden layers, "
              f"{args.cost} cost, {sum(p.size for p in net.params)} parameters, "
              f"batch {args.batch}, seed {args.seed}"
              + (f", backprop broken on purpose: {args.breakage}" if args.breakage else ""),
              flush=True)
        result = check_network(checked, X, Y, method=args.method, mode=args.mode,
                               seed=args.seed, n_samples=args.samples, top=args.top)
    except (ValueError, TypeError) as exc:
        print(f"python -m numeric.gradcheck: error: {exc}", file=sys.stderr)
        return 2
    print(format_report(result, top=args.top))
    return 0 if result.ok else 1
