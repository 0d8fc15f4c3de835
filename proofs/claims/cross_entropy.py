"""Properties of the cross-entropy cost: C >= 0, the minimum at a = y, the table."""

import sympy as sp

from ..derivation import Claim, Derivation, Fact, Step
from ..hypotheses import SUM_Y_ONE, from_equation
from ..notation import (C, SOFTMAX_CE, Model, a, frac, j, k, n, softmax_def, sum_all, t_range, times,
                        y, z)

# --- C >= 0 -------------------------------------------------------------------------------

#: 0 < a_j < 1 (softmax-range) written as a_j = 1 / (1 + t_j) with t_j = (1 - a_j) / a_j > 0.
RANGE_PARAM = Model(
    name="0 < a_j < 1 as a_j = 1/(1 + t_j), t_j > 0",
    output=lambda q, upper=n: 1 / (1 + t_range[q]),
    cost=SOFTMAX_CE.cost,
)

termwise = Derivation(
    id="nonneg-termwise",
    title="C >= 0 termwise (n >= 2)",
    start=C,
    steps=(Step(-sum_all(y[j] * sp.log(a[j]), j), "definition:cross-entropy"),
           Step(sum_all(y[j] * sp.log(1 + t_range[j]), j), "substitution"),
           Step(sp.Integer(0), "sign", ">=")),
    model=RANGE_PARAM, min_n=2,
    note="y_j >= 0 and 0 < a_j < 1 give ln a_j < 0, so every term -y_j ln a_j >= 0",
)

single_class = Derivation(
    id="nonneg-single-class",
    title="n = 1: C = 0",
    start=C,
    steps=(Step(-y[1] * sp.log(a[1]), "definition:cross-entropy"),
           Step(sp.Integer(0), "single-class")),
    general=False, min_n=1, max_n=1,
)

CE_NONNEG = Claim(
    id="ce-nonneg",
    numeric=("C",),
    title="The cross-entropy cost is non-negative",
    text="C = -sum_j y_j ln a_j >= 0 for y_j >= 0, term by term as in the lecture",
    statement=sp.GreaterThan(C, 0),
    parts=(termwise, single_class),
    lecture="Доказательство C >= 0",
)

# --- the minimum at a = y -----------------------------------------------------------------

#: a_j = t_j y_j: the ratio t_j = a_j / y_j > 0 of the output to the target (all y_j > 0).
RATIO = Model(
    name="a_j = t_j y_j",
    output=lambda q, upper=n: t_range[q] * y[q],
    cost=SOFTMAX_CE.cost,
)
SUM_A_ONE = from_equation(sum_all(t_range[k] * y[k], k), 1, name="softmax-sum",
                          latex=r"\sum_{j=1}^{n} a_j = 1")

gibbs = Derivation(
    id="minimum-gibbs",
    title="C - (-sum_j y_j ln y_j) >= 0 (Gibbs' inequality)",
    start=C + sum_all(y[j] * sp.log(y[j]), j),
    steps=(Step(-sum_all(y[j] * sp.log(frac(a[j], y[j])), j), "definition:cross-entropy"),
           Step(-sum_all(y[j] * sp.log(t_range[j]), j), "substitution"),
           Step(-sum_all(y[j] * (t_range[j] - 1), j), "ln-bound", ">="),
           Step(sum_all(y[j], j) - sum_all(t_range[j] * y[j], j), "algebra"),
           Step(sp.Integer(0), "softmax-sum")),
    model=RATIO, hypotheses=(SUM_Y_ONE, SUM_A_ONE),
)

AT_LOG_Y = Model(
    name="softmax at z_l = ln y_l",
    output=lambda q, upper=n: softmax_def(q, upper=upper).subs(z, sp.IndexedBase("_zy")).replace(
        lambda e: isinstance(e, sp.Indexed) and e.base.label == sp.Symbol("_zy"),
        lambda e: sp.log(y[e.indices[0]])),
    cost=SOFTMAX_CE.cost,
)

reached = Derivation(
    id="minimum-reached",
    title="a = y is reached: z_l = ln y_l gives a_j = y_j",
    start=a[j],
    steps=(Step(frac(y[j], sum_all(y[k], k)), "definition:softmax"),
           Step(y[j], "hypothesis:sum-y-1")),
    model=AT_LOG_Y, hypotheses=(SUM_Y_ONE,), indices=(j,),
)

