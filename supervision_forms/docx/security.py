"""Checking a template's package for anything unsafe, before it is compiled or shipped.

A pack's template may come from a third party. Word and LibreOffice act on some of what a
.docx holds as soon as it opens: a remote attached template, DDE and INCLUDE fields,
embedded objects, ActiveX controls, macros. And the Jinja tags run in our own process.
This module only looks; nothing it reads is run, fetched or rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment, TemplateSyntaxError, nodes
from lxml import etree

from ..errors import SupervisionFormsError, TemplateSecurityError
from .package import DocxPackage, macro_parts, unpack_package
from .patch import patch_tags
from .xml import W, parse_xml

TEMPLATED_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
"""The parts rendered with Jinja (docx/template.py renders the same ones)."""
STORY_PART = re.compile(
    r"word/(glossary/)?(document|header\d*|footer\d*|footnotes|endnotes|comments\w*)\.xml$"
)
"""The parts that hold text, so fields and objects."""
SAFE_FILTERS = frozenset({"pad", "month", "upper", "lower", "checkboxes"})
"""The filters docx/template.py registers; a template may use no others."""
SAFE_FIELDS = frozenset(
    {
        *("PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "CREATEDATE", "SAVEDATE"),
        *("PRINTDATE", "TITLE", "SUBJECT", "AUTHOR", "KEYWORDS", "COMMENTS", "DOCPROPERTY", "NUMWORDS"),
        *("NUMCHARS", "REF", "PAGEREF", "NOTEREF", "STYLEREF", "SEQ", "TOC", "TC", "HYPERLINK"),
        *("FORMTEXT", "FORMCHECKBOX", "FORMDROPDOWN", "SYMBOL", "LISTNUM", "AUTONUM", "AUTONUMLGL"),
        *("AUTONUMOUT", "ADVANCE", "EQ"),
    }
)
"""Word fields that only show something; any other field is refused."""
DDE_FIELDS = frozenset({"DDE", "DDEAUTO"})
INCLUDE_FIELDS = frozenset({"INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "IMPORT", "LINK", "RD", "DATABASE"})
SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")

RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
O_NS = "{urn:schemas-microsoft-com:office:office}"
ELEMENT_RULES = {
    f"{W}altChunk": ("altchunk", "an altChunk (a whole file imported into the document)"),
    f"{W}object": ("embedded-object", "an embedded OLE object"),
    f"{O_NS}OLEObject": ("embedded-object", "an embedded OLE object"),
    f"{W}control": ("activex", "an ActiveX control"),
    f"{W}subDoc": ("sub-document", "a link to a sub-document"),
}
RELATIONSHIP_RULES = {
    "attachedTemplate": ("attached-template", "an attached template (may be fetched when opened)"),
    "aFChunk": ("altchunk", "an altChunk part (a whole file imported into the document)"),
    "oleObject": ("embedded-object", "an embedded OLE object"),
    "package": ("embedded-object", "an embedded file"),
    "control": ("activex", "an ActiveX control"),
    "activeXControlBinary": ("activex", "an ActiveX control"),
    "subDocument": ("sub-document", "a link to a sub-document"),
    "vbaProject": ("macro", "a macro project"),
    "keyMapCustomizations": ("macro", "macro key bindings"),
}
PART_RULES = {
    "word/embeddings/": ("embedded-object", "an embedded file"),
    "word/activex/": ("activex", "an ActiveX control"),
}
_PARSE_ONLY = Environment()  # parses tags to inspect them; never compiles or renders
_ALLOWED_NODES = (
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Getattr,
    nodes.Filter,
    nodes.Const,
    nodes.For,
    nodes.If,
)


@dataclass(frozen=True)
class Finding:
    """One unsafe thing in a template: a rule name, the part it is in, and what it is."""

    rule: str
    part: str
    message: str

    def __str__(self) -> str:
        return f"{self.part}: {self.message} [{self.rule}]"


def read_template(data: bytes, label: str = "template") -> DocxPackage:
    """Unpack a template within the usual limits and refuse it if `scan_package` finds
    anything (`TemplateSecurityError`, naming the first finding)."""
    package = unpack_package(data, label)
    findings = scan_package(package)
    if findings:
        more = (
            f" (and {len(findings) - 1} more; see `supervision-forms pack lint`)" if len(findings) > 1 else ""
        )
        raise TemplateSecurityError(f"{label}: unsafe template: {findings[0]}{more}")
    return package


def scan_package(package: DocxPackage) -> list[Finding]:
    """Everything unsafe in a template package, in part order; empty when it is clean."""
    found: list[Finding] = [
        Finding("macro", name, "macros (a macro-enabled .docm); save the template as .docx")
        for name in macro_parts(package)
    ]
    for name in sorted(package.parts):
        blob = package.parts[name]
        lowered = name.lower()
        for prefix, (rule, what) in PART_RULES.items():
            if lowered.startswith(prefix):
                found.append(Finding(rule, name, f"{what}; remove it"))
        if name.endswith(".rels"):
            found += _relationship_findings(name, blob)
        elif STORY_PART.match(name):
            found += _story_findings(name, blob)
        if TEMPLATED_PART.match(name):
            found += _jinja_findings(name, blob)
        elif name.endswith((".xml", ".rels")) and (b"{{" in blob or b"{%" in blob):
            found.append(Finding("jinja", name, "template tags outside the body, headers and footers"))
    return list(dict.fromkeys(found))


def _parse(name: str, blob: bytes) -> etree._Element | Finding:
    try:
        return parse_xml(blob, name)
    except SupervisionFormsError as error:
        return Finding("xml", name, str(error).removeprefix(f"{name}: "))


def _relationship_findings(name: str, blob: bytes) -> list[Finding]:
    root = _parse(name, blob)
    if isinstance(root, Finding):
        return [root]
    found = []
    for relationship in root.iter(f"{RELS_NS}Relationship"):
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        external = relationship.get("TargetMode", "") == "External"
        if kind in RELATIONSHIP_RULES:
            rule, what = RELATIONSHIP_RULES[kind]
            found.append(Finding(rule, name, f"{what}; remove it"))
        elif external and kind != "hyperlink":
            found.append(Finding("external-link", name, f"a link to a remote file (type '{kind[:40]}')"))
        elif external and not relationship.get("Target", "").lower().startswith(SAFE_LINK_SCHEMES):
            found.append(Finding("external-link", name, "a hyperlink to a local or network file"))
    return found


def _story_findings(name: str, blob: bytes) -> list[Finding]:
    root = _parse(name, blob)
    if isinstance(root, Finding):
        return [root]
    found = [
        Finding(rule, name, f"{what}; remove it")
        for element in root.iter(*ELEMENT_RULES)
        for rule, what in [ELEMENT_RULES[str(element.tag)]]
    ]
    for instruction in field_instructions(root):
        keyword = instruction.split(maxsplit=1)[0].upper() if instruction.strip() else ""
        if keyword in SAFE_FIELDS:
            continue
        if keyword in DDE_FIELDS:
            found.append(Finding("dde-field", name, f"a {keyword} field (runs a program when updated)"))
        elif keyword in INCLUDE_FIELDS:
            found.append(Finding("include-field", name, f"an {keyword} field (fetches a file when updated)"))
        elif not keyword.isalpha():
            found.append(Finding("field", name, "a field whose code is built by another field, or garbled"))
        else:
            found.append(Finding("field", name, f"a {keyword[:20]} field, not on the list of safe fields"))
    return found


def field_instructions(root: etree._Element) -> Iterator[str]:
    """Each field's code, whole: simple fields, and complex fields whose code is split over
    runs (w:instrText, deleted ones included) between w:fldChar begin and separate/end.
    A nested field's code is its own; its result never joins the outer code."""
    for simple in root.iter(f"{W}fldSimple"):
        yield simple.get(f"{W}instr", "")
    stack: list[list[str]] = []  # the open fields' codes; a code is done at 'separate'
    done: list[bool] = []
    for element in root.iter(f"{W}fldChar", f"{W}instrText", f"{W}delInstrText"):
        kind = element.get(f"{W}fldCharType", "")
        if element.tag != f"{W}fldChar":
            if stack and not done[-1]:
                stack[-1].append(element.text or "")
            else:
                yield element.text or ""  # code outside any field: judge it on its own
        elif kind == "begin":
            stack.append([])
            done.append(False)
        elif kind in ("separate", "end") and stack:
            if not done[-1]:
                done[-1] = True
                yield "".join(stack[-1])
            if kind == "end":
                stack.pop()
                done.pop()
    for code, finished in zip(stack, done, strict=True):  # fields never closed
        if not finished:
            yield "".join(code)


