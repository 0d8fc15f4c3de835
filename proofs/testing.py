"""Assertion helpers for pytest and notebooks.

>>> from proofs.testing import assert_proved
>>> assert_proved("lemma-1", n=3)
ClaimResult(lemma-1: proved; general n: proved; n = 1..3: proved, proved, proved)

On failure the message names the claim, the failing step (general n or the
concrete n), both sides, the justification and the counterexample.
"""

from __future__ import annotations

from .derivation import Derivation
from .prover import check_derivation
from .textreport import step_lines
from .verdict import REFUTED, ClaimResult

__all__ = ["assert_proved", "assert_chain_proved", "assert_step_refuted"]


def _describe_failures(parts):
    lines = []
    for part in parts:
        for s in part.steps:
            if s.verdict.ok:
                continue
            where = "general n" if part.n is None else f"n = {part.n}"
            lines.append(f"{part.title} [{where}], step {s.index} ({s.justification}): {s.verdict}\n"
                         f"    left:  {s.lhs}\n    {s.relation} right: {s.rhs}"
                         + (f"\n    counterexample: {s.counterexample}" if s.counterexample else ""))
    return lines


def assert_proved(claim_or_result, n=8, allow_hypotheses=True):
    """Assert that a claim (an id or a :class:`ClaimResult`) is proved for general n and n = 1..n."""
    from . import prove

    result = claim_or_result if isinstance(claim_or_result, ClaimResult) else prove(
        claim_or_result, n=n, numeric=False)
    verdict = result.verdict
    if verdict.ok and (allow_hypotheses or not verdict.hypotheses):
        return result
    lines = [f"claim {result.id} is {verdict}, not proved"]
    lines += step_lines(result, verbose=False)
    raise AssertionError("\n".join(lines))


def assert_chain_proved(derivation: Derivation, n_values=(None, 2, 3, 4)):
    """Assert that every step of a chain is proved (or proved under its hypotheses)."""
    parts = check_derivation(derivation, n_values)
    bad = _describe_failures(parts)
    if bad:
        raise AssertionError(f"chain {derivation.title!r} has unproved steps:\n" + "\n".join(bad))
    return parts


def assert_step_refuted(derivation: Derivation, step: int, n_values=(None, 2, 3)):
    """Assert that step ``step`` (1-based) of a chain is refuted with a counterexample, and return it."""
    parts = check_derivation(derivation, n_values)
    for part in parts:
        s = part.steps[step - 1]
        if s.verdict.kind == REFUTED and s.counterexample is not None:
            return s
    verdicts = ", ".join(f"{'general' if p.n is None else p.n}: {p.steps[step - 1].verdict}" for p in parts)
    raise AssertionError(f"step {step} of {derivation.title!r} was not refuted ({verdicts})")
