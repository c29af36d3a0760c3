"""LibreOffice's own outputs: re-saves, PDF exports and the archive formats."""

from __future__ import annotations

from pathlib import Path

from ..item import Job
from ..office import convert


def _sources(job: Job) -> list[Path]:
    return [job.out / "docx" / f"{name}.docx" for name in job.names]


def _convert(job: Job, producer: str, extension: str) -> None:
    convert(_sources(job), extension, job.folder(producer))


def resaved(job: Job) -> None:
    _convert(job, "resaved", "docx")


def pdf(job: Job) -> None:
    _convert(job, "pdf", "pdf")


def doc(job: Job) -> None:
    _convert(job, "doc", "doc")


def dot(job: Job) -> None:
    _convert(job, "dot", "dot")


def rtf(job: Job) -> None:
    _convert(job, "rtf", "rtf")


def odt(job: Job) -> None:
    _convert(job, "odt", "odt")


def dotx(job: Job) -> None:
    _convert(job, "dotx", "dotx")
