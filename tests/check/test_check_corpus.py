"""Derivations written in other people's notations, each with its ground truth per step.

Every file of ``tests/check/corpus`` was written for this project in a style
met in textbooks, course notes and Q&A threads: other letters (p, s, o,
\\hat{y}, Bishop's y and t, Nielsen's w_{jk}), other constructs (\\operatorname,
\\over, \\frac{d}{dx}, \\partial_{z_i}, slashes, matrices, cases, eqnarray,
sums without limits), case splits in prose and in declarations.  Each has a
planted wrong step.  The ground truth below was worked out by hand, step by
step in file order: ``P`` a true step, which must be proved (possibly under
the lecture's sum_j y_j = 1); ``p`` a true step that must not be refuted but
that the checker cannot prove yet (it is undecided; the test says so if that
changes); ``R`` a false step, which must be refuted; ``N`` a step that cannot
be decided from what the file says (an undeclared letter), which must not be
proved.  Nothing may go unread in silence: no errors, no
unread blocks.
"""

from pathlib import Path

import pytest

from proofs.reader import check_file
from proofs.verdict import PROVED, PROVED_UNDER, REFUTED

CORPUS = Path(__file__).parent / "corpus"

TRUTH = {
    "01_p_o_jacobian.md": "PP PR P",
    "02_s_K_loss.md": "PPPR",
    "03_hat_cases.md": "P P R R",
    "04_matrix.md": "P P P R",
    "05_nielsen.md": "P P R",
    "06_bishop.md": "P P PPP R",
    "07_operatorname.md": "P P P R",
    "08_slash.md": "P P R",
    "09_dfrac.md": "P P R",
    "10_subscript_partial.md": "P P P R",
    "11_log_softmax.md": "P PP R",
    "12_eqnarray.tex": "PPR",
    "13_align_several.tex": "P P P R",
    "14_russian_prose.md": "P P R",
    "15_sum_without_index.md": "P P P R",
    "16_shift.md": "PP R",
    "17_styles.md": "P P R",
    "18_kronecker.md": "PP PP R",
    "19_over.md": "P P P R",
    "20_sign_error.md": "PPRRP",
    "21_nested_sums.md": "PP P R",
    "22_case_declaration.md": "P P R",
    "23_unknown_letter.md": "N R",
    "24_d2l_style.md": "PPP PP R",
    "25_indicator.md": "P R",
    "26_nested_index.md": "p R",
    "27_qa_thread.md": "P PPP PPP PPPPPR",
    "28_bishop_identity.md": "P R",
}


def test_every_file_of_the_corpus_has_its_ground_truth():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(TRUTH)
    assert len(TRUTH) >= 20


def _letter(verdict):
    if verdict.kind in (PROVED, PROVED_UNDER):
        return "P"
    return "R" if verdict.kind == REFUTED else "U"


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_each_step_gets_its_ground_truth(name):
    report = check_file(CORPUS / name, n_values=(None, 2, 3))
    assert report.errors == [], [str(e) for e in report.errors]
    assert report.blocks_unread == 0
    got = " ".join("".join(_letter(s.verdict) for s in chain.steps) for chain in report.chains)
    want = TRUTH[name]
    assert len(got.replace(" ", "")) == len(want.replace(" ", "")), (got, want)
    for step, (g, w) in enumerate(zip(got.replace(" ", ""), want.replace(" ", "")), start=1):
        if w == "N":
            assert g != "P", f"step {step} of {name}: a step about an undeclared letter was proved"
        elif w == "p":
            assert g in ("P", "U"), f"step {step} of {name}: a true step was refuted"
        else:
            assert g == w, f"step {step} of {name}: got {got}, want {want}"
    assert report.exit_code == (1 if set(got) - {"P", " "} else 0)
