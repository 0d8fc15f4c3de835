"""Properties of softmax: 0 < a_j < 1 and sum_j a_j = 1."""

import sympy as sp

from ..derivation import Claim, Derivation, Step
from ..notation import a, frac, i, j, l, n, sum_all, sum_except, z

_S = sum_all(sp.exp(z[i]), i)

positive = Derivation(
    id="range-positive",
    title="a_j > 0",
    start=a[j],
    steps=(Step(frac(sp.exp(z[j]), _S), "definition:softmax"),
           Step(sp.Integer(0), "sign", ">")),
    indices=(j,), min_n=1,
)

below_one = Derivation(
    id="range-below-one",
    title="a_j < 1 (n >= 2)",
    start=a[j],
    steps=(Step(frac(sp.exp(z[j]), sp.exp(z[j]) + sum_except(sp.exp(z[l]), l, j, n)), "split-sum"),
           Step(sp.Integer(1), "fraction-below-one", "<")),
    indices=(j,), min_n=2,
    note="the sum over l != j has at least one positive term only when n >= 2",
)

single = Derivation(
    id="range-single-class",
    title="n = 1: a_1 = 1",
    start=a[j],
    steps=(Step(frac(sp.exp(z[j]), sp.exp(z[j])), "definition:softmax"),
           Step(sp.Integer(1), "algebra")),
    indices=(j,), general=False, min_n=1, max_n=1,
)

SOFTMAX_RANGE = Claim(
    id="softmax-range",
    numeric=("a",),
    title="Softmax outputs lie strictly between 0 and 1",
    text="0 < a_j < 1 for n >= 2; for n = 1 the only output is a_1 = 1, so the slide's claim needs n >= 2",
    statement=sp.And(sp.StrictLessThan(0, a[j], evaluate=False), sp.StrictLessThan(a[j], 1), evaluate=False),
    parts=(positive, below_one, single),
    lecture="Свойства функции softmax, 1)",
    min_n=2,
)

sum_one = Derivation(
    id="sum-one",
    title="sum_j a_j = 1",
    start=sum_all(a[j], j),
    steps=(Step(sum_all(frac(sp.exp(z[j]), _S), j), "definition:softmax"),
           Step(frac(sum_all(sp.exp(z[j]), j), _S), "common-denominator"),
           Step(sp.Integer(1), "algebra")),
)

SOFTMAX_SUM = Claim(
    id="softmax-sum",
    numeric=("a",),
    title="Softmax outputs sum to 1",
    text="sum_{j=1}^n a_j = 1, so the output layer gives a probability distribution",
    statement=sp.Eq(sum_all(a[j], j), 1),
    parts=(sum_one,),
    lecture="Свойства функции softmax, 2)",
)
