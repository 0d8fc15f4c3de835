r"""A recursive-descent parser from the LaTeX math subset to SymPy objects.

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

Limits (:data:`proofs.latex.errors.LIMITS`) are checked before anything large
is built: nesting depth, numeric exponents and the size of numbers.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

import sympy as sp

from .. import notation as nt
from .bound import free_symbols
from .errors import LIMITS, LatexError
from .size import INDEX_SIZE, magnitude
from .tokens import Token

__all__ = ["Context", "Definition", "PositiveUnknown", "Parser", "RELATIONS", "INDEX_LETTERS", "index_symbol"]

#: Relations that make a step of a chain, with the name the checker uses.
RELATIONS = {"=": "=", r"\coloneqq": "=", r"\triangleq": "=", r"\doteq": "=", r"\eqqcolon": "=",
             "<": "<", ">": ">", r"\le": "<=", r"\leq": "<=", r"\leqslant": "<=",
             r"\ge": ">=", r"\geq": ">=", r"\geqslant": ">=", r"\lt": "<", r"\gt": ">"}

#: The index letters of :mod:`proofs.notation`.
INDEX_LETTERS = {"i": nt.i, "j": nt.j, "k": nt.k, "l": nt.l, "p": nt.p}

_INDEXED = {"a": nt.a, "z": nt.z, "y": nt.y, "b": nt.b, "w": nt.w}
_PREV_LAYER = {nt.a: nt.a_prev}
_NOT_VARIABLES = {"e", "C", "n", "m"}
_GREEK = {r"\alpha", r"\beta", r"\gamma", r"\eta", r"\theta", r"\lambda", r"\mu", r"\epsilon",
          r"\varepsilon", r"\tau", r"\xi", r"\rho", r"\varphi", r"\phi", r"\psi", r"\omega",
          r"\Sigma", r"\Delta", r"\Phi"}
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_LEFT_DELIMS = {"(": ")", "[": "]", r"\{": r"\}", "|": "|", r"\lvert": r"\rvert", r"\langle": r"\rangle"}
#: The token that \mathbb{1} and \mathbb{I} become: an indicator of a condition.
INDICATOR = r"\mathbb{1}"
_FUNCTIONS = {r"\ln": sp.log, r"\log": sp.log, r"\exp": sp.exp}
#: Function names written in \text, \mathrm or \operatorname.
_NAMED_FUNCTIONS = {"exp": r"\exp", "log": r"\log", "ln": r"\ln"}
_SOFTMAX_NAMES = {"softmax", "Softmax", "SoftMax", "softMax", "SOFTMAX"}
#: Letters read as unknown functions when an argument list follows: f(z_i).
_FUNCTION_LETTERS = {"f", "g", "h"}
#: The scope key of a sum written without an index.
_IMPLICIT = "<implicit>"
#: What to write instead of a command the reader does not know.
_ADVICE = {
    r"\cdots": "an ellipsis cannot be checked; write the sum with \\sum_{k=1}^{n}",
    r"\ldots": "an ellipsis cannot be checked; write the sum with \\sum_{k=1}^{n}",
    r"\dots": "an ellipsis cannot be checked; write the sum with \\sum_{k=1}^{n}",
    r"\vdots": "an ellipsis cannot be checked; write one entry of the matrix",
    r"\ddots": "an ellipsis cannot be checked; write one entry of the matrix",
    r"\top": "transposes and vectors are not read; write one entry, e.g. \\sum_j w_{ji} a_j",
    r"\intercal": "transposes and vectors are not read; write one entry",
    r"\odot": "elementwise products of vectors are not read; write one entry, e.g. a_i (1 - a_i)",
    r"\otimes": "products of vectors are not read; write one entry",
    r"\int": "integrals are not read",
    r"\prod": "products \\prod are not read; write the factors or take the logarithm",
    r"\nabla": "a gradient by a vector is not read; write one entry, \\frac{\\partial C}{\\partial z_i}",
    r"\over": "\\over needs braces around the fraction: {a \\over b}",
}
_FACTOR_COMMANDS = {INDICATOR, r"\frac", r"\dfrac", r"\tfrac", r"\sum", r"\ln", r"\log", r"\exp", r"\sqrt",
                    r"\left", r"\partial", r"\delta", r"\pi", r"\sigma", r"\nabla"} | _GREEK


def index_symbol(letter):
    """The integer symbol for an index letter: the notation's i, j, k, l, p, or a new one."""
    if letter in INDEX_LETTERS:
        return INDEX_LETTERS[letter]
    return sp.Symbol(letter, integer=True, positive=True)


