"""How long the numeric veto spends evaluating expressions as written (:mod:`proofs.asread`).

Replays the veto's workload of ``python -m proofs.verify`` in one process: for
every built-in claim, every derivation and n in (general, 1..8) that it applies
to, :func:`proofs.veto.veto_steps` checks every step of the chain (with the
step's relation and the derivation's hypotheses), as
``proofs.stepcheck._apply_vetoes`` calls it.  The veto's cache of values per
point is emptied before each run, so every run evaluates everything.

Prints the seconds of each of ``--repeat`` runs (the first also translates the
expressions and fills the module's caches, as each process of
``proofs.verify`` does once), and for the best run, since the machine may be
noisy: the total seconds in ``veto_steps`` (the evaluations and the veto's own
bookkeeping), the number of calls of ``evaluate_as_read`` and the seconds per
call; and, as a sanity check, how many steps were vetoed or left unchecked (0
and 0 for the lecture's claims).

Run: python benchmarks/bench_asread.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

import proofs
from proofs import veto


def workload():
    """(derivation, wanted, n) for every chain of every claim, as the checker hands them to the veto."""
    out = []
    for claim in proofs.claims():
        for derivation in claim.parts:
            names = tuple(h.name for h in derivation.hypotheses)
            wanted = {k: (step.relation, names) for k, step in enumerate(derivation.steps, start=1)}
            for q in (None, *range(1, 9)):
                if derivation.applies_to(q):
                    out.append((derivation, wanted, q))
    return out


def run(jobs):
    """One timed run over ``jobs``: (seconds, evaluations, vetoed steps, unchecked steps)."""
    calls = 0
    evaluate = veto.evaluate_as_read

    def counted(expr, point, digits=30):
        nonlocal calls
        calls += 1
        return evaluate(expr, point, digits)

    veto._CACHE.clear()
    veto.evaluate_as_read = counted
    vetoed = unchecked = 0
    try:
        start = time.perf_counter()
        for derivation, wanted, q in jobs:
            for result in veto.veto_steps(derivation, wanted, q, seed=0).values():
                vetoed += result.vetoed
                unchecked += result.unchecked
        seconds = time.perf_counter() - start
    finally:
        veto.evaluate_as_read = evaluate
    return seconds, calls, vetoed, unchecked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    jobs = workload()
    runs = [run(jobs) for _ in range(args.repeat)]
    seconds, calls, vetoed, unchecked = min(runs)
    print(f"veto workload: {len(jobs)} chain runs (general n and n = 1..8), {calls} evaluations")
    print(f"  {seconds:.2f} s total, best of {args.repeat} (all: {', '.join(f'{r[0]:.2f}' for r in runs)}; "
          f"the first with cold caches)")
    print(f"  {1e3 * seconds / max(calls, 1):.3f} ms per evaluation")
    print(f"  {vetoed} steps vetoed, {unchecked} left unchecked")


if __name__ == "__main__":
    main()
