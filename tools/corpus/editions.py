"""Earlier editions of the councils' forms: how their labels were worded before.

Each key is the start of a label in today's form (as `Seed.line` finds it); each value the
ways earlier editions printed it. The held-out table words them differently again, so
that reading older forms is measured on wordings nobody tuned on.
"""

from __future__ import annotations

TUNING: dict[str, tuple[str, ...]] = {
    # Portsmouth
    "Staff member": ("Name of Supervisee:", "SUPERVISEE NAME", "Supervisee name"),
    "Manager": ("Name of Supervisor:", "SUPERVISOR NAME", "Supervisor name"),
    "Section 1: The agreement": ("SECTION ONE – THE AGREEMENT", "Part 1 – Agreement"),
    "What does the supervisee bring to this relationship": (
        "What does the supervisee bring to supervision?",
        "What the supervisee brings to this relationship",
    ),
    "Are there any factors to acknowledge": (
        "Factors to acknowledge in the supervisory relationship (race, culture, gender, disability)",
    ),
    "How will we recognise when the supervisory relationship": (
        "How will we know if supervision is not working?",
    ),
    "What methods will be used to resolve any difficulties": ("How will we resolve difficulties?",),
    "Any other relevant issues for this agreement": ("OTHER RELEVANT ISSUES", "Other issues"),
    "Signed manager": ("Supervisor signature", "Signed (Supervisor)"),
    "Signed staff member": ("Supervisee signature", "Signed (Supervisee)"),
    "Next review date": ("Date of next review:", "Review Date:"),
    # Surrey
    "Name of supervisor": ("Supervisor name:", "SUPERVISOR'S NAME", "Supervisor Name"),
    "Name of staff member": ("Supervisee name:", "Staff member name:", "Name of Supervisee:"),
    "Date of this agreement": ("Date of Agreement:", "Agreement date", "DATE OF AGREEMENT"),
    "Availability of manager for": ("Availability of the manager outside supervision",),
    "How will any issues of concern": ("How will concerns about practice be addressed?",),
    "How will the supervisee raise any issues": ("How can the supervisee raise issues about supervision?",),
    "What does the supervisee bring": ("What the supervisee brings to supervision",),
    "7. Date this agreement": ("Review date:", "Date for review of this agreement:"),
    # Sefton
    "Name Supervisee:": ("Name of Supervisee:", "Supervisee name:", "SUPERVISEE NAME:"),
    "Name Supervisor/Manager:": ("Name of Supervisor:", "Supervisor/Manager name:", "Manager name:"),
    "KEY TASKS OF SUPERVISEE": ("Key tasks:", "SUPERVISEE'S KEY TASKS"),
    "Date of Review:": ("Review date:", "Date of next review:", "REVIEW DATE:"),
    "Others who may see the record": ("Who else may see the record?",),
}
HELD_OUT: dict[str, tuple[str, ...]] = {
    "Staff member": ("Supervisee's name:", "Worker"),
    "Manager": ("Supervisor's name:", "Line manager"),
    "Section 1: The agreement": ("1 The agreement", "AGREEMENT"),
    "What does the supervisee bring to this relationship": ("Supervisee's experience and learning style",),
    "Are there any factors to acknowledge": ("Relevant factors (e.g. culture, gender, impairment)",),
    "How will we recognise when the supervisory relationship": ("Signs the relationship is not working",),
    "What methods will be used to resolve any difficulties": ("Resolving difficulties between us",),
    "Any other relevant issues for this agreement": ("Anything else relevant?",),
    "Signed manager": ("Signature – supervisor",),
    "Signed staff member": ("Signature – supervisee",),
    "Next review date": ("To be reviewed on:",),
    "Name of supervisor": ("Supervisor:", "SUPERVISOR"),
    "Name of staff member": ("Supervisee:", "Worker's name:"),
    "Date of this agreement": ("Agreed on:", "Date agreed:"),
    "Availability of manager for": ("Manager availability between sessions",),
    "How will any issues of concern": ("Addressing practice concerns",),
    "How will the supervisee raise any issues": ("Raising issues about supervision",),
    "What does the supervisee bring": ("Supervisee's background",),
    "7. Date this agreement": ("To be reviewed on:",),
    "Name Supervisee:": ("Supervisee's name:", "Worker:"),
    "Name Supervisor/Manager:": ("Supervisor's name:", "Line manager:"),
    "KEY TASKS OF SUPERVISEE": ("Main duties:",),
    "Date of Review:": ("To be reviewed on:", "Next review:"),
    "Others who may see the record": ("Access to the record",),
}
# Frequency options printed with tick boxes on older editions.
FREQUENCY_TICKS = ("Weekly", "Fortnightly", "Monthly", "Six-weekly")
HELD_OUT_FREQUENCY_TICKS = ("Every 2 weeks", "Every 4 weeks", "Every 6 weeks", "Other")
DURATIONS = (("1 hour", 60), ("1.5 hours", 90), ("2 hours", 120), ("90 minutes", 90))
HELD_OUT_DURATIONS = (("60 mins", 60), ("1½ hrs", 90), ("45 mins", 45))
