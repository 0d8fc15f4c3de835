r"""From the blocks and declarations of a file to :class:`~proofs.derivation.Derivation` objects.

The reader is a pipeline, one module per stage, each taking the output of the
one before: :mod:`.blocks` (the file's text to formula blocks and
declarations), :mod:`.tokens` (a block to tokens), :mod:`.layout` (tokens to
rows without layout), :mod:`.cases` and :mod:`.matrices` (a block to its
variants: one per row of a ``cases``, one per matrix entry), :mod:`.parser`
(tokens to SymPy expressions), and this module (expressions to chains);
:mod:`.declarations` keeps the state the declarations build on the way.

A chain is ``e_0 rel e_1 rel e_2 ...`` split at its top-level relations
(``=``, ``<``, ``>``, ``\le``, ``\ge``).  A row that starts with a relation
carries the chain on (``X = \\ &= Y`` is one step), as does a block that
starts with one; a row that starts with a new left side starts a new chain.
A ``\text{...}`` or ``1)`` at the start of a block is a label (a ``\text``
label names the chain); a block with an implication or with ``\ne``,
``\approx``, ``\in`` between its formulas is reported as a note, not checked.

When a chain is finished (:func:`_emit`): an equation whose left side is a
fresh letter outside the notation is taken as that letter's definition; bound
indices are renamed apart (:mod:`.bound`); the chain's cases are imposed (i = j
substitutes, i ≠ j makes the indices distinct); every letter outside the
notation is named in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from .. import notation as nt
from ..derivation import Derivation, Step
from ..verdict import FileOutline
from .blocks import Block, Directive, Inline, Source, Unread, read_source, scan
from .bound import bound_indices, free_symbols, fresh_bound
from .cases import case_variants, condition_tail, prose_condition
from .declarations import LECTURE_HYPOTHESES, Declarations, apply, context, hypotheses
from .errors import LIMITS, LatexError
from .layout import OTHER_RELATIONS, SPACING, NotAChain, check_nesting, label_text, layout, not_a_chain, rows
from .matrices import matrix_variants
from .parser import Parser
from .vocabulary import _GREEK, Context, Definition, advice_for, describe, index_symbol
from .tokens import tokenize

__all__ = ["StepSource", "ChainSource", "Note", "Reading", "read_file", "derivations_from_file",
           "LECTURE_HYPOTHESES"]

_GREEK_NAMES = set(_GREEK) | {r"\sigma"}


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
class Reading(FileOutline):
    """What :func:`read_file` found: its chains are (Derivation, ChainSource) pairs, not yet checked."""


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
    state = Declarations(lecture=assume_lecture)
    default_lecture = assume_lecture
    pending = None
    used = set()
    for number, item in enumerate(items):
        if isinstance(item, Block):
            for later in _where_clauses(source, items, number):
                _inline_definition(source, later, state, reading)
                used.add(id(later))
        if isinstance(item, Directive):
            pending = _finish(source, pending, reading)
            try:
                apply(source, item, state, default_lecture)
            except LatexError as err:
                reading.errors.append(source.locate(err, item.offset))
            except Exception as exc:  # noqa: BLE001
                reading.errors.append(source.error(_unexpected(exc), item.offset))
            continue
        if isinstance(item, Inline):
            if id(item) not in used:
                _inline_definition(source, item, state, reading)
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


_WHERE = re.compile(r"(?:\bwhere\b|\bwith\b|\bhere\b|где\b|здесь\b|при этом\b)", re.IGNORECASE)


_WHERE_IN_FORMULA = re.compile(r"(?:where|где)\b", re.IGNORECASE)


def _where_clauses(source, items, number):
    """The inline formulas of a "where $S = ...$" sentence right after the block ``items[number]``.

    They define letters the block uses, so they are read before it.
    """
    block = items[number]
    out = []
    since = block.end
    for item in items[number + 1:]:
        if not isinstance(item, Inline):
            break
        between = source.text[since:item.start]
        if between.count("\n\n") or not (out or _WHERE.search(between)):
            break
        out.append(item)
        since = item.end
    return out


def _where_tail(row):
    r"""Split ``..., \quad \text{where } S = \sum_k e^{z_k}`` into the formula and the clause ``S = ...``."""
    for q in range(1, len(row) - 1):
        t = row[q]
        if t.kind == "text" and _WHERE_IN_FORMULA.match(t.text.strip()) and row[q + 1].kind in ("letter", "cmd"):
            start = q
            while start > 0 and (row[start - 1].kind == "cmd" and row[start - 1].text in SPACING
                                 or (row[start - 1].kind == "char" and row[start - 1].text in ",;")):
                start -= 1
            return row[:start] + [row[-1]], row[q + 1:]
    return row, None


def _clause_definition(source, clause, state, reading):
    """A "where S = ..." clause inside a formula: the definition of a fresh letter, or an error."""
    parser = Parser(clause, context(state))
    left = parser.parse_expr()
    if not (parser.peek().kind == "char" and parser.peek().text == "="):
        raise parser.error("expected 'name = formula' after 'where'")
    parser.advance()
    right = parser.parse_expr()
    if parser.peek().kind == "char" and parser.peek().text in ".,;":
        parser.advance()
    if parser.peek().kind != "end":
        raise parser.error(f"unexpected {describe(parser.peek())}; expected the end of the 'where' clause")
    definition = _as_definition(left, right)
    if definition is None:
        raise LatexError("a 'where' clause is read as the definition of a letter outside the notation, "
                         "as in \\text{where } S = \\sum_k e^{z_k}", offset=clause[0].pos)
    name, parameter, written, call = definition
    state.names[name] = Definition(right, parameter, call)
    _say(source, reading, state, clause[0].pos, f"{written} is defined by the 'where' clause of this formula")


def _inline_definition(source, item, state, reading):
    """An inline ``$L = -\\sum_k y_k \\ln p_k$`` that defines a fresh letter is taken as its definition.

    Inline formulas are not checked; one that is not such a definition, or
    that cannot be read, is passed over as prose.
    """
    if item.end - item.start > LIMITS["formula_chars"] // 10:
        return
    try:
        toks = layout(tokenize(source.text, item.start, item.end))
        check_nesting(toks)
        parser = Parser(toks, context(state))
        left = parser.parse_expr()
        if not (parser.peek().kind == "char" and parser.peek().text == "="):
            return
        parser.advance()
        right = parser.parse_expr()
        if parser.peek().kind != "end" or not right.free_symbols:
            return            # "$L = 0$" in a sentence is more likely a claim than a definition
        definition = _as_definition(left, right)
    except Exception:  # noqa: BLE001 -- prose: what cannot be read is not a definition
        return
    if definition is None:
        return
    name, parameter, written, call = definition
    state.names[name] = Definition(right, parameter, call)
    latex = " ".join(source.text[item.start:item.end].split())
    _say(source, reading, state, item.start, f"{written} is not part of the lecture's notation, so the inline "
                                             f"${latex}$ is taken as its definition; the formulas after it use it")


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
def _read_block(source: Source, block: Block, state: Declarations, pending, reading):
    """Read one block into chains: once per row of a ``cases``, a new chain per new left side."""
    if block.end - block.start > LIMITS["formula_chars"]:
        raise source.error(f"the formula has {block.end - block.start} characters; the limit is "
                           f"{LIMITS['formula_chars']}", block.opening)
    raw = tokenize(source.text, block.start, block.end)
    check_nesting(raw)
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
        toks = layout(toks, rows=True)
        if first:
            label = []
            while toks[0].kind == "text" and not Parser(toks).starts_factor(toks[0]):
                label.append(toks.pop(0).text)
            if len(toks) > 2 and toks[0].kind == "num" and toks[1].kind == "char" and toks[1].text == ")":
                del toks[:2]
            title = title or label_text(label)
        block_rows = rows(toks)
        if not block_rows:
            raise NotAChain("an empty formula", block.opening)
        for number, row in enumerate(block_rows):
            row, clause = _where_tail(row)
            if clause is not None:
                _clause_definition(source, clause, state, reading)
            row, tail = condition_tail(row)
            row = [t for t in row if not (t.kind == "cmd" and t.text in SPACING)]
            not_a_chain(row)
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
        chain = _Chain(toks[0].pos, title, context(state), hypotheses(state), tuple(state.distinct),
                       state.model, equal=list(state.equal), state=state)
    for c in conditions:
        _add_condition(chain, c)
    for name, definition in state.names.items():
        chain.context.names.setdefault(name, definition)      # defined by a "where" after the chain began
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
        if annotated or (tok.kind == "cmd" and tok.text in OTHER_RELATIONS):
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


# --------------------------------------------------------------- chains
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
    for written in _unknown_functions(exprs):
        _say(source, reading, state, chain.offset, (
            f"{written}(...) is read as an unknown function of its arguments; give its formula with an "
            f"equation {written}(x) = ... before it is used if it has one"))
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
    return list(out)


def _unknown_functions(exprs):
    """The names of the unknown functions f(...) in the expressions, in order of first use."""
    out = {}
    for e in exprs:
        for atom in sp.preorder_traversal(e):
            if isinstance(atom, AppliedUndef):
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


def derivations_from_file(path, assume_lecture=True):
    """Every chain of the file as a ``(Derivation, ChainSource)`` pair; raises the first LatexError."""
    reading = read_file(path, assume_lecture=assume_lecture)
    if reading.errors:
        raise reading.errors[0]
    return reading.chains
