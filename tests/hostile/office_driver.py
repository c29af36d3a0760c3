"""Open one document in LibreOffice over UNO, save a copy as .docx, close it (the macro controls).

Run by a Python that has LibreOffice's `uno` module (not the project's), as
    python3 office_driver.py SOFFICE PROFILE_URL SOURCE TARGET HIDDEN MACRO_MODE VBA_OPEN PIPE
HIDDEN is 0 or 1; MACRO_MODE is a com.sun.star.document.MacroExecMode value; VBA_OPEN=1
also hands the document's VBA project LibreOffice's own Document_Open event, through its
Writer VBA event processor. Exit status: 0 done, 4 not loaded, 5 died on closing, 3 LibreOffice gone.
"""

import contextlib
import subprocess
import sys
import time

import uno

VBA_PROCESSOR = "com.sun.star.document.vba.VBATextEventProcessor"  # the name LibreOffice registers
DOCUMENT_OPEN = "com.sun.star.script.vba.VBAEventId.DOCUMENT_OPEN"


def prop(name: str, value: object) -> object:
    item = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    item.Name, item.Value = name, value
    return item


def convert(context: object, source: str, target: str, hidden: bool, mode: int, vba_open: bool) -> int:
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    load = (prop("Hidden", hidden), prop("MacroExecutionMode", mode))
    for attempt in range(5):
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, load)
        if document is not None:
            break
        sys.stderr.write(f"load attempt {attempt} gave nothing\n")
        time.sleep(1.0)
    else:
        return 4
    toolkit = context.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", context)
    toolkit.processEventsToIdle()  # OnLoad and its like are posted, not sent: deliver them now
    if vba_open:
        try:
            manager = context.ServiceManager
            processor = manager.createInstanceWithArgumentsAndContext(VBA_PROCESSOR, (document,), context)
            processor.processVbaEvent(uno.getConstantByName(DOCUMENT_OPEN), ())
        except Exception as error:
            sys.stderr.write(f"Document_Open refused: {type(error).__name__}\n")
    store = (prop("FilterName", "MS Word 2007 XML"), prop("Overwrite", True))
    document.storeToURL(uno.systemPathToFileUrl(target), store)
    toolkit.processEventsToIdle()
    try:
        document.close(True)
    except Exception as error:  # e.g. a macro run on closing took LibreOffice down
        sys.stderr.write(f"closing failed: {type(error).__name__}\n")
        return 5
    with contextlib.suppress(Exception):  # LibreOffice may go before it answers
        desktop.terminate()
    return 0


def main() -> int:
    binary, profile, source, target, hidden, mode, vba_open, pipe = sys.argv[1:9]
    connect = f"pipe,name={pipe};urp;StarOffice.ComponentContext"
    office = subprocess.Popen(
        [
            binary,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nofirststartwizard",
            "--nocrashreport",
            f"--accept={connect}",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        while True:
            if office.poll() is not None:
                return 3
            try:
                context = resolver.resolve(f"uno:{connect}")
                break
            except Exception:
                time.sleep(0.1)
        return convert(context, source, target, hidden == "1", int(mode), vba_open == "1")
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


sys.exit(main())
