"""Word's placeholder text wrapped in its cell ("Click" beside a label, "here to enter
text." under it) is Word's text, never an answer: least of all a person's name."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse
from supervision_forms.reading.knowledge import placeholder_start

from .pdfkit import Text, cell, pdf


def it_tells_the_first_words_of_a_placeholder() -> None:
    assert placeholder_start("Click")
    assert placeholder_start("Click or tap here")
    assert placeholder_start("choose an")
    assert not placeholder_start("Clicker Jones")
    assert not placeholder_start("Jane Smith")
    assert not placeholder_start("")


def it_never_reads_a_placeholders_first_word_as_a_signature_name(packs: PackRegistry) -> None:
    page: list[Text | object] = [
        *cell(60, 300, 300, 335),
        *cell(300, 300, 520, 335),
        Text(65, 312, "Signature of supervisee: Click"),
        Text(65, 326, "here to enter text."),
        Text(305, 312, "Date: Sun 2 November 2025"),
        *cell(60, 335, 520, 365),
        Text(65, 347, "Signature of"),
        Text(65, 360, "supervisor: Krzysztof Nowak"),
        Text(330, 360, "Date: 25 October 2025"),
    ]
    result = parse(pdf([page]), pack="surrey", packs=packs)
    assert result.data.signatures.supervisee.name is None  # type: ignore[attr-defined]
    assert any(
        w.field == "signatures.supervisee.name" and "placeholder" in w.message for w in result.warnings
    )
