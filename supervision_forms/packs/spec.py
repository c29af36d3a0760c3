"""The declarative pack file (pack.toml): which label and place holds each model path."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models.common import EXTRA_NAME, RESERVED_EXTRA_NAMES

Place = Literal["right", "below", "after", "before", "dots", "table", "signature"]
PACK_NAME = r"^[a-z][a-z0-9_-]{1,39}$"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldSpec(_Strict):
    """Where one model path lives on the council's form."""

    label: str = Field(description="the printed label or prompt beside the answer")
    place: Place = Field(
        "right",
        description="where the answer sits relative to the label (before: on its line, ahead of it, "
        "as in 'Xxx Advanced Practitioner')",
    )
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
ExtraType = Literal["text", "date", "dates", "choice"]
CHOICE_ID = r"[^a-z0-9]+"


class ExtraSpec(_Strict):
    """A field the council's form adds (kept under `extra.<name>` in the model)."""

    title: str = Field(min_length=1, max_length=200, description="what the field is, in words")
    type: ExtraType = Field("text", description="text, date, dates (a list of dates) or choice")
    choices: tuple[str, ...] = Field((), description="a choice's options, as printed on the form")
    special_category: bool = Field(False, description="health, ethnicity, religion and the like (Art. 9)")

    @model_validator(mode="after")
    def _choices_fit(self) -> ExtraSpec:
        if self.type == "choice" and not self.choices:
            raise ValueError("a choice needs its options in 'choices'")
        if self.type != "choice" and self.choices:
            raise ValueError("only a choice has 'choices'")
        if len(set(choice_values(self.choices))) != len(self.choices):
            raise ValueError("two options of the choice read the same")
        return self

    def options(self) -> dict[str, str]:
        """Each option's value (its words in lower case, joined by '_') and printed label."""
        return dict(zip(choice_values(self.choices), self.choices, strict=True))


def choice_values(labels: tuple[str, ...]) -> list[str]:
    return [re.sub(CHOICE_ID, "_", label.casefold()).strip("_")[:60] or "option" for label in labels]


class DocumentSpec(_Strict):
    template: str = Field(pattern=TEMPLATE_NAME, description="the Word template, a file in the pack folder")
    title: str
    example: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.json$",
        description="a complete example as JSON, in the pack folder",
    )
    prompts: list[str] = Field(default_factory=list, description="printed prompts that are never answers")
    blank: str | None = Field(
        None, pattern=TEMPLATE_NAME, description="the council's blank form, in the pack folder (for lint)"
    )
    annex_before: str | None = Field(
        None,
        max_length=200,
        description="pack init puts the annex before the paragraph starting with this printed text "
        "(else it goes before the signatures)",
    )
    fields: dict[str, FieldSpec]
    printed: dict[str, PrintedFact] = Field(
        default_factory=dict,
        description="values the form's printed text states: not repeated in the annex; data that "
        "says otherwise is shown there with a render warning",
    )
    extra: dict[str, ExtraSpec] = Field(default_factory=dict, description="fields the council's form adds")

    @model_validator(mode="after")
    def _extra_names(self) -> DocumentSpec:
        for name in self.extra:
            if not EXTRA_NAME.match(name) or name in RESERVED_EXTRA_NAMES:
                raise ValueError(f"extra field name '{name[:40]}' must be lower case letters, digits and '_'")
        return self


class PackSpec(_Strict):
    name: str = Field(pattern=PACK_NAME)
    title: str
    version: str
    council: str
    empty: str = Field("", description="what an empty field shows unless the field says otherwise")
    rules: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.toml$",
        description="the council's written rules (the standards' rule format), in the pack folder",
    )
    documents: dict[str, DocumentSpec]