x = sp.Symbol("x", positive=True)
# The lecture's a_1 and y_1: the notation's own letters, so that the printed chain reads back as written.
a1 = a[1]
y1 = y[1]
u, v = sp.symbols("u v", positive=True)
C3 = -(y1 * sp.log(a1) + sp.Rational(2, 3) * (1 - y1) * sp.log(sp.Rational(2, 3) * (1 - a1))
       + sp.Rational(1, 3) * (1 - y1) * sp.log(sp.Rational(1, 3) * (1 - a1)))
dC3 = frac(a1 - y1, times(1 - a1, a1))

three_classes = Derivation(
    id="minimum-three-classes",
    title="the lecture's 3-class proof: dC/da_1 = (a_1 - y_1) / ((1 - a_1) a_1)",
    start=sp.Derivative(C3, a1, evaluate=False),
    steps=(Step(dC3, "derivative"),),
    model=None, general=False, min_n=3, max_n=3,
)

# y_1 in (0, 1) as 1/(1 + v); a_1 in (0, y_1) as y_1/(1 + u); a_1 in (y_1, 1) as (y_1 + u)/(1 + u).
_Y1 = {y1: 1 / (1 + v)}
below = Fact("minimum-derivative-below", "dC/da_1 < 0 for 0 < a_1 < y_1", "sign",
             {"expr": dC3.doit().subs(a1, y1 / (1 + u)).subs(_Y1), "expected": -1}, n=3)
above = Fact("minimum-derivative-above", "dC/da_1 > 0 for y_1 < a_1 < 1", "sign",
             {"expr": dC3.doit().subs(a1, (y1 + u) / (1 + u)).subs(_Y1), "expected": 1}, n=3)
ln_bound = Fact("ln-bound", "ln t <= t - 1 for t > 0, with equality only at t = 1", "minimum",
                {"expr": x - 1 - sp.log(x), "var": x, "expected": 0, "argmin": 1})
# y = (1, 0): C = ln(1 + e^{z_2 - z_1}) > 0 = -sum y ln y, and C -> 0 as z_1 -> oo: an infimum.
z1 = sp.Symbol("z_1", real=True)
infimum = Fact("minimum-infimum", "y = (1, 0): C = ln(1 + e^{z_2 - z_1}) -> 0 = -sum_j y_j ln y_j as z_1 -> oo, never reached",
               "limit", {"expr": sp.log(1 + sp.exp(-z1)), "var": z1, "point": sp.oo, "expected": 0}, n=2)
not_reached = Fact("minimum-not-reached", "y = (1, 0): C = ln(1 + e^{z_2 - z_1}) > 0 for every z", "sign",
                   {"expr": sp.log(1 + sp.exp(-z1)), "expected": 1}, n=2)

CE_MINIMUM = Claim(
    id="ce-minimum",
    title="The cost is smallest at a = y",
    text=("over softmax outputs, C >= -sum_j y_j ln y_j with equality exactly at a = y, for y with all "
          "y_j > 0 summing to 1; if some y_j = 0, that value is an infimum that no softmax output reaches"),
    statement=sp.GreaterThan(C, -sum_all(y[j] * sp.log(y[j]), j)),
    parts=(gibbs, reached, three_classes),
    facts=(ln_bound, below, above, not_reached, infimum),
    hypotheses=(SUM_Y_ONE,),
    lecture="Минимум C достигается при a = y",
)

# --- the table ----------------------------------------------------------------------------

TABLE = {
    "y": (sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6)),
    "a1": tuple(sp.Rational(q, 10) for q in range(1, 10)),
    "printed": (("0.60", "0.30", "1.52"), ("0.53", "0.27", "1.23"), ("0.47", "0.23", "1.10"),
                ("0.40", "0.20", "1.03"), ("0.33", "0.17", "1.01"), ("0.27", "0.13", "1.03"),
                ("0.20", "0.10", "1.10"), ("0.13", "0.07", "1.23"), ("0.07", "0.03", "1.52")),
    "argmin": sp.Rational(1, 2),
}

CE_TABLE = Claim(
    id="ce-table",
    title="The lecture's table of C against a_1",
    text=("for y = (0.5, 1/3, 1/6), a_2 = 2/3 (1 - a_1), a_3 = 1/3 (1 - a_1) and a_1 = 0.1 ... 0.9, "
          "C = 1.52, 1.23, 1.10, 1.03, 1.01, 1.03, 1.10, 1.23, 1.52 to two decimals, smallest at a_1 = 0.5"),
    statement=None,
    parts=(),
    facts=(Fact("table-recomputed", "the table, recomputed", "table", TABLE, n=3),),
    lecture="таблица C(a_1)",
)
