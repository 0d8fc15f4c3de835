"""``python -m proofs`` is ``python -m proofs.verify``."""

import sys

from .verify import run

sys.exit(run())
