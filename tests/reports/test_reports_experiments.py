"""The figures' data: real digits with scikit-learn, synthetic ones without, a sentence without numeric/."""

import builtins

import pytest

from reports import experiments
from reports.figures import digits_blocks, slowdown_blocks
from reports.lang import catalog
from reports.markdown import render_markdown
from reports.document import Document, Paragraph
from reports_tools import need_program

FAKE_ITEM = {"image": [[0.0] * 8] * 8, "a": [0.1] * 10, "label": 3, "predicted": 3}
FAKE_SLOWDOWN = {"epochs": [0, 1, 2], "setups": {
    name: {"cost": [1.0, 0.5, 0.4], "accuracy": [0.1, 0.5, 0.9], "bias_grad": [0.5, 0.1, 0.05],
           "sigma_prime": [0.01, 0.02, 0.03]} for name in ("quadratic", "cross_entropy")}}


def test_without_scikit_learn_the_synthetic_digits_stand_in(monkeypatch):
    import numeric.experiments as numeric_experiments
    from numeric.digits import DemoDependencyError

    def output_distributions(data, count, seed):
        if data == "digits":
            raise DemoDependencyError("scikit-learn is missing")
        return [FAKE_ITEM] * count

    monkeypatch.setattr(numeric_experiments, "output_distributions", output_distributions)
    monkeypatch.setattr(numeric_experiments, "slowdown_experiment", lambda data, seed: dict(FAKE_SLOWDOWN, data=data))
    data = experiments.experiment_data()
    assert data.synthetic and len(data.digits) == experiments.DIGITS_SHOWN
    assert data.slowdown["data"] == "synthetic"
    caption = digits_blocks(catalog("en"), data.digits, data.synthetic)[0].caption
    assert "Synthetic 8×8 images (scikit-learn is not installed)" in caption[0].text


def test_without_numeric_the_handout_says_what_is_missing(monkeypatch):
    real_import = builtins.__import__

    def no_numeric(name, *args, **kwargs):
        if name.startswith("numeric"):
            raise ImportError("No module named 'numeric'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_numeric)
    data = experiments.experiment_data()
    assert data.digits is None and data.slowdown is None
    cat = catalog("ru")
    blocks = digits_blocks(cat, data.digits) + slowdown_blocks(cat, data.slowdown)
    text = render_markdown(Document("ru", "t", "s", blocks), "x")["x.md"]
    assert "pip install 'softmax-proofs\\[demo\\]'" in text
    assert all(isinstance(b, Paragraph) for b in blocks)


def test_slowdown_figure_from_made_up_data_draws_four_plots():
    figure = slowdown_blocks(catalog("en"), FAKE_SLOWDOWN)[0]
    assert len(figure.plot.plots) == 4
    files = render_markdown(Document("en", "t", "s", (figure,)), "x")
    assert files["x.slowdown.svg"].count("<polyline") == 7
    assert "1 times that of the quadratic cost" in "".join(getattr(p, "text", "") for p in figure.caption)


def test_the_digits_shown_begin_with_a_4_and_end_with_the_least_sure_one():
    items = [dict(FAKE_ITEM, label=q) for q in (6, 6, 2, 4, 6, 5, 1, 4, 3)]
    chosen = experiments.choose_digits(items, count=5)
    assert [c["label"] for c in chosen] == [4, 6, 2, 5, 3]
    assert chosen[-1] is items[-1]
    assert len(experiments.choose_digits([FAKE_ITEM] * 9, count=6)) == 6


def test_pdf_compiles_a_small_document(tmp_path):
    need_program("latexmk")
    from reports.pdf import compile_tex

    tex = tmp_path / "small.tex"
    tex.write_text("\\documentclass{article}\\begin{document}$a_j^{(L)}$\\end{document}\n")
    assert compile_tex(tex).startswith(b"%PDF")
    tex.write_text("\\documentclass{article}\\begin{document}$\\frac{1}{$\\end{document}\n")
    with pytest.raises(RuntimeError, match="latexmk failed on small.tex"):
        compile_tex(tex)


def test_the_same_source_compiles_to_the_same_pdf_bytes(tmp_path):
    need_program("latexmk")
    from reports.pdf import compile_tex

    tex = tmp_path / "small.tex"
    tex.write_text("\\documentclass{article}\\begin{document}$a_j^{(L)}$\\end{document}\n")
    first = compile_tex(tex)
    assert compile_tex(tex) == first
