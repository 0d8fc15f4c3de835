"""``python -m proofs.verify``: prove every claim of the lecture and say how it went.

Exit status: 0 when every claim is proved (possibly under its named
hypotheses), 1 when any is refuted or undecided, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import sys
import time

from numeric.commandline import ArgumentError, Parser, positive_int, run as run_command

__all__ = ["main", "MAX_N"]

#: The largest --n accepted: the concrete checks grow with n (see benchmarks/bench_verify.py).
MAX_N = 16


def _n(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--n must be a whole number from 1 to {MAX_N}, got {text!r}")
    if not 1 <= value <= MAX_N:
        why = " (larger n would take too long to check)" if value > MAX_N else ""
        raise argparse.ArgumentTypeError(f"--n must be a whole number from 1 to {MAX_N}{why}, got {value}")
    return value


def parser():
    from .claims import CLAIM_IDS

    p = Parser(prog="python -m proofs.verify",
               description="Prove every claim of the softmax lecture with SymPy, for general n "
                           "and for each n = 1..N, with numeric evidence beside each verdict.",
               epilog="claim ids: " + ", ".join(CLAIM_IDS))
    p.add_argument("--n", type=_n, default=8, metavar="N",
                   help=f"largest concrete number of classes to check (1..{MAX_N}, default 8)")
    p.add_argument("--only", nargs="+", metavar="ID", default=None, help="check only these claims")
    p.add_argument("--verbose", "-v", action="store_true", help="print every step with its verdict")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument("--no-numeric", action="store_true", help="skip the numeric evidence")
    p.add_argument("--jobs", type=positive_int("--jobs"), default=None, metavar="J",
                   help="worker processes (default 2; never more than the CPUs or the claims)")
    return p


def main(argv=None):
    from .claims import CLAIM_IDS
    from .prover import prove_many
    from .jsonreport import claim_json, document, dumps
    from .textreport import LEGEND, claim_line, step_lines, summary_line

    args = parser().parse_args(argv)
    if args.only:
        unknown = [x for x in args.only if x not in CLAIM_IDS]
        if unknown:
            raise ArgumentError(f"unknown claim id {unknown[0]!r}; known ids: {', '.join(CLAIM_IDS)}")
    start = time.perf_counter()
    ids = [c for c in CLAIM_IDS if not args.only or c in args.only]
    if not args.json:
        noun = "claim" if len(ids) == 1 else "claims"
        print(f"Checking {len(ids)} {noun} for general n and n = 1..{args.n} ({LEGEND})", flush=True)

    def progress(result):
        if not args.json:
            print(claim_line(result, args.n), flush=True)
            for line in step_lines(result, args.verbose):
                print(line, flush=True)

    results = prove_many(ids, n_max=args.n, numeric=not args.no_numeric, jobs=args.jobs, on_result=progress)
    ok = all(r.ok for r in results)
    seconds = time.perf_counter() - start
    if args.json:
        claims = [claim_json(r, all_steps=args.verbose) for r in results]
        print(dumps(document("proofs.verify", ok, 0 if ok else 1, seconds, claims=claims)))
    else:
        print(summary_line(results, seconds))
    return 0 if ok else 1


def run(argv=None):
    """The command line and its console script: bad arguments exit 2, Ctrl-C 130, a closed pipe quietly."""
    return run_command(main, argv, "python -m proofs.verify")


if __name__ == "__main__":
    sys.exit(run())
