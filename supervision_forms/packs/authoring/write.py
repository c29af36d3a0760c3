"""Writing a new pack: the template (the council's form with tags), the pack file, the example."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from ...docx.form import (
    Form,
    FormParagraph,
    append_text,
    loop_rows,
    paragraph_after,
    paragraph_before,
    replace_text,
)
from ...errors import PackError
from ..spec import ExtraSpec
from .assign import Mapped
from .places import InEmpty, InRows, InText
from .text import fold

ANNEX = "{{p annex }}"


def template(form: Form, mapped: list[Mapped], annex_before: str | None = None) -> bytes:
    """The council's form with each place's tag in it, everything else untouched (and the
    annex placed before the printed text `annex_before`, where the author asks for that)."""
    if annex_before:
        wanted = fold(annex_before)
        anchor = next((p for p in form.paragraphs if wanted and fold(p.text).startswith(wanted)), None)
        if anchor is None:
            raise PackError(f"annex_before: “{annex_before[:60]}” is not printed on the form")
        paragraph_before(anchor, ANNEX)
    by_paragraph: dict[int, list[tuple[int, Mapped]]] = defaultdict(list)
    rows: list[Mapped] = []
    for item in mapped:
        edit = item.slot.edit
        if isinstance(edit, InRows):
            rows.append(item)
        elif isinstance(edit, InText):
            by_paragraph[edit.paragraph.number].append((edit.start, item))
        else:
            by_paragraph[edit.paragraph.number].append((10**9, item))
    for edits in by_paragraph.values():
        for _, item in sorted(edits, key=lambda e: -e[0]):  # from the end: earlier offsets stay true
            _put(form, item)
    for item in sorted(rows, key=lambda m: -m.slot.order):
        edit = item.slot.edit
        assert isinstance(edit, InRows)
        if item.loop:
            loop_rows(edit.table, edit.first, edit.last, item.loop, item.columns)
        else:  # no list: the first cell of the first row holds the text
            cell = edit.table.rows[edit.first].at(next(iter(item.columns)))
            if cell is not None and cell.paragraphs:
                append_text(cell.paragraphs[0], next(iter(item.columns.values())))
    return form.to_bytes()


GLUED = ":;,?!)"  # a label's last character that a leader may follow with no space
OWN_FIELD_KEYS = {"label", "place", "empty", "aliases"}  # what pack init writes of a field


def tag(item: Mapped) -> str:
    if item.slot.value == "choice":  # a choice, or a list of them (topics[]), as tick boxes
        return "{{ " + item.paths[0].removesuffix("[]") + "|checkboxes }}"
    return " ".join("{{ " + path + " }}" for path in item.paths)


def _put(form: Form, item: Mapped) -> None:
    edit = item.slot.edit
    text = tag(item)
    if isinstance(edit, InEmpty):  # several fields in one place: a paragraph each
        first, *more = [text] if len(item.paths) == 1 else ["{{ " + path + " }}" for path in item.paths]
        append_text(edit.paragraph, first)
        for other in reversed(more):
            paragraph_after(edit.paragraph, other)
        form.reread(edit.paragraph)
        return
    assert isinstance(edit, InText)
    paragraph = edit.paragraph
    shown = paragraph.text
    before = shown[edit.start - 1] if edit.start > 0 else " "
    if not before.isspace() and (edit.start == edit.end or before.isalnum() or before in GLUED):
        text = " " + text  # "Name of supervisee:" then the answer; "Date……" becomes "Date 2 March"
    if edit.end < len(shown) and shown[edit.end].isalnum():
        text += " "  # "……Review date" becomes "… Review date"
    replace_text(paragraph, edit.start, edit.end, text, plain=True)
    for gone in edit.drop:
        _remove(gone)
    form.reread(paragraph)


def _remove(paragraph: FormParagraph) -> None:
    parent = paragraph.element.getparent()
    if parent is not None:
        parent.remove(paragraph.element)


# --- the pack file -------------------------------------------------------------------------


def quote(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def document_section(
    kind: str,
    *,
    title: str,
    template_name: str,
    example_name: str,
    blank_name: str,
    prompts: list[str],
    mapped: list[Mapped],
    extras: Mapping[str, ExtraSpec],
    kept: Mapping[str, Mapping[str, Any]],
    more: Mapping[str, Any] | None = None,
    default_empty: str = "",
) -> str:
    """The `[documents.<kind>]` part of the pack file, with `# check:` above each place a
    person should look at."""
    lines = [
        f"[documents.{kind}]",
        f"template = {quote(template_name)}",
        f"title = {quote(title)}",
        f"example = {quote(example_name)}",
        f"blank = {quote(blank_name)}",
    ]
    if prompts:
        lines.append("prompts = [" + ", ".join(quote(p) for p in prompts) + "]")
    for key, value in (more or {}).items():  # the author's own settings, as they were
        lines.append(f"{key} = {_value(value)}")
    lines += ["", f"[documents.{kind}.fields]"]
    for item in mapped:
        slot = item.slot
        if item.check:
            lines.append(f"# check: “{_short(slot.label)}” ({slot.source}): {item.note}")
        for path in _field_paths(item):
            spec: dict[str, Any] = {
                "label": item.printed_label if slot.value != "rows" else _column_label(item, path)
            }
            spec["place"] = item.where
            if slot.empty != default_empty and slot.value != "rows":
                spec["empty"] = slot.empty  # what the blank form shows there
            previous = kept.get(path, {})
            if previous.get("aliases"):
                spec["aliases"] = list(previous["aliases"])
            if "empty" in previous and item.kept:
                spec["empty"] = previous["empty"]
            if item.kept:  # the author's other settings of the field (new_line, say) stay
                spec.update({k: v for k, v in previous.items() if k not in OWN_FIELD_KEYS})
            lines.append(f"{quote(path)} = {_inline(spec)}")
    for name, extra in extras.items():
        lines += [
            "",
            f"[documents.{kind}.extra.{name}]",
            f"title = {quote(extra.title)}",
            f"type = {quote(extra.type)}",
        ]
        if extra.choices:
            lines.append("choices = [" + ", ".join(quote(c) for c in extra.choices) + "]")
        if extra.special_category:
            lines.append("special_category = true")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _field_paths(item: Mapped) -> list[str]:
    return [p.removesuffix("[]") for p in item.paths]


def _column_label(item: Mapped, path: str) -> str:
    """A list field's label: the heading of its column."""
    part = path.split("[].", 1)[1] if "[]." in path else ""
    for column, expression in item.columns.items():
        if (part and f"a.{part} " in expression) or (not part and expression == "{{ d }}"):
            return next(head for col, head in item.slot.columns if col == column)
    return item.slot.label


def _inline(spec: Mapping[str, Any]) -> str:
    return "{ " + ", ".join(f"{key} = {_value(value)}" for key, value in spec.items()) + " }"


def _value(value: Any) -> str:
    """A TOML value: text, a truth value, a number, a list or an inline table."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return _inline(value)
    return quote(str(value))


def head_section(name: str, title: str, council: str) -> str:
    return "\n".join(
        [
            f"# {council}: a pack made by `supervision-forms pack init` from the council's blank form.",
            "# Check the places marked `# check:`, then run `supervision-forms pack test` on this folder.",
            f"name = {quote(name)}",
            f"title = {quote(title)}",
            'version = "1.0"',
            f"council = {quote(council)}",
            "",
        ]
    )
