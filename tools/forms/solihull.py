"""Solihull Children's Services: Social Worker Supervision Agreement (Appendix 1 of the policy).

From the public text (docsbay.net, "Appendix 1 Solihull Children's Services Social
Worker Supervision Agreement"): the policy statement, the parties, and the table of
supervision arrangements with its dot leaders. The public copy stops in the table; the
rest (working together, review and signatures) follows the usual shape of such forms.
"""

from __future__ import annotations

from .kit import Form

TITLE = "Solihull Children’s Services – Social Worker Supervision Agreement"
ARRANGEMENTS = (
    ("Duration", "The session will last approximately 1.5-2hrs on average", None),
    (
        "Location and Environment",
        "The location of supervision may vary depending on available rooms. It will be a private space "
        "and we will do our best to ensure that we are not disturbed. If interruptions are anticipated "
        "we will ",
        "extra",
    ),
    (
        "Preparation",
        "We will come to supervision having prepared what we need in order to use our time most "
        "effectively. If there are any issues that need to be discussed that require preparation from "
        "either one of us, we will let each other know as soon as possible with at least one day's "
        "notice prior to the supervision session.",
        None,
    ),
    (
        "Recording",
        "The supervision record will be completed and distributed within two weeks by the supervisor. "
        "If the supervisee disagrees with what is written, it should be verbally communicated within 2 "
        "working days and the record should be returned with written comments within 5 working days.",
        None,
    ),
    (
        "Confidentiality",
        "The content of supervision will remain private and access will be given only to those with the "
        "authority to request it. Notification will be given to both of us if this occurs. The records "
        "will be stored securely in ",
        "recording.storage",
    ),
    (
        "Changes to supervision arrangements",
        "If supervision needs to be postponed or there are other changes required, we agree to "
        "communicate this with each other and arrange another time at the earliest opportunity. The "
        "reason for this change will be noted in the supervision record.",
        None,
    ),
)
WORKING = (
    (
        "What do I bring to supervision (experience, learning style, what has helped before)?",
        "supervisee_brings",
    ),
    ("What do we expect of each other?", "expectations.mutual"),
    (
        "Are there any factors that may affect our supervisory relationship (for example culture, "
        "gender, disability)?",
        "relationship_factors",
    ),
    ("How will we resolve any difficulties between us?", "difficulty_resolution"),
)


def build(form: Form) -> None:
    form.header("Solihull Metropolitan Borough Council")
    form.heading("Appendix 1", size=11)
    form.heading(TITLE, size=14)
    form.ticks(
        "The Solihull Children’s Services – Social Worker Supervision Policy has been read and understood "
        "by both parties",
        ["Yes", "No"],
        "extra",
    )
    form.para(
        "The Supervisory relationship is based on mutual respect and a commitment to improving performance, "
        "practice and outcomes for the people we work with."
    )
    form.para(
        "The aim of this agreement is to form a basis for this relationship and to start to establish how "
        "supervision can be used most effectively."
    )
    form.para("This agreement is between:")
    form.after("Name of Supervisee:", "supervisee.name")
    form.after("Name of Supervisor:", "supervisor.name")
    form.blank()
    form.heading("1. What are our supervision arrangements?")
    grid = form.table([4.5, 11.5])
    frequency = form.row(grid)
    form.cell(frequency[0], "Frequency", bold=True)
    form.dots(
        "Supervision will take place ",
        "frequency.description",
        label="Frequency",
        into=frequency[1],
        after=" and at least once a month.",
    )
    for label, text, path in ARRANGEMENTS:
        left, right = form.row(grid)
        form.cell(left, label, bold=True)
        if path is None:
            form.cell(right, text)
        else:
            form.dots(text, path, label=label, into=right, after=".")
    form.blank()
    form.heading("2. How will we work together?")
    grid = form.table([7.0, 9.0])
    for question, path in WORKING:
        left, right = form.row(grid, height_cm=2.0)
        form.cell(left, question, bold=True)
        form.answer_cell(right, question, path)
    form.blank()
    form.heading("3. Review and signatures")
    form.after("Date of agreement:", "agreement_date", kind="date")
    form.after("Date of review:", "review_date", kind="date")
    grid = form.table([4.0, 6.0, 2.0, 4.0])
    for who in ("Supervisee", "Supervisor"):
        cells = form.row(grid, height_cm=1.0)
        form.cell(cells[0], f"{who} signature", bold=True)
        form.answer_cell(cells[1], f"{who} signature", f"signatures.{who.lower()}.name")
        form.cell(cells[2], "Date", bold=True)
        form.answer_cell(cells[3], "Date", f"signatures.{who.lower()}.date", kind="date")
    form.footer("Solihull Children’s Services – Supervision Policy – Appendix 1")
