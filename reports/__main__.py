"""``python -m reports`` is ``python -m reports.build``."""

import sys

from .build import main

sys.exit(main())
