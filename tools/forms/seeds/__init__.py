"""Our three councils' forms as they print them, blank (seeds 000-004), made into the packs'
templates by `pack init` with each pack's hand-edited pack.toml (tools/build_packs.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docx.document import Document as DocxDocument

from . import (
    portsmouth,
    portsmouth_case_record,
    portsmouth_general_record,
    sefton,
    sefton_general_record,
    surrey,
    surrey_cancellation,
)


@dataclass(frozen=True)
class Blank:
    """One blank form: the pack it makes and which of its documents."""

    council: str
    document: str
    build: Callable[[], DocxDocument]

    @property
    def file(self) -> str:
        return f"{self.council}-{self.document}.docx"


BLANKS = (
    Blank("portsmouth", "agreement", portsmouth.build),
    Blank("portsmouth", "case_record", portsmouth_case_record.build),
    Blank("portsmouth", "general_record", portsmouth_general_record.build),
    Blank("surrey", "agreement", surrey.build),
    Blank("surrey", "cancellation", surrey_cancellation.build),
    Blank("sefton", "agreement", sefton.build),
    Blank("sefton", "general_record", sefton_general_record.build),
)
