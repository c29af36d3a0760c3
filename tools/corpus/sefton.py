"""Sefton's original Supervision Agreement (seed 002, Appendix 1), filled in."""

from __future__ import annotations

import re

from docx.text.paragraph import Paragraph

from .answers import MONTHS, Written, date_text, ordinal
from .fill import run
from .form import Form
from .seeds import Seed

EXPECTATIONS = (
    ("a) What I want from you as my supervisor", "expectations.want_from_supervisor"),
    ("b) What I will contribute as a supervisee", "expectations.contribute_as_supervisee"),
    ("c) What I want from you as the supervisee", "expectations.want_from_supervisee"),
    ("d) What I will contribute as the supervisor", "expectations.contribute_as_supervisor"),
    ("e) As the supervisor I am responsible for", "expectations.supervisor_responsible_for"),
    ("f) As the supervisee I am responsible for", "expectations.supervisee_responsible_for"),
)
METHODS = ("handwritten notes", "typed notes", "the electronic record")


def build(form: Form, seed: Seed) -> None:
    title = re.sub(r"\[bookmark:[^\]]*\]", "", seed.line("[bookmark")).strip()
    form.para(title, bold=True)
    form.blank()
    for label, path, name in (
        ("Name Supervisee:", "supervisee.name", form.answers.supervisee),
        ("Name Supervisor/Manager:", "supervisor.name", form.answers.supervisor),
    ):
        paragraph = form.para(form.label(form.edition(label, label)), bold=True)
        paragraph.add_run(" ")
        form.filler.inline(paragraph, form.answer(path, Written(name, name)))
    _key_tasks(form, seed)
    form.para(seed.line("MANDATE FOR SUPERVISION"), bold=True)
    form.para(seed.line("Sefton Council expects"))
    for letter in "abcde":
        form.para(seed.line(f"{letter}) To ") if letter != "e" else seed.line("e) Provide"))
    form.para(seed.line("FORMAT OF SUPERVISION"), bold=True)
    _format(form, seed)
    _others(form, seed)
    _content(form, seed)
    form.para(seed.line("Auditing of Practice"), bold=True)
    for line in seed.after("Auditing of Practice", 2):
        form.para(line)
    form.para(seed.line("Expectations of Supervision"), bold=True)
    for line in seed.after("Expectations of Supervision", 2):
        form.para(line)
    for label, path in EXPECTATIONS:
        printed = form.wording(seed.line(label).rstrip(" .…"))
        if form.older:  # "a)" printed by automatic numbering
            _dots(form, printed[3:], "", path, form.answers.text(path, paragraphs=False), lettered=True)
        else:
            _dots(form, printed, "", path, form.answers.text(path, paragraphs=False))
        form.blank()
    form.para(seed.line("ANY OTHER ISSUES"), bold=True)
    form.para(seed.line("Disagreements"), bold=True)
    form.bullets(None, seed.bullets("Disagreements"))
    _meeting_dates(form, seed)
    _parties(form, seed)
    form.para(seed.line("Note: The agreement"))


def _key_tasks(form: Form, seed: Seed) -> None:
    start = "KEY TASKS OF SUPERVISEE"
    form.para(form.label(form.edition(start, seed.line(start))), bold=True)
    form.para(seed.line("This may include individual cases"))
    text = form.answer("key_tasks", form.answers.text("key_tasks"))
    if text is None:
        form.para()
        return
    for line in text.split("\n"):
        form.filler.inline(form.para(), line)


def _format(form: Form, seed: Seed) -> None:
    lead = seed.line("The supervision meeting will take place in privacy").lstrip("· ")
    _dots(form, lead, "", "interruptions", form.answers.text("interruptions"), next_line=True)
    if form.older:  # one line: tick boxes for the frequency, the duration typed beside them
        paragraph = form.para("Frequency of supervision: ")
        form.frequency_ticks(paragraph)
    else:
        _dots(
            form,
            "The frequency of supervision will be",
            "",
            "frequency.description",
            form.answers.frequency(),
        )
        _dots(
            form,
            "The supervision meeting will last for a minimum of:",
            "",
            "duration_minutes",
            form.answers.duration(),
        )
    method = seed.line("Method of recording the session will be by")
    suffix = " " + method.split("……", 1)[-1].lstrip(". …")
    if form.rng.random() < 0.3:
        _method_ticks(form, suffix)
    else:
        _dots(
            form,
            "Method of recording the session will be by",
            suffix,
            "recording.method",
            form.answers.text("recording.method"),
        )
    for start in ("Welfare supervision records", "Any particular focus"):
        form.para(seed.line(start).lstrip("· "))


