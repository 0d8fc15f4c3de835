"""The cost over a training set V and its gradient: the average of the per-example gradients."""

import sympy as sp

from ..derivation import Claim, Derivation, Step
from ..hypotheses import SUM_Y_ONE_EACH
from ..notation import CC, DATASET_CE, V, a, a_prev, b, d, frac, i, j, sum_all, times, w, x, y

# Indexed with two indices: a[j, x] is a_j^{(L)} of example x, y[j, x] its desired output,
# a_prev[j, x] its a_j^{(L-1)}; the parameters b and w are shared by all examples.

dataset_bias = Derivation(
    id="dataset-bias",
    title="dCC/db_i: the average of dC/db_i over V",
    start=d(CC, b[i]),
    steps=(Step(-frac(sum_all(d(sum_all(y[j, x] * sp.log(a[j, x]), j), b[i]), x, V), V),
                "linearity"),
           Step(frac(sum_all(a[i, x] - y[i, x], x, V), V), "lemma-4")),
    model=DATASET_CE, hypotheses=(SUM_Y_ONE_EACH,), indices=(i,),
    note="checked for general n and a general number |V| of examples; concrete instances use |V| = 2",
)

dataset_weight = Derivation(
    id="dataset-weight",
    title="dCC/dw_ji: the average of dC/dw_ji over V",
    start=d(CC, w[j, i]),
    steps=(Step(frac(sum_all(times(a_prev[j, x], a[i, x] - y[i, x]), x, V), V), "lemma-4"),),
    model=DATASET_CE, hypotheses=(SUM_Y_ONE_EACH,), indices=(i, j), prev_indices=(j,),
)

DATASET_COST = Claim(
    id="dataset-cost",
    title="The cost over the training set",
    text=("the cost over a training set V, CC = -1/|V| sum_{(x,y) in V} sum_j y_j ln a_j, has as gradient "
          "the average of the per-example gradients: dCC/db_i = 1/|V| sum_x (a_i - y_i), "
          "dCC/dw_ji = 1/|V| sum_x a_j^{(L-1)} (a_i - y_i)"),
    statement=sp.Eq(d(CC, b[i]), sum_all(a[i, x] - y[i, x], x, V) / V),
    parts=(dataset_bias, dataset_weight),
    hypotheses=(SUM_Y_ONE_EACH,),
    lecture="Обобщение функции потерь на всю обучающую выборку",
)
