"""Make the helper modules of tests/soundness importable by the tests next to them."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
