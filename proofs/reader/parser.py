r"""A recursive-descent parser from the LaTeX math subset to SymPy objects.

:class:`Parser` holds the cursor, expressions, products, powers and atoms; it
takes the rules for letters and calls (:mod:`.letters`), derivatives
(:mod:`.derivatives`) and sums (:mod:`.sums`) from one module each, and every
table from :mod:`.vocabulary`.

The parser never hands text to SymPy: it builds every object itself from a
short list of constructors (``sp.Add``, ``sp.Mul``, ``sp.Pow``, ``sp.Integer``,
``sp.Rational``, ``sp.exp``, ``sp.log``, ``sp.sqrt``, ``sp.Abs``, ``sp.Sum``,
``sp.Symbol``) and the lecture's names from :mod:`proofs.notation`.

Grammar (``chain`` is one row of a block, after :mod:`.layout`; ``rel`` is
``= < > \le \ge`` and their variants)::

    chain    := rel? expr (text* rel expr)* rel? [.,;]?
    expr     := ('+' | '-')? term (('+' | '-') term)*
    term     := factor (('\cdot' | '\times' | '*' | '/')? factor)*       implicit product
    factor   := ('-' | '+') factor | atom ('^' arg)*
    atom     := number | '1' indicator | letter-atom | group | '|' expr '|'
              | '\left' delim expr '\right' delim
              | '\frac' arg arg | derivative | '\sum' sum-scripts term
              | ('\ln' | '\log' | '\exp') factor | '\sqrt' arg | '\pi' | greek
              | '\sigma' ('(' expr ')' | softmax-call)? | '\mathbb{1}' indicator
              | named | '\partial' partial | '\nabla' '_' script factor
              | '[' letter ('=' | '\ne') letter ']'
    group    := '(' expr ')' | '[' expr ']' | '{' expr ('\over' expr)? '}'
    arg      := '{' expr '}' | digit | letter | greek | defined-name
    letter-atom := 'e' ('^' arg)?                                   Euler's number
              | defined-name scripts? call?                         % check: define, or a fresh letter's equation
              | 'S' softmax-call | ('f' | 'g' | 'h' | letter) call   call: only f, g, h, or with a comma
              | lecture-letter scripts                              a z y b w \delta (after notation aliases)
              | letter scripts                                      an Unknown, or an index in a subscript
    scripts  := ('_' script)? ('^' layer)?  in either order;  layer := '(L)' | '(L-1)' | 'L' | 'L-1'
    script   := '{' index (',' index)? '}' | letter | digit            w takes two indices, \delta_{ij} too
    index    := an integer expression of letters and numbers (j, j+1, 3); any expression for an Unknown
    softmax-call := '(' z layer? ')' '_' script                    (also \left( ... \right))
    call     := '(' expr (',' expr)* ')'
    named    := \text/\mathrm/\operatorname{exp | log | ln} factor | {softmax} softmax-call
    indicator:= '_' '{' letter ('=' | '\ne') letter '}' | ('(' | '\{' | '[') letter ('=' | '\ne') letter closer
    derivative := '\frac' '{' D expr? '}' '{' D variable '}' operand?   D is \partial or d (\mathrm{d})
    partial  := '_' script operand | factor ('/' | '\over') '\partial' variable | operand
    variable := letter-atom | '\delta' scripts | greek                 an entry, never a whole vector
    operand  := group | '\left' ... | term
    sum-scripts := ('_' conditions)? ('^' upper)?  in either order; no '_': an index of its own
    conditions := letter | '{' cond (',' cond)* '}' | '{' '\substack' '{' cond ('\\' cond)* '}' '}'
    cond     := letter ('=' index | '\ne' letter)?
    upper    := '{' index? '}' | digit | letter                         a letter other than n, m or an index is n

What the notation means:

* ``a_j^{(L)}`` (or ``a_j``) is ``a[j]``, ``a_j^{(L-1)}`` is ``a_prev[j]``,
  ``z_i`` is ``z[i]``, ``b_i`` is ``b[i]``, ``w_{ji}`` is ``w[j, i]``,
  ``y_i`` is ``y[i]``, ``\delta_i`` is ``delta[i]``; ``C`` is the cost, ``n`` and
  ``m`` the layer sizes, ``e`` Euler's number and ``e^{x}`` is ``exp(x)``;
* ``\frac{\partial F}{\partial x}``, ``\frac{\partial (F)}{\partial x}`` and
  ``\frac{\partial}{\partial x} (F)`` are the unevaluated ``d(F, x)``; a bare
  ``\partial(F)`` with no denominator is the derivative of F by the variable
  of the first derivative written in the chain (:attr:`Context.variable`);
* ``\sum_{j=1}^{n}``, ``\sum_j`` (j = 1..n) and ``\sum_{j \ne i}`` or
  ``\sum_{\substack{j=1 \\ j \ne i}}^n`` (the lecture's ``SumExcept``); the body of a
  sum is the rest of the product, ``\sum_j y_j \ln a_j``;
* any other letter is an unknown real quantity (:func:`proofs.notation.unknown`),
  positive only where ``% check: assume x > 0`` declares it, and an integer index
  in a subscript.

Limits (:data:`proofs.reader.errors.LIMITS`) are checked before anything large
is built: nesting depth, numeric exponents and the size of numbers.
"""

