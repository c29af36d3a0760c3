"""The producers: each turns the corpus's filled forms into one more kind of file.

A producer reads one folder of the corpus (`source`: the filled .docx, LibreOffice's PDFs,
...) and writes `OUT/<name>/<form>.<suffix>`, one file per form (page images: one per page,
`<form>.p<N>.<suffix>`). Modules are imported only when their producer runs, so the
corpus package imports without pdfplumber, fontTools or Pillow.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..item import Job


@dataclass(frozen=True)
class Producer:
    name: str  # its folder, and its name in reports
    suffix: str
    source: str  # the folder it is made from
    make: str  # "module:function" in this package
    tools: tuple[str, ...]  # programs it needs
    about: str
    measured: bool = True  # False: an intermediate (HTML) that parse does not read

    def run(self, job: Job) -> None:
        module, _, function = self.make.partition(":")
        run: Callable[[Job], None] = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        run(job)

    def missing(self) -> list[str]:
        return [tool for tool in self.tools if shutil.which(tool) is None]


PRODUCERS: tuple[Producer, ...] = (
    Producer("resaved", "docx", "docx", "office:resaved", ("soffice",), "LibreOffice re-save as .docx"),
    Producer("pdf", "pdf", "docx", "office:pdf", ("soffice",), "LibreOffice PDF export"),
    Producer("doc", "doc", "docx", "office:doc", ("soffice",), "Word 97-2003 .doc (LibreOffice)"),
    Producer("dot", "dot", "docx", "office:dot", ("soffice",), "Word 97-2003 template .dot (LibreOffice)"),
    Producer("rtf", "rtf", "docx", "office:rtf", ("soffice",), "Rich Text Format (LibreOffice)"),
    Producer("odt", "odt", "docx", "office:odt", ("soffice",), "OpenDocument text (LibreOffice)"),
    Producer("dotx", "dotx", "docx", "office:dotx", ("soffice",), "Word template .dotx (LibreOffice)"),
    Producer("web", "docx", "docx", "packages:web", (), "Word for the web package (word/document2.xml)"),
    Producer("strict", "docx", "docx", "packages:strict", (), "Strict Open XML (purl.oclc.org namespaces)"),
    Producer(
        "wordlike",
        "pdf",
        "docx",
        "wordlike:make",
        ("soffice",),
        "Word-like PDF: other fonts, TJ kerning, a word per show, out of order, filled rules",
    ),
    Producer("html", "html", "docx", "html:make", (), "HTML version of the form", measured=False),
    Producer("chromium", "pdf", "html", "html:chromium", ("chromium",), "chromium print-to-PDF of the HTML"),
    Producer("gs", "pdf", "pdf", "ghost:redistil", ("gs",), "Ghostscript pdfwrite of LibreOffice's PDF"),
    Producer(
        "ps",
        "pdf",
        "pdf",
        "ghost:printed",
        ("pdftocairo", "ps2pdf"),
        "printed by cairo to PostScript, ps2pdf",
    ),
    Producer(
        "ps-garbled",
        "pdf",
        "pdf",
        "ghost:garbled",
        ("pdftops", "ps2pdf"),
        "printed by pdftops to PostScript, ps2pdf: fonts lose their Unicode map (needs OCR)",
    ),
    Producer("latex", "pdf", "docx", "latex:make", ("pandoc", "pdflatex"), "pandoc .docx to LaTeX PDF"),
    Producer("scan", "pdf", "pdf", "scans:pdf", ("pdftoppm",), "scanned pages as an image-only PDF"),
    Producer("scan-tif", "tif", "pdf", "scans:tif", ("pdftoppm",), "scanned pages as a multi-page TIFF"),
    Producer("scan-png", "png", "pdf", "scans:png", ("pdftoppm",), "a photographed page per .png"),
    Producer("scan-jpg", "jpg", "pdf", "scans:jpg", ("pdftoppm",), "a scanned page per .jpg"),
)
BY_NAME = {producer.name: producer for producer in PRODUCERS}
GROUPS = {
    "office": ("resaved", "pdf"),
    "archive": ("doc", "dot", "rtf", "odt", "dotx", "web", "strict"),
    "pdfs": ("pdf", "wordlike", "html", "chromium", "gs", "ps", "ps-garbled", "latex"),
    "scans": ("scan", "scan-tif", "scan-png", "scan-jpg"),
}


def chosen(names: Iterable[str]) -> list[Producer]:
    """Producers by name or group ("all"), with the ones they are made from, in order."""
    wanted: set[str] = set()
    for name in names:
        if name == "all":
            wanted |= set(BY_NAME)
        elif name in GROUPS:
            wanted |= set(GROUPS[name])
        elif name in BY_NAME:
            wanted.add(name)
        else:
            raise KeyError(f"no producer or group called {name!r}; known: {', '.join([*BY_NAME, *GROUPS])}")
    closed = set(wanted)
    for name in list(wanted):
        source = BY_NAME[name].source
        while source != "docx":
            closed.add(source)
            source = BY_NAME[source].source
    return [producer for producer in PRODUCERS if producer.name in closed]
