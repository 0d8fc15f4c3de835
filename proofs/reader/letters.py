r"""Letters, names and calls: how the parser reads a letter with its scripts.

A letter is resolved through the file's ``notation`` declarations, then read as
a defined name, Euler's e, the softmax written as a function (softmax(z)_i,
S(z)_i, \sigma(z)_i), an unknown function f(x) or f'(x), one of the
lecture's indexed letters (a z y b w \delta) with its subscript and layer, a
whole vector in a vector font (read entry by entry), or an unknown quantity.
Indicators \mathbb{1}_{i=j} and names in \text{...} are read here too."""

from __future__ import annotations

import sympy as sp

from .. import notation as nt
from .tokens import Token
from .vocabulary import (_FUNCTION_LETTERS, _IMPLICIT, _INDEXED, _NAMED_FUNCTIONS, _NOT_VARIABLES, _PREV_LAYER,
                         _SOFTMAX_NAMES, INDEX_LETTERS, _bold, _is_index, _is_variable, _two_indices, describe,
                         index_symbol, unknown_entry)

__all__ = ["LetterRules"]


class LetterRules:
    r"""Letters, names and calls: how the parser reads a letter with its scripts.

    A part of :class:`~proofs.reader.parser.Parser` (it uses the parser's cursor,
    ``self.toks``, ``self.ctx`` and ``self.scope``); it is not used on its own.
    """

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
        """The condition ``A = B`` or ``A \\ne B`` of an indicator, up to ``closer``: the Kronecker delta of A, B.

        A and B are indices or labels (``\\mathbb{1}(y_i = k)``: the class y_i is k).
        """
        found = self.indicator_condition(self.pos, closer)
        if found is not None:
            relation, left, right = found
            for _ in range(4):
                self.advance()
            delta = sp.KroneckerDelta(self.letter_symbol_index(left), self.letter_symbol_index(right))
            return delta if relation == "=" else 1 - delta
        saved, self.index_mode = self.index_mode, True
        try:
            left = self.parse_expr()
            rel = self.peek()
            if not ((rel.kind == "char" and rel.text == "=") or (rel.kind == "cmd" and rel.text in (r"\ne", r"\neq"))):
                raise self.error(f"expected '=' or \\ne in the indicator's condition, found {describe(rel)}", rel)
            self.advance()
            right = self.parse_expr()
        finally:
            self.index_mode = saved
        self.expect(closer, f"{closer!r} closing the indicator's condition")
        delta = sp.KroneckerDelta(left, right)
        return delta if rel.text == "=" else 1 - delta

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
        if self.at("'", "char"):
            self.advance()                      # \sigma'(x): the sigmoid's derivative at x
            with self.nested():
                arg = self.parse_factor()
            if not _is_variable(arg):
                raise self.error("\\sigma'(...) is read at a variable, as in \\sigma'(z_i)", tok)
            return nt.d(nt.sigma(arg), arg)
        if not (self.at("(", "char") or self.at(r"\left", "cmd") or self.at("_", "char")):
            return self.plain_letter(Token("letter", "sigma", tok.pos, tok.end))
        entry = self.softmax_call(tok, required=False)
        if entry is None and self.at("_", "char"):
            return self.plain_letter(Token("letter", "sigma", tok.pos, tok.end))
        if entry is not None:
            self.ctx.note(tok.pos, "\\sigma(z)_i is read as the softmax output a_i")
            return entry
        with self.nested():
            arg = self.parse_factor()
        return nt.sigma(arg)

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
        if name == r"\mathbb{C}":
            return nt.CC                        # the lecture's blackboard C: the cost over the training set
        if self.at("'", "char") and self.at("(", "char", 1) and (
                name in _FUNCTION_LETTERS or (name in self.ctx.names and self.ctx.names[name].call is not None)):
            return self.primed_call(tok)
        if name in self.ctx.names:
            return self.use_definition(name, tok)
        if name == "S" and (self.at("(", "char") or self.at("_", "char")):
            entry = self.softmax_call(tok, required=False)
            if entry is not None:
                self.ctx.note(tok.pos, "S(z)_i is read as the softmax output a_i")
                return entry
        if name == "C" and self.single_argument():
            for _ in range(3):
                self.advance()                  # C(\mathbf{a}): the cost, its argument named for clarity
            return nt.C
        if self.at("(", "char") and written.text not in self.ctx.aliases and name not in _INDEXED and (
                name in _FUNCTION_LETTERS or self.comma_group()
                or (self.single_argument() and name not in _NOT_VARIABLES and name not in INDEX_LETTERS)):
            return self.function_call(tok)
        if name in _INDEXED:
            return self.indexed_letter(_INDEXED[name], tok, swapped=written.text in self.ctx.swapped)
        if name == r"\delta":
            return self.indexed_letter(nt.delta, tok)
        return self.plain_letter(tok)

    def softmax_call(self, tok, required=True):
        """``softmax(z)_i`` or ``softmax_i(z)`` (also S, \\sigma) as the softmax output a_i.

        The argument must be the vector z (``\\mathbf{z}``, ``z^{(L)}``, or a
        letter declared to stand for z).  With ``required`` False, anything
        else leaves the cursor where it was and gives None.
        """
        start = self.pos
        index = None
        if self.at("_", "char"):
            self.advance()
            index = self.indices(self.script_tokens(), 1, tok)[0]
        vector = self.vector_argument()
        if vector and (index is not None or self.at("_", "char")):
            if index is None:
                self.advance()
                index = self.indices(self.script_tokens(), 1, tok)[0]
            if vector == "z":
                return nt.a[index]
            # The softmax of another vector o: e^{o_i} / sum_k e^{o_k}, its entries unknown quantities.
            base = sp.IndexedBase(self.ctx.unknown(vector))
            k = sp.Dummy("k", integer=True, positive=True)
            return sp.exp(unknown_entry(base, index)) / sp.Sum(sp.exp(unknown_entry(base, k)), (k, 1, nt.n))
        self.pos = start
        if required:
            raise self.error(f"{describe(tok)}(...) is read for the vector z only, with an index: "
                             f"{tok.text.strip()}(z)_i is the softmax output a_i", tok)
        return None

    def vector_argument(self):
        """Consume ``(z)``, ``\\left(\\mathbf{z}\\right)`` or ``(z^{(L)})``: the vector's letter, or ''.

        Another letter than z is read only if the notation does not define it
        (``softmax(o)_j`` with o the author's logits)."""
        left = self.at(r"\left", "cmd")
        if left:
            self.advance()
        if not self.at("(", "char"):
            return ""
        self.advance()
        arg = self.resolve(self.peek())
        if not (arg.kind == "letter" and (arg.text == "z" or self.undefined_letter(arg.text))):
            return ""
        self.advance()
        if self.at("^", "char") and self.layer_superscript() is None:
            return ""
        if left:
            if not self.at(r"\right", "cmd"):
                return ""
            self.advance()
        if not self.at(")", "char"):
            return ""
        self.advance()
        return arg.text

    def undefined_letter(self, name):
        """Whether ``name`` is a single letter that neither the notation nor the file defines."""
        return (len(name) == 1 and name.isalpha() and name not in _INDEXED and name not in INDEX_LETTERS
                and name not in _NOT_VARIABLES and name not in self.ctx.names)

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

    def single_argument(self):
        """Whether the cursor is at ``(x)`` with one letter inside: ``L(\\mathbf{z})``, ``E(w)`` are calls."""
        toks = self.toks[self.pos:self.pos + 3]
        return (len(toks) == 3 and toks[0].kind == "char" and toks[0].text == "(" and toks[1].kind == "letter"
                and toks[2].kind == "char" and toks[2].text == ")")

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
        if tok.text in INDEX_LETTERS and tok.text != "p":      # p_i is a probability far more often
            raise self.error(f"{tok.text} is an index letter of the notation and takes no subscript; if "
                             f"{tok.text} stands for one of the lecture's letters, say so, e.g. "
                             f"'% check: notation {tok.text} = a'", tok)
        if tok.text in _NOT_VARIABLES:
            raise self.error(f"{tok.text} takes no subscript", tok)
        indices = self.indices(sub, 1, tok, strict=False)
        return unknown_entry(sp.IndexedBase(self.ctx.unknown(tok.text)), indices[0])

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
        index = self.indices(sub, 1, tok)[0]
        if self.example_argument():
            return base[index, nt.x]            # y_j(x): of the training example x
        return base[index]

    def example_argument(self):
        """Consume ``(x)`` after an entry, ``y_j(x)``: the entry of training example x (the dataset cost)."""
        toks = self.toks[self.pos:self.pos + 3]
        if (len(toks) == 3 and toks[0].text == "(" and toks[1].kind == "letter" and toks[1].text == "x"
                and toks[2].text == ")"):
            for _ in range(3):
                self.advance()
            return True
        return False

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
            sub = type(self)(g + [Token("end", "", g[-1].end, g[-1].end)], self.ctx,
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
            if self.whole_vectors:
                # The whole vector as an argument, l(y, \hat{y}): it names the vector, entry by entry elsewhere.
                return nt.unknown(f"{name} (the vector)")
            raise self.error(f"{name} is defined with an index; expected {name}_{definition.parameter}", self.peek())
        self.advance()
        value = self.indices(self.script_tokens(), 1, tok)[0]
        return definition.expr.xreplace({definition.parameter: value})
