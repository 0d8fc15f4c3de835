"""The handouts' tables and figures, built per language from computed data.

* the lecture's table of C against a_1 and the plot of C(a_1) with its
  minimum at a_1 = y_1 (from :mod:`reports.table`);
* the output distributions of the NumPy network on held-out digits, and
* the learning-slowdown experiment (both from plain data; see
  :mod:`reports.experiments` for where the data come from).

Each ``*_blocks`` function takes a catalog and returns document blocks, so
that the same data give the Russian and the English figure.
"""

from __future__ import annotations

import sympy as sp

from proofs.notation import C, a, b, i, sigma, y, z

from .document import Figure, Math, Paragraph, Table, Text
from .inline import fill
from proofs.printer import lecture_latex
from .plot import DigitPanel, FigureGrid, LinePlot, Marker, Series
from .table import TARGET, cost_curve, cost_table

__all__ = ["cost_blocks", "digits_blocks", "slowdown_blocks"]


def _m(expr):
    """A formula as a label for a plot (LaTeX text with $...$)."""
    return "$%s$" % lecture_latex(expr)


def _fmt(value, digits=2, mark="."):
    """A number to ``digits`` decimals with the language's decimal mark."""
    return f"{float(value):.{digits}f}".replace(".", mark)


def cost_blocks(cat, rows=None, curve=None):
    """The recomputed table of C(a_1) and the plot of C(a_1), minimum marked."""
    rows = cost_table() if rows is None else rows
    curve = cost_curve() if curve is None else curve
    third = sp.Rational(1, 3)
    a2 = sp.Eq(a[2], sp.Mul(2 * third, 1 - a[1], evaluate=False), evaluate=False)
    a3 = sp.Eq(a[3], sp.Mul(third, 1 - a[1], evaluate=False), evaluate=False)
    cost = sp.Eq(C, sp.Mul(-1, sp.Add(*(y[q] * sp.log(a[q]) for q in (1, 2, 3)), evaluate=False),
                           evaluate=False), evaluate=False)
    header = ((Math(lecture_latex(a[1])),), (Math(lecture_latex(a2)),), (Math(lecture_latex(a3)),),
              (Math(lecture_latex(cost)),))
    mark = cat.word("decimal.mark")
    body = tuple(((Text(_fmt(r.a1, 1, mark)),), (Text(_fmt(r.a2, 2, mark)),), (Text(_fmt(r.a3, 2, mark)),),
                  (Text(_fmt(r.cost, 2, mark)),)) for r in rows)
    best = min(range(len(rows)), key=lambda q: float(rows[q].cost))
    target = sp.Eq(sp.Symbol("vec_y"), sp.Tuple(*TARGET), evaluate=False)
    intro = Paragraph(fill(cat.word("table.intro")) + (Text(" "), Math(lecture_latex(target)), Text(".")))
    table = Table(header=header, rows=body, highlight=best, align="cccc")
    x_min = float(rows[best].a1)
    y_min = float(rows[best].cost)
    plot = LinePlot(
        series=(Series("", curve),),
        xlabel=_m(a[1]), ylabel=_m(C), title=cat.word("figure.cost.title"),
        markers=(Marker(x_min, y_min, cat.word("figure.cost.minimum")),),
    )
    figure = Figure(name="cost", plot=plot, caption=fill(cat.word("figure.cost")))
    return (intro, table, figure)


def digits_blocks(cat, panels, synthetic=False):
    """Images beside their output distributions a^{(L)}: ``panels`` is a sequence of dicts
    with ``image`` (rows of grey levels in [0, 1]), ``probabilities``, ``correct`` and ``predicted``."""
    if panels is None:
        return (Paragraph(fill(cat.word("figure.digits.missing"))),)
    cells = []
    for panel in panels:
        title = "".join(p.text if isinstance(p, Text) else "$%s$" % p.latex for p in fill(
            cat.word("figure.digits.panel"), {"correct": panel["correct"], "predicted": panel["predicted"]}))
        cells.append(DigitPanel(image=panel["image"], probabilities=panel["probabilities"],
                                correct=int(panel["correct"]), predicted=int(panel["predicted"]), title=title))
    caption = fill(cat.word("figure.digits.synthetic" if synthetic else "figure.digits"))
    return (Figure(name="digits", plot=FigureGrid(tuple(cells), columns=2), caption=caption),)


