"""The lecture's own proofs through the checker: every step of every version, as the slides write it.

:func:`check_lecture` reads the chains of :mod:`reports.chains` with
:func:`proofs.reader.check_file`, the one step checker of the toolkit, and
returns one :class:`CheckedProof` per proof of the lecture.  Besides the
verdicts it notes where the slides use a bound summation index with the same
letter as a free index of the chain (Lemma 3 writes ``\\sum_{i=1}^n e^{z_i}``
inside the derivative by ``z_i``): the reader renames such an index, so the
clash is read off the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .chains import FILES, LECTURE_PROOFS, source_path

__all__ = ["CheckedProof", "check_lecture", "index_clashes"]

_BOUND = re.compile(r"\\sum_\{\s*([A-Za-z])\s*=")


@dataclass(frozen=True)
class CheckedProof:
    """A proof of the lecture (:class:`reports.chains.LectureProof`) with the checker's report on it.

    ``clashes`` holds ``(letter, step number)`` for each step whose written
    sides sum over a letter that is also a free index of the chain.
    """

    proof: object
    report: object
    clashes: tuple = ()

    @property
    def id(self):
        return self.proof.id

    @property
    def refuted(self):
        """The numbers of the steps the checker refuted."""
        return tuple(s.index for s in self.report.steps if s.verdict.kind == "refuted")

    @property
    def unsettled(self):
        """The numbers of the steps that are neither proved nor refuted."""
        return tuple(s.index for s in self.report.steps if s.verdict.kind == "undecided")


def index_clashes(report):
    """``(letter, step)`` pairs where a written sum binds a letter that is free in the chain."""
    free = {str(index) for index in report.derivation.indices}
    seen = []
    for step in report.steps:
        for side in (step.lhs_latex, step.rhs_latex):
            for letter in _BOUND.findall(side):
                if letter in free and not any(letter == s[0] for s in seen):
                    seen.append((letter, step.index))
    return tuple(seen)


def check_lecture(progress=None):
    """Every proof of the lecture, checked; a ``ValueError`` if a file does not hold what is expected."""
    from proofs.reader import check_file

    reports = {}
    for name in FILES:
        with source_path(name) as path:
            report = check_file(str(path))
        if report.errors:
            raise ValueError(f"the lecture's file {name} could not be read: {report.errors[0]}")
        reports[name] = report
        if progress is not None:
            progress(f"checked the lecture's proofs in {name}")
    out = []
    for proof in LECTURE_PROOFS:
        # The reader may add the case a chain is checked in: "Лемма 3, версия 1 (case i ≠ j)".
        chain = next((c for c in reports[proof.file].chains
                      if c.title == proof.title or (c.title or "").startswith(proof.title + " (")), None)
        if chain is None:
            raise ValueError(f"the lecture's file {proof.file} has no chain titled {proof.title!r}")
        out.append(CheckedProof(proof, chain, index_clashes(chain)))
    return tuple(out)
