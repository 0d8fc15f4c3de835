"""Lemmas 1-3 and the softmax Jacobian, chained as on the slides."""

import sympy as sp

from ..derivation import Claim, Derivation, Step
from ..notation import C, a, d, frac, i, j, l, sum_all, times, y, z

# The slides write the denominator as sum_{i=1}^n e^{z_i} even where i is also the free index
# (Lemma 3); here the summation index is l, so that it cannot capture the free i.
_S = sum_all(sp.exp(z[l]), l)

lemma1 = Derivation(
    id="lemma-1",
    title="Lemma 1",
    start=d(C, a[j]),
    steps=(Step(-d(sum_all(y[i] * sp.log(a[i]), i), a[j]), "definition:cross-entropy"),
           Step(-frac(y[j], a[j]), "derivative")),
    indices=(j,),
)

LEMMA_1 = Claim(
    id="lemma-1",
    numeric=("dC_da",),
    title="Lemma 1",
    text="dC/da_j = -y_j / a_j",
    statement=sp.Eq(d(C, a[j]), -y[j] / a[j]),
    parts=(lemma1,),
    lecture="Лемма 1",
)

lemma2 = Derivation(
    id="lemma-2",
    title="Lemma 2",
    start=d(a[j], z[j]),
    steps=(Step(d(frac(sp.exp(z[j]), _S), z[j]), "definition:softmax"),
           Step(frac(times(sp.exp(z[j]), _S) - sp.exp(2 * z[j]), sp.Pow(_S, 2, evaluate=False)),
                "derivative-quotient"),
           Step(frac(times(sp.exp(z[j]), _S), sp.Pow(_S, 2, evaluate=False))
                - frac(sp.exp(2 * z[j]), sp.Pow(_S, 2, evaluate=False)), "algebra"),
           Step(a[j] - sp.Pow(a[j], 2, evaluate=False), "definition:softmax"),
           Step(times(a[j], 1 - a[j]), "algebra")),
    indices=(j,),
)

LEMMA_2 = Claim(
    id="lemma-2",
    numeric=("jacobian",),
    title="Lemma 2",
    text="da_j/dz_j = a_j (1 - a_j)",
    statement=sp.Eq(d(a[j], z[j]), a[j] * (1 - a[j])),
    parts=(lemma2,),
    lecture="Лемма 2",
)

lemma3 = Derivation(
    id="lemma-3",
    title="Lemma 3",
    start=d(a[j], z[i]),
    steps=(Step(d(frac(sp.exp(z[j]), _S), z[i]), "definition:softmax"),
           Step(frac(times(-sp.exp(z[j]), sp.exp(z[i])), sp.Pow(_S, 2, evaluate=False)),
                "derivative-quotient"),
           Step(times(frac(-sp.exp(z[j]), _S), frac(sp.exp(z[i]), _S)), "algebra"),
           Step(-times(a[i], a[j]), "definition:softmax")),
    indices=(i, j), distinct=((i, j),), min_n=2,
)

LEMMA_3 = Claim(
    id="lemma-3",
    numeric=("jacobian",),
    title="Lemma 3",
    text="da_j/dz_i = -a_i a_j for i != j",
    statement=sp.Eq(d(a[j], z[i]), -a[i] * a[j]),
    parts=(lemma3,),
    lecture="Лемма 3",
)

jacobian = Derivation(
    id="jacobian-entry",
    title="da/dz = diag(a) - a a^T, entry (j, i)",
    start=d(a[j], z[i]),
    steps=(Step(times(a[j], sp.KroneckerDelta(i, j)) - times(a[i], a[j]), "lemmas-2-3"),),
    indices=(i, j),
    note="the entry for i = j is Lemma 2, for i != j Lemma 3",
)

SOFTMAX_JACOBIAN = Claim(
    id="softmax-jacobian",
    numeric=("jacobian",),
    title="The softmax Jacobian",
    text="da/dz = diag(a) - a a^T, i.e. da_j/dz_i = a_j delta_ij - a_i a_j",
    statement=sp.Eq(d(a[j], z[i]), a[j] * sp.KroneckerDelta(i, j) - a[i] * a[j]),
    parts=(jacobian,),
    lecture="Леммы 2 и 3",
)
