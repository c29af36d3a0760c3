"""`python -m tools.forms [--pdf] [--keep DIR]`: the per-council table of `pack init`."""

import sys

from .measure import main

sys.exit(main(sys.argv[1:]))
