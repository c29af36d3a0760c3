"""Reading PDFs: their text (with pypdf) and their identity stamp."""

from __future__ import annotations

import functools
import io
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ..errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    NeedsOcr,
    SupervisionFormsError,
)
from .deadline import within

if TYPE_CHECKING:  # pypdf is imported when a PDF is read, not by every command
    from pypdf import PdfReader

MAX_PAGES = 60
OFF_PAGE = -100_000.0
BOX_SIZES = (7.0, 16.0)  # points: a square this size is taken for a tick box (bullets are smaller)
OUR_STAMP = "supervision-forms"  # in the keywords of the PDFs we make
MAX_PDF_BYTES = 50 * 1024 * 1024
SECONDS_PER_PDF = 5.0  # a 60-page form reads in about 2 s; hostile files stop here
PYPDF_LIMITS = {  # pypdf's own limits (75 MB streams), tightened: we only need the text
    "zlib_maximum_output_length": 16_000_000,
    "lzw_maximum_output_length": 16_000_000,
    "run_length_maximum_output_length": 16_000_000,
    "brotli_maximum_output_length": 16_000_000,
    "array_based_stream_maximum_output_length": 16_000_000,
    "stream_decoding_work_maximum_length": 64_000_000,
    "stream_parsing_work_maximum_count": 500_000,  # tokens per content stream; a page has ~10,000
    "xform_maximum_invocations_per_extraction": 1_000,
    "page_tree_maximum_entries": 10_000,
    "jbig2dec_binary": None,  # never run an external program on an uploaded file
}


@dataclass(frozen=True)
class Fragment:
    """A piece of text as the PDF draws it: page (0-based), baseline start in points."""

    page: int
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Run:
    """Text drawn in one go, with its extent: page (0-based), left and right x and the
    baseline y in points, and the font's height."""

    page: int
    x: float
    end: float
    y: float
    size: float
    text: str
    deleted: bool = False  # struck through: a tracked deletion, kept only for its place


@dataclass(frozen=True)
class Rule:
    """A straight line drawn on a page (a table border, say): page (0-based), and its
    extent in points; a horizontal one has bottom == top, a vertical one left == right."""

    page: int
    left: float
    right: float
    bottom: float
    top: float

    @property
    def horizontal(self) -> bool:
        return self.bottom == self.top


@dataclass(frozen=True)
class PdfText:
    text: str
    keywords: str
    fields: dict[str, str]  # AcroForm fields, where the PDF has them
    fragments: tuple[Fragment, ...] = field(default=(), repr=False)  # in drawing order
    pages: tuple[str, ...] = field(default=(), repr=False)  # each page laid out, when asked for
    runs: tuple[Run, ...] | None = field(default=None, repr=False)  # with layout; None: not available
    rules: tuple[Rule, ...] = field(default=(), repr=False)  # horizontal lines drawn, with layout


def read_pdf(
    data: bytes, label: str, *, seconds: float | None = None, layout: bool | Literal["auto"] = False
) -> PdfText:
    """The text of every page, the keywords and any form fields; clear errors otherwise.
    With `layout`, also each page's runs of text with their places (see `Run`, `Rule`).
    With layout "auto", a PDF we made (our stamp in its keywords) is read as without,
    any other for its runs only (its `text` then joined from them): one pass either way.

    Reading is bounded: by size and pages here, by pypdf's limits (tightened), and by
    `seconds` (default `SECONDS_PER_PDF`; `DocumentTooLarge` when it runs over)."""
    if len(data) > MAX_PDF_BYTES:
        raise DocumentTooLarge(f"{label}: the PDF is over {MAX_PDF_BYTES // 2**20} MB")
    import pypdf._text_extraction  # noqa: F401  (loaded here, before the clock starts; forked workers share it)

    limit = SECONDS_PER_PDF if seconds is None else seconds
    return within(limit, label, functools.partial(_read_limited, data, label, layout))


def _read_limited(data: bytes, label: str, layout: bool | Literal["auto"] = False) -> PdfText:
    from pypdf import apply_configuration, get_configuration

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its messages may quote the file
    with apply_configuration(get_configuration().with_overwrites(**PYPDF_LIMITS)):
        return _extract(data, label, layout)


