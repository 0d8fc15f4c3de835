"""Verdicts: what the checker concluded about a step, a derivation, a claim.

A verdict is one of

* ``proved`` -- SymPy reduced the difference of the two sides to zero (or
  decided the sign of an inequality) with no hypothesis;
* ``proved-under:<h>`` -- the same, after imposing the named hypotheses;
* ``refuted`` -- a concrete counterexample was found (n, z, y and both sides);
* ``undecided`` -- SymPy could not reduce it and no counterexample was found.

Numeric agreement is never a verdict; it is reported as evidence beside one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

__all__ = ["PROVED", "PROVED_UNDER", "REFUTED", "UNDECIDED", "Verdict", "Counterexample", "StepResult",
           "PartResult", "FactResult", "ClaimResult", "ChainResult", "FileOutline", "FileResult", "count_verdicts",
           "worst"]

PROVED = "proved"
PROVED_UNDER = "proved-under"
REFUTED = "refuted"
UNDECIDED = "undecided"

_RANK = {PROVED: 0, PROVED_UNDER: 1, UNDECIDED: 2, REFUTED: 3}


@dataclass(frozen=True)
class Verdict:
    """A verdict with the hypotheses it needed (empty unless proved-under)."""

    kind: str
    hypotheses: tuple = ()

    def __str__(self):
        if self.kind == PROVED_UNDER:
            return f"{PROVED_UNDER}:{','.join(self.hypotheses)}"
        return self.kind

    @property
    def ok(self):
        return self.kind in (PROVED, PROVED_UNDER)


@dataclass(frozen=True)
class Counterexample:
    """A concrete point where two sides differ: n, the values of the variables, both sides.

    The names are the notation's atoms (``z[1]``, ``y[2]``, an index ``i``) and
    the values SymPy numbers, exact where the point is; they become text only in
    :mod:`proofs.counterexamples`.
    """

    n: Optional[int]
    values: dict
    lhs: object
    rhs: object

    def __str__(self):
        from .counterexamples import counterexample_text

        return counterexample_text(self)


@dataclass
class StepResult:
    """The verdict on one step: for one n (``n``: None for general n) of a built-in derivation, or,
    for a step read from a file, over every n checked (``results``, one StepResult per n).

    A step read from a file also has its place: ``line`` and ``column`` of its relation sign and
    both sides as written (``lhs_latex``, ``rhs_latex``); ``detail`` says why it is undecided.
    """

    index: int
    lhs: object
    rhs: object
    relation: str
    justification: str
    verdict: Verdict
    n: Optional[int] = None
    counterexample: Optional[Counterexample] = None
    method: str = ""
    line: Optional[int] = None
    column: Optional[int] = None
    lhs_latex: str = ""
    rhs_latex: str = ""
    results: list = field(default_factory=list)
    detail: str = ""
    #: Points at which the numeric veto evaluated a proved step (evidence, not proof).
    checked_points: int = 0
    #: The largest gap between the sides at those points ("=" steps), and the n they were drawn for.
    checked_gap: float = 0.0
    checked_n: tuple = ()
    #: Set when the symbolic route said proved and the numeric route found the sides differ.
    internal_error: str = ""


def count_verdicts(steps):
    """How many steps got each verdict: keys ``steps``, proved, proved-under, refuted, undecided."""
    out = {"steps": 0, PROVED: 0, PROVED_UNDER: 0, REFUTED: 0, UNDECIDED: 0}
    for s in steps:
        out["steps"] += 1
        out[s.verdict.kind] += 1
    return out


@dataclass
class PartResult:
    """The verdicts on every step of one derivation, for one n."""

    title: str
    n: Optional[int]
    steps: list
    verdict: Verdict
    part: Optional[int] = None
    id: str = ""


@dataclass
class FactResult:
    """The verdict on one computed fact (a table, a minimum, a limit)."""

    title: str
    verdict: Verdict
    detail: str = ""
    n: Optional[int] = None
    counterexample: Optional[Counterexample] = None
    id: str = ""


@dataclass
class ClaimResult:
    """Everything the prover found about one claim."""

    claim: object
    general: Optional[Verdict]
    instances: dict
    parts: list = field(default_factory=list)
    facts: list = field(default_factory=list)
    numeric: Optional[object] = None
    seconds: float = 0.0

    @property
    def id(self):
        return self.claim if isinstance(self.claim, str) else self.claim.id

    def __repr__(self):
        ns = sorted(self.instances)
        span = f"n = {ns[0]}..{ns[-1]}: " + ", ".join(str(self.instances[q]) for q in ns) if ns else "no n"
        return f"ClaimResult({self.id}: {self.verdict}; general n: {self.general}; {span})"

    @property
    def verdict(self):
        """The worst verdict over general n and all instances."""
        vs = [v for v in [self.general, *self.instances.values()] if v is not None]
        return worst(vs)

    @property
    def ok(self):
        return self.verdict.ok

    def failures(self):
        """Every step or fact result that is not proved, general n first."""
        out = []
        for part in self.parts:
            out += [s for s in part.steps if not s.verdict.ok]
        out += [f for f in self.facts if not f.verdict.ok]
        return out


@dataclass
class ChainResult:
    """The verdicts on every step of one chain read from a file (a Derivation, and where it stands)."""

    derivation: object
    source: object
    steps: list
    parts: list = field(default_factory=list)

    @property
    def title(self):
        return self.source.title

    @property
    def verdict(self):
        return worst(s.verdict for s in self.steps)


@dataclass
class FileOutline:
    """One file's chains, its notes (not checked), its errors (unreadable) and how many blocks were read."""

    path: str
    chains: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    blocks_read: int = 0
    blocks_unread: int = 0


@dataclass
class FileResult(FileOutline):
    """Everything checked in one file: its chains are :class:`ChainResult` s."""

    def steps(self):
        return [s for c in self.chains for s in c.steps]

    def counts(self):
        """How many steps got each verdict (:func:`count_verdicts`)."""
        return count_verdicts(self.steps())

    @property
    def exit_code(self):
        """2 if the file could not be read whole, 1 if a step is refuted or undecided, else 0."""
        if self.errors:
            return 2
        return 0 if all(s.verdict.ok for s in self.steps()) else 1


def worst(verdicts):
    """The worst of several verdicts; hypotheses of proved-under ones are merged."""
    verdicts = list(verdicts)
    if not verdicts:
        return Verdict(PROVED)
    top = max(verdicts, key=lambda v: _RANK[v.kind])
    if top.kind == PROVED_UNDER:
        hyps = []
        for v in verdicts:
            for h in v.hypotheses:
                if h not in hyps:
                    hyps.append(h)
        return Verdict(PROVED_UNDER, tuple(hyps))
    return top
