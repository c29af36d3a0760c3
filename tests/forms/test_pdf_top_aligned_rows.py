"""A table drawn without row borders whose rows set their cells from the top (LaTeX's):
a row whose answer starts on its label's first line and runs on past its last shows where
rows start, so the next row starts where its label does, even where the answer above
filled its last line."""

from __future__ import annotations

from supervision_forms import PackRegistry, parse

from .pdfkit import Rule, Text, pdf

NAMES: list[Text | Rule] = [Text(60, 100, "Supervisor: Tom Jones"), Text(60, 120, "Supervisee: Jane Smith")]


def _table(label_top: float = 200) -> list[Text | Rule]:
    labels = ["What are the supervisor's expectations", "of the supervisee and vice versa?"]
    return [
        *NAMES,
        Rule(55, 180, 540, 180),
        *(Text(60, label_top + 13 * n, text) for n, text in enumerate(labels)),
        Text(280, 200, "We both keep to time and send the agenda"),
        Text(280, 213, "two days before we meet. Sessions start on"),
        Text(280, 226, "time and end with the actions agreed, written."),
        Text(60, 239, "Are there any factors relevant to the"),
        Text(60, 252, "development of the supervisory relationship?"),
        Text(280, 239, "Supervisee has a long-term health condition."),
        Rule(55, 270, 540, 270),
    ]


def it_reads_both_rows_of_a_table_set_from_the_top(packs: PackRegistry) -> None:
    result = parse(pdf([_table()]), pack="surrey", packs=packs)
    data = result.data
    assert " ".join(data.expectations.mutual.split()) == (  # type: ignore[attr-defined]
        "We both keep to time and send the agenda two days before we meet. "
        "Sessions start on time and end with the actions agreed, written."
    )
    assert " ".join(data.relationship_factors.split()) == (  # type: ignore[attr-defined]
        "Supervisee has a long-term health condition."
    )


def it_still_doubts_rows_whose_labels_are_not_set_from_the_top(packs: PackRegistry) -> None:
    # the first label set a line lower than its answer (centred): where rows start is not known
    result = parse(pdf([_table(label_top=213)]), pack="surrey", packs=packs)
    assert result.data.expectations.mutual is None  # type: ignore[attr-defined]
    assert any(w.field == "expectations.mutual" and "row" in w.message for w in result.warnings)


def it_reads_a_row_above_an_empty_one_whose_next_row_starts_beside_its_own_label(packs: PackRegistry) -> None:
    # "Manager:" left empty between the name and the next row's text: that text is beside a
    # row label of its own, not the name's answer running round an empty centred label
    page: list[Text | Rule] = [
        Rule(55, 180, 540, 180),
        Text(60, 200, "Staff member:"),
        Text(230, 200, "Jane Smith"),
        Text(60, 213, "Manager:"),
        Text(60, 226, "Outline of supervision"),
        Text(230, 226, "All members of the service are to be supervised at four"),
        Text(230, 239, "weekly intervals, and more often where the work needs it."),
        Rule(55, 260, 540, 260),
    ]
    result = parse(pdf([page]), pack="portsmouth", packs=packs)
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
