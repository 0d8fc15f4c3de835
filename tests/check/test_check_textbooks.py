"""A derivation in a textbook's own notation (logits o, predictions \\hat{y}, a loss l(y, \\hat{y})), read
with no declaration: its true steps are proved, and the same text with a sign flipped is refuted."""

import sympy as sp

from proofs.reader import check_file

D2L_STYLE = r"""
The softmax is $\hat{y}_j = \frac{\exp(o_j)}{\sum_k \exp(o_k)}$ and the loss is
$l(\mathbf{y}, \hat{\mathbf{y}}) = - \sum_{j=1}^q y_j \log \hat{y}_j$.

$$
\begin{aligned}
l(\mathbf{y}, \hat{\mathbf{y}}) &=  - \sum_{j=1}^q y_j \log \frac{\exp(o_j)}{\sum_{k=1}^q \exp(o_k)} \\
&= \sum_{j=1}^q y_j \log \sum_{k=1}^q \exp(o_k) - \sum_{j=1}^q y_j o_j\\
&= \log \sum_{k=1}^q \exp(o_k) - \sum_{j=1}^q y_j o_j.
\end{aligned}
$$

$$\partial_{o_j} l(\mathbf{y}, \hat{\mathbf{y}}) = \frac{\exp(o_j)}{\sum_{k=1}^q \exp(o_k)} - y_j
  = \mathrm{softmax}(\mathbf{o})_j - y_j.$$
"""


def _kinds(tmp_path, text):
    path = tmp_path / "derivation.md"
    path.write_text(text, encoding="utf-8")
    report = check_file(path)
    assert not report.errors, [str(e) for e in report.errors]
    return [s.verdict.kind for s in report.steps()], report


def test_a_textbook_derivation_in_its_own_letters_is_read_and_proved(tmp_path):
    kinds, report = _kinds(tmp_path, D2L_STYLE)
    assert kinds and all(k in ("proved", "proved-under") for k in kinds), kinds
    assert not any(s.internal_error for s in report.steps())


def test_the_same_derivation_with_a_sign_flipped_is_refuted(tmp_path):
    wrong = D2L_STYLE.replace(r"\exp(o_k)} - y_j", r"\exp(o_k)} + y_j")
    kinds, _ = _kinds(tmp_path, wrong)
    assert "refuted" in kinds, kinds


CS231N_STYLE = r"""
The loss for one example is $L_i = -\log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right)$,
with $p_k = \frac{e^{f_k}}{\sum_j e^{f_j}}$.

$$ L_i = -\log\left(\frac{e^{f_{y_i}}}{\sum_j e^{f_j}}\right) = -f_{y_i} + \log\sum_j e^{f_j} $$

$$ \frac{\partial L_i}{\partial f_k} = p_k - \mathbb{1}(y_i = k) $$
"""


def test_the_class_label_as_an_index_is_read_and_checked_numerically_too(tmp_path):
    kinds, report = _kinds(tmp_path, CS231N_STYLE)
    assert kinds == ["proved"] * 3, (kinds, [s.detail for s in report.steps()])


def test_a_sign_error_with_the_label_as_an_index_has_a_coherent_counterexample(tmp_path):
    kinds, report = _kinds(tmp_path, CS231N_STYLE.replace("= -f_{y_i} +", "= f_{y_i} +"))
    step = report.steps()[1]
    assert step.verdict.kind == "refuted"
    # f_{y_1} is not drawn apart from f_1: the point names the entries of f and the label y_1 only.
    names = step.counterexample.values
    assert not any(ix.has(sp.Indexed) for name in names if isinstance(name, sp.Indexed) for ix in name.indices), names


def test_the_network_may_depend_on_an_authors_vector(tmp_path):
    # o undeclared: the lecture's a and C may be functions of it, so these are not proved ...
    text = ("$$ \\frac{\\partial a_j}{\\partial o_i} = 0 $$\n\n$$ \\frac{\\partial C}{\\partial o_i} = 0 $$\n\n"
            "$$ \\frac{\\partial o_k}{\\partial o_j} = 0 $$\n")
    kinds, _ = _kinds(tmp_path, text)
    assert not any(k.startswith("proved") for k in kinds), kinds
    # ... while the targets y are data, and the entries of o are coordinates of their own.
    kinds, _ = _kinds(tmp_path, "$$ \\frac{\\partial}{\\partial o_i} \\sum_k y_k o_k = y_i $$\n")
    assert kinds == ["proved"]
