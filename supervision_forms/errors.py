"""The library's exceptions. Everything it raises on bad input is a SupervisionFormsError."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:  # pydantic is imported by whoever raises its errors, never here
    from pydantic import ValidationError


class SupervisionFormsError(Exception):
    """Base class: the input could not be used. The message is safe to show a user;
    `reason` is its category, for counting files not read ("damaged", "encrypted")."""

    reason: ClassVar[str] = "unusable"


class UnknownPack(SupervisionFormsError):
    """No installed pack has that name, or it does not offer that document."""

    reason = "unknown pack"


class PackError(SupervisionFormsError):
    """A template pack is broken: bad pack file, unknown path, undeclared tag, duplicate name."""

    reason = "broken pack"


class TemplateSecurityError(PackError):
    """A pack's template holds something unsafe (macros, external links, unsafe Jinja)."""


class UnsupportedFormat(SupervisionFormsError):
    """Not a format this library reads."""

    reason = "unsupported"


class MissingFile(SupervisionFormsError):
    """The file (or the folder it should be written to) does not exist."""

    reason = "missing"


class CorruptDocument(SupervisionFormsError):
    """The file claims a format but cannot be read as one."""

    reason = "damaged"


class DocumentTooLarge(SupervisionFormsError):
    """The file, or what it unpacks to, is over the library's limits."""

    reason = "too large"


class EncryptedDocument(UnsupportedFormat):
    """The file is password-protected (or rights-managed): a kind of unsupported format."""

    reason = "encrypted"


class NeedsOcr(UnsupportedFormat):
    """A scan or image: its text can only be read by OCR, which is not available here."""

    reason = "need OCR"


class NotASupervisionForm(SupervisionFormsError):
    """The document reads fine but is not a form any installed pack knows."""

    reason = "not a supervision form"


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; `message` never contains the field's value."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InvalidData(SupervisionFormsError):
    """The data does not fit the model. `errors` names each field."""

    def __init__(self, errors: list[FieldError], where: str = "") -> None:
        self.errors = errors
        self.where = where
        if not errors:  # `where` says it all ("x.json: not valid JSON (line 1, column 1)")
            super().__init__(where or "invalid data")
            return
        head = f"{where}: " if where else ""
        shown = "; ".join(str(e) for e in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"{head}invalid data: {shown}{more}")

    @classmethod
    def from_validation(cls, error: ValidationError, where: str = "") -> InvalidData:
        """Build from pydantic's error without its input values (they may be personal data)."""
        found = []
        for item in error.errors(include_input=False, include_url=False):
            path = ".".join(str(p) for p in item["loc"])
            message = item["msg"].removeprefix("Value error, ")
            found.append(FieldError(path, message))
        return cls(found, where)


class RosterError(SupervisionFormsError):
    """A batch roster (or its defaults) cannot be used at all: unreadable file, unknown
    column, wrong format. A single bad row is not this: it is reported and skipped."""


class WrongDocument(SupervisionFormsError):
    """The document was read, but it is not the kind the caller asked for."""

    reason = "wrong kind of document"


class OutputFolderError(SupervisionFormsError):
    """A batch cannot write to its output folder: another batch holds it, or its manifest
    is damaged."""


class RenderWarning(UserWarning):
    """A document was rendered, but something in it deserves a look: for example a value
    that contradicts what the council's form prints. Issued with `warnings.warn` by
    `render()`; the message names the field, never its value."""
