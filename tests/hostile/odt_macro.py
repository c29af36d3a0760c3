"""An OpenDocument text with a LibreOffice Basic macro bound to every document event.

`with_basic_macros` takes an .odt (LibreOffice writes a fine one) and adds what
LibreOffice itself stores for document macros: a `Standard` library under `Basic/`
and `office:event-listeners` in content.xml. Opening, laying out, copying ("Save a
copy", which is what a conversion does), closing: each event runs a Sub that appends
the event's name as a line to the marker file, so the marker says which events ran.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

# LibreOffice's document events and their ODF names (as LibreOffice writes them).
EVENTS = {
    "OnCreate": "office:create",
    "OnNew": "office:new",
    "OnLoadFinished": "office:load-finished",
    "OnLoad": "dom:load",
    "OnViewCreated": "office:view-created",
    "OnLayoutFinished": "office:layout-finished",
    "OnFocus": "dom:DOMFocusIn",
    "OnUnfocus": "dom:DOMFocusOut",
    "OnModifyChanged": "office:modify-changed",
    "OnTitleChanged": "office:title-changed",
    "OnVisAreaChanged": "office:visarea-changed",
    "OnModeChanged": "office:mode-changed",
    "OnStorageChanged": "office:storage-changed",
    "OnPageCountChange": "office:page-count-change",
    "OnSave": "office:save",
    "OnSaveDone": "office:save-done",
    "OnSaveAs": "office:save-as",
    "OnSaveAsDone": "office:save-as-done",
    "OnCopyTo": "office:copy-to",
    "OnCopyToDone": "office:copy-to-done",
    "OnCopyToFailed": "office:copy-to-failed",
    "OnPrint": "office:print",
    "OnPrepareViewClosing": "office:prepare-view-closing",
    "OnViewClosed": "office:view-close",
    "OnPrepareUnload": "office:prepare-unload",
    "OnUnload": "dom:unload",
}
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
SCRIPT = "urn:oasis:names:tc:opendocument:xmlns:script:1.0"
XLINK = "http://www.w3.org/1999/xlink"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
# The values "ooo:script" and "dom:load" are names: their prefixes must be declared.
SCRIPT_NAMES = {"ooo": "http://openoffice.org/2004/office", "dom": "http://www.w3.org/2001/xml-events"}
LIBRARY = "http://openoffice.org/2000/library"
MACRO_URL = "vnd.sun.star.script:Standard.Module1"  # a Sub of Module1 in the document's Standard library


def basic_source(marker: Path) -> str:
    """The module: one Sub per event, each appending its event's name to `marker`."""
    path = str(marker).replace('"', '""')
    mark = (
        "Sub Mark(what As String)\n  Dim n As Integer\n  n = FreeFile\n"
        f'  Open "{path}" For Append As #n\n  Print #n, what\n  Close #n\nEnd Sub\n'
    )
    return mark + "".join(f'Sub {event}(Optional oEvent)\n  Mark "{event}"\nEnd Sub\n' for event in EVENTS)


def with_basic_macros(odt: bytes, marker: Path) -> bytes:
    """The .odt with the Basic library and every event bound to it."""
    source = zipfile.ZipFile(io.BytesIO(odt))
    if any(name.startswith("Basic/") for name in source.namelist()):
        raise ValueError("this .odt already has Basic macros")
    parts = _library(marker)
    changed = {
        "content.xml": _bound(source.read("content.xml")),
        "META-INF/manifest.xml": _listed(source.read("META-INF/manifest.xml"), list(parts)),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", source.read("mimetype"))  # first and stored, as ODF requires
        for info in source.infolist():
            if info.filename != "mimetype":
                package.writestr(info, changed.get(info.filename, source.read(info)))
        for name, data in parts.items():
            package.writestr(name, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _bound(content: bytes) -> bytes:
    """content.xml with an event listener per event, as the first child of the root."""
    root = etree.fromstring(content)
    scripts = etree.Element(f"{{{OFFICE}}}scripts", nsmap=SCRIPT_NAMES)
    listeners = etree.SubElement(scripts, f"{{{OFFICE}}}event-listeners")
    for event, name in EVENTS.items():
        etree.SubElement(
            listeners,
            f"{{{SCRIPT}}}event-listener",
            {
                f"{{{SCRIPT}}}language": "ooo:script",
                f"{{{SCRIPT}}}event-name": name,
                f"{{{XLINK}}}type": "simple",
                f"{{{XLINK}}}href": f"{MACRO_URL}.{event}?language=Basic&location=document",
            },
        )
    for old in root.findall(f"{{{OFFICE}}}scripts"):
        root.remove(old)
    root.insert(0, scripts)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _listed(manifest: bytes, names: list[str]) -> bytes:
    root = etree.fromstring(manifest)
    for name in names:
        entry = {f"{{{MANIFEST}}}full-path": name, f"{{{MANIFEST}}}media-type": "text/xml"}
        etree.SubElement(root, f"{{{MANIFEST}}}file-entry", entry)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _library(marker: Path) -> dict[str, bytes]:
    """The `Standard` Basic library: its container list, its index, its one module."""
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return {
        "Basic/script-lc.xml": (
            f'{head}<library:libraries xmlns:library="{LIBRARY}" xmlns:xlink="{XLINK}">'
            '<library:library library:name="Standard" library:link="false"/></library:libraries>'
        ).encode(),
        "Basic/Standard/script-lb.xml": (
            f'{head}<library:library xmlns:library="{LIBRARY}" library:name="Standard" '
            'library:readonly="false" library:passwordprotected="false">'
            '<library:element library:name="Module1"/></library:library>'
        ).encode(),
        "Basic/Standard/Module1.xml": (
            f'{head}<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
            f'script:language="StarBasic">{escape(basic_source(marker))}</script:module>'
        ).encode(),
    }