def _has_tags(blob: bytes) -> bool:
    return b"{{" in blob or b"{%" in blob or b"{#" in blob


def _jinja_findings(name: str, blob: bytes) -> list[Finding]:
    """Every tag, wherever it is in the part (text, attributes, comments), may only name
    a field, filter it through a known filter, or loop and branch on a field."""
    if not _has_tags(blob):
        return []
    try:
        text = blob.decode("utf-8")
        source = patch_tags(text)  # as template.py does
        tree = _PARSE_ONLY.parse(source)
    except UnicodeDecodeError:
        return [Finding("xml", name, "the part is not UTF-8")]
    except TemplateSyntaxError as error:
        return [Finding("jinja", name, f"template tags do not parse: {error.message or ''}"[:120])]
    found = []
    for node in tree.find_all(nodes.Node):
        problem = _unsafe(node)
        if problem:
            found.append(Finding("jinja", name, f"template {problem}"))
    return found


def _unsafe(node: nodes.Node) -> str | None:
    """What makes one template node unsafe, or None."""
    if not isinstance(node, _ALLOWED_NODES):
        return f"uses '{type(node).__name__}', which templates may not"
    if isinstance(node, nodes.Getattr) and str(node.attr).startswith("_"):
        return f"reads a private attribute '{str(node.attr)[:30]}'"
    if isinstance(node, nodes.Name) and str(node.name).startswith("_"):
        return f"names a private variable '{str(node.name)[:30]}'"
    if isinstance(node, nodes.Filter):
        if node.name not in SAFE_FILTERS:
            return f"uses an unknown filter '{str(node.name)[:30]}'"
        if node.kwargs or node.dyn_args or node.dyn_kwargs:
            return "passes keyword or spread arguments to a filter"
        if any(not isinstance(arg, nodes.Const) for arg in node.args):
            return "passes a computed argument to a filter"
    if isinstance(node, nodes.Const) and not (isinstance(node.value, int) and 0 <= node.value <= 1000):
        return "holds a literal value other than a small number"
    if isinstance(node, nodes.For) and (node.recursive or node.test is not None):
        return "uses a recursive or filtered loop"
    return None