def _ratio_sentence(cat, sq, ce):
    """How many times larger the cross-entropy bias gradient is before training, in words."""
    if not sq["bias_grad"][0] > 0:
        return ()
    ratio = ce["bias_grad"][0] / sq["bias_grad"][0]
    best = _fmt(max(sq["accuracy"]), 2, cat.word("decimal.mark"))
    values = {"ratio": f"{ratio:.0f}", "epochs": len(sq["accuracy"]) - 1, "best": best}
    return (Text(" "),) + fill(cat.word("figure.slowdown.ratio"), values)


def slowdown_blocks(cat, data):
    """Learning curves of sigmoid + quadratic against softmax + cross-entropy from a saturated
    output layer, and the output-bias gradient beside sigma'(z).

    ``data`` is the dict of :func:`numeric.experiments.slowdown_experiment`: ``epochs`` and,
    under ``setups``, for ``"quadratic"`` and ``"cross_entropy"`` the per-epoch lists ``cost``,
    ``accuracy``, ``bias_grad`` (the norm of dC/db^{(L)}) and ``sigma_prime`` (the mean of
    sigma'(z^{(L)})).
    """
    if data is None:
        return (Paragraph(fill(cat.word("figure.slowdown.missing"))),)
    epochs = [float(e) for e in data["epochs"]]
    sq, ce = data["setups"]["quadratic"], data["setups"]["cross_entropy"]
    label_sq, label_ce = cat.word("figure.slowdown.sq"), cat.word("figure.slowdown.ce")
    xlabel = cat.word("figure.slowdown.epoch")

    def pair(key, title, ylabel="", ylim=None, legend="north east"):
        return LinePlot(series=(Series(label_sq, list(zip(epochs, sq[key])), dashed=True),
                                Series(label_ce, list(zip(epochs, ce[key])))),
                        xlabel=xlabel, ylabel=ylabel, title=title, ylim=ylim, legend=legend)

    # Each setup's cost divided by its own value before training: the two costs differ, their fall does not.
    relative = {name: [c / setup["cost"][0] for c in setup["cost"]] for name, setup in (("sq", sq), ("ce", ce))}
    cost = LinePlot(series=(Series(label_sq, list(zip(epochs, relative["sq"])), dashed=True),
                            Series(label_ce, list(zip(epochs, relative["ce"])))),
                    xlabel=xlabel, ylabel=_m(C / sp.Symbol("C_0")), title=cat.word("figure.slowdown.cost"))
    accuracy = pair("accuracy", cat.word("figure.slowdown.accuracy"), ylim=(0.0, 1.0), legend="east")
    gradient = pair("bias_grad", cat.word("figure.slowdown.gradient"),
                    _m(sp.Abs(sp.Derivative(C, b[i], evaluate=False))), legend="north east")
    gradient = LinePlot(series=gradient.series, xlabel=xlabel, ylabel=gradient.ylabel, title=gradient.title,
                        ylog=True)
    factor = LinePlot(series=(Series(label_sq, list(zip(epochs, sq["sigma_prime"])), dashed=True),),
                      xlabel=xlabel, ylabel=_m(sp.Derivative(sigma(z[i]), z[i], evaluate=False)),
                      title=cat.word("figure.slowdown.factor"), ylim=(0.0, 0.25))
    figure = Figure(name="slowdown", plot=FigureGrid((accuracy, gradient, factor, cost), columns=2),
                    caption=fill(cat.word("figure.slowdown")) + _ratio_sentence(cat, sq, ce))
    return (figure,)
