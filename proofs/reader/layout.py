r"""From a block's tokens to layout-free tokens and rows: the stage between tokens and expressions.

* :func:`layout` drops what only arranges a formula on the page: ``&``,
  spacing commands, ``\\label``, ``\\tag``, the aligning environments; ``:=``
  and ``\\stackrel{def}{=}`` become ``=``.  With ``rows`` a line break ``\\\\``
  becomes a ``row`` token and spacing stays (a case such as
  ``\\quad \\text{if } i = j`` is found by it).
* :func:`rows` splits a block at its line breaks; a row that carries an
  expression on (it starts with ``+``, ``-``, ``\\cdot``, or the row before it
  ends with an operator or an open bracket) joins the row before it.
* :func:`check_nesting` checks braces and bounds the nesting before parsing;
  :func:`not_a_chain` finds implications and relations that are not steps.
"""

from __future__ import annotations

from .errors import LIMITS, LatexError
from .tokens import Token

__all__ = ["layout", "rows", "split_at", "check_nesting", "not_a_chain", "label_text", "NotAChain", "SPACING",
           "OTHER_RELATIONS"]

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
SPACING = {r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad", r"\enspace", r"\thinspace",
            r"\displaystyle", r"\textstyle", r"\nonumber", r"\notag", r"\big", r"\Big", r"\bigg",
            r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\Biggl",
            r"\Biggr", r"\middle"}
_IMPLICATIONS = {r"\Rightarrow", r"\Leftarrow", r"\Leftrightarrow", r"\implies", r"\impliedby",
                 r"\iff", r"\Longrightarrow", r"\Longleftrightarrow", r"\rightarrow", r"\to",
                 r"\longrightarrow"}
OTHER_RELATIONS = {r"\ne", r"\neq", r"\approx", r"\equiv", r"\sim", r"\simeq", r"\in", r"\notin",
                    r"\subset", r"\subseteq", r"\propto", r"\mapsto"}


class NotAChain(Exception):
    """A block that is read but is not a chain of relations."""

    def __init__(self, message, offset):
        super().__init__(message)
        self.message = message
        self.offset = offset


def split_at(toks, kind, text):
    """``toks`` split at each token ``(kind, text)`` outside braces: the rows of an environment at
    ``("cmd", "\\\\")``, the cells of a row at ``("char", "&")``."""
    parts, current, depth = [], [], 0
    for t in toks:
        if t.kind == "char" and t.text == "{":
            depth += 1
        elif t.kind == "char" and t.text == "}":
            depth -= 1
        if depth == 0 and t.kind == kind and t.text == text:
            parts.append(current)
            current = []
        else:
            current.append(t)
    parts.append(current)
    return parts


def rows(toks):
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
    row = [t for t in row if not (t.kind == "cmd" and t.text in SPACING)] or row
    last = row[-1]
    return depth > 0 or (last.kind == "char" and last.text in "+-*/") or (
        last.kind == "cmd" and last.text in (r"\cdot", r"\times"))


def _continues(row):
    row = [t for t in row if not (t.kind == "cmd" and t.text in SPACING)] or row
    first = row[0]
    return ((first.kind == "char" and first.text in "+-*/")
            or (first.kind == "cmd" and first.text in (r"\cdot", r"\times")))


def label_text(parts):
    """The title a block's leading \\text label gives, or None."""
    text = " ".join(" ".join(p.split()) for p in parts).strip().rstrip(":").strip()
    return text or None


def layout(toks, rows=False):
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
        if (t.kind == "char" and t.text == "&") or (t.kind == "cmd" and t.text in SPACING and not rows):
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
        if t.kind == "cmd" and t.text in _WRAPPERS and toks[q + 1].text == "{":
            q += 1                                           # \boxed{X}, \underbrace{X}_{...}: X
            continue
        if (t.kind == "char" and t.text == "}" and q + 1 < len(toks) and toks[q + 1].text in "_^"
                and _closes_wrapper(toks, q)):
            out.append(t)
            q = _skip_script(toks, q + 1)                    # the _{\text{...}} under an \underbrace
            continue
        if t.kind == "char" and t.text == "(" and _annotation(toks, q):
            q = _annotation(toks, q)                         # (\text{chain rule})
            continue
        if t.kind == "cmd" and t.text in (r"\label", r"\tag", r"\begin", r"\end", r"\eqref", r"\ref", r"\cite"):
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


#: Commands that only frame their argument: \boxed{X} is X.
_WRAPPERS = {r"\boxed", r"\underbrace", r"\overbrace", r"\underline", r"\cancel", r"\bbox", r"\fbox"}


def _closes_wrapper(toks, q):
    """Whether the '}' at ``q`` closes the argument of an \\underbrace or \\overbrace."""
    depth = 0
    for r in range(q, -1, -1):
        t = toks[r]
        if t.kind == "char" and t.text == "}":
            depth += 1
        elif t.kind == "char" and t.text == "{":
            depth -= 1
            if depth == 0:
                return r > 0 and toks[r - 1].kind == "cmd" and toks[r - 1].text in (r"\underbrace", r"\overbrace")
    return False


def _skip_script(toks, q):
    """The position after a script ``_{...}`` or ``^{...}`` (or one token) starting at ``q``."""
    q += 1
    if toks[q].kind == "char" and toks[q].text == "{":
        depth = 0
        while toks[q].kind != "end":
            if toks[q].kind == "char" and toks[q].text == "{":
                depth += 1
            elif toks[q].kind == "char" and toks[q].text == "}":
                depth -= 1
                if depth == 0:
                    return q + 1
            q += 1
        return q
    return q + 1 if toks[q].kind != "end" else q


def _annotation(toks, q):
    """If ``toks[q]`` opens ``( \\text{...} )``, words in brackets, the position after it; else 0."""
    r = q + 1
    while r < len(toks) and toks[r].kind == "text":
        r += 1
    if r > q + 1 and r < len(toks) and toks[r].kind == "char" and toks[r].text == ")":
        return r + 1
    return 0


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


def check_nesting(toks):
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


def not_a_chain(toks):
    depth = 0
    for t in toks:
        if t.kind == "char" and t.text in "{([":
            depth += 1
        elif t.kind == "char" and t.text in "})]":
            depth -= 1
        elif t.kind == "cmd" and t.text in _IMPLICATIONS:
            raise NotAChain(f"an implication ({t.text}) is not a chain", t.pos)
        elif t.kind == "cmd" and t.text in OTHER_RELATIONS and depth == 0:
            raise NotAChain(f"the relation {t.text} is not checked; only chains of =, <, >, \\le, \\ge are",
                            t.pos)
