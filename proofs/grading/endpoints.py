r"""Do a chain's ends stand where a claim's two sides stand?

A chain :math:`e_0 = e_1 = \dots = e_k` proves the claim :math:`L = R` when
:math:`e_0` is :math:`L` and :math:`e_k` is :math:`R`, up to algebra on the
expressions as written (:func:`written_alike`): the terms may come in another
order, a factor may be multiplied out, a sum's index may have another name.
When an end does not match, :func:`same` asks the step checker why: the
answer may stop one step short, or end at something else.
"""

from __future__ import annotations

import itertools

import sympy as sp

from proofs.derivation import Derivation, Step
from proofs.relations import compose, implies, relation
from proofs.reader import ChainSource, StepSource
from proofs.reader.report import check_chain

__all__ = ["compose", "implies", "flip", "written_alike", "renamings", "free_indices", "same"]



def flip(name):
    """The relation read from right to left: ``<=`` becomes ``>=``."""
    return relation(name).flipped


def written_alike(left, right, rename=None):
    """Whether two expressions are equal by algebra alone, as written, with no definition unfolded.

    Sums are compared with their bound indices renamed alike; C, a, z and the
    derivatives stay the letters they are.  This is the test for a chain's
    ends: a chain must *reach* the claim's sides by its own steps.  Were the
    ends compared by the step checker, which unfolds C and a, the one-step
    chain :math:`a_i - y_i = a_i - y_i` would "prove" Lemma 4, since the
    checker proves its start equal to the lemma's left side.

    >>> from proofs.notation import a, y, i, j, n
    >>> import sympy as sp
    >>> written_alike(a[i] - y[i], -y[i] + a[i]), written_alike(a[i] - y[i], y[i] - a[i])
    (True, False)
    >>> written_alike(sp.Sum(y[j], (j, 1, n)), sp.Sum(y[i], (i, 1, n)))
    True

    ``rename`` maps free indices of ``left`` to the names they are compared
    under (the answer's k read as the claim's i); bound indices are renamed
    first, so that a renamed free index is never captured by a sum.

    >>> written_alike(a[j] - y[j], a[i] - y[i]), written_alike(a[j] - y[j], a[i] - y[i], {j: i})
    (False, True)
    """
    if left == right and not rename:
        return True
    try:
        mine = _canonical(left)
        if rename:
            mine = mine.xreplace(dict(rename))
        diff = mine - _canonical(right)
        return diff == 0 or sp.expand(diff) == 0 or sp.cancel(sp.together(diff)) == 0
    except Exception:  # noqa: BLE001 -- an expression SymPy cannot bring together is simply not alike
        return False


def renamings(mine, theirs):
    """The ways to read the indices ``mine`` as ``theirs``: the identity first, then each other one-to-one map.

    Only indices whose names change are in a map (the empty dict is the
    identity); two indices may also trade names.  Chains have few free
    indices (one or two), so the maps are few.

    >>> from proofs.notation import i, j, k
    >>> renamings((k,), (i,))
    [{}, {k: i}]
    """
    out = [{}]
    mine, theirs = list(mine), list(theirs)
    if len(mine) != len(theirs) or len(mine) > 3:
        return out
    for image in itertools.permutations(theirs):
        rename = {a: b for a, b in zip(mine, image) if str(a) != str(b)}
        if rename and rename not in out:
            out.append(rename)
    return out


def _canonical(expr, depth=0):
    """``expr`` with the bound index of every sum renamed by its depth, so that alike sums compare equal."""
    if isinstance(expr, sp.Sum):
        body, limits = expr.function, []
        for var, low, high in expr.limits:
            fresh = sp.Symbol(f"bound_{depth}", integer=True, positive=True)
            body = body.xreplace({var: fresh})
            limits.append((fresh, _canonical(low, depth), _canonical(high, depth)))
            depth += 1
        return sp.Sum(_canonical(body, depth), *limits)
    if not expr.args or isinstance(expr, (sp.Indexed, sp.Symbol)):
        return expr
    return expr.func(*(_canonical(arg, depth) for arg in expr.args))


def same(claim, left, right, where, n_values, time_limit, title, model=None):
    """The checker's StepReport on ``left = right`` under the claim's hypotheses.

    Used only to explain a mismatch of ends (equal by the checker, so the
    answer stops one step short; or different, with a counterexample), never
    to accept one.  ``left`` and ``right`` are (SymPy expression, LaTeX text)
    pairs; ``where`` is the ChainSource of the chain being graded, whose
    place the small chain borrows.  The small chain has ``model`` (the
    graded chain's; by default the claim's first part's), the claim's
    indices, distinct indices and smallest n, and the free indices of both
    expressions.
    """
    part = claim.parts[0]
    indices = []
    for ix in (*part.indices, *free_indices(left[0]), *free_indices(right[0])):
        if ix not in indices:
            indices.append(ix)
    derivation = Derivation(
        title=title, start=left[0], steps=(Step(right[0], "as-written", "="),), hypotheses=tuple(claim.hypotheses),
        model=model or part.model, indices=tuple(sorted(indices, key=str)), distinct=part.distinct, general=True,
        min_n=max(p.min_n for p in claim.parts), prev_indices=part.prev_indices)
    source = ChainSource(where.file, where.line, where.column, title,
                         [StepSource(1, where.line, where.column, "=", left[1], right[1])])
    return check_chain(derivation, source, n_values, time_limit).steps[0]


def free_indices(expr):
    """The free indices of ``expr`` (integer symbols other than the layer sizes n and m), sorted by name."""
    from proofs.notation import m, n

    return sorted((s for s in expr.free_symbols if s.is_Symbol and s.is_integer and s not in (n, m)), key=str)
