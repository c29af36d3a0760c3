"""Every hostile document gets a clear library error (or reads correctly); nothing else."""

from __future__ import annotations

import pytest

from supervision_forms import PackRegistry
from supervision_forms.errors import SupervisionFormsError
from supervision_forms.reading import parse
from tests.hostile.corpus import DOCUMENTS, Case


@pytest.mark.parametrize("case", DOCUMENTS, ids=[c.name for c in DOCUMENTS])
def it_gives_each_hostile_document_its_clear_outcome(
    case: Case, genuine_docx: bytes, packs: PackRegistry
) -> None:
    data = case.build(genuine_docx)
    if case.expected is None:
        result = parse(data, packs=packs)
        assert (result.pack, result.document) == ("surrey", "agreement")
        assert result.data.supervisee.name  # type: ignore[attr-defined]
        return
    with pytest.raises(SupervisionFormsError) as raised:
        parse(data, packs=packs)
    message = str(raised.value)
    assert type(raised.value) is case.expected, message
    assert case.says in message
    assert "\n" not in message and len(message) < 200
