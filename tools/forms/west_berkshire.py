"""West Berkshire Council: Supervision Agreement (Appendix 1 of the supervision policy).

From the public text (docest.com, "West Berkshire Council Supervision Agreement
between"): the parties and dates table, the policy statements, the timescales, the
interruptions prompt and "Making supervision work". The public copy stops part-way
through the supervisor's questions; the last question and the signatures follow the
pattern of the others.
"""

from __future__ import annotations

from .kit import Form

TITLE = "West Berkshire Council Supervision Agreement"
TIMESCALES = (
    "Once a week for two months",
    "Once a fortnight for 90 minutes for those in their Assessed and Support Year of Employment (for a "
    "period of 6 months) and then once per calendar month.",
    "Every week for student social workers",
    "Once per calendar month for existing members of staff",
)
AGREEMENTS = (
    "Additional supervision sessions maybe requested by either party as a result of a specific event "
    "occurring.",
    "We agree that formal supervision sessions need to be focussed and should ordinarily last for no more "
    "than two hours.",
)
FIXED_DATES = (
    "We agree that formal supervision dates should be fixed in advance and we will ensure that we have at "
    "least 3 months worth of supervision booked in our diaries.",
    "Supervision is a joint responsibility for both supervisor and supervisee and we should honour the "
    "appointments made.",
    "We agree that supervision should only be cancelled/ rescheduled in an emergency.",
    "In instances where supervision needs to be cancelled, then we will agree a further date at the point "
    "of cancellation. If the cause of the cancellation is the sickness/ absence of either of us then another "
    "supervision session will be booked within 5 working days of our return to work. The supervisor is "
    "responsible for recording the reason for cancellation in line with the supervision policy.",
    "The supervisee will ensure that a room is booked for supervision to take place in.",
)


def build(form: Form) -> None:
    form.heading("Appendix 1: Supervision agreement", size=11)
    form.heading("West Berkshire Council Supervision Agreement between:", size=13)
    grid = form.table([8.0, 8.0])
    heads = form.row(grid)
    form.cell(heads[0], "Name of supervisor", bold=True, shade="D9D9D9")
    form.cell(heads[1], "Name of supervisee", bold=True, shade="D9D9D9")
    names = form.row(grid, height_cm=0.9)
    form.answer_cell(names[0], "Name of supervisor", "supervisor.name")
    form.answer_cell(names[1], "Name of supervisee", "supervisee.name")
    form.label_row(grid, "Date of agreement", "agreement_date", kind="date")
    form.label_row(grid, "Date of review", "review_date", kind="date")
    form.label_row(grid, "Supervisee has been given a copy of the supervision policy", "extra")
    form.label_row(grid, "Supervisee has read the supervision policy", "extra")
    form.blank()
    form.ticks(
        "We agree to ensure that supervision takes place within the appropriate timescales.",
        TIMESCALES,
        "extra",
        inline=False,
    )
    for text in AGREEMENTS:
        form.para(text)
    form.heading("Commitment to fixed dates", size=11)
    for text in FIXED_DATES:
        form.para(text)
    key = form.place(
        "We agree that interruptions to supervision will only be permitted in the following circumstances:",
        "interruptions",
    )
    form.para(
        "We agree that interruptions to supervision will only be permitted in the following circumstances:"
    )
    form.para(form.value(key) or "[please list]", italic=form.value(key) is None)
    form.blank()
    form.heading("Making supervision work", size=12)
    form.heading("Supervisee to complete:", size=11)
    form.question("What I want from you as a supervisor:", "expectations.want_from_supervisor", lines=2)
    form.question("What I will contribute as a supervisee:", "expectations.contribute_as_supervisee", lines=2)
    form.heading("Supervisor to complete:", size=11)
    form.question("What I want from you as a supervisee:", "expectations.want_from_supervisee", lines=2)
    form.question("What I will contribute as a supervisor:", "expectations.contribute_as_supervisor", lines=2)
    form.blank()
    form.dots("Signature of supervisor: ", "signatures.supervisor.name", leader="…………………………………")
    form.dots("Date: ", "signatures.supervisor.date", leader="……………………", kind="date")
    form.dots("Signature of supervisee: ", "signatures.supervisee.name", leader="…………………………………")
    form.dots("Date: ", "signatures.supervisee.date", leader="……………………", kind="date")
