"""`python -m supervision_forms` runs the command line."""

from .cli import main

main()
