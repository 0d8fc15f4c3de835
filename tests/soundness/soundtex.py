r"""A small LaTeX reader for the soundness corpus, written apart from the project's reader.

It reads the subset the corpus is written in -- the lecture's notation as
docs/checking.md describes it -- into the trees of :mod:`soundmath`, so that the
corpus's ground truth is computed by a second, independent route.  A chain
``A = B \le C`` becomes ``[A, "=", B, "<=", C]``.

Reading rules (those of docs/checking.md): the body of a sum is the rest of the
product up to the next + or - at the same level; ``\ln`` applies to one factor
(or to a sum that follows it); an operator derivative applies to the bracketed
group after it, or else to the rest of the product; ``\sum_j`` without limits
runs over 1..n, or 1..m when j indexes a^{(L-1)} or is the first index of w.
"""

from __future__ import annotations

import re
from fractions import Fraction

from soundmath import INDEX_LETTERS, walk

RELATIONS = {"=": "=", "<": "<", ">": ">", r"\le": "<=", r"\leq": "<=", r"\ge": ">=", r"\geq": ">="}
_SPACES = {r"\,", r"\;", r"\!", r"\quad", r"\qquad", r"\big", r"\Big", r"\bigg", r"\Bigg", "&", r"\\"}
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[0-9]+|[A-Za-z]|\S")
_INDEXED = {"a": "a", "z": "z", "y": "y", "b": "b", "w": "w"}
_GREEK = {r"\alpha", r"\beta", r"\gamma", r"\eta", r"\theta", r"\lambda", r"\mu", r"\epsilon", r"\sigma",
          r"\tau", r"\phi", r"\psi", r"\omega"}
_OPEN = {"(": ")", "[": "]", "{": "}"}


class TexError(ValueError):
    pass


def tokenize(text):
    return [t for t in _TOKEN.findall(text) if t not in _SPACES]


def read_chain(text):
    """The chain of one formula block: expressions alternating with relations."""
    r = _Reader(tokenize(text))
    out = [r.expr()]
    while r.peek() in RELATIONS:
        out.append(RELATIONS[r.take()])
        out.append(r.expr())
    if r.peek() is not None:
        raise TexError(f"unexpected {r.peek()!r} after {' '.join(r.toks[:r.pos])!r}")
    return out


def read_expr(text):
    r = _Reader(tokenize(text))
    e = r.expr()
    if r.peek() is not None:
        raise TexError(f"unexpected {r.peek()!r}")
    return e


