"""English words of the handouts: a faithful translation of the lecture's Russian.

Formulas inside sentences are placeholders such as ``{a_j}``, printed from
SymPy expressions by :func:`reports.inline.fill`.
"""

from proofs.justifications import JUSTIFICATIONS as _CHECKER_WORDS

NAME = "English"

WORDS = {
    "title": "The softmax output layer and the cross-entropy cost",
    "subtitle": "Lecture 7 of the course Deep Neural Networks (L. B. Sokolinsky): every claim machine-checked",
    "intro": ("Every formula below is printed from the SymPy expression that the checker verified. "
              "Each step of a derivation carries its justification and the checker's verdict: "),
    "legend.proved": "the step is verified with no hypothesis",
    "legend.proved-under": "proved under a named hypothesis",
    "legend.refuted": "refuted, with a counterexample",
    "legend.undecided": "not proved: the checker could not decide the step",
    "verdict.proved": "proved",
    "verdict.proved-under": "proved under",
    "verdict.refuted": "REFUTED",
    "verdict.undecided": "NOT PROVED",
    "claim.verdict": "Verdict:",
    "statement": "Statement.",
    "hypotheses": "Hypotheses:",
    "proof": "Proof",
    "derivation": "Derivation",
    "step.start": "start",
    "general": "Proved for general {n}, with {n} a symbol.",
    "general.not": "For general {n} the checker reached the verdict: ",
    "instances.only": "Checked for concrete {n} only: ",
    "instances": "Checked for concrete {n}: ",
    "instances.none": "Not checked for any concrete {n}.",
    "part.general": "For general {n}.",
    "part.instance": "Shown for {n} = ",
    "part.others": "Other {n}: ",
    "part.applies": "Meant for ",
    "facts": "Computed facts",
    "numeric": "Numeric check:",
    'numeric.chain': 'the chain at {points} random points, {n} = {range}, 30 digits: largest gap ',
    'numeric.network': 'the NumPy network, [links], at {points} points: largest difference from SymPy ',
    'numeric.inequality': 'an inequality fails at a random point',
    'numeric.disagrees': 'DISAGREES',
    "numeric.none": "no numeric check for this claim.",
    "counterexample": "Counterexample: ",
    "left": "left side",
    "right": "right side",
    "all": "all",
    "step": "step",
    "steps": "steps",
    "table.title": "The table of the lecture, recomputed",
    "table.intro": "Three classes, {a_1} from 0.1 to 0.9; the row of the minimum is bold. Target:",
    "table.sum": "sum",
    "figure.cost": "The cost against {a_1}; the minimum lies at {a_1=y_1}.",
    "figure.cost.title": "Cost for three classes",
    "figure.cost.minimum": "minimum",
    "figures.title": "The network at work",
    "figure.digits": ("Held-out handwritten digits (8x8 images) and the output distribution {a_vec} of the trained "
                      "softmax network: dark bar the predicted class, green frame the correct one; the bars sum to 1."),
    "figure.digits.synthetic": ("Synthetic 8x8 images (scikit-learn is not installed) and the output distribution "
                                "{a_vec}: dark bar the predicted class, green frame the correct one; the bars sum to 1."),
    "figure.digits.panel": "correct {correct}, predicted {predicted}",
    "figure.digits.missing": "The digits figure needs scikit-learn: pip install 'softmax-proofs[demo]'.",
    "figure.slowdown": ("Learning from a saturated output layer: sigmoid with the quadratic cost against softmax with "
                        "cross-entropy. The quadratic cost's bias gradient carries the factor {sigma'}, "
                        "which is almost zero when the output saturates; softmax with cross-entropy has "
                        "{dC/db_i=a_i-y_i} and no such factor (claim no-slowdown)."),
    "figure.slowdown.cost": "Cost per epoch",
    "figure.slowdown.accuracy": "Accuracy per epoch",
    "figure.slowdown.gradient": "Output-bias gradient",
    "figure.slowdown.epoch": "epoch",
    "figure.slowdown.sq": "sigmoid + quadratic",
    "figure.slowdown.ce": "softmax + cross-entropy",
    "figure.slowdown.missing": "The learning-slowdown experiment needs the numeric package of this toolkit.",
    "included": "Checked derivations supplied by the user",
    "included.source": "From the file ",
    'line': 'line',
    'included.unread': 'NOT READ',
    "end": "End of lecture 7.",
}