def _extract(data: bytes, label: str, layout: bool | Literal["auto"] = False) -> PdfText:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _unlock(reader, label)
        if len(reader.pages) > MAX_PAGES:
            raise DocumentTooLarge(f"{label}: the PDF has over {MAX_PAGES} pages")
        info = reader.metadata
        keywords = str(info.get("/Keywords", "")) if info else ""
        if layout == "auto":
            layout = "auto" if OUR_STAMP not in keywords else False
        runs, rules = _all_runs(reader) if layout else (None, ())
        fragments: list[Fragment] = []
        if layout == "auto" and runs is not None:
            pages = [" ".join(r.text for r in runs if r.page == n) for n in range(len(reader.pages))]
        else:
            pages = [
                page.extract_text(visitor_text=_collector(number, fragments)) or ""
                for number, page in enumerate(reader.pages)
            ]
        laid: tuple[str, ...] = ()
        if layout and runs is None:
            laid = tuple(page.extract_text(extraction_mode="layout") or "" for page in reader.pages)
        fields = {
            str(name): str(value)
            for name, value in (reader.get_form_text_fields() or {}).items()
            if value not in (None, "")
        }
    except SupervisionFormsError:
        raise
    except (LimitReachedError, MemoryError):
        raise DocumentTooLarge(f"{label}: the PDF is over the reading limits (a PDF bomb?)") from None
    except Exception as error:  # pypdf's failures are many and undocumented: all mean damage
        raise CorruptDocument(f"{label}: the PDF is damaged or unreadable") from error
    text = "\n".join(pages)
    if not text.strip() and not fields:
        raise NeedsOcr(f"{label}: the PDF has no text layer (a scan?); it needs OCR")
    return PdfText(text, keywords, fields, tuple(fragments), laid, runs, rules)


def _all_runs(reader: PdfReader) -> tuple[tuple[Run, ...] | None, tuple[Rule, ...]]:
    """Every page's runs of text with their extents; struck-through text (a tracked
    deletion, as Word and LibreOffice print it) is emptied and marked deleted. Uses pypdf's layout-mode
    internals; None where they are not there (another pypdf version)."""
    try:
        from pypdf._text_extraction import _layout_mode
        from pypdf.generic import ByteStringObject, ContentStream, FloatObject, NameObject
    except ImportError:
        return None, ()
    found: list[Run] = []
    rules: list[Rule] = []
    for number, page in enumerate(reader.pages):
        contents = page.get("/Contents")
        if contents is None:
            continue
        try:
            fonts = page._layout_mode_fonts()
            ops = ContentStream(contents.get_object(), page.pdf, "bytes").operations
            if not fonts:
                continue
            # pypdf shifts every x by the leftmost text's; a mark drawn at x=0 (far below
            # the page, dropped after) keeps x in page space, as the lines are
            mark: list[tuple[list[Any], bytes]] = [
                ([], b"BT"),
                ([NameObject(next(iter(fonts))), FloatObject(1)], b"Tf"),
                ([FloatObject(0), FloatObject(OFF_PAGE)], b"Td"),
                ([ByteStringObject(b"0")], b"Tj"),
                ([], b"ET"),
            ]
            groups = _layout_mode.text_show_operations(iter([*mark, *ops]), fonts, True, None)
        except (AttributeError, TypeError, ImportError):
            return None, ()
        strokes, uprights, boxes = _strokes(ops)
        rules.extend(Rule(number, round(a, 1), round(b, 1), round(y, 1), round(y, 1)) for a, b, y in strokes)
        rules.extend(Rule(number, round(x, 1), round(x, 1), round(a, 1), round(b, 1)) for a, b, x in uprights)
        found.extend(_box_runs(number, boxes))
        for group in groups:
            text = str(group["text"])
            if not text.strip() or float(group["ty"]) < OFF_PAGE / 2:
                continue
            x, end, y = float(group["tx"]), float(group["displaced_tx"]), float(group["ty"])
            size = float(group["font_height"]) or float(group["font_size"])
            deleted = _struck(x, end, y, size, strokes)
            shown = "" if deleted else text
            found.append(Run(number, round(x, 1), round(end, 1), round(y, 1), round(size, 1), shown, deleted))
    return tuple(found), tuple(rules)


Box = tuple[float, float, float, bool]  # left x, bottom y, size, ticked


