"""Blocks, chains, positions and declarations read from Markdown and LaTeX files."""

import pytest
import sympy as sp

from proofs.derivation import Derivation
from proofs.hypotheses import SUM_Y_ONE
from proofs.reader import LatexError, derivations_from_file, read_file
from proofs.notation import C, SumExcept, a, d, i, j, l, n, y, z


def _write(tmp_path, text, name="chain.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _chains(tmp_path, text, name="chain.md", **kw):
    reading = read_file(_write(tmp_path, text, name), **kw)
    assert reading.errors == []
    return reading.chains


def test_a_chain_is_split_at_its_equal_signs(tmp_path):
    (deriv, src), = _chains(tmp_path, "$$a_1 = a_1 + 0 = 2 a_1 - a_1$$\n")
    assert isinstance(deriv, Derivation)
    assert deriv.expressions == (a[1], a[1], a[1])
    assert [s.relation for s in deriv.steps] == ["=", "="]
    assert [s.justification for s in deriv.steps] == ["as-written", "as-written"]


def test_each_step_is_placed_at_its_relation_sign(tmp_path):
    (_, src), = _chains(tmp_path, "Text.\n\n$$ y_1\n  = y_1 \\cdot 1 = y_1$$\n")
    assert [(s.line, s.column) for s in src.steps] == [(4, 3), (4, 17)]
    assert (src.line, src.column) == (3, 4)
    assert (src.steps[0].lhs, src.steps[0].rhs) == ("y_1", r"y_1 \cdot 1")


def test_aligned_layout_is_not_a_step(tmp_path):
    text = ("$$\\begin{aligned} y_1 &= y_1 + 0 = \\\\\n"
            "&= 1 \\cdot y_1 \\\\ &= y_1 \\end{aligned}$$\n")
    (deriv, src), = _chains(tmp_path, text)
    assert len(deriv.steps) == 3
    assert [(s.line, s.column) for s in src.steps] == [(1, 24), (2, 2), (2, 20)]


def test_inequalities_are_steps(tmp_path):
    (deriv, _), = _chains(tmp_path, r"$$0 \leq y_1 < 2 \geq y_1 > -1$$")
    assert [s.relation for s in deriv.steps] == ["<=", "<", ">=", ">"]


def test_a_block_that_starts_with_equals_continues_the_chain(tmp_path):
    text = "$$a_1 = a_1 + 0 =$$\n\n$$= a_1$$\n"
    (deriv, src), = _chains(tmp_path, text)
    assert len(deriv.steps) == 2
    assert src.steps[1].line == 3


def test_continuing_nothing_is_an_error(tmp_path):
    reading = read_file(_write(tmp_path, "$$= a_1$$\n"))
    assert reading.chains == []
    assert "no chain comes before it" in reading.errors[0].message


def test_a_chain_may_not_end_with_equals(tmp_path):
    reading = read_file(_write(tmp_path, "$$a_1 = $$\n"))
    assert "ends with '='" in reading.errors[0].message
    assert (reading.errors[0].line, reading.errors[0].column) == (1, 7)


def test_text_label_names_the_chain(tmp_path):
    (_, src), = _chains(tmp_path, r"$$\text{Лемма 1: } \frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j}$$")
    assert src.title == "Лемма 1"


def test_title_declaration_names_the_next_chain_only(tmp_path):
    text = "<!-- check: title First -->\n$$y_1 = y_1$$\n$$y_2 = y_2$$\n"
    (_, first), (_, second) = _chains(tmp_path, text)
    assert (first.title, second.title) == ("First", "chain at line 3")


def test_numbered_label_is_skipped(tmp_path):
    (deriv, _), = _chains(tmp_path, r"$$2) \sum_{j=1}^n a_j = 1$$")
    assert deriv.start == sp.Sum(a[j], (j, 1, n))


def test_implication_is_a_note_not_a_chain(tmp_path):
    reading = read_file(_write(tmp_path, r"$$a_1 > 0 \Rightarrow \ln a_1 < 0$$"))
    assert reading.chains == [] and reading.errors == []
    assert "implication" in reading.notes[0].message


def test_ne_between_formulas_is_a_note(tmp_path):
    reading = read_file(_write(tmp_path, r"$$i \ne j$$"))
    assert reading.chains == [] and "\\ne" in reading.notes[0].message


def test_skip_declaration(tmp_path):
    reading = read_file(_write(tmp_path, "% check: skip\n$$z_1 = b_1$$\n$$y_1 = y_1$$\n"))
    assert len(reading.chains) == 1
    assert reading.notes[0].message == "block skipped (check: skip)"


def test_inline_math_code_and_comments_are_passed_over(tmp_path):
    text = ("Inline $a_1 = 2$ and `$$a_1 = 3$$`.\n\n```\n$$a_1 = 4$$\n```\n"
            "<!-- $$a_1 = 5$$ -->\n$$a_1 = a_1$$\n")
    (deriv, src), = _chains(tmp_path, text)
    assert src.line == 7


def test_tex_environments_and_comments(tmp_path):
    text = ("% $$a_1 = 2$$\n\\begin{align*}\ny_1 &= y_1 \\\\\n&= 1 \\cdot y_1\n\\end{align*}\n"
            "\\[ y_2 = y_2 \\]\n\\begin{equation}\ny_3 = y_3 \\label{eq:1}\n\\end{equation}\n")
    chains = _chains(tmp_path, text, name="doc.tex")
    assert [len(dv.steps) for dv, _ in chains] == [2, 1, 1]


def test_bound_index_that_clashes_with_a_free_one_is_renamed(tmp_path):
    text = r"$$\frac{\partial a_j}{\partial z_i} = \frac{\partial}{\partial z_i} \left( \frac{e^{z_j}}{\sum_{i=1}^n e^{z_i}} \right)$$"
    (deriv, _), = _chains(tmp_path, text)
    assert deriv.steps[0].expr == d(sp.exp(z[j]) / sp.Sum(sp.exp(z[l]), (l, 1, n)), z[i])
    assert deriv.indices == (i, j)


def test_free_index_seen_only_in_a_derivative_variable(tmp_path):
    (deriv, _), = _chains(tmp_path, r"$$\frac{\partial C}{\partial z_i} = \frac{\partial C}{\partial z_i} \cdot 1$$")
    assert deriv.indices == (i,)


def test_bare_partial_means_the_chains_variable(tmp_path):
    text = r"$$\frac{\partial C}{\partial z_i} = -\sum_j y_j \frac{\partial(\ln a_j)}{\partial z_i} = -\sum_j y_j \partial(\ln a_j)$$"
    (deriv, _), = _chains(tmp_path, text)
    assert deriv.steps[1].expr == -sp.Sum(y[j] * d(sp.log(a[j]), z[i]), (j, 1, n))


def test_sum_y_declaration_is_the_named_hypothesis(tmp_path):
    text = "% check: assume \\sum_{j=1}^{n} y_j = 1\n$$y_1 = y_1$$\n"
    (deriv, _), = _chains(tmp_path, text, assume_lecture=False)
    assert deriv.hypotheses == (SUM_Y_ONE,)


def test_lecture_hypothesis_is_on_by_default_and_can_be_turned_off(tmp_path):
    path = _write(tmp_path, "$$y_1 = y_1$$\n")
    (on, _), = read_file(path).chains
    (off, _), = read_file(path, assume_lecture=False).chains
    assert (on.hypotheses, off.hypotheses) == ((SUM_Y_ONE,), ())


def test_other_equations_become_hypotheses_named_by_their_text(tmp_path):
    (deriv, _), = _chains(tmp_path, "% check: assume y_2 = 2 y_1\n$$y_1 = y_1$$\n", assume_lecture=False)
    assert [h.name for h in deriv.hypotheses] == ["y_2=2y_1"]


def test_distinct_indices_apply_where_both_are_free(tmp_path):
    text = "<!-- check: assume i \\ne j -->\n$$a_i a_j = a_j a_i$$\n$$a_i = a_i$$\n"
    (both, _), (one, _) = _chains(tmp_path, text)
    assert (both.distinct, both.min_n) == (((i, j),), 2)
    assert one.distinct == ()


def test_definitions_are_substituted(tmp_path):
    text = ("% check: define S = \\sum_{l=1}^{n} e^{z_l}\n% check: define u_q = \\frac{e^{z_q}}{S}\n"
            "$$u_i = \\frac{e^{z_i}}{S}$$\n")
    (deriv, _), = _chains(tmp_path, text)
    S = sp.Sum(sp.exp(z[l]), (l, 1, n))
    assert deriv.expressions == (sp.exp(z[i]) / S, sp.exp(z[i]) / S)


def test_notation_letters_cannot_be_redefined(tmp_path):
    reading = read_file(_write(tmp_path, "% check: define a = 1\n$$a_1 = a_1$$\n"))
    assert "cannot be redefined" in reading.errors[0].message
    assert (reading.errors[0].line, reading.errors[0].column) == (1, 17)


def test_unknown_declaration_is_an_error(tmp_path):
    reading = read_file(_write(tmp_path, "<!-- check: asume i \\ne j -->\n"))
    assert "unknown declaration 'asume'" in reading.errors[0].message


def test_forget_drops_declarations(tmp_path):
    text = "% check: assume y_2 = 2 y_1\n% check: forget\n$$y_1 = y_1$$\n"
    (deriv, _), = _chains(tmp_path, text, assume_lecture=False)
    assert deriv.hypotheses == ()


def test_sum_except_reads_as_in_the_lecture(tmp_path):
    (deriv, _), = _chains(tmp_path, r"$$\sum_{j \neq i} y_j = \sum_{j=1}^n y_j - y_i$$")
    assert deriv.start == SumExcept(y[j], j, i, n)


def test_weight_indices_run_over_layer_l_minus_1(tmp_path):
    (deriv, _), = _chains(tmp_path, r"$$\frac{\partial C}{\partial w_{ji}} = a_j^{(L-1)} (a_i - y_i)$$")
    assert deriv.indices == (i, j) and deriv.prev_indices == (j,)


def test_concrete_index_raises_the_smallest_n(tmp_path):
    (deriv, _), = _chains(tmp_path, r"$$a_3 = a_3$$")
    assert deriv.min_n == 3


def test_unterminated_block_is_an_error_at_its_opening(tmp_path):
    reading = read_file(_write(tmp_path, "ok\n\n  $$a_1 = a_1\n"))
    assert (reading.errors[0].line, reading.errors[0].column) == (3, 3)
    assert "never closed" in reading.errors[0].message


def test_errors_do_not_stop_the_other_blocks(tmp_path):
    reading = read_file(_write(tmp_path, "$$a_1 = \\frac{1}{$$\n$$a_2 = a_2$$\n"))
    assert len(reading.errors) == 1 and len(reading.chains) == 1


def test_derivations_from_file_returns_pairs(tmp_path):
    pairs = derivations_from_file(_write(tmp_path, r"$$\frac{\partial C}{\partial a_j} = -\frac{y_j}{a_j}$$"))
    (deriv, src), = pairs
    assert deriv.start == d(C, a[j]) and src.steps[0].relation == "="


def test_derivations_from_file_raises_the_first_error(tmp_path):
    with pytest.raises(LatexError) as info:
        derivations_from_file(_write(tmp_path, "$$a_1 = $$\n$$a_2 = b_1 +$$\n"))
    assert info.value.line == 1
