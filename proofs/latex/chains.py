r"""From the blocks and declarations of a file to :class:`~proofs.derivation.Derivation` objects.

A block is a chain ``e_0 rel e_1 rel e_2 ...`` split at its top-level
relations (``=``, ``<``, ``>``, ``\le``, ``\ge``); ``&`` and ``\\`` are layout,
so ``X = \\ &= Y`` is one step, and a block that starts with a relation
continues the chain of the block before it.  A ``\text{...}`` or ``1)`` at the
start of a block is a label (a ``\text`` label names the chain); a block with
an implication (``\Rightarrow``, ``\Leftrightarrow``) or with ``\ne``,
``\approx``, ``\in`` between its formulas is not a chain and is reported as a
note, not checked.

Bound indices: a sum's index that is also a free index of the chain (the
lecture writes :math:`\sum_{i=1}^n e^{z_i}` inside a derivative by z_i) is
renamed to the first of l, k, p, j, i, q, r, s, u, v that the chain does not
use, so that it cannot capture the free one.

Declarations (see ``docs/checking.md``) hold from where they stand to the end
of the file, except ``skip`` and ``title``, which apply to the next block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import notation as nt
from ..derivation import Derivation, Step
from ..hypotheses import SUM_Y_ONE, from_equation
from .blocks import Block, Directive, Source, Unread, read_source, scan
from .bound import bound_indices, free_symbols, fresh_bound
from .matrices import matrix_variants
from .cases import Condition, case_variants, condition_from_tokens, condition_tail, prose_condition
from .errors import LIMITS, LatexError
from .parser import _GREEK, Context, Definition, Parser, advice_for, describe, index_symbol
from .tokens import Token, tokenize

__all__ = ["StepSource", "ChainSource", "Note", "Reading", "read_file", "LECTURE_HYPOTHESES"]

#: The lecture's standing hypotheses (its first slide: y is a probability distribution).
LECTURE_HYPOTHESES = (SUM_Y_ONE,)

_LAYOUT_ENVS = {"aligned", "align", "align*", "alignedat", "equation", "equation*", "gather",
                "gather*", "gathered", "split", "multline", "multline*", "displaymath", "eqnarray",
                "eqnarray*", "flalign", "flalign*", "alignat", "alignat*"}
_ENV_ADVICE = {
    "cases": "a cases environment is read only once per block, as the right side of a chain",
    "array": "an array is not read; write each formula in its own block",
    "matrix": "a matrix is compared entry by entry only when the sides of the chain are matrices",
    "bmatrix": "a matrix is compared entry by entry only when the sides of the chain are matrices",
    "pmatrix": "a matrix is compared entry by entry only when the sides of the chain are matrices",
}
_SPACING = {r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad", r"\enspace", r"\thinspace",
            r"\displaystyle", r"\textstyle", r"\nonumber", r"\notag", r"\big", r"\Big", r"\bigg",
            r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\Biggl",
            r"\Biggr", r"\middle"}
_IMPLICATIONS = {r"\Rightarrow", r"\Leftarrow", r"\Leftrightarrow", r"\implies", r"\impliedby",
                 r"\iff", r"\Longrightarrow", r"\Longleftrightarrow", r"\rightarrow", r"\to",
                 r"\longrightarrow"}
_GREEK_NAMES = set(_GREEK) | {r"\sigma"}
_OTHER_RELATIONS = {r"\ne", r"\neq", r"\approx", r"\equiv", r"\sim", r"\simeq", r"\in", r"\notin",
                    r"\subset", r"\subseteq", r"\propto", r"\mapsto"}
_MODELS = {"softmax": nt.SOFTMAX_CE, "softmax-cross-entropy": nt.SOFTMAX_CE,
           "sigmoid": nt.SIGMOID_QUADRATIC, "sigmoid-quadratic": nt.SIGMOID_QUADRATIC}
_INDEX_NAMES = {"i", "j", "k", "l"}
_RESERVED = {"a", "z", "y", "b", "w", "C", "e", "n", "m", r"\delta", r"\partial"} | _INDEX_NAMES


@dataclass
class StepSource:
    """Where step ``index`` stands: its relation sign and the two sides as written."""

    index: int
    line: int
    column: int
    relation: str
    lhs: str
    rhs: str


@dataclass
class ChainSource:
    """Where a chain stands in its file, its title and the places of its steps."""

    file: str
    line: int
    column: int
    title: str
    steps: list


@dataclass
class Note:
    """Something read but not checked (an implication, a skipped block), with its place."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}:{self.column}: note: {self.message}"


