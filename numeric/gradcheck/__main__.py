"""Entry point of ``python -m numeric.gradcheck``."""

import sys

from .cli import main

sys.exit(main())
