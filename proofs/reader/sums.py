r"""Sums: \sum with its index, lower bound, upper limit, excluded index, and its body.

\sum_{j=1}^{n}, \sum_j, \sum_{j \ne i}, \sum_{\substack{j=1 \\ j \ne i}}^n,
\sum_k^C (an upper letter other than n, m or an index is n), \sum e^{z}
(no index: one of its own).  The body is the rest of the product, up to the
last factor that uses the index."""

from __future__ import annotations

import sympy as sp

from .. import notation as nt
from .bound import free_symbols
from .tokens import Token
from .vocabulary import _IMPLICIT, INDEX_LETTERS, _is_index, _previous_layer, describe, index_symbol

__all__ = ["SumRules"]


class SumRules:
    r"""Sums: \sum with its index, lower bound, upper limit, excluded index, and its body.

    A part of :class:`~proofs.reader.parser.Parser` (it uses the parser's cursor,
    ``self.toks``, ``self.ctx`` and ``self.scope``); it is not used on its own.
    """

    def parse_sum(self):
        tok = self.advance()
        while self.peek().kind == "cmd" and self.peek().text in (r"\limits", r"\nolimits"):
            self.advance()
        index = lower = excluded = upper = None
        for _ in range(2):
            if self.at("_", "char") and index is None:
                self.advance()
                index, lower, excluded = self.sum_conditions()
            elif self.at("^", "char") and upper is None:
                caret = self.advance()
                upper = self.index_arg(caret)
            else:
                break
        implicit = index is None
        if implicit:
            # \sum e^{z}: the sum over all classes of the vector's entries, by an index of its own.
            used = {t.text for t in self.toks if t.kind == "letter"}
            name = next(c for c in ("k", "l", "p", "q", "r", "s", "u", "v", "K") if c not in used)
            index = (name, index_symbol(name))
        lower = sp.Integer(1) if lower is None else lower
        if excluded is not None and lower != 1:
            raise self.error("a sum with j \\ne i must run from 1", tok)
        body_tok = self.peek()
        if not self.starts_operand(body_tok) or body_tok.text == "|":
            raise self.error(f"expected the body of the sum, found {describe(body_tok)}", body_tok)
        self.scope.append({_IMPLICIT: index[1]} if implicit else {index[0]: index[1]})
        try:
            with self.nested():
                factors = self.parse_factors()
        finally:
            self.scope.pop()
        if implicit and not any(index[1] in free_symbols(f) for f in factors):
            raise self.error("a sum needs its index: \\sum_{j=1}^{n}, \\sum_j or \\sum_{j \\ne i} "
                             "(without one, its body must be a vector such as e^{z})", tok)
        # The body runs to the last factor that involves the index: in
        # \sum_l e^{z_l} X, X stays outside (both readings have the same value).
        var = index[1]
        # (SymPy's own free_symbols leaves out the variable of a derivative, z_i in da_j/dz_i.)
        last = max((q for q, f in enumerate(factors) if var in free_symbols(f)), default=len(factors) - 1)
        body, rest = sp.Mul(*factors[:last + 1]), sp.Mul(*factors[last + 1:])
        if upper is None:
            upper = nt.m if _previous_layer(body, var) else nt.n
        if excluded is not None:
            return nt.SumExcept(body, var, excluded, upper) * rest
        return sp.Sum(body, (var, lower, upper)) * rest

    def index_arg(self, caret):
        """A sum's upper limit or lower bound: an index expression (n, m, 3, n-1)."""
        tok = self.peek()
        if self.at("{", "char") and self.at("}", "char", 1):
            self.advance(), self.advance()
            return nt.n                     # \sum_{k}^{ }: over all classes
        if tok.kind == "char" and tok.text == "{":
            toks = self.script_tokens()
            end = Token("end", "", toks[-1].end, toks[-1].end)
            sub = type(self)(toks + [end], self.ctx, self.depth, True, self.scope)
            value = sub.parse_expr()
            if sub.peek().kind != "end":
                raise sub.error(f"unexpected {describe(sub.peek())}; expected the sum's upper limit")
        elif tok.kind == "num":
            value = self.number(self.take_digit())
        elif tok.kind == "letter":
            self.advance()
            value = self.letter_symbol_index(tok)
        else:
            raise self.error(f"expected the sum's upper limit, found {describe(tok)}", tok)
        if (isinstance(value, sp.Symbol) and value not in (nt.n, nt.m, nt.V) and value.name not in INDEX_LETTERS
                and not any(value in frame.values() for frame in self.scope)):
            self.ctx.note(tok.pos, f"{value.name} as the upper limit of a sum is read as n, the number of classes")
            value = nt.n
        if not _is_index(value):
            raise self.error(f"expected an upper limit such as n, m or 3, found {value}", tok)
        return value

    def sum_conditions(self):
        """The subscript of \\sum: j, {j=1}, {j \\ne i}, {j=1, j \\ne i}, {\\substack{j=1 \\\\ j \\ne i}}."""
        tok = self.peek()
        if tok.kind == "letter":
            self.advance()
            return (tok.text, index_symbol(tok.text)), None, None
        if not (tok.kind == "char" and tok.text == "{"):
            raise self.error(f"expected the sum's index after '_', found {describe(tok)}", tok)
        self.advance()
        separators = [","]
        closers = 1
        if self.at(r"\substack", "cmd"):
            self.advance()
            self.expect("{", "'{' after \\substack")
            separators = [",", r"\\"]
            closers = 2
        conditions = [self.sum_condition()]
        while self.peek().text in separators and self.peek().kind in ("char", "cmd"):
            self.advance()
            conditions.append(self.sum_condition())
        for _ in range(closers):
            self.expect("}", "'}' closing the sum's conditions")
        letters = {c[0][0] for c in conditions}
        if len(letters) != 1:
            raise self.error(f"the conditions of a sum name different indices {sorted(letters)}; "
                             "expected one index, e.g. {j=1, j \\ne i}", tok)
        index = conditions[0][0]
        lower = next((c[1] for c in conditions if c[1] is not None), None)
        excluded = next((c[2] for c in conditions if c[2] is not None), None)
        return index, lower, excluded

    def sum_condition(self):
        tok = self.peek()
        if tok.kind != "letter":
            raise self.error(f"expected a summation index such as j, found {describe(tok)}", tok)
        self.advance()
        index = (tok.text, index_symbol(tok.text))
        if self.at("=", "char"):
            self.advance()
            sub = self
            saved = self.index_mode
            self.index_mode = True
            try:
                lower = sub.parse_expr()
            finally:
                self.index_mode = saved
            if not _is_index(lower):
                raise self.error(f"expected the sum's lower bound (a number or an index), found {lower}", tok)
            return index, lower, None
        if self.peek().kind == "cmd" and self.peek().text in (r"\ne", r"\neq"):
            self.advance()
            other = self.peek()
            if other.kind != "letter":
                raise self.error(f"expected an index after \\ne, found {describe(other)}", other)
            self.advance()
            if other.text == tok.text:
                raise self.error(f"{tok.text} \\ne {tok.text} excludes everything", other)
            excluded = self.letter_symbol_index(other)
            return index, None, excluded
        if self.peek().text in (",", "}", r"\\"):
            return index, None, None
        raise self.error(f"expected '=', \\ne or '}}' after the sum's index, found {describe(self.peek())}")

    def letter_symbol_index(self, tok):
        saved = self.index_mode
        self.index_mode = True
        try:
            return self.letter_symbol(tok)
        finally:
            self.index_mode = saved
