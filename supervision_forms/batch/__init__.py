"""Batch generation: one document per roster row, written safely, resumable, fast.

>>> from supervision_forms.batch import Roster, generate
>>> with Roster(Path("team.xlsx"), Agreement) as rows:
...     report = generate(rows, pack="surrey", out=Path("agreements"), jobs=2)
>>> report.summary()
'12 rows: 12 written, 0 updated, 0 unchanged, 0 failed'
"""

from .engine import generate, merge_under
from .report import BatchReport, RowResult, Status
from .roster_template import write_roster_template
from .rosters import Roster, RosterRow

__all__ = [
    "BatchReport",
    "Roster",
    "RosterRow",
    "RowResult",
    "Status",
    "generate",
    "merge_under",
    "write_roster_template",
]
