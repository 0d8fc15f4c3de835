"""prove_many: workers send back verdicts, the parent joins them with its own claims, in the lecture's order."""

from __future__ import annotations

import pytest

import proofs
from proofs import prover

IDS = ["softmax-sum", "lemma-1", "lemma-2", "softmax-jacobian"]


def test_results_come_in_the_order_asked_with_the_parents_own_expressions():
    seen = []
    results = prover.prove_many(IDS, n_max=3, numeric=False, jobs=2, on_result=lambda r: seen.append(r.id))
    assert [r.id for r in results] == IDS == seen
    for result in results:
        claim = proofs.claim(result.id)
        assert result.claim is claim
        for part in result.parts:
            exprs = claim.parts[part.part].expressions
            for step in part.steps:
                # The derivation's own objects, not copies rebuilt (and evaluated) by unpickling.
                assert step.lhs is exprs[step.index - 1] and step.rhs is exprs[step.index]


def test_the_same_verdicts_in_workers_as_in_one_process():
    one = prover.prove_many(IDS, n_max=3, numeric=False, jobs=1)
    two = prover.prove_many(IDS, n_max=3, numeric=False, jobs=2)
    assert [(r.general, r.instances) for r in one] == [(r.general, r.instances) for r in two]


def test_a_workers_exception_is_raised_in_the_parent(monkeypatch):
    real = prover.prove_claim

    def failing(claim, **kwargs):
        if claim.id == "lemma-2":
            raise ValueError("the checker failed on lemma-2")
        return real(claim, **kwargs)

    monkeypatch.setattr(prover, "prove_claim", failing)  # forked workers inherit it
    with pytest.raises(ValueError, match="failed on lemma-2"):
        prover.prove_many(IDS, n_max=2, numeric=False, jobs=2)
