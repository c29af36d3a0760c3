"""The annex: values a layout has no place for, printed at the end so nothing is dropped."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import escape

from .bookmarks import concrete_name
from .template import run_text

ANNEX_LEAD = "Further details recorded in this"
ANNEX_HEADING = f"{ANNEX_LEAD} agreement"


def annex_heading(document_title: str) -> str:
    """The annex heading for a document: "Further details recorded in this <title>"."""
    return f"{ANNEX_LEAD} {document_title}" if document_title.strip() else ANNEX_HEADING


def annex_xml(items: list[tuple[str, str, str]], ids: Iterator[int], heading: str = ANNEX_HEADING) -> str:
    """Body paragraphs for (concrete path, label, value text) items; '' when there are none."""
    if not items:
        return ""
    paragraphs = [
        _paragraph(f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(heading)}</w:t></w:r>')
    ]
    for path, label, value in items:
        bid = next(ids)
        paragraphs.append(
            _paragraph(
                f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(label)}: </w:t></w:r>'
                f'<w:bookmarkStart w:id="{bid}" w:name="{concrete_name(path)}"/>'
                f'<w:r><w:t xml:space="preserve">{run_text(value)}</w:t></w:r>'
                f'<w:bookmarkEnd w:id="{bid}"/>'
            )
        )
    return "".join(paragraphs)


def _paragraph(inner: str) -> str:
    return f'<w:p><w:pPr><w:spacing w:after="80"/></w:pPr>{inner}</w:p>'
