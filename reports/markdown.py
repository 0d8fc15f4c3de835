"""The Markdown writer: a :class:`reports.document.Document` as GitHub-flavoured Markdown.

Formulas are ``$...$`` and ``$$...$$`` (the dollarmath syntax that GitHub and
markdown-it's dollarmath plugin read, rendered with KaTeX).  A derivation is
written one step per paragraph: the step's number, justification and verdict
mark, then the step as a display formula ``{} = ...``.  Figures are SVG files
beside the Markdown file; :func:`render_markdown` returns them with it.
"""

from __future__ import annotations

import re

from .document import (Display, Document, Figure, Heading, Items, Mark, Math, Paragraph, Steps, Strong,
                       Table, Text)
from .svg import render_svg

__all__ = ["render_markdown", "escape_markdown", "MARK_SYMBOLS"]

MARK_SYMBOLS = {"proved": "✅", "proved-under": "✅", "refuted": "❌", "undecided": "⚠️"}
"""The symbol before each verdict's label; refuted and undecided labels are also bold."""

_SPECIAL = re.compile(r"([\\`*_\[\]<>|$#])")


def escape_markdown(text):
    """Text with Markdown's (and dollarmath's) special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def _math(latex):
    if "$" in latex:
        raise ValueError(f"a formula must not contain $, got {latex!r}")
    return "$%s$" % latex.strip()


def _inline(pieces):
    out = []
    for piece in pieces:
        if isinstance(piece, Text):
            out.append(escape_markdown(piece.text))
        elif isinstance(piece, Strong):
            out.append("**%s**" % escape_markdown(piece.text.strip()) + (" " if piece.text.endswith(" ") else ""))
        elif isinstance(piece, Math):
            out.append(_math(piece.latex))
        elif isinstance(piece, Mark):
            label = escape_markdown(piece.label)
            if piece.kind in ("refuted", "undecided"):
                label = "**%s**" % label
            out.append("%s %s" % (MARK_SYMBOLS[piece.kind], label))
        else:
            raise TypeError(f"cannot write {type(piece).__name__} inline in Markdown")
    return "".join(out)


def _display(latex):
    return "$$\n%s\n$$" % latex


def _steps(block):
    parts = []
    if block.start:
        parts.append(_display(block.start))
    for row in block.rows:
        line = "(%d) %s · %s" % (row.number, _inline(row.reason), _inline((row.mark,)))
        if row.under:
            line += " " + _inline(row.under)
        parts.append(line)
        parts.append(_display("{} %s %s" % (row.relation, row.formula)))
        if row.detail:
            parts.append("> " + _inline(row.detail))
    return "\n\n".join(parts)


def _table(block):
    def cells(row, bold):
        texts = [_inline(cell) for cell in row]
        return "| " + " | ".join(("**%s**" % t if bold and t else t) for t in texts) + " |"

    lines = [cells(block.header, False), "|" + "|".join(":---:" for _ in block.header) + "|"]
    for number, row in enumerate(block.rows):
        lines.append(cells(row, number == block.highlight))
    out = "\n".join(lines)
    if block.caption:
        out += "\n\n" + _inline(block.caption)
    return out


def render_markdown(document: Document, stem):
    """``{file name: content}``: the Markdown file ``stem.md`` and the SVG files it shows."""
    files = {}
    parts = ["# " + escape_markdown(document.title), "*%s*" % escape_markdown(document.subtitle)]
    for block in document.blocks:
        if isinstance(block, Heading):
            anchor = f'<a id="claim-{block.anchor}"></a>\n\n' if block.anchor else ""
            parts.append(anchor + "#" * (block.level + 1) + " " + _inline(block.content))
        elif isinstance(block, Paragraph):
            parts.append(_inline(block.content))
        elif isinstance(block, Display):
            parts.append(_display(block.latex))
        elif isinstance(block, Items):
            parts.append("\n".join("- " + _inline(item) for item in block.items))
        elif isinstance(block, Steps):
            parts.append(_steps(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Figure):
            name = f"{stem}.{block.name}.svg"
            alt = "".join(p.text if isinstance(p, Text) else "" for p in block.caption).strip() or block.name
            files[name] = render_svg(block.plot, title=alt)
            parts.append("![%s](%s)" % (escape_markdown(alt), name))
            if block.caption:
                parts.append("*%s*" % _inline(block.caption).strip())
        else:
            raise TypeError(f"cannot write a {type(block).__name__} block in Markdown")
    files[f"{stem}.md"] = "\n\n".join(parts) + "\n"
    return files
