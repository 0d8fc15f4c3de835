"""The Markdown, LaTeX and HTML views of checked chains and claims: exact pieces, and KaTeX renders them."""

from __future__ import annotations

import pytest
import sympy as sp

import proofs
from grading_tools import ANSWERS
from grading_katex import html_math, markdown_math, render
from proofs.grading import check_claim, check_text
from proofs.grading.notebook import (counterexample_tex, install_reprs, text_tex, to_html, to_latex,
                                     to_markdown, verdict_tex)
from proofs.notation import i, z
from proofs.verdict import Counterexample, Verdict

FAST = (None, 2)
SIGN_LOST = r"""<!-- check: title Lemma 3 & a lost_sign -->
<!-- check: assume i \ne j -->
$$\frac{\partial a_j}{\partial z_i} = \frac{\partial}{\partial z_i} \left( \frac{e^{z_j}}{\sum_{l=1}^n e^{z_l}} \right) = \frac{e^{z_j} e^{z_i}}{\left( \sum_{l=1}^n e^{z_l} \right)^2} = a_i a_j$$
"""


@pytest.fixture(scope="module")
def results():
    """One of each kind of result: a file with a refuted step, its chain, a built-in claim, two grades."""
    report = check_text(SIGN_LOST, n_values=FAST)
    return {
        "file": report,
        "chain": report.chains[0],
        "claim": proofs.prove("lemma-4", n=2, numeric=False),
        "grade": check_claim("lemma-4", ANSWERS / "lemma-4" / "06_sign_lost.md", n_values=FAST),
        "grade-ends": check_claim("lemma-4", ANSWERS / "lemma-4" / "09_wrong_sign_at_the_end.md", n_values=FAST),
        "grade-unsaid": check_claim("lemma-4", ANSWERS / "lemma-4" / "04_sum_y_unsaid.md", n_values=FAST,
                                    assume_lecture=False),
    }


def test_text_escapes_what_tex_would_read():
    assert text_tex("a_1 & 50% {x}") == r"\text{a\_1 \& 50\% \{x\}}"


def test_verdicts_print_their_hypotheses_as_formulas():
    assert verdict_tex(Verdict("proved")) == r"\text{proved}"
    assert verdict_tex(Verdict("proved-under", ("sum-y-1",))) == r"\text{proved under } \sum_{j=1}^{n} y_j = 1"


def test_a_counterexample_prints_in_the_lectures_notation():
    cx = Counterexample(2, {z[1]: sp.Rational(2, 5), i: sp.Integer(1)}, sp.Float("0.283499336021"), sp.Float("-0.466777335125"))
    assert counterexample_tex(cx) == (r"n = 2:\ z_1^{(L)} = \frac{2}{5},\ i = 1;\ \text{left side }0.283499,\ "
                                      r"\text{right side }-0.466777")


def test_a_chain_is_one_aligned_display_with_a_verdict_per_step(results):
    text = to_markdown(results["chain"])
    assert text.startswith("**Lemma 3 \\& a lost\\_sign**: refuted\n\n$$\n\\begin{aligned}\n"
                           "& \\frac{\\partial a_j}{\\partial z_i} \\\\\n"
                           "&= \\frac{\\partial}{\\partial z_i} \\left( \\frac{e^{z_j}}{\\sum_{l=1}^n e^{z_l}} "
                           "\\right) && \\text{proved} \\\\\n")
    assert "&= a_i a_j && \\text{proved}\n\\end{aligned}\n$$" in text
    assert "- step 2 (line 3, column 121) is refuted at $n = 2:\\ z_1^{(L)} = \\frac{2}{5}" in text


def test_the_other_formats_show_the_same_steps(results):
    chain = results["chain"]
    assert to_latex(chain).startswith("$$\n\\begin{aligned}\n& \\text{Lemma 3 \\& a lost\\_sign}")
    assert "\\text{step 2 (line 3, column 121) is refuted}\\ \\text{at } n = 2" in to_latex(chain)
    page = to_html(chain)
    assert "<strong>Lemma 3 &amp; a lost_sign</strong>" in page and "&amp;= a_i a_j &amp;&amp;" in page


def test_a_claim_shows_each_justification_and_verdict(results):
    text = to_markdown(results["claim"])
    assert text.startswith("**Lemma 4** (lemma-4): $\\frac{\\partial C}{\\partial z_i^{(L)}} = a_i^{(L)} - y_i$")
    assert "&= a_i^{(L)} - y_i && \\text{hypothesis: the y\\_j sum to 1} \\quad \\text{proved under } " \
           "\\sum_{j=1}^{n} y_j = 1" in text


def test_a_grade_marks_a_hypothesis_used_without_declaring_it(results):
    text = to_markdown(results["grade-unsaid"])
    assert "\\text{proved under } \\sum_{j=1}^{n} y_j = 1\\ \\text{(not declared: missing)}" in text
    assert text.startswith("**")
    assert "does not prove lemma-4**" in text.splitlines()[0]
    assert "\n- step 4 relies on sum\\_j y\\_j = 1 without declaring it; add \\<!-- check:" in text


def test_a_grade_shows_where_the_chain_ends_as_formulas(results):
    grade = results["grade-ends"]
    assert "- the chain ends at $y_i - a_i$, not at the claim's right side $a_i^{(L)} - y_i$" in to_markdown(grade)
    assert "the chain ends at \\(y_i - a_i\\), not at the claim&#x27;s right side" in to_html(grade)


def test_untrusted_titles_cannot_inject_html():
    report = check_text("<!-- check: title <script>alert(1)</script> -->\n$$a_j = a_j$$\n", n_values=FAST)
    assert "<script>" not in to_html(report) and "<script>" not in to_markdown(report)


def test_anything_else_is_refused_with_the_kinds_that_print():
    with pytest.raises(TypeError, match="cannot print a int as markdown; expected a ChainReport"):
        to_markdown(3)


def test_install_reprs_gives_each_result_its_notebook_views(results):
    install_reprs()
    for obj in results.values():
        assert obj._repr_markdown_() == to_markdown(obj)
        assert obj._repr_latex_() == to_latex(obj)
        assert obj._repr_html_() == to_html(obj)


@pytest.mark.parametrize("kind", ["file", "chain", "claim", "grade", "grade-ends", "grade-unsaid"])
def test_every_formula_of_every_view_renders_in_katex(results, kind):
    obj = results[kind]
    formulas = markdown_math(to_markdown(obj)) + markdown_math(to_latex(obj)) + html_math(to_html(obj))
    assert len(formulas) >= 2
    assert render(formulas) == []


def test_the_katex_check_catches_a_broken_formula():
    failures = render([(r"\frac{1}{", True), (r"\begin{aligned} a &= b \end{aligned}", True)])
    assert [f["tex"] for f in failures] == [r"\frac{1}{"]


def test_every_claim_of_the_lecture_renders_in_katex():
    formulas = []
    for claim in proofs.claims():
        result = proofs.prove(claim.id, n=2, numeric=False)
        formulas += markdown_math(to_markdown(result)) + markdown_math(to_latex(result)) + html_math(to_html(result))
    assert len(formulas) > 3 * len(proofs.claims())
    assert render(formulas) == []
