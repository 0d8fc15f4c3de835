"""The LaTeX reader turns the lecture's notation into the notation module's objects."""

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from proofs.reader import LatexError, parse_formula
from proofs.notation import C, SumExcept, a, a_prev, b, d, delta, i, j, l, m, n, unknown, w, y, z


def test_softmax_output_with_layer_is_a_j():
    assert parse_formula(r"a_j^{(L)}") == a[j]


def test_layer_superscript_may_be_left_out():
    assert parse_formula(r"a_j") == a[j]
    assert parse_formula(r"z_i^L") == z[i]


def test_previous_layer_activation():
    assert parse_formula(r"a_j^{(L-1)}") == a_prev[j]


def test_weight_has_two_indices_in_the_lecture_order():
    assert parse_formula(r"w_{ji}^{(L)}") == w[j, i]
    assert parse_formula(r"w_{j,i}") == w[j, i]


def test_bias_desired_output_and_delta():
    assert parse_formula(r"b_i^{(L)} + y_i + \delta_i^{(L)}") == b[i] + y[i] + delta[i]


def test_concrete_indices():
    assert parse_formula(r"a_1 - y_{12}") == a[1] - y[12]


def test_e_to_a_power_and_exp_are_the_exponential():
    assert parse_formula(r"e^{z_j^{(L)}}") == sp.exp(z[j])
    assert parse_formula(r"\exp(2 z_j)") == sp.exp(2 * z[j])
    assert parse_formula(r"e^{2z_j^{(L)}}") == sp.exp(2 * z[j])


def test_ln_takes_one_factor():
    assert parse_formula(r"\ln a_j^{(L)} y_j") == sp.log(a[j]) * y[j]
    assert parse_formula(r"\ln \left( 1 - a_1 \right)") == sp.log(1 - a[1])


def test_fraction_and_implicit_product():
    assert parse_formula(r"-\frac{y_i}{a_i^{(L)}} a_i^{(L)} (1 - a_i^{(L)})") == -y[i] * (1 - a[i])


def test_cdot_times_and_slash():
    assert parse_formula(r"y_j \cdot a_j \times 2 / b_1") == 2 * y[j] * a[j] / b[1]


def test_decimal_and_one_digit_scripts():
    assert parse_formula(r"0.5") == sp.Rational(1, 2)
    assert parse_formula(r"\frac12") == sp.Rational(1, 2)
    x = unknown("x")
    assert parse_formula(r"x^23") == 3 * x ** 2


def test_sum_with_limits():
    assert parse_formula(r"\sum_{j=1}^{n} y_j") == sp.Sum(y[j], (j, 1, n))


def test_sum_without_limits_runs_from_1_to_n():
    assert parse_formula(r"\sum_j y_j \ln a_j^{(L)}") == sp.Sum(y[j] * sp.log(a[j]), (j, 1, n))


def test_sum_body_ends_at_plus_or_minus():
    assert parse_formula(r"\sum_j y_j \ln a_j + 1") == sp.Sum(y[j] * sp.log(a[j]), (j, 1, n)) + 1
    assert parse_formula(r"-y_i + \sum_{j=1}^n y_j a_i") == -y[i] + sp.Sum(y[j], (j, 1, n)) * a[i]


def test_factors_after_the_sum_that_do_not_use_its_index_stay_outside():
    x = unknown("x")
    assert parse_formula(r"\sum_{l=1}^n e^{z_l} x") == sp.Sum(sp.exp(z[l]), (l, 1, n)) * x


def test_sum_with_j_not_i():
    expected = SumExcept(y[j], j, i, n)
    assert parse_formula(r"\sum_{j \ne i} y_j") == expected
    assert parse_formula(r"\sum_{j \neq i} y_j") == expected
    assert parse_formula(r"\sum_{\substack{j=1 \\ j \neq i}}^n y_j") == expected


def test_sum_over_the_previous_layer_runs_to_m():
    assert parse_formula(r"\sum_j w_{ji}^{(L)} a_j^{(L-1)}") == sp.Sum(w[j, i] * a_prev[j], (j, 1, m))