from __future__ import annotations

from contextlib import contextmanager

import sympy as sp

from .. import notation as nt
from .errors import LIMITS, LatexError
from .size import INDEX_SIZE, magnitude
from .derivatives import DerivativeRules
from .letters import LetterRules
from .sums import SumRules
from .tokens import Token
from .vocabulary import (_ADVICE, _FACTOR_COMMANDS, _FUNCTIONS, _GREEK, _LEFT_DELIMS, _NAMED_FUNCTIONS, _OPENERS,
                         _SOFTMAX_NAMES, INDEX_LETTERS, INDICATOR, RELATIONS, Context, Definition, PositiveUnknown,
                         _short, describe, index_symbol)

__all__ = ["Context", "Definition", "PositiveUnknown", "Parser", "RELATIONS", "INDEX_LETTERS", "index_symbol"]


def _absolute(inner):
    """|x|; the size |V| of the training set V is the lecture's number of examples."""
    if isinstance(inner, nt.Unknown) and inner.name == "V":
        return nt.V
    return sp.Abs(inner)


class Parser(LetterRules, DerivativeRules, SumRules):
    """Reads one list of tokens (a block, a declaration, or a part of one)."""

    def __init__(self, tokens, context=None, depth=0, index_mode=False, scope=None):
        self.toks = tokens
        self.pos = 0
        self.ctx = context if context is not None else Context()
        self.depth = depth
        self.index_mode = index_mode
        self.scope = scope if scope is not None else []
        #: Inside the arguments of a call, l(y, \hat{y}), a vector is the whole vector, not an entry.
        self.whole_vectors = False

    # ----------------------------------------------------------- plumbing
    def peek(self, ahead=0) -> Token:
        q = min(self.pos + ahead, len(self.toks) - 1)
        return self.toks[q]

    def advance(self) -> Token:
        tok = self.toks[self.pos]
        if tok.kind != "end":
            self.pos += 1
        return tok

    def at(self, text, kind=None, ahead=0):
        tok = self.peek(ahead)
        return tok.text == text and tok.kind != "end" and (kind is None or tok.kind == kind)

    def error(self, message, tok=None) -> LatexError:
        tok = tok or self.peek()
        return LatexError(message, offset=tok.pos)

    def expect(self, text, what=None):
        tok = self.peek()
        if tok.text != text or tok.kind == "end":
            raise self.error(f"expected {what or repr(text)}, found {describe(tok)}", tok)
        return self.advance()

    @contextmanager
    def nested(self):
        self.depth += 1
        if self.depth > LIMITS["depth"]:
            raise self.error(f"the formula is nested deeper than {LIMITS['depth']} levels; "
                             "split it into smaller steps")
        try:
            yield
        finally:
            self.depth -= 1

    def relation(self, ahead=0):
        """The relation at the cursor (``=``, ``<=`` ...) or None."""
        tok = self.peek(ahead)
        if tok.kind in ("char", "cmd") and tok.text in RELATIONS:
            return RELATIONS[tok.text]
        return None

    # ----------------------------------------------------------- expressions
    def parse_expr(self):
        """A sum of terms; stops before a relation, a closing bracket or the end."""
        with self.nested():
            tok = self.peek()
            if not self.starts_operand(tok) and tok.kind != "cmd":
                raise self.error(f"expected an expression, found {describe(tok)}", tok)
            terms = [self.parse_term()]
            while self.at("+", "char") or self.at("-", "char"):
                sign = self.advance()
                if not self.starts_operand(self.peek()):
                    raise self.error(f"expected a term after '{sign.text}', found {describe(self.peek())}")
                t = self.parse_term()
                terms.append(t if sign.text == "+" else sp.Mul(sp.S.NegativeOne, t))
            return sp.Add(*terms)

    def parse_term(self):
        """A product of factors, with or without \\cdot; a sum's body is one of these."""
        return sp.Mul(*self.parse_factors())

    def parse_factors(self):
        """The factors of a product, as a list (at most one of them a whole vector)."""
        vectors = 0
        hits = self.ctx.vector_hits
        factors = [self.parse_factor()]
        while True:
            if self.ctx.vector_hits > hits:
                vectors += 1
                if vectors > 1:
                    raise self.error("a product of two whole vectors (dot, outer or elementwise?) is not read; "
                                     "write it with an index, e.g. \\sum_k y_k \\log a_k", self.toks[self.pos - 1])
                hits = self.ctx.vector_hits
            tok = self.peek()
            if (tok.kind == "cmd" and tok.text in (r"\cdot", r"\times")) or (tok.kind == "char" and tok.text == "*"):
                self.advance()
                factors.append(self.parse_factor())
            elif tok.kind == "char" and tok.text == "/":
                self.advance()
                den_tok = self.peek()
                factors.append(self.reciprocal(self.parse_factor(), den_tok))
            elif self.starts_factor(tok):
                factors.append(self.parse_factor())
            else:
                break
        return factors

    def parse_factor(self):
        tok = self.peek()
        if tok.kind == "char" and tok.text in "+-":
            self.advance()
            with self.nested():
                inner = self.parse_factor()
            return inner if tok.text == "+" else sp.Mul(sp.S.NegativeOne, inner)
        base = self.parse_atom()
        return self.parse_powers(base)

    def parse_powers(self, base):
        while self.at("^", "char"):
            caret = self.advance()
            exponent = self.parse_arg("an exponent")
            base = self.power(base, exponent, caret)
        if self.at("!", "char") or self.at("'", "char"):
            raise self.error(f"{self.peek().text!r} (factorial or prime) is not supported")
        if self.at("_", "char"):
            raise self.error("a subscript here is not supported; expected a letter before '_'")
        return base

    def starts_factor(self, tok):
        """Whether ``tok`` begins a factor of an implicit product (a sign does not)."""
        if tok.kind in ("num", "letter"):
            return True
        if tok.kind == "char":
            return tok.text in "([{"
        if tok.kind == "cmd":
            return tok.text in _FACTOR_COMMANDS or tok.text in self.ctx.names
        if tok.kind == "text":
            name = tok.text.strip()
            return name == "e" or name in _NAMED_FUNCTIONS or name in _SOFTMAX_NAMES
        return False

    def starts_operand(self, tok):
        return self.starts_factor(tok) or (tok.kind == "char" and tok.text in "+-|")

    # ----------------------------------------------------------- atoms
    def parse_atom(self):
        tok = self.peek()
        if tok.kind == "num":
            if tok.text == "1" and self.at("_", "char", 1):
                return self.parse_indicator(self.advance())
            self.advance()
            return self.number(tok)
        if tok.kind == "cmd" and tok.text == INDICATOR:
            return self.parse_indicator(self.advance())
        if tok.kind == "char" and tok.text == "[" and self.indicator_condition(self.pos + 1, "]") is not None:
            self.advance()
            return self.parse_indicator_body("]")
        if tok.kind == "letter":
            return self.parse_letter()
        if tok.kind == "text":
            return self.parse_named(tok)
        if tok.kind == "char":
            if tok.text in _OPENERS:
                return self.parse_group()
            if tok.text == "|":
                self.advance()
                inner = self.parse_expr()
                self.expect("|", "'|' closing the absolute value")
                return _absolute(inner)
        if tok.kind == "cmd" and tok.text == r"\lvert":
            self.advance()
            inner = self.parse_expr()
            self.expect(r"\rvert", "\\rvert closing the absolute value")
            return _absolute(inner)
        if tok.kind == "cmd":
            name = tok.text
            if name in (r"\frac", r"\dfrac", r"\tfrac"):
                return self.parse_frac()
            if name == r"\sum":
                return self.parse_sum()
            if name in _FUNCTIONS:
                return self.parse_function()
            if name == r"\sqrt":
                return self.parse_sqrt()
            if name == r"\left":
                return self.parse_left()
            if name == r"\partial":
                return self.parse_bare_partial()
            if name == r"\delta":
                self.advance()
                return self.indexed_letter(nt.delta, tok)
            if name == r"\pi":
                self.advance()
                return sp.pi
            if name in self.ctx.names:
                self.advance()
                return self.use_definition(name, tok)
            if name == r"\sigma":
                return self.parse_sigma(tok)
            if name == r"\nabla":
                return self.parse_subscript_derivative(self.advance())
            if name in _GREEK:
                self.advance()
                return self.plain_letter(Token("letter", name[1:], tok.pos, tok.end))   # \gamma, \gamma_i
            if name in (r"\Rightarrow", r"\Leftrightarrow", r"\implies", r"\iff", r"\to"):
                raise self.error(f"{name} inside an expression; an implication is not a chain", tok)
            if name in _ADVICE:
                raise self.error(f"{name} is not read: {_ADVICE[name]}", tok)
            raise self.error(f"unsupported command {name}; this reader knows \\frac, \\sum, \\ln, "
                             "\\exp, \\sqrt, \\partial, \\left( \\right), \\cdot and the lecture's letters "
                             "(docs/checking.md lists what is read)", tok)
        raise self.error(f"expected a number, a letter, '(' or a command, found {describe(tok)}", tok)

    def parse_group(self):
        opener = self.advance()
        closer = _OPENERS[opener.text]
        if self.at(closer, "char"):
            raise self.error(f"empty {opener.text}{closer}; expected an expression inside")
        inner = self.parse_expr()
        if opener.text == "{" and self.at(r"\over", "cmd"):
            over = self.advance()
            inner = sp.Mul(inner, self.reciprocal(self.parse_expr(), over))
        self.expect(closer, f"'{closer}' to close the '{opener.text}'")
        return inner






    def parse_left(self):
        self.advance()  # \left
        delim = self.peek()
        if delim.text == "." or delim.text not in _LEFT_DELIMS:
            raise self.error(f"\\left{delim.text} is not supported; expected \\left( \\left[ \\left\\{{ or \\left|", delim)
        self.advance()
        inner = self.parse_expr()
        if not self.at(r"\right", "cmd"):
            raise self.error(f"expected \\right{_LEFT_DELIMS[delim.text]} to close the \\left{delim.text}, "
                             f"found {describe(self.peek())}")
        self.advance()
        closing = self.peek()
        if closing.text != _LEFT_DELIMS[delim.text]:
            raise self.error(f"\\left{delim.text} closed by \\right{closing.text}; "
                             f"expected \\right{_LEFT_DELIMS[delim.text]}", closing)
        self.advance()
        if delim.text in ("|", r"\lvert"):
            return sp.Abs(inner)
        return inner

    def parse_arg(self, what):
        """A TeX argument: a braced expression or a single token (one digit of a number)."""
        tok = self.peek()
        if tok.kind == "char" and tok.text == "{":
            return self.parse_group()
        if tok.kind == "num":
            return self.number(self.take_digit())
        if tok.kind == "letter":
            return self.parse_single_letter()
        if tok.kind == "cmd" and tok.text in (_GREEK | {r"\pi"} | set(self.ctx.names)):
            return self.parse_atom()
        if tok.kind == "char" and tok.text == "-":
            raise self.error(f"expected {what} in braces, e.g. ^{{-1}}; found '-'", tok)
        raise self.error(f"expected {what} (a braced group, a digit or a letter), found {describe(tok)}", tok)

    def take_digit(self):
        """The first digit of the number at the cursor; TeX's x^23 is x^2 times 3."""
        tok = self.peek()
        if "." in tok.text:
            raise self.error(f"a decimal number as a one-token argument; write it in braces, {{{tok.text}}}", tok)
        if len(tok.text) == 1:
            return self.advance()
        self.toks[self.pos] = Token("num", tok.text[1:], tok.pos + 1, tok.end)
        return Token("num", tok.text[0], tok.pos, tok.pos + 1)

    # ----------------------------------------------------------- letters and indices



















    # ----------------------------------------------------------- commands







    def parse_function(self):
        tok = self.advance()
        fn = _FUNCTIONS[tok.text]
        if self.at("^", "char"):
            raise self.error(f"{tok.text}^... (a power of a function) is not supported; "
                             f"write ({tok.text} x)^2", self.peek())
        if self.at("_", "char"):
            raise self.error(f"{tok.text} with a base is not supported; \\ln is the natural logarithm")
        arg_tok = self.peek()
        if not self.starts_factor(arg_tok) and not (arg_tok.kind == "char" and arg_tok.text == "-"):
            raise self.error(f"expected the argument of {tok.text}, found {describe(arg_tok)}", arg_tok)
        with self.nested():
            arg = self.parse_factor()
        if fn is sp.exp:
            self.bound_exponent(arg, "\\exp(...)", arg_tok)
        if fn is sp.log and arg.is_zero:
            raise self.error("the logarithm of zero", arg_tok)
        return fn(arg)

    def parse_sqrt(self):
        self.advance()  # \sqrt
        if self.at("[", "char"):
            raise self.error("\\sqrt[k]{x} is not supported; write x^{1/k}", self.peek())
        return sp.sqrt(self.parse_arg("the argument of \\sqrt"))






    # ----------------------------------------------------------- numbers
    def number(self, tok):
        text = tok.text
        if "." in text:
            whole, frac = text.split(".")
            return sp.Rational(int(whole + frac), 10 ** len(frac))
        return sp.Integer(int(text))

    def bound_exponent(self, exponent, where, tok):
        """Refuse an exponent that could exceed ``LIMITS["exponent"]`` (see :mod:`.size`)."""
        bound = magnitude(exponent)
        if bound > LIMITS["exponent"]:
            size = "beyond any float" if bound == float("inf") else f"as large as {bound:.3g}"
            raise self.error(f"the exponent of {where} is too large: it could be {size}; |exponent| must be at most "
                             f"{LIMITS['exponent']} (indices and n counted as {INDEX_SIZE:g})", tok)

    def power(self, base, exponent, caret):
        if not exponent.is_Number:
            self.bound_exponent(exponent, "a power", caret)
        if exponent.is_Number:
            if abs(exponent) > LIMITS["exponent"]:
                raise self.error(f"the exponent {_short(exponent)} is too large; |exponent| must be at most "
                                 f"{LIMITS['exponent']}", caret)
            if base.is_Rational and base != 0:
                bits = max(abs(base.p).bit_length(), base.q.bit_length())
                if bits * abs(exponent) > LIMITS["number_bits"]:
                    raise self.error(f"the power {_short(base)}^{_short(exponent)} would have about "
                                     f"{int(bits * abs(exponent))} bits; the limit is {LIMITS['number_bits']}",
                                     caret)
            if base == 0 and exponent < 0:
                raise self.error("division by zero: 0 to a negative power", caret)
        return sp.Pow(base, exponent)

    def reciprocal(self, denominator, tok):
        if denominator.is_zero:
            raise self.error("division by zero", tok)
        return sp.Pow(denominator, sp.S.NegativeOne)


