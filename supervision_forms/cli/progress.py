"""The progress bar of the long commands (batch, extract)."""

from __future__ import annotations

from tqdm import tqdm


class ProgressBar(tqdm):  # type: ignore[type-arg]
    """tqdm without its monitor thread: the commands fork their worker processes, which is
    safe only while the process has no other thread."""

    monitor_interval = 0
