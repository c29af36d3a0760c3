"""PDF: an answer typed at the margin under a label indented as a list item (the list's
letters lost) is that label's answer; text of another column left of a label is not."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import Text, pdf

WANT = "What I want from you as my supervisor ......................"
CONTRIBUTE = "What I will contribute as a supervisee ......................"


def _read(texts: list[Text], packs: PackRegistry) -> object:
    return parse(pdf([texts]), pack="sefton", document="agreement", packs=packs)


def it_reads_answers_typed_at_the_margin_under_indented_labels(packs: PackRegistry) -> None:
    texts = [
        Text(60, 100, "Expectations of Supervision:"),
        Text(80, 130, WANT),
        Text(60, 144, "Straight answers and time to think out loud when the court work"),
        Text(60, 158, "is heavy."),
        Text(80, 172, CONTRIBUTE),
        Text(80, 186, "......................................"),
        Text(60, 200, "Preparation and honest updates."),
    ]
    result = _read(texts, packs)
    expectations = result.data.expectations  # type: ignore[attr-defined]
    assert " ".join(expectations.want_from_supervisor.split()) == (
        "Straight answers and time to think out loud when the court work is heavy."
    )
    assert expectations.contribute_as_supervisee == "Preparation and honest updates."


def it_takes_no_text_left_of_a_label_that_has_printed_text_before_it_on_its_line(
    packs: PackRegistry,
) -> None:
    # the label is the second column of its line: the lines at the margin are the first column's
    texts = [
        Text(60, 130, "Notes"),
        Text(200, 130, WANT),
        Text(60, 144, "Kept by the manager in the team's shared folder, which all can read."),
    ]
    result = _read(texts, packs)
    assert result.data.expectations.want_from_supervisor is None  # type: ignore[attr-defined]
