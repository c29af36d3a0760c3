"""The session records each pack offers, and their examples."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from supervision_forms import PackRegistry

RECORDS = [
    ("portsmouth", "case_record"),
    ("portsmouth", "general_record"),
    ("surrey", "cancellation"),
    ("sefton", "general_record"),
]
RECORD_IDS = [f"{pack}-{kind}" for pack, kind in RECORDS]


@pytest.fixture(scope="session")
def record_examples(packs: PackRegistry) -> dict[tuple[str, str], BaseModel]:
    return {(pack, kind): packs.get(pack).example(kind) for pack, kind in RECORDS}
