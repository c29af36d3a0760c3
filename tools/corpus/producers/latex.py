"""pandoc and LaTeX: each filled .docx read by pandoc and typeset by pdflatex.

pandoc's Word reader keeps paragraphs, tables (as longtables with booktabs rules: no
vertical lines), bold and italic, lists and tracked insertions; pdflatex sets them in one
of TeX's font families, justified and hyphenated. Three fixes a user would make so that no
text is lost: text boxes are typed in place (pandoc drops them), a cell spanning columns
is set as a paragraph as wide as its columns (pandoc 2.17 sets it as one unbreakable line
that runs off the page), and the few characters pdflatex has no glyph for (tick boxes,
Symbol bullets, en spaces) are declared.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from ..item import Job

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FAMILIES = ("lmodern", "times", "helvet", "palatino", "charter")
HELD_OUT_FAMILIES = ("bookman", "utopia", "lmodern")
PREAMBLE = r"""
\usepackage{amssymb}
\DeclareUnicodeCharacter{2610}{$\square$}
\DeclareUnicodeCharacter{2612}{$\boxtimes$}
\DeclareUnicodeCharacter{2611}{$\checkmark$}
\DeclareUnicodeCharacter{F0B7}{\textbullet}
\DeclareUnicodeCharacter{2002}{\enspace}
\DeclareUnicodeCharacter{2003}{\quad}
\DeclareUnicodeCharacter{2009}{\,}
\DeclareUnicodeCharacter{200B}{}
\DeclareUnicodeCharacter{2713}{$\checkmark$}
"""
SPAN = re.compile(r"\\multicolumn\{(\d+)\}\{l\}\{")
TABLE_START = "\\begin{longtable}[]{"
TABLE_END = "\\end{longtable}"
FRACTION = re.compile(r"\\real\{([0-9.]+)\}")


def tex(docx: Path, family: str, size: str) -> str:
    """The LaTeX pandoc writes for the document, fixed so that nothing runs off the page."""
    command = [
        "pandoc", str(docx), "-s", "-t", "latex",
        "-V", "geometry:margin=2cm", "-V", f"fontsize={size}", "-V", "papersize=a4",
    ]  # fmt: skip
    if family == "helvet":
        command += [
            "-V",
            "fontfamily=helvet",
            "-V",
            "header-includes=\\renewcommand{\\familydefault}{\\sfdefault}",
        ]
    elif family != "lmodern":
        command += ["-V", f"fontfamily={family}"]
    source = subprocess.run(command, check=True, capture_output=True, timeout=120).stdout.decode("utf-8")
    source = _tables(source)
    return source.replace("\\begin{document}", PREAMBLE + "\\begin{document}", 1)


def _tables(source: str) -> str:
    out = []
    index = 0
    while (start := source.find(TABLE_START, index)) >= 0:
        depth, end = 1, start + len(TABLE_START)
        while depth:
            depth += {"{": 1, "}": -1}.get(source[end], 0)
            end += 1
        spec = source[start + len(TABLE_START) : end - 1]
        finish = source.index(TABLE_END, end)
        out += [source[index:start], TABLE_START, spec, "}", _wrap_spans(spec, source[end:finish])]
        index = finish
    return "".join(out) + source[index:]


def _wrap_spans(spec: str, body: str) -> str:
    """Cells spanning columns set as paragraphs as wide as the columns they span."""
    fractions = [float(f) for f in FRACTION.findall(spec)]
    out: list[str] = []
    column = depth = index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and body.startswith("\\\\", index) and depth == 0:
            column = 0
            out.append("\\\\")
            index += 2
            continue
        if char == "\\":  # a control word or symbol: copy it whole
            match = SPAN.match(body, index) if depth == 0 else None
            if match:
                span = int(match.group(1))
                share = sum(fractions[column : column + span]) if fractions else span / max(1, _columns(spec))
                width = f"(\\columnwidth - 2\\tabcolsep) * \\real{{{share:.4f}}}"
                out.append(f"\\multicolumn{{{span}}}{{p{{{width}}}}}{{")
                column += span - 1
                depth += 1
                index = match.end()
                continue
            end = index + 2
            while end < len(body) and body[end].isalpha() and body[index + 1].isalpha():
                end += 1
            out.append(body[index:end])
            index = end
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "&" and depth == 0:
            column += 1
        out.append(char)
        index += 1
    return "".join(out)


def _columns(spec: str) -> int:
    return max(1, len(re.findall(r"[lcrp](?![a-z])", re.sub(r"\{[^{}]*\}", "", spec))))


def unboxed(docx: bytes) -> bytes:
    """The document with each text box's paragraphs typed in its place (pandoc drops boxes)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = _unbox(data)
            target.writestr(info, data)
    return out.getvalue()


def _unbox(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for run in list(root.iter(f"{{{W}}}r")):
        boxes = list(run.iter(f"{{{W}}}txbxContent"))
        if not boxes:
            continue
        lines = [
            "".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for box in boxes for p in box.iter(f"{{{W}}}p")
        ]
        replacement = etree.Element(f"{{{W}}}r")
        for number, line in enumerate(lines):
            if number:
                etree.SubElement(replacement, f"{{{W}}}br")
            text = etree.SubElement(replacement, f"{{{W}}}t")
            text.text = line
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.addprevious(replacement)
        run.getparent().remove(run)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def typeset(source: str, target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="corpus-latex-") as scratch:
        folder = Path(scratch)
        (folder / "form.tex").write_text(source, encoding="utf-8")
        for _ in range(2):  # longtables settle their widths on the second run
            subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "form.tex"],
                cwd=folder,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=300,
            )
        target.write_bytes((folder / "form.pdf").read_bytes())


def make(job: Job) -> None:
    out = job.folder("latex")
    families = HELD_OUT_FAMILIES if job.held_out else FAMILIES
    for name in job.names:
        rng = job.rng("latex", name)
        family, size = rng.choice(families), rng.choice(("10pt", "11pt", "12pt"))
        with tempfile.TemporaryDirectory(prefix="corpus-pandoc-") as scratch:
            docx = Path(scratch) / f"{name}.docx"
            docx.write_bytes(unboxed((job.out / "docx" / f"{name}.docx").read_bytes()))
            typeset(tex(docx, family, size), out / f"{name}.pdf")
