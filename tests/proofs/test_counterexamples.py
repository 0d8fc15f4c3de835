"""Counterexamples keep SymPy numbers up to the printers, and the printers show the point as drawn."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from proofs.concrete import exp_symbol
from proofs.counterexamples import counterexample_tex, counterexample_text, name_text, number_tex, number_text
from proofs.jsonreport import counterexample_json
from proofs.notation import a_prev, delta, i, w, y, z
from proofs.refute import find_counterexample
from proofs.verdict import Counterexample


@pytest.mark.parametrize("seed", range(40))
def test_the_z_of_a_counterexample_is_the_drawn_z_even_at_0_and_1(seed):
    # E_q = e^{z_q} on the concrete route: the point must give z_q = ln E_q, not E_q, and not the
    # digit 1 for e^0 or the letter e for e^1.
    e1, e2 = exp_symbol(1), exp_symbol(2)
    cx = find_counterexample(e1, e2, 2, seed=seed)
    assert cx is not None
    z1, z2 = cx.values[z[1]], cx.values[z[2]]
    assert z1.is_Rational and z2.is_Rational
    assert float(cx.lhs) == pytest.approx(math.exp(z1)) and float(cx.rhs) == pytest.approx(math.exp(z2))


def test_a_false_step_gives_values_that_reproduce_its_two_sides():
    e1, e2 = exp_symbol(1), exp_symbol(2)
    left, right = e1 / (e1 + e2), e2 / (e1 + e2)
    cx = find_counterexample(left, right, 2)
    point = {e1: sp.exp(cx.values[z[1]]), e2: sp.exp(cx.values[z[2]])}
    assert float(left.xreplace(point)) == pytest.approx(float(cx.lhs))
    assert float(right.xreplace(point)) == pytest.approx(float(cx.rhs))
    assert float(cx.lhs) != pytest.approx(float(cx.rhs))


def test_names_print_in_the_lectures_notation():
    assert [name_text(x) for x in (z[1], w[1, 2], a_prev[3], delta[2], i, y[12])] == [
        "z_1", "w_{12}", "a_3^{(L-1)}", "\\delta_2", "i", "y_{12}"]


def test_numbers_print_exactly_where_they_are_exact():
    assert number_text(sp.Rational(-2, 5)) == "-2/5" and number_text(sp.Integer(3)) == "3"
    assert number_text(sp.Float("0.28349933602112345")) == "0.283499336021"
    assert number_tex(sp.Float("0.0000123456789"), ",") == r"1{,}23457 \cdot 10^{-5}"
    with pytest.raises(TypeError, match="SymPy number"):
        number_text("2/5")


def test_one_point_prints_alike_as_text_json_and_latex():
    cx = Counterexample(2, {z[1]: sp.Rational(2, 5), y[1]: sp.Rational(1, 6), i: sp.Integer(1)},
                        sp.Float("0.283499336021"), sp.Float("0.165011048475"))
    assert counterexample_text(cx) == str(cx) == (
        "n = 2: z_1 = 2/5, y_1 = 1/6, i = 1; left side = 0.283499336021, right side = 0.165011048475")
    assert counterexample_json(cx)["values"] == {"z[1]": "2/5", "y[1]": "1/6", "i": "1"}
    assert counterexample_tex(cx).startswith(r"n = 2:\ z_1^{(L)} = \frac{2}{5},\ y_1 = \frac{1}{6},\ i = 1;")
