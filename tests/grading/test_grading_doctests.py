"""The examples in the docstrings of proofs.grading run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["options", "endpoints", "text", "notebook"]


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_hold(name):
    module = importlib.import_module(f"proofs.grading.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
