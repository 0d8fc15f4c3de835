"""Printing results for a terminal (JSON: :mod:`proofs.jsonreport`): the one text printer.

Nothing here proves anything: it formats the claims' results
(:class:`proofs.verdict.ClaimResult`, made by :mod:`proofs.prover`) for
``python -m proofs.verify``, and the results of users' files
(:class:`proofs.verdict.FileResult`, made by :mod:`proofs.reader`) for
``python -m proofs.check`` and the pytest plugin.
"""

from __future__ import annotations

import sympy as sp

from .counterexamples import counterexample_text
from .justifications import describe
from .relations import latex as relation_latex
from .verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED, count_verdicts

__all__ = ["claim_line", "step_lines", "summary_line", "LEGEND", "MARK",
           "file_lines", "step_detail_lines", "error_lines", "counts_line", "totals"]


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


_SHORT = 60


def _short(latex):
    return latex if len(latex) <= _SHORT else latex[:_SHORT - 3] + "..."


def file_lines(report, verbose=False):
    """The verdict lines of one file (errors excluded: see :func:`error_lines`), compiler-style:
    ``FILE:LINE:COL: VERDICT: step N of TITLE: LHS = RHS`` (the place is the step's relation sign), then,
    for a step that is not proved, both sides in full and the counterexample.."""
    out = []
    for chain in report.chains:
        for step in chain.steps:
            kind = step.verdict.kind
            if kind == PROVED and not verbose:
                continue
            rel = relation_latex(step.relation)
            out.append(f"{report.path}:{step.line}:{step.column}: {step.verdict}: step {step.index} of "
                       f"{chain.title}: {_short(step.lhs_latex)} {rel} {_short(step.rhs_latex)}")
            if kind in (REFUTED, UNDECIDED):
                out += step_detail_lines(step)
        if verbose:
            src = chain.source
            out.append(f"{report.path}:{src.line}:{src.column}: {chain.title}: "
                       + counts_line(count_verdicts(chain.steps)))
    for note in report.notes:
        out.append(str(note))
    return out


def step_detail_lines(step, relation=False):
    """The lines under a step that is not proved: both sides as written, the counterexample, and why.

    With ``relation``, the relation sign stands before the right side (for a
    heading line that does not show the sides).
    """
    sign = f"{relation_latex(step.relation)} " if relation else ""
    out = [f"    left:  {step.lhs_latex}", f"    {sign}right: {step.rhs_latex}"]
    if step.counterexample is not None:
        out.append(f"    counterexample: {counterexample_text(step.counterexample)}")
    if step.detail:
        out.append(f"    {step.detail}")
    return out


def error_lines(report):
    """One line per unreadable formula or file."""
    return [str(err) for err in report.errors]


def totals(reports):
    """The counts of all reports together, with their errors and notes."""
    out = {"steps": 0, PROVED: 0, PROVED_UNDER: 0, REFUTED: 0, UNDECIDED: 0, "errors": 0, "notes": 0,
           "blocks_read": 0, "blocks_unread": 0}
    for r in reports:
        for key, value in r.counts().items():
            out[key] += value
        out["errors"] += len(r.errors)
        out["notes"] += len(r.notes)
        out["blocks_read"] += r.blocks_read
        out["blocks_unread"] += r.blocks_unread
    return out


def counts_line(counts):
    """``N steps: P proved, U proved under hypotheses, R refuted, D undecided``.

    With block counts (from :func:`totals`) it adds ``; B blocks read, X not read``.
    """
    line = (f"{counts['steps']} steps: {counts[PROVED]} proved, {counts[PROVED_UNDER]} proved under "
            f"hypotheses, {counts[REFUTED]} refuted, {counts[UNDECIDED]} undecided")
    if "blocks_read" in counts:
        line += f"; {counts['blocks_read']} blocks read, {counts['blocks_unread']} not read"
    return line
