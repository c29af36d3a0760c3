"""Made-up answers as people write them, each with the value it should read as."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from . import pools

FIRST = (
    "Jane", "Amir", "Siobhan", "Tom", "Priya", "Chloe", "Marcus", "Aisha", "Gareth", "Niamh",
    "Olu", "Beth", "Kasia", "Liam", "Fatima", "Declan", "Hannah", "Yusuf", "Rhian", "Sam",
)  # fmt: skip
LAST = (
    "Smith", "Khan-Patel", "O'Neill", "Okafor", "Jones", "Nowak", "McAllister", "Ahmed", "Evans",
    "Brown", "Da Silva", "Williams", "Hughes", "Begum", "Taylor", "Fitzgerald", "Lewis", "Osei",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

TOPICS: dict[str, tuple[str, ...]] = {
    "supervisee_brings": (
        "Six years in the assessment team, and two years before that in a family centre.",
        "Has had mostly case-focused supervision before and would like more reflective time.",
        "Learns best by talking cases through and then reading around them.",
        "Newly qualified; completed the ASYE portfolio last spring.",
        "Experience of court work, including care proceedings and parenting assessments.",
        "Prefers written notes of agreed actions straight after each session.",
    ),
    "relationship_factors": (
        "We are of a similar age and have worked in the same team before.",
        "Supervisee has dyslexia; written records to be shared in a clear font and in good time.",
        "Different cultural backgrounds; we agreed to talk openly about how this shapes our work.",
        "Supervisee works part time, so sessions will be on Tuesdays or Wednesdays.",
        "None identified at present; to revisit at the review.",
    ),
    "permissions": (
        "It is OK for either of us to say we do not know and come back to it.",
        "Supervisee can ask to pause a session if a case discussion becomes upsetting.",
        "Supervisor can challenge, and the supervisee can challenge back.",
        "It's fine to say \"I'm stuck\" — that is what supervision is for.",
    ),
    "not_working_signs": (
        "Sessions keep being cancelled or cut short.",
        "Either of us feels we are going through the motions.",
        "Actions are not followed up between sessions.",
        "The supervisee stops bringing cases they find difficult.",
    ),
    "difficulty_resolution": (
        "Talk about it openly at the next session first.",
        "If that does not help, ask the service manager to mediate.",
        "Use the review of this agreement to reset expectations.",
        "Either of us can ask for a three-way meeting with the line manager.",
    ),
    "other_issues": (
        "Supervisee is on a phased return after sick leave until the end of May.",
        "Supervisee is a practice educator for a student this year.",
        "Agreed to add ten minutes on wellbeing at the start of each session.",
        "Flexible working pattern agreed: compressed hours, Fridays off.",
    ),
    "management_availability": (
        "Available by Teams most days; urgent matters by phone at any time.",
        "Open door on Tuesday and Thursday afternoons; decisions recorded as management oversight.",
        "Duty manager covers when I am out; any decision is recorded on the child's file the same day.",
    ),
    "concerns_addressed": (
        "Raised openly in supervision and recorded, with a plan agreed between us.",
        "Discussed at the time and followed up at the next session, with support offered.",
        "Through reflective discussion first; the capability process only if needed.",
    ),
    "raise_process_issues": (
        "With me directly, or with the service manager if that feels difficult.",
        "At any session, or by email, and we will add it to the next agenda.",
        "Through the review of this agreement, or earlier with the practice lead.",
    ),
    "expectations.mutual": (
        "Both of us come prepared with an agenda; the supervisee brings an up-to-date case summary.",
        "Honesty about workload and wellbeing; actions followed up by both of us.",
        "Sessions start on time and are protected from interruptions.",
    ),
    "key_tasks": (
        "A caseload of 14 children in need and child protection cases.",
        "Duty cover one day a fortnight.",
        "Practice educator for a first-year student.",
        "Lead on the team's case file audits.",
        "Mentoring a newly qualified colleague.",
    ),
    "interruptions": (
        "there is an emergency involving a child's safety",
        "there is a family emergency",
        "the duty manager needs an urgent decision",
    ),
    "recording.method": (
        "typed notes on the welfare supervision template",
        "the electronic supervision record",
        "handwritten notes typed up afterwards",
    ),
    "recording.others_who_may_see": (
        "Service manager and HR if needed.",
        "Auditors and Ofsted inspectors.",
        "The Head of Service, for quality assurance.",
    ),
    "expectations.want_from_supervisor": (
        "Time to reflect and honest feedback on my practice.",
        "Help with prioritising my caseload.",
        "Support with court work.",
    ),
    "expectations.contribute_as_supervisee": (
        "An agenda and case summaries before each session.",
        "Honesty about how I am managing.",
        "Reading around the issues we discuss.",
    ),
    "expectations.want_from_supervisee": (
        "Openness about worries early, not at the last minute.",
        "Up-to-date records before we meet.",
        "Ideas for your own development.",
    ),
    "expectations.contribute_as_supervisor": (
        "Protected time and a prompt written record.",
        "Clear decisions and the reasons for them.",
        "Links to research and training.",
    ),
    "expectations.supervisor_responsible_for": (
        "Keeping the record and sharing it within five working days.",
        "Oversight of the decisions on each child's file.",
        "Arranging cover if I am away for more than two weeks.",
    ),
    "expectations.supervisee_responsible_for": (
        "Bringing cases that worry me.",
        "Following up agreed actions.",
        "Keeping my case records up to date.",
    ),
}
FREQUENCIES = (
    "Monthly", "Every 4 weeks", "4 weekly", "Four-weekly", "Fortnightly", "Every two weeks",
    "Once a month", "Every 3-4 weeks", "Weekly for the first six weeks, then fortnightly",
    "every four weeks", "Monthly (at least every 6 weeks)",
)  # fmt: skip
DURATIONS = (
    ("1.5 hours", 90), ("90 mins", 90), ("an hour and a half", 90), ("1 hour 30 minutes", 90),
    ("2 hours", 120), ("60 minutes", 60), ("1½ hours", 90), ("one hour", 60), ("90 minutes", 90),
    ("1.5 hrs", 90), ("2 hrs", 120), ("45 minutes", 45),
)  # fmt: skip


@dataclass(frozen=True)
class Written:
    """What a person typed, and the JSON value it should read as."""

    text: str
    value: object


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_text(day: datetime.date, rng: random.Random, *, held_out: bool = False) -> str:
    """A date in one of the ways British forms get them (held out: ways the tuning corpus
    never uses)."""
    month = MONTHS[day.month - 1]
    if held_out:
        return rng.choice(
            (
                f"{ordinal(day.day)} {month[:3]}. {day.year}",
                f"{day.day:02d}-{day.month:02d}-{day.year}",
                f"{WEEKDAYS[day.weekday()][:3]} {day.day} {month} {day.year}",
                f"{day.day} {month.upper()} {day.year}",
                f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}",
            )
        )
    styles = (
        f"{ordinal(day.day)} {month} {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day} {month[:3]} {day.year}",
        f"{day.day}.{day.month}.{day.year % 100:02d}",
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{WEEKDAYS[day.weekday()]} {ordinal(day.day)} {month} {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}-{month[:3]}-{day.year % 100:02d}",
        f"{day.day}/{day.month}/{day.year % 100:02d}",
        f"{ordinal(day.day)} of {month} {day.year}",
    )
    return rng.choice(styles)


class Answers:
    """Random answers for one document, reproducible from its seed."""

    def __init__(
        self, rng: random.Random, empty_rate: float = 0.12, *, held_out: bool = False, realistic: bool = False
    ) -> None:
        self.rng = rng
        self.held_out = held_out
        self.realistic = realistic
        self.empty_rate = empty_rate
        self.supervisor = self.name()
        self.supervisee = self.name()
        self.start = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randrange(0, 540))

    def name(self) -> str:
        if self.held_out:
            return f"{self.rng.choice(pools.HELD_OUT_FIRST)} {self.rng.choice(pools.HELD_OUT_LAST)}"
        if self.realistic:
            return f"{self.rng.choice(FIRST + pools.FIRST)} {self.rng.choice(LAST + pools.LAST)}"
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def empty(self) -> bool:
        return self.rng.random() < self.empty_rate

    def text(self, topic: str, *, paragraphs: bool = True) -> Written:
        """One to three sentences on a topic; sometimes as separate paragraphs. Realistic:
        now and then several long paragraphs, or a sentence naming another field's label."""
        pool = pools.HELD_OUT_TOPICS[topic] if self.held_out else TOPICS[topic]
        chosen = self.rng.sample(pool, k=self.rng.randint(1, min(3, len(pool))))
        if self.realistic or self.held_out:
            labelled = pools.HELD_OUT_LABELLED if self.held_out else pools.LABELLED
            long = pools.HELD_OUT_LONG if self.held_out else pools.LONG
            if self.rng.random() < 0.2:
                chosen.append(self.rng.choice(labelled))
            if self.rng.random() < 0.15:
                extra = self.rng.sample(long, k=self.rng.randint(2, 3))
                chosen = [" ".join(chosen), *extra]
                joiner = "\n" if paragraphs else " "
                text = joiner.join(chosen)
                return Written(text, text)
        joiner = "\n" if paragraphs and len(chosen) > 1 and self.rng.random() < 0.5 else " "
        text = joiner.join(chosen)
        return Written(text, text)

    def date(self, day: datetime.date | None = None) -> Written:
        day = day or self.start + datetime.timedelta(days=self.rng.randrange(0, 30))
        return Written(date_text(day, self.rng, held_out=self.held_out), day.isoformat())

    def review(self) -> Written:
        """The date the agreement will be reviewed: realistic, about a year after it starts."""
        if not (self.realistic or self.held_out):
            return self.date()
        return self.date(self.start + datetime.timedelta(days=self.rng.randrange(330, 400)))

    def frequency(self) -> Written:
        text = self.rng.choice(pools.HELD_OUT_FREQUENCIES if self.held_out else FREQUENCIES)
        return Written(text, text)

    def duration(self) -> Written:
        text, minutes = self.rng.choice(pools.HELD_OUT_DURATIONS if self.held_out else DURATIONS)
        return Written(text, minutes)

    def meeting_dates(self, count: int) -> list[datetime.date]:
        first = self.start + datetime.timedelta(days=self.rng.randrange(7, 35))
        days = []
        for number in range(count):
            month = (first.month - 1 + number) % 12 + 1
            year = first.year + (first.month - 1 + number) // 12
            days.append(datetime.date(year, month, min(first.day, 28)))
        return days
