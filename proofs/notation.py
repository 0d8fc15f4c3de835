"""The lecture's notation as SymPy objects.

Every formula in the toolkit is built from these names, so that the proofs, the
numeric checks and the printed handouts speak of the same objects:

* ``n`` output neurons of layer L, ``m`` neurons of layer L-1;
* ``z[i]`` the weighted input z_i^{(L)}, ``a[j]`` the softmax output a_j^{(L)},
  ``y[j]`` the desired output, ``b[i]`` the bias b_i^{(L)};
* ``w[j, i]`` the weight w_{ji}^{(L)} from neuron j of layer L-1 to neuron i of
  layer L, and ``a_prev[j]`` the activation a_j^{(L-1)};
* ``C`` the cost of one example and ``delta[i]`` the output error delta_i^{(L)}.

The symbols ``a`` and ``C`` are names, not formulas: their meaning is given by a
:class:`Model` (softmax with cross-entropy, or sigmoid with the quadratic cost),
which the checker unfolds when it compares two expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp

__all__ = [
    "ASSUMPTIONS", "WRITTEN", "PLAIN_TEXT", "n", "m", "i", "j", "k", "l", "p", "V", "x",
    "z", "a", "y", "b", "w", "a_prev", "delta", "C", "CC", "t", "t_range", "DATASET_CE",
    "SumExcept", "sum_all", "sum_except", "d", "softmax_def", "times", "frac",
    "Model", "SOFTMAX_CE", "SIGMOID_QUADRATIC", "sigma", "Unknown", "unknown",
]

#: What is assumed of each letter of the notation, and why: the one table that the
#: symbols below, the reader of users' files and the documentation take their
#: assumptions from.  Nothing else is assumed; a letter outside this table is an
#: :class:`Unknown` real quantity of unknown sign.
ASSUMPTIONS = {
    "n": ({"integer": True, "positive": True}, "the number of output neurons (classes), n >= 1"),
    "m": ({"integer": True, "positive": True}, "the number of neurons of layer L-1, m >= 1"),
    "V": ({"integer": True, "positive": True}, "|V|, the number of examples of the training set"),
    "x": ({"integer": True, "positive": True}, "the number of a training example, 1..|V|"),
    "i j k l p": ({"integer": True, "positive": True}, "indices of neurons, 1..n (or 1..m)"),
    "z": ({"real": True}, "weighted inputs of layer L: any real numbers"),
    "a": ({"positive": True}, "softmax outputs: e^{z_j} / sum_l e^{z_l} > 0"),
    "y": ({"nonnegative": True}, "desired outputs: 0 <= y_j <= 1 (the lecture's condition)"),
    "b": ({"real": True}, "biases: any real numbers"),
    "w": ({"real": True}, "weights: any real numbers"),
    "a_prev": ({"real": True}, "activations of layer L-1: real numbers"),
    "delta": ({"real": True}, "the output error dC/dz_i: a real number"),
    "t": ({"positive": True}, "t_j > 0 only where a proof introduces it as a ratio (a_j = 1/(1 + t_j), "
                              "a_j = t_j y_j); a user's t is an unknown real"),
    "C": ({"real": True}, "the cost of one example"),
    "CC": ({"real": True}, "the cost over the training set"),
}


def _assumed(name):
    for names, (assumptions, _why) in ASSUMPTIONS.items():
        if name in names.split():
            return assumptions
    raise KeyError(f"{name!r} is not a letter of the notation")


n = sp.Symbol("n", **_assumed("n"))
m = sp.Symbol("m", **_assumed("m"))
#: |V|, the number of examples (x, y) in the training set V, and x, the index of an example.
V = sp.Symbol("V", **_assumed("V"))
x = sp.Symbol("x", **_assumed("x"))
i, j, k, l, p = sp.symbols("i j k l p", **_assumed("i"))

z = sp.IndexedBase("z", **_assumed("z"))
a = sp.IndexedBase("a", **_assumed("a"))
y = sp.IndexedBase("y", **_assumed("y"))  # 0 <= y_j <= 1: the lecture's desired outputs
b = sp.IndexedBase("b", **_assumed("b"))
w = sp.IndexedBase("w", **_assumed("w"))
a_prev = sp.IndexedBase("a_prev", **_assumed("a_prev"))
delta = sp.IndexedBase("delta", **_assumed("delta"))
t = sp.Symbol("t", **_assumed("t"))
#: t_j > 0 with a_j = 1/(1 + t_j): the range 0 < a_j < 1 of softmax (n >= 2) as a parametrisation.
t_range = sp.IndexedBase("t", **_assumed("t"))
C = sp.Symbol("C", **_assumed("C"))
#: The cost over the training set (the lecture's blackboard C).
CC = sp.Symbol("CC", **_assumed("CC"))


#: How each indexed letter of the notation is written: its object, its letter in LaTeX, the
#: superscript of its layer, and whether a training set gives it one value per example
#: (written a_j^{(L)}(x)).  The reader of users' files and the printers of the handouts take
#: the letters from this one table.
WRITTEN = {
    "z": (z, "z", "(L)", True),
    "a": (a, "a", "(L)", True),
    "a_prev": (a_prev, "a", "(L-1)", True),
    "w": (w, "w", "(L)", False),
    "b": (b, "b", "(L)", False),
    "delta": (delta, r"\delta", "(L)", True),
    "y": (y, "y", "", True),
}

#: How the notation's LaTeX commands read in plain text, where no TeX typesets them (the SVG
#: figures' labels, alt text): its Greek letters, operators and the relations other than the
#: steps' own (those are in :data:`proofs.relations.RELATIONS`).
PLAIN_TEXT = {
    r"\delta": "δ", r"\sigma": "σ", r"\eta": "η", r"\alpha": "α", r"\lambda": "λ", r"\mu": "μ",
    r"\ell": "ℓ", r"\partial": "∂", r"\sum": "∑", r"\infty": "∞", r"\cdot": "·", r"\times": "×",
    r"\ne": "≠", r"\neq": "≠", r"\approx": "≈", r"\to": "→", r"\in": "∈",
    r"\ln": "ln", r"\log": "log", r"\exp": "exp", r"\min": "min", r"\max": "max",
}


class Unknown(sp.Symbol):
    """A letter that the notation does not define: an unknown real quantity.

    It may depend on every other variable, so its derivative by anything but
    itself is unknown, never 0 (:mod:`proofs.unfold` keeps such a derivative
    unevaluated), and nothing is assumed of its sign.  The reader of users'
    files makes every undeclared letter an ``Unknown``.
    """

    def __new__(cls, name):
        return super().__new__(cls, name, real=True)

    def __getnewargs_ex__(self):
        return ((self.name,), {})


def unknown(name):
    """The unknown real quantity written ``name``; see :class:`Unknown`."""
    return Unknown(name)


class SumExcept(sp.Expr):
    r"""The sum :math:`\sum_{j \ne i} f(j)` over j = 1..n, with i excluded.

    It is kept as its own object so that the handouts print it as the lecture
    writes it; ``doit`` turns it into :math:`\sum_{j=1}^{n} f(j) - f(i)`, which
    holds whenever 1 <= i <= n.
    Arguments: ``(f, j, i, n)``.
    """

    is_commutative = True

    def __new__(cls, function, index, excluded, upper):
        return sp.Expr.__new__(cls, sp.sympify(function), index, excluded, sp.sympify(upper))

    @property
    def function(self):
        return self.args[0]

    @property
    def index(self):
        return self.args[1]

    @property
    def excluded(self):
        return self.args[2]

    @property
    def upper(self):
        return self.args[3]

    @property
    def free_symbols(self):
        return sp.Sum(self.function, (self.index, 1, self.upper)).free_symbols | {self.excluded}

    def doit(self, **hints):
        f = self.function.doit(**hints) if hints.get("deep", True) else self.function
        whole = sp.Sum(f, (self.index, 1, self.upper))
        if self.upper.is_Integer:
            whole = whole.doit()
        return whole - f.subs(self.index, self.excluded)

    def _eval_subs(self, old, new):
        if old == self.index:
            return self
        return None


def sum_all(f, index=j, upper=n):
    """The lecture's :math:`\\sum_{j=1}^{n} f`, unevaluated."""
    return sp.Sum(f, (index, 1, upper))


