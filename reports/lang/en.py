"""English words of the handouts: a faithful translation of the lecture's Russian.

Formulas inside sentences are placeholders such as ``{a_j}``, printed from
SymPy expressions by :func:`reports.inline.fill`.
"""

from proofs.justifications import JUSTIFICATIONS as _CHECKER_WORDS

NAME = "English"

WORDS = {
    "title": "The softmax output layer and the cross-entropy cost",
    "subtitle": "Lecture 7 of the course Deep Neural Networks (L. B. Sokolinsky), with every proof checked",
    "subtitle.student": "Lecture 7 of the course Deep Neural Networks (L. B. Sokolinsky): notes for students",
    "intro": ("Every formula in these notes is printed from an expression whose correctness was checked by "
              "symbolic computation. Each step of a derivation gives its reason and the result of the check: "),
    "legend.proved": "the step holds with no further condition",
    "legend.proved-under": "the step holds under the condition stated",
    "legend.refuted": "the step is false; a counterexample is given",
    "legend.undecided": "the step could not be checked",
    "verdict.proved": "holds",
    "verdict.proved-under": "holds if",
    "verdict.refuted": "FALSE",
    "verdict.undecided": "NOT CHECKED",
    "claim.verdict": "Result of the check:",
    "statement": "Statement.",
    "hypotheses": "Conditions:",
    "proof": "Proof.",
    "qed": "This completes the proof.",
    "general": "Proved for every {n}.",
    "general.not": "For general {n} the result of the check is: ",
    "instances.only": "Checked only for particular values of {n}: ",
    "instances": "Also checked for particular values of {n}: ",
    "part.general": "For general {n}.",
    "part.instance": "Shown for {n} = ",
    "part.others": "For the other {n}: ",
    "facts": "Further computations",
    "numeric": "Numerical check.",
    "numeric.chain": ("both sides of every step were evaluated at {points} random points for {n} = {range} "
                      "to 30 significant digits; the largest difference between the sides is "),
    "numeric.network": "at {points} points the derivatives [links] computed by the NumPy network differ from the exact ones by at most ",
    "numeric.inequality": "an inequality fails at one of the random points",
    "numeric.disagrees": "DISAGREEMENT",
    "numeric.none": "none for this statement.",
    "counterexample": "Counterexample:",
    "left": "the left side is",
    "right": "the right side is",
    "and": " and ",
    "step": "step",
    "steps": "steps",
    "decimal.mark": ".",
    "contents": "Contents",
    "definitions.title": "Definitions and notation",
    "definitions.intro": ("The superscript {L} denotes the output layer of the network and {L-1} the layer before it; "
                          "the indices {i}, {j}, {l} number the neurons of the output layer and run from 1 to {n}."),
    "errata.title": "Errors and omissions in the lecture",
    "errata.intro": ("This section gives every proof of the lecture exactly as the slides write it, each step checked "
                     "in the same way as the statements above. A false step comes with a counterexample: values "
                     "of {n}, {z} and {y} at which the two sides differ."),
    "errata.conditions": "Conditions the lecture leaves out",
    "errata.n2": ("The inequality {0<a_j<1} holds only for {n>=2}: for {n=1} the only output is {a_1=1} "
                  "(checked), so property 1 of softmax needs the condition {n>=2}."),
    "errata.ypos": ("The minimum {min_C} is attained (at {a=y}) only if every {y_j>0}: for {y=(1,0)} the cost {C} is "
                    "positive for every input and tends to zero without reaching it (both facts checked)."),
    "errata.see.claim": "See the section on that statement",
    "errata.correct": "Every step holds.",
    "errata.refuted.one": "Step {steps} is false.",
    "errata.refuted.many": "Steps {steps} are false.",
    "errata.unsettled": "Steps {steps} could not be checked.",
    "errata.clash": ("On the slide the summation index is the same letter {letter} as a free index (first in step "
                     "{step}); this is not allowed, since the sum binds {letter}. The summation index is renamed here."),
    "errata.clash.short": "the summation index is the same letter as a free index",
    "errata.link": "The proofs of the lecture as the slides write them: ",
    "table.title": "The table of the lecture, recomputed",
    "table.intro": ("Three classes; {a_1} runs from 0.1 to 0.9 and the other outputs share the rest in the ratio 2 : 1, "
                    "as on the slide: {a_2=} and {a_3=}. The row of the minimum is bold. Target:"),
    "figure.cost": "The cost against {a_1}; the minimum lies at {a_1=y_1}.",
    "figure.cost.title": "The cost for three classes",
    "figure.cost.minimum": "minimum",
    "figure.digits": ("Handwritten digits from the test set (8×8 images) and the output distribution {a_vec} of the "
                      "trained network: the dark bar is the predicted class, the green frame the correct one; "
                      "the bars sum to 1."),
    "figure.digits.synthetic": ("Synthetic 8×8 images (scikit-learn is not installed) and the output distribution "
                                "{a_vec}: the dark bar is the predicted class, the green frame the correct one; "
                                "the bars sum to 1."),
    "figure.digits.panel": "digit {correct}, network's answer {predicted}",
    "figure.digits.missing": "The digits figure needs scikit-learn: pip install 'softmax-proofs[demo]'.",
    "figure.slowdown": ("Training a network whose output layer starts saturated: sigmoid outputs with the quadratic "
                        "cost against softmax with cross-entropy. The bias gradient of the quadratic cost contains "
                        "the factor {sigma'}, which is close to zero at saturation, so the gradient is small and "
                        "learning is slow; softmax with cross-entropy has {dC/db_i=a_i-y_i} and no such factor."),
    "figure.slowdown.cost": "Cost relative to its initial value",
    "figure.slowdown.ratio": "Before training, the bias gradient of softmax with cross-entropy is {ratio} times that of the quadratic cost, and the network starts learning at once; with the quadratic cost the accuracy stays at most {best} for all {epochs} epochs.",
    "figure.slowdown.factor": "The quadratic cost's factor",
    "figure.slowdown.accuracy": "Accuracy",
    "figure.slowdown.gradient": "Bias gradient",
    "figure.slowdown.epoch": "epoch",
    "figure.slowdown.sq": "sigmoid and quadratic",
    "figure.slowdown.ce": "softmax and cross-entropy",
    "figure.slowdown.missing": "The learning-slowdown experiment needs the numeric package of this toolkit.",
    "included": "Derivations submitted for checking",
    "included.source": "From the file ",
    "column": "column",
    "line": "line",
    "included.unread": "NOT READ",
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
    "range-positive": "{a_j>0}",
    "range-below-one": "{a_j<1} (for {n>=2})",
    "range-single-class": "{n=1}: {a_1=1}",
    "sum-one": "{sum_a=1}",
    "nonneg-termwise": "{C>=0} term by term (for {n>=2})",
    "nonneg-single-class": "{n=1}: {C>=0}",
    "minimum-gibbs": "{C} minus its least value is non-negative (Gibbs' inequality)",
    "minimum-reached": "The value {a=y} is attained: {z_l=ln_y_l} gives {a_j=y_j}",
    "minimum-three-classes": "The lecture's proof for three classes",
    "lemma-1": "Proof of Lemma 1",
    "lemma-2": "Proof of Lemma 2",
    "lemma-3": "Proof of Lemma 3",
    "jacobian-entry": "Every derivative {da_j/dz_i} at once",
    "delta-through-lemmas": "{delta_i} by Lemmas 1, 2 and 3",
    "lemma-4-last-version": "Proof of Lemma 4 (the lecture's last version)",
    "lemma-4-without-sum-y": "Lemma 4 without the condition {sum_y=1}",
    "bias-through-z": "{dC/db_i} through {dC/dz_i}",
    "weight-through-z": "{dC/dw_ji} through {dC/dz_i}",
    "slowdown-quadratic": "Sigmoid outputs with the quadratic cost: {dC/db_i=sq}",
    "slowdown-softmax-bias": "Softmax with cross-entropy: {dC/db_i=a_i-y_i}, no factor {sigma'}",
    "slowdown-softmax-weight": "Softmax with cross-entropy: {dC/dw_ji=ce}, no factor {sigma'}",
    "dataset-bias": "{dCC/db_i}: the mean of {dC/db_i} over {V}",
    "dataset-weight": "{dCC/dw_ji}: the mean of {dC/dw_ji} over {V}",
}

