"""The annex: values a layout has no place for, so nothing is dropped.

It sits where the template puts `{{p annex }}` (by default before the signature block:
`docx/layout.py`) and reads as a short two-column table: a label, then the value. A list
of dates or choices is one line. Values the council's form already prints are not shown
again; they are kept as hidden text, so the document still reads back exactly.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from markupsafe import escape
from pydantic import BaseModel

from ..models.common import Person
from ..models.paths import leaves, title_of
from .bookmarks import concrete_name
from .runs import run_text

ANNEX_LEAD = "Further details recorded in this"
ANNEX_HEADING = f"{ANNEX_LEAD} agreement"
LIST_SEPARATOR = "; "
LABEL_FILL = "F2F2F2"
LABEL_SHARE = 0.36  # of the table's width
MAX_LIST_ITEMS = 60  # list items the readers look for in an annex


@dataclass(frozen=True)
class AnnexItem:
    """One row of the annex: its label, and the value (several for a list on one line),
    each as (concrete model path, text). `hidden`: the form already prints it."""

    label: str
    values: tuple[tuple[str, str], ...]
    hidden: bool = False


def annex_heading(document_title: str) -> str:
    """The annex heading for a document: "Further details recorded in this <title>"."""
    return f"{ANNEX_LEAD} {document_title}" if document_title.strip() else ANNEX_HEADING


# --- labels ----------------------------------------------------------------------------


@cache
def annex_label(model: type[BaseModel], path: str) -> str:
    """A label a person would write for a path: "Supervisor's role", "Career stage",
    "Dates of supervision meetings", "Decisions 2: by when"."""
    titles, parents = _titles(model, path)
    if len(titles) == 1:
        return titles[0]
    leaf, parent = titles[-1], titles[-2]
    in_list = any(part.isdigit() for part in path.split("."))
    of_person = parents[-1] is not None and issubclass(parents[-1], Person)
    if len(titles) == 2 and not in_list and not of_person and _unique(model, leaf):
        return leaf
    if of_person and "'" not in parent:
        return f"{parent}'s {_lower_first(leaf)}"
    return f"{parent}: {_lower_first(leaf)}"


def _titles(model: type[BaseModel], path: str) -> tuple[list[str], list[type[BaseModel] | None]]:
    """The title of each step of a concrete path ("Decisions 2" for an item), and the
    model each step's field belongs to."""
    titles: list[str] = []
    owners: list[type[BaseModel] | None] = []
    cls: typing.Any = model
    for part in path.replace("[]", "").split("."):
        if part.isdigit():
            titles[-1] = f"{titles[-1]} {int(part) + 1}"
            continue
        fields = cls.model_fields if isinstance(cls, type) and issubclass(cls, BaseModel) else {}
        info = fields.get(part)
        if info is None:  # a field the pack does not declare, kept in `extra`: its name in words
            titles.append(part.replace("_", " ").strip().capitalize() or part)
            owners.append(None)
            cls = None
            continue
        titles.append(info.title or part)
        owners.append(cls)
        core = _core(info.annotation)
        cls = core
    return titles, owners


def _core(annotation: typing.Any) -> typing.Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is not None and type(None) in typing.get_args(annotation):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _unique(model: type[BaseModel], title: str) -> bool:
    return sum(1 for leaf in leaves(model) if leaf.title == title) == 1


def _lower_first(title: str) -> str:
    first = title.split(" ", 1)[0]
    return title if first.isupper() and len(first) > 1 else title[:1].lower() + title[1:]