@dataclass
class Reading:
    """What :func:`read_file` found: the chains as (Derivation, ChainSource) pairs, notes, errors."""

    path: str
    chains: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    blocks_read: int = 0
    blocks_unread: int = 0


class NotAChain(Exception):
    """A block that is read but is not a chain of relations."""

    def __init__(self, message, offset):
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass
class _State:
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


@dataclass
class _Chain:
    offset: int
    title: str | None
    context: Context
    hypotheses: tuple
    distinct: tuple
    model: nt.Model
    exprs: list = field(default_factory=list)   # (expr, start, end)
    rels: list = field(default_factory=list)    # (relation, offset)
    finished: bool = False
    equal: list = field(default_factory=list)   # (i, j): j is replaced by i
    state: object = None
    conditions: list = field(default_factory=list)


def read_file(path, assume_lecture=True) -> Reading:
    """Read every chain, note and error of the file at ``path``; never raises on bad input.

    Any failure while reading a block -- a :class:`LatexError`, but also an
    ``OverflowError``, ``RecursionError`` or ``MemoryError`` from deep inside
    SymPy -- becomes a located error of that block; the blocks before it and
    after it are still read.
    """
    try:
        source = read_source(path)
        items = scan(source)
    except LatexError as err:
        return Reading(str(path), errors=[err if err.file else err.located(str(path), None, None)])
    except Exception as exc:  # noqa: BLE001 -- untrusted input must never end in a traceback
        return Reading(str(path), errors=[LatexError(_unexpected(exc), str(path))])
    reading = Reading(source.path)
    state = _State(lecture=assume_lecture)
    default_lecture = assume_lecture
    pending = None
    for item in items:
        if isinstance(item, Directive):
            pending = _finish(source, pending, reading)
            try:
                _apply(source, item, state, default_lecture)
            except LatexError as err:
                reading.errors.append(source.locate(err, item.offset))
            except Exception as exc:  # noqa: BLE001
                reading.errors.append(source.error(_unexpected(exc), item.offset))
            continue
        if isinstance(item, Unread):
            pending = _finish(source, pending, reading)
            reading.errors.append(source.error(
                f"the environment {{{item.name}}} is not read; write the derivation in $$...$$, \\[...\\], "
                "align or equation (or put '% check: skip' before it)", item.offset))
            reading.blocks_unread += 1
            continue
        if state.skip:
            state.skip = False
            pending = _finish(source, pending, reading)
            reading.notes.append(_note(source, item.opening, "block skipped (check: skip)"))
            reading.blocks_unread += 1
            continue
        mark = _mark(pending)
        reading.blocks_read += 1
        try:
            pending = _read_block(source, item, state, pending, reading)
        except NotAChain as exc:
            pending = _finish(source, pending, reading)
            reading.notes.append(_note(source, exc.offset, f"not checked: {exc.message}"))
        except LatexError as err:
            pending = _finish(source, _restore(pending, mark), reading)
            reading.errors.append(source.locate(err, item.opening))
            reading.blocks_read, reading.blocks_unread = reading.blocks_read - 1, reading.blocks_unread + 1
        except Exception as exc:  # noqa: BLE001 -- e.g. OverflowError or RecursionError in SymPy
            pending = _finish(source, _restore(pending, mark), reading)
            reading.errors.append(source.error(_unexpected(exc), item.opening))
            reading.blocks_read, reading.blocks_unread = reading.blocks_read - 1, reading.blocks_unread + 1
    _finish(source, pending, reading)
    return reading


def _unexpected(exc):
    """The message of an error that is not the reader's own: what happened and what to do."""
    kind = type(exc).__name__
    detail = " ".join(str(exc).split())[:120]
    return (f"cannot read this formula: {kind}" + (f" ({detail})" if detail else "")
            + "; simplify it or split it into smaller steps")


def _mark(chain):
    """How far a chain had got before a block was read into it."""
    return None if chain is None else (len(chain.exprs), len(chain.rels))