@dataclass
class Definition:
    """A name declared with ``% check: define``: ``S`` or ``u_q`` with parameter q.

    ``call`` holds the arguments of a name defined as a function call,
    ``l(y, \\hat{y}) = ...``; the name is then used with those arguments or alone.
    """

    expr: sp.Basic
    parameter: object = None
    call: tuple = None


class PositiveUnknown(nt.Unknown):
    """An unknown quantity declared positive (``% check: assume x > 0``); still unknown under d/dx."""

    def __new__(cls, name):
        return sp.Symbol.__new__(cls, name, positive=True)


@dataclass
class Context:
    """What the blocks of one chain share: declared names, positive letters, the derivative's variable.

    ``positive`` holds the names of the letters declared positive; every other
    letter outside the notation is an :class:`~proofs.notation.Unknown`, real
    and of unknown sign.
    """

    names: dict = field(default_factory=dict)
    variable: object = None
    positive: frozenset = frozenset()
    aliases: dict = field(default_factory=dict)
    swapped: frozenset = frozenset()
    notes: list = field(default_factory=list)
    entry: object = None
    vector_hits: int = 0

    def note(self, offset, message):
        """Record how something was read (reported once per file as a note)."""
        if all(m != message for _, m in self.notes):
            self.notes.append((offset, message))

    def unknown(self, name):
        """The quantity written ``name`` outside the lecture's notation: positive only if declared."""
        return PositiveUnknown(name) if name in self.positive else nt.unknown(name)


