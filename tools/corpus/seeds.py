"""The councils' original forms as the seeds print them: lines of printed text to build from."""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
FILES = {"portsmouth": "000_", "surrey": "001_", "sefton": "002_"}


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).casefold().strip()


class Seed:
    """The printed lines of one council's original form, found by how they start."""

    def __init__(self, council: str, folder: Path = SEEDS) -> None:
        matches = sorted(folder.glob(FILES[council] + "*.txt"))
        if not matches:
            raise FileNotFoundError(f"no seed for {council} in {folder}")
        text = matches[0].read_text(encoding="utf-8")
        self.lines = [line.strip() for line in text.splitlines() if line.strip()]

    def line(self, start: str) -> str:
        """The first printed line that starts with `start` (compared loosely)."""
        wanted = _key(start)
        for line in self.lines:
            if _key(line).startswith(wanted):
                return line
        raise KeyError(f"no seed line starts with {start!r}")

    def after(self, start: str, count: int) -> list[str]:
        """`count` lines following the line that starts with `start`."""
        first = self.lines.index(self.line(start))
        return self.lines[first + 1 : first + 1 + count]

    def bullets(self, start: str) -> list[str]:
        """The bullet lines ("· ...") straight after the line that starts with `start`."""
        first = self.lines.index(self.line(start))
        found = []
        for line in self.lines[first + 1 :]:
            if not line.startswith("·"):
                if found:
                    break
                continue
            found.append(line.lstrip("· ").strip())
        return found
