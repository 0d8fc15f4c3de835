"""How long `python -m proofs.verify` takes, and how the concrete-n checks grow with n.

Prints:
* the wall time and peak memory (largest resident set of the process and its
  workers) of the default run, `python -m proofs.verify`, SymPy import included,
  and the time of `import sympy` alone, measured the same way, and their ratio
  (goal: at most 7.5);
* the same for `python -m proofs.check` on the lecture's Lemma 4, version 1
  (goal: at most 3 times the import);
* the time of each claim (from the run's JSON, one worker so the times add up);
* for n = 2, 4, ..., the time to check every chain of every claim at that one n.

Run: python benchmarks/bench_verify.py [--max-n 16]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return out, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    py = sys.executable
    imports = min(timed([py, "-c", "import sympy"])[1] for _ in range(args.repeat))
    walls = []
    for _ in range(args.repeat):
        out, wall = timed([py, "-m", "proofs.verify"])
        if out.returncode != 0:
            print(out.stdout, out.stderr)
            raise SystemExit("proofs.verify failed")
        walls.append(wall)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    checks = []
    lemma4 = "tests/check/fixtures/lemma4_v1.md"
    for _ in range(args.repeat):
        out, wall = timed([py, "-m", "proofs.check", lemma4])
        if out.returncode not in (0, 1):
            print(out.stdout, out.stderr)
            raise SystemExit("proofs.check failed")
        checks.append(wall)
    print(f"import sympy:                        {imports:6.2f} s (best of {args.repeat})")
    print(f"python -m proofs.verify (default):   {min(walls):6.2f} s wall, best of {args.repeat} "
          f"(all: {', '.join(f'{w:.2f}' for w in walls)}); {min(walls) / imports:.1f} times the import "
          "(goal <= 7.5)")
    print(f"python -m proofs.check {lemma4}: {min(checks):6.2f} s wall, best of {args.repeat}; "
          f"{min(checks) / imports:.1f} times the import (goal <= 3)")
    print(f"peak memory of one process:          {peak_mb:6.0f} MB; goal < 300 MB")

    out, wall = timed([py, "-m", "proofs.verify", "--json", "--jobs", "1"])
    data = json.loads(out.stdout)
    print(f"\none worker: {wall:.2f} s wall; per claim (general n and n = 1..8, numeric evidence included):")
    for claim in data["claims"]:
        print(f"  {claim['id']:<18} {claim['seconds']:6.2f} s  {claim['verdict']}")

    sys.path.insert(0, ".")
    import proofs
    from proofs.prover import check_derivation

    print("\nconcrete n: time to check every chain of every claim at this one n (one process)")
    for q in range(2, args.max_n + 1, 2):
        start = time.perf_counter()
        verdicts = []
        for claim in proofs.claims():
            for part in claim.parts:
                verdicts += [p.verdict for p in check_derivation(part, (q,))]
        seconds = time.perf_counter() - start
        bad = [v for v in verdicts if not v.ok]
        print(f"  n = {q:2d}: {seconds:7.2f} s, {len(verdicts)} chains, {len(bad)} not proved")


if __name__ == "__main__":
    main()
