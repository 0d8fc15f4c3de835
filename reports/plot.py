"""Plot specifications: what a figure shows, independent of how it is drawn.

The same specification is drawn twice: as PGFPlots code for the LaTeX
handout (:mod:`reports.pgfplots`) and as a hand-written SVG for the Markdown
handout (:mod:`reports.svg`).  Labels are LaTeX (printed by
:mod:`proofs.printer` where they are formulas); numbers are plain floats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["LEGEND_PLACES", "Series", "Marker", "LinePlot", "DigitPanel", "FigureGrid", "nice_ticks", "COLORS"]

LEGEND_PLACES = ("north east", "east", "south east")

COLORS = ("1f77b4", "d62728", "2ca02c", "ff7f0e", "9467bd")
"""Series colours, as RGB hex, in the order series are drawn."""


def _finite_points(points, what):
    out = []
    for point in points:
        if len(point) != 2:
            raise ValueError(f"{what}: a point must be (x, y), got {point!r}")
        x, y = float(point[0]), float(point[1])
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError(f"{what}: points must be finite, got {point!r}")
        out.append((x, y))
    return tuple(out)


@dataclass(frozen=True)
class Series:
    """A curve: a label (LaTeX text mode, may hold ``$...$``) and its (x, y) points.

    ``dashed`` draws it dashed; ``marks`` draws a dot at every point.
    """

    label: str
    points: tuple
    dashed: bool = False
    marks: bool = False

    def __post_init__(self):
        object.__setattr__(self, "points", _finite_points(self.points, f"series {self.label!r}"))
        if not self.points:
            raise ValueError(f"series {self.label!r} has no points")


@dataclass(frozen=True)
class Marker:
    """A highlighted point with a short label beside it."""

    x: float
    y: float
    label: str = ""


@dataclass(frozen=True)
class LinePlot:
    """Curves over one pair of axes.

    ``xlabel``/``ylabel``/``title`` are text with optional ``$...$`` math;
    ``ylim`` fixes the vertical range (``None``: from the data); ``legend`` is
    where the legend sits, inside the axes on the right: ``"north east"``,
    ``"east"`` or ``"south east"``.
    """

    series: tuple
    xlabel: str = ""
    ylabel: str = ""
    title: str = ""
    markers: tuple = ()
    ylim: tuple = None
    ylog: bool = False
    legend: str = "north east"

    def __post_init__(self):
        if self.legend not in LEGEND_PLACES:
            raise ValueError(f"legend must be one of {LEGEND_PLACES}, got {self.legend!r}")
        if not self.series:
            raise ValueError("a line plot needs at least one series")
        if self.ylog and any(y <= 0 for s in self.series for _, y in s.points):
            raise ValueError(f"a logarithmic axis needs positive values, in {self.title!r}")

    def bounds(self):
        """The (xmin, xmax, ymin, ymax) that all series and markers fit in."""
        xs = [x for s in self.series for x, _ in s.points] + [m.x for m in self.markers]
        ys = [y for s in self.series for _, y in s.points] + [m.y for m in self.markers]
        ymin, ymax = (min(ys), max(ys)) if self.ylim is None else self.ylim
        if ymin == ymax:
            ymin, ymax = ymin - 1, ymax + 1
        return min(xs), max(xs), ymin, ymax


@dataclass(frozen=True)
class DigitPanel:
    """One input image beside the network's output distribution a^{(L)}.

    ``image`` is a tuple of rows of grey levels in [0, 1] (1 = ink);
    ``probabilities`` the n outputs (they sum to 1); ``correct`` and
    ``predicted`` are class indices counted from 0, as digits are.
    """

    image: tuple
    probabilities: tuple
    correct: int
    predicted: int
    title: str = ""

    def __post_init__(self):
        rows = tuple(tuple(float(v) for v in row) for row in self.image)
        if not rows or len({len(r) for r in rows}) != 1:
            raise ValueError(f"image must be a non-empty rectangle of numbers, got {len(rows)} rows")
        if any(not (0.0 <= v <= 1.0) for r in rows for v in r):
            raise ValueError("image grey levels must lie in [0, 1]")
        probs = tuple(float(p) for p in self.probabilities)
        if any(not (0.0 <= p <= 1.0) for p in probs) or abs(sum(probs) - 1.0) > 1e-6:
            raise ValueError(f"probabilities must lie in [0, 1] and sum to 1, got sum {sum(probs)!r}")
        for name in ("correct", "predicted"):
            value = getattr(self, name)
            if not 0 <= value < len(probs):
                raise ValueError(f"{name} must be a class index in 0..{len(probs) - 1}, got {value!r}")
        object.__setattr__(self, "image", rows)
        object.__setattr__(self, "probabilities", probs)


@dataclass(frozen=True)
class FigureGrid:
    """Several plots side by side, ``columns`` to a row."""

    plots: tuple
    columns: int = 2

    def __post_init__(self):
        if not self.plots:
            raise ValueError("a figure needs at least one plot")
        if self.columns < 1:
            raise ValueError(f"columns must be positive, got {self.columns!r}")


def nice_ticks(low, high, count=5):
    """About ``count`` round tick values covering [low, high] (1, 2 or 5 times a power of 10).

    >>> nice_ticks(0.0, 1.0)
    (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    """
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        raise ValueError(f"need finite low < high, got {low!r}, {high!r}")
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return tuple(round(k * step, 10) + 0.0 for k in range(first, last + 1))
