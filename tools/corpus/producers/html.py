"""An HTML version of each filled form, and chromium's print-to-PDF of it.

Councils' case-management systems show forms as web pages and print them from the
browser. `make` writes each filled .docx as such a page: its tables (spans and merged
rows kept), paragraphs, bullets as lists, tick boxes, text boxes and page furniture, with a
look drawn per form from `Theme`: fonts, borders, label cells as <th>, dot leaders kept as
text or drawn by CSS (so the dots are not in the text), tick boxes as glyphs or as
<input type=checkbox> (no text at all), and the page furniture as chromium's own header
and footer (date, title, file URL, "1/3"), as CSS page-margin boxes ("Page 1 of 3" and the
protective marking), or as the head and foot of a frame table that the browser repeats on
every page. Tracked deletions and
Word's placeholder prompts are not shown, as a web form would not show them.

`chromium` prints each page with headless chromium's --print-to-pdf.
"""

from __future__ import annotations

import html
import random
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from lxml import etree

from ..item import Job

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
FONTS = (
    "Arial, Helvetica, sans-serif",
    "Verdana, sans-serif",
    "Georgia, serif",
    "Tahoma, 'Segoe UI', sans-serif",
    "Calibri, Carlito, sans-serif",
    "'Times New Roman', Times, serif",
    "'DejaVu Sans', sans-serif",
)
HELD_OUT_FONTS = (
    "Cambria, Caladea, serif",
    "'Trebuchet MS', sans-serif",
    "'Courier New', monospace",
    "system-ui",
)
LEADER = re.compile(r"(?:(?<=\w)\.)?(?P<dots>(?:[.…]\s?){6,})")  # a full stop typed before them is kept


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Theme:
    """How this page looks."""

    font: str
    size: str
    border: str
    th_labels: bool  # bold-only cells as <th>
    shaded_labels: bool
    leaders: str  # "text": dots kept; "css": a dotted rule instead of dots
    ticks: str  # "glyph" or "input"
    furniture: str  # "browser", "margin" or "repeated"
    width: str  # page body width
    lists: str  # "ul" (bullets drawn by the browser) or "text" ("•" in the text)

    @classmethod
    def random(cls, rng: random.Random, held_out: bool) -> Theme:
        return cls(
            font=rng.choice(HELD_OUT_FONTS if held_out else FONTS),
            size=rng.choice(("10pt", "11pt", "12pt", "13px", "14px", "15px")),
            border=rng.choice(("1px solid #000", "0.5pt solid #333", "2px solid #555", "1px solid #999")),
            th_labels=rng.random() < 0.5,
            shaded_labels=rng.random() < 0.4,
            leaders=rng.choice(("text", "text", "css")),
            ticks=rng.choice(("glyph", "glyph", "input")),
            furniture=rng.choice(("browser", "margin", "repeated")),
            width=rng.choice(("100%", "100%", "92%")),
            lists=rng.choice(("ul", "ul", "text")),
        )


