"""Words people type, beyond the first corpus's: realistic extras, and held-out pools.

The held-out pools share nothing with the tuning pools (names, sentences, frequencies,
durations, date styles), so accuracy measured on them is accuracy on forms nobody tuned
on. Keep them that way: never copy a held-out sentence into a tuning pool.
"""

from __future__ import annotations

# --- realistic extras (tuning) ---------------------------------------------------------------

FIRST = ("Siobhán", "Gareth", "Zoë", "Seán", "Chloé", "Aoife", "Dafydd", "Renée", "Ffion", "Jérôme")
LAST = ("O'Neil", "Llewellyn", "D'Souza", "Ní Bhriain", "Müller", "O'Connor-Hughes", "Öztürk", "Dubois")

# Sentences that name other fields' labels: the text belongs to the answer it is typed in.
LABELLED = (
    "As noted under frequency and duration, sessions can move if either of us is on leave.",
    "Review date for this point: after three months, at the first review.",
    "The supervisor and the staff member will both sign any change to this section.",
    "Agreed permissions (see above) apply to group supervision too.",
    "Date: to be confirmed once the new rota is out.",
    "Manager: Jo in the duty team covers when I am away.",
    "Other relevant issues are recorded on the supervision record, not here.",
)
# Longer sentences for answers of several paragraphs.
LONG = (
    "We talked about how the last year went, what worked well in supervision and what did not, and we "
    "agreed to keep the parts that helped and drop the ones that felt like a tick-box exercise.",
    "Over the next six months the priority is to build confidence in chairing child protection "
    "conferences, with the supervisor observing at least one and giving written feedback.",
    "Caseload will be reviewed at every session against the team's weighting tool, and anything above "
    "the agreed level will be raised with the service manager the same week.",
    "Reflective discussion will use a case chosen by the supervisee each time, and the learning will be "
    "linked to the Professional Capabilities Framework for the annual appraisal.",
    "Both of us recognise that the team has been under pressure since the restructure, and that this "
    "can squeeze supervision; we will protect the time and rebook straight away if we have to cancel.",
    "Training needs identified so far: court skills refresher, the new assessment framework, and "
    "domestic abuse risk assessment (DASH) training before the end of the year.",
)
# Protective markings and page furniture.
MARKINGS = (
    "OFFICIAL-SENSITIVE",
    "OFFICIAL – SENSITIVE",
    "OFFICIAL-SENSITIVE: PERSONAL",
    "OFFICIAL SENSITIVE",
)
FOOTERS = (
    "Supervision Agreement v{version} – {month} {year}",
    "Children's Services – Workforce Development",
    "Review: {month} {year}   Owner: Principal Social Worker",
    "Uncontrolled when printed",
)

# --- held-out pools --------------------------------------------------------------------------