def _restore(chain, mark):
    """The chain as it was before the block that failed, without a relation left dangling."""
    if chain is None or mark is None:
        return None
    chain.exprs[mark[0]:] = []
    chain.rels[mark[1]:] = []
    if chain.rels and len(chain.rels) == len(chain.exprs):
        chain.rels.pop()
    return chain


def _note(source, offset, message):
    line, col = source.line_col(offset)
    return Note(source.path, line, col, message)


# --------------------------------------------------------------- blocks
def _read_block(source: Source, block: Block, state: _State, pending, reading):
    """Read one block into chains: once per row of a ``cases``, a new chain per new left side."""
    if block.end - block.start > LIMITS["formula_chars"]:
        raise source.error(f"the formula has {block.end - block.start} characters; the limit is "
                           f"{LIMITS['formula_chars']}", block.opening)
    raw = tokenize(source.text, block.start, block.end)
    _check_nesting(raw)
    declared, state.case = state.case, None
    prose = prose_condition(block.prose, block.prose_offset)
    conditions = [c for c in (declared, prose) if c is not None]
    title = state.title
    state.title = None
    first = True
    entries, dropped = matrix_variants(raw)
    for tok in dropped:
        reading.notes.append(_note(source, tok.pos, "this side is not a matrix and is left out: the matrices "
                                                    "of the block are compared entry by entry"))
    variants = [(toks, None, label) for label, toks in entries] or [
        (toks, case, None) for toks, case in case_variants(raw)]
    for toks, case, entry in variants:
        toks = _layout(toks, rows=True)
        if first:
            label = []
            while toks[0].kind == "text" and not Parser(toks).starts_factor(toks[0]):
                label.append(toks.pop(0).text)
            if len(toks) > 2 and toks[0].kind == "num" and toks[1].kind == "char" and toks[1].text == ")":
                del toks[:2]
            title = title or _label(label)
        rows = _rows(toks)
        if not rows:
            raise NotAChain("an empty formula", block.opening)
        for number, row in enumerate(rows):
            row, tail = condition_tail(row)
            row = [t for t in row if not (t.kind == "cmd" and t.text in _SPACING)]
            _not_a_chain(row)
            if row[0].kind == "end":
                continue
            conds = conditions + [c for c in (case, tail) if c is not None]
            name = title if first else None
            if entry is not None:
                name = f"{title or 'matrix'}, {entry}"
            pending = _read_row(source, row, state, pending, reading, name,
                                (first or entry is not None) and number == 0, conds)
            if number == 0:
                first = False
    return pending


def _read_row(source, toks, state, pending, reading, title, block_start, conditions):
    """Read one row of a block into the pending chain or a new one; returns the chain."""
    probe = Parser(toks)
    starts_with_relation = probe.relation() is not None
    waiting = pending is not None and not pending.finished and len(pending.rels) == len(pending.exprs) > 0
    if starts_with_relation:
        if pending is None or pending.finished:
            raise LatexError(f"the formula starts with {toks[0].text!r} but no chain comes before it "
                             "to continue", offset=toks[0].pos)
        chain = pending
    elif waiting and not block_start:
        chain = pending                      # X = \\ Y: the row carries the chain on
    else:
        _finish(source, pending, reading)
        chain = _Chain(toks[0].pos, title, _context(state), _hypotheses(state), tuple(state.distinct),
                       state.model, equal=list(state.equal), state=state)
    for c in conditions:
        _add_condition(chain, c)
    parser = Parser(toks, chain.context)
    if starts_with_relation:
        rel, at = _relations(parser)
        if len(chain.rels) == len(chain.exprs):
            if chain.rels[-1][0] != rel:
                raise LatexError(f"two relations in a row: {chain.rels[-1][0]} then {rel}", offset=at)
            chain.rels[-1] = (rel, at)
        else:
            chain.rels.append((rel, at))
    while parser.peek().kind != "end":
        first = parser.peek()
        expr = parser.parse_expr()
        chain.exprs.append((expr, first.pos, parser.toks[parser.pos - 1].end))
        annotated = False
        while parser.peek().kind == "text":
            parser.advance()
            annotated = True
        if parser.relation() is not None:
            chain.rels.append(_relations(parser))
            continue
        tok = parser.peek()
        if tok.kind == "char" and tok.text in ".,;" and parser.peek(1).kind == "end":
            parser.advance()
            break
        if tok.kind == "end":
            break
        if annotated or (tok.kind == "cmd" and tok.text in _OTHER_RELATIONS):
            raise NotAChain("words or a relation such as \\ne between formulas: a statement, not a chain",
                            tok.pos)
        raise parser.error(advice_for(tok) or f"unexpected {describe(tok)}; expected an operator, a relation "
                           "(=, <, >, \\le, \\ge) or the end of the formula", tok)
    return chain


