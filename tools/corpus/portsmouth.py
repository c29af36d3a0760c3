"""Portsmouth's original Supervision Agreement (seed 000), filled in."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import Table, _Cell

from .answers import Written
from .fill import run, tracked
from .form import Form, vertical_merge
from .seeds import Seed

PROMPT = "To be discussed and recorded by supervisee and supervisor"
QUESTIONS = (
    ("What does the supervisee bring to this relationship", "supervisee_brings"),
    ("Are there any factors to acknowledge", "relationship_factors"),
    ("Agreed ‘permissions’", "permissions"),
    ("How will we recognise when the supervisory relationship", "not_working_signs"),
    ("What methods will be used to resolve any difficulties", "difficulty_resolution"),
    ("Any other relevant issues for this agreement", "other_issues"),
)


def build(form: Form, seed: Seed) -> None:
    header = form.doc.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run("Portsmouth").bold = True
    header.add_run(" CITY COUNCIL").font.size = Pt(9)
    form.para(seed.line("Children and Families Services"), bold=True, center=True, size=14)
    form.para(seed.line("Supervision Agreement (August"), bold=True, center=True, size=14)
    form.blank()
    quote = form.table([16.5])
    form.text(form.row(quote)[0], seed.line("“a two way"))
    form.para()
    wide = form.style.merged
    main = form.table([5.5, 3.5, 2.0, 5.5] if wide else [5.5, 11.0])
    spans = [1, 3] if wide else None
    heading = form.row(main, [4] if wide else [2])[0]
    if form.older and form.rng.random() < 0.5:  # "Section 1:" printed by automatic numbering
        form.numbered(form.text(heading, "The agreement", bold=True), "section")
    else:
        form.text(
            heading,
            form.edition("Section 1: The agreement", seed.line("Section 1: The agreement")),
            bold=True,
        )
    for start, path, name in (
        ("Staff member", "supervisee.name", form.answers.supervisee),
        ("Manager", "supervisor.name", form.answers.supervisor),
    ):
        _answer_row(form, main, spans, form.label(form.edition(start, seed.line(start))), path, name)
    form.blank_row(main, spans)
    _printed_rows(form, main, spans, seed)
    for start, path in QUESTIONS:
        _question(form, main, spans, form.edition(start, form.wording(seed.line(start))), path)
        form.blank_row(main, spans)
    cells = form.row(main, spans)
    form.text(cells[0], seed.line("Quality Assurance"), bold=True)
    form.text(cells[1], seed.line("In order to ensure"))
    _review(form, main, spans, seed)
    signatures = main if wide else _signature_table(form)
    for start, who, name in (
        ("Signed manager", "supervisor", form.answers.supervisor),
        ("Signed staff member", "supervisee", form.answers.supervisee),
    ):
        _signature(form, signatures, form.label(form.edition(start, seed.line(start))), who, name)
    form.para()


def _answer_row(form: Form, grid: Table, spans: list[int] | None, label: str, path: str, name: str) -> None:
    cells = form.row(grid, spans)
    form.text(cells[0], label, bold=True)
    form.fill_cell(cells[1], form.answer(path, _written(name)))


def _written(text: str) -> Written:
    return Written(text, text)


def _printed_rows(form: Form, grid: Table, spans: list[int] | None, seed: Seed) -> None:
    outline = form.row(grid, spans)
    form.text(outline[0], seed.line("Outline of supervision"), bold=True)
    form.text(outline[1], seed.line("All members of Children"))
    form.bullets(outline[1], seed.bullets("All members of Children"))
    structure = form.row(grid, spans)
    form.text(structure[0], seed.line("Supervision structure"), bold=True)
    form.bullets(structure[1], seed.bullets("Supervision structure"))
    form.text(structure[1], seed.line("In addition, there will be"))
    boundaries = form.row(grid, spans)
    form.text(boundaries[0], seed.line("The boundaries of supervision"), bold=True)
    for line in seed.after("The boundaries of supervision", 2):
        form.text(boundaries[1], line)
    content = form.row(grid, spans)
    form.text(content[0], seed.line("Content of supervision"), bold=True)
    for line in seed.after("Content of supervision", 4):
        form.text(content[1], line)


def _question(form: Form, grid: Table, spans: list[int] | None, label: str, path: str) -> None:
    cells = form.row(grid, spans)
    form.text(cells[0], label, bold=True)
    text = form.answer(path, form.answers.text(path))
    style = form.style.prompt
    lower: _Cell | None = None
    if form.style.merged and text and "\n" in text and form.rng.random() < 0.5:
        below = form.row(grid, spans)
        vertical_merge(cells[0], below[0])
        lower = below[1]
    if text is None:
        if form.rng.random() < 0.8:
            form.text(cells[1], PROMPT)
        else:
            form.fill_cell(cells[1], None)
        return
    if lower is not None:  # the answer runs on into the lower half of a merged label
        first, _, rest = text.partition("\n")
        if style in ("under", "same"):
            form.text(cells[1], PROMPT)
        form.filler.block(cells[1], first)
        form.filler.block(lower, rest)
        return
    if style == "replace":
        form.fill_cell(cells[1], text)
    elif style == "under":
        form.text(cells[1], PROMPT)
        form.filler.block(cells[1], text)
    elif style == "above":
        form.fill_cell(cells[1], text)
        form.text(cells[1], PROMPT)
    elif style == "same":
        paragraph = form.text(cells[1], PROMPT + form.rng.choice((": ", " – ", "  ", ". ")))
        first, _, rest = text.partition("\n")
        form.filler.inline(paragraph, first)
        if rest:
            form.filler.block(cells[1], rest)
    else:  # the prompt deleted with track changes on, the answer typed in its place
        paragraph = cells[1].paragraphs[0]
        paragraph._p.append(tracked("del", run(PROMPT, deleted=True)))
        first, _, rest = text.partition("\n")
        paragraph._p.append(tracked("ins", run(first)))
        if rest:
            form.filler.block(cells[1], rest)


def _review(form: Form, grid: Table, spans: list[int] | None, seed: Seed) -> None:
    cells = form.row(grid, spans)
    form.text(cells[0], seed.line("Review"), bold=True)
    form.text(cells[1], seed.line("This agreement will be reviewed"))
    if form.rng.random() < (0.6 if form.older or form.style.realistic else 0.3):  # some teams type it in
        paragraph = form.text(cells[1], form.label(form.edition("Next review date", "Next review date")))
        paragraph.add_run(" ")
        form.filler.inline(paragraph, form.answer("review_date", form.answers.review()))
    else:
        form.truth["review_date"] = None


def _signature_table(form: Form) -> Table:
    form.blank()
    return form.table([5.5, 5.5, 2.0, 3.5])


def _signature(form: Form, grid: Table, label: str, who: str, name: str) -> None:
    cells = form.row(grid)
    form.text(cells[0], label, bold=True)
    signed = form.answer(f"signatures.{who}.name", _written(name))
    dated = form.answer(f"signatures.{who}.date", form.answers.date())
    form.text(cells[2], form.label("Date"), bold=True)
    if form.style.realistic and signed and dated and form.rng.random() < 0.3:
        # name and date typed on the signature line, the Date cell left empty
        form.fill_cell(cells[1], f"{signed}{form.rng.choice((' ', '   ', '  '))}Date: {dated}")
        return
    form.fill_cell(cells[1], signed)
    form.fill_cell(cells[3], dated)
