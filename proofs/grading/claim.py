r"""Grading a written derivation against a claim of the lecture.

``check_claim("lemma-4", "answer.md")`` reads the answer's chains, checks
every step with the project's step checker, and decides whether one chain
proves the claim: it starts at the claim's left side and ends at its right side
(as written, up to algebra: :func:`proofs.grading.endpoints.written_alike`), relates its ends by
a relation that gives the claim's, and every step holds using only what the
claim assumes.  The :class:`Grade` says "proves lemma-4" or lists exactly what
is missing.

Hypotheses.  The answer is read with only what it declares.  A step that
fails there but holds under :math:`\sum_j y_j = 1` relies on the lecture's
standing hypothesis without declaring it: with ``assume_lecture=True`` (the
default, as in ``python -m proofs.check``) that is allowed when the claim
assumes it, and the grade says so in a remark; with ``assume_lecture=False``
it is a gap, named with the declaration that is missing.  A step that holds
only under something the claim does not assume (:math:`\sum_j y_j = 1` for
Lemma 1, an ``assume y_2 = 2 y_1``, an ``assume i \ne j`` that the claim lacks)
is a gap whatever the setting.  The index conditions of the claim itself
(Lemma 3's :math:`i \ne j`) may be used without a declaration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import sympy as sp

from proofs.claims import claim as find_claim, claims
from proofs.hypotheses import SUM_Y_ONE
from proofs.reader import check_file
from proofs.counterexamples import counterexample_text

from proofs.relations import RELATIONS, compose, from_sympy, implies, latex as relation_latex

from .endpoints import flip, free_indices, renamings, same, written_alike
from .hints import SUM_Y_DECLARATION, declaration_line, recheck
from .options import DEFAULT_N_VALUES, DEFAULT_TIME_LIMIT

__all__ = ["check_claim", "gradable_claims", "Grade", "ChainGrade", "StepScore", "Gap"]

#: What a step counts for, in the order of how well it went (refuted and undecided are the verdicts' own words).
HOLDS, HOLDS_UNDECLARED, UNDECLARED, EXTRA, REFUTED, UNDECIDED = (
    "holds", "holds-undeclared", "undeclared", "extra-hypothesis", "refuted", "undecided")


@dataclass
class Gap:
    """One thing that keeps an answer from proving the claim, with its place when it has one.

    ``kind`` is one of ``unreadable``, ``no-chain``, ``model``, ``relation``,
    ``starts-elsewhere``, ``ends-elsewhere``, ``refuted``, ``undecided``,
    ``undeclared``, ``extra-hypothesis``; ``message`` says it in a sentence.
    """

    kind: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None
    step: Optional[int] = None
    #: The title of the chain it is in, when that is not the graded chain.
    chain: Optional[str] = None

    def to_dict(self):
        return {"kind": self.kind, "message": self.message, "line": self.line, "column": self.column,
                "step": self.step, "chain": self.chain}


@dataclass
class StepScore:
    """One step of the graded chain: the checker's report on it and what it counts for the grade."""

    report: object
    status: str
    note: str = ""
    #: The verdict that counts: the checker's, or the one under the hypothesis the step relies on.
    verdict: object = None

    def __post_init__(self):
        if self.verdict is None:
            self.verdict = self.report.verdict

    @property
    def ok(self):
        return self.status in (HOLDS, HOLDS_UNDECLARED)

    def to_dict(self):
        s = self.report
        cx = s.counterexample if self.verdict is s.verdict else None
        return {"index": s.index, "line": s.line, "column": s.column, "relation": s.relation,
                "lhs_latex": s.lhs_latex, "rhs_latex": s.rhs_latex, "verdict": str(self.verdict),
                "status": self.status, "score": 1 if self.ok else 0, "note": self.note,
                "counterexample": None if cx is None else counterexample_text(cx)}