HELD_OUT_FIRST = (
    "Bronwen", "Oluwaseun", "Krzysztof", "Saoirse", "Thandiwe", "Mícheál", "Anaïs", "Dáithí", "Iñaki",
    "Eluned", "Rukhsana", "Tomasz", "Precious", "Callum", "Marie-Claire", "Ebere",
)  # fmt: skip
HELD_OUT_LAST = (
    "Ó Briain", "Nwachukwu", "Wiśniewska", "D'Arcy", "Fitzpatrick-Ojo", "Van der Berg", "Ólafsdóttir",
    "N'Diaye", "St John", "Pryce-Jones", "Mahmood", "Kowalczyk", "MacLeod", "Addo", "Cartwright",
)  # fmt: skip
HELD_OUT_TOPICS: dict[str, tuple[str, ...]] = {
    "supervisee_brings": (
        "Eight years in youth justice before moving into the children in care team.",
        "Bilingual (Welsh and English) and has led work with families through an interpreter.",
        "Has supervised students and wants to grow towards a senior practitioner role.",
        "Came from an agency post; used to short, task-focused supervision.",
    ),
    "relationship_factors": (
        "The supervisee was previously a peer in this team, now line-managed by me.",
        "Supervisee has a long-term health condition; sessions may be by video when needed.",
        "We have different first languages and will check we have understood each other.",
    ),
    "permissions": (
        "Either of us may ask for a break or to finish early if it has been a hard week.",
        "It is fine to bring half-formed worries, not only finished case summaries.",
        "The supervisee may disagree with a decision and ask for it to be written down.",
    ),
    "not_working_signs": (
        "Sessions turn into a caseload list with no reflection.",
        "One of us dreads the session or keeps postponing it.",
        "Agreed actions come back unchanged three sessions running.",
    ),
    "difficulty_resolution": (
        "Name it early, in the session, and agree one thing each to change.",
        "Bring in the principal social worker for an independent view.",
        "Swap to a different supervisor for a period if both agree it would help.",
    ),
    "other_issues": (
        "Supervisee is studying for the practice educator award this year.",
        "Reasonable adjustments agreed through occupational health are in place.",
        "Supervisee is working a four-day week until September.",
    ),
    "management_availability": (
        "I keep Wednesday mornings free for drop-in case discussions.",
        "Out of hours, the emergency duty team manager makes decisions and emails me.",
        "A quick call is fine for urgent decisions; I will add a note to the child's record.",
    ),
    "concerns_addressed": (
        "Talked through openly first, with examples, and a learning plan agreed.",
        "Through coaching and shadowing before anything formal is considered.",
    ),
    "raise_process_issues": (
        "By raising it at the start of the next session, or sooner by phone.",
        "With the team manager or the principal social worker.",
    ),
    "expectations.mutual": (
        "We both keep to time and send the agenda two days before.",
        "Respectful challenge both ways and no surprises at appraisal.",
    ),
    "key_tasks": (
        "Twelve looked-after children, including two in secure accommodation.",
        "Chairing the team's weekly allocation meeting.",
        "Link worker for two foster carers' households.",
    ),
    "interruptions": (
        "a child is missing and a decision is needed now",
        "the court calls about a hearing listed today",
    ),
    "recording.method": (
        "notes typed straight into the case system",
        "the team's supervision template on Teams",
    ),
    "recording.others_who_may_see": (
        "The Principal Social Worker, for practice audits.",
        "Human Resources, if a formal process starts.",
    ),
    "expectations.want_from_supervisor": (
        "Straight answers and time to think out loud.",
        "Backing in court.",
    ),
    "expectations.contribute_as_supervisee": ("Preparation and honest updates.", "Ideas for team learning."),
    "expectations.want_from_supervisee": (
        "Early warning when things slip.",
        "Curiosity about your practice.",
    ),
    "expectations.contribute_as_supervisor": ("Time kept free and decisions recorded.", "Honest feedback."),
    "expectations.supervisor_responsible_for": (
        "Signing off assessments within the timescales.",
        "Making sure the record is on the system within a week.",
    ),
    "expectations.supervisee_responsible_for": (
        "Keeping chronologies current.",
        "Telling me about any risk that changes between sessions.",
    ),
}
HELD_OUT_LABELLED = (
    "Frequency may change after the review; see the review date below.",
    "Supervisee name and supervisor name as above; no change expected this year.",
    "Duration: longer sessions when court work is heavy.",
)
HELD_OUT_LONG = (
    "After a difficult year for the team, we agreed that supervision should first be a place to think, "
    "and only then a place to check tasks, and we will say so if the balance tips the wrong way.",
    "The supervisee's development plan has three parts: court report writing, working with fathers, and "
    "leading a small piece of practice research with the university partnership.",
    "We will look at one closed case each quarter to see what we would do differently, and share the "
    "learning at the team's reflective session.",
)
HELD_OUT_FREQUENCIES = (
    "Every six weeks", "Once every 4 weeks", "Three-weekly", "Monthly, more often during the ASYE",
    "every 3 weeks", "Six-weekly",
)  # fmt: skip
HELD_OUT_DURATIONS = (
    ("1 hr", 60), ("an hour", 60), ("75 minutes", 75), ("one and a half hours", 90), ("2hrs", 120),
    ("1 hour 15 minutes", 75),
)  # fmt: skip
