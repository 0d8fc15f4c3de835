"""The output error delta_i = dC/dz_i = a_i - y_i: the delta chain and Lemma 4."""

import sympy as sp

from ..derivation import Claim, Derivation, Step
from ..hypotheses import SUM_Y_ONE
from ..notation import C, a, d, delta, frac, i, j, l, n, sum_all, sum_except, times, y, z

_S = sum_all(sp.exp(z[l]), l)


def _ratio(q):
    return frac(_S, sp.exp(z[q]))


def _soft(q):
    return frac(sp.exp(z[q]), _S)


delta_chain = Derivation(
    id="delta-through-lemmas",
    title="delta_i through Lemmas 1-3",
    start=delta[i],
    steps=(
        Step(d(C, z[i]), "definition:delta"),
        Step(sum_all(times(d(C, a[j]), d(a[j], z[i])), j), "chain-rule"),
        Step(sum_all(times(-frac(y[j], a[j]), d(a[j], z[i])), j), "lemma-1"),
        Step(-sum_all(times(frac(y[j], a[j]), d(a[j], z[i])), j), "algebra"),
        Step(-times(frac(y[i], a[i]), d(a[i], z[i]))
             - sum_except(times(frac(y[j], a[j]), d(a[j], z[i])), j, i, n), "split-sum"),
        Step(-times(frac(y[i], a[i]), a[i], 1 - a[i])
             - sum_except(times(-frac(y[j], a[j]), a[i], a[j]), j, i, n), "lemmas-2-3"),
        Step(-y[i] + times(y[i], a[i]) + sum_except(times(y[j], a[i]), j, i, n), "algebra"),
        Step(-y[i] + sum_all(times(y[j], a[i]), j), "join-sum"),
        Step(-y[i] + times(a[i], sum_all(y[j], j)), "algebra"),
        Step(a[i] - y[i], "hypothesis:sum-y-1"),
    ),
    hypotheses=(SUM_Y_ONE,), indices=(i,),
)

DELTA_OUTPUT = Claim(
    id="delta-output",
    numeric=("dC_dz",),
    title="The output error",
    text="delta_i = sum_j dC/da_j * da_j/dz_i = a_i - y_i, through Lemmas 1-3",
    statement=sp.Eq(delta[i], a[i] - y[i]),
    parts=(delta_chain,),
    hypotheses=(SUM_Y_ONE,),
    lecture="Вычисление ошибки delta для выходного слоя",
)

lemma4 = Derivation(
    id="lemma-4-last-version",
    title="Lemma 4 (the lecture's last version)",
    start=d(C, z[i]),
    steps=(
        Step(-d(sum_all(y[j] * sp.log(a[j]), j), z[i]), "definition:cross-entropy"),
        Step(-sum_all(times(y[j], d(sp.log(a[j]), z[i])), j), "linearity"),
        Step(-sum_all(times(y[j], d(sp.log(_soft(j)), z[i])), j), "definition:softmax"),
        Step(-sum_all(times(y[j], _ratio(j), d(_soft(j), z[i])), j), "derivative-ln"),
        Step(-times(y[i], _ratio(i), d(_soft(i), z[i]))
             - sum_except(times(y[j], _ratio(j), d(_soft(j), z[i])), j, i, n), "split-sum"),
        Step(-times(y[i], _ratio(i), frac(times(sp.exp(z[i]), _S) - sp.exp(2 * z[i]),
                                          sp.Pow(_S, 2, evaluate=False)))
             - sum_except(times(y[j], _ratio(j), d(_soft(j), z[i])), j, i, n), "lemma-2"),
        Step(-times(y[i], frac(_S - sp.exp(z[i]), _S))
             - sum_except(times(y[j], _ratio(j), d(_soft(j), z[i])), j, i, n), "algebra"),
        Step(-times(y[i], 1 - a[i])
             - sum_except(times(y[j], _ratio(j), d(_soft(j), z[i])), j, i, n), "definition:softmax"),
        Step(-times(y[i], 1 - a[i])
             - sum_except(times(y[j], _ratio(j), frac(times(-sp.exp(z[j]), sp.exp(z[i])),
                                                      sp.Pow(_S, 2, evaluate=False))), j, i, n),
             "lemma-3"),
        Step(-times(y[i], 1 - a[i]) - sum_except(times(y[j], frac(-sp.exp(z[i]), _S)), j, i, n), "algebra"),
        Step(-times(y[i], 1 - a[i]) - sum_except(times(y[j], -a[i]), j, i, n), "definition:softmax"),
        Step(-times(y[i], 1 - a[i]) + times(a[i], sum_except(y[j], j, i, n)), "algebra"),
        Step(-y[i] + times(y[i], a[i]) + times(a[i], sum_except(y[j], j, i, n)), "algebra"),
        Step(-y[i] + times(a[i], sum_all(y[j], j)), "join-sum"),
        Step(a[i] - y[i], "hypothesis:sum-y-1"),
    ),
    hypotheses=(SUM_Y_ONE,), indices=(i,),
)

lemma4_without = Derivation(
    id="lemma-4-without-sum-y",
    title="Lemma 4 without sum_j y_j = 1",
    start=d(C, z[i]),
    steps=(Step(times(a[i], sum_all(y[j], j)) - y[i], "derivative"),),
    indices=(i,),
    note="without the hypothesis the result is a_i sum_j y_j - y_i",
)

LEMMA_4 = Claim(
    id="lemma-4",
    numeric=("dC_dz",),
    title="Lemma 4",
    text="dC/dz_i = a_i - y_i directly through ln of the softmax; it needs sum_j y_j = 1, "
         "without which dC/dz_i = a_i sum_j y_j - y_i",
    statement=sp.Eq(d(C, z[i]), a[i] - y[i]),
    parts=(lemma4, lemma4_without),
    hypotheses=(SUM_Y_ONE,),
    lecture="Лемма 4",
)
