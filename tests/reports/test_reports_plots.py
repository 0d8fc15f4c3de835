"""Plots drawn from made-up data: valid SVG, PGFPlots coordinates, deterministic, bad data refused."""

import xml.etree.ElementTree as ET

import pytest

from reports.pgfplots import render_pgfplots
from reports.plot import DigitPanel, FigureGrid, LinePlot, Marker, Series, nice_ticks
from reports.svg import render_svg
from reports.svgtext import plain, runs, to_tspans
from reports.table import cost_curve, cost_table

CURVE = LinePlot(series=(Series("", [(0.1, 1.52), (0.5, 1.01), (0.9, 1.52)]),), xlabel="$a_1$", ylabel="$C$",
                 markers=(Marker(0.5, 1.01, "minimum"),))
PANEL = DigitPanel(image=[[0.0, 1.0], [0.5, 0.25]], probabilities=[0.7, 0.2, 0.1], correct=1, predicted=0,
                   title="correct 1, predicted 0")


def test_svg_is_well_formed_and_deterministic():
    grid = FigureGrid((CURVE, PANEL), columns=2)
    first = render_svg(grid, title="test")
    assert first == render_svg(grid, title="test")
    root = ET.fromstring(first)
    assert root.tag.endswith("svg") and root.get("width") == "760"
    assert first.count("<polyline") == 1


def test_svg_digit_panel_marks_correct_and_predicted():
    svg = render_svg(PANEL)
    assert 'stroke="#2ca02c"' in svg          # the correct class is framed in green
    assert svg.count('fill="#1f77b4"') == 1   # one predicted bar


def test_pgfplots_writes_the_data_as_coordinates():
    tex = render_pgfplots(CURVE)
    assert r"coordinates {(0.1,1.52) (0.5,1.01) (0.9,1.52)}" in tex
    assert r"xlabel={$a_1$}" in tex
    panel = render_pgfplots(PANEL)
    assert r"\fill[black!100]" in panel and "(0,0.7) (1,0.2) (2,0.1)" in panel


def test_labels_become_tspans_with_scripts():
    assert runs("$a_1^{(L)}$") == [("a", 0, True), ("1", -1, False), ("(", 1, False), ("L", 1, True),
                                    (")", 1, False)]
    assert plain(r"$\frac{\partial C}{\partial b}$") == "∂C/∂b"
    assert 'dy="' in to_tspans("$y_j$")


def test_unknown_label_command_is_refused():
    with pytest.raises(ValueError, match=r"\\oint"):
        runs(r"$\oint$")


def test_bad_plot_data_is_refused():
    with pytest.raises(ValueError, match="finite"):
        Series("x", [(0.0, float("nan"))])
    with pytest.raises(ValueError, match="sum to 1"):
        DigitPanel(image=[[0.0]], probabilities=[0.5, 0.4], correct=0, predicted=0)
    with pytest.raises(ValueError, match="class index"):
        DigitPanel(image=[[0.0]], probabilities=[1.0], correct=3, predicted=0)
    with pytest.raises(ValueError, match="positive"):
        LinePlot(series=(Series("x", [(0, 0.0), (1, 1.0)]),), ylog=True)


def test_nice_ticks_are_round():
    assert nice_ticks(0.0, 1.0) == (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    with pytest.raises(ValueError):
        nice_ticks(1.0, 1.0)


def test_table_matches_the_lectures_printed_values():
    printed = ["1.52", "1.23", "1.10", "1.03", "1.01", "1.03", "1.10", "1.23", "1.52"]
    assert [f"{float(r.cost):.2f}" for r in cost_table()] == printed
    assert [f"{float(r.a2):.2f}" for r in cost_table()][:3] == ["0.60", "0.53", "0.47"]


def test_cost_curve_has_its_minimum_at_y1():
    curve = cost_curve()
    assert min(curve, key=lambda p: p[1])[0] == 0.5