def _add_condition(chain, condition):
    """Put the chain under a case: i = j substitutes, i \\ne j makes the indices distinct."""
    left, right = index_symbol(condition.left), index_symbol(condition.right)
    if condition.relation == "=":
        if (left, right) not in chain.equal:
            chain.equal.append((left, right))
    else:
        pair = (left, right) if left.name < right.name else (right, left)
        if pair not in chain.distinct:
            chain.distinct = tuple(chain.distinct) + (pair,)
    chain.conditions.append(condition)


def _rows(toks):
    """The rows of a block split at its line breaks; a row that carries on an expression joins the last.

    A row joins the one before it when that one ends with an operator or an
    open bracket, or when it starts with a binary operator (``\\\\ + c``).
    """
    rows, current, depth = [], [], 0
    for t in toks[:-1]:
        if t.kind == "row":
            rows.append((current, depth))
            current = []
            continue
        if (t.kind == "char" and t.text in "([") or (t.kind == "cmd" and t.text == r"\left"):
            depth += 1
        elif (t.kind == "char" and t.text in ")]") or (t.kind == "cmd" and t.text == r"\right"):
            depth -= 1
        current.append(t)
    rows.append((current, depth))
    merged = []
    for row, depth in rows:
        if not row:
            continue
        if merged and (_open_end(merged[-1][0], merged[-1][1]) or _continues(row)):
            merged[-1] = (merged[-1][0] + row, depth)
        else:
            merged.append((row, depth))
    end = toks[-1]
    return [row + [Token("end", "", end.pos, end.end)] for row, _ in merged]


def _open_end(row, depth):
    row = [t for t in row if not (t.kind == "cmd" and t.text in _SPACING)] or row
    last = row[-1]
    return depth > 0 or (last.kind == "char" and last.text in "+-*/") or (
        last.kind == "cmd" and last.text in (r"\cdot", r"\times"))


def _continues(row):
    row = [t for t in row if not (t.kind == "cmd" and t.text in _SPACING)] or row
    first = row[0]
    return (first.kind == "char" and first.text in "+-*/") or (first.kind == "cmd" and first.text in (r"\cdot", r"\times"))


def _relations(parser):
    """The relation at the cursor; repeated equal signs (X = \\\\ &= Y) count as one."""
    rel = parser.relation()
    at = parser.advance().pos
    while parser.relation() is not None:
        other = parser.relation()
        nxt = parser.advance()
        if other != rel:
            raise LatexError(f"two relations in a row: {rel} then {other}; expected an expression "
                             "between them", offset=nxt.pos)
        at = nxt.pos
    return rel, at


def _label(parts):
    text = " ".join(" ".join(p.split()) for p in parts).strip().rstrip(":").strip()
    return text or None


