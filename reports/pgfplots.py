"""Plots as PGFPlots code, for the LaTeX handouts.

The data are written into the document as coordinates (no external files),
with at most five significant digits, so the same data always give the same
text.  Labels are LaTeX already; words in them are in the document's
language and stay outside math.
"""

from __future__ import annotations

from .plot import COLORS, DigitPanel, FigureGrid, LinePlot

__all__ = ["render_pgfplots", "PREAMBLE"]

PREAMBLE = "\n".join([
    r"\usepackage{pgfplots}",
    r"\pgfplotsset{compat=1.16}",
] + [rf"\definecolor{{series{k}}}{{HTML}}{{{c.upper()}}}" for k, c in enumerate(COLORS)])
"""What the LaTeX preamble needs for these plots."""


def _num(value):
    text = f"{value:.5g}"
    return "0" if text == "-0" else text


def _coordinates(points):
    return " ".join(f"({_num(x)},{_num(y)})" for x, y in points)


def _line_plot(plot, fraction):
    options = [f"width={fraction:.2f}\\linewidth", f"height={0.66 * fraction:.3f}\\linewidth",
               "grid=major", "grid style={gray!25}", "tick label style={font=\\footnotesize}",
               "label style={font=\\small}", "legend style={font=\\footnotesize, draw=none, fill=white, fill opacity=0.8, text opacity=1}",
               "legend cell align=left", "scaled ticks=false", "enlarge x limits=0.02",
               {"north east": "legend pos=north east", "south east": "legend pos=south east",
                "east": "legend style={at={(0.97,0.5)}, anchor=east}"}[plot.legend]]
    x0, x1, y0, y1 = plot.bounds()
    if plot.ylim is not None:
        options += [f"ymin={_num(plot.ylim[0])}", f"ymax={_num(plot.ylim[1])}"]
    if plot.ylog:
        options.append("ymode=log")
    if plot.xlabel:
        options.append(f"xlabel={{{plot.xlabel}}}")
    if plot.ylabel:
        options.append(f"ylabel={{{plot.ylabel}}}")
    if plot.title:
        options.append(f"title={{{plot.title}}}")
    out = [r"\begin{axis}[" + ",\n  ".join(options) + "]"]
    legend = len(plot.series) > 1 or bool(plot.series[0].label)
    for number, series in enumerate(plot.series):
        style = [f"color=series{number % len(COLORS)}", "thick"]
        style.append("dashed" if series.dashed else "solid")
        style.append("mark=*, mark size=1.2pt" if series.marks else "no marks")
        out.append(rf"\addplot[{', '.join(style)}] coordinates {{{_coordinates(series.points)}}};")
        if legend:
            out.append(rf"\addlegendentry{{{series.label}}}")
    for marker in plot.markers:
        out.append(rf"\draw[densely dashed, gray] (axis cs:{_num(marker.x)},{_num(y0 if plot.ylim is None else plot.ylim[0])})"
                   rf" -- (axis cs:{_num(marker.x)},{_num(marker.y)});")
        out.append(rf"\addplot[only marks, mark=*, mark size=2pt, forget plot] coordinates {{({_num(marker.x)},{_num(marker.y)})}};")
        if marker.label:
            out.append(rf"\node[above right=2pt, font=\footnotesize, inner sep=1pt] at (axis cs:{_num(marker.x)},{_num(marker.y)}) {{{marker.label}}};")
    out.append(r"\end{axis}")
    return out


def _digit_panel(panel, fraction):
    rows, cols = len(panel.image), len(panel.image[0])
    cell = 0.28
    out = [r"\begin{scope}"]
    if panel.title:
        out.append(rf"\node[anchor=south west, font=\small] at (0,{_num(cell * rows + 0.15)}) {{{panel.title}}};")
    for r, row in enumerate(panel.image):
        for c, value in enumerate(row):
            if value > 0:
                out.append(rf"\fill[black!{round(100 * value)}] ({_num(c * cell)},{_num((rows - 1 - r) * cell)}) "
                           rf"rectangle +({cell},{cell});")
    out.append(rf"\draw[gray] (0,0) rectangle ({_num(cols * cell)},{_num(rows * cell)});")
    out.append(r"\end{scope}")
    count = len(panel.probabilities)
    bars = " ".join(f"({q},{_num(p)})" for q, p in enumerate(panel.probabilities))
    out.append(rf"\begin{{axis}}[at={{({_num(cols * cell + 0.6)}cm,0)}}, width=5.2cm, height=3.6cm, ybar, bar width=5pt, bar shift=0pt, "
               rf"ymin=0, ymax=1, xmin=-0.6, xmax={_num(count - 0.4)}, xtick={{0,...,{count - 1}}}, "
               r"ytick={0,0.5,1}, tick label style={font=\scriptsize}, axis x line*=bottom, axis y line*=left, "
               r"enlarge x limits=false]")
    out.append(rf"\addplot[fill=series0!35, draw=series0!60] coordinates {{{bars}}};")
    out.append(rf"\addplot[fill=series0, draw=series0] coordinates {{({panel.predicted},{_num(panel.probabilities[panel.predicted])})}};")
    out.append(rf"\draw[series2, very thick] (axis cs:{panel.correct - 0.35},0) rectangle "
               rf"(axis cs:{panel.correct + 0.35},{_num(max(panel.probabilities[panel.correct], 0.04))});")
    out.append(r"\end{axis}")
    return out


def _picture(plot, fraction):
    if isinstance(plot, LinePlot):
        body = _line_plot(plot, fraction)
    elif isinstance(plot, DigitPanel):
        body = _digit_panel(plot, fraction)
    else:
        raise TypeError(f"cannot draw a {type(plot).__name__} with PGFPlots")
    return "\n".join([r"\begin{tikzpicture}", *body, r"\end{tikzpicture}"])


def render_pgfplots(figure):
    """LaTeX code (without a ``figure`` environment) drawing a plot or a grid of plots."""
    grid = figure if isinstance(figure, FigureGrid) else FigureGrid((figure,), 1)
    columns = min(grid.columns, len(grid.plots))
    # Two to a row leave room for the axis labels, which lie outside the given width.
    fraction = {1: 0.66, 2: 0.40}.get(columns, 0.84 / columns)
    cells = []
    for number, plot in enumerate(grid.plots):
        sep = "" if number == len(grid.plots) - 1 else ("\n\\par\\medskip\n" if (number + 1) % columns == 0 else "\\hfill\n")
        cells.append(_picture(plot, fraction) + sep)
    return "\\centering\n" + "".join(cells)