@cache
def annex_labels(model: type[BaseModel]) -> dict[str, str]:
    """Every label an annex of this model may print (and the "Section: Field" labels of
    older documents), each with its path: a whole list ends in "[]"; an item of a list of
    objects is concrete ("decisions.1.due"). Keys are as printed; readers normalise them."""
    labels: dict[str, str] = {}
    for leaf in leaves(model):
        if leaf.path.endswith("[]") and leaf.path.count("[]") == 1:
            labels[annex_label(model, leaf.path.removesuffix("[]"))] = leaf.path
        for number in range(MAX_LIST_ITEMS) if "[]" in leaf.path else [None]:
            concrete = leaf.path if number is None else leaf.path.replace("[]", f".{number}")
            labels.setdefault(title_of(model, concrete), concrete)
            if not leaf.path.endswith("[]"):
                labels.setdefault(annex_label(model, concrete), concrete)
    return labels


# --- XML -------------------------------------------------------------------------------


def annex_xml(
    items: Sequence[AnnexItem], ids: Iterator[int], heading: str = ANNEX_HEADING, width: int = 9026
) -> str:
    """Body XML for the annex: a heading and a two-column table of the shown items, then
    the hidden ones; '' when there are none."""
    if not items:
        return ""
    shown = [item for item in items if not item.hidden]
    parts: list[str] = []
    if shown:
        parts.append(
            '<w:p><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>'
            f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(heading)}</w:t></w:r></w:p>'
        )
        parts.append(_table(shown, ids, width))
    for item in items:
        if item.hidden:
            parts.append(_hidden(item, ids))
    if shown:
        parts.append('<w:p><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>')  # keeps tables apart
    return "".join(parts)


_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
_BORDERS = "".join(f"<w:{side} {_BORDER}/>" for side in _SIDES)
_SPACING = '<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>'
_VANISH = "<w:rPr><w:vanish/></w:rPr>"


def _table(items: Sequence[AnnexItem], ids: Iterator[int], width: int) -> str:
    label_width = int(width * LABEL_SHARE)
    value_width = width - label_width
    rows = "".join(_row(item, ids, label_width, value_width) for item in items)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblBorders>{_BORDERS}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{label_width}"/><w:gridCol w:w="{value_width}"/></w:tblGrid>'
        f"{rows}</w:tbl>"
    )


def _row(item: AnnexItem, ids: Iterator[int], label_width: int, value_width: int) -> str:
    return (
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_label_cell(item.label, label_width)}"
        f'<w:tc><w:tcPr><w:tcW w:w="{value_width}" w:type="dxa"/></w:tcPr>'
        f"<w:p>{_SPACING}{_values(item, ids, '')}</w:p></w:tc></w:tr>"
    )


@lru_cache(maxsize=1024)
def _label_cell(label: str, width: int) -> str:
    """A row's label cell: the same for every document of a batch, so built once."""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{LABEL_FILL}"/></w:tcPr>'
        f'<w:p>{_SPACING}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(label)}:</w:t></w:r>'
        "</w:p></w:tc>"
    )


_bookmark_name = lru_cache(maxsize=4096)(concrete_name)


def _values(item: AnnexItem, ids: Iterator[int], run_properties: str) -> str:
    """Each value in its own bookmark, separated by "; "."""
    out: list[str] = []
    for index, (path, text) in enumerate(item.values):
        if index:
            out.append(f'<w:r>{run_properties}<w:t xml:space="preserve">{LIST_SEPARATOR}</w:t></w:r>')
        bid = next(ids)
        out.append(
            f'<w:bookmarkStart w:id="{bid}" w:name="{_bookmark_name(path)}"/>'
            f'<w:r>{run_properties}<w:t xml:space="preserve">{run_text(text)}</w:t></w:r>'
            f'<w:bookmarkEnd w:id="{bid}"/>'
        )
    return "".join(out)


def _hidden(item: AnnexItem, ids: Iterator[int]) -> str:
    """A paragraph Word and LibreOffice do not show or print (with its label, so a reader
    of the plain text still knows what it is)."""
    return (
        f"<w:p><w:pPr>{_VANISH}</w:pPr>"
        f'<w:r>{_VANISH}<w:t xml:space="preserve">{escape(item.label)}: </w:t></w:r>'
        f"{_values(item, ids, _VANISH)}</w:p>"
    )