@dataclass
class ChainGrade:
    """One chain of the answer measured against the claim."""

    chain: object
    steps: list
    gaps: list = field(default_factory=list)
    remarks: list = field(default_factory=list)
    start_ok: Optional[bool] = None
    end_ok: Optional[bool] = None
    reversed: bool = False
    #: The chain's free indices read as the claim's (the answer's k for the claim's i); empty if none is renamed.
    rename: dict = field(default_factory=dict)

    def claim_name(self, index):
        """The name of one of the chain's free indices as the claim calls it."""
        return str(self.rename.get(index, index))

    @property
    def proves(self):
        return not self.gaps and bool(self.start_ok) and bool(self.end_ok)

    @property
    def held(self):
        return sum(1 for s in self.steps if s.ok)

    def rank(self):
        """How close the chain comes to proving the claim (larger is closer)."""
        fraction = self.held / len(self.steps) if self.steps else 0.0
        return (self.proves, bool(self.start_ok) + bool(self.end_ok), fraction)

    def to_dict(self):
        src = self.chain.source
        return {"title": self.chain.title, "line": src.line, "column": src.column,
                "starts_at_left_side": self.start_ok, "ends_at_right_side": self.end_ok,
                "read_right_to_left": self.reversed, "steps": [s.to_dict() for s in self.steps],
                "score": {"steps": len(self.steps), "hold": self.held,
                          "fraction": round(self.held / len(self.steps), 4) if self.steps else 0.0}}


@dataclass
class Grade:
    """Whether the answer at ``path`` proves the claim ``claim_id``, and if not, what is missing.

    ``chain`` is the chain that was graded (the one that proves the claim, or
    the one that comes closest); ``gaps`` lists what is missing, ``remarks``
    what was allowed but worth saying; ``report`` is the checker's FileReport.
    """

    claim_id: str
    path: str
    report: object
    chain: Optional[ChainGrade] = None
    gaps: list = field(default_factory=list)
    remarks: list = field(default_factory=list)
    others: list = field(default_factory=list)
    assume_lecture: bool = True

    @property
    def proves(self):
        return not self.gaps and self.chain is not None and self.chain.proves

    @property
    def exit_code(self):
        """0 when the answer proves the claim, 2 when it cannot be read, 1 otherwise."""
        if self.proves:
            return 0
        return 2 if self.report.errors else 1

    def summary(self):
        """One line: ``proves lemma-4`` or ``does not prove lemma-4: <the first gap>``."""
        if self.proves:
            return f"proves {self.claim_id}" + (f" ({'; '.join(self.remarks)})" if self.remarks else "")
        first = self.gaps[0].message if self.gaps else "no chain proves it"
        more = f" (and {len(self.gaps) - 1} more)" if len(self.gaps) > 1 else ""
        return f"does not prove {self.claim_id}: {first}{more}"

    def lines(self):
        """``FILE: proves ID``, or ``FILE: does not prove ID:`` followed by each gap at its place, for people."""
        if self.proves or not self.gaps:
            return [f"{self.path}: {self.summary()}"]
        out = [f"{self.path}: does not prove {self.claim_id}:"]
        for gap in self.gaps:
            where = f"{self.path}:{gap.line}:{gap.column}: " if gap.line is not None else f"{self.path}: "
            out.append(f"    {where}{gap.message}")
        for remark in self.remarks:
            out.append(f"    note: {remark}")
        return out

    def to_dict(self):
        """A JSON-ready dictionary with a per-step score for a grading script."""
        return {"claim": self.claim_id, "file": self.path, "proves": self.proves, "summary": self.summary(),
                "assume_lecture": self.assume_lecture, "missing": [g.to_dict() for g in self.gaps],
                "remarks": list(self.remarks), "chain": None if self.chain is None else self.chain.to_dict(),
                "errors": [str(e) for e in self.report.errors], "exit_code": self.exit_code}


def gradable_claims():
    """The ids of the claims that state one relation between two sides (and so can be graded)."""
    return tuple(c.id for c in claims() if _relation(c) is not None)


def _relation(claim):
    st = claim.statement
    if isinstance(st, sp.core.relational.Relational) and st.rel_op in {r.sympy for r in RELATIONS.values()}:
        return from_sympy(st.rel_op)
    return None


def _claim(claim_id):
    if not isinstance(claim_id, str):
        raise TypeError(f"claim_id must be a claim's id such as 'lemma-4', got {claim_id!r}")
    claim = find_claim(claim_id)
    if _relation(claim) is None:
        raise ValueError(f"claim {claim_id!r} does not state one relation between two sides, so no chain can "
                         f"prove it; claims that can be graded: {', '.join(gradable_claims())}")
    return claim


