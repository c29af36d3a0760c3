"""Surrey's original Supervision Agreement (seed 001), filled in."""

from __future__ import annotations

import re

from docx.table import Table

from .answers import Written
from .fill import run
from .form import Form
from .seeds import Seed

SUPPORT = (
    ("How will any issues of concern", "concerns_addressed"),
    ("How will the supervisee raise any issues", "raise_process_issues"),
)
WORKING_WELL = (
    ("What are the supervisor’s expectations", "expectations.mutual"),
    ("Are there any factors relevant", "relationship_factors"),
    ("What methods will be used to resolve", "difficulty_resolution"),
)


def build(form: Form, seed: Seed) -> None:
    form.para(seed.line("Supervision Agreement"), bold=True, center=True, size=14)
    _names(form, seed)
    form.blank()
    intro = seed.after("Date of this agreement", 6)
    intro[0:2] = [intro[0] + " " + intro[1]]  # the seed breaks one sentence over two lines
    for line in intro:
        form.para(line)
    grid = form.table([7.0, 9.5])
    _heading(form, grid, seed.line("1. Practical Arrangements"))
    cells = form.row(grid)
    form.text(cells[0], "Supervision")
    form.text(cells[0], seed.line("Frequency and duration?"))
    if form.older:  # tick boxes, and the duration typed beside them
        form.frequency_ticks(cells[1].paragraphs[0])
    else:
        form.fill_cell(cells[1], _frequency_and_duration(form))
    _heading(form, grid, seed.line("2. What support is available?"))
    _question_below(
        form,
        grid,
        form.edition("Availability of manager for", form.wording(seed.line("Availability of manager for"))),
        "management_availability",
    )
    permissions = form.row(grid)
    paragraph = permissions[0].paragraphs[0]
    paragraph.add_run("Agreed ‘permissions’").bold = True
    paragraph.add_run(" " + seed.line("Agreed ‘permissions’").removeprefix("Agreed ‘permissions’").strip())
    form.fill_cell(permissions[1], form.answer("permissions", form.answers.text("permissions")))
    for start, path in SUPPORT:
        _question_below(form, grid, form.edition(start, form.wording(seed.line(start))), path)
    content = form.row(grid, [2])[0]
    if form.older:
        form.numbered(form.text(content, "Content of Supervision", bold=True))
    else:
        form.text(content, seed.line("3. Content of Supervision"), bold=True)
    for line in seed.after("3. Content of Supervision", 2):
        form.text(content, line)
    _heading(form, grid, seed.line("4. Making supervision work well"))
    start = "What does the supervisee bring"
    _question_below(form, grid, form.edition(start, form.wording(seed.line(start))), "supervisee_brings")
    for start, path in WORKING_WELL:
        cells = form.row(grid)
        form.text(cells[0], form.wording(seed.line(start)), bold=True)
        form.fill_cell(cells[1], form.answer(path, form.answers.text(path)))
        form.blank_row(grid)
    form.text(form.row(grid, [2])[0], seed.line("NB: If difficulties arise"))
    _recording(form, grid, seed)
    _other_issues(form, grid, seed)
    _review(form, grid, seed)
    _signature(form, grid, "supervisee", form.answers.supervisee)
    _signature(form, grid, "supervisor", form.answers.supervisor)
    form.para()
    for start in ("Document last reviewed", "Reviewed by", "Next review date"):
        form.para(seed.line(start))


def _names(form: Form, seed: Seed) -> None:
    layout = form.rng.choice(("below", "right", "rows"))
    grid = form.table([5.0, 11.5] if layout == "right" else [16.5])
    for start, path, written in (
        ("Name of supervisor", "supervisor.name", Written(form.answers.supervisor, form.answers.supervisor)),
        (
            "Name of staff member",
            "supervisee.name",
            Written(form.answers.supervisee, form.answers.supervisee),
        ),
        ("Date of this agreement", "agreement_date", form.answers.date(form.answers.start)),
    ):
        label = form.label(form.edition(start, seed.line(start)))
        text = form.answer(path, written)
        cells = form.row(grid)
        cell = cells[0]
        if layout == "right":
            form.text(cell, label, bold=True)
            form.fill_cell(cells[1], text)
        elif layout == "rows":
            form.text(cell, label, bold=True)
            form.fill_cell(form.row(grid)[0], text)
        elif form.rng.random() < 0.3 and text and "\n" not in text:  # typed on the label's line
            paragraph = form.text(cell, label, bold=True)
            paragraph.add_run(" ")
            form.filler.inline(paragraph, text)
        else:
            cell.add_paragraph()
            form.text(cell, label, bold=True)
            form.filler.block(cell, text)


