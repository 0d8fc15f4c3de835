"""check_claim on ten answers to Lemma 4, and on answers that must not pass."""

from __future__ import annotations

import pytest

from grading_tools import ANSWERS
from proofs.grading import check_claim, check_text

FAST = (None, 2)
LEMMA_4 = ANSWERS / "lemma-4"

#: Each answer: does it prove Lemma 4 with the lecture's sum y = 1 allowed, without it, and the first gap.
EXPECTED = {
    "01_proof.md": (True, True, None),
    "02_proof.tex": (True, True, None),
    "03_proof_backwards.md": (True, True, None),
    "04_sum_y_unsaid.md": (True, False, "undeclared"),
    "05_sum_y_unsaid.tex": (True, False, "undeclared"),
    "06_sign_lost.md": (False, False, "refuted"),
    "07_lemma_1.md": (False, False, "starts-elsewhere"),
    "08_lemma_2.md": (False, False, "starts-elsewhere"),
    "09_wrong_sign_at_the_end.md": (False, False, "ends-elsewhere"),
    "10_wrong_index.md": (False, False, "refuted"),
}


@pytest.fixture(scope="module")
def graded():
    """Every answer graded both ways: {(file name, assume_lecture): Grade}."""
    return {(name, lecture): check_claim("lemma-4", LEMMA_4 / name, n_values=FAST, assume_lecture=lecture)
            for name in EXPECTED for lecture in (True, False)}