def check_claim(claim_id, path_or_text, n_values=DEFAULT_N_VALUES, assume_lecture=True,
                time_limit=DEFAULT_TIME_LIMIT) -> Grade:
    r"""Grade the answer ``path_or_text`` (a file, or LaTeX text) against the claim ``claim_id``.

    ``path_or_text`` is a path (``str`` or ``os.PathLike``) to a Markdown or
    LaTeX file, or the text of an answer (see :func:`proofs.grading.check_text`
    for how text is read).  Raises ``ValueError`` for an unknown claim or one
    that states no single relation; an answer that cannot be read is a Grade
    with the gap ``unreadable`` (exit code 2).
    """
    from .text import as_file, renamed

    claim = _claim(claim_id)
    with as_file(path_or_text) as (path, shown, shift):
        report = check_file(path, n_values=n_values, assume_lecture=False, time_limit=time_limit)
        if shown != path:
            renamed(report, path, shown, shift)
        grade = Grade(claim.id, shown, report, assume_lecture=assume_lecture)
        for error in report.errors:
            grade.gaps.append(Gap("unreadable", f"cannot be read: {error.message}", error.line, error.column))
        chains = [_grade_chain(claim, chain, shown, n_values, time_limit, assume_lecture)
                  for chain in report.chains]
    if not chains:
        if not report.errors:
            grade.gaps.append(Gap("no-chain", "no chain of relations was read"))
        return grade
    best = max(range(len(chains)), key=lambda k: (chains[k].rank(), -k))
    grade.chain = chains[best]
    grade.gaps[:0] = grade.chain.gaps
    grade.remarks += grade.chain.remarks
    for other in chains[:best] + chains[best + 1:]:
        grade.others.append(other)
        for gap in other.gaps:
            if gap.step is not None:
                grade.gaps.append(Gap(gap.kind, f"in the chain {other.chain.title}: {gap.message}",
                                      gap.line, gap.column, gap.step, other.chain.title))
    return grade


# --------------------------------------------------------------- one chain
def _grade_chain(claim, chain, path, n_values, time_limit, assume_lecture):
    # A step's status starts as its verdict: holds, refuted or undecided.
    scores = [StepScore(s, HOLDS if s.verdict.ok else (REFUTED if s.verdict.kind == REFUTED else UNDECIDED))
              for s in chain.steps]
    grade = ChainGrade(chain, scores, rename=_reading(claim, chain))
    if _is_sigmoid(chain.derivation.model) != any(_is_sigmoid(p.model) for p in claim.parts):
        about = "sigmoid outputs with the quadratic cost" if not _is_sigmoid(chain.derivation.model) else "softmax"
        grade.gaps.append(Gap("model", f"the chain is read with the model {chain.derivation.model.name}, "
                                       f"but {claim.id} is about {about}", chain.source.line, chain.source.column))
    _undeclared(claim, grade, path, n_values, time_limit, assume_lecture)
    _extra(claim, grade, n_values, time_limit)
    for score in grade.steps:
        if not score.ok and score.status in (REFUTED, UNDECIDED):
            grade.gaps.append(_step_gap(score))
    _ends(claim, grade, n_values, time_limit)
    order = {"model": 0, "relation": 1, "starts-elsewhere": 2, "ends-elsewhere": 3}
    grade.gaps.sort(key=lambda g: (order.get(g.kind, 4), g.step or 0))
    return grade


def _reading(claim, chain):
    """How to read the chain's free indices as the claim's: the renaming under which its ends are the
    claim's two sides, else one under which one end is, else none (the identity)."""
    st = claim.statement
    wanted = []
    for side in (st.lhs, st.rhs):
        wanted += [ix for ix in free_indices(side) if ix not in wanted]
    exprs = chain.derivation.expressions
    options = renamings(chain.derivation.indices, wanted)
    for rename in options:
        for one, other in ((st.lhs, st.rhs), (st.rhs, st.lhs)):
            if written_alike(exprs[0], one, rename) and written_alike(exprs[-1], other, rename):
                return rename
    for rename in options:
        if any(written_alike(e, side, rename) for e in (exprs[0], exprs[-1]) for side in (st.lhs, st.rhs)):
            return rename
    return {}


def _is_sigmoid(model):
    """Whether a chain or a claim's part is about sigmoid outputs (``check: model sigmoid``) rather than softmax."""
    from proofs.notation import SIGMOID_QUADRATIC

    return model is not None and model.name == SIGMOID_QUADRATIC.name


