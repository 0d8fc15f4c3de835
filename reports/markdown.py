r"""The Markdown writer: a :class:`reports.document.Document` as GitHub-flavoured Markdown.

Formulas are ``$...$`` and ``$$...$$`` (the dollarmath syntax that GitHub and
markdown-it's dollarmath plugin read, rendered with KaTeX).  A derivation is
one display formula, ``$$\begin{aligned} ... \end{aligned}$$``, with the
relation signs aligned and each step's number, justification and verdict
beside it; counterexamples follow the block.  A table of contents links the
anchors of the sections.  Figures are SVG files beside the Markdown file,
their alt text and titles holding the caption's formulas in plain text;
:func:`render_markdown` returns them with it.
"""

from __future__ import annotations

import re

from .document import (Display, Document, Figure, Heading, Items, Link, Mark, Math, Paragraph, Steps, Strong,
                       Table, Text)
from .lang import catalog
from .svg import render_svg
from .svgtext import plain_formula

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
        elif isinstance(piece, Link):
            out.append("[%s](#%s)" % (escape_markdown(piece.text), piece.anchor))
        else:
            raise TypeError(f"cannot write {type(piece).__name__} inline in Markdown")
    return "".join(out)


_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "_": r"\_", "%": r"\%", "&": r"\&",
                 "#": r"\#", "$": r"\$", "^": r"\^{}", "~": r"\~{}"}

_MARK_TEX = {"proved": r"\color{green}{\checkmark\ \text{%s}}", "proved-under": r"\color{green}{\checkmark\ \text{%s}}",
             "refuted": r"\color{red}{\times\ \textbf{%s}}", "undecided": r"\color{orange}{?\ \textbf{%s}}"}


def _text_tex(text):
    """Words for ``\\text{...}`` inside a formula."""
    return "".join(_TEXT_ESCAPES.get(ch, ch) for ch in text)


def _inline_tex(pieces):
    """Inline pieces as the inside of a formula: words in ``\\text``, formulas as they are."""
    out = []
    for piece in pieces:
        if isinstance(piece, (Text, Strong, Link)):
            out.append(r"\text{%s}" % _text_tex(piece.text))
        elif isinstance(piece, Math):
            out.append(piece.latex)
        elif isinstance(piece, Mark):
            out.append(_MARK_TEX[piece.kind] % _text_tex(piece.label))
        else:
            raise TypeError(f"cannot write {type(piece).__name__} inside a formula")
    return " ".join(out)


def _display(latex):
    return "$$\n%s\n$$" % latex


def _steps(block):
    """One aligned display for the whole chain; the counterexamples, by step number, below it."""
    lines = []
    for row in block.rows:
        why = [r"\text{(%d)}" % row.number]
        if row.reason:
            why.append(_inline_tex(row.reason))
        why.append(_inline_tex((row.mark,)))
        if row.under:
            why.append(_inline_tex(row.under))
        lines.append("&%s %s && %s" % (row.relation, row.formula, r" \quad ".join(why)))
    head = "%s\n" % block.start if block.start else ""
    parts = [_display("\\begin{aligned}\n%s%s\n\\end{aligned}" % (head, " \\\\\n".join(lines)))]
    for row in block.rows:
        if row.detail:
            parts.append("> (%d) %s" % (row.number, _inline(row.detail)))
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


def _contents(document, cat):
    """The table of contents: every top-level heading that has an anchor, as a link."""
    items = ["- [%s](#%s)" % (_inline(block.content), block.anchor) for block in document.blocks
             if isinstance(block, Heading) and block.level == 1 and block.anchor]
    return ["## " + escape_markdown(cat.word("contents")), "\n".join(items)] if items else []


def alt_text(pieces):
    """A caption as one line of plain text, its formulas included (``a^(L)``, ``∂C/∂b_i^(L)``)."""
    return "".join(p.text if isinstance(p, (Text, Strong, Link)) else plain_formula("$%s$" % p.latex)
                   if isinstance(p, Math) else "" for p in pieces).strip()


def render_markdown(document: Document, stem):
    """``{file name: content}``: the Markdown file ``stem.md`` and the SVG files it shows."""
    files = {}
    cat = catalog(document.lang)
    parts = ["# " + escape_markdown(document.title), "*%s*" % escape_markdown(document.subtitle)]
    parts += _contents(document, cat)
    for block in document.blocks:
        if isinstance(block, Heading):
            anchor = f'<a id="{block.anchor}"></a>\n\n' if block.anchor else ""
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
            alt = alt_text(block.caption) or block.name
            files[name] = render_svg(block.plot, title=alt, decimal=cat.word("decimal.mark"))
            parts.append("![%s](%s)" % (escape_markdown(alt), name))
            if block.caption:
                parts.append("*%s*" % _inline(block.caption).strip())
        else:
            raise TypeError(f"cannot write a {type(block).__name__} block in Markdown")
    files[f"{stem}.md"] = "\n\n".join(parts) + "\n"
    return files
