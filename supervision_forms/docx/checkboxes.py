"""Choices shown as tick boxes ("☒ Child protection"): a choice field (or a list of
choices) is printed as one box per option, each on its own line, ticked where chosen.
Reading them back: `reading/ticks.py`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CHECKED = "☒"
UNCHECKED = "☐"


def checkbox_text(value: Any, labels: Mapping[str, str]) -> str:
    """One line per option, ticked where `value` (a choice or a list of them) holds it.

    A value that is not among the options is printed as it is, without boxes, so it
    is never lost (templates are checked with marker values this way)."""
    chosen = [] if value is None else list(value) if isinstance(value, list | tuple) else [value]
    strays = [str(item) for item in chosen if item not in labels]
    if strays:
        return "\n".join(strays)
    return "\n".join(
        f"{CHECKED if option in chosen else UNCHECKED} {label}" for option, label in labels.items()
    )
