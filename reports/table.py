"""The lecture's table of the cost C against a_1, recomputed from the cost's definition.

Three classes, target y = (1/2, 1/3, 1/6); the outputs move along the line
a_2 = 2/3 (1 - a_1), a_3 = 1/3 (1 - a_1), which keeps a_1 + a_2 + a_3 = 1 and the
ratio a_2 : a_3 = y_2 : y_3 of the slide.  The cost is the SymPy expression of
:data:`proofs.notation.SOFTMAX_CE` for n = 3, evaluated exactly and rounded only
for printing.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from proofs.notation import SOFTMAX_CE, a, y

__all__ = ["TARGET", "A1_VALUES", "CostRow", "cost_three_classes", "cost_table", "cost_curve",
           "outputs_on_line"]

TARGET = (sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6))
"""The slide's target distribution y."""

A1_VALUES = tuple(sp.Rational(q, 10) for q in range(1, 10))
"""The slide's column of a_1: 0.1, 0.2, ..., 0.9."""


@dataclass(frozen=True)
class CostRow:
    """One row of the table: the three outputs and the cost, exact."""

    a1: sp.Rational
    a2: sp.Rational
    a3: sp.Rational
    cost: sp.Expr


def outputs_on_line(a1):
    """The outputs (a_1, a_2, a_3) of the slide for a given a_1 in (0, 1)."""
    a1 = sp.nsimplify(a1)
    if not (0 < a1 < 1):
        raise ValueError(f"a_1 must lie strictly between 0 and 1, got {a1}")
    return a1, sp.Rational(2, 3) * (1 - a1), sp.Rational(1, 3) * (1 - a1)


def cost_three_classes(outputs, target=TARGET):
    """C = -(y_1 ln a_1 + y_2 ln a_2 + y_3 ln a_3), from the toolkit's cost for n = 3."""
    cost = SOFTMAX_CE.cost(3).doit()
    values = {a[q + 1]: outputs[q] for q in range(3)}
    values.update({y[q + 1]: target[q] for q in range(3)})
    return cost.subs(values)


def cost_table(a1_values=A1_VALUES, target=TARGET):
    """The rows of the slide's table, one per a_1."""
    rows = []
    for a1 in a1_values:
        outputs = outputs_on_line(a1)
        rows.append(CostRow(*outputs, cost=cost_three_classes(outputs, target)))
    return tuple(rows)


def cost_curve(low=0.04, high=0.96, points=93, target=TARGET):
    """(a_1, C) pairs on an even grid of [low, high] inside (0, 1), for the plot of C(a_1)."""
    if points < 3 or not (0 < low < high < 1):
        raise ValueError(f"need 0 < low < high < 1 and at least 3 points, got {low}, {high}, {points}")
    t = sp.Symbol("t", positive=True)
    outputs = (t, sp.Rational(2, 3) * (1 - t), sp.Rational(1, 3) * (1 - t))
    cost = sp.lambdify(t, cost_three_classes(outputs, target), "math")
    grid = (low + (high - low) * q / (points - 1) for q in range(points))
    return tuple((round(x, 6), float(cost(round(x, 6)))) for x in grid)
