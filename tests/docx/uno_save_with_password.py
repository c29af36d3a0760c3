"""Save a document with a password to open, through LibreOffice (run by a Python with `uno`).

python uno_save_with_password.py SOFFICE SOURCE TARGET FILTER PROFILE_URL
"""

import contextlib
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name, value):  # type: ignore[no-untyped-def]
    item = PropertyValue()
    item.Name, item.Value = name, value
    return item


def main() -> None:
    binary, source, target, filter_name, profile = sys.argv[1:6]
    pipe = f"sfpw{time.time_ns()}"
    office = subprocess.Popen(
        [
            binary,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    for _ in range(600):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.2)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),)
    )
    document.storeToURL(
        uno.systemPathToFileUrl(target), (prop("FilterName", filter_name), prop("Password", "secret"))
    )
    document.close(True)
    with contextlib.suppress(Exception):
        desktop.terminate()
    office.wait(60)


main()
