"""One filled form of the corpus, and the job a producer works on."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Item:
    """One filled form: its name, what it should read as, and how it was made."""

    council: str
    name: str
    truth: dict[str, object]  # the agreement as JSON
    style: object  # the form's Style (knobs recorded in truth.json)
    fields: list[str]  # the model paths this form has
    written: dict[str, str]  # path -> the text typed for it (to find it on a page)
    edition: str = "current"  # "current" or "older" (an earlier version of the council's form)


@dataclass(frozen=True)
class Job:
    """What a producer is given: the corpus folder, the forms' names, and the randomness."""

    out: Path
    names: list[str]
    seed: int
    held_out: bool = False

    def folder(self, name: str) -> Path:
        path = self.out / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def rng(self, producer: str, name: str) -> random.Random:
        """A random source for one file of one producer, reproducible from the corpus seed."""
        return random.Random(f"{self.seed}/{int(self.held_out)}/{producer}/{name}")