def test_derivative_of_the_cost():
    assert parse_formula(r"\frac{\partial C}{\partial z_i^{(L)}}") == d(C, z[i])


def test_derivative_with_parenthesised_numerator():
    assert parse_formula(r"\frac{\partial (\ln a_j^{(L)})}{\partial z_i^{(L)}}") == d(sp.log(a[j]), z[i])


def test_derivative_operator_form():
    got = parse_formula(r"\frac{\partial}{\partial z_i^{(L)}} \left( \sum_{j=1}^n y_j \ln a_j^{(L)} \right)")
    assert got == d(sp.Sum(y[j] * sp.log(a[j]), (j, 1, n)), z[i])


def test_derivative_stays_unevaluated():
    got = parse_formula(r"\frac{\partial a_j}{\partial z_j}")
    assert isinstance(got, sp.Derivative) and got.expr == a[j]


def test_derivative_by_a_weight():
    assert parse_formula(r"\frac{\partial C}{\partial w_{ji}^{(L)}}") == d(C, w[j, i])


def test_bare_partial_without_a_chain_is_an_error():
    with pytest.raises(LatexError, match="bare"):
        parse_formula(r"\partial \left( a_j \right)")


def test_other_letters_are_real_symbols():
    x = unknown("x")
    assert parse_formula(r"(x + 1)^2") == (x + 1) ** 2


def test_absolute_value():
    x = unknown("x")
    assert parse_formula(r"\left| x \right|") == sp.Abs(x)


def test_error_is_a_value_error_with_position_and_expectation():
    with pytest.raises(ValueError) as info:
        parse_formula(r"a_j + \frac{y_j}{")
    err = info.value
    assert isinstance(err, LatexError)
    assert (err.line, err.column) == (1, 17)
    assert "never closed" in err.message


def test_missing_operand_says_what_was_expected():
    with pytest.raises(LatexError) as info:
        parse_formula(r"a_j + ")
    assert "expected a term after '+'" in info.value.message
    assert info.value.column == 7


def test_unsupported_command_is_named():
    with pytest.raises(LatexError, match=r"unsupported command \\min"):
        parse_formula(r"\min_a C")


def test_w_needs_two_indices():
    with pytest.raises(LatexError, match="two indices"):
        parse_formula(r"w_j")


def test_no_previous_layer_for_z():
    with pytest.raises(LatexError, match="not part of the notation"):
        parse_formula(r"z_j^{(L-1)}")


def test_division_by_zero_is_refused():
    with pytest.raises(LatexError, match="division by zero"):
        parse_formula(r"\frac{1}{0}")


def test_words_inside_a_formula_are_refused():
    with pytest.raises(LatexError, match="text"):
        parse_formula(r"a_1 \text{ при } y_1")


def test_error_line_and_column_on_a_later_line():
    with pytest.raises(LatexError) as info:
        parse_formula("a_1 +\n  b_1 ) ")
    assert (info.value.line, info.value.column) == (2, 7)


_PIECES = [r"\frac", "{", "}", "(", ")", "[", "]", r"\left(", r"\right)", r"\sum", "_", "^", "j", "i", "=",
           "1", "n", "a", "z", "y", "w", "C", "e", r"\partial", r"\ln", r"\cdot", "-", "+", r"\ne",
           r"\substack", r"\\", "&", "0.5", ",", r"\delta", r"\sqrt", "|", "{(L)}", "{(L-1)}", r"\text{x}",
           "/", r"\le", "%", "\n", "99", r"\left|", r"\right|", r"\begin{aligned}", r"\end{aligned}"]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30))
@settings(max_examples=150, deadline=None)
def test_any_token_soup_gives_a_formula_or_a_latex_error(pieces):
    try:
        parse_formula(" ".join(pieces))
    except LatexError as err:
        assert err.line >= 1 and err.column >= 1 and err.message


def test_line_break_at_the_end_and_decimal_argument():
    assert parse_formula("a_1 \\\\") == a[1]
    with pytest.raises(LatexError, match="in braces"):
        parse_formula(r"\frac0.5 2")
