"""Fixtures of the grading tests; pytester (enabled for the suite in pyproject.toml) runs pytest inside them."""

from __future__ import annotations

import shutil

import pytest

# Imported here, before any pytester run takes its snapshot of sys.modules, so
# that the runs share them instead of importing (and rewriting) them again.
# (The plugin module itself is left for pytest to import, so that it can rewrite it.)
import proofs.grading.failure  # noqa: F401
import proofs.grading.hints  # noqa: F401
import proofs.reader.report  # noqa: F401
from grading_tools import COURSE

@pytest.fixture
def course(pytester):
    """A copy of the sample course repository in pytester's temporary folder."""
    for item in COURSE.iterdir():
        target = pytester.path / item.name
        if item.is_dir():
            shutil.copytree(item, target)
        else:
            shutil.copy(item, target)
    return pytester