class Parser:
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
                return sp.Abs(inner)
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
                return self.ctx.unknown(name[1:])
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

    def indicator_condition(self, q, closer):
        """``(relation, left, right)`` if tokens from ``q`` are ``i = j`` or ``i \\ne j`` then ``closer``."""
        toks = self.toks[q:q + 4]
        if len(toks) < 4 or toks[3].text != closer or toks[0].kind != "letter" or toks[2].kind != "letter":
            return None
        rel = toks[1]
        if rel.kind == "char" and rel.text == "=":
            return "=", toks[0], toks[2]
        if rel.kind == "cmd" and rel.text in (r"\ne", r"\neq"):
            return "!=", toks[0], toks[2]
        return None

    def parse_indicator(self, tok):
        """``\\mathbb{1}_{i=j}``, ``1_{i = j}``, ``\\mathbb{1}\\{i = j\\}``, ``\\mathbb{1}(i \\ne j)``: 1 or 0."""
        closers = {"_": None, "(": ")", "[": "]", r"\{": r"\}", "{": "}"}
        opener = self.peek()
        if opener.text not in closers:
            raise self.error("expected the condition of the indicator, as in \\mathbb{1}_{i=j} or "
                             "\\mathbb{1}\\{i = j\\}", opener)
        self.advance()
        if opener.text == "_":
            if not self.at("{", "char"):
                raise self.error("expected the indicator's condition in braces, as in 1_{i=j}", self.peek())
            self.advance()
            return self.parse_indicator_body("}")
        return self.parse_indicator_body(closers[opener.text])

    def parse_indicator_body(self, closer):
        found = self.indicator_condition(self.pos, closer)
        if found is None:
            raise self.error(f"expected a condition on two indices, i = j or i \\ne j, then {closer!r}")
        relation, left, right = found
        for _ in range(4):
            self.advance()
        delta = sp.KroneckerDelta(self.letter_symbol_index(left), self.letter_symbol_index(right))
        return delta if relation == "=" else 1 - delta

    def parse_named(self, tok):
        """A name in \\text, \\mathrm or \\operatorname: exp, log, ln, softmax."""
        name = tok.text.strip()
        if name == "e":
            self.advance()
            return self.parse_e(tok)
        if name in _NAMED_FUNCTIONS:
            self.toks[self.pos] = Token("cmd", _NAMED_FUNCTIONS[name], tok.pos, tok.end)
            return self.parse_function()
        if name in _SOFTMAX_NAMES:
            self.advance()
            return self.softmax_call(tok)
        if name in ("diag", "Diag", "tr", "trace", "det"):
            raise self.error(f"{name}(...) of a vector or a matrix is not read; write one entry, e.g. "
                             "\\frac{\\partial a_i}{\\partial z_j} = a_i (\\delta_{ij} - a_j)", tok)
        raise self.error(f"the name {tok.text!r} in a formula is not read; the reader knows the functions "
                         "exp, log, ln and softmax(z)_i; words go outside the formula, or in "
                         "\\text{...} before it as a label", tok)

    def parse_sigma(self, tok):
        """``\\sigma(z)_i`` is the softmax output a_i; ``\\sigma(x)`` the sigmoid; ``\\sigma`` alone a letter."""
        self.advance()
        if not (self.at("(", "char") or self.at(r"\left", "cmd")):
            return self.ctx.unknown("sigma")
        entry = self.softmax_call(tok, required=False)
        if entry is not None:
            self.ctx.note(tok.pos, "\\sigma(z)_i is read as the softmax output a_i")
            return entry
        with self.nested():
            arg = self.parse_factor()
        return nt.sigma(arg)

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
    def resolve(self, tok):
        """The token as the lecture's notation reads it: a declared alias (p for a) is replaced."""
        if tok.kind == "letter" and tok.text not in self.ctx.names and tok.text in self.ctx.aliases:
            return Token("letter", self.ctx.aliases[tok.text], tok.pos, tok.end)
        return tok

    def parse_letter(self):
        written = self.advance()
        tok = self.resolve(written)
        name = tok.text
        if name == "e":
            return self.parse_e(tok)
        if self.at("'", "char") and self.at("(", "char", 1) and (
                name in _FUNCTION_LETTERS or (name in self.ctx.names and self.ctx.names[name].call is not None)):
            return self.primed_call(tok)
        if name in self.ctx.names:
            return self.use_definition(name, tok)
        if name == "S" and self.at("(", "char"):
            entry = self.softmax_call(tok, required=False)
            if entry is not None:
                self.ctx.note(tok.pos, "S(z)_i is read as the softmax output a_i")
                return entry
        if self.at("(", "char") and written.text not in self.ctx.aliases and name not in _INDEXED and (
                name in _FUNCTION_LETTERS or self.comma_group()):
            return self.function_call(tok)
        if name in _INDEXED:
            return self.indexed_letter(_INDEXED[name], tok, swapped=written.text in self.ctx.swapped)
        if name == r"\delta":
            return self.indexed_letter(nt.delta, tok)
        return self.plain_letter(tok)

    def softmax_call(self, tok, required=True):
        """``softmax(z)_i`` (also S(z)_i, \\sigma(z)_i) as the softmax output a_i.

        The argument must be the vector z (``\\mathbf{z}``, ``z^{(L)}``, or a
        letter declared to stand for z).  With ``required`` False, anything
        else leaves the cursor where it was and gives None.
        """
        start = self.pos
        ok = self.at("(", "char") or self.at(r"\left", "cmd")
        if ok:
            closer = ")" if self.at("(", "char") else r"\right"
            if closer == r"\right":
                self.advance()
                ok = self.at("(", "char")
            self.advance()
            arg = self.resolve(self.peek())
            ok = ok and arg.kind == "letter" and arg.text == "z"
            if ok:
                self.advance()
                if self.at("^", "char"):
                    ok = self.layer_superscript() is not None
                if ok and closer == r"\right":
                    ok = self.at(r"\right", "cmd")
                    if ok:
                        self.advance()
                ok = ok and self.at(")", "char")
                if ok:
                    self.advance()
                    ok = self.at("_", "char")
        if not ok:
            self.pos = start
            if required:
                raise self.error(f"{describe(tok)}(...) is read for the vector z only, with an index: "
                                 f"{tok.text.strip()}(z)_i is the softmax output a_i", tok)
            return None
        self.advance()
        return nt.a[self.indices(self.script_tokens(), 1, tok)[0]]

    def primed_call(self, tok):
        """``f'(x)``: the derivative of the function f (unknown, or defined as ``f(x) = ...``) at x."""
        self.advance()  # '
        if self.at("'", "char"):
            raise self.error("higher derivatives f''(x) are not supported; write one derivative per step")
        if tok.text in self.ctx.names:
            value = self.use_definition(tok.text, tok)
            args = self.ctx.names[tok.text].call
        else:
            value = self.function_call(tok)
            args = value.args
        if len(args) != 1 or not _is_variable(args[0]):
            raise self.error(f"{tok.text}'(...) is read for a function of one variable, as in {tok.text}'(x)", tok)
        return nt.d(value, args[0])

    def comma_group(self):
        """Whether the bracket at the cursor holds a top-level comma: ``l(y, \\hat{y})`` is a call."""
        depth = 0
        for q in range(self.pos, min(len(self.toks), self.pos + 400)):
            t = self.toks[q]
            if t.kind == "char" and t.text in "([{":
                depth += 1
            elif t.kind == "char" and t.text in ")]}":
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and t.kind == "char" and t.text == ",":
                return True
        return False

    def call_arguments(self, tok):
        """The arguments of ``name(x, y)`` at the cursor."""
        self.advance()  # (
        saved, self.whole_vectors = self.whole_vectors, True
        try:
            args = [self.parse_expr()]
            while self.at(",", "char"):
                self.advance()
                args.append(self.parse_expr())
        finally:
            self.whole_vectors = saved
        self.expect(")", f"')' closing the arguments of {tok.text}")
        return tuple(args)

    def function_call(self, tok):
        """``f(z_i)``, ``g(x, y)``: an unknown function of its arguments (f depends on nothing else)."""
        args = self.call_arguments(tok)
        if self.at("_", "char"):
            raise self.error(f"{tok.text}(...)_i is not read; a function of the vector z is written "
                             "softmax(z)_i or S(z)_i", self.peek())
        return sp.Function(tok.text, real=True)(*args)

    def parse_single_letter(self):
        """A letter as a one-token script argument: no subscripts of its own."""
        tok = self.resolve(self.advance())
        if tok.text == "e":
            return sp.E
        if tok.text in self.ctx.names and self.ctx.names[tok.text].parameter is None:
            return self.ctx.names[tok.text].expr
        return self.letter_symbol(tok)

    def parse_e(self, tok):
        if self.at("_", "char"):
            raise self.error("e is Euler's number and takes no subscript")
        if self.at("^", "char"):
            caret = self.advance()
            exponent = self.parse_arg("an exponent")
            self.bound_exponent(exponent, "e^{...}", caret)
            return sp.exp(exponent)
        return sp.E

    def letter_symbol(self, tok):
        """A lone letter: a bound or free index, n, m, C, or a real symbol."""
        name = tok.text
        for frame in reversed(self.scope):
            if name in frame:
                return frame[name]
        if name in INDEX_LETTERS:
            return INDEX_LETTERS[name]
        if name == "n":
            return nt.n
        if name == "m":
            return nt.m
        if name == "C":
            return nt.C
        if name == "e":
            return sp.E
        if self.index_mode:
            return index_symbol(name)
        return self.ctx.unknown(name)

    def plain_letter(self, tok):
        sub, layer = self.parse_scripts(tok)
        if layer is not None:
            raise self.error(f"{tok.text}^{{({layer})}}: only a, z, y, b, w and \\delta carry a layer", tok)
        if sub is None:
            return self.letter_symbol(tok)
        if tok.text in INDEX_LETTERS:
            raise self.error(f"{tok.text} is an index letter of the notation and takes no subscript; if "
                             f"{tok.text} stands for one of the lecture's letters, say so, e.g. "
                             f"'% check: notation {tok.text} = a'", tok)
        if tok.text in _NOT_VARIABLES:
            raise self.error(f"{tok.text} takes no subscript", tok)
        indices = self.indices(sub, 1, tok, strict=False)
        return sp.IndexedBase(self.ctx.unknown(tok.text))[indices[0]]

    def indexed_letter(self, base, tok, swapped=False):
        sub, layer = self.parse_scripts(tok)
        name = tok.text
        if sub is None:
            implicit = self.implicit_index()
            if implicit is not None and base is not nt.w:
                base = _PREV_LAYER[base] if layer == "L-1" and base in _PREV_LAYER else base
                return base[implicit]
            if layer is not None:
                raise self.error(f"{name}^{{({layer})}} needs an index, e.g. {name}_j^{{({layer})}}", tok)
            if base is nt.delta:
                raise self.error("\\delta needs an index, e.g. \\delta_i^{(L)}", tok)
            if (_bold(tok) and not self.index_mode and not self.whole_vectors and base is not nt.w
                    and not any(tok.text in f for f in self.scope)):
                base = _PREV_LAYER[base] if layer == "L-1" and base in _PREV_LAYER else base
                return self.vector_entry(base, tok)
            return self.letter_symbol(tok)
        if base is nt.delta and layer is None and _two_indices(sub):
            i1, i2 = self.indices(sub, 2, tok)
            return sp.KroneckerDelta(i1, i2)
        if layer == "L-1":
            if base not in _PREV_LAYER:
                raise self.error(f"{name}^{{(L-1)}} is not part of the notation; of layer L-1 "
                                 "the reader knows a_j^{(L-1)}", tok)
            base = _PREV_LAYER[base]
        if base is nt.w:
            first, second = self.indices(sub, 2, tok)
            return base[second, first] if swapped else base[first, second]
        return base[self.indices(sub, 1, tok)[0]]

    def vector_entry(self, base, tok):
        """A whole vector (``\\mathbf{z}``, ``\\vec{z}``) read entry by entry: the entry q of the chain.

        ``\\frac{\\partial C}{\\partial \\mathbf{z}} = \\mathbf{a} - \\mathbf{y}`` is read as
        ``\\frac{\\partial C}{\\partial z_q} = a_q - y_q`` for every q; a product of two
        vectors and the derivative of a vector by a vector are refused (their
        meaning is not entrywise).
        """
        if self.ctx.entry is None:
            used = {t.text for t in self.toks if t.kind == "letter"}
            name = next((c for c in ("q", "r", "s", "u", "v") if c not in used), None)
            if name is None:
                raise self.error("too many letters in use to read a whole vector entry by entry; "
                                 "write its entries", tok)
            self.ctx.entry = index_symbol(name)
        self.ctx.vector_hits += 1
        self.ctx.note(tok.pos, f"whole vectors are read entry by entry: {tok.text} as {tok.text}_"
                               f"{self.ctx.entry}, for every {self.ctx.entry}")
        return base[self.ctx.entry]

    def implicit_index(self):
        """The index of the innermost sum written without one (\\sum e^{z}), or None."""
        for frame in reversed(self.scope):
            if _IMPLICIT in frame:
                return frame[_IMPLICIT]
        return None

    def parse_scripts(self, tok):
        """The subscript tokens and the layer (``L`` or ``L-1``) after a letter, in either order."""
        sub = layer = None
        for _ in range(2):
            if self.at("_", "char") and sub is None:
                self.advance()
                sub = self.script_tokens()
            elif self.at("^", "char") and layer is None:
                found = self.layer_superscript()
                if found is None:
                    break
                layer = found
            else:
                break
        return sub, layer

    def layer_superscript(self):
        """If the cursor is at ^{(L)}, ^{(L-1)}, ^L or ^{L-1}, consume it and say which."""
        patterns = {("(", "L", ")"): "L", ("(", "L", "-", "1", ")"): "L-1", ("L",): "L", ("L", "-", "1"): "L-1"}
        if self.peek(1).kind == "letter" and self.peek(1).text == "L":
            self.advance(), self.advance()
            return "L"
        if not self.at("{", "char", 1):
            return None
        for pattern, layer in patterns.items():
            toks = [self.peek(2 + q) for q in range(len(pattern) + 1)]
            if [t.text for t in toks[:-1]] == list(pattern) and toks[-1].text == "}" and toks[-1].kind == "char":
                for _ in range(len(pattern) + 3):
                    self.advance()
                return layer
        return None

    def script_tokens(self):
        """The tokens of a subscript: a braced group (without braces) or one token."""
        tok = self.peek()
        if tok.kind == "char" and tok.text == "{":
            self.advance()
            start = self.pos
            depth = 0
            while True:
                t = self.peek()
                if t.kind == "end":
                    raise self.error("unclosed '{' of a subscript; expected '}'", tok)
                if t.kind == "char" and t.text == "{":
                    depth += 1
                elif t.kind == "char" and t.text == "}":
                    if depth == 0:
                        break
                    depth -= 1
                self.advance()
            inner = self.toks[start:self.pos]
            self.advance()
            if not inner:
                raise self.error("an empty subscript; expected an index", tok)
            return inner
        if tok.kind == "num":
            return [self.take_digit()]
        if tok.kind == "letter":
            return [self.advance()]
        raise self.error(f"expected an index after '_' (a letter, a digit or {{...}}), found {describe(tok)}", tok)

    def indices(self, toks, count, letter_tok, strict=True):
        """``count`` index expressions from subscript tokens: w_{ji}, w_{j,i}, a_{j+1}, a_3.

        Without ``strict`` (a letter outside the notation) any expression may
        be the subscript: f_{y_i} is the unknown f at y_i.
        """
        groups = []
        current = []
        for t in toks:
            if t.kind == "char" and t.text == ",":
                groups.append(current)
                current = []
            else:
                current.append(t)
        groups.append(current)
        if count == 2 and len(groups) == 1 and len(toks) == 2 and all(
                t.kind == "letter" or (t.kind == "num" and len(t.text) == 1) for t in toks):
            groups = [[toks[0]], [toks[1]]]
        if len(groups) != count or any(not g for g in groups):
            want = "two indices, as in w_{ji}" if count == 2 else "one index, as in a_j"
            raise self.error(f"{letter_tok.text} takes {want}", toks[0] if toks else letter_tok)
        out = []
        for g in groups:
            sub = Parser(g + [Token("end", "", g[-1].end, g[-1].end)], self.ctx,
                         depth=self.depth, index_mode=True, scope=self.scope)
            value = sub.parse_expr()
            if sub.peek().kind != "end":
                raise sub.error(f"unexpected {describe(sub.peek())} in a subscript; expected an index")
            if strict and not _is_index(value):
                raise self.error(f"expected an index (a letter such as j, a number, or j+1), "
                                 f"found {value}", g[0])
            out.append(value)
        return out

    def use_definition(self, name, tok):
        definition = self.ctx.names[name]
        if definition.call is not None:
            if self.at("(", "char"):
                args = self.call_arguments(tok)
                if args != definition.call:
                    raise self.error(f"{name} is defined for the arguments {definition.call}, not {args}", tok)
            return definition.expr
        if definition.parameter is None:
            if self.at("_", "char"):
                raise self.error(f"{name} is defined without an index; expected no subscript", self.peek())
            return definition.expr
        if not self.at("_", "char"):
            raise self.error(f"{name} is defined with an index; expected {name}_{definition.parameter}", self.peek())
        self.advance()
        value = self.indices(self.script_tokens(), 1, tok)[0]
        return definition.expr.xreplace({definition.parameter: value})

    # ----------------------------------------------------------- commands
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
        """``\\frac{\\partial F}{\\partial x}``, ``\\frac{\\partial}{\\partial x} F``; with ``mark`` d, ``\\frac{dF}{dx}``."""
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
        sub = Parser(script + [Token("end", "", script[-1].end, script[-1].end)], self.ctx, self.depth,
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
            sub = Parser(toks + [Token("end", "", toks[-1].end, toks[-1].end)], self.ctx, self.depth, True, self.scope)
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
        if (isinstance(value, sp.Symbol) and value not in (nt.n, nt.m) and value.name not in INDEX_LETTERS
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


def _two_indices(toks):
    """Whether subscript tokens name two indices: ij, i j, i,j, 12 (a Kronecker delta's)."""
    if any(t.kind == "char" and t.text == "," for t in toks):
        return True
    return len(toks) == 2 and all(t.kind == "letter" or (t.kind == "num" and len(t.text) == 1) for t in toks)


def _is_index(value):
    if value.is_Integer:
        return True
    if isinstance(value, sp.Symbol):
        return bool(value.is_integer)
    if isinstance(value, (sp.Add, sp.Mul)):
        return all(_is_index(arg) for arg in value.args)
    return False


def _previous_layer(body, var):
    """Whether an index runs over layer L-1: it indexes a^{(L-1)} or is the first index of w."""
    for atom in body.atoms(sp.Indexed):
        if atom.base == nt.a_prev and var in atom.indices:
            return True
        if atom.base == nt.w and atom.indices[0] == var:
            return True
    return False


def _is_variable(value):
    if isinstance(value, sp.Indexed):
        return True
    return isinstance(value, sp.Symbol) and value not in (nt.n, nt.m) and not value.is_integer


def _short(number):
    text = str(number)
    return text if len(text) <= 20 else text[:8] + "..." + text[-4:]


def _bold(tok):
    """Whether a letter was written in a vector font (\\mathbf{z}, \\boldsymbol{z}, \\vec{z}) or decorated.

    The tokenizer drops the font but keeps the span of the whole command, so
    such a letter spans more than one character; a plain z is one character,
    and a plain letter with no index stays an unknown scalar.
    """
    return tok.kind == "letter" and tok.end - tok.pos > 1


def advice_for(tok):
    """What to write instead of a token the reader cannot read here, or None."""
    if tok.kind == "cmd" and tok.text in _ADVICE:
        return f"{tok.text} is not read: {_ADVICE[tok.text]}"
    return None


def describe(tok):
    """How a token is named in an error message."""
    if tok.kind == "end":
        return "the end of the formula"
    if tok.kind == "text":
        return f"\\text{{{tok.text}}}"
    return f"'{tok.text}'"
