"""What a parse returns: the model plus the messages that go with it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Generic, cast

from pydantic import BaseModel
from typing_extensions import TypeVar

from ..errors import WrongDocument

M = TypeVar("M", bound=BaseModel, default=BaseModel)
N = TypeVar("N", bound=BaseModel)


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
class ParseResult(Generic[M]):
    """A parsed document: `data` is the model; warnings and unmapped text come with it.

    `parse()` can find any kind of document; `expect` narrows the result to the model
    you need (`parse(f).expect(Agreement).data.supervisee.name` type-checks)."""

    pack: str
    document: str
    data: M
    warnings: list[ReadWarning] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field path -> where it was read
    confidence: float = 1.0  # how sure the detection of pack and document is
    field_confidence: dict[str, float] = field(default_factory=dict)  # field path -> 0..1
    source_format: str = (
        "docx"  # the file's format: docx, pdf, an old one converted (doc, rtf, odt), an image
    )
    read_by: str = "text"  # "ocr" when every page was read by OCR, "text+ocr" when some were
    ocr_pages: tuple[int, ...] = ()  # the pages read by OCR, from 1

    def expect(self, model: type[N]) -> ParseResult[N]:
        """This result typed as `model`; `WrongDocument` when it holds another kind."""
        if not isinstance(self.data, model):
            raise WrongDocument(f"the document read is {self.document!r}, not {model.__name__}")
        return cast("ParseResult[N]", replace(self))

    def envelope(self) -> dict[str, Any]:
        """The JSON envelope of the public contract, with each field read's confidence."""
        return {
            "pack": self.pack,
            "document": self.document,
            "format": self.source_format,
            **({"read_by": self.read_by, "ocr_pages": list(self.ocr_pages)} if self.ocr_pages else {}),
            "data": self.data.model_dump(mode="json"),
            "warnings": [vars(w) for w in self.warnings],
            "unmapped": [vars(u) for u in self.unmapped],
            "confidence": dict(self.field_confidence),
        }
