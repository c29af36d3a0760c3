"""Southwark Children's Services: Example Supervision Agreement for Social Workers (Appendix A).

From the public text (docsbay.net, "Appendix A Example Supervision Agreement for Social
Workers", Southwark's staff supervision chapter): a numbered table of sections whose
answers are the placeholders "Xxx" and "xx.xx.xx" printed where the names and the date
go. The public copy stops in section 5; the later sections (arrangements, recording,
review, signatures) follow the same numbered pattern.
"""

from __future__ import annotations

from .kit import Form, Gap

TITLE = "Appendix A Example Supervision Agreement for Social Workers"
STANDARDS = (
    "To be able to reflect on and review practice",
    "To understand the value of critical reflection on practice and the need to record the outcome of such "
    "reflection appropriately",
    "To recognise the value of supervision, case reviews and other methods of reflection and review",
    "To be able to assure the quality of their practice",
    "To be able to use supervision to support and enhance the quality of their social work practice",
)
AGENCY = (
    "Supervision",
    "Performance",
    "Equality & Diversity",
    "Health & Safety including risk assessment and lone working",
    "Code of conduct and other Human Resources Procedures relating to Council employment & Public Service",
)
PURPOSES = (
    "Produce and review outcome-focussed SMART plans for children based on needs assessment",
    "Meet service objectives and priorities",
    "Improve knowledge and skills in agreed areas",
    "Identify learning continuing professional development needs and plan to meet them",
    "Develop a positive climate for good quality practice",
)


def build(form: Form) -> None:
    form.header("Southwark Council – Children’s and Adults’ Services")
    form.heading(TITLE, size=13)
    form.para("Templates should be individualised to meet needs", italic=True)
    grid = form.table([1.0, 4.5, 10.5])

    def section(number: str, heading: str) -> object:
        cells = form.row(grid)
        form.cell(cells[0], number, bold=True)
        form.cell(cells[1], heading, bold=True)
        return cells[2]

    parties = section("1", "Parties to agreement")
    _placeholder(form, parties, "Advanced Practitioner", "supervisor.name", "Xxx")
    _placeholder(form, parties, "Social Worker", "supervisee.name", "Xxx")
    dated = section("2", "Date of agreement")
    key = form.place("Date of agreement", "agreement_date", "date")
    paragraph = form.para(into=dated)  # type: ignore[arg-type]
    paragraph.add_run(form.value(key) or "xx.xx.xx")
    paragraph.add_run(" Review annually in April or by mutual agreement")
    context = section("3", "Professional context/standards")
    form.para("HCPC Standards of Proficiency (SOPS):", into=context)  # type: ignore[arg-type]
    form.bullets(STANDARDS, into=context)  # type: ignore[arg-type]
    form.para("Professional Capabilities Framework (The College of Social Work)", into=context)  # type: ignore[arg-type]
    form.para("Knowledge & Skills Statement (DfE)", into=context)  # type: ignore[arg-type]
    agency = section("4", "Agency context/Policy & Procedure")
    form.bullets(AGENCY, into=agency)  # type: ignore[arg-type]
    purpose = section("5", "Purpose of supervision")
    form.para(
        "“To optimise the service to users within the limits of agency task, professional knowledge and "
        "financial resources”",
        into=purpose,  # type: ignore[arg-type]
    )
    form.bullets(PURPOSES, into=purpose)  # type: ignore[arg-type]
    arrangements = section("6", "Frequency and length of sessions")
    form.line(
        "Supervision will take place ",
        Gap("Supervision will take place", "frequency.description"),
        " for a minimum of ",
        Gap("for a minimum of", "duration_minutes", leader="……………"),
        " minutes.",
        into=arrangements,  # type: ignore[arg-type]
    )
    venue = section("7", "Venue")
    form.answer_cell(venue, "Venue", "location")  # type: ignore[arg-type]
    recording = section("8", "Recording and access")
    form.para(
        "The supervisor will record each session on the supervision template and share the record within "
        "five working days.",
        into=recording,  # type: ignore[arg-type]
    )
    form.dots("Records will be kept ", "recording.storage", label="Records will be kept", into=recording)  # type: ignore[arg-type]
    section_9 = section("9", "Any other agreements")
    form.answer_cell(section_9, "Any other agreements", "other_issues")  # type: ignore[arg-type]
    signed = section("10", "Signed")
    form.dots(
        "Advanced Practitioner: ",
        "signatures.supervisor.name",
        into=signed,
        leader="………………………",  # type: ignore[arg-type]
        label="Advanced Practitioner:",
    )
    form.dots("Date: ", "signatures.supervisor.date", into=signed, leader="……………", kind="date")  # type: ignore[arg-type]
    form.dots(
        "Social Worker: ",
        "signatures.supervisee.name",
        into=signed,
        leader="………………………",  # type: ignore[arg-type]
        label="Social Worker:",
    )
    form.dots("Date: ", "signatures.supervisee.date", into=signed, leader="……………", kind="date")  # type: ignore[arg-type]


def _placeholder(form: Form, cell: object, role: str, path: str, mark: str) -> None:
    """'Xxx Advanced Practitioner': the name goes where the placeholder is."""
    key = form.place(role, path)
    paragraph = form.para(into=cell)  # type: ignore[arg-type]
    paragraph.add_run(form.value(key) or mark)
    paragraph.add_run(f" {role}")