def _strokes(
    ops: list[tuple[list[Any], bytes]],
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]], list[Box]]:
    """What is drawn on a page, in page space: horizontal lines as (left x, right x, y),
    vertical ones as (bottom y, top y, x) (stroked segments and thin filled rectangles),
    and tick boxes (small squares; ticked with a cross or a tick drawn inside)."""
    matrix: tuple[float, ...] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack: list[tuple[float, ...]] = []
    point: tuple[float, float] | None = None
    path: list[tuple[float, float, float, float]] = []
    lines: list[tuple[float, float, float]] = []
    uprights: list[tuple[float, float, float]] = []
    squares: list[tuple[float, float, float]] = []
    slants: list[tuple[float, float, float, float]] = []
    for operands, op in ops:
        try:
            if op == b"q":
                stack.append(matrix)
            elif op == b"Q":
                matrix = stack.pop() if stack else matrix
            elif op == b"cm":
                matrix = _multiply(tuple(float(v) for v in operands), matrix)
            elif op == b"m":
                point = _apply(matrix, float(operands[0]), float(operands[1]))
            elif op == b"l" and point is not None:
                target = _apply(matrix, float(operands[0]), float(operands[1]))
                path.append((*point, *target))
                point = target
            elif op == b"re":
                x, y, w, h = (float(v) for v in operands)
                if abs(h) < 1.5:
                    path.append((*_apply(matrix, x, y + h / 2), *_apply(matrix, x + w, y + h / 2)))
                elif abs(w) < 1.5:
                    path.append((*_apply(matrix, x + w / 2, y), *_apply(matrix, x + w / 2, y + h)))
                elif BOX_SIZES[0] <= abs(w) <= BOX_SIZES[1] and abs(abs(w) - abs(h)) <= 1.5:
                    left, bottom = _apply(matrix, min(x, x + w), min(y, y + h))
                    squares.append((left, bottom, abs(w)))
            elif op in (b"S", b"s", b"f", b"F", b"f*", b"B", b"b"):
                lines.extend((min(a, c), max(a, c), b) for a, b, c, d in path if abs(b - d) < 0.5)
                uprights.extend((min(b, d), max(b, d), a) for a, b, c, d in path if abs(a - c) < 0.5)
                slants.extend(
                    segment
                    for segment in path
                    if min(abs(segment[0] - segment[2]), abs(segment[1] - segment[3])) > 1
                )
                path = []
            elif op == b"n":
                path = []
        except (ValueError, TypeError, IndexError):
            continue
    boxes = [(x, y, size, any(_inside(segment, x, y, size) for segment in slants)) for x, y, size in squares]
    return lines, uprights, boxes


def _inside(segment: tuple[float, float, float, float], x: float, y: float, size: float) -> bool:
    a, b, c, d = segment
    return all(x - 1 <= px <= x + size + 1 and y - 1 <= py <= y + size + 1 for px, py in ((a, b), (c, d)))


def _box_runs(page: int, boxes: list[Box]) -> list[Run]:
    """A drawn tick box as the box character, where a line of text would have it."""
    return [
        Run(
            page,
            round(x, 1),
            round(x + size, 1),
            round(y + 0.15 * size, 1),
            round(size, 1),
            "☒" if ticked else "☐",
        )
        for x, y, size, ticked in boxes
    ]


def _multiply(a: tuple[float, ...], b: tuple[float, ...]) -> tuple[float, ...]:
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


def _struck(x: float, end: float, y: float, size: float, lines: list[tuple[float, float, float]]) -> bool:
    """Whether a line is drawn through the middle of the text from x to end at baseline y."""
    width = end - x
    if width <= 0:
        return False
    for left, right, height in lines:
        if y + 0.12 * size <= height <= y + 0.5 * size:
            covered = min(right, end) - max(left, x)
            if covered >= 0.6 * width:
                return True
    return False


def _collector(page: int, into: list[Fragment]) -> Any:
    """A pypdf text visitor that records where each piece of text is drawn."""

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            into.append(Fragment(page, round(x, 1), round(y, 1), text))

    return visit


def _unlock(reader: PdfReader, label: str) -> None:
    """Open a PDF that is encrypted without a password to open (only edits restricted);
    refuse one that needs a password."""
    from pypdf.errors import DependencyError

    if not reader.is_encrypted:
        return
    try:
        opened = bool(reader.decrypt(""))
    except DependencyError:  # AES needs the optional `cryptography` package
        opened = False
    if not opened:
        raise EncryptedDocument(f"{label}: the PDF is password-protected")