def test_the_folder_holds_the_ten_answers():
    assert sorted(p.name for p in LEMMA_4.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_answer_is_graded_as_expected(graded, name):
    with_lecture, without, gap = EXPECTED[name]
    assert graded[name, True].proves is with_lecture
    assert graded[name, False].proves is without
    first = graded[name, False].gaps[0].kind if graded[name, False].gaps else None
    assert first == gap
    assert graded[name, True].exit_code == (0 if with_lecture else 1)


def test_a_proof_says_proves_lemma_4(graded):
    assert graded["01_proof.md", True].summary() == "proves lemma-4"


def test_a_backwards_proof_is_a_proof_and_says_so(graded):
    grade = graded["03_proof_backwards.md", True]
    assert grade.chain.reversed
    assert grade.summary() == "proves lemma-4 (the chain runs from the claim's right side to its left side)"


def test_an_unsaid_sum_y_is_allowed_with_the_lecture_and_remarked(graded):
    assert graded["04_sum_y_unsaid.md", True].summary() == (
        "proves lemma-4 (step 4 uses sum_j y_j = 1, the lecture's standing hypothesis, which lemma-4 "
        "assumes, without declaring it)")


def test_an_unsaid_sum_y_is_missing_without_the_lecture_with_the_declaration_to_add(graded):
    md, tex = graded["04_sum_y_unsaid.md", False], graded["05_sum_y_unsaid.tex", False]
    assert md.gaps[0].message == (r"step 4 relies on sum_j y_j = 1 without declaring it; add "
                                  r"<!-- check: assume \sum_{j=1}^{n} y_j = 1 --> before the chain")
    assert (md.gaps[0].line, md.gaps[0].step) == (6, 4)
    assert r"add % check: assume \sum_{j=1}^{n} y_j = 1 before" in tex.gaps[0].message


def test_a_refuted_step_is_named_with_its_counterexample(graded):
    gap = graded["06_sign_lost.md", True].gaps[0]
    assert (gap.kind, gap.step, gap.line, gap.column) == ("refuted", 2, 8, 101)
    assert "at n = 2: z_1 = 2/5, z_2 = 3/5" in gap.message


def test_an_answer_that_proves_something_else_says_what_it_shows(graded):
    kinds = [g.kind for g in graded["07_lemma_1.md", True].gaps]
    assert kinds == ["starts-elsewhere", "ends-elsewhere"]
    assert graded["07_lemma_1.md", True].gaps[1].message.endswith(
        r"it shows \frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j}")


def test_the_json_has_a_score_per_step(graded):
    data = graded["06_sign_lost.md", True].to_dict()
    assert [s["score"] for s in data["chain"]["steps"]] == [1, 0, 0, 1]
    assert data["chain"]["score"] == {"steps": 4, "hold": 2, "fraction": 0.5}
    assert data["proves"] is False and data["exit_code"] == 1


def test_a_trivial_chain_at_the_right_side_does_not_prove_the_lemma():
    # The step checker proves dC/dz_i = a_i - y_i by itself; the ends must be reached by the answer's steps.
    for text in (r"a_i - y_i = a_i - y_i", r"\frac{\partial C}{\partial z_i} = \frac{\partial C}{\partial z_i}"):
        grade = check_claim("lemma-4", text, n_values=FAST)
        assert not grade.proves
        assert "the two are equal, but the answer does not write the step between them" in grade.gaps[0].message


def test_a_chain_one_step_short_does_not_prove_the_lemma():
    grade = check_claim("lemma-4", r"""<!-- check: assume lecture -->
$$\frac{\partial C}{\partial z_i} = -\sum_{j=1}^n \frac{y_j}{a_j} \frac{\partial a_j}{\partial z_i} = -y_i + a_i \sum_{j=1}^n y_j$$
""", n_values=FAST)
    assert [g.kind for g in grade.gaps] == ["ends-elsewhere"]


def test_sum_y_is_a_hypothesis_that_lemma_1_does_not_have():
    text = r"""<!-- check: assume \sum_{j=1}^{n} y_j = 1 -->
$$\frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j} \sum_{k=1}^n y_k = -\frac{y_j}{a_j}$$"""
    grade = check_claim("lemma-1", text, n_values=FAST)
    # Both steps trade -y_j / a_j for -y_j / a_j times sum_k y_k: both need the sum to be 1.
    assert [(g.kind, g.step) for g in grade.gaps] == [("extra-hypothesis", 1), ("extra-hypothesis", 2)]
    assert grade.gaps[0].message == "step 1 uses sum-y-1, which lemma-1 does not assume"


def test_lemma_1_proved_without_sum_y_proves_it():
    text = r"$$\frac{\partial C}{\partial a_j} = -\frac{\partial}{\partial a_j} \left( \sum_{i=1}^n y_i \ln a_i \right) = -\frac{y_j}{a_j}$$"
    assert check_claim("lemma-1", text, n_values=FAST).summary() == "proves lemma-1"


def test_lemma_3_may_use_its_own_i_ne_j_without_declaring_it():
    text = (r"$$\frac{\partial a_j}{\partial z_i} = -\frac{e^{z_j} e^{z_i}}{\left( \sum_{l=1}^n e^{z_l} \right)^2}"
            r" = -a_i a_j$$")
    grade = check_claim("lemma-3", text, n_values=FAST)
    assert grade.proves, grade.lines()
    assert grade.remarks == ["step 1 uses i != j, which lemma-3 assumes"]
    # Lemma 2 has no such condition: the same trick is a refuted step there.
    assert not check_claim("lemma-2", text.replace("z_i", "z_j"), n_values=FAST).proves


def test_an_unreadable_answer_is_exit_code_2():
    grade = check_claim("lemma-4", "$$a_i = \\frac{1}{$$\n", n_values=FAST)
    assert not grade.proves and grade.exit_code == 2
    assert grade.gaps[0].kind == "unreadable"


def test_a_claim_without_one_relation_is_refused():
    with pytest.raises(ValueError, match="'ce-table' does not state one relation.*lemma-4"):
        check_claim("ce-table", "a = a")
    with pytest.raises(ValueError, match="unknown claim id 'lemma-9'"):
        check_claim("lemma-9", "a = a")
    with pytest.raises(TypeError, match="claim's id"):
        check_claim(4, "a = a")


def test_check_text_reads_a_bare_formula_and_names_it_text():
    report = check_text(r"\frac{\partial C}{\partial a_j} = \frac{y_j}{a_j}", n_values=FAST)
    assert report.path == "<text>" and report.chains[0].source.file == "<text>"
    assert str(report.chains[0].steps[0].verdict) == "refuted"
    assert str(check_text(r"\frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j}", n_values=FAST)
               .chains[0].steps[0].verdict) == "proved"


def test_check_text_refuses_what_is_not_text():
    with pytest.raises(TypeError, match="as a str, got bytes"):
        check_text(b"a = b")
    report = check_text(r"a_j = \frac{1}{")
    assert report.exit_code == 2 and str(report.errors[0]).startswith("<text>:")


def test_a_chain_whose_relation_points_the_wrong_way_does_not_prove_an_inequality():
    grade = check_claim("ce-nonneg", r"$$C = -\sum_{j=1}^n y_j \ln a_j \le 0$$", n_values=FAST)
    assert [g.kind for g in grade.gaps] == ["relation", "refuted"]
    assert grade.gaps[0].message == r"the chain shows C \le 0, which does not give the claim's \ge"


def test_a_chain_about_sigmoid_outputs_does_not_prove_a_softmax_lemma():
    text = "<!-- check: model sigmoid -->\n$$\\frac{\\partial a_j}{\\partial z_j} = a_j (1 - a_j)$$"
    grade = check_claim("lemma-2", text, n_values=FAST)
    assert [g.kind for g in grade.gaps] == ["model"]
    assert grade.gaps[0].message == ("the chain is read with the model sigmoid + quadratic cost, but lemma-2 is "
                                     "about softmax")


def test_a_wrong_step_in_another_chain_of_the_answer_is_missing_too():
    text = r"""<!-- check: assume lecture -->
$$\frac{\partial C}{\partial z_i} = -y_i + a_i \sum_{j=1}^n y_j = a_i - y_i$$

<!-- check: title a wrong aside -->
$$a_i = 2 a_i$$
"""
    grade = check_claim("lemma-4", text, n_values=FAST)
    assert grade.chain.proves and not grade.proves
    assert grade.gaps[0].message.startswith("in the chain a wrong aside: step 1 (a_i = 2 a_i) is refuted")


def test_check_text_places_steps_and_errors_in_the_text_itself():
    report = check_text(r"a_j = a_j (1 + 0)", n_values=FAST)
    assert (report.chains[0].steps[0].line, report.chains[0].steps[0].column) == (1, 5)
    assert report.chains[0].title == "chain at line 1"
    assert str(check_text(r"a_j = \frac{1}{").errors[0]) == "<text>:1:15: error: this '{' is never closed; expected '}'"
    assert str(check_text("a_j\n= \\frac{1}{").errors[0]) == "<text>:2:11: error: this '{' is never closed; expected '}'"


def test_a_missing_answer_file_is_unreadable():
    grade = check_claim("lemma-4", "no/such/answer.md", n_values=FAST)
    assert grade.exit_code == 2 and [g.kind for g in grade.gaps] == ["unreadable"]


def test_an_answer_may_name_the_free_index_otherwise():
    text = r"""<!-- check: assume lecture -->
$$\frac{\partial C}{\partial z_k} = -\sum_{j=1}^n \frac{y_j}{a_j} \frac{\partial a_j}{\partial z_k} = -y_k + a_k \sum_{j=1}^n y_j = a_k - y_k$$"""
    grade = check_claim("lemma-4", text, n_values=FAST)
    assert grade.summary() == "proves lemma-4 (the chain writes k for the claim's i)"


def test_an_answer_that_changes_its_index_midway_does_not_prove_the_lemma():
    text = r"""<!-- check: assume lecture -->
$$\frac{\partial C}{\partial z_k} = -y_k + a_k \sum_{j=1}^n y_j = a_i - y_i$$"""
    grade = check_claim("lemma-4", text, n_values=FAST)
    assert [g.kind for g in grade.gaps] == ["starts-elsewhere", "refuted"]
