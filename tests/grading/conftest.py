"""Shared helpers of the grading tests: where the sample files are, how pytester loads the plugin."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

# Imported here, before any pytester run takes its snapshot of sys.modules, so
# that the runs share them instead of importing (and rewriting) them again.
# (The plugin module itself is left for pytest to import, so that it can rewrite it.)
import proofs.grading.failure  # noqa: F401
import proofs.grading.hints  # noqa: F401
import proofs.latex.report  # noqa: F401

pytest_plugins = ["pytester"]

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


@pytest.fixture
def course(pytester):
    """A copy of the sample course repository in pytester's temporary folder."""
    import shutil

    for item in COURSE.iterdir():
        target = pytester.path / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy(item, target)
    return pytester