def _dots(
    form: Form,
    label: str,
    suffix: str,
    path: str,
    written: Written,
    *,
    next_line: bool = False,
    lettered: bool = False,
) -> None:
    """A printed line with dot leaders, typed over, between, after, or under them."""
    text = form.answer(path, written)
    if text is not None:
        text = text.replace("\n", " ")
    dots = form.rng.choice(("…", ".")) * form.rng.randint(12, 40)
    paragraph = form.para(label)
    if lettered:
        form.numbered(paragraph, "lowerLetter")
    if next_line:
        paragraph._p.append(run("\n"))
    else:
        paragraph.add_run(" ")
    style = form.style.dots
    if text is None:
        paragraph.add_run(dots + suffix)
        return
    if style == "overwrite":
        form.filler.inline(paragraph, text)
    elif style == "between" or (style == "next" and suffix):
        half = dots[: len(dots) // 2]
        paragraph.add_run(half)
        form.filler.inline(paragraph, text)
        paragraph.add_run(half)
    elif style == "after":
        paragraph.add_run(dots + " ")
        form.filler.inline(paragraph, text)
    else:
        paragraph.add_run(dots)
        paragraph.add_run(suffix)
        form.filler.inline(form.para(), text)
        return
    paragraph.add_run(suffix)


def _method_ticks(form: Form, suffix: str) -> None:
    chosen = form.rng.choice(METHODS)
    form.truth["recording.method"] = chosen
    paragraph = form.para("Method of recording the session will be by ")
    form.ticks(paragraph, list(METHODS), {chosen})
    paragraph.add_run(suffix)


def _others(form: Form, seed: Seed) -> None:
    start = "Others who may see the record"
    form.para(form.label(form.edition(start, seed.line(start))))
    text = form.answer("recording.others_who_may_see", form.answers.text("recording.others_who_may_see"))
    for line in (text or "").split("\n"):
        form.filler.inline(form.para(), line or None)
    form.blank()


def _content(form: Form, seed: Seed) -> None:
    form.para(seed.line("The supervision meeting will consist of"))
    for start in ("1. Performance Management", "2. Professional Development", "3. Welfare/Support"):
        form.para(seed.line(start))
        if start.startswith("2."):
            form.para(seed.line("to include:"))
        form.bullets(None, seed.bullets(start if not start.startswith("2.") else "to include:"))


def _meeting_dates(form: Form, seed: Seed) -> None:
    form.para(seed.line("Dates of Supervision Meetings"), bold=True)
    grid = form.table([5.0, 8.0])
    header = form.row(grid)
    form.text(header[0], "Month", bold=True)
    form.text(header[1], "Date", bold=True)
    rows = form.rng.choice((9, 12, 12))
    filled = 0 if form.answers.empty() else form.rng.randint(3, rows)
    days = form.answers.meeting_dates(filled)
    split = form.rng.random() < 0.25  # "March 2026" | "3rd"
    for day in days:
        month_cell, date_cell = form.row(grid)
        month = MONTHS[day.month - 1]
        if split:
            form.filler.inline(month_cell.paragraphs[0], f"{month} {day.year}")
            form.filler.inline(date_cell.paragraphs[0], ordinal(day.day))
        else:
            form.filler.inline(
                month_cell.paragraphs[0], form.rng.choice((month, month[:3], f"{month} {day.year}"))
            )
            form.filler.inline(
                date_cell.paragraphs[0], date_text(day, form.rng, held_out=form.style.held_out)
            )
        if form.style.blank_rows and form.rng.random() < 0.2:
            form.row(grid)
    for _ in range(max(0, rows - filled)):
        form.row(grid)
    form.truth["meeting_dates"] = [day.isoformat() for day in days]
    form.para()


def _parties(form: Form, seed: Seed) -> None:
    layout = form.rng.choice(("seed", "seed", "four", "left"))
    grid = form.table([4.0, 6.0, 6.0] if layout != "four" else [3.5, 5.5, 2.0, 5.5])
    heading = form.row(grid, [1, 2] if layout != "four" else [1, 3])
    form.text(heading[0], seed.line("Parties to the Contract"), bold=True)
    review_in_table = layout == "seed" and form.rng.random() < (0.6 if form.style.realistic else 0.4)
    for who, name in (("supervisee", form.answers.supervisee), ("supervisor", form.answers.supervisor)):
        signed = form.answer(f"signatures.{who}.name", Written(name, name))
        dated = form.answer(f"signatures.{who}.date", form.answers.date())
        cells = form.row(grid)
        title = who.capitalize()
        if layout == "four":
            form.text(cells[0], title, bold=True)
            form.text(cells[2], "Date:", bold=True)
            if form.style.realistic and signed and dated and form.rng.random() < 0.35:
                form.fill_cell(cells[1], f"{signed}  Date: {dated}")  # both on the signature line
                continue
            form.fill_cell(cells[1], signed)
            form.fill_cell(cells[3], dated)
            continue
        if layout == "left":
            form.fill_cell(cells[0], signed)
            form.text(cells[1], title, bold=True)
        else:
            paragraph = form.text(cells[1], title, bold=True)
            _after(form, paragraph, signed)
            if who == "supervisor" and review_in_table:
                form.text(cells[0], " ")
                _review(form, form.text(cells[0], form.edition("Date of Review:", "Date of Review:")))
        _after(form, form.text(cells[2], "Date:", bold=True), dated)
    if not review_in_table:
        form.para()
        _review(form, form.para(form.edition("Date of Review:", "Date of Review:"), bold=True))


def _after(form: Form, paragraph: Paragraph, text: str | None) -> None:
    paragraph.add_run(form.rng.choice((" ", "  ", "\t")))
    form.filler.inline(paragraph, text)


def _review(form: Form, paragraph: Paragraph) -> None:
    _after(form, paragraph, form.answer("review_date", form.answers.review()))