CLAIMS = {
    "softmax-range": ("Properties of softmax: outputs between 0 and 1",
                      "For {n>=2} every output satisfies {0<a_j<1}; for {n=1} the only output is {a_1=1}, "
                      "so the lecture's claim needs {n>=2}."),
    "softmax-sum": ("Properties of softmax: the outputs sum to 1",
                    "The sum of all output signals is 1, so the softmax output layer gives a probability "
                    "distribution: the output {a_j} of neuron {j} is read as the probability that the right "
                    "answer is {j}; for handwritten digits, {a_4} is the probability that the input is a 4."),
    "ce-nonneg": ("Properties of the cost: {C>=0}",
                  "The cost is non-negative when {y_j>=0}: {ln_a_j<0} because {0<a_j<1}, so every term "
                  "satisfies {-y_j_ln_a_j>=0}, as in the lecture."),
    "ce-minimum": ("The minimum of {C} is reached at {a=y}",
                   "Over softmax outputs, {C} is at least {min_C}, with equality exactly at {a=y}, for targets "
                   "with all {y_j>0} and {sum_y=1}; if some {y_j=0}, that value is a bound that no softmax "
                   "output reaches."),
    "ce-table": ("The minimum of {C} at {a=y}: the table for three classes",
                 "The lecture's table of {C} against {a_1} is recomputed from the cost's definition; to two "
                 "decimals it matches the slide, and the smallest cost is at {a_1=y_1}."),
    "lemma-1": ("Lemma 1", "The derivative of the cost with respect to an output."),
    "lemma-2": ("Lemma 2", "The derivative of a softmax output with respect to its own weighted input."),
    "lemma-3": ("Lemma 3", "The derivative of a softmax output with respect to another weighted input, {i!=j}."),
    "softmax-jacobian": ("The derivatives of softmax", "Lemmas 2 and 3 together: every derivative {da_j/dz_i}."),
    "delta-output": ("Computing the error {delta_i} of the output layer",
                     "The output error through Lemmas 1, 2 and 3, as in the lecture."),
    "lemma-4": ("Lemma 4", "The output error computed directly from the definition of softmax."),
    "grad-bias": ("Proof of {dC/db_i=a_i-y_i}", "The gradient of the cost with respect to a bias of the output layer."),
    "grad-weight": ("Proof of {dC/dw_ji=ce}",
                    "The gradient of the cost with respect to a weight of the output layer."),
    "dataset-cost": ("Generalising the cost to the whole training set",
                     "The cost over a training set {V} is the mean of the costs of its examples, so its gradient is the mean of their gradients."),
    "no-slowdown": ("There is no learning slowdown in the output layer",
                    "The gradients {dC/db_i} and {dC/dw_ji} contain no derivative of the activation, so they are "
                    "not small when the output layer saturates."),
}

PARTS = {
    "a_j > 0": "{a_j>0}",
    "a_j < 1 (n >= 2)": "{a_j<1} (for {n>=2})",
    "n = 1: a_1 = 1": "{n=1}: {a_1=1}",
    "sum_j a_j = 1": "{sum_a=1}",
    "C >= 0 termwise (n >= 2)": "{C>=0} term by term (for {n>=2})",
    "n = 1: C = 0": "{n=1}: {C=0}",
    "C - (-sum_j y_j ln y_j) >= 0 (Gibbs' inequality)": "{C} minus its least value is non-negative (Gibbs' inequality)",
    "a = y is reached: z_l = ln y_l gives a_j = y_j": "The value {a=y} is reached: {z_l=ln_y_l} gives {a_j=y_j}",
    "the lecture's 3-class proof: dC/da_1 = (a_1 - y_1) / ((1 - a_1) a_1)": "The lecture's proof for three classes",
    'Lemma 1': 'Proof of Lemma 1',
    'Lemma 2': 'Proof of Lemma 2',
    'Lemma 3': 'Proof of Lemma 3',
    'da/dz = diag(a) - a a^T, entry (j, i)': 'Every entry {da_j/dz_i} at once',
    'delta_i through Lemmas 1-3': '{delta_i} through Lemmas 1, 2 and 3',
    "Lemma 4 (the lecture's last version)": "Proof of Lemma 4 (the lecture's last version)",
    'Lemma 4 without sum_j y_j = 1': 'Lemma 4 without the hypothesis {sum_y=1}',
    'dC/db_i through dC/dz_i': '{dC/db_i} through {dC/dz_i}',
    'dC/dw_ji through dC/dz_i': '{dC/dw_ji} through {dC/dz_i}',
    "sigmoid outputs with the quadratic cost: dC/db_i = (a_i - y_i) sigma'(z_i)": 'Sigmoid outputs with the quadratic cost: {dC/db_i=sq}',
    "softmax with cross-entropy: dC/db_i = a_i - y_i, no sigma'(z_i)": "Softmax with cross-entropy: {dC/db_i=a_i-y_i}, no factor {sigma'}",
    "softmax with cross-entropy: dC/dw_ji = a_j^{(L-1)} (a_i - y_i), no sigma'(z_i)": "Softmax with cross-entropy: {dC/dw_ji=ce}, no factor {sigma'}",
    'dCC/db_i: the average of dC/db_i over V': '{dCC/db_i}: the mean of {dC/db_i} over {V}',
    'dCC/dw_ji: the average of dC/dw_ji over V': '{dCC/dw_ji}: the mean of {dC/dw_ji} over {V}',
}

