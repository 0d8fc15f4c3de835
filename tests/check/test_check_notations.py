"""Reading other notations: declarations, letters outside the notation, case splits, rows, messages."""

import pytest
import sympy as sp

from proofs.reader import LatexError, check_file, parse_formula, read_file
from proofs.reader.parser import PositiveUnknown, index_symbol
from proofs.reader.vocabulary import UnknownEntry
from proofs.notation import Unknown, a, a_prev, b, d, i, j, k, n, w, y, z
from proofs.verdict import PROVED, PROVED_UNDER, REFUTED


def _write(tmp_path, text, name="notation.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _read(tmp_path, text, name="notation.md"):
    return read_file(_write(tmp_path, text, name))


def _kinds(tmp_path, text, n_values=(None, 2, 3)):
    report = check_file(_write(tmp_path, text), n_values=n_values)
    assert report.errors == [], [str(e) for e in report.errors]
    return [s.verdict.kind for s in report.steps()]


# ----------------------------------------------------------------- letters
def test_t_is_an_unknown_real_not_a_positive_symbol():
    t = parse_formula("t")
    assert isinstance(t, Unknown) and t.is_positive is None and t.is_real


@pytest.mark.parametrize("step", [r"\sqrt{t^2} = t", r"|t| = t", r"t > 0", r"\left| x \right| = x"])
def test_a_plain_letter_is_never_positive(tmp_path, step):
    (kind,) = _kinds(tmp_path, f"$$ {step} $$\n")
    assert kind not in (PROVED, PROVED_UNDER)


def test_a_letter_declared_positive_is_positive(tmp_path):
    reading = _read(tmp_path, "% check: assume x > 0\n$$ \\sqrt{x^2} = x $$\n")
    (deriv, _), = reading.chains
    assert isinstance(deriv.start, PositiveUnknown) or deriv.start.is_positive
    assert _kinds(tmp_path, "% check: assume x > 0\n$$ |x| = x $$\n") == [PROVED]


def test_assume_positive_wants_a_letter_outside_the_notation(tmp_path):
    (err,) = _read(tmp_path, "% check: assume z_1 > 0\n$$ a_1 = a_1 $$\n").errors
    assert "assume x > 0" in err.message


def test_indexed_letters_outside_the_notation_are_unknown():
    e = parse_formula("q_j")
    assert isinstance(e, sp.Indexed) and isinstance(e.base.label, Unknown) and e.indices == (j,)


def test_undeclared_letters_are_named_with_the_declaration_that_would_define_them(tmp_path):
    reading = _read(tmp_path, "$$ \\frac{\\partial E}{\\partial z_i} = a_i - y_i $$\n")
    messages = [note.message for note in reading.notes]
    assert any("E is not part of the lecture's notation" in m and "notation E = a" in m for m in messages)


# ----------------------------------------------------------------- notation declarations
def test_notation_maps_letters_onto_the_lecture(tmp_path):
    text = "<!-- check: notation p = a, o = z, t = y, L = C -->\n$$ \\frac{\\partial L}{\\partial o_i} = p_i - t_i $$\n"
    (deriv, _), = _read(tmp_path, text).chains
    assert deriv.expressions == (d(sp.Symbol("C", real=True), z[i]), a[i] - y[i])
    assert _kinds(tmp_path, text) == [PROVED_UNDER]


def test_y_as_the_output_and_t_as_the_target(tmp_path):
    text = "% check: notation y is the output, t is the target\n$$ \\frac{\\partial C}{\\partial z_i} = y_i - t_i $$\n"
    (deriv, _), = _read(tmp_path, text).chains
    assert deriv.steps[0].expr == a[i] - y[i]


def test_the_index_order_of_the_weights_can_be_swapped(tmp_path):
    text = "% check: notation w_{jk} = w_{kj}\n$$ \\frac{\\partial C}{\\partial w_{jk}} = a_k^{(L-1)} (a_j - y_j) $$\n"
    (deriv, _), = _read(tmp_path, text).chains
    assert deriv.start == d(sp.Symbol("C", real=True), w[k, j])
    assert _kinds(tmp_path, text) == [PROVED_UNDER]
    wrong = text.replace("a_k^{(L-1)} (a_j - y_j)", "a_j^{(L-1)} (a_k - y_k)")
    assert _kinds(tmp_path, wrong) == [REFUTED]


@pytest.mark.parametrize("declaration, expected", [
    ("notation p = q", "a letter of the lecture's notation"),
    ("notation p", "expected '='"),
    ("notation i = a", "index letter"),
    ("notation w_{jk} = w_{jj}", "index order"),
    ("notation y is the banana", "unknown role"),
])
def test_a_bad_notation_declaration_says_what_is_expected(tmp_path, declaration, expected):
    (err,) = _read(tmp_path, f"% check: {declaration}\n$$ a_1 = a_1 $$\n").errors
    assert expected in err.message and err.line == 1


def test_p_can_be_defined(tmp_path):
    text = "% check: define p_q = \\frac{e^{z_q}}{\\sum_k e^{z_k}}\n$$ p_i = a_i $$\n"
    assert _kinds(tmp_path, text) == [PROVED]


# ----------------------------------------------------------------- common notations
@pytest.mark.parametrize("text", [r"\operatorname{softmax}(z)_i", r"\mathrm{softmax}(\mathbf{z})_i",
                                  r"\text{Softmax}(z)_i", r"\sigma(z)_i", r"S(z)_i", r"\sigma\left(z\right)_i",
                                  r"\mathrm{softmax}_i(\mathbf{z})", r"\sigma_i(z)", r"S_i(z)"])
def test_softmax_written_as_a_function_is_the_output(text):
    assert parse_formula(text) == a[i]


def test_softmax_of_something_else_is_refused_with_the_form_it_reads():
    # y is the lecture's target: its softmax is not a thing the lecture writes.
    with pytest.raises(LatexError, match="softmax"):
        parse_formula(r"\operatorname{softmax}(y)_i")


def test_softmax_of_an_authors_vector_is_the_softmax_of_its_entries():
    read = parse_formula(r"\operatorname{softmax}(x)_i")
    assert isinstance(read, sp.Mul) and read.has(sp.exp) and read.has(sp.Sum)
    assert not read.has(a)


def test_a_fresh_letter_defined_by_an_equation_is_taken_as_its_definition(tmp_path):
    text = ("$$ q_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}} $$\n\n"
            "$$ \\frac{\\partial q_i}{\\partial z_i} = q_i (1 - q_i) $$\n\n"
            "$$ \\frac{\\partial q_i}{\\partial z_i} = q_i (1 + q_i) $$\n")
    reading = _read(tmp_path, text)
    assert any("taken as its definition" in note.message for note in reading.notes)
    assert _kinds(tmp_path, text) == [PROVED, REFUTED]


# ----------------------------------------------------------------- constructs
@pytest.mark.parametrize("text, expected", [
    (r"\delta_{ij}", sp.KroneckerDelta(i, j)),
    (r"\delta_{i,j}", sp.KroneckerDelta(i, j)),
    (r"{a_1 \over a_2}", a[1] / a[2]),
    (r"\frac{d}{d z_i} a_j", d(a[j], z[i])),
    (r"\frac{dC}{db_i}", d(sp.Symbol("C", real=True), b[i])),
    (r"\partial_{z_i} a_j", d(a[j], z[i])),
    (r"\nabla_{z_i} a_j", d(a[j], z[i])),
    (r"\partial a_j / \partial z_i", d(a[j], z[i])),
    (r"{\partial a_j \over \partial z_i}", d(a[j], z[i])),
    (r"\hat{y}_i", UnknownEntry(sp.IndexedBase(Unknown(r"\hat{y}")), i)),
    (r"\mathbf{a}_i", a[i]),
    (r"\boldsymbol{z}_i", z[i]),
    (r"{\color{red} a_i}", a[i]),
    (r"\text{exp}(z_1)", sp.exp(z[1])),
    (r"\sum e^{z}", sp.Sum(sp.exp(z[k]), (k, 1, n))),
    (r"\sum_k^C a_k", sp.Sum(a[k], (k, 1, n))),
    (r"\sum_{k}^{ } a_k", sp.Sum(a[k], (k, 1, n))),
    (r"\sum_j a_j^{(L-1)}", sp.Sum(a_prev[j], (j, 1, sp.Symbol("m", integer=True, positive=True)))),
])
def test_constructs_people_write(text, expected):
    assert parse_formula(text) == expected


def test_the_lecture_delta_with_one_index_stays_the_error():
    assert str(parse_formula(r"\delta_i^{(L)}")) == "delta[i]"


def test_whole_vectors_are_read_entry_by_entry(tmp_path):
    q = index_symbol("q")
    assert parse_formula(r"\mathbf{a} - \mathbf{y}") == a[q] - y[q]
    text = "$$ \\frac{\\partial C}{\\partial \\mathbf{z}} = \\mathbf{a} - \\mathbf{y} $$\n"
    assert _kinds(tmp_path, text) == [PROVED_UNDER]
    assert _kinds(tmp_path, text.replace("- \\mathbf{y}", "+ \\mathbf{y}")) == [REFUTED]


def test_the_derivative_of_a_vector_by_a_vector_says_to_write_an_entry():
    with pytest.raises(LatexError, match="write one entry"):
        parse_formula(r"\frac{\partial \mathbf{a}}{\partial \mathbf{z}}")


def test_a_product_of_two_whole_vectors_is_refused():
    with pytest.raises(LatexError, match="two whole vectors"):
        parse_formula(r"\mathbf{y} \log \mathbf{a}")


def test_a_derivative_by_a_defined_name_says_how_to_declare_it(tmp_path):
    text = "% check: define u_q = \\frac{e^{z_q}}{\\sum_k e^{z_k}}\n$$ \\frac{\\partial C}{\\partial u_i} = 1 $$\n"
    (err,) = _read(tmp_path, text).errors
    assert "notation u = a" in err.message


@pytest.mark.parametrize("command, advice", [(r"\cdots", "ellipsis"), (r"\top", "transpose"), (r"\odot", "elementwise")])
def test_commands_that_cannot_be_checked_say_what_to_write(command, advice):
    with pytest.raises(LatexError, match=advice):
        parse_formula(f"a_1 {command} a_2")


# ----------------------------------------------------------------- case splits
@pytest.mark.parametrize("prose", ["For $i = j$:", "if $i = j$ then", "Case $i = j$.", "При $i = j$:"])
def test_a_case_in_the_prose_line_before_the_block_is_substituted(tmp_path, prose):
    text = f"{prose}\n\n$$ \\frac{{\\partial a_i}}{{\\partial z_j}} = a_i (1 - a_i) $$\n"
    assert _kinds(tmp_path, text) == [PROVED]


def test_the_same_block_without_the_case_is_refuted(tmp_path):
    assert _kinds(tmp_path, "$$ \\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) $$\n") == [REFUTED]


def test_a_case_after_the_formula_makes_the_indices_distinct(tmp_path):
    text = "$$ \\frac{\\partial a_i}{\\partial z_j} = -a_i a_j, \\quad \\text{if } i \\ne j $$\n"
    (deriv, _), = _read(tmp_path, text).chains
    assert deriv.distinct == ((i, j),)
    assert _kinds(tmp_path, text) == [PROVED]


def test_cases_give_one_chain_per_row_and_otherwise_is_the_complement(tmp_path):
    text = ("$$ \\frac{\\partial a_i}{\\partial z_j} = \\begin{cases} a_i (1 - a_i) & \\text{if } i = j \\\\ "
            "-a_i a_j & \\text{otherwise} \\end{cases} $$\n")
    reading = _read(tmp_path, text)
    assert [c.title for _, c in reading.chains] == ["chain at line 1 (case i = j)", "chain at line 1 (case i ≠ j)"]
    assert _kinds(tmp_path, text) == [PROVED, PROVED]


def test_a_condition_the_reader_cannot_use_is_an_error(tmp_path):
    text = "$$ f = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases} $$\n"
    (err,) = _read(tmp_path, text).errors
    assert "i = j or i \\ne j" in err.message


def test_a_case_declaration_applies_to_the_next_block_only(tmp_path):
    text = ("% check: case i = j\n$$ \\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) $$\n\n"
            "$$ \\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) $$\n")
    assert _kinds(tmp_path, text) == [PROVED, REFUTED]


def test_assume_i_equal_j_holds_to_the_end_of_the_file(tmp_path):
    text = ("% check: assume i = j\n$$ \\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) $$\n\n"
            "$$ \\frac{\\partial a_j}{\\partial z_i} = a_i - a_i^2 $$\n")
    assert _kinds(tmp_path, text) == [PROVED, PROVED]


# ----------------------------------------------------------------- rows of an align
def test_each_new_left_side_in_an_align_starts_a_chain(tmp_path):
    text = ("\\begin{align*}\n\\frac{\\partial C}{\\partial a_j} &= -\\frac{y_j}{a_j} \\\\\n"
            "\\frac{\\partial a_j}{\\partial z_j} &= a_j (1 - a_j) \\\\\n &= a_j - a_j^2\n\\end{align*}\n")
    reading = _read(tmp_path, text, "rows.tex")
    assert [len(dv.steps) for dv, _ in reading.chains] == [1, 2]


def test_a_row_that_continues_an_expression_joins_the_row_before(tmp_path):
    text = "\\begin{align*}\na_1 &= a_1 + a_2 \\\\\n &\\quad - a_2 \\\\\n &= a_1\n\\end{align*}\n"
    (deriv, _), = _read(tmp_path, text, "rows.tex").chains
    assert deriv.expressions == (a[1], a[1], a[1])


# ----------------------------------------------------------------- never silent
def test_an_environment_that_is_not_read_is_reported(tmp_path):
    reading = _read(tmp_path, "\\begin{math} a_1 = 2 \\end{math}\n\n$$ a_1 = a_1 $$\n", "env.tex")
    (err,) = reading.errors
    assert "{math} is not read" in err.message and reading.blocks_unread == 1 and reading.blocks_read == 1


def test_a_bad_block_does_not_swallow_the_chain_before_it(tmp_path):
    reading = _read(tmp_path, "$$ a_1 = a_1 + 0 $$\n\n$$ = \\frac{1}{2 $$\n")
    assert len(reading.chains) == 1 and len(reading.errors) == 1


def test_a_case_named_early_in_the_prose_line_is_not_the_blocks_case(tmp_path):
    text = ("The case $i = j$ was shown above; here is the formula for all pairs of indices:\n\n"
            "$$ \\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) $$\n")
    assert _kinds(tmp_path, text) == [REFUTED]


def test_an_inline_definition_of_a_fresh_letter_is_used(tmp_path):
    text = ("The loss $L = -\\sum_k y_k \\ln a_k$ and a price of $5.\n\n"
            "$$ \\frac{\\partial L}{\\partial z_i} = a_i - y_i $$\n")
    reading = _read(tmp_path, text)
    assert any("inline" in note.message for note in reading.notes)
    assert _kinds(tmp_path, text) == [PROVED_UNDER]
    assert _kinds(tmp_path, text.replace("a_i - y_i $$", "y_i - a_i $$")) == [REFUTED]


def test_a_primed_function_is_its_derivative_and_a_wrong_quotient_rule_is_not_proved(tmp_path):
    e = parse_formula("f'(x)")
    assert isinstance(e, sp.Derivative) and e.variables == (Unknown("x"),)
    text = ("For $f(x) = \\frac{g(x)}{h(x)}$:\n\n"
            "$$ f'(x) = \\frac{g'(x) h(x) + h'(x) g(x)}{h(x)^2} $$\n")
    assert _kinds(tmp_path, text) != [PROVED]


def test_annotations_frames_and_references_are_layout(tmp_path):
    text = ("\\begin{align*}\n"
            "\\frac{\\partial C}{\\partial z_i} &= \\sum_j \\frac{\\partial C}{\\partial a_j} "
            "\\frac{\\partial a_j}{\\partial z_i} && (\\text{chain rule}) \\\\\n"
            "&= \\underbrace{-\\frac{y_i}{a_i} a_i (1 - a_i)}_{j = i} + \\sum_{j \\ne i} \\frac{y_j}{a_j} a_i a_j \\\\\n"
            "&= \\boxed{a_i - y_i} \\quad \\text{for all } i \\label{eq:grad} \\eqref{eq:x}\n"
            "\\end{align*}\n")
    assert _kinds(tmp_path, text) == [PROVED, PROVED, PROVED_UNDER]
    assert _kinds(tmp_path, text.replace("\\boxed{a_i - y_i}", "\\boxed{y_i - a_i}")) == [PROVED, PROVED, REFUTED]


def test_an_equation_number_after_a_space_is_not_a_factor(tmp_path):
    assert _kinds(tmp_path, "$$ \\frac{\\partial C}{\\partial a_j} = -\\frac{y_j}{a_j} \\qquad (2) $$\n") == [PROVED]


def test_greek_letters_take_subscripts_and_stay_unknown():
    e = parse_formula(r"\gamma_i + \sigma_j")
    assert {type(x.base.label) for x in e.atoms(sp.Indexed)} == {Unknown}


def test_a_letter_applied_to_one_letter_is_a_call_and_the_cost_keeps_its_meaning(tmp_path):
    assert isinstance(parse_formula(r"L(\mathbf{z})"), sp.core.function.AppliedUndef)
    assert parse_formula(r"C(\mathbf{a})") == sp.Symbol("C", real=True)
    assert parse_formula(r"a_1(1 - a_1)") == a[1] * (1 - a[1])
    text = ("$$ L(\\mathbf{z}) = -\\sum_k y_k \\ln a_k $$\n\n"
            "$$ \\frac{\\partial L(\\mathbf{z})}{\\partial z_i} = a_i - y_i $$\n")
    assert _kinds(tmp_path, text) == [PROVED_UNDER]


def test_an_entry_of_an_unknown_letter_is_unknown_under_a_derivative(tmp_path):
    e = parse_formula("q_j")
    assert isinstance(e, UnknownEntry) and e.diff(e) == 1
    assert (e._eval_derivative(z[i])).is_zero is None
    assert _kinds(tmp_path, "$$ \\frac{\\partial q_j}{\\partial z_i} = 0 $$\n") != [PROVED]


def test_an_indicator_of_a_label_and_p_with_a_subscript(tmp_path):
    assert parse_formula(r"\mathbb{1}(y_i = k)") == sp.KroneckerDelta(y[i], k)
    e = parse_formula("p_k")
    assert isinstance(e, UnknownEntry) and e.indices == (k,)


@pytest.mark.parametrize("text", [
    "$$ \\frac{\\partial a_i}{\\partial z_i} = \\frac{e^{z_i} S - e^{2 z_i}}{S^2} = a_i (1 - a_i) $$\n"
    "where $S = \\sum_k e^{z_k}$ is the normaliser.\n",
    "$$ \\frac{\\partial a_i}{\\partial z_i} = \\frac{e^{z_i} S - e^{2 z_i}}{S^2} = a_i (1 - a_i), "
    "\\quad \\text{where } S = \\sum_k e^{z_k} $$\n",
])
def test_a_where_clause_defines_a_letter_used_before_it(tmp_path, text):
    assert _kinds(tmp_path, text) == [PROVED, PROVED]
    assert _kinds(tmp_path, text.replace("e^{z_i} S - e^{2 z_i}", "e^{z_i} S + e^{2 z_i}")) == [REFUTED, REFUTED]


def test_with_i_equal_j_after_a_formula_is_still_a_case(tmp_path):
    text = "$$ \\frac{\\partial a_i}{\\partial z_j} = a_i (1 - a_i) \\quad \\text{with } i = j $$\n"
    assert _kinds(tmp_path, text) == [PROVED]


def test_a_trailing_forall_is_layout(tmp_path):
    text = "$$ \\frac{\\partial C}{\\partial z_i} = a_i - y_i \\quad \\forall i $$\n"
    assert _kinds(tmp_path, text) == [PROVED_UNDER]


def test_the_printers_own_forms_read_back():
    from proofs.notation import CC, V, sigma, x
    assert parse_formula(r"\frac{\partial \mathbb{C}}{\partial b_i}") == d(CC, b[i])
    assert parse_formula(r"\lvert V\rvert") == V and parse_formula(r"\lvert a_1 - y_1\rvert") == sp.Abs(a[1] - y[1])
    assert parse_formula(r"y_j(x)") == y[j, x]
    assert parse_formula(r"\sum_{x=1}^{\lvert V\rvert} a_1(x)") == sp.Sum(a[1, x], (x, 1, V))
    assert parse_formula(r"\sigma'\left(z_i\right)") == d(sigma(z[i]), z[i])