FACTS = {
    "ln-bound": "{ln_t<=t-1} for {t>0}, with equality only at {t=1}",
    "minimum-derivative-below": "{dC/da_1<0} for {0<a_1<y_1}",
    "minimum-derivative-above": "{dC/da_1>0} for {y_1<a_1<1}",
    "minimum-not-reached": "For {y=(1,0)}: {C=ln(1+e^(z_2-z_1))} is positive for every input",
    "minimum-infimum": "For {y=(1,0)}: {lim_C=0}, the greatest lower bound of {C}, which is not attained",
    "table-recomputed": "The table, recomputed",
    "slowdown-sigmoid-saturates": "{lim_sigma'=0}: the gradient of the quadratic cost vanishes on a saturated output",
    "slowdown-softmax-stays": "Softmax, {n=2}, {y=(0,1)}: {lim_dC/db_1=1} as {u=z_1-z_2} grows: the error stays large while the answer is wrong",
}

NOTES = {
    "range-below-one": "The sum over the other outputs has a positive term only when {n>=2}.",
    "nonneg-termwise": "Since {y_j>=0} and {0<a_j<1}, we have {ln_a_j<0}, so every term satisfies {-y_j_ln_a_j>=0}.",
    "jacobian-entry": "For {i=j} this is Lemma 2, for {i!=j} Lemma 3.",
    "lemma-4-without-sum-y": "Without this condition the result is {a_i_sum_y-y_i}.",
    "bias-through-z": "Here {z_i=b_i+sum}.",
    "weight-through-z": "Here {z_i=b_i+sum}.",
    "dataset-bias": "Proved for general {n} and a general number {|V|} of examples; the particular cases take {|V|=2}.",
    "dataset-weight": "Proved for general {n} and a general number {|V|} of examples; the particular cases take {|V|=2}.",
}