class Writer:
    """Walks a .docx body into HTML."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme

    # --- blocks -------------------------------------------------------------------------

    def blocks(self, parent: etree._Element) -> str:
        out: list[str] = []
        items: list[str] = []
        for child in parent:
            if child.tag == w("sdt"):
                if _placeholder(child):
                    continue
                content = child.find(w("sdtContent"))
                if content is not None:
                    out.append(self._flush(items))
                    items = []
                    out.append(self.blocks(content))
                continue
            if child.tag == w("p"):
                text = self.inline(child)
                if _is_list(child) and self.theme.lists == "ul":
                    items.append(text)
                    continue
                out.append(self._flush(items))
                items = []
                if _is_list(child):
                    text = "• " + text
                out.append(self._paragraph(child, text))
            elif child.tag == w("tbl"):
                out.append(self._flush(items))
                items = []
                out.append(self.table(child))
        out.append(self._flush(items))
        return "".join(out)

    def _flush(self, items: list[str]) -> str:
        if not items:
            return ""
        return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"

    def _paragraph(self, p: etree._Element, text: str) -> str:
        align = p.find(f"{w('pPr')}/{w('jc')}")
        style = ' style="text-align:center"' if align is not None and align.get(w("val")) == "center" else ""
        return f"<p{style}>{text or '&nbsp;'}</p>"

    def table(self, tbl: etree._Element) -> str:
        widths = [int(col.get(w("w"), "0") or 0) for col in tbl.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
        total = sum(widths) or 1
        rows = tbl.findall(w("tr"))
        grid = [self._row_cells(row) for row in rows]
        out = ["<table><colgroup>"]
        out += [f'<col style="width:{100 * width / total:.1f}%">' for width in widths]
        out.append("</colgroup>")
        for index, cells in enumerate(grid):
            out.append("<tr>")
            for column, span, merge, tc in cells:
                if merge == "continue":
                    continue
                rowspan = 1
                if merge == "restart":
                    for later in grid[index + 1 :]:
                        match = [c for c in later if c[0] == column]
                        if match and match[0][2] == "continue":
                            rowspan += 1
                        else:
                            break
                body = self.blocks(tc)
                label = _all_bold(tc)
                tag = "th" if label and self.theme.th_labels else "td"
                attrs = (f' colspan="{span}"' if span > 1 else "") + (
                    f' rowspan="{rowspan}"' if rowspan > 1 else ""
                )
                if label and self.theme.shaded_labels:
                    attrs += ' class="label"'
                out.append(f"<{tag}{attrs}>{body}</{tag}>")
            out.append("</tr>")
        out.append("</table>")
        return "".join(out)

    def _row_cells(self, row: etree._Element) -> list[tuple[int, int, str | None, etree._Element]]:
        cells = []
        column = 0
        for tc in row.iter(w("tc")):
            if tc.getparent() is not row and tc.getparent().tag != w("sdtContent"):
                continue
            properties = tc.find(w("tcPr"))
            span = 1
            merge = None
            if properties is not None:
                grid_span = properties.find(w("gridSpan"))
                if grid_span is not None:
                    span = int(grid_span.get(w("val"), "1"))
                v_merge = properties.find(w("vMerge"))
                if v_merge is not None:
                    merge = v_merge.get(w("val"), "continue")
            cells.append((column, span, merge, tc))
            column += span
        return cells

    # --- runs ---------------------------------------------------------------------------

    def inline(self, parent: etree._Element) -> str:
        out: list[str] = []
        self._field: list[str] = []  # field state: "code" or "result", per nesting level
        self._walk(parent, out)
        text = "".join(out)
        if self.theme.leaders == "css":
            text = LEADER.sub(
                lambda m: m[0][: m.start("dots") - m.start()] + '<span class="leader"></span>', text
            )
        return text

    def _walk(self, parent: etree._Element, out: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                self._run(child, out)
            elif tag in (w("ins"), w("hyperlink"), w("smartTag"), w("fldSimple"), w("customXml")):
                self._walk(child, out)
            elif tag == w("sdt"):
                self._inline_control(child, out)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._walk(choice, out)

    def _inline_control(self, sdt: etree._Element, out: list[str]) -> None:
        box = sdt.find(f"{w('sdtPr')}/{{{W14}}}checkbox")
        if box is not None:
            checked = box.find(f"{{{W14}}}checked")
            out.append(self._tick(checked is not None and checked.get(f"{{{W14}}}val") in ("1", "true")))
            return
        if _placeholder(sdt):
            return
        content = sdt.find(w("sdtContent"))
        if content is not None:
            self._walk(content, out)

    def _run(self, r: etree._Element, out: list[str]) -> None:
        properties = r.find(w("rPr"))
        bold = properties is not None and _on(properties.find(w("b")))
        italic = properties is not None and _on(properties.find(w("i")))
        pieces: list[str] = []
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self._field.append("code")
                    box = child.find(f"{w('ffData')}/{w('checkBox')}")
                    if box is not None:
                        checked = box.find(w("checked"))
                        default = box.find(w("default"))
                        ticked = _on(checked) if checked is not None else _on(default, "0")
                        pieces.append(self._tick(ticked))
                elif kind == "separate" and self._field:
                    self._field[-1] = "result"
                elif kind == "end" and self._field:
                    self._field.pop()
                continue
            if self._field and self._field[-1] == "code":
                continue
            if tag == w("t"):  # Symbol-font characters (U+F0xx) as the page would show them
                text = re.sub("[\uf020-\uf0ff]", lambda m: _symbol(f"{ord(m.group()):X}"), child.text or "")
                pieces.append(html.escape(text))
            elif tag == w("tab"):
                pieces.append("&emsp;&emsp;")
            elif tag in (w("br"), w("cr")):
                pieces.append("<br>")
            elif tag == w("sym"):
                pieces.append(_symbol(child.get(w("char"), "")))
            elif tag == w("drawing") or tag == f"{{{MC}}}AlternateContent":
                for box in child.iter(w("txbxContent")):
                    pieces.append(f'<span class="box">{self.blocks(box)}</span>')
        text = "".join(pieces)
        if bold and text.strip():
            text = f"<b>{text}</b>"
        if italic and text.strip():
            text = f"<i>{text}</i>"
        out.append(text)

    def _tick(self, checked: bool) -> str:
        if self.theme.ticks == "input":
            return f'<input type="checkbox"{" checked" if checked else ""} disabled>'
        return "☒" if checked else "☐"


def _placeholder(sdt: etree._Element) -> bool:
    return sdt.find(f"{w('sdtPr')}/{w('showingPlcHdr')}") is not None


def _is_list(p: etree._Element) -> bool:
    properties = p.find(w("pPr"))
    if properties is None:
        return False
    style = properties.find(w("pStyle"))
    return properties.find(w("numPr")) is not None or (
        style is not None and style.get(w("val"), "").startswith("List")
    )


def _on(element: etree._Element | None, default: str = "1") -> bool:
    if element is None:
        return False
    return element.get(w("val"), default) not in ("0", "false", "off")


def _all_bold(tc: etree._Element) -> bool:
    runs = [r for r in tc.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t"))).strip()]
    return bool(runs) and all(
        r.find(w("rPr")) is not None and _on(r.find(f"{w('rPr')}/{w('b')}")) for r in runs
    )


def _symbol(code: str) -> str:
    value = int(code, 16) if code else 0xB7
    return {0xF0B7: "•", 0xB7: "•", 0xF0A7: "▪", 0xF0FC: "✓"}.get(value, "•")


def _furniture_text(part: object) -> tuple[str, bool]:
    """A header's or footer's text without its page-number fields; whether it had them."""
    element = part._element  # type: ignore[attr-defined]
    numbered = False
    lines = []
    for paragraph in element.iter(w("p")):
        pieces: list[str] = []
        state: list[str] = []  # per open field: "code", "page" (a PAGE/NUMPAGES result) or "result"
        for node in paragraph.iter(w("fldChar"), w("instrText"), w("t")):
            if node.tag == w("fldChar"):
                kind = node.get(w("fldCharType"))
                if kind == "begin":
                    state.append("code")
                elif kind == "separate" and state:
                    state[-1] = "page" if state[-1] == "page-code" else "result"
                elif kind == "end" and state:
                    state.pop()
            elif node.tag == w("instrText"):
                if state and re.match(r"\s*(PAGE|NUMPAGES|SECTIONPAGES)\b", node.text or "", re.I):
                    state[-1] = "page-code"
                    numbered = True
            elif not state or state[-1] == "result":
                pieces.append(node.text or "")
        text = re.sub(r"\bPage\s*(of)?\s*$", "", "".join(pieces).strip()).strip()
        if text:
            lines.append(text)
    return " ".join(lines), numbered


def page(docx: Path, theme: Theme, title: str) -> str:
    """The HTML page of one filled form."""
    document = Document(str(docx))
    body = Writer(theme).blocks(document.element.body)
    section = document.sections[0]
    header, _ = _furniture_text(section.header)
    footer, numbered = _furniture_text(section.footer)
    css = [
        f"body {{ font-family: {theme.font}; font-size: {theme.size}; width: {theme.width};"
        " margin: 0 auto; }",
        "table { border-collapse: collapse; width: 99.6%; margin: 6px 0; }",
        f"td, th {{ border: {theme.border}; padding: 3px 5px; vertical-align: top; text-align: left; }}",
        "th { font-weight: bold; } td.label, th.label, .label { background: #e8e8e8; }",
        "p { margin: 2px 0 6px 0; } ul { margin: 2px 0 6px 0; padding-left: 22px; }",
        ".box { display: inline-block; border: 1px solid #777; padding: 2px 4px; }",
        ".leader { display: inline-block; min-width: 8em; border-bottom: 1px dotted #000; }",
        "input[type=checkbox] { width: 12px; height: 12px; margin: 0 3px; vertical-align: middle; }",
    ]
    top = bottom = ""
    if theme.furniture == "margin":
        page_css = "@page { size: A4; margin: 18mm 15mm;"
        if header:
            page_css += f' @top-center {{ content: "{_css_string(header)}"; font: bold 9pt sans-serif; }}'
        bottom_text = f"{_css_string(footer)}  " if footer else ""
        if numbered or footer:
            page_css += (
                f' @bottom-center {{ content: "{bottom_text}Page " counter(page) " of " counter(pages);'
                " font: 9pt sans-serif; }"
            )
        css.append(page_css + " }")
    elif theme.furniture == "repeated":  # a frame table: the browser repeats thead and tfoot per page
        css.append("@page { size: A4; margin: 14mm 15mm; }")
        css.append("table.frame, table.frame > * > tr > td { border: none; padding: 0; margin: 0; }")
        css.append(".furniture { text-align: center; font-size: 9pt; padding: 4px 0; }")
        head = f'<thead><tr><td class="furniture">{html.escape(header)}</td></tr></thead>' if header else ""
        foot = f'<tfoot><tr><td class="furniture">{html.escape(footer)}</td></tr></tfoot>' if footer else ""
        body = f'<table class="frame">{head}{foot}<tbody><tr><td>{body}</td></tr></tbody></table>'
    else:
        css.append("@page { size: A4; margin: 16mm 12mm; }")
        top = f"<p><small>{html.escape(header)}</small></p>" if header else ""
        bottom = f"<p><small>{html.escape(footer)}</small></p>" if footer else ""
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{' '.join(css)}</style></head>"
        f"<body>{top}{body}{bottom}</body></html>\n"
    )


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def make(job: Job) -> None:
    out = job.folder("html")
    themes = {}
    for name in job.names:
        theme = Theme.random(job.rng("html", name), job.held_out)
        themes[name] = theme
        council = name.split("-")[0].capitalize()
        (out / f"{name}.html").write_text(
            page(job.out / "docx" / f"{name}.docx", theme, f"Supervision agreement – {council}"),
            encoding="utf-8",
        )


def chromium(job: Job) -> None:
    out = job.folder("chromium")
    for name in job.names:
        theme = Theme.random(job.rng("html", name), job.held_out)
        source = job.out / "html" / f"{name}.html"
        print_page(source, out / f"{name}.pdf", browser_furniture=theme.furniture == "browser")


def print_page(source: Path, target: Path, *, browser_furniture: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="corpus-chromium-") as profile:
        command = [
            "chromium",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={target}",
            *([] if browser_furniture else ["--no-pdf-header-footer"]),
            source.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    if not target.exists():
        raise RuntimeError(f"chromium did not print {target.name}")
