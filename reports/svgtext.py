r"""Labels with a little mathematics, as SVG text.

Plot labels are written once, as LaTeX text with ``$...$`` math (the same
string PGFPlots typesets).  For the SVG figures this module turns the small
subset of LaTeX that labels use -- letters, digits, sub- and superscripts,
``\frac``, ``\left(``, a few Greek letters and operators -- into runs of SVG
``<tspan>`` elements: italic letters in math, raised or lowered smaller
scripts.  Anything else is an error, so a label that the SVG cannot show is
found when the handout is built, not by a reader.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from proofs.notation import PLAIN_TEXT
from proofs.relations import RELATIONS

__all__ = ["runs", "to_tspans", "plain"]

# Letters, operators and relations come from the notation's tables; the rest is typography.
_SYMBOLS = {
    **{command[1:]: text for command, text in PLAIN_TEXT.items()},
    **{spelling[1:]: r.unicode for r in RELATIONS.values() for spelling in r.spellings if spelling[0] == "\\"},
    "prime": "′", "lvert": "|", "rvert": "|", "mid": "|", "quad": " ", ",": " ", " ": " ", ";": " ",
    "%": "%", "_": "_", "&": "&", "#": "#",
}
_UPRIGHT = {"ln", "log", "exp", "min", "max"}
_IGNORED = {"left", "right", "displaystyle", "!", "big", "Big", "bigl", "bigr"}
_FONTS = {"mathrm", "text", "textrm", "mathbf", "textbf", "operatorname"}


class _Reader:
    def __init__(self, source):
        self.s = source
        self.pos = 0

    def peek(self):
        return self.s[self.pos] if self.pos < len(self.s) else ""

    def take(self):
        ch = self.peek()
        self.pos += 1
        return ch

    def command(self):
        start = self.pos
        if self.peek().isalpha():
            while self.peek().isalpha():
                self.pos += 1
        else:
            self.pos += 1
        return self.s[start:self.pos]

    def group(self):
        """The source of a braced group or of a single token."""
        if self.peek() == "{":
            depth, start = 0, self.pos
            while self.pos < len(self.s):
                ch = self.take()
                if ch == "\\":
                    self.take()
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if depth == 0:
                        return self.s[start + 1:self.pos - 1]
            raise ValueError(f"unbalanced braces in label {self.s!r}")
        if self.peek() == "\\":
            self.take()
            return "\\" + self.command()
        return self.take()


def _math_runs(source, level, out, upright=False):
    reader = _Reader(source)
    while reader.pos < len(reader.s):
        ch = reader.take()
        if ch == "\\":
            name = reader.command()
            if name in _IGNORED:
                if reader.peek() in "().[]|":
                    ch2 = reader.take()
                    if ch2 != ".":
                        out.append((ch2, level, False))
                continue
            if name == "frac":
                top, bottom = reader.group(), reader.group()
                _math_runs(top, level, out, upright)
                out.append(("/", level, False))
                _math_runs(bottom, level, out, upright)
            elif name in _FONTS:
                _math_runs(reader.group(), level, out, upright=True)
            elif name in _SYMBOLS:
                out.append((_SYMBOLS[name], level, name not in _UPRIGHT and _SYMBOLS[name].isalpha()))
            else:
                raise ValueError(f"the SVG labels do not know \\{name} (in {source!r})")
        elif ch in "_^":
            _math_runs(reader.group(), level + (-1 if ch == "_" else 1), out, upright)
        elif ch in "{}":
            continue
        elif ch == "'":
            out.append(("′", level, False))
        elif ch == " ":
            continue
        else:
            out.append((ch, level, ch.isalpha() and not upright))


def runs(label):
    """Split a label into ``(text, level, italic)`` runs; level 0 is the baseline."""
    out = []
    parts = label.split("$")
    if len(parts) % 2 == 0:
        raise ValueError(f"unbalanced $ in label {label!r}")
    for position, part in enumerate(parts):
        if position % 2 == 0:
            if part:
                out.append((part.replace("\\%", "%").replace("--", "–"), 0, False))
        else:
            _math_runs(part, 0, out)
    merged = []
    for text, level, italic in out:
        if merged and merged[-1][1:] == (level, italic):
            merged[-1] = (merged[-1][0] + text, level, italic)
        else:
            merged.append((text, level, italic))
    return merged


def plain(label):
    """The label's characters without markup (for titles and alt text)."""
    return "".join(text for text, _, _ in runs(label))


def to_tspans(label, size=12):
    """The label as SVG ``<tspan>`` elements, scripts smaller and shifted with ``dy``."""
    out, current = [], 0
    for text, level, italic in runs(label):
        shift = round(-0.35 * size * (level - current), 2)
        attrs = []
        if shift:
            attrs.append(f'dy="{shift:g}"')
        if level:
            attrs.append(f'font-size="{round(size * 0.72, 1):g}"')
        if italic:
            attrs.append('font-style="italic"')
        body = escape(text)
        out.append(f"<tspan {' '.join(attrs)}>{body}</tspan>" if attrs else body)
        current = level
    if current:
        out.append(f'<tspan dy="{round(0.35 * size * current, 2):g}"></tspan>')
    return "".join(out)


def plain_formula(label):
    """The label as one line of plain text that keeps its scripts: ``a_i^(L) - y_i``.

    For alt text and SVG titles, which cannot hold markup but must still
    carry the formulas.
    """
    out, current = [], 0
    for text, level, _ in runs(label):
        if level != current and level != 0:
            out.append("_" if level < current else "^")
        elif level != current:
            out.append(" " if text[:1].isalnum() else "")
        out.append(text)
        current = level
    return "".join(out)
