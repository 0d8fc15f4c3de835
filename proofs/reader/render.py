"""Printing file reports: compiler-style text for people (JSON: :mod:`proofs.jsonreport`).

A printer only reads a :class:`~proofs.reader.report.FileReport`; it decides
nothing.  Text lines have the form ``FILE:LINE:COL: VERDICT: step N of TITLE:
LHS = RHS`` (the place is the step's relation sign), followed for a step that
is not proved by both sides in full and the counterexample.
"""

from __future__ import annotations

from ..counterexamples import counterexample_text
from ..relations import latex as relation_latex
from ..verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED, count_verdicts

__all__ = ["text_lines", "step_detail_lines", "error_lines", "summary_line", "totals"]

_SHORT = 60


def _short(latex):
    return latex if len(latex) <= _SHORT else latex[:_SHORT - 3] + "..."


def text_lines(report, verbose=False):
    """The verdict lines of one file (errors excluded: see :func:`error_lines`)."""
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
                       + summary_line(count_verdicts(chain.steps)))
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


def summary_line(counts):
    """``N steps: P proved, U proved under hypotheses, R refuted, D undecided``.

    With block counts (from :func:`totals`) it adds ``; B blocks read, X not read``.
    """
    line = (f"{counts['steps']} steps: {counts[PROVED]} proved, {counts[PROVED_UNDER]} proved under "
            f"hypotheses, {counts[REFUTED]} refuted, {counts[UNDECIDED]} undecided")
    if "blocks_read" in counts:
        line += f"; {counts['blocks_read']} blocks read, {counts['blocks_unread']} not read"
    return line
