"""Reading forms we did not make: councils' own layouts, filled in by hand, in Word or PDF.

The pack file says, for each field, its printed label and where the answer sits
(right, below, after, dots, table, signature). The reader lays the document out as
pieces of text with their places (`layout`), finds each label (`labels`), takes the
answer from its place (`places`, `tables`), cleans it of prompts, dot leaders and tick
boxes (`answers`), and converts it like any other read (`read`). Text no field takes
is kept in `unmapped`. Which pack's form a document is: `detect`.
"""

from __future__ import annotations

from .layout import Layout, from_body, from_pages
from .read import read_form

__all__ = ["Layout", "from_body", "from_pages", "read_form"]
