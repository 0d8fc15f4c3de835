"""Skip a test when scikit-learn is missing, except in CI, where its absence is a failure."""

import os

import pytest


def require_sklearn():
    """Return the sklearn module; skip without it, or fail when the environment has CI=true."""
    if os.environ.get("CI") == "true":
        try:
            import sklearn
        except ImportError:
            pytest.fail("scikit-learn is missing in CI: install the demo extra "
                        "(pip install '.[demo]')")
        return sklearn
    return pytest.importorskip("sklearn")
