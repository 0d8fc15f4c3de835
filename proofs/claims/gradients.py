"""The output layer's gradients and the absence of a learning slowdown."""

import sympy as sp

from ..derivation import Claim, Derivation, Fact, Step
from ..hypotheses import SUM_Y_ONE
from ..notation import (C, SIGMOID_QUADRATIC, a, a_prev, b, d, i, j, sigma, times, w, y, z)

bias = Derivation(
    id="bias-through-z",
    title="dC/db_i through dC/dz_i",
    start=d(C, b[i]),
    steps=(Step(times(d(C, z[i]), d(z[i], b[i])), "chain-rule"),
           Step(times(d(C, z[i]), sp.Integer(1)), "definition:z"),
           Step(d(C, z[i]), "algebra"),
           Step(a[i] - y[i], "lemma-4")),
    hypotheses=(SUM_Y_ONE,), indices=(i,),
)

GRAD_BIAS = Claim(
    id="grad-bias",
    numeric=("dC_db",),
    title="The gradient by the output biases",
    text="dC/db_i = a_i - y_i",
    statement=sp.Eq(d(C, b[i]), a[i] - y[i]),
    parts=(bias,),
    hypotheses=(SUM_Y_ONE,),
    lecture="Доказательство dC/db_i = a_i - y_i",
)

weight = Derivation(
    id="weight-through-z",
    title="dC/dw_ji through dC/dz_i",
    start=d(C, w[j, i]),
    steps=(Step(times(d(C, z[i]), d(z[i], w[j, i])), "chain-rule"),
           Step(times(d(C, z[i]), a_prev[j]), "definition:z"),
           Step(times(a_prev[j], d(C, z[i])), "algebra"),
           Step(times(a_prev[j], a[i] - y[i]), "lemma-4")),
    hypotheses=(SUM_Y_ONE,), indices=(i, j), prev_indices=(j,),
    note="z_i = b_i + sum_j w_ji a_j^{(L-1)}",
)

GRAD_WEIGHT = Claim(
    id="grad-weight",
    numeric=("dC_dw",),
    title="The gradient by the output weights",
    text="dC/dw_ji = a_j^{(L-1)} (a_i - y_i), with z_i = b_i + sum_j w_ji a_j^{(L-1)}",
    statement=sp.Eq(d(C, w[j, i]), a_prev[j] * (a[i] - y[i])),
    parts=(weight,),
    hypotheses=(SUM_Y_ONE,),
    lecture="Доказательство dC/dw_ji = a_j^{(L-1)} (a_i - y_i)",
)

quadratic = Derivation(
    id="slowdown-quadratic",
    title="sigmoid outputs with the quadratic cost: dC/db_i = (a_i - y_i) sigma'(z_i)",
    start=d(C, b[i]),
    steps=(Step(times(a[i] - y[i], d(sigma(z[i]), z[i])), "chain-rule"),
           Step(times(a[i] - y[i], sigma(z[i]), 1 - sigma(z[i])), "derivative")),
    model=SIGMOID_QUADRATIC, indices=(i,),
)

softmax_bias = Derivation(
    id="slowdown-softmax-bias",
    title="softmax with cross-entropy: dC/db_i = a_i - y_i, no sigma'(z_i)",
    start=d(C, b[i]),
    steps=(Step(a[i] - y[i], "lemma-4"),),
    hypotheses=(SUM_Y_ONE,), indices=(i,),
)

softmax_weight = Derivation(
    id="slowdown-softmax-weight",
    title="softmax with cross-entropy: dC/dw_ji = a_j^{(L-1)} (a_i - y_i), no sigma'(z_i)",
    start=d(C, w[j, i]),
    steps=(Step(times(a_prev[j], a[i] - y[i]), "lemma-4"),),
    hypotheses=(SUM_Y_ONE,), indices=(i, j), prev_indices=(j,),
)

u = sp.Symbol("u", real=True)
saturates = Fact("slowdown-sigmoid-saturates", "sigma'(u) = sigma(u) (1 - sigma(u)) -> 0 as u -> oo: the quadratic cost's gradient vanishes "
                 "on a saturated output", "limit",
                 {"expr": sp.exp(-u) / (1 + sp.exp(-u)) ** 2, "var": u, "point": sp.oo, "expected": 0})
stays = Fact("slowdown-softmax-stays", "softmax, n = 2, y = (0, 1): dC/db_1 = a_1 - y_1 -> 1 as z_1 - z_2 = u -> oo: the error stays "
             "large while the output is wrong", "limit",
             {"expr": 1 / (1 + sp.exp(-u)), "var": u, "point": sp.oo, "expected": 1}, n=2)

NO_SLOWDOWN = Claim(
    id="no-slowdown",
    numeric=("dC_db", "dC_dw"),
    title="No learning slowdown in the output layer",
    text=("with softmax and cross-entropy the output gradients dC/db_i = a_i - y_i and "
          "dC/dw_ji = a_j^{(L-1)} (a_i - y_i) have no sigma'(z_i) factor, while sigmoid outputs with the "
          "quadratic cost give dC/db_i = (a_i - y_i) sigma'(z_i), which vanishes when the output saturates"),
    statement=sp.Eq(d(C, b[i]), a[i] - y[i]),
    parts=(quadratic, softmax_bias, softmax_weight),
    facts=(saturates, stays),
    hypotheses=(SUM_Y_ONE,),
    lecture="Проблема замедления для выходного слоя отсутствует",
)
