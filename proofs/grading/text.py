r"""Checking a derivation given as text rather than as a file.

``check_text(r"\frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j}")`` checks a
LaTeX string with the same reader and checker as a file.  Text without display
delimiters (``$$``, ``\[``, ``\begin{...}``) is read as one display formula;
text with them is read as a Markdown file, declarations included.  The report
names the text ``<text>`` instead of a file.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager

from proofs.reader import check_file

from .options import DEFAULT_N_VALUES, DEFAULT_TIME_LIMIT, SUFFIXES

__all__ = ["check_text", "as_file", "TEXT_NAME"]

#: How reports name a derivation given as text.
TEXT_NAME = "<text>"
_DELIMITERS = ("$$", r"\[", r"\begin{")


def check_text(text, n_values=DEFAULT_N_VALUES, assume_lecture=True, time_limit=DEFAULT_TIME_LIMIT):
    r"""The FileReport of the derivation written in ``text`` (LaTeX, or Markdown with display formulas).

    >>> report = check_text(r"\frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j}", n_values=(None,))
    >>> [str(s.verdict) for s in report.chains[0].steps]
    ['proved']
    """
    if not isinstance(text, str):
        raise TypeError(f"check_text needs the LaTeX text of a derivation as a str, got {type(text).__name__}")
    with _text_file(text) as path:
        report = check_file(path, n_values=n_values, assume_lecture=assume_lecture, time_limit=time_limit)
    return renamed(report, path, TEXT_NAME, _shift(text))


def renamed(report, path, name, shift=0):
    """The report with the temporary file ``path`` called ``name`` wherever it is shown.

    ``shift`` columns are taken off every place on the first line: the
    length of the ``$$`` put before a bare formula.
    """

    def column(line, col):
        return col - shift if line == 1 and col is not None else col

    report.path = name
    report.errors = [err.located(name, err.line, column(err.line, err.column)) if err.file == path else err
                     for err in report.errors]
    for item in [*report.notes, *(c.source for c in report.chains)]:
        if item.file == path:
            item.file = name
            item.column = column(item.line, item.column)
    for step in report.steps():
        step.column = column(step.line, step.column)
    for chain in report.chains:
        for where in chain.source.steps:
            where.column = column(where.line, where.column)
    return report


def _shift(text):
    """How many characters :func:`_text_file` puts before the text on its first line."""
    return 0 if any(d in text for d in _DELIMITERS) else len("$$")


@contextmanager
def _text_file(text):
    # A bare formula gets $$ before it on its first line and after it on a line of its own, so that
    # its line numbers stay those of the text; renamed() takes the $$ off the columns of line 1.
    body = text if not _shift(text) else f"$${text}\n$$\n"
    with tempfile.TemporaryDirectory(prefix="derivation-") as folder:
        path = os.path.join(folder, "text.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(body)
        yield path


@contextmanager
def as_file(path_or_text):
    """``(path to read, name to show, columns added on line 1)`` for a file path or the text of a derivation.

    A ``str`` is a path when it is one line that names an existing file or
    ends in .md, .markdown or .tex; any other ``str`` is the derivation itself.
    """
    if isinstance(path_or_text, os.PathLike):
        yield os.fspath(path_or_text), os.fspath(path_or_text), 0
        return
    if not isinstance(path_or_text, str):
        raise TypeError("expected a path to a Markdown or LaTeX file, or the LaTeX text of a derivation; "
                        f"got {type(path_or_text).__name__}")
    one_line = "\n" not in path_or_text
    if one_line and (os.path.exists(path_or_text) or path_or_text.lower().endswith(SUFFIXES)):
        yield path_or_text, path_or_text, 0
        return
    with _text_file(path_or_text) as path:
        yield path, TEXT_NAME, _shift(path_or_text)
