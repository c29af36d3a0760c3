"""The declarative pack file (pack.toml): which label and place holds each model path."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Place = Literal["right", "below", "after", "dots", "table", "signature"]
PACK_NAME = r"^[a-z][a-z0-9_-]{1,39}$"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldSpec(_Strict):
    """Where one model path lives on the council's form."""

    label: str = Field(description="the printed label or prompt beside the answer")
    place: Place = Field("right", description="where the answer sits relative to the label")
    empty: str | None = Field(None, description="what the form shows when there is no answer")
    aliases: tuple[str, ...] = Field(
        (), description="other wordings of the label on copies of the form (read only, never printed)"
    )
    new_line: bool = Field(
        False, description="the rendered answer starts on a line of its own after the label (a question)"
    )


class PrintedFact(_Strict):
    """A value the council's form states in its printed text, for a field it has no place for."""

    value: str = Field(description="the value as it would be written in the data ('Sharepoint', '5')")
    text: str = Field(description="the printed words that state it, exactly as on the form")


TEMPLATE_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.docx$"


class DocumentSpec(_Strict):
    template: str = Field(pattern=TEMPLATE_NAME, description="the Word template, a file in the pack folder")
    title: str
    example: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.json$",
        description="a complete example as JSON, in the pack folder",
    )
    prompts: list[str] = Field(default_factory=list, description="printed prompts that are never answers")
    fields: dict[str, FieldSpec]
    printed: dict[str, PrintedFact] = Field(
        default_factory=dict,
        description="values the form's printed text states: not repeated in the annex; data that "
        "says otherwise is shown there with a render warning",
    )


class PackSpec(_Strict):
    name: str = Field(pattern=PACK_NAME)
    title: str
    version: str
    council: str
    empty: str = Field("", description="what an empty field shows unless the field says otherwise")
    documents: dict[str, DocumentSpec]
