r"""Tokens of the LaTeX math subset.

The tokenizer reads a span of the source text and yields :class:`Token`
objects, each remembering its offset in the whole file so that every error and
every step can be reported as ``FILE:LINE:COL``.

* ``num``: a decimal number, ``12`` or ``0.5`` (at most ``LIMITS["digits"]`` digits);
* ``letter``: one Latin letter (TeX reads ``ab`` as a times b);
* ``cmd``: a control sequence, ``\frac`` or ``\,`` or ``\\``;
* ``text``: the braced argument of ``\text``, ``\mathrm``, ``\textrm``, ``\mbox``, kept raw;
* ``char``: any other single character of the subset (``+ - ^ _ { } ( ) = < >`` ...);
* ``end``: the end of the span.

A ``%`` starts a comment to the end of the line, as in TeX.  A few Unicode
signs that people paste into formulas are read as their commands
(``−`` as ``-``, ``·`` as ``\cdot``, ``≤`` as ``\le``).
"""

from __future__ import annotations

from typing import NamedTuple

from .errors import LIMITS, LatexError

__all__ = ["Token", "tokenize"]

_CHARS = set("+-*/^_{}()[]|=<>,.;:!'&")
_UNICODE = {
    "\u2212": ("char", "-"), "\u00b7": ("cmd", r"\cdot"), "\u22c5": ("cmd", r"\cdot"),
    "\u00d7": ("cmd", r"\times"), "\u2264": ("cmd", r"\le"), "\u2265": ("cmd", r"\ge"),
    "\u2260": ("cmd", r"\ne"), "\u2202": ("cmd", r"\partial"), "\u2211": ("cmd", r"\sum"),
    "\u21d2": ("cmd", r"\Rightarrow"), "\u21d4": ("cmd", r"\Leftrightarrow"),
    "\u00a0": None, "\u2009": None, "\u200b": None,
}
_TEXT_COMMANDS = {r"\text", r"\mathrm", r"\textrm", r"\mbox", r"\textit", r"\textbf", r"\operatorname"}


class Token(NamedTuple):
    """One token: its kind, its text, and its start and end offsets in the file."""

    kind: str
    text: str
    pos: int
    end: int


def tokenize(source: str, start: int = 0, end: int | None = None) -> list:
    """The tokens of ``source[start:end]``, ending with an ``end`` token.

    Raises :class:`LatexError` (with ``offset`` set) on a character outside the
    subset, an overlong number or an unclosed ``\\text{``.
    """
    end = len(source) if end is None else end
    out = []
    pos = start
    while pos < end:
        ch = source[pos]
        if ch.isspace() or ch == "~":
            pos += 1
        elif ch == "%":
            nl = source.find("\n", pos, end)
            pos = end if nl < 0 else nl + 1
        elif ch == "\\":
            q = pos + 1
            if q < end and source[q].isascii() and source[q].isalpha():
                while q < end and source[q].isascii() and source[q].isalpha():
                    q += 1
            elif q < end:
                q += 1
            else:
                raise LatexError("a lone backslash at the end of the formula; expected a command", offset=pos)
            name = source[pos:q]
            if name in _TEXT_COMMANDS:
                body, q = _braced_raw(source, q, end, name, pos)
                out.append(Token("text", body, pos, q))
            else:
                out.append(Token("cmd", name, pos, q))
            pos = q
        elif ch.isdigit() and ch.isascii():
            q = pos
            while q < end and source[q].isdigit() and source[q].isascii():
                q += 1
            if q + 1 < end and source[q] == "." and source[q + 1].isdigit() and source[q + 1].isascii():
                q += 1
                while q < end and source[q].isdigit() and source[q].isascii():
                    q += 1
            text = source[pos:q]
            digits = len(text.replace(".", ""))
            if digits > LIMITS["digits"]:
                raise LatexError(
                    f"a number with {digits} digits is too long; the limit is {LIMITS['digits']} digits",
                    offset=pos)
            out.append(Token("num", text, pos, q))
            pos = q
        elif ch.isascii() and ch.isalpha():
            out.append(Token("letter", ch, pos, pos + 1))
            pos += 1
        elif ch in _CHARS:
            out.append(Token("char", ch, pos, pos + 1))
            pos += 1
        elif ch in _UNICODE:
            mapped = _UNICODE[ch]
            if mapped is not None:
                out.append(Token(mapped[0], mapped[1], pos, pos + 1))
            pos += 1
        else:
            raise LatexError(
                f"unexpected character {ch!r} in a formula; expected a letter, a digit, "
                "an operator or a \\command (words go in \\text{...})", offset=pos)
    out.append(Token("end", "", end, end))
    return out


def _braced_raw(source, q, end, name, start):
    """The raw text of the braced argument of ``\\text`` and its kin, and the offset after it."""
    while q < end and source[q].isspace():
        q += 1
    if q >= end or source[q] != "{":
        raise LatexError(f"expected '{{' after {name}", offset=q if q < end else start)
    depth = 0
    body_start = q + 1
    while q < end:
        c = source[q]
        if c == "\\":
            q += 2
            continue
        if c == "{":
            depth += 1
            if depth > LIMITS["depth"]:
                raise LatexError(f"braces nested deeper than {LIMITS['depth']} levels", offset=q)
        elif c == "}":
            depth -= 1
            if depth == 0:
                return source[body_start:q], q + 1
        q += 1
    raise LatexError(f"unclosed {name}{{...}}; expected '}}'", offset=start)