def _step_gap(score):
    """The gap of a refuted or undecided step: both sides as written and the counterexample or the reason."""
    s = score.report
    what = f"step {s.index} ({s.lhs_latex} {relation_latex(s.relation)} {s.rhs_latex}) is {s.verdict.kind}"
    if s.counterexample is not None:
        what += f": at {counterexample_text(s.counterexample)}"
    elif s.detail:
        what += f": {s.detail}"
    return Gap(s.verdict.kind, what, s.line, s.column, s.index)


def _claim_pairs(claim, grade):
    """The claim's distinct index pairs as the chain's own index symbols, if both are free in it and not declared."""
    derivation = grade.chain.derivation
    by_name = {grade.claim_name(ix): ix for ix in derivation.indices}
    have = {tuple(sorted(map(grade.claim_name, p))) for p in derivation.distinct}
    out = []
    for p, q in {tuple(sorted(map(str, pair))) for part in claim.parts for pair in part.distinct}:
        if p in by_name and q in by_name and (p, q) not in have:
            out.append((by_name[p], by_name[q]))
    return out


def _undeclared(claim, grade, path, n_values, time_limit, assume_lecture):
    """Failing steps that hold once the claim's own conditions or the lecture's sum y = 1 are added."""
    failing = [s for s in grade.steps if not s.ok and not s.report.detail]
    d = grade.chain.derivation
    if not failing:
        return
    claim_names = {h.name for h in claim.hypotheses}
    add_sum = all(h.name != SUM_Y_ONE.name for h in d.hypotheses)
    pairs = _claim_pairs(claim, grade)
    if not add_sum and not pairs:
        return
    hyps = (*d.hypotheses, SUM_Y_ONE) if add_sum else None
    distinct = (*d.distinct, *pairs) if pairs else None
    again = recheck(grade.chain, n_values, time_limit, hypotheses=hyps, distinct=distinct)
    fixed = [s for s in failing if again.steps[s.report.index - 1].verdict.ok]
    if not fixed:
        return
    uses_sum = add_sum and any(SUM_Y_ONE.name in again.steps[s.report.index - 1].verdict.hypotheses for s in fixed)
    declaration = declaration_line(f"assume {SUM_Y_DECLARATION}", path)
    numbers = ("step " if len(fixed) == 1 else "steps ") + ", ".join(str(s.report.index) for s in fixed)
    for score in fixed:
        score.verdict = again.steps[score.report.index - 1].verdict
        if uses_sum and SUM_Y_ONE.name not in claim_names:
            score.status = EXTRA
            grade.gaps.append(Gap(EXTRA, f"step {score.report.index} holds only under sum_j y_j = 1, "
                                         f"which {claim.id} does not assume",
                                  score.report.line, score.report.column, score.report.index))
        elif uses_sum and not assume_lecture:
            score.status = UNDECLARED
            score.note = f"holds under sum_j y_j = 1, which the answer does not declare ({declaration})"
            grade.gaps.append(Gap(UNDECLARED, f"step {score.report.index} relies on sum_j y_j = 1 without "
                                              f"declaring it; add {declaration} before the chain",
                                  score.report.line, score.report.column, score.report.index))
        else:
            score.status = HOLDS_UNDECLARED
            score.note = "holds under " + ("sum_j y_j = 1, the lecture's standing hypothesis" if uses_sum
                                           else f"the claim's condition {_pairs_text(pairs)}")
    if uses_sum and SUM_Y_ONE.name in claim_names and assume_lecture:
        grade.remarks.append(f"{numbers} {'uses' if len(fixed) == 1 else 'use'} sum_j y_j = 1, the lecture's "
                             f"standing hypothesis, which {claim.id} assumes, without declaring it")
    if pairs and not uses_sum:
        grade.remarks.append(f"{numbers} {'uses' if len(fixed) == 1 else 'use'} {_pairs_text(pairs)}, "
                             f"which {claim.id} assumes")


def _pairs_text(pairs):
    return ", ".join(f"{p} != {q}" for p, q in pairs)


