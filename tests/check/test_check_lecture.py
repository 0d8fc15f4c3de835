"""The lecture's own chains, copied from the seed: exactly the false steps are refuted.

Why each refuted step is false (S = sum_l e^{z_l}, u_j = e^{z_j}/S = a_j):

* Lemma 4, version 1: step 4 writes d(ln u_j)/dz_i as S (du_j/dz_i) / S = du_j/dz_i,
  losing the factor 1/u_j; step 7 turns -y_i a_i (1 - a_i) into -y_i (1 - a_i);
  step 10 turns y_j a_j a_i into y_j a_j; step 12 turns sum_{j!=i} y_j a_j into
  a_i sum_{j!=i} y_j.  The errors cancel, and the chain ends on the right result.
* Lemma 4, version 2: step 4 writes d(ln u_j) as S du_j / S^2 = (du_j/dz_i) / S instead
  of (S / e^{z_j}) du_j/dz_i; step 5 goes back to the right expression, so it is false too.
* Lemma 4, version 3, Lemmas 1-3 and the delta chain have no false step; the last
  steps of Lemma 4 and of the delta chain need sum_j y_j = 1.
"""

import functools
import shutil
from pathlib import Path

import pytest

from proofs.reader import check_file
from proofs.notation import i, j, y
from proofs.reader import report as report_module
from proofs.prover import check_derivation

FIXTURES = Path(__file__).parent / "fixtures"


@functools.lru_cache(maxsize=None)
def _report(name, assume_lecture=True):
    return check_file(FIXTURES / name, assume_lecture=assume_lecture)


def _kinds(report):
    return {(c.title, s.index): s.verdict.kind for c in report.chains for s in c.steps}


def _not_proved(report):
    return {key: kind for key, kind in _kinds(report).items() if kind != "proved"}


def test_lemma4_version_1_refutes_exactly_steps_4_7_10_12():
    report = _report("lemma4_v1.md")
    title = "Лемма 4, версия 1"
    assert _not_proved(report) == {(title, 4): "refuted", (title, 7): "refuted", (title, 10): "refuted",
                                   (title, 12): "refuted", (title, 16): "proved-under"}
    assert len(report.steps()) == 16


def test_lemma4_version_2_refutes_exactly_steps_4_and_5():
    report = _report("lemma4_v2.md")
    title = "Лемма 4, версия 2"
    assert _not_proved(report) == {(title, 4): "refuted", (title, 5): "refuted", (title, 15): "proved-under"}
    assert len(report.steps()) == 16


def test_lemma4_version_3_passes():
    report = _report("lemma4_v3.md")
    assert _not_proved(report) == {("Лемма 4, версия 3", 15): "proved-under"}
    assert str(report.steps()[14].verdict) == "proved-under:sum-y-1"
    assert report.exit_code == 0


def test_refuted_steps_carry_a_counterexample_with_two_different_sides():
    for step in _report("lemma4_v1.md").steps():
        if step.verdict.kind == "refuted":
            cx = step.counterexample
            assert cx.n in (2, 3, 4)
            assert any(getattr(key, "base", None) == y for key in cx.values)
            assert float(cx.lhs) != float(cx.rhs)


def test_refuted_step_points_at_its_equal_sign():
    step = _report("lemma4_v1.md").steps()[3]
    text = (FIXTURES / "lemma4_v1.md").read_text(encoding="utf-8").splitlines()
    assert text[step.line - 1][step.column - 1] == "="
    assert step.rhs_latex.startswith(r"-\sum_{j=1}^n y_j \frac{\sum_{l=1}^n e^{z_l^{(L)}} \frac{\partial")


def test_without_the_lecture_hypothesis_the_last_step_of_lemma4_is_refuted():
    report = _report("lemma4_v3.md", assume_lecture=False)
    assert _not_proved(report) == {("Лемма 4, версия 3", 15): "refuted"}
    cx = report.steps()[14].counterexample
    ys = [v for k, v in cx.values.items() if getattr(k, "base", None) == y]
    assert ys and all(v.is_Rational for v in ys) and sum(ys) != 1
    assert report.exit_code == 1


