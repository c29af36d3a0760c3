"""The user's cache folder: files made once and kept only to save time (Tesseract's word
list and slim Latin model, LibreOffice's extension registration, reading's knowledge of
each pack document). Never data."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = "supervision-forms"


def user_cache() -> Path | None:
    """`$XDG_CACHE_HOME/supervision-forms`, else `~/.cache/supervision-forms` (a relative
    `XDG_CACHE_HOME` is ignored, as the XDG spec says); None when there is no home."""
    given = Path(os.environ.get("XDG_CACHE_HOME") or "")
    if given.is_absolute():
        return given / FOLDER
    try:
        return Path.home() / ".cache" / FOLDER
    except (RuntimeError, KeyError):
        return None
