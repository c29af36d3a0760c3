"""The HCPC supervision agreement template, as the British Dietetic Association publishes it
(Appendix 1 of its practice supervision guidance), used across health and care services.

From the public text (bda.uk.com, "Appendix 1 – Example supervision agreement"): the
names and dates, then each question with its hints as bullets and space to answer.
"""

from __future__ import annotations

from .kit import Form

TITLE = "Example Supervision agreement"
QUESTIONS = (
    (
        "What is the purpose of your supervision?",
        (
            "e.g. management / practice /restorative supervision",
            "relating to a specific task or skill?",
            "Is it aiming to meet specific learning or development needs, how will supervision help?",
        ),
        "extra",
    ),
    (
        "What structure will your supervision take?",
        (
            "e.g. 1:1, peer / groups?",
            "Face to face or remote?",
            "Is direct or indirect supervision required?",
        ),
        "extra",
    ),
    (
        "Frequency of supervision?",
        (
            "e.g. weekly / monthly / quarterly?",
            "How long for and what time of day?",
            "Is there protected time in both supervisor and supervisee job plan?",
            "Who is responsible for arranging the dates / times / location / booking of room?",
        ),
        "frequency.description",
    ),
    ("Location of supervision?", ("How will you ensure privacy and maintain confidentiality?",), "location"),
    (
        "Feedback, documentation, and confidentiality",
        (
            "How will you evaluate and review the success and ongoing relevance of the supervision "
            "agreement?",
            "What type of record will be kept and where?",
            "Who will be responsible for completing the documentation?",
            "What are the confidentiality terms? What circumstances may require information to be shared?",
        ),
        "extra",
    ),
)


def build(form: Form) -> None:
    form.heading("Appendix 1 - Example supervision agreement", size=11)
    form.heading(TITLE, size=14)
    form.after("Name of practitioner:", "supervisee.name")
    form.after("Role / level of practice:", "supervisee.role")
    form.after("Named Practice Supervisor:", "supervisor.name")
    form.after("Named Management Supervisor:", "line_manager.name")
    form.after("Named Restorative Supervisor:", "extra")
    form.after("Start date of agreement:", "agreement_date", kind="date")
    form.after("Review date of agreement:", "review_date", kind="date")
    form.blank()
    for question, hints, path in QUESTIONS:
        key = form.place(question, path)
        form.para(question, bold=True)
        form.bullets(hints)
        spaces = form.blank(3)
        typed = form.value(key)
        if typed:
            spaces[0].add_run(typed)
    form.para("Adapted from HCPC Supervision Agreement Template.", italic=True, size=9)