def sum_except(f, index=j, excluded=i, upper=n):
    """The lecture's :math:`\\sum_{j \\ne i} f`, unevaluated."""
    return SumExcept(f, index, excluded, upper)


def d(f, x):
    """The partial derivative of f with respect to x, kept unevaluated (a formula on a slide)."""
    return sp.Derivative(f, x, evaluate=False)


#: Summation indices of the definitions: dummies, so that they never capture a user's index.
_l = sp.Dummy("l", integer=True, positive=True)
_k = sp.Dummy("k", integer=True, positive=True)
_p = sp.Dummy("p", integer=True, positive=True)
_x = sp.Dummy("x", integer=True, positive=True)


def softmax_def(q, index=None, upper=n):
    """The softmax output :math:`a_q = e^{z_q} / \\sum_{l=1}^{n} e^{z_l}`."""
    index = _l if index is None else index
    return sp.exp(z[q]) / sp.Sum(sp.exp(z[index]), (index, 1, upper))


class sigma(sp.Function):
    """The sigmoid function sigma(x) = 1 / (1 + e^{-x}), with sigma' = sigma (1 - sigma)."""

    def fdiff(self, argindex=1):
        s = sigma(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + sp.exp(-x))

    def _eval_is_positive(self):
        return self.args[0].is_real

    def _eval_is_real(self):
        return self.args[0].is_real


