r"""The declaration that would make a failing step hold.

A step is often refuted only because the author relied on something the file
does not declare: the lecture's :math:`\sum_j y_j = 1`, or that two indices
differ (:math:`i \ne j`).  :func:`find_hints` checks the chain again with each
such declaration added, one at a time, and names those under which a failing
step is proved.  Nothing is assumed by this: a hint is advice printed beside
the failure, and the step keeps its verdict.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

from proofs.hypotheses import SUM_Y_ONE
from proofs.reader.report import check_chain

__all__ = ["Hint", "find_hints", "recheck", "declaration_line", "SUM_Y_DECLARATION"]

#: At most this many pairs i != j are tried for one chain.
_MAX_PAIRS = 3
#: How the lecture's standing hypothesis is declared in a file.
SUM_Y_DECLARATION = r"\sum_{j=1}^{n} y_j = 1"


@dataclass(frozen=True)
class Hint:
    r"""A declaration (``assume`` followed by ``formula``) under which the steps ``steps`` are proved.

    ``name`` is the hypothesis's name as verdicts print it: ``sum-y-1`` or
    ``i != j``.
    """

    formula: str
    name: str
    steps: tuple

    def line(self, path):
        """The declaration as it is written in the file at ``path`` (Markdown or LaTeX comment)."""
        return declaration_line(f"assume {self.formula}", path)


def declaration_line(text, path):
    """``<!-- check: TEXT -->`` in a Markdown file, ``% check: TEXT`` in a LaTeX file."""
    if str(path).lower().endswith(".tex"):
        return f"% check: {text}"
    return f"<!-- check: {text} -->"


def recheck(chain, n_values, time_limit, hypotheses=None, distinct=None):
    """The chain of ``chain`` (a ChainReport) checked again with other hypotheses or distinct indices.

    With distinct indices the chain needs at least two classes, so its
    smallest n is raised to 2.
    """
    d = chain.derivation
    changes = {}
    if hypotheses is not None:
        changes["hypotheses"] = tuple(hypotheses)
    if distinct is not None:
        changes["distinct"] = tuple(distinct)
        if distinct:
            changes["min_n"] = max(d.min_n, 2)
    return check_chain(dataclasses.replace(d, **changes), chain.source, n_values, time_limit)


def _candidates(derivation):
    """The declarations worth trying: sum_j y_j = 1, then i != j for each pair of free indices."""
    out = []
    if all(h.name != SUM_Y_ONE.name for h in derivation.hypotheses):
        out.append((SUM_Y_DECLARATION, SUM_Y_ONE.name, {"hypotheses": (*derivation.hypotheses, SUM_Y_ONE)}))
    have = {tuple(sorted(str(s) for s in pair)) for pair in derivation.distinct}
    pairs = [(p, q) for p, q in itertools.combinations(sorted(derivation.indices, key=str), 2)
             if (str(p), str(q)) not in have]
    # Each candidate costs a whole check of the chain; a chain rarely has more than three free indices.
    for p, q in pairs[:_MAX_PAIRS]:
        out.append((rf"{p} \ne {q}", f"{p} != {q}", {"distinct": (*derivation.distinct, (p, q))}))
    return out


def find_hints(chain, n_values, time_limit):
    """Every declaration under which a failing step of ``chain`` (a ChainReport) would be proved.

    Steps that failed for want of time or memory (their ``detail`` says so)
    are not tried again.
    """
    failing = {s.index for s in chain.steps if not s.verdict.ok and not s.detail}
    if not failing:
        return []
    hints = []
    for formula, name, change in _candidates(chain.derivation):
        again = recheck(chain, n_values, time_limit, **change)
        fixed = tuple(s.index for s in again.steps if s.index in failing and s.verdict.ok)
        if fixed:
            hints.append(Hint(formula, name, fixed))
    return hints
