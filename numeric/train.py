"""``python -m numeric.train``: train the lecture's network on the handwritten digits.

Trains a softmax + cross-entropy network by minibatch SGD with a fixed seed,
prints one progress line per epoch and the held-out accuracy as
``accuracy: NN.N%``, saves the parameters to an ``.npz`` file (atomically)
and loads them back to confirm the file reproduces the network.  With
``--load`` it evaluates a saved network instead.  Errors are one line on
stderr with exit status 2.
"""

import argparse
import sys
import time

import numpy as np

from .digits import DemoDependencyError, get_dataset
from .experiments import train_digits
from ._cli import layer_sizes
from .commandline import Parser, positive_int, run
from .persist import load_network, save_network


def _digit_sizes(text):
    return layer_sizes(text, inputs=64, outputs=10)


def _positive(kind):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not value > 0:
            raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
        return value
    return parse


def build_parser():
    """Return the argument parser of the command line."""
    p = Parser(prog="python -m numeric.train",
                       description="Train a softmax + cross-entropy network on the UCI "
                                   "handwritten digits (8x8) and report held-out accuracy.")
    p.add_argument("--sizes", type=_digit_sizes, default=[64, 30, 10],
                   help="layer sizes (default 64,30,10)")
    p.add_argument("--epochs", type=positive_int("--epochs"), default=30, help="epochs (default 30)")
    p.add_argument("--batch", type=positive_int("--batch"), default=10, help="minibatch size (default 10)")
    p.add_argument("--eta", type=_positive(float), default=0.5, help="learning rate (default 0.5)")
    p.add_argument("--seed", type=int, default=0, help="seed of split, weights and batches")
    p.add_argument("--data", choices=["digits", "synthetic"], default="digits",
                   help="digits: UCI digits from scikit-learn (the demo extra); synthetic: "
                        "generated 8x8 patterns, no extra needed (default digits)")
    p.add_argument("--save", default="digits-network.npz",
                   help="where to save the trained parameters (default digits-network.npz)")
    p.add_argument("--no-save", action="store_true", help="do not save the parameters")
    p.add_argument("--load", metavar="PATH",
                   help="evaluate the network saved in PATH instead of training")
    return p


def main(argv=None):
    """Run the command line; return the exit status (2 for bad arguments, 130 on Ctrl-C)."""
    return run(_main, argv, "python -m numeric.train")


def _main(argv):
    args = build_parser().parse_args(argv)
    try:
        if args.load:
            net = load_network(args.load)
            d = get_dataset(args.data, seed=args.seed)
            print(f"loaded {'-'.join(map(str, net.sizes))} network from {args.load}")
            print(f"accuracy: {100 * net.accuracy(d.X_test, d.labels_test):.1f}%")
            return 0
        d = get_dataset(args.data, seed=args.seed)
        print(f"training {'-'.join(map(str, args.sizes))} on {d.name}: {len(d.X_train)} "
              f"training and {len(d.X_test)} held-out images, {args.epochs} epochs, "
              f"batch {args.batch}, eta {args.eta}, seed {args.seed}", flush=True)
        start = time.perf_counter()

        def progress(epoch, net):
            cost = net.loss(d.X_train, d.Y_train)
            acc = net.accuracy(d.X_test, d.labels_test)
            print(f"epoch {epoch:3d}/{args.epochs}: training cost {cost:.4f}, held-out "
                  f"accuracy {100 * acc:.1f}%  ({time.perf_counter() - start:.1f} s)", flush=True)

        net, _ = train_digits(d, args.sizes, args.epochs, args.batch, args.eta, args.seed,
                              on_epoch=progress)
        accuracy = net.accuracy(d.X_test, d.labels_test)
        print(f"accuracy: {100 * accuracy:.1f}%")
        if not args.no_save:
            save_network(net, args.save)
            again = load_network(args.save, sizes=args.sizes)
            same = all(np.array_equal(p, q) for p, q in zip(net.params, again.params))
            if not same or again.accuracy(d.X_test, d.labels_test) != accuracy:
                raise ValueError(f"{args.save} does not reproduce the trained network")
            print(f"saved to {args.save} and loaded back: the same parameters and accuracy")
    except (ValueError, TypeError, OSError, DemoDependencyError) as exc:
        print(f"python -m numeric.train: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