def times(*factors):
    """A product kept as written on the slide (``y_i / a_i * a_i`` is not cancelled)."""
    return sp.Mul(*factors, evaluate=False)


def frac(numerator, denominator):
    """A fraction kept as written on the slide."""
    return sp.Mul(numerator, sp.Pow(denominator, -1, evaluate=False), evaluate=False)


@dataclass(frozen=True)
class Model:
    """What ``a[q]`` and the cost mean: an output activation and a cost.

    ``output(q, upper=n)`` gives a_q as a function of the z's (``output(q, x, upper=n)``
    for example x when ``examples`` is set); ``cost(upper)`` gives the cost
    ``cost_symbol`` as a function of the a's; ``z_of_params(q, upper_prev)`` gives
    z_q as a function of b, w and a^{(L-1)}.
    """

    name: str
    output: Callable
    cost: Callable
    examples: bool = False
    cost_symbol: sp.Symbol = C

    @staticmethod
    def z_of_params(q, upper_prev=m, example=None, index=_p):
        """z_q = b_q + sum_p w_pq a_p^{(L-1)} (of example x when one is given)."""
        prev = a_prev[index] if example is None else a_prev[index, example]
        return b[q] + sp.Sum(w[index, q] * prev, (index, 1, upper_prev))


SOFTMAX_CE = Model(
    name="softmax + cross-entropy",
    output=lambda q, upper=n: softmax_def(q, upper=upper),
    cost=lambda upper=n: -sp.Sum(y[_k] * sp.log(a[_k]), (_k, 1, upper)),
)

SIGMOID_QUADRATIC = Model(
    name="sigmoid + quadratic cost",
    output=lambda q, upper=n: sigma(z[q]),
    cost=lambda upper=n: sp.Rational(1, 2) * sp.Sum((a[_k] - y[_k]) ** 2, (_k, 1, upper)),
)

DATASET_CE = Model(
    name="softmax + cross-entropy over a training set of |V| examples",
    output=lambda q, ex, upper=n: sp.exp(z[q, ex]) / sp.Sum(sp.exp(z[_l, ex]), (_l, 1, upper)),
    cost=lambda upper=n: -sp.Sum(y[_k, _x] * sp.log(a[_k, _x]), (_k, 1, upper), (_x, 1, V)) / V,
    examples=True,
    cost_symbol=CC,
)