class _Reader:
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0

    def peek(self, k=0):
        return self.toks[self.pos + k] if self.pos + k < len(self.toks) else None

    def take(self, expected=None):
        tok = self.peek()
        if tok is None or (expected is not None and tok != expected):
            raise TexError(f"expected {expected!r}, found {tok!r} at token {self.pos}")
        self.pos += 1
        return tok

    # expr := ['-'|'+'] product (('+'|'-') product)*
    def expr(self):
        terms = []
        sign = 1
        if self.peek() in ("-", "+"):
            sign = -1 if self.take() == "-" else 1
        terms.append(self._signed(sign, self.product()))
        while self.peek() in ("+", "-"):
            sign = -1 if self.take() == "-" else 1
            terms.append(self._signed(sign, self.product()))
        return terms[0] if len(terms) == 1 else ("add", terms)

    @staticmethod
    def _signed(sign, t):
        return t if sign == 1 else ("neg", t)

    def _starts_factor(self, tok):
        if tok is None or tok in RELATIONS or tok in ("+", "-", ")", "]", "}", r"\right", "|", r"\ne", r"\neq"):
            return False
        return True

    def product(self):
        factors = [self.factor()]
        while True:
            tok = self.peek()
            if tok == r"\cdot" or tok == r"\times":
                self.take()
                factors.append(self.factor())
            elif tok == "/":
                self.take()
                factors[-1] = ("div", factors[-1], self.factor())
            elif self._starts_factor(tok):
                factors.append(self.factor())
            else:
                break
        return factors[0] if len(factors) == 1 else ("mul", factors)

    def factor(self):
        tok = self.peek()
        if tok == r"\sum":
            return self.sum()
        if tok == r"\frac" and self.peek(1) == "{" and self.peek(2) == r"\partial" and self.peek(3) == "}":
            return self.operator_derivative()
        base = self.atom()
        while self.peek() == "^":
            self.take()
            base = ("pow", base, self.script())
        return base

    def script(self):
        tok = self.take()
        if tok == "{":
            e = self.expr()
            self.take("}")
            return e
        if tok.isdigit():
            return ("num", Fraction(int(tok[0])))  # TeX: x^23 is x^2 3
        if tok in ("n", "m"):
            return (tok,)
        if tok in INDEX_LETTERS:
            return ("ixv", tok)
        if tok.isalpha():
            return ("var", tok)
        raise TexError(f"unsupported script {tok!r}")

    def group(self):
        """A bracketed group: ( ), [ ], { }, \\left( \\right), \\left[ \\right]."""
        tok = self.take()
        if tok == r"\left":
            opener = self.take()
            if opener == "|":
                e = self.expr()
                self.take(r"\right")
                self.take("|")
                return ("abs", e)
            e = self.expr()
            self.take(r"\right")
            self.take()
            return e
        if tok in _OPEN:
            e = self.expr()
            self.take(_OPEN[tok])
            return e
        if tok == "|":
            e = self.expr()
            self.take("|")
            return ("abs", e)
        raise TexError(f"expected a group, found {tok!r}")

    def atom(self):
        tok = self.peek()
        if tok is None:
            raise TexError("unexpected end")
        if tok in _OPEN or tok in (r"\left", "|"):
            return self.group()
        if tok.isdigit():
            self.take()
            return ("num", Fraction(int(tok)))
        if tok == r"\frac":
            self.take()
            self.take("{")
            if self.peek() == r"\partial":
                self.take()
                what = self.expr()
                self.take("}")
                self.take("{")
                self.take(r"\partial")
                var = self.atom()
                self.take("}")
                return ("d", what, var)
            num = self.expr()
            self.take("}")
            self.take("{")
            den = self.expr()
            self.take("}")
            return ("div", num, den)
        if tok == r"\sqrt":
            self.take()
            self.take("{")
            e = self.expr()
            self.take("}")
            return ("sqrt", e)
        if tok in (r"\ln", r"\log"):
            self.take()
            if self.peek() == r"\sum":
                return ("ln", self.sum())
            return ("ln", self.factor())
        if tok == r"\exp":
            self.take()
            return ("exp", self.group())
        if tok == r"\delta":
            self.take()
            self.take("_")
            return ("idx", "delta", self.indices(1))
        if tok in _GREEK:
            self.take()
            return ("var", tok[1:])
        if tok.isalpha() and len(tok) == 1:
            return self.letter()
        raise TexError(f"unsupported token {tok!r}")

    def letter(self):
        name = self.take()
        if name == "e" and self.peek() == "^":
            self.take()
            return ("exp", self.script())
        if name == "e":
            return ("exp", ("num", Fraction(1)))
        if name in ("n", "m"):
            return (name,)
        if name == "C":
            return ("C",)
        if name in _INDEXED and self.peek() == "_":
            self.take()
            base = _INDEXED[name]
            indices = self.indices(2 if base == "w" else 1)
            if self.peek() == "^" and self.peek(1) == "{" and self.peek(2) == "(":
                layer = []
                self.take(), self.take(), self.take()
                while self.peek() != ")":
                    layer.append(self.take())
                self.take(")")
                self.take("}")
                if layer == ["L", "-", "1"]:
                    if base != "a":
                        raise TexError("only a has a layer L-1")
                    base = "aprev"
                elif layer != ["L"]:
                    raise TexError(f"unknown layer {layer}")
            return ("idx", base, indices)
        if self.peek() == "_":
            raise TexError(f"{name} takes no subscript here")
        if name in INDEX_LETTERS:
            return ("ixv", name)
        if name.isupper():
            return ("unk", name)
        return ("var", name)

    def indices(self, count):
        tok = self.take()
        toks = []
        if tok == "{":
            while self.peek() != "}":
                t = self.take()
                if t != ",":
                    toks.append(t)
            self.take("}")
        else:
            toks = [tok]
        items = []
        for t in toks:
            if t.isdigit() and count == 2 and len(t) == 2:
                items.extend(("int", int(c)) for c in t)  # w_{12}: two one-digit indices
            elif t.isdigit():
                items.append(("int", int(t)))
            elif t.isalpha():
                items.append(("ix", t))
            else:
                raise TexError(f"unsupported index {t!r}")
        if len(items) != count:
            raise TexError(f"expected {count} indices, found {toks}")
        return tuple(items)

    def sum(self):
        self.take(r"\sum")
        excluded = None
        lower = upper = None
        self.take("_")
        if self.peek() == "{" and self.peek(1) == r"\substack":
            # \sum_{\substack{j=1 \\ j \ne i}}^{n}: the range's lower limit, then the excluded index
            self.take(), self.take(), self.take("{")
            letter = self.take()
            self.take("=")
            lower_toks = []
            while self.peek(1) not in (r"\ne", r"\neq"):
                lower_toks.append(self.take())
            if self.take() != letter:
                raise TexError("a substack must exclude a value of its own index")
            self.take()
            excluded = self.take()
            self.take("}"), self.take("}")
            lower = _Reader(lower_toks).expr()
        elif self.peek() == "{":
            self.take()
            letter = self.take()
            if self.peek() == "=":
                self.take()
                lower = self.expr()
            elif self.peek() in (r"\ne", r"\neq"):
                self.take()
                excluded = self.take()
            self.take("}")
        else:
            letter = self.take()
        if letter not in INDEX_LETTERS and not letter.isalpha():
            raise TexError(f"bad summation index {letter!r}")
        if self.peek() == "^":
            self.take()
            upper = self.script()
        body = self.product()
        if lower is None:
            lower = ("num", Fraction(1))
        if upper is None:
            upper = ("m",) if _indexes_prev_layer(body, letter) else ("n",)
        return ("sum", letter, lower, upper, body, excluded)

    def operator_derivative(self):
        self.take(r"\frac")
        self.take("{")
        self.take(r"\partial")
        self.take("}")
        self.take("{")
        self.take(r"\partial")
        var = self.atom()
        self.take("}")
        if self.peek() in _OPEN or self.peek() == r"\left":
            operand = self.group()
        else:
            operand = self.product()
        return ("d", operand, var)


def _indexes_prev_layer(body, letter):
    for node in walk(body):
        if node[0] == "idx" and node[1] == "aprev" and node[2][0] == ("ix", letter):
            return True
        if node[0] == "idx" and node[1] == "w" and node[2][0] == ("ix", letter):
            return True
    return False
