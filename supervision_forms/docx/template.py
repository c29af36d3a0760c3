"""Compiling a Word template once and rendering it many times.

docxtpl's `patch_xml` tidies the tags Word splits across runs; after that we wrap each
field tag in a bookmark (so values can be found again), compile the XML with a sandboxed,
autoescaping Jinja environment, and render. We do not use docxtpl's render step: it
rewrites rendered *values* ("{_{" becomes "{{", bell and form feed become paragraph and
page breaks), which would corrupt what people wrote.
"""

from __future__ import annotations

import copy
import datetime
import functools
import itertools
import re
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.runtime import LoopContext
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from ..errors import PackError, TemplateSecurityError
from ..models.paths import MINUTES, in_minutes
from ..text.dates import MONTH_NAMES, format_date
from .bookmarks import DISPLAY_PREFIX, item_name, static_name
from .checkboxes import checkbox_text
from .fastzip import Entry, FixedPieces, PackageWriter
from .layout import DEFAULT_TEXT_WIDTH, LayoutHints, lay_out_body, text_width, tidy_package
from .package import DocxPackage
from .patch import patch_tags
from .properties import CORE_PART, CoreProperties, prepare
from .runs import run_text
from .security import read_template
from .xml import XML_SPACE, W, parse_xml, to_bytes

TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}|\{#.*?#\}", re.DOTALL)
FIELD_EXPR = re.compile(r"^\s*([A-Za-z_]\w*(?:\.\w+)*)\s*((?:\|\s*\w+(?:\(\s*\d*\s*\))?\s*)*)$")
FOR_STMT = re.compile(r"^\s*for\s+(\w+)\s+in\s+([A-Za-z_][\w.]*)\s*((?:\|\s*\w+(?:\(\s*\d*\s*\))?\s*)*)$")
ALLOWED_STATEMENTS = re.compile(r"^\s*(endfor|else|endif|if\s+[A-Za-z_][\w.]*|elif\s+[A-Za-z_][\w.]*)\s*$")
FILTERS = {"month", "pad", "upper", "lower", "checkboxes"}
DISPLAY_FILTER = re.compile(r"\|\s*(?!(?:pad|checkboxes)\b)\w")  # shown, not read back
CHECKBOXES = re.compile(r"\|\s*checkboxes\b")
ANNEX = "annex"
ANNEX_TAG = re.compile(r"\{\{\s*annex\s*\}\}")
FIRST_BOOKMARK_ID = 1000
LOOP_BOOKMARK_ID = 100_000
PACKAGE_WRITER = "package_writer"  # key in CompiledTemplate.derived
FIXED_PIECES = "fixed_pieces"  # key in CompiledTemplate.derived: each part's FixedPieces
SLOT_CALL = re.compile(r"\{\{ sf_value\((.*?), (\d+)\) \}\}")  # a value's place, as `sources` show it
SLOT_FILTER = "sf_slot"  # the same place as rendered: `{{ expression|sf_slot(n) }}`
NUMBERED_FILTER = "sf_numbered"  # a row loop's items with their index: `enumerate`
ROW_INDEX = "_sf_index0"  # that index, as a row loop is rendered (no name a pack may use)
LOOP_BLOCK = re.compile(r"\{% for (\w+) in ([^%]*?) %\}(.*?)\{% endfor %\}", re.DOTALL)
EPOCH = datetime.date(2000, 1, 1)


@dataclass(frozen=True)
class Slot:
    """One place in the template where a field's value goes."""

    path: str  # generic model path: "supervisee.name", "meeting_dates[]"
    part: str
    in_loop: bool
    owns_cell: bool  # the tag is all its table cell holds
    empty_text: str


@dataclass
class CompiledTemplate:
    """A template ready to render: static parts kept as bytes, XML parts compiled once.

    `slots` are the places that hold a value as it is (bookmarked, read back);
    `display_paths` are fields shown through a filter such as `month`, for show only."""

    static_parts: dict[str, bytes]
    sources: dict[str, str]
    slots: list[Slot]
    empty_texts: list[str]
    display_paths: set[str]
    env: SandboxedEnvironment = field(repr=False)
    slot_choices: dict[int, Mapping[str, str]] = field(default_factory=dict, repr=False)
    slot_units: dict[int, str] = field(default_factory=dict, repr=False)  # "90" printed as "90 minutes"
    core: CoreProperties | None = field(default=None, repr=False)  # None: the template has none
    text_width: int = DEFAULT_TEXT_WIDTH  # twips between the page margins
    repeated_rows: list[tuple[str, ...]] = field(default_factory=list)  # printed atop every page
    derived: dict[str, Any] = field(default_factory=dict, repr=False)  # readers' caches
    _compiled: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.env.filters[SLOT_FILTER] = self._value
        self.env.filters[NUMBERED_FILTER] = enumerate
        try:
            self._compiled = {name: self.env.from_string(_as_filter(s)) for name, s in self.sources.items()}
        except TemplateError as error:
            raise PackError(f"template does not compile: {error.message}") from None
        for template in self._compiled.values():  # the compiled code's own namespace
            template.root_render_func.__globals__["escape"] = _output

    @functools.cached_property
    def paths(self) -> frozenset[str]:
        """The generic paths the layout places (the slots are fixed once compiled)."""
        return frozenset(slot.path for slot in self.slots)

    def printed_text(self) -> str:
        """The printed text of the body, headers and footers, a paragraph a line."""
        lines = []
        for source in self.sources.values():
            for paragraph in parse_xml(source.encode("utf-8"), "template").iter(f"{W}p"):
                lines.append("".join(t.text or "" for t in paragraph.iter(f"{W}t")))
        return "\n".join(lines)

    def render(
        self,
        context: dict[str, Any],
        annex: Callable[[Iterator[int]], str],
        *,
        title: str = "",
        made: datetime.date = EPOCH,
    ) -> bytes:
        """Render to .docx bytes. `annex` builds the annex XML, taking bookmark ids;
        `title` and `made` (the created date) go into the document's properties."""
        ids = itertools.count(FIRST_BOOKMARK_ID + 10_000)
        values = dict(context)
        values[ANNEX] = str.__new__(Markup, annex(ids))  # XML we built: markup as it is
        fixed = self.derived.get(FIXED_PIECES)
        if not isinstance(fixed, dict):  # built once: the template's own text deflated once
            fixed = self.derived[FIXED_PIECES] = {
                name: FixedPieces(_constants(template)) for name, template in self._compiled.items()
            }
        changed: dict[str, bytes | Entry] = {
            name: fixed[name].entry(name, _pieces(template, values))
            for name, template in self._compiled.items()
        }
        if self.core is not None:
            changed[CORE_PART] = self.core.render(title, made)
        writer = self.derived.get(PACKAGE_WRITER)
        if not isinstance(writer, PackageWriter):  # built once: the static parts deflated once
            writer = self.derived[PACKAGE_WRITER] = PackageWriter(self.static_parts, list(changed))
        return writer.write(changed)

    def _value(self, value: Any, slot: int) -> Markup:
        if type(value) is str and value and slot not in self.slot_choices:  # most values: text as it is
            return run_text(value)
        if slot in self.slot_choices:
            return run_text(checkbox_text(value, self.slot_choices[slot]))
        if value is None or value is BLANK or value == "":
            return run_text(self.empty_texts[slot])
        if isinstance(value, datetime.date):
            return run_text(format_date(value))
        if slot in self.slot_units and isinstance(value, int):
            return run_text(f"{value} {self.slot_units[slot]}")
        return run_text(str(value))


def _as_filter(source: str) -> str:
    """A source as it is rendered: each value's place `sf_value(expression, n)` as the
    filter `expression|sf_slot(n)`, the same function on the same value, which Jinja calls
    directly where a call would go through the sandbox's checks (a part has dozens); and
    each row loop numbered as `_numbered` says."""
    source = SLOT_CALL.sub(lambda match: f"{{{{ {match[1]}|{SLOT_FILTER}({match[2]}) }}}}", source)
    return LOOP_BLOCK.sub(_numbered, source)


def _numbered(loop: re.Match[str]) -> str:
    """A row loop whose only use of Jinja's `loop` is its bookmarks' `loop.index0`, as a
    loop over `enumerate`: the same rows and numbers, without a `LoopContext` stepped and
    asked through the sandbox a few times a row. Any other loop is left as it is."""
    variable, items, body = loop.groups()
    if body.replace("loop.index0", "").count("loop") or "{% for" in body:
        return loop[0]
    numbered = body.replace("loop.index0", ROW_INDEX)
    return f"{{% for {ROW_INDEX}, {variable} in {items}|{NUMBERED_FILTER} %}}{numbered}{{% endfor %}}"


def _output(value: Any) -> str:
    """What Jinja's autoescape makes of an output value, as `escape` gives it, with the
    answer for our two commonest values found at once: a slot's text (Markup already)
    and a bookmark's number (digits, nothing to escape)."""
    kind = type(value)
    if kind is Markup:
        text: str = value
        return text
    return str(value) if kind is int else escape(value)


def _pieces(template: Template, values: dict[str, Any]) -> list[str]:
    """What `template.render(values)` joins: the pieces of text as the template yields
    them (its fixed text as the very strings it holds), with Jinja's error handling."""
    try:
        return list(template.root_render_func(template.new_context(values)))
    except Exception:
        template.environment.handle_exception()


def _constants(template: Template) -> Iterator[str]:
    """The strings a compiled template holds (its fixed text among them)."""
    codes = [template.root_render_func.__code__, *(block.__code__ for block in template.blocks.values())]
    while codes:
        code = codes.pop()
        for constant in code.co_consts:
            if isinstance(constant, str):
                yield constant
            elif isinstance(constant, types.CodeType):
                codes.append(constant)


class _Blank:
    """A padding row: every field of it is empty (None), and it is false."""

    __slots__ = ()

    def __getattr__(self, name: str) -> None:
        if name.startswith("_"):
            raise AttributeError(name)
        return None

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""


BLANK = _Blank()


def _pad(items: Any, size: int = 0) -> list[Any]:
    padded: list[Any] = list(items or [])
    return padded + [BLANK] * max(0, size - len(padded))


def _same(value: Any) -> Any:
    """`checkboxes`: the value passes through; its slot prints it as tick boxes."""
    return value


def _month(value: Any) -> str:
    """'March 2026' (the English month name whatever the locale; a tenth of `strftime`'s time)."""
    return f"{MONTH_NAMES[value.month - 1]} {value.year}" if isinstance(value, datetime.date) else ""


_DICT_ATTRIBUTES = frozenset(dir(dict))
_LOOP_ATTRIBUTES = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0"}
)


