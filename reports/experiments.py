"""The NumPy network's data for the handouts' figures, from :mod:`numeric.experiments`.

The digits figure needs scikit-learn's handwritten digits; without
scikit-learn the synthetic 8x8 images of :mod:`numeric.digits` stand in (and
the caption says so).  If :mod:`numeric` itself is unavailable the figures are
replaced by a sentence saying what is missing.  Seeds are fixed here, so two
builds give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = ["ExperimentData", "experiment_data", "choose_digits", "SEED", "DIGITS_SHOWN", "FIRST_DIGIT"]

SEED = 0
"""The seed of every experiment in the handouts."""

DIGITS_SHOWN = 6
"""How many held-out digits the output-distribution figure shows."""

FIRST_DIGIT = 4
"""The digit shown first: the lecture's example reads a_4 as the probability that the input is a 4."""

_CANDIDATES = 60
"""How many held-out digits are looked at to choose the ones shown."""


@dataclass(frozen=True)
class ExperimentData:
    """Plain data for the figures; ``None`` where a figure cannot be made.

    ``digits`` is a tuple of dicts with ``image`` (rows of grey levels in
    [0, 1]), ``probabilities`` (a^{(L)}), ``correct`` and ``predicted``;
    ``slowdown`` is the dict of :func:`numeric.experiments.slowdown_experiment`.
    """

    digits: Optional[tuple] = None
    synthetic: bool = False
    slowdown: Optional[dict] = None


def _panels(items):
    return tuple({"image": tuple(tuple(float(v) for v in row) for row in item["image"]),
                  "probabilities": tuple(float(p) for p in item["a"]),
                  "correct": int(item["label"]), "predicted": int(item["predicted"])} for item in items)


def choose_digits(items, count=DIGITS_SHOWN, first=FIRST_DIGIT):
    """``count`` of the network's outputs: a ``first`` first, then other digits each once (repeating
    digits only if too few differ), and last the one the network is least sure about (the last item of
    :func:`numeric.experiments.output_distributions`)."""
    items = list(items)
    if len(items) <= count:
        return tuple(items)
    pool = list(range(len(items) - 1))
    label = lambda k: int(items[k]["label"])  # noqa: E731
    picked = [k for k in pool if label(k) == first][:1]
    for k in pool:
        if len(picked) < count - 1 and k not in picked and label(k) not in {label(q) for q in picked}:
            picked.append(k)
    for k in pool:
        if len(picked) < count - 1 and k not in picked:
            picked.append(k)
    return tuple(items[k] for k in picked) + (items[-1],)


def experiment_data(seed=SEED):
    """The figures' data: real digits if scikit-learn is installed, else synthetic ones."""
    try:
        from numeric.digits import DemoDependencyError
        from numeric.experiments import output_distributions, slowdown_experiment
    except ImportError:
        return ExperimentData()
    source, synthetic = "digits", False
    try:
        items = output_distributions(data=source, count=_CANDIDATES, seed=seed)
    except DemoDependencyError:
        source, synthetic = "synthetic", True
        items = output_distributions(data=source, count=_CANDIDATES, seed=seed)
    items = choose_digits(items)
    slowdown = slowdown_experiment(data=source, seed=seed)
    return ExperimentData(digits=_panels(items), synthetic=synthetic, slowdown=slowdown)
