"""A short label is not the start of a longer one: "Supervisee's name" is not "Supervisee"."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from supervision_forms import PackRegistry

from .kit import document, read, table


def _form(doc: DocxDocument) -> None:
    doc.add_paragraph("Supervisee's name: ")
    doc.add_paragraph("Supervisor's name: Tom Jones")
    doc.add_paragraph("The supervisor and supervisee will be told of planned audits of supervision files.")
    table(
        doc,
        [
            ["Parties to the Contract:", "", ""],
            ["", "Supervisee\tAmy Smith", "Date: 15-06-2026"],
            ["", "Supervisor\tTom Jones", "Date: 25-05-2026"],
        ],
    )


def it_finds_a_signature_label_where_it_stands_alone_not_where_it_starts_a_possessive(
    packs: PackRegistry,
) -> None:
    result = read(document(_form), packs.get("sefton"))
    data = result.data
    assert data.signatures.supervisee.name == "Amy Smith"  # type: ignore[attr-defined]
    assert data.signatures.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]
    assert data.supervisee.name is None  # type: ignore[attr-defined]  # left blank on the form
    assert data.supervisor.name == "Tom Jones"  # type: ignore[attr-defined]


def it_takes_no_sentence_that_starts_with_a_role_for_that_role_s_name(packs: PackRegistry) -> None:
    # "The supervisor" is one word that says what it asks: a sentence starting so, in an
    # answer, is no reworded "Supervisor" label (its first two words were taken for one)
    def form(doc: DocxDocument) -> None:
        doc.add_paragraph("KEY TASKS OF SUPERVISEE:")
        doc.add_paragraph("Twelve looked-after children.")
        doc.add_paragraph("The supervisor rings the team on Mondays.")
        doc.add_paragraph("The frequency of supervision will be monthly.")

    result = read(document(form), packs.get("sefton"))
    assert result.data.key_tasks == "Twelve looked-after children.\nThe supervisor rings the team on Mondays."  # type: ignore[attr-defined]
    assert result.data.supervisor.name is None  # type: ignore[attr-defined]