class _Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the answers it gives for our own objects found without its
    general checks (the same answers: a render pays for these checks on every field).
    A key of a data dict is what the sandbox returns once `getattr` has failed; the loop
    and a padding row have no internal attributes beyond underscore names."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj and attribute not in _DICT_ATTRIBUTES:
            return obj[attribute]
        if type(obj) is LoopContext and attribute in _LOOP_ATTRIBUTES:  # numbers and flags only
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj) in (LoopContext, _Blank):
            return not attr.startswith("_")
        return super().is_safe_attribute(obj, attr, value)


def make_environment() -> SandboxedEnvironment:
    env = _Sandbox(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters = {"pad": _pad, "month": _month, "upper": str.upper, "lower": str.lower, "checkboxes": _same}
    env.globals = {}
    return env


@dataclass
class _Compiler:
    """Walks one XML part, checks its tags and wraps each field in a bookmark."""

    part: str
    empty_text: Callable[[str], str]
    empty_texts: list[str]
    slots: list[Slot]
    display_paths: set[str]
    next_id: Iterator[int]
    loops: list[tuple[str, str]] = field(default_factory=list)  # (variable, generic path)
    splits: list[tuple[etree._Element, list[tuple[str, str | None]]]] = field(default_factory=list)
    choices: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # leaf path -> labels
    slot_choices: dict[int, Mapping[str, str]] = field(default_factory=dict)
    slot_units: dict[int, str] = field(default_factory=dict)

    def walk(self, element: etree._Element) -> None:
        self._scan(element.text, element if element.tag == f"{W}t" else None)
        for child in element:
            self.walk(child)
            self._scan(child.tail, None)

    def _scan(self, text: str | None, holder: etree._Element | None) -> None:
        if not text or ("{" not in text):
            return
        pieces: list[tuple[str, str | None]] = []
        cursor = 0
        for match in TAG.finditer(text):
            expression, statement = match.group(1), match.group(2)
            pieces.append((text[cursor : match.start()], None))
            cursor = match.end()
            if statement is not None:
                self._statement(statement)
                pieces.append((match.group(0), None))
            elif expression is not None:
                if expression.strip() == ANNEX and holder is None:
                    pieces.append((match.group(0), None))
                    continue
                if holder is None:
                    raise PackError(f"{self.part}: a field tag outside running text: {{{{{expression}}}}}")
                pieces.append((expression, self._field(expression)))
                if FIELD_EXPR.match(expression) and DISPLAY_FILTER.search(expression):
                    self.display_paths.add(self._generic(FIELD_EXPR.match(expression).group(1)))  # type: ignore[union-attr]
        if holder is not None and any(path for _, path in pieces):
            pieces.append((text[cursor:], None))
            self.splits.append((holder, pieces))

    def _statement(self, statement: str) -> None:
        loop = FOR_STMT.match(statement)
        if loop:
            variable, path, filters = loop.groups()
            self._check_filters(filters)
            if self.loops:
                raise PackError(f"{self.part}: loops inside loops are not supported")
            self.loops.append((variable, self._generic(path) + "[]"))
        elif statement.strip() == "endfor":
            if not self.loops:
                raise PackError(f"{self.part}: 'endfor' without 'for'")
            self.loops.pop()
        elif not ALLOWED_STATEMENTS.match(statement):
            raise TemplateSecurityError(
                f"{self.part}: template statement not allowed: {{%{statement.strip()[:40]}%}}"
            )

    def _field(self, expression: str) -> str:
        match = FIELD_EXPR.match(expression)
        if not match or re.search(r"(^|\.)_", match.group(1)):
            raise TemplateSecurityError(
                f"{self.part}: template expression not allowed: {{{{{expression.strip()[:40]}}}}}"
            )
        self._check_filters(match.group(2))
        return self._generic(match.group(1))

    def _generic(self, dotted: str) -> str:
        head, _, rest = dotted.partition(".")
        for variable, path in reversed(self.loops):
            if head == variable:
                return f"{path}.{rest}" if rest else path
        return dotted

    def _check_filters(self, filters: str) -> None:
        for name in re.findall(r"\|\s*(\w+)", filters or ""):
            if name not in FILTERS:
                raise TemplateSecurityError(f"{self.part}: template filter not allowed: {name}")

    def apply(self) -> None:
        for holder, pieces in self.splits:
            self._split_run(holder, pieces)

    def _split_run(self, holder: etree._Element, pieces: list[tuple[str, str | None]]) -> None:
        run = holder.getparent()
        if run is None or run.tag != f"{W}r":
            raise PackError(f"{self.part}: a field tag is not inside a text run")
        parent = run.getparent()
        assert parent is not None
        owns_cell = _owns_cell(run, holder)
        position = parent.index(run)
        new: list[etree._Element] = []
        for text, path in pieces:
            if path is None:
                if text:
                    new.append(_run_like(run, text))
                continue
            slot_index = len(self.empty_texts)
            whole_list = False
            if CHECKBOXES.search(text):
                path, whole_list = self._boxes(path, slot_index)
            in_loop = "[]" in path and not whole_list
            self.empty_texts.append(self.empty_text(path))
            if in_minutes(path) and MINUTES not in _row_text(run).lower():
                self.slot_units[slot_index] = MINUTES
            if DISPLAY_FILTER.search(text):  # shown through a filter: display only
                name = f"{DISPLAY_PREFIX}{slot_index}" + ("_{{ loop.index0 }}" if in_loop else "")
            else:
                self.slots.append(Slot(path, self.part, in_loop, owns_cell, self.empty_texts[-1]))
                name = item_name(path, 0)[:-1] + "{{ loop.index0 }}" if in_loop else static_name(path)
            # start and end share an id; in a loop it comes from the slot number and loop index
            loop_id = LOOP_BOOKMARK_ID + 1000 * slot_index
            bid = f"{{{{ {loop_id} + loop.index0 }}}}" if in_loop else str(next(self.next_id))
            new.append(_element("bookmarkStart", {"id": bid, "name": name}))
            value = f"{{{{ sf_value({text.strip()}, {slot_index}) }}}}"  # as SLOT_CALL reads it
            new.append(_run_like(run, value))
            new.append(_element("bookmarkEnd", {"id": bid}))
        parent.remove(run)
        for offset, element in enumerate(new):
            parent.insert(position + offset, element)

    def _boxes(self, path: str, slot_index: int) -> tuple[str, bool]:
        """The choice field a `checkboxes` tag shows (a whole list: "topics[]")."""
        for candidate in (path, path + "[]"):
            if candidate in self.choices:
                self.slot_choices[slot_index] = self.choices[candidate]
                return candidate, candidate != path
        raise PackError(f"{self.part}: 'checkboxes' needs a field with choices, not {path}")


def _row_text(run: etree._Element) -> str:
    """The printed text around a field: its table row, or its paragraph outside tables."""
    ancestors = list(run.iterancestors())
    row = next((a for a in ancestors if a.tag == f"{W}tr"), None)
    if row is None:
        row = next((a for a in ancestors if a.tag == f"{W}p"), run)
    return TAG.sub("", "".join(t.text or "" for t in row.iter(f"{W}t")))


def _owns_cell(run: etree._Element, holder: etree._Element) -> bool:
    cell = next((a for a in run.iterancestors() if a.tag == f"{W}tc"), None)
    if cell is None:
        return False
    texts = [t.text or "" for t in cell.iter(f"{W}t")]
    return "".join(texts).strip() == (holder.text or "").strip()


def _element(name: str, attributes: dict[str, str]) -> etree._Element:
    element = etree.Element(f"{W}{name}")
    for key, value in attributes.items():
        element.set(f"{W}{key}", value)
    return element


def _run_like(run: etree._Element, text: str) -> etree._Element:
    new = etree.Element(f"{W}r")
    props = run.find(f"{W}rPr")
    if props is not None:
        new.append(copy.deepcopy(props))
    t = etree.SubElement(new, f"{W}t")
    t.set(XML_SPACE, "preserve")
    t.text = text
    return new


def compile_template(
    data: bytes,
    *,
    empty_text: Callable[[str], str],
    properties: dict[str, str],
    label: str = "template",
    choices: Mapping[str, Mapping[str, str]] | None = None,
    hints: LayoutHints | None = None,
) -> CompiledTemplate:
    """Compile a .docx template. `empty_text(path)` gives what an empty field shows;
    `properties` (title, subject, keywords) are written into every document; `choices`
    gives the printed labels of choice fields (leaf path -> {value: label}) that the
    template shows as tick boxes (`{{ topics|checkboxes }}`); `hints` say which fields
    are signatures and which answers start a new line (`docx/layout.py`)."""
    package = read_template(data, label)  # refuses unsafe templates: docx/security.py
    _refuse_jinja_outside_body(package, label)
    env = make_environment()
    slots: list[Slot] = []
    display_paths: set[str] = set()
    empty_texts: list[str] = []
    slot_choices: dict[int, Mapping[str, str]] = {}
    slot_units: dict[int, str] = {}
    ids = itertools.count(FIRST_BOOKMARK_ID)
    sources: dict[str, str] = {}
    width = DEFAULT_TEXT_WIDTH
    repeated: list[tuple[str, ...]] = []
    static = dict(package.parts)
    tidy_package(static, label)
    for name in sorted(n for n in package.parts if TEMPLATED_PART.match(n)):
        xml = package.text(name)
        if "{{" not in xml and "{%" not in xml and name != "word/document.xml":
            continue
        patched = patch_tags(xml)
        root = parse_xml(patched.encode("utf-8"), label)
        compiler = _Compiler(
            name,
            empty_text,
            empty_texts,
            slots,
            display_paths,
            ids,
            choices=choices or {},
            slot_choices=slot_choices,
            slot_units=slot_units,
        )
        compiler.walk(root)
        if compiler.loops:
            raise PackError(f"{label}: a 'for' without 'endfor' in {name}")
        compiler.apply()
        placed = name == "word/document.xml" and not ANNEX_TAG.search(patched)
        repeated += lay_out_body(root, hints or LayoutHints(), place_annex=placed)
        if name == "word/document.xml":
            width = text_width(root)
        sources[name] = to_bytes(root).decode("utf-8")
        del static[name]
    blob = static.pop(CORE_PART, None)
    core = prepare(blob, properties, label) if blob is not None else None
    return CompiledTemplate(
        static,
        sources,
        slots,
        empty_texts,
        display_paths,
        env,
        slot_choices,
        slot_units,
        core=core,
        text_width=width,
        repeated_rows=repeated,
    )


def _refuse_jinja_outside_body(package: DocxPackage, label: str) -> None:
    for name, blob in package.parts.items():
        if TEMPLATED_PART.match(name) or not name.endswith((".xml", ".rels")):
            continue
        if b"{{" in blob or b"{%" in blob:
            raise TemplateSecurityError(
                f"{label}: template tags found in {name}; only the body, headers and footers may hold tags"
            )
