"""Shared helpers of the grading tests: where the sample files are, how pytester loads the plugin."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

HERE = Path(__file__).parent
COURSE = HERE / "course"
ANSWERS = HERE / "answers"
PLUGIN = "proofs.grading.pytest_plugin"
#: Few values of n keep the tests fast; general n and n = 2 already refute every planted mistake.
FAST_N = "general,2"


def plugin_args():
    """``-p proofs.grading.pytest_plugin`` unless the plugin is already registered as an entry point.

    Registering the same module twice (once by the entry point, once by
    ``-p``) is an error in pytest, so the tests work both before and after the
    ``pytest11`` entry point is added.
    """
    # Hypothesis's plugin has nothing to do in these runs and its summary is slow to make.
    quiet = ["-p", "no:hypothesispytest"]
    for entry in importlib.metadata.entry_points(group="pytest11"):
        if entry.value == PLUGIN:
            return quiet
    return quiet + ["-p", PLUGIN]
