"""The reader's error type and the limits it enforces on untrusted input.

Every limit lives in :data:`LIMITS`, so that the documentation, the error
messages and the tests read the same numbers.  A formula that exceeds one is
refused before anything large is built.
"""

from __future__ import annotations

__all__ = ["LatexError", "LIMITS"]

LIMITS = {
    # bytes in one input file; a larger file is refused before it is read whole
    "file_bytes": 1_000_000,
    # formula blocks in one file
    "blocks": 500,
    # characters in one formula block
    "formula_chars": 20_000,
    # nesting of braces, parentheses, \left...\right and operators
    "depth": 100,
    # digits in one number literal
    "digits": 100,
    # absolute value of a numeric exponent (x^{1000} is the largest power)
    "exponent": 1000,
    # bits of a number computed from literals (2^{1000} has 1001 bits)
    "number_bits": 10_000,
}


class LatexError(ValueError):
    """A formula or a file that the reader cannot read, with where and what was expected.

    ``file``, ``line`` and ``column`` (1-based) point at the offending
    character; ``str(err)`` is the compiler-style one-liner
    ``FILE:LINE:COL: error: MESSAGE``.
    """

    def __init__(self, message, file=None, line=None, column=None, offset=None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset

    def located(self, file, line, column):
        """The same error, placed at ``file:line:column``."""
        return LatexError(self.message, file, line, column, self.offset)

    def __str__(self):
        where = ""
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}:{self.column}"
            where += ": "
        elif self.line is not None:
            where = f"{self.line}:{self.column}: "
        return f"{where}error: {self.message}"
