"""Every claim of the lecture is proved, for general n and for n = 1..8, by the checker."""

import pytest

import proofs
from proofs.testing import assert_proved

GENERAL = ["softmax-sum", "lemma-1", "lemma-2", "lemma-3", "lemma-4", "softmax-jacobian",
           "delta-output", "grad-bias", "grad-weight", "dataset-cost"]


def test_claims_come_in_the_lectures_order():
    assert [c.id for c in proofs.claims()] == [
        "softmax-range", "softmax-sum", "ce-nonneg", "ce-minimum", "ce-table", "lemma-1", "lemma-2",
        "lemma-3", "softmax-jacobian", "delta-output", "lemma-4", "grad-bias", "grad-weight",
        "dataset-cost", "no-slowdown"]


@pytest.mark.parametrize("claim_id", [c.id for c in proofs.claims()])
def test_claim_is_proved_up_to_n_4(claim_id):
    result = assert_proved(claim_id, n=4)
    assert all(v.ok for v in result.instances.values())


@pytest.mark.parametrize("claim_id", GENERAL)
def test_claim_is_proved_for_general_n(claim_id):
    result = proofs.prove(claim_id, n=None, numeric=False)
    assert result.general is not None and result.general.ok


def test_lemma_4_needs_the_hypothesis_sum_y_1():
    result = proofs.prove("lemma-4", n=3, numeric=False)
    assert str(result.general) == "proved-under:sum-y-1"
    without = [p for p in result.parts if p.title.startswith("Lemma 4 without") and p.n is None][0]
    assert str(without.verdict) == "proved"


def test_softmax_range_needs_two_classes():
    result = proofs.prove("softmax-range", n=3, numeric=False)
    n1 = [p for p in result.parts if p.n == 1]
    assert [p.title for p in n1] == ["a_j > 0", "n = 1: a_1 = 1"]


def test_table_is_recomputed_to_two_decimals():
    from proofs.facts import table_rows
    from proofs.claims.cross_entropy import TABLE
    import sympy as sp

    values = [f"{float(sp.N(c, 20)):.2f}" for *_, c in table_rows(TABLE)]
    assert values == ["1.52", "1.23", "1.10", "1.03", "1.01", "1.03", "1.10", "1.23", "1.52"]


def test_unknown_claim_id_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown claim id 'lemma-9'; known ids: softmax-range"):
        proofs.prove("lemma-9")


@pytest.mark.parametrize("bad", [0, -3])
def test_bad_n_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="n must be at least 1"):
        proofs.prove("lemma-1", n=bad)


def test_numeric_evidence_is_reported_as_evidence():
    result = proofs.prove("grad-weight", n=2)
    assert result.numeric.ok
    assert "NumPy network (dC_dw)" in result.numeric.summary
    assert result.numeric.network_gap < 1e-12


def test_the_dataset_gradient_without_the_average_is_refuted():
    from proofs import Derivation, Step
    from proofs.hypotheses import SUM_Y_ONE_EACH
    from proofs.notation import CC, DATASET_CE, V, a, b, d, i, sum_all, x, y
    from proofs.testing import assert_step_refuted

    missing = Derivation("no 1/|V|", d(CC, b[i]), (Step(sum_all(a[i, x] - y[i, x], x, V), "lemma-4"),),
                         model=DATASET_CE, hypotheses=(SUM_Y_ONE_EACH,), indices=(i,))
    assert_step_refuted(missing, 1)


def test_every_justification_is_in_the_vocabulary():
    from proofs.justifications import JUSTIFICATIONS

    used = {s.justification for c in proofs.claims() for p in c.parts for s in p.steps}
    assert used <= set(JUSTIFICATIONS), sorted(used - set(JUSTIFICATIONS))


def test_results_from_worker_processes_keep_the_steps_as_written():
    from proofs.prover import prove_many

    results = prove_many(["softmax-range", "softmax-sum"], n_max=1, numeric=False, jobs=2)
    part = [p for p in results[0].parts if p.title == "n = 1: a_1 = 1"][0]
    step = part.steps[0]
    assert step.rhs == results[0].claim.parts[2].steps[0].expr
    assert step.rhs != 1  # e^{z_j} / e^{z_j} as on the slide, not evaluated to 1


def test_derivations_and_facts_have_stable_unique_ids():
    ids = []
    for claim in proofs.claims():
        ids += [d.id for d in claim.parts] + [f.id for f in claim.facts]
    assert all(ids), "every derivation and fact of a claim has an id"
    shared = {x for x in ids if ids.count(x) > 1}
    assert not shared, f"ids used twice: {sorted(shared)}"


def test_part_and_fact_results_carry_the_ids():
    result = proofs.prove("ce-minimum", n=3, numeric=False)
    claim = {c.id: c for c in proofs.claims()}["ce-minimum"]
    assert {p.id for p in result.parts} <= {d.id for d in claim.parts}
    assert {f.id for f in result.facts} == {f.id for f in claim.facts}


def test_a_claim_result_displays_itself_in_a_notebook():
    from proofs.grading import install_reprs

    install_reprs()
    result = proofs.prove("lemma-3", n=2, numeric=False)
    shown = result._repr_markdown_()
    assert r"\begin{aligned}" in shown and "proved" in shown
    assert result._repr_latex_().startswith("$") or r"\begin" in result._repr_latex_()
    assert "<" in result._repr_html_()


def test_check_text_and_check_claim_from_the_package():
    report = proofs.check_text(r"$$ \frac{\partial C}{\partial a_j} = \frac{y_j}{a_j} $$")
    assert report.counts()["refuted"] == 1
    right = proofs.check_claim("lemma-1", r"$$ \frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j} $$")
    wrong = proofs.check_claim("lemma-1", r"$$ \frac{\partial C}{\partial a_j} = \frac{y_j}{a_j} $$")
    assert right.proves is True and wrong.proves is False


def test_softmax_range_is_stated_for_n_at_least_2():
    result = proofs.prove("softmax-range", n=3, numeric=False)
    assert sorted(result.instances) == [2, 3]          # n = 1 is not applicable to 0 < a_j < 1 ...
    single = [p for p in result.parts if p.id == "range-single-class"]
    assert single and all(p.verdict.ok for p in single)  # ... and its own part, a_1 = 1, is still proved
