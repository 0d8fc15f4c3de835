"""The examples in the public docstrings run as written."""

import doctest
import importlib

import pytest


@pytest.mark.parametrize("name", ["proofs", "proofs.testing", "proofs.relations", "proofs.counterexamples",
                                  "numeric.output_layer"])
def test_docstring_examples(name):
    failures, tried = doctest.testmod(importlib.import_module(name), verbose=False)
    assert tried > 0 and failures == 0
