"""parse(): read a .docx or .pdf back into the common model."""

from __future__ import annotations

import os
from pathlib import Path

from ..conversion import to_docx
from ..docx.package import read_file, read_package
from ..docx.reader import core_keywords, read_body
from ..errors import NeedsOcr, SupervisionFormsError
from ..formats import Format, sniff
from ..packs import Pack, PackRegistry
from ..privacy import redacted
from ..registry import installed_packs
from .align import align, skeleton
from .detect import Detection, by_text, choose, from_stamp
from .forms import Layout, from_body, from_pages, from_runs, read_form
from .forms.detect import MIN_SCORE as FORM_MIN_SCORE
from .forms.detect import choose as choose_unmarked
from .own import read_own
from .pdf import Fragment, read_pdf
from .result import ParseResult, ReadWarning
from .values import Collector

MAX_INPUT_BYTES = 50 * 1024 * 1024


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
    `SupervisionFormsError` subclass.
    """
    data, label = load_bytes(source)
    registry = packs or installed_packs()
    forced = choose(pack, document, registry)
    kind = sniff(data, label)
    if kind is Format.PDF:
        result = _parse_pdf(data, label, registry, forced, document)
    elif kind is Format.DOCX:
        result = _parse_docx(data, label, registry, forced, document)
    elif kind.converted:
        result = _parse_docx(to_docx(data, kind, label), label, registry, forced, document)
    else:
        raise NeedsOcr(f"{label}: an image (.{kind}); it needs OCR")
    result.source_format = kind.value
    if redact:
        result.data = redacted(result.data)
    return result


def _detect(
    keywords: str, text: str, label: str, registry: PackRegistry, forced: Pack | None, document: str | None
) -> Detection:
    stamp = from_stamp(keywords, registry)
    if forced is not None:
        if stamp and stamp.pack is forced:
            return stamp
        if document:
            return Detection(forced, document, 1.0)
        return by_text(text, registry, label, only=forced)
    if stamp is not None:
        return stamp
    return by_text(text, registry, label)


def _parse_docx(
    data: bytes, label: str, registry: PackRegistry, forced: Pack | None, document: str | None
) -> ParseResult:
    package = read_package(data, label)
    body = read_body(package, label)
    text = "\n".join(p.text for p in body.paragraphs)
    keywords = core_keywords(package, label)
    if not body.bookmarks and from_stamp(keywords, registry) is None:
        return _read_unmarked(from_body(body), text, label, registry, forced, document)
    found = _detect(keywords, text, label, registry, forced, document)
    if body.bookmarks:
        result = read_own(package, body, found.pack, found.document)
    else:
        result = _read_text(text, found, label)
    result.confidence = found.confidence
    return result


def _parse_pdf(
    data: bytes, label: str, registry: PackRegistry, forced: Pack | None, document: str | None
) -> ParseResult:
    pdf = read_pdf(data, label, layout="auto")  # one pass: ours as text, others laid out
    if from_stamp(pdf.keywords, registry) is None:
        if pdf.runs is None and not pdf.pages:  # stamped by a pack not installed here
            pdf = read_pdf(data, label, layout=True)
        layout = from_runs(pdf.runs, pdf.rules) if pdf.runs is not None else from_pages(list(pdf.pages))
        return _read_unmarked(layout, pdf.text, label, registry, forced, document, pdf.fields)
    if pdf.runs is not None:  # stamped, but not as we stamp: read it again as one of ours
        pdf = read_pdf(data, label)
    found = _detect(pdf.keywords, pdf.text, label, registry, forced, document)
    result = _read_text(pdf.text, found, label, pdf.fragments)
    result.confidence = found.confidence
    return result


def _read_unmarked(
    layout: Layout,
    text: str,
    label: str,
    registry: PackRegistry,
    forced: Pack | None,
    document: str | None,
    form_fields: dict[str, str] | None = None,
) -> ParseResult:
    """A document without our marks: a council's own form filled in by hand (read by its
    labels; a fillable PDF's form fields too), or, with our annex, one of ours."""
    choice = choose_unmarked(layout, text, registry, label, forced, document)
    if choice.original:
        result = read_form(layout, choice.pack, choice.document, form_fields)
    else:
        result = _read_text(text, Detection(choice.pack, choice.document, choice.confidence), label)
    result.confidence = choice.confidence
    if choice.confidence < FORM_MIN_SCORE:
        why = f"few of the {choice.pack.name} form's labels are on this document; is it the right pack?"
        result.warnings.insert(0, ReadWarning("", why, label))
    return result


def _read_text(text: str, found: Detection, label: str, fragments: tuple[Fragment, ...] = ()) -> ParseResult:
    pack, kind = found.pack, found.document
    model = pack.model(kind)
    template = pack.template(kind)
    prompts = pack.document(kind).prompts + [s.empty_text for s in template.slots if s.empty_text]
    prompts += [text for row in template.repeated_rows for text in (*row, " ".join(row))]  # atop each page
    collector = Collector(model)
    align(text, skeleton(template, model), model, prompts, collector, label, fragments)
    data = collector.build()
    return ParseResult(pack.name, kind, data, collector.warnings, collector.unmapped, collector.sources)


__all__ = ["ParseResult", "SupervisionFormsError", "parse"]
