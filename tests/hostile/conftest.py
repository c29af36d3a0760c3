"""Fixtures for the hostile tests: one genuine rendered document to spoil."""

from __future__ import annotations

import pytest

from supervision_forms import PackRegistry
from supervision_forms.render import render


@pytest.fixture(scope="session")
def genuine_docx(packs: PackRegistry) -> bytes:
    return render(packs.get("surrey").example("agreement"), pack="surrey", packs=packs)
