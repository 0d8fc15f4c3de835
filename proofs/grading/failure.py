"""The text of a chain that is not proved, as a test failure shows it.

Each failing step gets its place (``FILE:LINE:COL``, at the relation sign),
its verdict, both sides as written, the counterexample, and the declaration
under which it would hold when there is one (see :mod:`proofs.grading.hints`).
Steps proved under a hypothesis are listed too, so that the reader sees what
the chain relies on.
"""

from __future__ import annotations

from proofs.textreport import step_detail_lines
from proofs.verdict import UNDECIDED

__all__ = ["chain_failure_lines"]


def chain_failure_lines(chain, path, hints=()):
    """The lines that explain why ``chain`` (a ChainReport read from ``path``) is not proved."""
    failing = [s for s in chain.steps if not s.verdict.ok]
    # The first line is what pytest's short summary shows: which steps, and how they failed.
    which = ", ".join(f"step {s.index} {s.verdict.kind}" for s in failing)
    lines = [f"{which} ({len(failing)} of {len(chain.steps)} steps not proved)"]
    for step in chain.steps:
        if step.verdict.ok:
            continue
        lines.append(f"{path}:{step.line}:{step.column}: {step.verdict}: step {step.index} of {chain.title}")
        lines += step_detail_lines(step, relation=True)
        helpful = [h for h in hints if step.index in h.steps]
        for hint in helpful:
            lines.append(f"    it holds under {hint.name}: declare {hint.line(path)} before the chain")
        if not helpful and not step.detail and step.verdict.kind == UNDECIDED:
            lines.append("    the checker could neither prove nor refute it; split it into smaller steps")
    used = sorted({h for s in chain.steps if s.verdict.ok for h in s.verdict.hypotheses})
    if used:
        lines.append(f"the steps that hold use {', '.join(used)}")
    return lines