def _heading(form: Form, grid: Table, text: str) -> None:
    """A section heading; on an older edition numbered by Word (the number not in the text)."""
    cell = form.row(grid, [2])[0]
    unnumbered = re.sub(r"^\d+\.\s*", "", text)
    if form.older and unnumbered != text:
        form.numbered(form.text(cell, unnumbered, bold=True))
    else:
        form.text(cell, text, bold=True)


def _question_below(form: Form, grid: Table, label: str, path: str) -> None:
    """A full-width question with its answer in the row below (or typed under it)."""
    form.text(form.row(grid, [2])[0], label, bold=True)
    text = form.answer(path, form.answers.text(path))
    if form.style.merged:
        form.fill_cell(form.row(grid, [2])[0], text)
    else:
        answer, _spare = form.row(grid)
        form.fill_cell(answer, text)
    form.blank_row(grid, [2])


def _frequency_and_duration(form: Form) -> str | None:
    frequency = form.answer("frequency.description", form.answers.frequency())
    duration_written = form.answers.duration()
    duration = form.answer("duration_minutes", duration_written)
    if frequency is None or duration is None:
        return frequency or duration
    pattern = form.rng.choice(
        ("{f}, {d}", "{f} for {d}", "{f}\n{d}", "Frequency: {f}\nDuration: {d}", "{f} – {d}")
    )
    return pattern.format(f=frequency, d=duration)


def _recording(form: Form, grid: Table, seed: Seed) -> None:
    _heading(form, grid, seed.line("5. Recording"))
    record = form.row(grid, [2])[0]
    for start in ("Formal supervision sessions", "Any decisions taken", "Any decisions outside"):
        form.text(record, seed.line(start))
    purposes = form.row(grid, [2])[0]
    form.text(purposes, seed.line("The purposes for which"))
    form.bullets(purposes, seed.bullets("The purposes for which"))


def _other_issues(form: Form, grid: Table, seed: Seed) -> None:
    label = seed.line("6. Any other relevant issues")
    text = form.answer("other_issues", form.answers.text("other_issues"))
    cell = form.row(grid, [2])[0]
    if form.older:
        form.numbered(form.text(cell, re.sub(r"^\d+\.\s*", "", label), bold=True))
    else:
        form.text(cell, label, bold=True)
    if form.rng.random() < 0.5:
        form.filler.block(cell, text)
    else:
        form.fill_cell(form.row(grid, [2])[0], text)


def _review(form: Form, grid: Table, seed: Seed) -> None:
    cell = form.row(grid, [2])[0]
    paragraph = form.text(
        cell, form.edition("7. Date this agreement", seed.line("7. Date this agreement")), bold=True
    )
    text = form.answer("review_date", form.answers.review())
    if form.rng.random() < 0.7:
        paragraph.add_run(" ")
        form.filler.inline(paragraph, text)
    else:
        form.filler.block(cell, text)


def _signature(form: Form, grid: Table, who: str, name: str) -> None:
    """ "Signature of / supervisee: … Date: …" in one cell, or name and date side by side."""
    signed = form.answer(f"signatures.{who}.name", Written(name, name))
    dated = form.answer(f"signatures.{who}.date", form.answers.date())
    if form.rng.random() < 0.7:
        cell = form.row(grid, [2])[0]
        paragraph = cell.paragraphs[0]
        paragraph.add_run("Signature of")
        paragraph._p.append(run("\n" + f"{who}:" + " "))
        form.filler.inline(paragraph, signed)
        paragraph._p.append(run(" " * form.rng.randint(4, 30) + "\t" * form.rng.randint(0, 2) + "Date: "))
        form.filler.inline(paragraph, dated)
        return
    left, right = form.row(grid)
    paragraph = form.text(left, f"Signature of {who}:", bold=True)
    paragraph.add_run(" ")
    form.filler.inline(paragraph, signed)
    paragraph = form.text(right, "Date:", bold=True)
    paragraph.add_run(" ")
    form.filler.inline(paragraph, dated)
