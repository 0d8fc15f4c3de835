"""Plots as hand-written SVG, for the Markdown handouts.

Each plot specification of :mod:`reports.plot` is drawn with a few SVG
primitives (lines, polylines, rectangles, text).  Coordinates are rounded to
two decimals and nothing depends on the clock or on dictionary order, so the
same data always give the same bytes.
"""

from __future__ import annotations

import math

from .plot import COLORS, DigitPanel, FigureGrid, LinePlot, nice_ticks
from xml.sax.saxutils import escape

from .svgtext import plain, to_tspans

__all__ = ["render_svg", "CELL_WIDTH", "CELL_HEIGHT"]

CELL_WIDTH = 380
CELL_HEIGHT = 270
_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
_LEFT, _RIGHT, _TOP, _BOTTOM = 58, 14, 30, 46


def _f(value):
    """A coordinate with at most two decimals and no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _tick_label(value, decimal="."):
    """A tick label, with the language's decimal mark."""
    text = f"{value:.4g}"
    return "0" if text == "-0" else text.replace(".", decimal)


def _text(x, y, label, size=12, anchor="middle", extra=""):
    return (f'<text x="{_f(x)}" y="{_f(y)}" font-size="{size}" text-anchor="{anchor}"{extra}>'
            f"{to_tspans(label, size)}</text>")


def _line_plot(plot, ox, oy, decimal="."):
    x0, x1, y0, y1 = plot.bounds()
    width = CELL_WIDTH - _LEFT - _RIGHT
    height = CELL_HEIGHT - _TOP - _BOTTOM
    left, top = ox + _LEFT, oy + _TOP
    if plot.ylog:
        ty = lambda v: math.log10(v)
        y0, y1 = math.log10(y0), math.log10(y1)
    else:
        ty = lambda v: v
    pad = 0.05 * (y1 - y0)
    y0, y1 = y0 - pad, y1 + pad
    sx = lambda v: left + (v - x0) / (x1 - x0 or 1) * width
    sy = lambda v: top + height - (ty(v) - y0) / (y1 - y0) * height
    out = [f'<rect x="{_f(left)}" y="{_f(top)}" width="{_f(width)}" height="{_f(height)}" '
           'fill="white" stroke="#333" stroke-width="1"/>']
    xticks = nice_ticks(x0, x1, 5) if x1 > x0 else (x0,)
    for t in xticks:
        x = sx(t)
        out.append(f'<line x1="{_f(x)}" y1="{_f(top + height)}" x2="{_f(x)}" y2="{_f(top + height + 4)}" stroke="#333"/>')
        out.append(_text(x, top + height + 17, _tick_label(t, decimal), 11))
    if plot.ylog:
        yticks = [10.0 ** e for e in range(math.ceil(y0), math.floor(y1) + 1)]
    else:
        yticks = nice_ticks(y0, y1, 5)
    for t in yticks:
        y = sy(t)
        out.append(f'<line x1="{_f(left - 4)}" y1="{_f(y)}" x2="{_f(left + width)}" y2="{_f(y)}" stroke="#ddd"/>')
        out.append(_text(left - 7, y + 4, _tick_label(t, decimal), 11, "end"))
    out.append(f'<clipPath id="c{_f(ox)}_{_f(oy)}"><rect x="{_f(left)}" y="{_f(top)}" '
               f'width="{_f(width)}" height="{_f(height)}"/></clipPath>')
    for number, series in enumerate(plot.series):
        color = COLORS[number % len(COLORS)]
        pts = " ".join(f"{_f(sx(x))},{_f(sy(y))}" for x, y in series.points)
        dash = ' stroke-dasharray="6 4"' if series.dashed else ""
        out.append(f'<polyline points="{pts}" fill="none" stroke="#{color}" stroke-width="2"{dash} '
                   f'clip-path="url(#c{_f(ox)}_{_f(oy)})"/>')
        if series.marks:
            for x, y in series.points:
                out.append(f'<circle cx="{_f(sx(x))}" cy="{_f(sy(y))}" r="2.5" fill="#{color}"/>')
    for marker in plot.markers:
        mx, my = sx(marker.x), sy(marker.y)
        out.append(f'<line x1="{_f(mx)}" y1="{_f(top + height)}" x2="{_f(mx)}" y2="{_f(my)}" '
                   'stroke="#555" stroke-dasharray="3 3"/>')
        out.append(f'<circle cx="{_f(mx)}" cy="{_f(my)}" r="4" fill="black"/>')
        if marker.label:
            out.append(_text(mx + 8, my - 9, marker.label, 11, "start"))
    if len(plot.series) > 1 or plot.series[0].label:
        rows = 16 * len(plot.series) + 6
        ly = {"north east": top + 8, "east": top + (height - rows) / 2, "south east": top + height - rows - 4}[plot.legend]
        lx = left + width - 8
        # A white box behind the legend, its width estimated from the labels' length (generously, for
        # Cyrillic); each line sample sits at the box's left edge and its label starts after it, so
        # that a label never runs into its sample whatever the real width of the font.
        box = max(len(plain(s.label)) for s in plot.series) * 7.2 + 44
        x0 = lx - box
        out.append(f'<rect x="{_f(x0)}" y="{_f(ly - 4)}" width="{_f(box + 4)}" '
                   f'height="{_f(rows)}" fill="white" fill-opacity="0.85" stroke="#ccc"/>')
        for number, series in enumerate(plot.series):
            color = COLORS[number % len(COLORS)]
            y = ly + 16 * number + 8
            dash = ' stroke-dasharray="6 4"' if series.dashed else ""
            out.append(f'<line x1="{_f(x0 + 6)}" y1="{_f(y - 4)}" x2="{_f(x0 + 28)}" y2="{_f(y - 4)}" '
                       f'stroke="#{color}" stroke-width="2"{dash}/>')
            out.append(_text(x0 + 34, y, series.label, 11, "start"))
    if plot.title:
        out.append(_text(left + width / 2, oy + 18, plot.title, 13, extra=' font-weight="bold"'))
    if plot.xlabel:
        out.append(_text(left + width / 2, oy + CELL_HEIGHT - 8, plot.xlabel, 12))
    if plot.ylabel:
        cx, cy = ox + 14, top + height / 2
        out.append(_text(cx, cy, plot.ylabel, 12, extra=f' transform="rotate(-90 {_f(cx)} {_f(cy)})"'))
    return out


