"""The printer writes the lecture's notation: exact strings for the key formulas."""

import pytest
import sympy as sp

from proofs.notation import (C, a, a_prev, b, d, delta, i, j, l, n, sigma, softmax_def, sum_all,
                             sum_except, w, y, z)
from proofs.printer import LecturePrinter, lecture_latex


def test_indexed_names_carry_the_layer():
    assert lecture_latex(z[i]) == "z_i^{(L)}"
    assert lecture_latex(a[j]) == "a_j^{(L)}"
    assert lecture_latex(a_prev[j]) == "a_j^{(L-1)}"
    assert lecture_latex(w[j, i]) == "w_{ji}^{(L)}"
    assert lecture_latex(b[i]) == "b_i^{(L)}"
    assert lecture_latex(y[j]) == "y_j"
    assert lecture_latex(delta[i]) == r"\delta_i^{(L)}"


def test_softmax_definition():
    assert lecture_latex(sp.Eq(a[j], softmax_def(j), evaluate=False)) == (
        r"a_j^{(L)} = \frac{e^{z_j^{(L)}}}{\sum_{l=1}^{n} e^{z_l^{(L)}}}")


def test_cross_entropy_cost():
    assert lecture_latex(-sum_all(y[j] * sp.log(a[j]))) == r"- \sum_{j=1}^{n} y_j \ln a_j^{(L)}"


def test_lemma_1():
    expr = sp.Eq(d(C, a[j]), -y[j] / a[j])
    assert lecture_latex(expr) == r"\frac{\partial C}{\partial a_j^{(L)}} = - \frac{y_j}{a_j^{(L)}}"


def test_lemma_2():
    expr = sp.Eq(d(a[j], z[j]), a[j] * (1 - a[j]))
    assert lecture_latex(expr) == (
        r"\frac{\partial a_j^{(L)}}{\partial z_j^{(L)}} = a_j^{(L)} \left(1 - a_j^{(L)}\right)")


def test_lemma_3():
    expr = sp.Eq(d(a[j], z[i]), -a[i] * a[j])
    assert lecture_latex(expr) == r"\frac{\partial a_j^{(L)}}{\partial z_i^{(L)}} = - a_i^{(L)} a_j^{(L)}"


def test_lemma_4():
    expr = sp.Eq(d(C, z[i]), a[i] - y[i])
    assert lecture_latex(expr) == r"\frac{\partial C}{\partial z_i^{(L)}} = a_i^{(L)} - y_i"


def test_weight_gradient_keeps_the_lecture_factor_order():
    expr = sp.Eq(d(C, w[j, i]), a_prev[j] * (a[i] - y[i]))
    assert lecture_latex(expr) == (
        r"\frac{\partial C}{\partial w_{ji}^{(L)}} = a_j^{(L-1)} \left(a_i^{(L)} - y_i\right)")


def test_derivative_of_a_compound_expression_brackets_it():
    expr = -d(sum_all(y[j] * sp.log(a[j])), z[i])
    assert lecture_latex(expr) == (
        r"- \frac{\partial}{\partial z_i^{(L)}}\left(\sum_{j=1}^{n} y_j \ln a_j^{(L)}\right)")


def test_chain_rule_product_uses_cdot():
    assert lecture_latex(d(C, z[i]) * d(z[i], b[i])) == (
        r"\frac{\partial C}{\partial z_i^{(L)}} \cdot \frac{\partial z_i^{(L)}}{\partial b_i^{(L)}}")


def test_sum_except_short_and_stacked():
    expr = sum_except(y[j] * a[i])
    assert lecture_latex(expr) == r"\sum_{j \ne i} y_j a_i^{(L)}"
    assert lecture_latex(expr, sum_except="substack") == (
        r"\sum_{\substack{j=1\\ j\ne i}}^{n} y_j a_i^{(L)}")


def test_lemma_2_quotient_and_power_of_an_output():
    s = sp.Sum(sp.exp(z[l]), (l, 1, n))
    assert lecture_latex((sp.exp(z[j]) * s - sp.exp(2 * z[j])) / s**2) == (
        r"\frac{e^{z_j^{(L)}} \sum_{l=1}^{n} e^{z_l^{(L)}} - e^{2 z_j^{(L)}}}"
        r"{\left(\sum_{l=1}^{n} e^{z_l^{(L)}}\right)^{2}}")
    assert lecture_latex(a[j] - a[j]**2) == r"a_j^{(L)} - \left(a_j^{(L)}\right)^{2}"


def test_logarithm_of_a_compound_argument_is_bracketed():
    assert lecture_latex(sp.log(softmax_def(j))) == (
        r"\ln\left(\frac{e^{z_j^{(L)}}}{\sum_{l=1}^{n} e^{z_l^{(L)}}}\right)")


def test_sigmoid_is_sigma():
    assert lecture_latex(sigma(z[i])) == r"\sigma\left(z_i^{(L)}\right)"
    assert lecture_latex(sp.Function("sigma")(z[i])) == r"\sigma\left(z_i^{(L)}\right)"


def test_minimum_derivative_of_the_table():
    expr = (a[1] - y[1]) / ((1 - a[1]) * a[1])
    assert lecture_latex(expr) == r"\frac{a_1^{(L)} - y_1}{a_1^{(L)} \left(1 - a_1^{(L)}\right)}"


def test_rational_coefficient_stands_in_front():
    assert lecture_latex(sp.Rational(1, 2) * a[1]) == r"\frac{1}{2} a_1^{(L)}"


def test_unevaluated_product_keeps_the_authors_order():
    expr = sp.Mul(-y[i] / a[i], a[i] * (1 - a[i]), evaluate=False)
    assert lecture_latex(expr) == r"- \frac{y_i}{a_i^{(L)}} a_i^{(L)} \left(1 - a_i^{(L)}\right)"


def test_relations_print_as_amsmath():
    assert lecture_latex(sp.Ge(C, 0)) == r"C \ge 0"
    assert lecture_latex(sp.Ne(i, j)) == r"i \ne j"


def test_unknown_setting_is_a_type_error():
    with pytest.raises(TypeError, match="colour"):
        LecturePrinter({"colour": "red"})


def test_bad_sum_except_style_is_a_value_error():
    with pytest.raises(ValueError, match="'long'"):
        LecturePrinter({"sum_except": "long"})


def test_mean_over_the_training_set_has_one_over_v_in_front():
    V, x = sp.Symbol("V"), sp.Symbol("x")
    mean = sp.Sum(a[i, x] - y[i, x], (x, 1, V)) / V
    assert lecture_latex(mean) == (
        r"\frac{1}{\lvert V\rvert} \sum_{x=1}^{\lvert V\rvert} \left(a_i^{(L)}(x) - y_i(x)\right)")


def test_a_sum_over_an_exponential_stays_one_fraction():
    from proofs.notation import frac
    s = sp.Sum(sp.exp(z[l]), (l, 1, n))
    assert lecture_latex(frac(s, sp.exp(z[j]))) == r"\frac{\sum_{l=1}^{n} e^{z_l^{(L)}}}{e^{z_j^{(L)}}}"
