r"""The reader's vocabulary: the tables and small predicates that every stage of the parser consults.

One table per fact: the relations that make a step, the index letters, the
lecture's indexed letters and their layers, the commands that start a
factor, the names of functions, what to write instead of a command that cannot
be checked.  :class:`Context` is what the blocks of one chain share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from .. import notation as nt
from ..relations import READ

#: Relations that make a step of a chain, with the name the checker uses.
RELATIONS = READ

#: The index letters of :mod:`proofs.notation`.
INDEX_LETTERS = {"i": nt.i, "j": nt.j, "k": nt.k, "l": nt.l, "p": nt.p}

# From the notation's one table of written letters: the plain letters of layer L, and the letter of
# layer L-1 that the same written letter with the superscript (L-1) stands for.
_INDEXED = {letter: obj for obj, letter, layer, _ in nt.WRITTEN.values()
            if not letter.startswith("\\") and layer != "(L-1)"}
_PREV_LAYER = {_INDEXED[letter]: obj for obj, letter, layer, _ in nt.WRITTEN.values() if layer == "(L-1)"}
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


class UnknownEntry(sp.Indexed):
    """An entry q_j of a letter outside the notation: unknown, and unknown under every derivative.

    SymPy's own ``Indexed`` differentiates to 0 by anything but an entry of the
    same letter; an unknown entry may depend on every variable, so its
    derivative by another variable is the unknown quantity named
    ``∂q[j]/∂z[i]`` (as :mod:`proofs.unknowns` names the derivatives of
    unknown letters), never 0.
    """

    def _eval_derivative(self, wrt):
        if isinstance(wrt, sp.Indexed) and wrt.base == self.base:
            return super()._eval_derivative(wrt)
        if wrt == self:
            return sp.Integer(1)
        return nt.unknown(f"∂{sp.sstr(self)}/∂{sp.sstr(wrt)}")


def unknown_entry(base, index):
    """The entry ``base_index`` of a letter outside the notation, as an :class:`UnknownEntry`."""
    return UnknownEntry(base, index)


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

