"""Checking the chains of a file with the project's one step checker.

:func:`check_file` reads a file (:func:`proofs.latex.chains.read_file`), sends
every chain through :func:`proofs.prover.check_derivation` -- the same checker
that runs the lecture's built-in proofs -- and gathers one verdict per step:
the worst verdict over general n and the concrete n checked, with the first
counterexample found.  Nothing here decides a step.
"""

from __future__ import annotations

import signal
import threading
from dataclasses import dataclass, field
from typing import Optional

from ..prover import check_derivation
from ..verdict import PROVED, PROVED_UNDER, REFUTED, UNDECIDED, Counterexample, Verdict, worst
from .chains import ChainSource, read_file

__all__ = ["StepReport", "ChainReport", "FileReport", "check_file", "N_VALUES", "TIME_LIMIT"]

#: The numbers of classes every chain is checked for: general n, then 2, 3, 4.
N_VALUES = (None, 2, 3, 4)
#: Seconds allowed for one chain before its unfinished steps are left undecided.
TIME_LIMIT = 60.0


@dataclass
class StepReport:
    """The verdict on one step, where it stands, and both sides as written and as read."""

    index: int
    line: int
    column: int
    relation: str
    lhs_latex: str
    rhs_latex: str
    lhs: object
    rhs: object
    verdict: Verdict
    counterexample: Optional[Counterexample] = None
    results: list = field(default_factory=list)
    detail: str = ""


@dataclass
class ChainReport:
    """The verdicts on every step of one chain (a Derivation read from the file)."""

    derivation: object
    source: ChainSource
    steps: list
    parts: list = field(default_factory=list)

    @property
    def title(self):
        return self.source.title

    @property
    def verdict(self):
        return worst(s.verdict for s in self.steps)


@dataclass
class FileReport:
    """Everything checked in one file: chains, notes (not checked) and errors (unreadable)."""

    path: str
    chains: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def steps(self):
        return [s for c in self.chains for s in c.steps]

    def counts(self):
        """How many steps got each verdict: keys steps, proved, proved-under, refuted, undecided."""
        out = {"steps": 0, PROVED: 0, PROVED_UNDER: 0, REFUTED: 0, UNDECIDED: 0}
        for s in self.steps():
            out["steps"] += 1
            out[s.verdict.kind] += 1
        return out

    @property
    def exit_code(self):
        """2 if the file could not be read whole, 1 if a step is refuted or undecided, else 0."""
        if self.errors:
            return 2
        return 0 if all(s.verdict.ok for s in self.steps()) else 1


class _OutOfTime(Exception):
    pass


def check_file(path, n_values=N_VALUES, assume_lecture=True, time_limit=TIME_LIMIT, seed=0) -> FileReport:
    """Read the file at ``path`` and check each of its chains; never raises on bad input.

    ``n_values`` are passed to :func:`proofs.prover.check_derivation`;
    ``assume_lecture`` adds the lecture's standing hypothesis sum_j y_j = 1 to
    every chain; ``time_limit`` (seconds per chain, main thread only) leaves a
    chain that takes longer undecided.
    """
    reading = read_file(path, assume_lecture=assume_lecture)
    report = FileReport(reading.path, notes=list(reading.notes), errors=list(reading.errors))
    for derivation, source in reading.chains:
        report.chains.append(check_chain(derivation, source, n_values, time_limit, seed))
    return report


def check_chain(derivation, source: ChainSource, n_values=N_VALUES, time_limit=TIME_LIMIT, seed=0) -> ChainReport:
    """One chain through the step checker, its parts merged into one verdict per step."""
    try:
        with _deadline(time_limit):
            parts = check_derivation(derivation, n_values, seed=seed)
    except _OutOfTime:
        return _undecided(derivation, source, f"not finished within the time limit of {time_limit:g} s")
    except Exception as exc:  # noqa: BLE001 -- any failure deep in SymPy on untrusted input
        # A formula can reach corners of SymPy that fail; the chain is then
        # left undecided, with the reason, instead of stopping the whole run.
        return _undecided(derivation, source, f"the checker failed: {type(exc).__name__}: {exc}")
    steps = []
    exprs = derivation.expressions
    for k, where in enumerate(source.steps, start=1):
        results = [s for part in parts for s in part.steps if s.index == k]
        verdict = worst(r.verdict for r in results) if results else Verdict(UNDECIDED)
        cx = next((r.counterexample for r in results if r.counterexample is not None), None)
        steps.append(StepReport(k, where.line, where.column, where.relation, where.lhs, where.rhs,
                                exprs[k - 1], exprs[k], verdict, cx, results))
    return ChainReport(derivation, source, steps, parts)


def _undecided(derivation, source, detail):
    exprs = derivation.expressions
    steps = [StepReport(k, w.line, w.column, w.relation, w.lhs, w.rhs, exprs[k - 1], exprs[k],
                        Verdict(UNDECIDED), detail=detail)
             for k, w in enumerate(source.steps, start=1)]
    return ChainReport(derivation, source, steps)


class _deadline:
    """Raise _OutOfTime after ``seconds`` of wall time (a no-op outside the main thread)."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.armed = False

    def __enter__(self):
        if (self.seconds and hasattr(signal, "setitimer")
                and threading.current_thread() is threading.main_thread()):
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def _fire(self, signum, frame):
        raise _OutOfTime()

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False
