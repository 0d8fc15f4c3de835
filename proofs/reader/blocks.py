r"""Finding the formula blocks and the ``check:`` declarations of a file.

A file (Markdown or LaTeX) is read as UTF-8 text and scanned once, left to
right, for

* display formulas: ``$$ ... $$`` (possibly over several lines), ``\[ ... \]``,
  and the environments ``align``, ``align*``, ``equation``, ``equation*``,
  ``gather``, ``gather*``, ``multline``, ``multline*``;
* declarations, one per line: ``% check: VERB ARGUMENT`` or
  ``<!-- check: VERB ARGUMENT -->`` (both forms in both kinds of file).

Inline formulas ``$...$`` are not derivations: only those with an equal sign
are kept (:class:`Inline`), since one may define a letter; Markdown code is
passed over, as are
Markdown code (fenced blocks and `inline code`), HTML comments and LaTeX
comments.  The scan is linear in the size of the file, and the file's size
and number of blocks are bounded by :data:`~proofs.reader.errors.LIMITS`.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from dataclasses import dataclass

from .errors import LIMITS, LatexError

__all__ = ["Source", "Block", "Directive", "Inline", "Unread", "read_source", "scan"]

_ENVIRONMENTS = ("align", "equation", "gather", "multline", "displaymath", "eqnarray", "flalign", "alignat")
#: Math environments that are not read on their own; each is reported, never passed over in silence.
_UNREAD = ("math", "dmath", "dgroup", "IEEEeqnarray", "subequations", "empheq", "tikzpicture")
_START = re.compile(
    r"```|~~~|<!--|\$\$|\$|\\\[|\\begin\{(?:" + "|".join(_ENVIRONMENTS + _UNREAD) + r")\*?\}|\\[$%\\]|%|`")
_DIRECTIVE = re.compile(r"\s*check:\s*([A-Za-z-]+)\s*(.*?)\s*$", re.S)


@dataclass
class Source:
    """The text of one file and a table to turn offsets into lines and columns."""

    path: str
    text: str
    markdown: bool

    def __post_init__(self):
        self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_col(self, offset):
        """The 1-based line and column of a character offset."""
        q = bisect.bisect_right(self._starts, offset) - 1
        return q + 1, offset - self._starts[q] + 1

    def error(self, message, offset):
        line, col = self.line_col(offset)
        return LatexError(message, self.path, line, col, offset)

    def locate(self, err: LatexError, default_offset=0):
        """The error placed in this file at its offset."""
        offset = err.offset if err.offset is not None else default_offset
        line, col = self.line_col(offset)
        return err.located(self.path, line, col)


@dataclass
class Block:
    """A display formula: its content spans ``start:end``; ``opening`` is its delimiter.

    ``prose`` is the last line of text before it (where "for i = j" stands),
    starting at ``prose_offset``.
    """

    start: int
    end: int
    opening: int
    delimiter: str
    prose: str = ""
    prose_offset: int = 0


@dataclass
class Inline:
    """An inline formula ``$...$`` with an equal sign: perhaps the definition of a letter."""

    start: int
    end: int


@dataclass
class Unread:
    """A formula environment that the reader does not read, reported with its place."""

    offset: int
    name: str


@dataclass
class Directive:
    """A ``check:`` declaration: ``verb`` and ``argument``, which starts at ``offset``."""

    verb: str
    argument: str
    offset: int
    line_offset: int


def read_source(path) -> Source:
    """The file at ``path`` as text, or a :class:`LatexError` saying why it cannot be read.

    Only a regular file is read: a directory, a fifo, a device or a socket is
    refused at once (it is opened without blocking, so a fifo cannot hang the
    reader), and so is a file larger than ``LIMITS["file_bytes"]``.
    """
    path = os.fspath(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise LatexError("no such file", path) from None
    except (OSError, ValueError) as exc:
        raise LatexError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", path) from None
    _regular(path, info)
    if info.st_size > LIMITS["file_bytes"]:
        raise LatexError(f"the file is too large ({info.st_size / 1e6:.1f} MB); the limit is "
                         f"{LIMITS['file_bytes'] / 1e6:.0f} MB", path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LatexError(f"cannot read: {exc.strerror or exc}", path) from None
    try:
        _regular(path, os.fstat(fd))   # the path may have been replaced since os.stat
        with os.fdopen(fd, "rb") as handle:
            fd = None
            data = handle.read(LIMITS["file_bytes"] + 1)
    except OSError as exc:
        raise LatexError(f"cannot read: {exc.strerror or exc}", path) from None
    finally:
        if fd is not None:
            os.close(fd)
    if len(data) > LIMITS["file_bytes"]:
        raise LatexError(f"the file is too large; the limit is {LIMITS['file_bytes'] / 1e6:.0f} MB", path)
    nul = data.find(b"\0")
    if nul >= 0:
        raise LatexError(f"a binary file (a NUL byte at offset {nul}); expected Markdown or LaTeX text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LatexError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "expected Markdown or LaTeX text", path) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    markdown = not path.lower().endswith((".tex", ".ltx", ".latex"))
    return Source(path, text, markdown)


def _regular(path, info):
    """Refuse anything but a regular file, naming what it is."""
    if stat.S_ISREG(info.st_mode):
        return
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a fifo (named pipe)"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    kind = next((name for test, name in kinds if test(info.st_mode)), "not a regular file")
    raise LatexError(f"is {kind}; expected a Markdown or LaTeX file", path)


def scan(source: Source) -> list:
    """The blocks and directives of ``source`` in file order.

    Raises :class:`LatexError` for an unterminated block or too many blocks.
    """
    text = source.text
    items = []
    count = 0
    pos = 0
    last = 0
    while True:
        m = _START.search(text, pos)
        if m is None:
            break
        tok = m.group(0)
        start = m.start()
        line_start = text.rfind("\n", 0, start) + 1
        at_line_start = text[line_start:start].strip() == ""
        pos = m.end()
        if tok.startswith("\\") and tok[1] in "$%\\":
            continue
        if tok in ("```", "~~~"):
            if source.markdown and at_line_start:
                closing = re.compile(r"^[ \t]*" + re.escape(tok), re.M).search(text, _line_end(text, pos) + 1)
                pos = len(text) if closing is None else _line_end(text, closing.end())
            continue
        if tok == "`":
            if source.markdown:
                end = text.find("`", pos, _line_end(text, pos))
                pos = pos if end < 0 else end + 1
            continue
        if tok == "<!--":
            end = text.find("-->", pos)
            end = len(text) if end < 0 else end
            d = _DIRECTIVE.match(text, pos, end)
            if d:
                items.append(Directive(d.group(1).lower(), d.group(2), d.start(2), start))
            pos = end + 3
            continue
        if tok == "%":
            end = _line_end(text, pos)
            if source.markdown and not at_line_start:
                continue
            d = _DIRECTIVE.match(text, pos, end)
            if d:
                items.append(Directive(d.group(1).lower(), d.group(2), d.start(2), start))
            if not source.markdown:
                pos = end
            continue
        if tok == "$":
            end = text.find("$", pos, _line_end(text, pos))
            if end > pos and "=" in text[pos:end]:
                items.append(Inline(pos, end))
            pos = pos if end < 0 else end + 1
            continue
        closer = {"$$": "$$", "\\[": "\\]"}.get(tok) or tok.replace("\\begin", "\\end")
        end = text.find(closer, pos)
        if end < 0:
            raise source.error(f"this {tok} is never closed; expected {closer}", start)
        count += 1
        if count > LIMITS["blocks"]:
            raise source.error(f"too many formula blocks; the limit is {LIMITS['blocks']} per file", start)
        name = tok[len("\\begin{"):-1].rstrip("*") if tok.startswith("\\begin") else ""
        if name in _UNREAD:
            items.append(Unread(start, name))
            pos = end + len(closer)
            last = pos
            continue
        content = pos
        if name == "alignat":
            argument = re.match(r"\s*\{\s*\d+\s*\}", text[pos:end])
            content = pos + (argument.end() if argument else 0)
        prose, prose_offset = _prose(text, max(last, _after_items(items)), start)
        items.append(Block(content, end, start, tok, prose, prose_offset))
        pos = end + len(closer)
        last = pos
    return items


def _after_items(items):
    """Where the last item found so far ends (0 if none); prose is looked for after it."""
    items = [item for item in items if not isinstance(item, Inline)]
    if not items:
        return 0
    item = items[-1]
    return getattr(item, "end", None) or getattr(item, "offset", 0)


def _prose(text, since, start):
    """The last non-blank line of text between ``since`` and ``start`` (the line before a block)."""
    segment = text[since:start]
    stripped = segment.rstrip()
    if not stripped.strip():
        return "", start
    line_start = stripped.rfind("\n") + 1
    return stripped[line_start:], since + line_start


def _line_end(text, pos):
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
