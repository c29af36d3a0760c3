"""parse(): read a .docx or .pdf back into the common model.

Word and PDF files are each laid out (`forms/layout.py`), the form detected once
(`detect.py`), and then read: our own .docx by its bookmarks (`own.py`); our own
documents that lost their marks, and our PDFs, by lining their text up with the form's
printed text (`align.py`, with the data our PDFs carry: `carried.py`); any other filled
form by its labels (`forms/`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from ..docx.package import read_file, read_package
from ..docx.reader import core_keywords, read_body
from ..errors import NeedsOcr, NotASupervisionForm, SupervisionFormsError
from ..formats import Format, sniff
from ..packs import PackRegistry
from ..privacy import redacted_result
from ..registry import installed_packs
from .align import align
from .carried import agreed
from .detect import MIN_SCORE, Choice, detect, on_scanned_pages, page_of_form, page_refused
from .forms import from_body, from_pages, read_form
from .forms.layout import reading_text
from .ocr_fields import judged
from .own import read_own
from .pdf import PdfText, read_pdf
from .result import ParseResult, ReadWarning
from .rows import Fragment, fragments
from .scan import ocr_image, ocr_pdf
from .values import Collector

MAX_INPUT_BYTES = 50 * 1024 * 1024
_T = TypeVar("_T")


def load_bytes(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str]:
    """The bytes of a file (size-checked before reading) and a label naming it."""
    if isinstance(source, bytes):
        return source, "document"
    path = Path(source)
    return read_file(path, MAX_INPUT_BYTES), path.name


def parse(
    source: str | os.PathLike[str] | bytes,
    *,
    pack: str | None = None,
    document: str | None = None,
    packs: PackRegistry | None = None,
    redact: bool = False,
) -> ParseResult:
    """Read a document (a path or bytes) into its model: .docx, .pdf, and the older
    formats .doc, .dot, .rtf and .odt (converted to .docx by LibreOffice first).

    The pack and document are detected unless given. Recoverable oddities become
    warnings; text no field takes goes to `unmapped`. Unusable input raises a
    `SupervisionFormsError` subclass. Safe to call from threads and process pools.
    """
    data, label = load_bytes(source)
    registry = packs or installed_packs()
    kind = sniff(data, label)
    if kind is Format.PDF:
        result = _parse_pdf(data, label, registry, pack, document)
    elif kind is Format.DOCX:
        result = _parse_docx(data, label, registry, pack, document)
    elif kind.converted:
        from ..conversion import to_docx  # (LibreOffice's: only the older formats need it)

        result = _parse_docx(to_docx(data, kind, label), label, registry, pack, document)
    else:
        pages = _by_ocr(lambda: ocr_image(data, label), f"{label}: an image (.{kind})")
        result = _read_pages(
            PdfText(tuple(pages), ""), {p.number for p in pages}, label, registry, pack, document
        )
    result.source_format = kind.value
    if redact:
        result = redacted_result(result)
    return result


def _parse_docx(
    data: bytes, label: str, registry: PackRegistry, pack: str | None, document: str | None
) -> ParseResult:
    package = read_package(data, label)
    body = read_body(package, label)
    layout = from_body(body)
    text = "\n".join(p.text for p in body.paragraphs)
    choice = detect(core_keywords(package, label), layout, text, registry, label, pack, document)
    if body.bookmarks:
        result = read_own(package, body, choice.pack, choice.document)
    elif choice.original:
        result = read_form(layout, choice.pack, choice.document)
    else:
        result = _read_text(text, choice, label)
    return _judged(result, choice, label)


def _parse_pdf(
    data: bytes, label: str, registry: PackRegistry, pack: str | None, document: str | None
) -> ParseResult:
    """A PDF: its text layer, and the pages without a usable one read by OCR."""
    pdf = read_pdf(data, label)
    if len(pdf.scanned) == len(pdf.pages) and not pdf.fields:
        what = f"{label}: the PDF has no usable text (a scan?)"
        read = _by_ocr(lambda: ocr_pdf(data, pdf.scanned, label), what)
    elif not pdf.scanned:
        return _read_pages(pdf, set(), label, registry, pack, document)
    else:
        try:
            read = ocr_pdf(data, pdf.scanned, label)
        except SupervisionFormsError as error:  # the text pages can still be read: the others are named
            pages = ", ".join(str(number + 1) for number in pdf.scanned)
            which = f"pages {pages} have" if len(pdf.scanned) > 1 else f"page {pages} has"
            unread = f"{which} no usable text layer, and OCR could not read it: {error}"
            try:
                result = _read_pages(pdf, set(), label, registry, pack, document)
            except NotASupervisionForm:
                if isinstance(error, NeedsOcr):  # the form may be on the pages OCR could not read
                    raise NeedsOcr(f"{label}: {unread}") from None
                raise
            result.warnings.append(ReadWarning("", unread, label))
            return result
    pdf = replace(pdf, pages=tuple(read.get(p.number, p) for p in pdf.pages))
    return _read_pages(pdf, set(read), label, registry, pack, document)


def _by_ocr(read: Callable[[], _T], what: str) -> _T:
    """The pages OCR read; when it cannot be done here, `NeedsOcr` saying what to install."""
    try:
        return read()
    except NeedsOcr as error:
        raise type(error)(f"{what}: it needs OCR; {error}") from None


def _read_pages(
    pdf: PdfText, ocr: set[int], label: str, registry: PackRegistry, pack: str | None, document: str | None
) -> ParseResult:
    """Pages (a PDF's, or OCR's: `ocr` numbers them) laid out, the form detected, and read."""
    if not any(w.text for page in pdf.pages for w in page.words) and not pdf.fields:
        if ocr:  # OCR ran: a blank page, or one too faint to read
            from ..ocr.model import ScanUnreadable  # (the OCR package loads numpy and Pillow)

            raise ScanUnreadable(f"{label}: OCR read no text on it (a blank or faint scan?)")
        raise NeedsOcr(f"{label}: the PDF has no text layer (a scan?); it needs OCR")
    layout = from_pages(pdf.pages)
    text = reading_text(layout)
    try:
        choice = detect(pdf.keywords, layout, text, registry, label, pack, document)
        if ocr and pack is None:
            choice = on_scanned_pages(choice, layout, registry, document)
    except NotASupervisionForm as error:
        if not ocr:
            raise
        page = page_of_form(layout, registry, document)
        if page is None:
            raise page_refused(layout, registry, document, label) or error from None
        choice = page
    if choice.original:
        result = read_form(layout, choice.pack, choice.document, pdf.fields)
    else:
        printed = choice.pack.document(choice.document).printed
        result = agreed(
            _read_text(text, choice, label, fragments(layout)), pdf.attached, label, text, printed
        )
    if ocr:
        result = judged(result, pdf.pages, ocr, choice.pack.knowledge(choice.document))
        result.read_by = "ocr" if len(ocr) == len(pdf.pages) else "text+ocr"
        result.ocr_pages = tuple(sorted(number + 1 for number in ocr))
    return _judged(result, choice, label)


def _judged(result: ParseResult, choice: Choice, label: str) -> ParseResult:
    """The result with how sure the detection was; a warning when it was unsure."""
    result.confidence = choice.confidence
    if choice.confidence < MIN_SCORE:
        why = f"few of the {choice.pack.name} form's labels are on this document; is it the right pack?"
        result.warnings.insert(0, ReadWarning("", why, label))
    return result


def _read_text(text: str, choice: Choice, label: str, drawn: tuple[Fragment, ...] = ()) -> ParseResult:
    """One of our documents as plain text, lined up with its form's printed text."""
    pack, kind = choice.pack, choice.document
    model = pack.model(kind)
    template = pack.template(kind)
    prompts = pack.document(kind).prompts + [s.empty_text for s in template.slots if s.empty_text]
    prompts += [text for row in template.repeated_rows for text in (*row, " ".join(row))]  # atop each page
    collector = Collector(model)
    align(text, pack.knowledge(kind), model, prompts, collector, label, drawn)
    return collector.result(pack.name, kind)
