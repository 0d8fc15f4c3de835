"""The document model shared by the LaTeX and Markdown writers.

A handout is a :class:`Document`: a title and a list of blocks (headings,
paragraphs, display formulas, derivation steps, tables, figures).  Inline
content is a tuple of :class:`Text`, :class:`Math`, :class:`Strong`,
:class:`Mark` and :class:`Link` pieces.  Formulas are stored already printed by
:mod:`proofs.printer`; words are stored already translated.  The writers only
lay the blocks out, so the two formats cannot say different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

__all__ = [
    "Text", "Math", "Strong", "Mark", "Link", "Heading", "Paragraph", "Display", "Items",
    "StepRow", "Steps", "Table", "Figure", "Document", "inline", "VERDICT_KINDS",
]

VERDICT_KINDS = ("proved", "proved-under", "refuted", "undecided")


@dataclass(frozen=True)
class Text:
    """Words, in the document's language; writers escape them."""

    text: str


@dataclass(frozen=True)
class Math:
    """An inline formula in LaTeX, printed by :func:`proofs.printer.lecture_latex`."""

    latex: str


@dataclass(frozen=True)
class Strong:
    """Words set in bold."""

    text: str


@dataclass(frozen=True)
class Mark:
    """A verdict mark: a symbol for its kind and a label in words.

    ``proved`` and ``proved-under`` get a quiet check mark; ``refuted`` and
    ``undecided`` are printed loudly, so that no unproved step passes unseen.
    """

    kind: str
    label: str

    def __post_init__(self):
        if self.kind not in VERDICT_KINDS:
            raise ValueError(f"verdict kind must be one of {VERDICT_KINDS}, got {self.kind!r}")


@dataclass(frozen=True)
class Link:
    """Words that lead to the heading whose ``anchor`` is given (a cross-reference)."""

    text: str
    anchor: str


def inline(*pieces):
    """A tuple of inline pieces; bare strings become :class:`Text`."""
    return tuple(Text(p) if isinstance(p, str) else p for p in pieces)


@dataclass(frozen=True)
class Heading:
    """A section heading; ``level`` 1 is a section, 2 a subsection."""

    level: int
    content: tuple
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline pieces; ``small`` sets it in a smaller type."""

    content: tuple
    small: bool = False


@dataclass(frozen=True)
class Display:
    """A display formula (LaTeX, one line)."""

    latex: str


@dataclass(frozen=True)
class Items:
    """A bulleted list; each item is a tuple of inline pieces."""

    items: tuple


@dataclass(frozen=True)
class StepRow:
    """One step of a derivation: ``relation formula``, why, and the checker's verdict.

    ``under`` holds the hypotheses of a proved-under verdict (inline pieces);
    ``detail`` a counterexample or another remark printed under the step.
    """

    number: int
    relation: str
    formula: str
    reason: tuple
    mark: Mark
    under: tuple = ()
    detail: tuple = ()


@dataclass(frozen=True)
class Steps:
    """A derivation: the start formula and one row per step."""

    start: str
    rows: tuple


@dataclass(frozen=True)
class Table:
    """A table of inline cells; ``highlight`` is the index of a row set in bold."""

    header: tuple
    rows: tuple
    highlight: Optional[int] = None
    caption: tuple = ()
    align: str = ""


@dataclass(frozen=True)
class Figure:
    """A figure: a plot specification (see :mod:`reports.plot`) and a caption.

    ``name`` is a stable file stem for the SVG that the Markdown writer
    references.
    """

    name: str
    plot: object
    caption: tuple = ()


@dataclass(frozen=True)
class Document:
    """A whole handout in one language."""

    lang: str
    title: str
    subtitle: str
    blocks: tuple = field(default_factory=tuple)