LECTURE = {
    "lemma-1-v1": "Lemma 1, the first version of the proof",
    "lemma-1-v2": "Lemma 1, the second version (after the end of the lecture)",
    "lemma-2-v1": "Lemma 2, the first version of the proof",
    "lemma-2-v2": "Lemma 2, the second version (after the end of the lecture)",
    "lemma-3-v1": "Lemma 3, the first version of the proof",
    "lemma-3-v2": "Lemma 3, the second version (after the end of the lecture)",
    "delta": "The error {delta_i} by Lemmas 1–3",
    "lemma-4-v1": "Lemma 4, the first version of the proof",
    "lemma-4-v2": "Lemma 4, the second version of the proof",
    "lemma-4-v3": "Lemma 4, the third version (after the end of the lecture)",
}

LECTURE_SHORT = {
    "lemma-1-v1": "first version", "lemma-1-v2": "second version",
    "lemma-2-v1": "first version", "lemma-2-v2": "second version",
    "lemma-3-v1": "first version", "lemma-3-v2": "second version",
    "delta": "the lecture's computation",
    "lemma-4-v1": "first version", "lemma-4-v2": "second version", "lemma-4-v3": "third version",
}

DEFINITIONS = {
    "n": "{n} is the number of neurons of the output layer {L} (the number of classes); {n>=1}, and the properties of softmax need {n>=2}.",
    "z": "{z_j} is the weighted input of neuron {j} of the output layer, any real number.",
    "softmax": "{a_j=softmax} is the output of neuron {j}, the softmax activation of the output layer.",
    "y": ("{y_j} is the desired output of neuron {j}; the lecture assumes {0<=y_j<=1} and {sum_y=1}, "
          "so {y_vec} is a probability distribution."),
    "cost": "{C=ce} is the cost of one example, the modified cross-entropy.",
    "dataset": ("{CC=mean} is the cost over the whole training set {V}: the examples are numbered 1 to {|V|}, "
                "and {y_j(x)} and {a_j(x)} are the desired and actual outputs on example number {x}."),
    "layer": ("{m} is the number of neurons of layer {L-1}; {a_prev_j} are their outputs, {w_ji} is the weight from "
              "neuron {j} of layer {L-1} to neuron {i} of layer {L}, {b_i} is the bias; {z_i=b_i+sum}."),
    "delta": "{delta_i=dC/dz_i} is the error of neuron {i} of the output layer.",
    "kronecker": ("{delta_ij} is the Kronecker delta: 1 if {i=j} and 0 if {i!=j}; not to be confused with the error "
                  "{delta_i}. With it Lemmas 2 and 3 read as one formula, {da_j/dz_i=jac}."),
    "sigma": ("{sigma(u)} is the sigmoid; it appears only in the comparison with the quadratic cost "
              "{C=quad}, where {a_j=sigma}."),
    "t": ("{t_j} is an auxiliary variable with a different meaning in each of two proofs: in the proof of {C>=0}, "
          "{a_j=1/(1+t_j)}; in the proof of the minimum, {a_j=t_j_y_j}; in both, {t_j>0}."),
    "hypothesis": "The lecture's condition {sum_y=1} is named wherever a step needs it; {sum_a=1} is property 2 of softmax.",
}

# The checker's own vocabulary, with the few phrases that read better in a handout.
JUSTIFICATIONS = {
    **_CHECKER_WORDS,
    "definition:softmax": "by the definition of softmax",
    "definition:cross-entropy": "by the definition of the cost",
    "definition:quadratic": "by the definition of the quadratic cost",
    "definition:z": "by the definition of the weighted input",
    "definition:delta": "by the definition of the error",
    "definition:dataset-cost": "by the definition of the cost over the training set",
    "lemma-1": "by Lemma 1",
    "lemma-2": "by Lemma 2",
    "lemma-3": "by Lemma 3",
    "lemma-4": "by Lemma 4",
    "lemmas-2-3": "by Lemmas 2 and 3",
    "chain-rule": "by the chain rule",
    "derivative": "differentiating",
    "derivative-ln": "the derivative of the logarithm",
    "derivative-quotient": "the quotient rule",
    "linearity": "by linearity",
    "common-denominator": "adding fractions with one denominator",
    "split-sum": "separating the term with the same index from the sum",
    "join-sum": "returning that term to the sum",
    "algebra": "simplifying",
    "softmax-range": "since {0<a_j<1}",
    "softmax-sum": "since {sum_a=1}",
    "hypothesis:sum-y-1": "since {sum_y=1}",
    "ln-bound": "since {ln_t<=t-1}, term by term",
    "sign": "by the signs of the factors",
    "fraction-below-one": "a positive fraction whose numerator is smaller than its denominator is below 1",
    "single-class": "for n = 1 the only output is a_1 = 1",
    "substitution": "substituting",
    "as-written": "as on the slide",
}

HYPOTHESES = {
    "sum-y-1": "{sum_y=1}",
    "softmax-sum": "{sum_a=1}",
    "i!=j": "{i!=j}",
}
