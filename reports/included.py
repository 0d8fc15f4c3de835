"""A user's derivations, read from a LaTeX file and checked, as handout sections (``--include``).

The file goes through :func:`proofs.reader.check_file`, the same step checker
as the lecture's own proofs; each chain is printed like the lecture's chains,
from the SymPy expressions the checker read, with every step's verdict.
Passages that could not be read are listed, loudly, with their line numbers.
"""

from __future__ import annotations

from pathlib import Path

from proofs.relations import latex as relation_latex

from .document import Heading, Mark, Paragraph, StepRow, Steps, Strong, Text
from .inline import fill
from proofs.printer import lecture_latex

__all__ = ["included_blocks", "check_included"]


def check_included(path):
    """The :class:`proofs.reader.FileReport` of ``path``.

    A file that could not be read at all (an error with no line: unreadable,
    not UTF-8, too large) is a ``ValueError`` naming the file as it was given,
    so that the command line exits with status 2 and nothing is written.
    """
    try:
        from proofs.reader import check_file
    except ImportError as error:
        raise ImportError(f"--include needs proofs.reader.check_file, which is not available: {error}") from None
    report = check_file(str(path))
    for error in report.errors:
        if getattr(error, "line", None) is None:
            reason = getattr(error, "message", None) or str(error)
            raise ValueError(f"--include: cannot read {str(path)!r}: {reason}")
    return report


def _chain(report, cat):
    from .sections import _counterexample, _hypotheses, _mark, _verdict_pieces

    rows = []
    for step in report.steps:
        under = _hypotheses(step.verdict.hypotheses, cat) if step.verdict.kind == "proved-under" else ()
        detail = _counterexample(step.counterexample, cat) if step.counterexample is not None else ()
        reason = fill(cat.lookup("JUSTIFICATIONS", "as-written")) + (Text(f" ({cat.word('line')} {step.line})"),)
        rows.append(StepRow(number=step.index, relation=relation_latex(step.relation),
                            formula=lecture_latex(step.rhs), reason=reason, mark=_mark(step.verdict, cat),
                            under=under, detail=detail))
    start = lecture_latex(report.steps[0].lhs) if report.steps else ""
    title = report.title or f"{cat.word('line')} {report.source.line}"
    return [Heading(2, (Text(title),)),
            Paragraph((Strong(cat.word("claim.verdict")), Text(" ")) + _verdict_pieces(report.verdict, cat), small=True),
            Steps(start=start, rows=tuple(rows))]


def included_blocks(cat, paths, reports=None):
    """The section of the user's checked derivations; ``reports`` may hold already-checked files."""
    blocks = [Heading(1, (Text(cat.word("included")),), anchor="included")]
    for position, path in enumerate(paths):
        report = reports[position] if reports is not None else check_included(path)
        blocks.append(Paragraph((Text(cat.word("included.source")), Strong(Path(path).name))))
        for chain in report.chains:
            blocks += _chain(chain, cat)
        for error in report.errors:
            # The line and the reader's message only: the file is named above, and a path of the
            # machine the handout was built on has no place in it.
            where = f"{cat.word('line')} {error.line}, {cat.word('column')} {error.column}: "
            message = getattr(error, "message", str(error))
            blocks.append(Paragraph((Mark("undecided", cat.word("included.unread")), Text(" " + where + message))))
    return blocks