def test_a_declared_sum_y_makes_the_step_proved_under_it_again(tmp_path):
    path = tmp_path / "last.md"
    path.write_text("<!-- check: assume \\sum_{j=1}^{n} y_j = 1 -->\n"
                    "$$-y_i + a_i^{(L)} \\sum_{j=1}^n y_j = -y_i + a_i^{(L)}$$\n", encoding="utf-8")
    report = check_file(path, assume_lecture=False)
    assert [str(s.verdict) for s in report.steps()] == ["proved-under:sum-y-1"]


def test_delta_chain_needs_sum_y_only_in_step_10():
    assert _not_proved(_report("delta.md")) == {("Цепочка для delta", 10): "proved-under"}
    assert len(_report("delta.md").steps()) == 11


def test_lemma1_both_versions_proved():
    report = _report("lemma1.md")
    assert _not_proved(report) == {} and len(report.steps()) == 5


def test_lemma2_both_versions_proved():
    report = _report("lemma2.md")
    assert _not_proved(report) == {} and len(report.steps()) == 13


def test_lemma3_both_versions_proved_when_i_ne_j_is_declared():
    report = _report("lemma3.md")
    assert _not_proved(report) == {} and len(report.steps()) == 8


def test_lemma3_with_i_ne_j_only_in_the_prose_line_before_the_block_is_proved(tmp_path):
    # "Лемма 3: ... при $i \neq j$" stands in the line before each block: a case split.
    text = (FIXTURES / "lemma3.md").read_text(encoding="utf-8").replace("<!-- check: assume i \\ne j -->", "")
    path = tmp_path / "lemma3_prose_case.md"
    path.write_text(text, encoding="utf-8")
    report = check_file(path)
    assert _not_proved(report) == {} and len(report.steps()) == 8
    assert all(c.derivation.distinct == ((i, j),) for c in report.chains)


def test_lemma3_without_i_ne_j_is_refuted_at_i_equal_j(tmp_path):
    text = (FIXTURES / "lemma3.md").read_text(encoding="utf-8").replace("<!-- check: assume i \\ne j -->", "")
    text = text.replace("при  $i \\neq j$", "")
    path = tmp_path / "lemma3_no_hypothesis.md"
    path.write_text(text, encoding="utf-8")
    report = check_file(path)
    assert _not_proved(report) == {("Лемма 3, версия 1", 2): "refuted", ("Лемма 3, версия 2", 2): "refuted"}
    cx = report.steps()[1].counterexample
    assert cx.values[i] == cx.values[j]


def test_planted_mistakes_are_refuted_and_nothing_else():
    report = _report("wrong_chains.md")
    assert _not_proved(report) == {("sign lost", 2): "refuted", ("factor dropped", 2): "refuted",
                                   ("wrong index", 1): "refuted", ("ln without the chain rule", 2): "refuted"}
    assert all(s.counterexample is not None for s in report.steps() if s.verdict.kind == "refuted")


def test_user_tex_file_with_definitions_and_skip():
    report = _report("user_chain.tex")
    assert [str(s.verdict) for s in report.steps()] == ["proved", "proved", "proved", "proved-under:sum-y-1"]
    assert [n.line for n in report.notes] == [15]


def test_built_in_lemma3_and_the_written_one_get_the_same_verdicts():
    from proofs.claims.lemmas import lemma3
    built_in = [s.verdict.kind for part in check_derivation(lemma3) for s in part.steps]
    report = _report("lemma3.md")
    written = [s.verdict for s in report.chains[0].steps]
    assert len(written) == len(lemma3.steps)
    assert set(built_in) == {w.kind for w in written} == {"proved"}


def test_every_chain_goes_through_the_projects_checker(tmp_path, monkeypatch):
    seen = []

    def spy(derivation, n_values, seed=0):
        seen.append(derivation)
        return check_derivation(derivation, n_values, seed=seed)

    monkeypatch.setattr(report_module, "check_derivation", spy)
    shutil.copy(FIXTURES / "lemma1.md", tmp_path / "lemma1.md")
    report = check_file(tmp_path / "lemma1.md")
    assert [d.title for d in seen] == [c.title for c in report.chains] == \
        ["Лемма 1, версия 1", "Лемма 1", "Лемма 1, версия 2"]


@pytest.mark.parametrize("name", ["lemma4_v1.md", "lemma4_v2.md", "lemma4_v3.md"])
def test_each_lemma4_version_ends_on_the_right_result(name):
    chain = _report(name).chains[0]
    assert chain.steps[-1].rhs_latex == "a_i^{(L)} - y_i"
