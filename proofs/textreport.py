"""Printing claims' results for a terminal (JSON: :mod:`proofs.jsonreport`).

Nothing here proves anything: it formats :class:`proofs.verdict.ClaimResult`
objects that :mod:`proofs.prover` made.
"""

from __future__ import annotations

import sympy as sp

from .justifications import describe
from .verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED

__all__ = ["claim_line", "step_lines", "summary_line", "LEGEND", "MARK"]

MARK = {PROVED: "P", PROVED_UNDER: "H", REFUTED: "R", UNDECIDED: "?"}
LEGEND = ("P proved, H proved under hypotheses, R refuted, ? undecided, . not applicable; "
          "numeric: largest gap at random points, evidence only")

def _mark(verdict):
    return "." if verdict is None else MARK[verdict.kind]

def claim_line(result, n_max, id_width=17):
    """One line: id, verdict for general n, the marks for n = 1..n_max, time, numeric evidence, statement."""
    general = str(result.general) if result.general is not None else "-"
    marks = "".join(_mark(result.instances.get(q)) for q in range(1, n_max + 1))
    evidence = f"{result.numeric.short:<36} " if result.numeric is not None else ""
    return (f"{result.id:<{id_width}} general: {general:<33} n=1..{n_max}: {marks:<{n_max}} "
            f"{result.seconds:5.2f} s  {evidence}{result.claim.text}")

def _show(expr):
    return sp.sstr(expr, order="none")

def step_lines(result, verbose=False):
    """Every step (verbose) or only the failing ones, with both sides and any counterexample."""
    lines = []
    for part in result.parts:
        if not verbose and part.verdict.ok:
            continue
        where = "general n" if part.n is None else f"n = {part.n}"
        lines.append(f"    {part.title} [{where}]: {part.verdict}")
        for s in part.steps:
            if not verbose and s.verdict.ok:
                continue
            lines.append(f"      step {s.index} ({describe(s.justification)}): {s.verdict}")
            lines.append(f"        {_show(s.lhs)}")
            lines.append(f"        {s.relation} {_show(s.rhs)}")
            if s.counterexample is not None:
                lines.append(f"        counterexample: {s.counterexample}")
    for f in result.facts:
        if verbose or not f.verdict.ok:
            lines.append(f"    fact: {f.title}: {f.verdict} ({f.detail})")
    if result.numeric is not None and (verbose or not result.numeric.ok):
        lines.append(f"    numeric evidence (not proof): {result.numeric.summary}")
    return lines

def summary_line(results, seconds):
    counts = {PROVED: 0, PROVED_UNDER: 0, REFUTED: 0, UNDECIDED: 0}
    hyps = []
    for r in results:
        v = r.verdict
        counts[v.kind] += 1
        hyps += [h for h in v.hypotheses if h not in hyps]
    under = f" ({', '.join(hyps)})" if hyps else ""
    evidence = [r.numeric for r in results if r.numeric is not None]
    ev = ""
    if evidence:
        agree = sum(1 for e in evidence if e.ok)
        ev = f"; numeric evidence agrees for {agree} of {len(evidence)}"
    noun = "claim" if len(results) == 1 else "claims"
    return (f"{len(results)} {noun}: {counts[PROVED]} proved, {counts[PROVED_UNDER]} proved under "
            f"hypotheses{under}, {counts[REFUTED]} refuted, {counts[UNDECIDED]} undecided{ev}; "
            f"{seconds:.1f} s")
