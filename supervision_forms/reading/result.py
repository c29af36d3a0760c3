"""What a parse returns: the model plus the messages that go with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class ReadWarning:
    """A recoverable oddity: the field it concerns, what happened, and where in the file."""

    field: str
    message: str
    source: str = ""


@dataclass(frozen=True)
class Unmapped:
    """Filled-in text no field took, kept so nothing a person wrote is lost."""

    text: str
    source: str = ""


@dataclass
class ParseResult:
    """A parsed document: `data` is the model; warnings and unmapped text come with it."""

    pack: str
    document: str
    data: BaseModel
    warnings: list[ReadWarning] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where it was read
    confidence: float = 1.0
    source_format: str = "docx"  # the file's format: docx, pdf, or an old one converted (doc, rtf, odt)

    def envelope(self) -> dict[str, Any]:
        """The JSON envelope of the public contract."""
        return {
            "pack": self.pack,
            "document": self.document,
            "format": self.source_format,
            "data": self.data.model_dump(mode="json"),
            "warnings": [vars(w) for w in self.warnings],
            "unmapped": [vars(u) for u in self.unmapped],
        }
