"""SCIE's Supervision Contract (Social Care Institute for Excellence, guide 1 "Managing
practice: supervision and team leadership"), the model many councils' contracts follow.

From the public text (scie.org.uk, "Contracts, Recording and Confidentiality"): the date
line with its leaders, practice arrangements, and the sentences each followed by space
to write in. The public copy goes on to team arrangements; the signatures close it.
"""

from __future__ import annotations

from .kit import Form, Gap

TITLE = "Supervision Contract"
SENTENCES = (
    ("We agree that the circumstances in which supervision may be interrupted are:", "interruptions"),
    ("The methods we will experiment with will be:", "extra"),
    ("Helpful feedback will be in the form of:", "extra"),
    ("What we hope to gain is:", "extra"),
    ("If things go wrong, we will:", "difficulty_resolution"),
    ("The way we're most likely to break this contract is by:", "extra"),
    ("The ways we will avoid doing this will be:", "extra"),
)
AGREED = (
    "We will both prepare thoroughly for the session",
    "We will both consider these arrangements to take priority over other work except in extreme "
    "circumstances",
    "We will book supervision sessions six months in advance",
    "It is the supervisor's responsibility to produce supervision notes. A copy will be retained by both of "
    "us. These notes are the property of the agency and may be used to provide management information.",
)


def build(form: Form) -> None:
    form.heading(TITLE, size=14)
    form.line(
        "Date",
        Gap("Date", "agreement_date", "date", "....................."),
        "   Review date",
        Gap("Review date", "review_date", "date", "....................."),
    )
    form.heading("Practice Arrangements: Individual", size=12)
    form.para("We will meet for supervision")
    grid = form.table([5.0, 6.0, 5.0])
    heads = form.row(grid)
    for cell, text in zip(heads, ("How often", "Where", "For how long"), strict=True):
        form.cell(cell, text, bold=True)
    answers = form.row(grid, height_cm=1.2)
    form.answer_cell(answers[0], "How often", "frequency.description")
    form.answer_cell(answers[1], "Where", "location")
    form.answer_cell(answers[2], "For how long", "duration_minutes")
    form.blank()
    form.para("We expect that case-files, diaries and other written notes will contribute to the session")
    for text, path in SENTENCES:
        form.question(text, path, lines=2)
    # the review date again: the model has one, so this place is the council's own
    form.line("We will review this contract on ", Gap("We will review this contract on", "extra", "date"))
    for text in AGREED:
        form.para(text)
    form.blank()
    form.line(
        "Signed (supervisor) ",
        Gap("Signed (supervisor)", "signatures.supervisor.name"),
        "  Date ",
        Gap("Date", "signatures.supervisor.date", "date", "……………"),
    )
    form.line(
        "Signed (supervisee) ",
        Gap("Signed (supervisee)", "signatures.supervisee.name"),
        "  Date ",
        Gap("Date", "signatures.supervisee.date", "date", "……………"),
    )
