r"""Derivatives in every form people write them, each read as the unevaluated d(F, x).

\frac{\partial F}{\partial x}, the operator \frac{\partial}{\partial x} F,
\frac{dF}{dx} and \frac{d}{dx} F, \partial_{x} F and \nabla_{x} F, the slash
\partial F / \partial x, {\partial F \over \partial x}, and a bare
\partial(F) by the chain's first variable.  The variable is an entry (z_i,
a_j, w_{ji}) or an unknown scalar, never a whole vector."""

from __future__ import annotations

import sympy as sp

from .. import notation as nt
from .tokens import Token
from .vocabulary import _GREEK, _INDEXED, _OPENERS, _bold, _is_variable, describe

__all__ = ["DerivativeRules"]


class DerivativeRules:
    r"""Derivatives in every form people write them, each read as the unevaluated d(F, x).

    A part of :class:`~proofs.reader.parser.Parser` (it uses the parser's cursor,
    ``self.toks``, ``self.ctx`` and ``self.scope``); it is not used on its own.
    """

    def parse_frac(self):
        frac = self.advance()
        if self.at("{", "char") and self.at(r"\partial", "cmd", 1):
            return self.parse_derivative(frac, r"\partial")
        if self.d_fraction():
            return self.parse_derivative(frac, "d")
        numerator = self.parse_arg("the numerator of \\frac")
        den_tok = self.peek()
        if den_tok.kind == "char" and den_tok.text == "{" and self.at(r"\partial", "cmd", 1):
            raise self.error("a \\partial in the denominator needs one in the numerator: "
                             "\\frac{\\partial F}{\\partial x}", self.peek(1))
        denominator = self.parse_arg("the denominator of \\frac")
        return sp.Mul(numerator, self.reciprocal(denominator, den_tok))

    def d_fraction(self):
        """Whether the cursor is at ``{d ...}{d x}`` (``\\frac{d}{dx}``, ``\\frac{dy}{dx}``): a derivative."""
        if not (self.at("{", "char") and self.at("d", "letter", 1)):
            return False
        depth = 0
        q = self.pos
        while q < len(self.toks) and q - self.pos < 400:
            t = self.toks[q]
            if t.kind == "end":
                return False
            if t.kind == "char" and t.text == "{":
                depth += 1
            elif t.kind == "char" and t.text == "}":
                depth -= 1
                if depth == 0:
                    break
            q += 1
        nxt = self.toks[q + 1:q + 4]
        return (len(nxt) == 3 and nxt[0].kind == "char" and nxt[0].text == "{"
                and nxt[1].kind == "letter" and nxt[1].text == "d" and nxt[2].kind in ("letter", "cmd"))

    def parse_derivative(self, frac, mark):
        """``\\frac{\\partial F}{\\partial x}`` and ``\\frac{\\partial}{\\partial x} F``.

        With ``mark`` d: ``\\frac{dF}{dx}`` and ``\\frac{d}{dx} F``.
        """
        self.advance()  # {
        self.advance()  # \partial or d
        if self.at("^", "char"):
            raise self.error("higher derivatives \\partial^2 are not supported; write one derivative per step")
        operator = self.at("}", "char")
        function = None
        start = self.peek()
        hits = self.ctx.vector_hits
        if not operator:
            function = self.parse_expr()
        vector_function = self.ctx.vector_hits > hits
        self.expect("}", "'}' closing the numerator of the derivative")
        self.expect("{", f"'{{' opening the denominator {mark} x")
        self.expect(mark, f"{mark} in the denominator of a derivative")
        hits = self.ctx.vector_hits
        variable = self.derivative_variable()
        vector_variable = self.ctx.vector_hits > hits
        self.expect("}", "'}' closing the denominator of the derivative")
        if operator:
            if not self.starts_factor(self.peek()):
                raise self.error("expected the expression to differentiate after "
                                 f"\\frac{{{mark}}}{{{mark} x}}", self.peek())
            hits = self.ctx.vector_hits
            function = self.parse_operand()
            vector_function = self.ctx.vector_hits > hits
        if vector_function and vector_variable:
            raise self.error("the derivative of a whole vector by a whole vector is a matrix (the Jacobian); "
                             "write one entry, \\frac{\\partial a_i}{\\partial z_j}, or the matrix as a bmatrix",
                             start)
        return nt.d(function, variable)

    def derivative_variable(self, tokens=None):
        """The variable after \\partial (or d): z_i, a_j, b_i, w_{ji}, x; it becomes the chain's variable."""
        var_tok = self.peek()
        with self.nested():
            if var_tok.kind == "letter":
                variable = self.parse_letter()
            elif var_tok.kind == "cmd" and (var_tok.text == r"\delta" or var_tok.text in _GREEK):
                variable = self.parse_atom()
            else:
                raise self.error(f"expected a variable after \\partial, found {describe(var_tok)}", var_tok)
        resolved = self.resolve(var_tok).text
        if isinstance(variable, sp.Symbol) and _bold(var_tok) and resolved in _INDEXED:
            raise self.error(f"a derivative by the vector {var_tok.text} is not read; write one entry, "
                             f"e.g. \\frac{{\\partial C}}{{\\partial {var_tok.text}_i}}", var_tok)
        if not _is_variable(variable):
            written = var_tok.text
            if written in self.ctx.names:
                raise self.error(f"{written} is defined by a formula and cannot be a variable of a derivative; "
                                 f"to differentiate by it, make it a letter of the notation instead, e.g. "
                                 f"'% check: notation {written} = a'", var_tok)
            if written in _INDEXED or self.resolve(var_tok).text in _INDEXED:
                raise self.error(f"a derivative by the vector {written} is not read; write one entry, "
                                 f"e.g. \\frac{{\\partial C}}{{\\partial {written}_i}}", var_tok)
            raise self.error(f"cannot differentiate by {variable}; expected a variable such as z_i, "
                             "a_j, b_i or w_{ji}", var_tok)
        if self.at("^", "char"):
            raise self.error("higher derivatives are not supported; write one derivative per step")
        if self.ctx.variable is None:
            self.ctx.variable = variable
        return variable

    def parse_operand(self):
        """What an operator applies to: a bracketed group, else the rest of the product."""
        tok = self.peek()
        with self.nested():
            if (tok.kind == "char" and tok.text in _OPENERS) or (tok.kind == "cmd" and tok.text == r"\left"):
                return self.parse_factor()
            return self.parse_term()

    def parse_subscript_derivative(self, tok):
        """``\\partial_{z_i} F`` and ``\\nabla_{z_i} F``: the derivative of F by the subscript's variable."""
        if not self.at("_", "char"):
            raise self.error(f"{tok.text} needs a variable: {tok.text}_{{z_i}} F", tok)
        self.advance()
        script = self.script_tokens()
        sub = type(self)(script + [Token("end", "", script[-1].end, script[-1].end)], self.ctx, self.depth,
                     False, self.scope)
        variable = sub.derivative_variable()
        if sub.peek().kind != "end":
            raise sub.error(f"unexpected {describe(sub.peek())}; expected one variable such as z_i")
        if not self.starts_factor(self.peek()):
            raise self.error(f"expected the expression to differentiate after {tok.text}_{{...}}", self.peek())
        return nt.d(self.parse_operand(), variable)

    def parse_bare_partial(self):
        tok = self.advance()
        if self.at("_", "char"):
            return self.parse_subscript_derivative(tok)
        nxt = self.peek()
        if nxt.kind in ("letter", "cmd") and not (nxt.kind == "cmd" and nxt.text == r"\left"):
            # \partial y_i / \partial x_k: a derivative written with a slash
            with self.nested():
                function = self.parse_factor()
            # {\partial F \over \partial x} is the same derivative in plain TeX
            if not ((self.at("/", "char") or self.at(r"\over", "cmd")) and self.at(r"\partial", "cmd", 1)):
                raise self.error("expected '/ \\partial x' after \\partial F; write \\partial F / \\partial x "
                                 "or \\frac{\\partial F}{\\partial x}", self.peek())
            self.advance()
            self.advance()
            return nt.d(function, self.derivative_variable())
        if self.ctx.variable is None:
            raise self.error("a bare \\partial(...) needs the chain to start with a derivative "
                             "\\frac{\\partial F}{\\partial x}, whose x it then means", tok)
        if not self.starts_factor(self.peek()):
            raise self.error("expected a bracketed expression after \\partial", self.peek())
        return nt.d(self.parse_operand(), self.ctx.variable)
