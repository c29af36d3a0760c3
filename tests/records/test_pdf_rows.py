"""Reading a table of objects from a PDF by where its text is drawn."""

from __future__ import annotations

from supervision_forms.reading.rows import Fragment, read_rows

HEADERS = ["Action", "Who", "By when"]
X = (72.0, 220.0, 305.0)
LINE = 12.6  # a wrapped line
ROW = 16.1  # the next row: a line, the cell's spacing and the border


def header(y: float = 700.0, page: int = 0) -> list[Fragment]:
    return [Fragment(page, x, y, text) for x, text in zip(X, HEADERS, strict=True)]


def it_reads_wrapped_cells_as_one_row_each() -> None:
    y = 700.0 - ROW
    fragments = [
        *header(),
        Fragment(0, X[0], y, "Joint visit with the "),
        Fragment(0, X[0], y - LINE, "health visitor"),
        Fragment(0, X[1], y, "Tom Wheeler"),
        Fragment(0, X[2], y, "20 November "),
        Fragment(0, X[2], y - LINE, "2026"),
        Fragment(0, X[0], y - LINE - ROW, "Book a bed"),
        Fragment(0, X[1], y - LINE - ROW, "Priya Nair"),
        Fragment(0, X[0], 400.0, "Section 4: Recording"),
    ]
    rows = read_rows(HEADERS, "Section 4: Recording", fragments)
    assert rows == [
        ["Joint visit with the\nhealth visitor", "Tom Wheeler", "20 November\n2026"],
        ["Book a bed", "Priya Nair", ""],
    ]


def it_joins_pieces_drawn_on_one_line_of_a_cell() -> None:
    y = 700.0 - ROW
    fragments = [*header(), Fragment(0, X[1], y, "Tom "), Fragment(0, X[1] + 30, y, "Wheeler")]
    assert read_rows(HEADERS, "", fragments) == [["", "Tom Wheeler", ""]]


def it_starts_a_new_row_on_a_new_page_and_skips_the_page_header() -> None:
    fragments = [
        *header(),
        Fragment(0, X[0], 700.0 - ROW, "First"),
        Fragment(1, 350.0, 790.0, "Portsmouth"),
        Fragment(1, 450.0, 790.0, " CITY COUNCIL"),
        Fragment(1, X[0], 750.0, "Second"),
    ]
    rows = read_rows(HEADERS, "", fragments, margins=["Portsmouth CITY COUNCIL"])
    assert rows == [["First", "", ""], ["Second", "", ""]]


def it_stops_at_text_left_of_the_table() -> None:
    fragments = [*header(), Fragment(0, X[0], 700.0 - ROW, "Row"), Fragment(0, 40.0, 600.0, "Footnote")]
    assert read_rows(HEADERS, "", fragments) == [["Row", "", ""]]


def it_says_none_without_the_printed_header() -> None:
    fragments = [Fragment(0, X[0], 700.0, "Action"), Fragment(0, X[0], 680.0, "Who")]
    assert read_rows(HEADERS, "", fragments) is None


def it_reads_an_empty_table_as_no_rows() -> None:
    assert read_rows(HEADERS, "End", [*header(), Fragment(0, X[0], 650.0, "End")]) == []
