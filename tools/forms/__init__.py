"""Councils' blank supervision forms as Word documents, blank or filled in by hand.

Each module builds one council's form with `kit.Form`; `COUNCILS` lists them. The truth
of each form (its answer places and their model paths) comes with it, so `pack init`
can be measured against it (tests/packs/test_councils.py, `python -m tools.forms`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import hcpc, scie, solihull, southwark, west_berkshire
from .kit import Form


@dataclass(frozen=True)
class Council:
    name: str  # the pack name
    council: str
    title: str
    build: Callable[[Form], None]


COUNCILS = (
    Council("solihull", "Solihull Metropolitan Borough Council", solihull.TITLE, solihull.build),
    Council("west-berkshire", "West Berkshire Council", west_berkshire.TITLE, west_berkshire.build),
    Council("southwark", "London Borough of Southwark", southwark.TITLE, southwark.build),
    Council("scie", "Social Care Institute for Excellence (model contract)", scie.TITLE, scie.build),
    Council("hcpc", "HCPC template, as published by the BDA", hcpc.TITLE, hcpc.build),
)
