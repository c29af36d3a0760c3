"""Build the councils' Word templates: templates/<council>/agreement.docx and the records.

    .venv/bin/python tools/build_templates.py

Each council's agreement layout lives in tools/templates/<council>.py, its records in
tools/templates/<council>_<document>.py. After saving, every template is
checked: each Jinja tag sits whole in one w:t, each field path is known and used once, row-loop
tags are alone in their rows, and the annex paragraph, where there is one, is in the body
(without one, the engine places the annex before the signatures). Output is deterministic.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument
from lxml import etree

from templates import (
    common,
    portsmouth,
    portsmouth_case_record,
    portsmouth_general_record,
    sefton,
    sefton_general_record,
    surrey,
    surrey_cancellation,
)

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
FIELD = re.compile(r"^\{\{ ([\w.|]+) \}\}$")
ROW_TAG = re.compile(
    r"^\{%tr (for d in meeting_dates\|pad\(12\)|for a in (decisions|actions)\|pad\(\d\)|endfor) %\}$"
)
BUILDERS: dict[str, Callable[[], DocxDocument]] = {
    "portsmouth": portsmouth.build,
    "surrey": surrey.build,
    "sefton": sefton.build,
}
DOCUMENT_BUILDERS: dict[str, Callable[[], DocxDocument]] = {  # further documents: council/file
    "portsmouth/case_record.docx": portsmouth_case_record.build,
    "portsmouth/general_record.docx": portsmouth_general_record.build,
    "surrey/cancellation.docx": surrey_cancellation.build,
    "sefton/general_record.docx": sefton_general_record.build,
}


class TemplateFault(Exception):
    """A built template breaks the tag conventions."""


def build_all(root: Path) -> list[Path]:
    written = []
    for council, build in BUILDERS.items():
        path = root / "templates" / council / "agreement.docx"
        common.save(build(), path)
        check(path)
        written.append(path)
    for name, build in DOCUMENT_BUILDERS.items():
        path = root / "templates" / name
        common.save(build(), path)
        check(path)
        written.append(path)
    return written


def check(path: Path) -> list[str]:
    """Check the tag conventions; return the field paths in document order."""
    paths: list[str] = []
    annexes = 0
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if PARTS.match(name):
                root = etree.fromstring(package.read(name))
                for text in root.iter(f"{W}t"):
                    annexes += _check_text(text, paths, f"{path}:{name}")
                _check_split_tags(root, f"{path}:{name}")
    repeated = [p for p, n in Counter(p for p in paths if p not in common.LOOP_EXPRESSIONS).items() if n > 1]
    if repeated:
        raise TemplateFault(f"{path}: paths used more than once: {repeated}")
    if annexes > 1:
        raise TemplateFault(f"{path}: expected at most one annex paragraph, found {annexes}")
    return paths


def _check_text(text: etree._Element, paths: list[str], where: str) -> int:
    value = text.text or ""
    if "{" not in value and "}" not in value:
        return 0
    if value == common.ANNEX_TAG:
        paragraph = next(text.iterancestors(f"{W}p"))
        if next(paragraph.iterancestors()).tag != f"{W}body" or _text(paragraph) != common.ANNEX_TAG:
            raise TemplateFault(f"{where}: the annex must be a body paragraph of its own")
        return 1
    if ROW_TAG.match(value):
        tr = next(text.iterancestors(f"{W}tr"), None)
        if tr is None or _text(tr) != value:
            raise TemplateFault(f"{where}: row tag not alone in its table row: {value}")
        return 0
    match = FIELD.match(value)
    if not match or match.group(1) not in common.MODEL_PATHS | common.RECORD_PATHS | common.LOOP_EXPRESSIONS:
        raise TemplateFault(f"{where}: not a whole field tag in its run: {value!r}")
    paths.append(match.group(1))
    return 0


def _check_split_tags(root: etree._Element, where: str) -> None:
    for paragraph in root.iter(f"{W}p"):
        joined = _text(paragraph)
        whole = sum(len(re.findall(r"\{\{|\{%", t.text or "")) for t in paragraph.iter(f"{W}t"))
        if len(re.findall(r"\{\{|\{%", joined)) != whole:
            raise TemplateFault(f"{where}: a tag split across runs in {joined[:60]!r}")


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def main() -> int:
    try:
        for path in build_all(ROOT):
            fields = [p for p in check(path) if p not in common.LOOP_EXPRESSIONS]
            print(f"{path.relative_to(ROOT)}: {len(fields)} fields: {', '.join(fields)}")
    except TemplateFault as fault:
        print(f"error: {fault}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
