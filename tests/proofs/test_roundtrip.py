"""The reader and the printer agree: every formula of every claim, printed as the handouts print it,
reads back as the same expression (checked at a random point from the expressions as written)."""

import pytest
import sympy as sp

import proofs
from proofs import instance as inst
from proofs.asread import Point, Undefined, evaluate_as_read
from proofs.reader import parse_formula
from proofs.printer import lecture_latex

CASES = [(claim.id, d, k) for claim in proofs.claims() for d in claim.parts for k in range(len(d.expressions))]


def _same_letters(back, original):
    """The letters read back, given the assumptions the claim's own letters carry (t_j > 0 in a proof)."""
    labels = {x.base.label for x in original.atoms(sp.Indexed)} | {x.base.label for x in back.atoms(sp.Indexed)}
    symbols = {str(s): s for s in original.atoms(sp.Symbol) if s not in labels}
    bases = {str(x.base): x.base for x in original.atoms(sp.Indexed)}
    swap = {s: symbols[str(s)] for s in back.atoms(sp.Symbol)
            if s not in labels and str(s) in symbols and symbols[str(s)] != s}
    swap.update({x.base: bases[str(x.base)] for x in back.atoms(sp.Indexed)
                 if str(x.base) in bases and bases[str(x.base)] != x.base})
    return back.xreplace(swap)


@pytest.mark.parametrize("claim_id, derivation, k", CASES,
                         ids=[f"{c}:{d.id}:{k}" for c, d, k in CASES])
def test_printed_formula_reads_back_as_the_same_expression(claim_id, derivation, k):
    original = sp.sympify(derivation.expressions[k])
    text = lecture_latex(original)
    back = _same_letters(parse_formula(text), original)
    values = (inst.assignments(derivation.indices, derivation.distinct, 3, derivation.prev_indices) or [{}])[0]
    for seed in range(16):
        here = dict(indices=values, seed=seed, model=derivation.model)
        try:
            left = evaluate_as_read(original, Point(3, **here))
        except Undefined:
            continue
        right = evaluate_as_read(back, Point(3, **here))
        assert abs(left - right) <= 1e-20 * max(1, abs(left)), (text, sp.sstr(back))
        return
    pytest.fail(f"no point where {text} is defined")


def test_a_misread_formula_is_caught():
    # The comparison itself can fail: a printed formula read as something else differs.
    original = proofs.claim("lemma-4").parts[0].expressions[-1]
    wrong = parse_formula(lecture_latex(original).replace("-", "+"))
    here = dict(indices={sp.Symbol("i", integer=True, positive=True): 1}, seed=0,
                model=proofs.claim("lemma-4").parts[0].model)
    assert evaluate_as_read(original, Point(3, **here)) != evaluate_as_read(wrong, Point(3, **here))
