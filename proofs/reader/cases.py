r"""Case splits: the conditions ``i = j`` and ``i \ne j`` under which a formula is written.

A derivation of the softmax Jacobian splits into cases, and people write the
case in four places; each gives a :class:`Condition` on two indices:

* at the end of the prose line before the block: "for $i = j$:", "if i ≠ j,
  then", "при $i = j$", "case $i \neq j$" (:func:`prose_condition`); a case
  named earlier in the line ("the case i = j was shown above; in general")
  is not this block's;
* after the formula in the block: ``... \quad \text{if } i = j``,
  ``..., \; i \ne j``, ``... (i = j)`` (:func:`condition_tail`);
* in a ``cases`` environment, one condition per row, ``\text{otherwise}`` being
  the complement of the other row (:func:`case_variants`);
* in a declaration, ``% check: case i = j`` (the next block) or
  ``% check: assume i = j`` (to the end of the file).

A chain under ``i = j`` is checked with j replaced by i; under ``i \ne j``
with the two indices distinct.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .errors import LatexError
from .layout import split_at
from .tokens import Token

__all__ = ["Condition", "prose_condition", "condition_tail", "case_variants", "condition_from_tokens"]

_NOT_EQUAL = {r"\ne", r"\neq", r"\not="}
_OTHERWISE = {"otherwise", "else", "иначе", "в остальных случаях",
              "в противном случае",
              "sonst"}
_SPACES = (r"\quad", r"\qquad", r"\;", r"\,")
_NOT_INDICES = {"n", "m", "e", "C"}
#: At most this many characters may follow the case in its line ("we get", "then", ":").
_TRAILING = 25
_PROSE = re.compile(
    r"(?:\bfor\b|\bif\b|\bwhen\b|\bcase\b|\bwhere\b|\bwith\b|при\b|если\b|когда\b|случа[йея]\b)"
    r"[^\n$]{0,40}?(?:\$|\\\()\s*([a-zA-Z])\s*(=|\\neq?\b|\\not\s*=|≠|!=)\s*([a-zA-Z])\s*(?:\$|\\\))"
    r"|(?:\bfor\b|\bif\b|\bwhen\b|\bcase\b|при\b|если\b|когда\b)\s*([a-zA-Z])\s*(=|≠|!=)\s*([a-zA-Z])\b",
    re.IGNORECASE)


class Condition(NamedTuple):
    """``left relation right`` with relation ``"="`` or ``"!="``, and where it was written."""

    relation: str
    left: str
    right: str
    offset: int

    def __str__(self):
        return f"{self.left} {'=' if self.relation == '=' else '≠'} {self.right}"

    def complement(self):
        """The other case: i ≠ j for i = j and the reverse."""
        return Condition("!=" if self.relation == "=" else "=", self.left, self.right, self.offset)


def prose_condition(text, offset=0):
    """The condition named in a prose line before a block, or None.

    >>> prose_condition("For $i = j$ we get:")
    Condition(relation='=', left='i', right='j', offset=4)
    """
    found = None
    text = text or ""
    for match in _PROSE.finditer(text):
        groups = match.groups()
        left, rel, right = groups[:3] if groups[0] else groups[3:]
        if left == right or left in _NOT_INDICES or right in _NOT_INDICES:
            continue
        if len(text.rstrip()) - match.end() > _TRAILING:
            continue          # "the case i = j was shown above; in general": not this block's case
        found = Condition("=" if rel == "=" else "!=", left, right, offset + match.start())
    return found


def _is_index_letter(tok):
    return tok.kind == "letter" and len(tok.text) == 1 and tok.text not in _NOT_INDICES


def _relation(tok):
    if tok.kind == "char" and tok.text == "=":
        return "="
    if tok.kind == "cmd" and tok.text in _NOT_EQUAL:
        return "!="
    return None


def condition_from_tokens(toks):
    """The condition of tokens such as ``\\text{if } i = j`` or ``i \\ne j``; "otherwise" gives "otherwise".

    Returns None when the tokens hold no condition at all, and raises
    :class:`LatexError` for a condition the reader cannot use.
    """
    words = " ".join(t.text.strip().lower() for t in toks if t.kind == "text").strip(" ,.:")
    rest = [t for t in toks if t.kind != "text" and not (t.kind == "char" and t.text in ",.;:()")
            and t.kind != "end"]
    if not rest:
        if any(w in words for w in _OTHERWISE):
            return "otherwise"
        return None
    if len(rest) == 3 and _is_index_letter(rest[0]) and _is_index_letter(rest[2]) and _relation(rest[1]):
        if rest[0].text == rest[2].text:
            raise LatexError(f"the case {rest[0].text} {rest[1].text} {rest[2].text} names one index twice",
                             offset=rest[0].pos)
        return Condition(_relation(rest[1]), rest[0].text, rest[2].text, rest[0].pos)
    raise LatexError("this condition is not read; cases are read for two indices, i = j or i \\ne j "
                     "(split other conditions into separate formulas)", offset=rest[0].pos)


def condition_tail(toks):
    r"""Split a trailing condition off a block's tokens: ``... \quad \text{if } i = j``.

    Returns ``(tokens without it, Condition or None)``.  A condition counts as
    one only when words, a comma, a space command or brackets set it off from
    the formula, so ``a_i = i = j`` is never taken for one.
    """
    end = toks[-1]
    body = list(toks[:-1])
    while body and body[-1].kind == "char" and body[-1].text in ".,;":
        body.pop()
    if (len(body) >= 4 and body[-1].text == ")" and body[-2].kind == "num" and body[-3].text == "("
            and body[-4].kind == "cmd" and body[-4].text in (r"\quad", r"\qquad")):
        body = body[:-4]                      # "... \qquad (3)": an equation number
        toks = body + [end]
    universal = _for_all_tail(body)
    if universal is not None:
        return body[:universal] + [end], None
    closing = bool(body) and body[-1].kind == "char" and body[-1].text == ")"
    core = body[:-1] if closing else body
    if len(core) < 4 or not (_is_index_letter(core[-1]) and _relation(core[-2]) and _is_index_letter(core[-3])):
        return list(toks), None
    before = core[-4]
    start = len(core) - 3
    if closing:
        if not (before.kind == "char" and before.text == "("):
            return list(toks), None
        start -= 1
    elif not (before.kind == "text" or (before.kind == "char" and before.text == ",")
              or (before.kind == "cmd" and before.text in (r"\quad", r"\qquad", r"\;", r"\,", r"\ "))):
        return list(toks), None
    while start > 0 and _separator(body[start - 1], words=True):
        start -= 1
    left, rel, right = core[-3], core[-2], core[-1]
    if left.text == right.text:
        return list(toks), None
    return body[:start] + [end], Condition(_relation(rel), left.text, right.text, left.pos)


def _for_all_tail(body):
    r"""Where a trailing ``\text{for all } i, j`` or ``\forall i`` starts (it says nothing to check), or None."""
    q = len(body)
    while q > 0 and ((body[q - 1].kind == "letter" and len(body[q - 1].text) == 1)
                     or (body[q - 1].kind == "char" and body[q - 1].text == ",")):
        q -= 1
    if q == len(body) or q == 0:
        return None
    head = body[q - 1]
    words = head.text.strip().lower() if head.kind == "text" else ""
    if (head.kind == "cmd" and head.text == r"\forall") or words in _FOR_ALL:
        start = q - 1
        while start > 0 and _separator(body[start - 1], words=False):
            start -= 1
        return start
    return None


_FOR_ALL = ("for all", "for every", "for each", "для всех", "для любых", "для каждого")


def _separator(tok, words):
    """Whether ``tok`` only sets a tail off from the formula: a comma, a space command, or words."""
    return ((words and tok.kind == "text") or (tok.kind == "char" and tok.text == ",")
            or (tok.kind == "cmd" and tok.text in _SPACES))


def _env_at(toks, q, verb):
    """If ``toks[q]`` is ``\\begin{NAME}`` (or ``\\end``), its name and the index after it."""
    if not (toks[q].kind == "cmd" and toks[q].text == verb):
        return None, q
    if not (q + 1 < len(toks) and toks[q + 1].kind == "char" and toks[q + 1].text == "{"):
        return None, q
    r = q + 2
    name = ""
    while r < len(toks) and toks[r].kind in ("letter", "char") and toks[r].text != "}" and r - q < 20:
        name += toks[r].text
        r += 1
    if r < len(toks) and toks[r].text == "}":
        return name, r + 1
    return None, q


def case_variants(toks):
    r"""The block once per row of a ``cases`` environment, each with its condition.

    ``X = \begin{cases} A & \text{if } i = j \\ B & \text{otherwise} \end{cases}``
    gives ``X = {A}`` under i = j and ``X = {B}`` under i ≠ j.  Without a
    ``cases`` environment: the block itself with no condition.
    """
    begin = end = None
    for q in range(len(toks)):
        name, after = _env_at(toks, q, r"\begin")
        if name == "cases" and begin is None:
            begin = (q, after)
        name, after = _env_at(toks, q, r"\end")
        if name == "cases" and begin is not None:
            end = (q, after)
            break
    if begin is None:
        return [(list(toks), None)]
    if end is None:
        raise LatexError("\\begin{cases} is never closed; expected \\end{cases}", offset=toks[begin[0]].pos)
    prefix, body, suffix = toks[:begin[0]], toks[begin[1]:end[0]], toks[end[1]:]
    rows = [r for r in split_at(body, "cmd", "\\\\") if r]
    parsed = []
    for row in rows:
        split = next((q for q, t in enumerate(row) if t.kind == "char" and t.text == "&"), len(row))
        expr, cond = row[:split], row[split + 1:]
        if not expr:
            raise LatexError("an empty row in cases; expected a formula before '&'", offset=row[0].pos)
        parsed.append((expr, condition_from_tokens(cond)))
    known = [c for _, c in parsed if isinstance(c, Condition)]
    out = []
    for expr, cond in parsed:
        if cond == "otherwise":
            if len(known) != 1:
                raise LatexError("'otherwise' is read only beside one other case, i = j or i \\ne j",
                                 offset=expr[0].pos)
            cond = known[0].complement()
        if cond is None:
            raise LatexError("a row of cases without a condition; expected '& \\text{if } i = j' or "
                             "'& i \\ne j'", offset=expr[0].pos)
        group = [Token("char", "{", expr[0].pos, expr[0].pos)] + expr + [Token("char", "}", expr[-1].end, expr[-1].end)]
        out.append((prefix + group + suffix, cond))
    return out
