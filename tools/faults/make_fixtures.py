"""Regenerate tests/faults/fixtures: a roster workbook encrypted with a password, as
Excel's "Encrypt with Password" saves it (an OLE file holding the encrypted package).

Needs msoffcrypto-tool, which the library itself does not use; run it in a throwaway
environment:

    python3 -m venv /tmp/fixtures-venv
    /tmp/fixtures-venv/bin/pip install msoffcrypto-tool openpyxl
    /tmp/fixtures-venv/bin/python tools/faults/make_fixtures.py
"""

from __future__ import annotations

import io
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]
from openpyxl import Workbook

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "faults" / "fixtures"


def main() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Team"
    sheet.append(["Supervisee name", "Supervisor", "Start date"])
    sheet.append(["Fixture Person", "Fixture Manager", "16/11/2026"])
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    document = OOXMLFile(plain)
    encrypted = io.BytesIO()
    document.encrypt("roster-password", encrypted)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    (FIXTURES / "password-protected.xlsx").write_bytes(encrypted.getvalue())


if __name__ == "__main__":
    main()