FACTS = {
    "ln t <= t - 1 for t > 0, with equality only at t = 1": "{ln_t<=t-1} for {t>0}, with equality only at {t=1}",
    "dC/da_1 < 0 for 0 < a_1 < y_1": "{dC/da_1<0} for {0<a_1<y_1}",
    "dC/da_1 > 0 for y_1 < a_1 < 1": "{dC/da_1>0} for {y_1<a_1<1}",
    "y = (1, 0): C = ln(1 + e^{z_2 - z_1}) > 0 for every z": "For {y=(1,0)}: {C=ln(1+e^(z_2-z_1))} is positive for every input",
    "y = (1, 0): C = ln(1 + e^{z_2 - z_1}) -> 0 = -sum_j y_j ln y_j as z_1 -> oo, never reached":
        "For {y=(1,0)}: {lim_C=0}, the least value, approached but never reached",
    "the table, recomputed": "The table, recomputed",
    "sigma'(u) = sigma(u) (1 - sigma(u)) -> 0 as u -> oo: the quadratic cost's gradient vanishes on a saturated output": "{lim_sigma'=0}: the quadratic cost's gradient vanishes on a saturated output",
    'softmax, n = 2, y = (0, 1): dC/db_1 = a_1 - y_1 -> 1 as z_1 - z_2 = u -> oo: the error stays large while the output is wrong': 'Softmax, {n=2}, {y=(0,1)}: {lim_dC/db_1=1} as {u=z_1-z_2} grows: the error stays large while the output is wrong',
}

NOTES = {
    "the sum over l != j has at least one positive term only when n >= 2":
        "The sum over the other outputs has a positive term only when {n>=2}.",
    "y_j >= 0 and 0 < a_j < 1 give ln a_j < 0, so every term -y_j ln a_j >= 0":
        "{y_j>=0} and {0<a_j<1} give {ln_a_j<0}, so every term satisfies {-y_j_ln_a_j>=0}.",
    'the entry for i = j is Lemma 2, for i != j Lemma 3': 'The entry for {i=j} is Lemma 2, the one for {i!=j} Lemma 3.',
    'without the hypothesis the result is a_i sum_j y_j - y_i': 'Without the hypothesis the result is {a_i_sum_y-y_i}.',
    'z_i = b_i + sum_j w_ji a_j^{(L-1)}': 'Here {z_i=b_i+sum}.',
    'checked for general n and a general number |V| of examples; concrete instances use |V| = 2': 'Checked for general {n} and a general number {|V|} of examples; the concrete instances take {|V|=2}.',
}

# The checker's own vocabulary, with the few phrases that read better in a handout.
JUSTIFICATIONS = {
    **_CHECKER_WORDS,
    "definition:z": "definition of the weighted input",
    "definition:delta": "definition of the output error",
    "derivative-ln": "derivative of the logarithm",
    "split-sum": "the term for the index itself taken out of the sum",
    "join-sum": "the term for the index itself put back into the sum",
    "hypothesis:sum-y-1": "hypothesis: the targets sum to 1",
    "ln-bound": "logarithm bound, term by term",
}

HYPOTHESES = {
    "sum-y-1": "{sum_y=1}",
    "softmax-sum": "{sum_a=1}",
    "i!=j": "{i!=j}",
}