def _extra(claim, grade, n_values, time_limit):
    """Steps that hold only under a declaration the claim does not have (an assume of its own)."""
    d = grade.chain.derivation
    claim_names = {h.name for h in claim.hypotheses}
    claim_pairs = {tuple(sorted(map(str, pair))) for part in claim.parts for pair in part.distinct}
    extra = [h for h in d.hypotheses if h.name not in claim_names]
    extra_pairs = [p for p in d.distinct if tuple(sorted(map(grade.claim_name, p))) not in claim_pairs]
    if not extra and not extra_pairs:
        return
    holding = [s for s in grade.steps if s.status == HOLDS]
    if not holding:
        return
    kept = tuple(h for h in d.hypotheses if h.name in claim_names)
    kept_pairs = tuple(p for p in d.distinct if tuple(sorted(map(grade.claim_name, p))) in claim_pairs)
    again = recheck(grade.chain, n_values, time_limit, hypotheses=kept, distinct=kept_pairs)
    names = [h.name for h in extra] + [f"{p} != {q}" for p, q in extra_pairs]
    for score in holding:
        if not again.steps[score.report.index - 1].verdict.ok:
            score.status = EXTRA
            score.note = f"holds only under {', '.join(names)}"
            grade.gaps.append(Gap(EXTRA, f"step {score.report.index} uses {', '.join(names)}, which {claim.id} "
                                         "does not assume", score.report.line, score.report.column,
                                  score.report.index))


def _ends(claim, grade, n_values, time_limit):
    """Compare the chain's first and last expressions with the claim's two sides."""
    from ..printer import lecture_latex

    chain = grade.chain
    wanted = _relation(claim)
    shown = compose(s.relation for s in chain.steps)
    exprs = chain.derivation.expressions
    first = (exprs[0], chain.steps[0].lhs_latex)
    last = (exprs[-1], chain.steps[-1].rhs_latex)
    lhs = (claim.statement.lhs, lecture_latex(claim.statement.lhs))
    rhs = (claim.statement.rhs, lecture_latex(claim.statement.rhs))
    rename = grade.rename
    if not written_alike(first[0], lhs[0], rename) and written_alike(first[0], rhs[0], rename):
        grade.reversed = True
    target_first, target_last = (rhs, lhs) if grade.reversed else (lhs, rhs)
    left_name, right_name = ("right", "left") if grade.reversed else ("left", "right")
    grade.start_ok = written_alike(first[0], target_first[0], rename)
    grade.end_ok = written_alike(last[0], target_last[0], rename)
    where = chain.source
    if not grade.start_ok:
        why = _why(same(claim, target_first, first, where, n_values, time_limit, f"the start of {chain.title}",
                        chain.derivation.model))
        grade.gaps.append(Gap("starts-elsewhere", f"the chain starts at {first[1]}, not at the claim's "
                                                  f"{left_name} side {target_first[1]}{why}",
                              where.line, where.column))
    if not grade.end_ok:
        why = _why(same(claim, last, target_last, where, n_values, time_limit, f"the end of {chain.title}",
                        chain.derivation.model))
        proved = f"; it shows {first[1]} {relation_latex(shown)} {last[1]}" if shown else ""
        grade.gaps.append(Gap("ends-elsewhere", f"the chain ends at {last[1]}, not at the claim's {right_name} "
                                                f"side {target_last[1]}{why}{proved}",
                              chain.steps[-1].line, chain.steps[-1].column))
    if shown is None:
        grade.gaps.append(Gap("relation", "the chain's steps point both ways (< and >), so they relate its ends "
                                          "by no single relation", where.line, where.column))
    elif not implies(flip(shown) if grade.reversed else shown, wanted):
        grade.gaps.append(Gap("relation", f"the chain shows {first[1]} {relation_latex(shown)} {last[1]}, which does "
                                          f"not give the claim's {relation_latex(wanted)}", where.line, where.column))
    if grade.reversed and grade.proves:
        grade.remarks.append("the chain runs from the claim's right side to its left side")
    if rename and grade.proves:
        grade.remarks.append("the chain writes " + ", ".join(f"{mine} for the claim's {theirs}"
                                                             for mine, theirs in rename.items()))


def _why(step):
    """Why two ends differ, from the checker's verdict on their equality."""
    if step.verdict.ok:
        return " (the two are equal, but the answer does not write the step between them)"
    if step.counterexample is not None:
        return f" (they differ at {counterexample_text(step.counterexample)})"
    return ""