def _layout(toks, rows=False):
    """The tokens without layout: &, \\\\ (outside \\substack), spacing, \\label, aligned environments.

    With ``rows``, a line break becomes a ``row`` token and spacing commands
    stay (a case after \\quad is found by them; :func:`_read_block` drops them).
    """
    out = []
    depth = 0
    substack = None
    q = 0
    while q < len(toks):
        t = toks[q]
        if t.kind == "char" and t.text == "{":
            depth += 1
        elif t.kind == "char" and t.text == "}":
            depth -= 1
            if substack is not None and depth < substack:
                substack = None
        if t.kind == "cmd" and t.text == r"\substack":
            substack = depth + 1
        if (t.kind == "char" and t.text == "&") or (t.kind == "cmd" and t.text in _SPACING and not rows):
            q += 1
            continue
        if t.kind == "cmd" and t.text == "\\\\" and substack is None:
            if rows:
                out.append(Token("row", t.text, t.pos, t.end))
            q += 1
            q = _skip_spacing_option(toks, q)
            continue
        if t.kind == "char" and t.text == ":" and toks[q + 1].kind == "char" and toks[q + 1].text == "=":
            out.append(Token("char", "=", t.pos, toks[q + 1].end))      # a := b is a = b
            q += 2
            continue
        if t.kind == "cmd" and t.text in (r"\stackrel", r"\overset") and toks[q + 1].text == "{":
            _, after = _braced_name(toks, q + 1, 400)                    # \stackrel{\text{def}}{=}
            if toks[after].text == "{" and toks[after + 1].text in ("=", "<", ">") and toks[after + 2].text == "}":
                out.append(Token("char", toks[after + 1].text, t.pos, toks[after + 2].end))
                q = after + 3
                continue
        if t.kind == "cmd" and t.text in (r"\label", r"\tag", r"\begin", r"\end"):
            name, after = _braced_name(toks, q + 1)
            if t.text in (r"\begin", r"\end") and name not in _LAYOUT_ENVS:
                advice = _ENV_ADVICE.get(name, "expected a chain in $$...$$, align, aligned or equation")
                raise LatexError(f"the environment {{{name}}} is not read here; {advice}", offset=t.pos)
            q = after
            if t.text == r"\begin" and name == "alignedat" and toks[q].text == "{":
                _, q = _braced_name(toks, q)
            continue
        out.append(t)
        q += 1
    return out


def _skip_spacing_option(toks, q):
    """After a line break \\\\, the position past an optional [2pt] or [1ex]."""
    if not (toks[q].kind == "char" and toks[q].text == "["):
        return q
    r = q + 1
    while r < len(toks) and r - q < 8 and toks[r].kind in ("num", "letter", "char") and toks[r].text != "]":
        if toks[r].kind == "char" and toks[r].text not in "-.":
            return q
        r += 1
    if r < len(toks) and toks[r].kind == "char" and toks[r].text == "]":
        return r + 1
    return q


def _braced_name(toks, q, longest=40):
    if toks[q].kind != "char" or toks[q].text != "{":
        raise LatexError(f"expected '{{' after {toks[q - 1].text}", offset=toks[q].pos)
    start = q
    q += 1
    while toks[q].kind != "end" and not (toks[q].kind == "char" and toks[q].text == "}"):
        q += 1
        if q - start > longest:
            break
    if toks[q].kind == "end" or toks[q].text != "}":
        raise LatexError(f"expected '}}' closing the argument of {toks[start - 1].text}", offset=toks[start].pos)
    return "".join(t.text for t in toks[start + 1:q]), q + 1


def _check_nesting(toks):
    """Balanced braces and bounded nesting, checked in one pass before parsing."""
    braces = []
    depth = 0
    for t in toks:
        if t.kind != "char" and not (t.kind == "cmd" and t.text in (r"\left", r"\right")):
            continue
        if t.text in ("{", "(", "[", r"\left"):
            depth += 1
            if depth > LIMITS["depth"]:
                raise LatexError(f"the formula is nested deeper than {LIMITS['depth']} levels; "
                                 "split it into smaller steps", offset=t.pos)
            if t.text == "{":
                braces.append(t)
        elif t.text in ("}", ")", "]", r"\right"):
            depth = max(0, depth - 1)
            if t.text == "}":
                if not braces:
                    raise LatexError("this '}' closes nothing; expected '{' before it", offset=t.pos)
                braces.pop()
    if braces:
        raise LatexError("this '{' is never closed; expected '}'", offset=braces[-1].pos)


def _not_a_chain(toks):
    depth = 0
    for t in toks:
        if t.kind == "char" and t.text in "{([":
            depth += 1
        elif t.kind == "char" and t.text in "})]":
            depth -= 1
        elif t.kind == "cmd" and t.text in _IMPLICATIONS:
            raise NotAChain(f"an implication ({t.text}) is not a chain", t.pos)
        elif t.kind == "cmd" and t.text in _OTHER_RELATIONS and depth == 0:
            raise NotAChain(f"the relation {t.text} is not checked; only chains of =, <, >, \\le, \\ge are",
                            t.pos)


# --------------------------------------------------------------- chains
def _context(state):
    """A fresh parsing context with the declarations in force."""
    return Context(names=dict(state.names), positive=frozenset(state.positive), aliases=dict(state.aliases),
                   swapped=frozenset(state.swapped))


