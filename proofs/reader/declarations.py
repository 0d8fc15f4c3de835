r"""The ``check:`` declarations of a file and the state they build, read top to bottom.

Declarations (see ``docs/checking.md``) hold from where they stand to the end
of the file, except ``skip``, ``title`` and ``case``, which apply to the next
block: ``notation`` maps the file's letters onto the lecture's, ``assume``
adds a hypothesis, a positive letter or a case on two indices, ``define``
gives a name its formula, ``model`` chooses the activation and the cost,
``forget`` drops what was declared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from .. import notation as nt
from ..hypotheses import SUM_Y_ONE, from_equation
from .blocks import Directive, Source
from .cases import Condition, condition_from_tokens
from .errors import LIMITS, LatexError
from .layout import check_nesting, layout
from .parser import Parser
from .vocabulary import Context, Definition, describe, index_symbol
from .tokens import Token, tokenize

__all__ = ["Declarations", "LECTURE_HYPOTHESES", "apply", "context", "hypotheses"]

#: The lecture's standing hypotheses (its first slide: y is a probability distribution).
LECTURE_HYPOTHESES = (SUM_Y_ONE,)
_MODELS = {"softmax": nt.SOFTMAX_CE, "softmax-cross-entropy": nt.SOFTMAX_CE,
           "sigmoid": nt.SIGMOID_QUADRATIC, "sigmoid-quadratic": nt.SIGMOID_QUADRATIC}
_INDEX_NAMES = {"i", "j", "k", "l"}
_RESERVED = {"a", "z", "y", "b", "w", "C", "e", "n", "m", r"\delta", r"\partial"} | _INDEX_NAMES


@dataclass
class Declarations:
    """What the declarations so far say; the next block is read under it."""

    lecture: bool
    hypotheses: list = field(default_factory=list)
    distinct: list = field(default_factory=list)
    names: dict = field(default_factory=dict)
    positive: set = field(default_factory=set)
    aliases: dict = field(default_factory=dict)
    swapped: set = field(default_factory=set)
    equal: list = field(default_factory=list)
    model: nt.Model = nt.SOFTMAX_CE
    title: str | None = None
    skip: bool = False
    case: Condition | None = None
    said: set = field(default_factory=set)


def context(state):
    """A fresh parsing context with the declarations in force."""
    return Context(names=dict(state.names), positive=frozenset(state.positive), aliases=dict(state.aliases),
                   swapped=frozenset(state.swapped))


def hypotheses(state):
    hyps = list(LECTURE_HYPOTHESES) if state.lecture else []
    for h in state.hypotheses:
        if h not in hyps:
            hyps.append(h)
    return tuple(hyps)


def apply(source: Source, d: Directive, state: Declarations, default_lecture):
    """Apply one declaration to the state; raises LatexError for one that cannot be read."""
    verb, arg = d.verb, d.argument
    if verb == "skip":
        state.skip = True
    elif verb == "title":
        state.title = " ".join(arg.split()) or None
    elif verb == "forget":
        state.hypotheses, state.distinct, state.names, state.positive = [], [], {}, set()
        state.aliases, state.swapped, state.equal = {}, set(), []
        state.lecture = default_lecture
    elif verb == "model":
        key = arg.strip().lower()
        if key not in _MODELS:
            raise LatexError(f"unknown model {arg!r}; expected one of {', '.join(sorted(_MODELS))}", offset=d.offset)
        state.model = _MODELS[key]
    elif verb == "assume":
        _assume(source, d, state)
    elif verb == "define":
        _define(source, d, state)
    elif verb == "notation":
        _notation(source, d, state)
    elif verb == "case":
        toks = _arg_tokens(source, d)
        condition = condition_from_tokens(toks)
        if not isinstance(condition, Condition):
            raise LatexError("expected a case of two indices, as in 'case i = j' or 'case i \\ne j'", offset=d.offset)
        state.case = condition
    else:
        raise LatexError(f"unknown declaration {verb!r}; expected notation, assume, define, case, skip, title, "
                         "model or forget", offset=d.line_offset)


def _arg_tokens(source, d):
    if not d.argument.strip():
        raise LatexError(f"'check: {d.verb}' needs a formula after it", offset=d.offset)
    if len(d.argument) > LIMITS["formula_chars"]:
        raise LatexError("the declaration is too long", offset=d.offset)
    toks = layout(tokenize(source.text, d.offset, d.offset + len(d.argument)))
    check_nesting(toks)
    return toks


def _assume(source, d, state):
    if d.argument.strip().lower() == "lecture":
        state.lecture = True
        return
    toks = _arg_tokens(source, d)
    parser = Parser(toks, context(state))
    left = parser.parse_expr()
    tok = parser.advance()
    if tok.kind == "cmd" and tok.text in (r"\ne", r"\neq"):
        right = parser.parse_expr()
        _end(parser, "the end of the declaration")
        if not (_is_index_symbol(left) and _is_index_symbol(right)) or left == right:
            raise LatexError("expected two different indices, as in 'assume i \\ne j'", offset=toks[0].pos)
        pair = (left, right) if left.name < right.name else (right, left)
        if pair not in state.distinct:
            state.distinct.append(pair)
        return
    if tok.kind == "char" and tok.text in "<>":
        right = parser.parse_expr()
        _end(parser, "the end of the declaration")
        letter, zero = (left, right) if tok.text == ">" else (right, left)
        if not (isinstance(letter, nt.Unknown) and zero == 0):
            raise LatexError("expected a letter outside the notation declared positive, as in "
                             "'assume x > 0'", offset=toks[0].pos)
        state.positive.add(letter.name)
        return
    if not (tok.kind == "char" and tok.text == "="):
        raise LatexError(f"expected '=', \\ne or '> 0' in an assumption, found {describe(tok)}",
                         offset=tok.pos)
    right = parser.parse_expr()
    _end(parser, "the end of the declaration")
    if _is_index_symbol(left) and _is_index_symbol(right):
        if left == right:
            raise LatexError("expected two different indices, as in 'assume i = j'", offset=toks[0].pos)
        if (left, right) not in state.equal:
            state.equal.append((left, right))
        return
    if _is_sum_y(left) and right == 1 or _is_sum_y(right) and left == 1:
        hyp = SUM_Y_ONE
    else:
        hyp = from_equation(left, right, name="".join(d.argument.split()), latex=" ".join(d.argument.split()))
    if hyp not in state.hypotheses:
        state.hypotheses.append(hyp)


def _define(source, d, state):
    toks = _arg_tokens(source, d)
    head = toks[0]
    if head.kind not in ("letter", "cmd"):
        raise LatexError(f"expected a name to define (a letter such as S), found {describe(head)}", offset=head.pos)
    name = head.text
    if name in _RESERVED:
        raise LatexError(f"{name} is part of the lecture's notation and cannot be redefined", offset=head.pos)
    q = 1
    parameter = None
    if toks[q].kind == "char" and toks[q].text == "_":
        if toks[q + 1].kind != "letter":
            raise LatexError("expected one index letter after '_' in a definition, as in u_q", offset=toks[q + 1].pos)
        parameter = index_symbol(toks[q + 1].text)
        q += 2
    if not (toks[q].kind == "char" and toks[q].text == "="):
        raise LatexError(f"expected '=' after the name {name}, found {describe(toks[q])}", offset=toks[q].pos)
    parser = Parser(toks[q + 1:], context(state))
    expr = parser.parse_expr()
    _end(parser, "the end of the definition")
    state.names[name] = Definition(expr, parameter)


#: Letters a notation declaration may map onto, as the parser names them.
_TARGETS = {"a", "z", "y", "b", "w", "C", "n", "m", r"\delta"}
_ROLE_WORDS = {"output": "a", "outputs": "a", "prediction": "a", "predictions": "a", "probabilities": "a",
               "target": "y", "targets": "y", "label": "y", "labels": "y", "desired": "y",
               "input": "z", "inputs": "z", "logits": "z", "logit": "z", "scores": "z",
               "cost": "C", "loss": "C", "error": "C", "classes": "n", "bias": "b", "biases": "b",
               "weight": "w", "weights": "w"}


def _notation(source, d, state):
    r"""``notation p = a, o = z, t = y, L = C, w_{jk} = w_{kj}``; also ``y is the output``.

    Each item names a letter of the file (``p``, ``\hat{y}``, ``\ell``) and the
    letter of the lecture it stands for; ``w_{jk} = w_{kj}`` says that the file
    writes the weight's indices in the other order.
    """
    toks = _arg_tokens(source, d)
    items, current, depth = [], [], 0
    for t in toks[:-1]:
        if t.kind == "char" and t.text in "{(":
            depth += 1
        elif t.kind == "char" and t.text in "})":
            depth -= 1
        if depth == 0 and t.kind == "char" and t.text in ",;":
            items.append(current)
            current = []
        else:
            current.append(t)
    items.append(current)
    for item in items:
        if not item:
            raise LatexError("an empty item in a notation declaration; expected e.g. 'notation p = a, o = z'",
                             offset=d.offset)
        _notation_item(item, state)


def _notation_item(item, state):
    head = item[0]
    if head.kind != "letter":
        raise LatexError(f"expected a letter of the file, such as p or \\hat{{y}}, found {describe(head)}; "
                         "write 'notation p = a, t = y, L = C'", offset=head.pos)
    text = _words(item[1:])
    if text[:1] == ["is"]:
        role = next((_ROLE_WORDS[w] for w in text if w in _ROLE_WORDS), None)
        if role is None:
            raise LatexError(f"unknown role {' '.join(text[1:])!r}; expected e.g. '{head.text} is the output' "
                             "(output, target, input, cost, classes, bias, weights)", offset=head.pos)
        _alias(head, role, state)
        return
    eq = next((q for q, t in enumerate(item) if t.kind == "char" and t.text == "="), None)
    if eq is None:
        raise LatexError(f"expected '=' after {head.text}, as in 'notation {head.text} = a'", offset=head.pos)
    left, right = item[:eq], item[eq + 1:]
    if right and right[0].kind == "cmd" and right[0].text == r"\delta":
        right = [Token("letter", r"\delta", right[0].pos, right[0].end)] + right[1:]   # I_{kj} = \delta_{kj}
    if not right or right[0].kind != "letter" or right[0].text not in _TARGETS:
        found = describe(right[0]) if right else "nothing"
        raise LatexError(f"expected a letter of the lecture's notation after '=' (a, z, y, b, w, C or n), "
                         f"found {found}", offset=(right[0].pos if right else head.pos))
    target = right[0].text
    if target == "w" and len(left) > 1:
        first, second = _pair(left[1:]), _pair(right[1:])
        if first is None or second is None or set(first) != set(second) or first[0] == first[1]:
            raise LatexError("expected the index order of the weights as in 'notation w_{jk} = w_{kj}'",
                             offset=head.pos)
        if first != second:
            state.swapped.add(head.text)
        if head.text != "w":
            _alias(head, "w", state)
        return
    if target == r"\delta" and len(left) > 1 and left[1].text == "_":
        left, right = left[:1], right[:1]          # I_{kj} = \delta_{kj}: the indices go with the letter
    if len(left) > 1 or len(right) > 1:
        raise LatexError(f"expected one letter on each side, as in 'notation {head.text} = {target}' "
                         "(indices go with the letter where it is used)", offset=head.pos)
    _alias(head, target, state)


def _words(toks):
    """The words spelt by letter tokens that touch (TeX reads each letter alone), lower case."""
    words, previous = [], None
    for t in toks:
        if t.kind == "text":
            words += t.text.lower().split()
            previous = None
        elif t.kind == "letter" and len(t.text) == 1:
            if previous is not None and previous.end == t.pos and words:
                words[-1] += t.text.lower()
            else:
                words.append(t.text.lower())
            previous = t
        else:
            previous = None
    return words


def _alias(head, target, state):
    if head.text == target:
        raise LatexError(f"{head.text} = {target} says nothing; expected another letter", offset=head.pos)
    if head.text in _INDEX_NAMES:
        raise LatexError(f"{head.text} is an index letter of the notation and cannot stand for {target}",
                         offset=head.pos)
    state.aliases[head.text] = target
    state.names.pop(head.text, None)


def _pair(toks):
    """The two index letters of a subscript ``_{jk}`` or ``_{j,k}``, or None."""
    letters = [t.text for t in toks if t.kind == "letter"]
    if not toks or toks[0].text != "_" or len(letters) != 2:
        return None
    return tuple(letters)


def _end(parser, what):
    if parser.peek().kind != "end":
        raise parser.error(f"unexpected {describe(parser.peek())}; expected {what}")


def _is_index_symbol(e):
    return isinstance(e, sp.Symbol) and bool(e.is_integer) and e not in (nt.n, nt.m)


def _is_sum_y(e):
    return (isinstance(e, sp.Sum) and len(e.limits) == 1 and e.limits[0][1:] == (1, nt.n)
            and e.function == nt.y[e.limits[0][0]])
