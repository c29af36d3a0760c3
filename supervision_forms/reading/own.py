"""Reading our own documents back through the bookmarks that mark each value."""

from __future__ import annotations

import re

from ..docx.bookmarks import BookmarkDecoder
from ..docx.package import DocxPackage
from ..docx.reader import Body, Paragraph
from ..models.paths import generic, leaves
from ..packs import Pack
from .result import ParseResult, Unmapped
from .text import fold
from .values import Collector, clean_own


def read_own(package: DocxPackage, body: Body, pack: Pack, kind: str) -> ParseResult:
    """Read a document rendered from `pack`, after any editing, via its bookmarks."""
    template = pack.template(kind)
    model = pack.model(kind)
    decoder = BookmarkDecoder(leaf.path for leaf in leaves(model))
    owners = {s.path for s in template.slots if s.owns_cell}  # generic paths; loop rows too
    empties = {s.path: s.empty_text for s in template.slots}
    prompts = pack.document(kind).prompts
    collector = Collector(model)
    owned: set[int] = set()
    for name, (text, source) in body.bookmarks.items():
        path = decoder.path(name)
        if path is None:
            if text.strip():
                collector.unmapped.append(Unmapped(text, source))
            continue
        slot = generic(path)
        cell = body.bookmark_cells.get(name) if slot in owners else None
        if cell is not None:
            text = cell.text
            owned.update(id(p) for p in cell.paragraphs)
        collector.put(path, clean_own(text, empties.get(slot, pack.spec.empty), prompts), source)
    known = pack.knowledge(kind).own_lines
    for paragraph in body.paragraphs:
        if id(paragraph) not in owned and _is_new_text(paragraph, known):
            collector.unmapped.append(Unmapped(paragraph.loose.strip(), paragraph.source))
    return collector.result(pack.name, kind)


def _is_new_text(paragraph: Paragraph, known: set[str]) -> bool:
    norm = fold(paragraph.loose)
    return bool(norm) and norm not in known and re.sub(r"\s*\d+$", "", norm) not in known