def _hypotheses(state):
    hyps = list(LECTURE_HYPOTHESES) if state.lecture else []
    for h in state.hypotheses:
        if h not in hyps:
            hyps.append(h)
    return tuple(hyps)


def _finish(source, chain, reading):
    """Turn a finished chain into a (Derivation, ChainSource) pair, a note or an error (once)."""
    if chain is None or chain.finished:
        return None
    chain.finished = True
    try:
        _emit(source, chain, reading)
    except LatexError as err:
        reading.errors.append(source.locate(err, chain.offset))
    except Exception as exc:  # noqa: BLE001 -- untrusted input must never end in a traceback
        reading.errors.append(source.error(_unexpected(exc), chain.offset))
    return None


def _emit(source, chain, reading):
    state = chain.state
    for offset, message in chain.context.notes:
        _say(source, reading, state, offset, message)
    if len(chain.rels) == len(chain.exprs):
        rel, at = chain.rels[-1]
        reading.errors.append(source.error(f"the chain ends with {rel!r}; expected an expression after it", at))
        return None
    if len(chain.exprs) < 2:
        reading.notes.append(_note(source, chain.offset, "a formula with no relation: nothing to check"))
        return None
    items = list(chain.exprs)
    rels = list(chain.rels)
    if state is not None and rels[0][0] == "=":
        definition = _as_definition(items[0][0], items[1][0])
        if definition is not None:
            name, parameter, written, call = definition
            state.names[name] = Definition(items[1][0], parameter, call)
            reading.notes.append(_note(source, chain.offset, (
                f"{written} is not part of the lecture's notation, so this equation is taken as its "
                f"definition, not checked: {_latex(source, items[0])} = {_latex(source, items[1])}; "
                "the formulas after it use it")))
            replace = _replacer(items[0][0], items[1][0], parameter)
            items = [(replace(e), a, b) for e, a, b in items[1:]]
            rels = rels[1:]
            if len(items) < 2:
                return None
    exprs = fresh_bound([e for e, _, _ in items], index_symbol)
    free = set()
    for e in exprs:
        free |= {s for s in free_symbols(e) if isinstance(s, sp.Symbol) and s.is_integer and s not in (nt.n, nt.m)}
    exprs, free = _substitute_equal(exprs, free, chain.equal)
    indices = tuple(sorted(free, key=lambda s: s.name))
    distinct = tuple(pair for pair in chain.distinct if pair[0] in free and pair[1] in free)
    prev = tuple(ix for ix in indices if _previous_layer_index(exprs, ix))
    line, col = source.line_col(chain.offset)
    title = chain.title or f"chain at line {line}"
    if chain.conditions:
        title += " (case " + ", ".join(dict.fromkeys(str(c) for c in chain.conditions)) + ")"
    steps = []
    sources = []
    for k, (rel, at) in enumerate(rels, start=1):
        steps.append(Step(exprs[k], justification="as-written", relation=rel))
        rl, rc = source.line_col(at)
        sources.append(StepSource(k, rl, rc, rel, _latex(source, items[k - 1]), _latex(source, items[k])))
    derivation = Derivation(
        title=title, start=exprs[0], steps=tuple(steps), hypotheses=chain.hypotheses,
        model=chain.model, indices=indices, distinct=distinct, general=True,
        min_n=_min_n(exprs, distinct), prev_indices=prev,
        note=f"read from {source.path}:{line}:{col}")
    reading.chains.append((derivation, ChainSource(source.path, line, col, title, sources)))
    for written in _unknown_letters(exprs):
        _say(source, reading, state, chain.offset, (
            f"{written} is not part of the lecture's notation: it is read as an unknown quantity (nothing is "
            f"assumed of its sign, its derivatives stay unknown); if it is the softmax output, the target or the "
            f"cost, say so with '% check: notation {written} = a' (or = y, = C), or give its formula with "
            f"'% check: define {written} = ...'"))
    return None


def _say(source, reading, state, offset, message):
    """A note said once per file."""
    said = state.said if state is not None else set()
    if message not in said:
        said.add(message)
        reading.notes.append(_note(source, offset, message))


def _written(symbol):
    """How a letter outside the notation was written: ``\\gamma`` for gamma, ``\\hat{y}`` as is."""
    name = symbol.name
    return "\\" + name if "\\" + name in _GREEK_NAMES else name