def _digit_panel(panel, ox, oy, decimal="."):
    out = []
    size = 8 * 15
    rows, cols = len(panel.image), len(panel.image[0])
    cell = size / max(rows, cols)
    ix, iy = ox + 14, oy + 52
    out.append(f'<rect x="{_f(ix)}" y="{_f(iy)}" width="{_f(cell * cols)}" height="{_f(cell * rows)}" fill="white" stroke="#333"/>')
    for r, row in enumerate(panel.image):
        for c, value in enumerate(row):
            if value > 0:
                grey = round(255 * (1 - value))
                out.append(f'<rect x="{_f(ix + c * cell)}" y="{_f(iy + r * cell)}" width="{_f(cell)}" '
                           f'height="{_f(cell)}" fill="rgb({grey},{grey},{grey})"/>')
    if panel.title:
        out.append(_text(ox + CELL_WIDTH / 2, oy + 18, panel.title, 12))
    # The bar chart of a^{(L)}: one bar per class, the predicted one filled
    # dark, the correct one outlined in green.
    bx, by, bw, bh = ox + 160, oy + 40, CELL_WIDTH - 175, CELL_HEIGHT - 90
    count = len(panel.probabilities)
    slot = bw / count
    out.append(f'<line x1="{_f(bx)}" y1="{_f(by + bh)}" x2="{_f(bx + bw)}" y2="{_f(by + bh)}" stroke="#333"/>')
    for t in (0.0, 0.5, 1.0):
        y = by + bh - t * bh
        out.append(f'<line x1="{_f(bx - 3)}" y1="{_f(y)}" x2="{_f(bx + bw)}" y2="{_f(y)}" stroke="#ddd"/>')
        out.append(_text(bx - 6, y + 4, _tick_label(t, decimal), 10, "end"))
    for q, prob in enumerate(panel.probabilities):
        x = bx + q * slot + 0.15 * slot
        h = prob * bh
        fill = "#1f77b4" if q == panel.predicted else "#9ecae1"
        stroke = ' stroke="#2ca02c" stroke-width="2.5"' if q == panel.correct else ""
        out.append(f'<rect x="{_f(x)}" y="{_f(by + bh - h)}" width="{_f(0.7 * slot)}" height="{_f(max(h, 0.5))}" '
                   f'fill="{fill}"{stroke}/>')
        out.append(_text(x + 0.35 * slot, by + bh + 14, str(q), 10))
    return out


def _cell(plot, ox, oy, decimal="."):
    if isinstance(plot, LinePlot):
        return _line_plot(plot, ox, oy, decimal)
    if isinstance(plot, DigitPanel):
        return _digit_panel(plot, ox, oy, decimal)
    raise TypeError(f"cannot draw a {type(plot).__name__} as SVG")


def render_svg(figure, title="", decimal="."):
    """The SVG document (a string) for a plot or a :class:`FigureGrid` of plots; ``decimal`` is the decimal mark of the tick labels."""
    grid = figure if isinstance(figure, FigureGrid) else FigureGrid((figure,), 1)
    columns = min(grid.columns, len(grid.plots))
    rows = math.ceil(len(grid.plots) / columns)
    width, height = CELL_WIDTH * columns, CELL_HEIGHT * rows
    body = []
    for number, plot in enumerate(grid.plots):
        ox, oy = CELL_WIDTH * (number % columns), CELL_HEIGHT * (number // columns)
        body += _cell(plot, ox, oy, decimal)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="{_FONT}">')
    label = f"<title>{escape(plain(title))}</title>" if title else ""
    return "\n".join([head, label, f'<rect width="{width}" height="{height}" fill="white"/>', *body, "</svg>"]) + "\n"
