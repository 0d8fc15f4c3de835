r"""Matrices read entry by entry: a Jacobian written as a ``bmatrix`` is checked one entry at a time.

``\frac{\partial a}{\partial z} = \begin{bmatrix} A_{11} & A_{12} \\ A_{21} & A_{22} \end{bmatrix}
= \begin{pmatrix} B_{11} & B_{12} \\ B_{21} & B_{22} \end{pmatrix}`` gives one chain per
entry, ``A_{rc} = B_{rc}``.  The sides of the chain that are matrices (``bmatrix``,
``pmatrix``, ``matrix``, ``vmatrix`` is not: it is a determinant) must all have
the same shape; a side that is not a matrix (the name of the Jacobian) is left
out, and :func:`matrix_variants` says so.
"""

from __future__ import annotations

from .cases import _env_at
from .errors import LatexError
from .layout import split_at
from ..relations import READ
from .tokens import Token

__all__ = ["matrix_variants", "MATRICES"]

MATRICES = {"bmatrix", "pmatrix", "matrix", "Bmatrix"}
_RELATIONS = set(READ)  # every spelling of a step relation


def matrix_variants(toks):
    """``(variants, dropped)``: one token list per entry ``(label, tokens)``, and the sides left out.

    Without a matrix in the block: ``([], [])``.  ``dropped`` are the first
    tokens of the sides that are not matrices (to report where they stand).
    """
    if not any(_env_at(toks, q, r"\begin")[0] in MATRICES for q in range(len(toks))):
        return [], []
    sides, relations, current, depth, q = [], [], [], 0, 0
    body = toks[:-1]
    while q < len(body):
        t = body[q]
        name, after = _env_at(body, q, r"\begin")
        if name in MATRICES:
            end = _matching_end(body, after, name)
            current.append(("matrix", _cells(body[after:end], t)))
            q = _env_at(body, end, r"\end")[1]
            continue
        if t.kind == "char" and t.text == "{":
            depth += 1
        elif t.kind == "char" and t.text == "}":
            depth -= 1
        if depth == 0 and ((t.kind == "char" and t.text in "=<>") or (t.kind == "cmd" and t.text in _RELATIONS)):
            sides.append(current)
            relations.append(t)
            current = []
        elif not (t.kind == "char" and t.text == "&") and not (
                t.kind == "cmd" and t.text in ("\\\\", r"\left", r"\right")):
            if not (t.kind == "char" and t.text in "()[]" and not current):
                current.append(("token", t))
        q += 1
    sides.append(current)
    matrices, dropped, rels = [], [], []
    for number, side in enumerate(sides):
        parts = [p for p in side if not (p[0] == "token" and p[1].kind == "char" and p[1].text in "()[].,")]
        if len(parts) == 1 and parts[0][0] == "matrix":
            if matrices:
                rels.append(relations[number - 1])
            matrices.append(parts[0][1])
        elif parts:
            dropped.append(next(p[1] for p in parts if p[0] == "token") if any(p[0] == "token" for p in parts)
                           else toks[0])
    if len(matrices) < 2:
        raise LatexError("a matrix is compared entry by entry only with another matrix of the same shape; "
                         "write both sides as bmatrix or pmatrix", offset=toks[0].pos)
    shape = [len(row) for row in matrices[0]]
    for m in matrices[1:]:
        if [len(row) for row in m] != shape:
            raise LatexError(f"matrices of different shapes in one chain: {_shape(matrices[0])} and {_shape(m)}",
                             offset=toks[0].pos)
    variants = []
    end = toks[-1]
    for r, row in enumerate(matrices[0]):
        for c in range(len(row)):
            out = []
            for number, m in enumerate(matrices):
                if number:
                    out.append(rels[number - 1])
                cell = m[r][c]
                out += ([Token("char", "{", cell[0].pos, cell[0].pos)] + cell
                        + [Token("char", "}", cell[-1].end, cell[-1].end)])
            variants.append((f"entry ({r + 1}, {c + 1})", out + [end]))
    return variants, dropped


def _shape(matrix):
    return f"{len(matrix)}x{len(matrix[0]) if matrix else 0}"


def _matching_end(toks, q, name):
    depth = 1
    while q < len(toks):
        if _env_at(toks, q, r"\begin")[0] == name:
            depth += 1
        elif _env_at(toks, q, r"\end")[0] == name:
            depth -= 1
            if depth == 0:
                return q
        q += 1
    raise LatexError(f"\\begin{{{name}}} is never closed; expected \\end{{{name}}}", offset=toks[q - 1].pos)


def _cells(toks, begin):
    """The rows of a matrix body as lists of cells, each a list of tokens."""
    rows = [cells for row in split_at(toks, "cmd", "\\\\") if any(cells := split_at(row, "char", "&"))]
    for r in rows:
        for cell in r:
            if not cell:
                raise LatexError("an empty entry in a matrix; expected a formula in every cell", offset=begin.pos)
    if not rows:
        raise LatexError("an empty matrix", offset=begin.pos)
    return rows
