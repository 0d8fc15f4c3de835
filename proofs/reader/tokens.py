r"""Tokens of the LaTeX math subset.

The tokenizer reads a span of the source text and yields :class:`Token`
objects, each remembering its offset in the whole file so that every error and
every step can be reported as ``FILE:LINE:COL``.

* ``num``: a decimal number, ``12`` or ``0.5`` (at most ``LIMITS["digits"]`` digits);
* ``letter``: one Latin letter (TeX reads ``ab`` as a times b);
* ``cmd``: a control sequence, ``\frac`` or ``\,`` or ``\\``;
* ``text``: the braced argument of ``\text``, ``\mathrm``, ``\operatorname``, ... kept raw
  (a single letter there, ``\mathrm{d}``, is a ``letter``);
* ``char``: any other single character of the subset (``+ - ^ _ { } ( ) = < >`` ...);
* ``end``: the end of the span.

Fonts (``\mathbf``, ``\boldsymbol``, ``\vec``, ...) are dropped; decorations
(``\hat{y}``, ``\tilde{y}``, ``\bar{y}``, ``\mathcal{L}``) make one letter
token written as in the source; ``\color{...}`` is dropped.

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
_TEXT_COMMANDS = {r"\text", r"\mathrm", r"\textrm", r"\mbox", r"\textit", r"\textbf", r"\operatorname",
                  r"\textnormal", r"\textsf"}
#: Fonts are dropped: \mathbf{z} is z.  \vec{z} is the vector z, so \vec is a font here.
_FONTS = {r"\mathbf", r"\boldsymbol", r"\bm", r"\mathit", r"\mathsf", r"\mathnormal", r"\pmb", r"\vec",
          r"\mathbold", r"\mathbfit", r"\boldsymbol"}
#: Decorations make a letter of their own: \hat{y} is not y.
_DECORATIONS = {r"\hat", r"\widehat", r"\tilde", r"\widetilde", r"\bar", r"\overline", r"\mathcal",
                r"\mathscr", r"\check", r"\breve", r"\dot", r"\mathbb"}
#: Letter-like commands that are letters of the reader.
_LETTER_COMMANDS = {r"\ell"}
#: Colour commands; the colour's name is dropped (\textcolor{red}{x} leaves {x}).
_COLOURS = {r"\color", r"\textcolor"}


class Token(NamedTuple):
    """One token: its kind, its text, and its start and end offsets in the file."""

    kind: str
    text: str
    pos: int
    end: int


def tokenize(source: str, start: int = 0, end: int | None = None, depth: int = 0) -> list:
    """The tokens of ``source[start:end]``, ending with an ``end`` token.

    Raises :class:`LatexError` (with ``offset`` set) on a character outside the
    subset, an overlong number or an unclosed ``\\text{``.
    """
    if depth > LIMITS["depth"]:
        raise LatexError(f"styles nested deeper than {LIMITS['depth']} levels", offset=start)
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
                stripped = body.strip()
                if len(stripped) == 1 and stripped.isascii() and stripped.isalpha():
                    out.append(Token("letter", stripped, pos, q))   # \mathrm{d}, \mathrm{e}
                else:
                    out.append(Token("text", body, pos, q))
            elif name in _COLOURS:
                _, q = _braced_raw(source, q, end, name, pos)       # the colour's name
            elif name in _FONTS or name in _DECORATIONS:
                q = _styled(source, q, end, name, pos, out, depth)
            elif name in _LETTER_COMMANDS:
                out.append(Token("letter", name, pos, q))
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


def _styled(source, q, end, name, start, out, depth):
    """Tokens of a font (``\\mathbf{z}``: just z) or a decoration (``\\hat{y}``: the letter ``\\hat{y}``).

    The argument is a braced group or one character.  A font is dropped; a
    decoration makes its first letter a letter of its own, written as in the
    source (``\\hat{y}`` is not y), and the rest of the argument
    (``\\hat{y_i}``) follows it.  Returns the offset after the argument.
    """
    while q < end and source[q].isspace():
        q += 1
    if q < end and source[q] == "{":
        _, after = _braced_raw(source, q, end, name, start)
        inner = tokenize(source, q + 1, after - 1, depth + 1)[:-1]
    elif q < end and source[q] == "\\":
        r = q + 1
        while r < end and source[r].isascii() and source[r].isalpha():
            r += 1
        after = r
        inner = tokenize(source, q, after, depth + 1)[:-1]
    elif q < end and source[q].isascii() and source[q].isalnum():
        after = q + 1
        inner = tokenize(source, q, after, depth + 1)[:-1]
    else:
        raise LatexError(f"expected the argument of {name}, e.g. {name}{{y}}", offset=start)
    if name in _FONTS:
        if len(inner) == 1 or not inner:
            out.extend(Token(t.kind, t.text, start, after) for t in inner)
        else:
            out.append(Token("char", "{", start, start + 1))
            out.extend(inner)
            out.append(Token("char", "}", after - 1, after))
        return after
    if name == r"\mathbb" and len(inner) == 1 and inner[0].text in ("1", "I"):
        out.append(Token("cmd", r"\mathbb{1}", start, after))     # the indicator of a condition
        return after
    if not inner or inner[0].kind not in ("letter", "cmd"):
        raise LatexError(f"expected a letter under {name}, e.g. {name}{{y}}", offset=start)
    out.append(Token("letter", f"{name}{{{inner[0].text}}}", start, inner[0].end))
    out.extend(inner[1:])
    return after


def _braced_raw(source, q, end, name, start):
    """The raw text of the braced argument of ``\\text`` and its kin, and the offset after it."""
    while q < end and source[q].isspace():
        q += 1
    if q < end and source[q] == "*" and name == r"\operatorname":
        q += 1                                    # \operatorname*{softmax}
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
