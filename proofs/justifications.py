"""The vocabulary of step justifications.

A step's ``justification`` is one of these keys; the English sentence here is
what the command line prints, and the handouts translate the same keys.
A user's derivation read by :mod:`proofs.reader` has the key ``as-written``.
"""

__all__ = ["JUSTIFICATIONS", "describe"]

JUSTIFICATIONS = {
    "definition:softmax": "definition of softmax",
    "definition:cross-entropy": "definition of the cross-entropy cost",
    "definition:quadratic": "definition of the quadratic cost",
    "definition:z": "definition of the weighted input z",
    "definition:delta": "definition of the output error delta",
    "definition:dataset-cost": "definition of the cost over the training set",
    "lemma-1": "Lemma 1",
    "lemma-2": "Lemma 2",
    "lemma-3": "Lemma 3",
    "lemma-4": "Lemma 4",
    "lemmas-2-3": "Lemmas 2 and 3",
    "chain-rule": "chain rule",
    "derivative": "differentiation",
    "derivative-ln": "derivative of ln u is u'/u",
    "derivative-quotient": "quotient rule",
    "linearity": "linearity of the derivative and of the sum",
    "common-denominator": "fractions with one denominator added",
    "split-sum": "the term j = i taken out of the sum",
    "join-sum": "the term j = i put back into the sum",
    "algebra": "algebra",
    "softmax-range": "the softmax outputs lie between 0 and 1",
    "softmax-sum": "the softmax outputs sum to 1",
    "hypothesis:sum-y-1": "hypothesis: the y_j sum to 1",
    "ln-bound": "ln t <= t - 1 for t > 0, termwise",
    "sign": "signs of the factors",
    "fraction-below-one": "a positive fraction whose numerator is smaller than its denominator",
    "single-class": "for n = 1 the only output is a_1 = 1",
    "substitution": "substitution",
    "as-written": "as written",
}


def describe(key):
    """The English sentence for a justification key (the key itself if unknown)."""
    return JUSTIFICATIONS.get(key, key)