def _as_definition(left, right):
    """``(name, parameter, written, call)`` if ``left = right`` defines a fresh letter (p_i = ...), else None."""
    if isinstance(left, nt.Unknown):
        if left in right.free_symbols:
            return None
        return _written(left), None, _written(left), None
    if isinstance(left, AppliedUndef) and len(str(left.func)) == 1:
        if right.has(left.func):
            return None
        return str(left.func), None, str(left), left.args
    if (isinstance(left, sp.Indexed) and isinstance(left.base.label, nt.Unknown) and len(left.indices) == 1
            and isinstance(left.indices[0], sp.Symbol)):
        if right.has(left.base):
            return None
        written = _written(left.base.label)
        return written, left.indices[0], f"{written}_{left.indices[0]}", None
    return None


def _replacer(left, right, parameter):
    """A function that puts the definition ``left = right`` in for ``left`` in a later expression."""
    if parameter is None and isinstance(left, AppliedUndef):
        return lambda e: e.replace(lambda x: isinstance(x, AppliedUndef) and x.func == left.func, lambda x: right)
    if parameter is None:
        return lambda e: e.xreplace({left: right})
    base = left.base
    return lambda e: e.replace(lambda x: isinstance(x, sp.Indexed) and x.base == base,
                               lambda x: right.xreplace({parameter: x.indices[0]}))


def _substitute_equal(exprs, free, equal):
    """The chain under its cases i = j: j replaced by i where both are free indices of the chain."""
    for keep, drop in equal:
        if drop not in free or drop == keep:
            continue
        if keep not in free and any(keep in bound_indices(e) for e in exprs):
            continue
        exprs = [e.xreplace({drop: keep}) for e in exprs]
        free = (free - {drop}) | {keep}
    return exprs, free


def _unknown_letters(exprs):
    """How each letter outside the notation in the expressions was written, in order of first use."""
    out = {}
    for e in exprs:
        for atom in sp.preorder_traversal(e):
            if isinstance(atom, nt.Unknown):
                out.setdefault(_written(atom))
            elif isinstance(atom, sp.Indexed) and isinstance(atom.base.label, nt.Unknown):
                out.setdefault(_written(atom.base.label))
            elif isinstance(atom, AppliedUndef):
                out.setdefault(str(atom.func))
    return list(out)


def _latex(source, item):
    _, start, end = item
    return " ".join(source.text[start:end].replace("&", " ").split())


def _previous_layer_index(exprs, ix):
    """Whether a free index runs over layer L-1 (it indexes a^{(L-1)} or is w's first index)."""
    for e in exprs:
        for atom in e.atoms(sp.Indexed):
            if (atom.base == nt.a_prev and ix in atom.indices) or (atom.base == nt.w and atom.indices[0] == ix):
                return True
    return False


def _min_n(exprs, distinct):
    least = 2 if distinct else 1
    for e in exprs:
        for atom in e.atoms(sp.Indexed):
            if atom.base in (nt.a_prev,):
                continue
            indices = atom.indices[1:] if atom.base == nt.w else atom.indices
            for ix in indices:
                if ix.is_Integer:
                    least = max(least, int(ix))
    return least


# --------------------------------------------------------------- declarations
def _apply(source: Source, d: Directive, state: _State, default_lecture):
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
    toks = _layout(tokenize(source.text, d.offset, d.offset + len(d.argument)))
    _check_nesting(toks)
    return toks


def _assume(source, d, state):
    if d.argument.strip().lower() == "lecture":
        state.lecture = True
        return
    toks = _arg_tokens(source, d)
    parser = Parser(toks, _context(state))
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
    parser = Parser(toks[q + 1:], _context(state))
    expr = parser.parse_expr()
    _end(parser, "the end of the definition")
    state.names[name] = Definition(expr, parameter)


#: Letters a notation declaration may map onto, as the parser names them.
_TARGETS = {"a", "z", "y", "b", "w", "C", "n", "m"}
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


def derivations_from_file(path, assume_lecture=True):
    """Every chain of the file as a ``(Derivation, ChainSource)`` pair; raises the first LatexError."""
    reading = read_file(path, assume_lecture=assume_lecture)
    if reading.errors:
        raise reading.errors[0]
    return reading.chains
