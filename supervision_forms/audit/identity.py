"""Who is who: a team's documents sorted into people, never merging two silently nor
splitting one silently.

An employee ID decides when two documents both carry one. Otherwise documents with the same
folded name are one person's unless something tells them apart: a different supervisor, team
or council at the same time (two people supervised side by side). The same name in different
places one after the other is one person's history (a move, a new supervisor). Short forms and
initials ('Sam', 'Samuel', 'S.') join only when the same supervisor or team corroborates them
and nobody else could be meant. Whatever stays unsure is a finding of its own, 'check
identity', naming the documents.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..models import (
    Agreement,
    Cancellation,
    CaseFileAudit,
    CaseRecord,
    GeneralRecord,
    GroupAgreement,
    Observation,
    Training,
)
from ..standards.findings import Finding
from ..text import names
from .load import Document, FileProblem

COVER_SESSIONS = 1  # this many documents inside another's time are cover, not a second person
PERSON_KINDS = (Agreement, GeneralRecord, CaseRecord, Cancellation, Observation, CaseFileAudit)
SOURCE = "audit: who is who"


@dataclass(frozen=True)
class Seen:
    """What one document says about whose it is."""

    document: Document
    name: str | None
    key: str
    employee: str
    supervisor: str | None
    team: str
    pack: str | None
    date: datetime.date | None


@dataclass
class Person:
    """The documents taken to be one supervisee's, and what the audit says about that."""

    seen: list[Seen]
    notes: list[Finding] = field(default_factory=list)

    @property
    def keys(self) -> set[str]:
        return {s.key for s in self.seen if s.key}

    @property
    def employees(self) -> set[str]:
        return {s.employee for s in self.seen if s.employee}

    @property
    def dates(self) -> list[datetime.date]:
        return sorted(s.date for s in self.seen if s.date)

    @property
    def files(self) -> list[str]:
        return sorted(s.document.file for s in self.seen)

    def supervisors(self) -> list[str]:
        return sorted({s.supervisor for s in self.seen if s.supervisor})

    def teams(self) -> set[str]:
        return {s.team for s in self.seen if s.team}

    def packs(self) -> set[str]:
        return {s.pack for s in self.seen if s.pack}


@dataclass(frozen=True)
class Identified:
    """People found, identity questions no person can hold, and documents naming no one."""

    people: list[Person]
    questions: list[Finding]
    problems: list[FileProblem]


def describe(document: Document) -> Seen:
    model = document.model
    supervisee = getattr(model, "supervisee", None)
    supervisor = getattr(model, "supervisor", None)
    name = getattr(supervisee, "name", None)
    return Seen(
        document,
        name,
        names.key(name),
        names.employee_key(getattr(supervisee, "employee_id", None)),
        getattr(supervisor, "name", None),
        names.key(getattr(supervisee, "team", None)),
        document.pack,
        document_date(model),
    )


def document_date(model: BaseModel) -> datetime.date | None:
    """The day a document speaks for: an agreement's date, a cancelled session's planned date,
    a record's session date."""
    if isinstance(model, Agreement | GroupAgreement):
        return model.agreement_date
    if isinstance(model, Training):
        return model.completed_date
    if isinstance(model, Cancellation):
        return model.planned_date or model.cancelled_date
    when = getattr(model, "date", None)
    return when if isinstance(when, datetime.date) else None


def is_person_document(document: Document) -> bool:
    return isinstance(document.model, PERSON_KINDS)


# ---------------------------------------------------------------- the sorting


def identify(documents: Iterable[Document]) -> Identified:
    """Sort person documents (agreements, records, cancellations, observations, case-file
    audits) into people."""
    problems: list[FileProblem] = []
    seen: list[Seen] = []
    for document in documents:
        one = describe(document)
        if not one.key and not one.employee:
            problems.append(FileProblem(document.file, "names no supervisee, so it belongs to no one"))
        else:
            seen.append(one)
    questions: list[Finding] = []
    posts = _posts([s for s in seen if s.supervisor], questions)
    people = _people(posts, questions)
    for partial in sorted((s for s in seen if not s.supervisor), key=_order):
        _attach(partial, people, questions)
    _join_short_forms(people, questions)
    _note_same_names(people)
    return Identified(sorted(people, key=_first_date), questions, problems)


def _order(seen: Seen) -> tuple[datetime.date, str]:
    return (seen.date or datetime.date.min, seen.document.file)


def _first_date(person: Person) -> tuple[datetime.date, str]:
    dates = person.dates
    return (dates[0] if dates else datetime.date.min, person.files[0])


def _posts(seen: list[Seen], questions: list[Finding]) -> list[Person]:
    """Documents with the same name, supervisor (however written), council and employee ID;
    one without an ID joins the only post that has one, and is a question when two do."""
    posts: list[Person] = []
    by_name: dict[tuple[str, str, str | None], list[Person]] = {}
    for one in sorted(seen, key=_order):
        near = by_name.setdefault((one.key, one.employee, one.pack), [])
        home = next((p for p in near if _same_post(p, one)), None)
        if home is None:
            near.append(Person([one]))
            posts.append(near[-1])
        else:
            home.seen.append(one)
    # Documents without an employee ID, or without a pack, join the one post that has one.
    settled: list[Person] = []
    loose: list[Person] = []
    for post in posts:
        (loose if not post.employees or not post.packs() else settled).append(post)
    for post in loose:
        homes = [p for p in settled if _fits(post, p)]
        if len(homes) == 1:
            homes[0].seen.extend(post.seen)
        elif len(homes) > 1 and post.employees == set() and len({e for p in homes for e in p.employees}) > 1:
            questions.append(
                _question(
                    post.files,
                    f"{len(post.files)} documents carry no employee ID, and "
                    f"{len(homes)} supervisees of that name have one with the same supervisor",
                )
            )
        else:
            settled.append(post)
    return settled


def _same_post(post: Person, one: Seen) -> bool:
    first = post.seen[0]
    teams = post.teams()
    return (
        first.key == one.key
        and first.employee == one.employee
        and first.pack == one.pack
        and (not one.team or not teams or one.team in teams)
        and any(names.may_be_same(name, one.supervisor) for name in post.supervisors())
    )


def _fits(loose: Person, post: Person) -> bool:
    """A post missing an ID or a pack that could be this fuller one."""
    if not loose.keys & post.keys:
        return False
    if loose.employees and post.employees and not loose.employees & post.employees:
        return False
    if loose.packs() and post.packs() and not loose.packs() & post.packs():
        return False
    return any(names.may_be_same(a, b) for a in loose.supervisors() for b in post.supervisors())


def _people(posts: list[Person], questions: list[Finding]) -> list[Person]:
    """Posts of one name (or one employee ID) joined into people, oldest first: a post joins a
    person unless an ID differs, or both were supervised apart at the same time."""
    people: list[Person] = []
    for post in sorted(posts, key=_first_date):
        by_id = [p for p in people if post.employees & p.employees]
        if by_id:
            target = by_id[0]
            if not post.keys <= target.keys:
                target.notes.append(
                    _note(
                        "identity.merged",
                        sorted(set(post.files) | set(target.files))[:6],
                        "documents write this supervisee's name differently; one employee ID joins them",
                    )
                )
            target.seen.extend(post.seen)
            continue
        fits = [p for p in people if post.keys & p.keys and _compatible(p, post)]
        if not fits:
            people.append(post)
            continue
        plain = [p for p in fits if not _distinguished(p, post)]
        chosen = plain if plain else fits
        if len(chosen) > 1:
            questions.append(
                _question(
                    post.files,
                    f"these documents could belong to any of {len(chosen)} supervisees of the same name",
                )
            )
            people.append(post)
            continue
        target = chosen[0]
        if not plain and _concurrent(target, post):
            target.notes.append(
                _note(
                    "identity.two_supervisors",
                    [post.files[0], target.files[0]],
                    "sessions with two supervisors at the same time under one name, and one "
                    "agreement: treated as one person",
                )
            )
        elif not plain and (post.packs() - target.packs() or _teams_differ(post, target)):
            target.notes.append(
                _note(
                    "identity.moved",
                    [post.files[0], target.files[-1]],
                    f"the same name in {', '.join(sorted(target.packs() | post.packs())) or 'two teams'} "
                    "one after the other: treated as one person's history (no employee ID confirms it)",
                )
            )
        target.seen.extend(post.seen)
    return people


def _compatible(person: Person, post: Person) -> bool:
    """Could be one person: no employee IDs that differ, and not two people supervised side
    by side (apart in team or council, or each with their own supervisor and agreement)."""
    if person.employees and post.employees and not person.employees & post.employees:
        return False
    if not (_distinguished(person, post) and _concurrent(person, post)):
        return True
    if _teams_differ(person, post) or _packs_differ(person, post):
        return False
    # Only the supervisor differs: one person with a second supervisor (case work, say)
    # unless each has an agreement of their own.
    return not (_has_agreement(person) and _has_agreement(post))


def _has_agreement(person: Person) -> bool:
    return any(isinstance(s.document.model, Agreement) for s in person.seen)


def _packs_differ(a: Person, b: Person) -> bool:
    return bool(a.packs() and b.packs() and not a.packs() & b.packs())


def _distinguished(a: Person, b: Person) -> bool:
    """Something known on both tells them apart: supervisor, team or council."""
    supervisors = not any(names.may_be_same(x, y) for x in a.supervisors() for y in b.supervisors())
    supervisors = supervisors and bool(a.supervisors()) and bool(b.supervisors())
    return supervisors or _packs_differ(a, b) or _teams_differ(a, b)


def _teams_differ(a: Person, b: Person) -> bool:
    return bool(a.teams() and b.teams() and not a.teams() & b.teams())


def _concurrent(a: Person, b: Person) -> bool:
    """Both supervised at the same time: each has more than cover inside the other's span."""
    first, second = a.dates, b.dates
    if not first or not second:
        return False

    def inside(dates: list[datetime.date], span: list[datetime.date]) -> int:
        return sum(span[0] <= day <= span[-1] for day in dates)

    return inside(second, first) > COVER_SESSIONS and inside(first, second) > COVER_SESSIONS


def _attach(one: Seen, people: list[Person], questions: list[Finding]) -> None:
    """A document naming no supervisor joins the person of that name it fits."""
    post = Person([one])
    if one.employee:
        by_id = [p for p in people if one.employee in p.employees]
        if by_id:
            by_id[0].seen.append(one)
            return
    fits = [p for p in people if post.keys & p.keys and _compatible(p, post) and not _distinguished(p, post)]
    if len(fits) > 1 and one.date is not None:
        active = [p for p in fits if p.dates and p.dates[0] <= one.date <= p.dates[-1]]
        fits = active or fits
    if len(fits) == 1:
        fits[0].seen.append(one)
    elif not fits:
        people.append(post)
    else:
        questions.append(
            _question([one.document.file], f"could belong to any of {len(fits)} supervisees of the same name")
        )


def _join_short_forms(people: list[Person], questions: list[Finding]) -> None:
    """Join people whose names are short forms or initials of each other ('Sam', 'Samuel',
    'S.') when the same supervisor or team corroborates it and all of them could be one person.
    A name that could be either of two people who cannot be one ('S. Reid' beside Sam and
    Sarah Reid) is counted for no one and asked about."""
    for _ in range(2):  # once, then again after the ambiguous names have gone
        for group in _groups(people):
            if _clique(group):
                _merge(group, people)
                continue
            hubs = [p for p in group if _joins_strangers(p, group)]
            for hub in hubs:
                questions.append(
                    _question(
                        hub.files,
                        "the name on these documents could be a short form of more than one "
                        "supervisee's name; they were not counted for anyone",
                    )
                )
                people.remove(hub)
    for person in people:
        for other in people:
            if (
                other is not person
                and person.files < other.files
                and _candidate(person, other)
                and not _corroborated(person, other)
                and not _concurrent(person, other)
            ):
                person.notes.append(
                    _question(
                        [*person.files[:2], *other.files[:2]],
                        "two names that may be one person's, one after the other, with nothing "
                        "else in common: kept apart",
                    )
                )


def _linked(a: Person, b: Person) -> bool:
    return _candidate(a, b) and _corroborated(a, b)


def _groups(people: list[Person]) -> list[list[Person]]:
    """People linked by corroborated short forms, in groups of two or more."""
    groups: list[list[Person]] = []
    for person in people:
        touching = [g for g in groups if any(_linked(person, other) for other in g)]
        merged = [person, *(p for g in touching for p in g)]
        groups = [g for g in groups if g not in touching] + [merged]
    return [g for g in groups if len(g) > 1]


def _clique(group: list[Person]) -> bool:
    return all(_linked(a, b) for a in group for b in group if a is not b)


def _joins_strangers(person: Person, group: list[Person]) -> bool:
    """Linked to two people who are not linked to each other."""
    near = [p for p in group if p is not person and _linked(person, p)]
    return any(not _linked(a, b) for a in near for b in near if a is not b)


def _merge(group: list[Person], people: list[Person]) -> None:
    keep = max(group, key=lambda p: (len(p.seen), p.files[0]))
    firsts = sorted(p.files[0] for p in group)
    for gone in group:
        if gone is keep:
            continue
        keep.seen.extend(gone.seen)
        keep.notes.extend(gone.notes)
        people.remove(gone)
    keep.notes.append(
        _note(
            "identity.merged",
            firsts,
            "documents write this supervisee's first name in more than one way (a short form or "
            "an initial); the same supervisor or team shows they are one person",
        )
    )


def _candidate(a: Person, b: Person) -> bool:
    if a.employees and b.employees and not a.employees & b.employees:
        return False
    names_a = {s.name for s in a.seen if s.name}
    names_b = {s.name for s in b.seen if s.name}
    return any(names.is_candidate(x, y) for x in names_a for y in names_b)


def _corroborated(a: Person, b: Person) -> bool:
    same_supervisor = any(names.may_be_same(x, y) for x in a.supervisors() for y in b.supervisors())
    same_team = bool(a.teams() & b.teams())
    packs_agree = not (a.packs() and b.packs() and not a.packs() & b.packs())
    return (same_supervisor or same_team) and packs_agree


def _note_same_names(people: list[Person]) -> None:
    """People kept apart though their names fold alike are told so."""
    for person in people:
        twins = [p for p in people if p is not person and p.keys & person.keys]
        if twins and not (person.employees and all(p.employees for p in twins)):
            person.notes.append(
                _note(
                    "identity.same_name",
                    person.files[:1],
                    f"kept apart from {len(twins)} other supervisee{'s' if len(twins) > 1 else ''} of the "
                    "same name (another supervisor, team or council at the same time)",
                )
            )


def _question(files: list[str], why: str) -> Finding:
    return Finding(
        "identity.check",
        "warning",
        "supervisee.name",
        f"check identity: {why} ({_files(files)})",
        SOURCE,
        files[0],
    )


def _note(rule: str, files: list[str], why: str) -> Finding:
    return Finding(rule, "info", "supervisee.name", f"{why} ({_files(files)})", SOURCE, files[0])


def _files(files: list[str]) -> str:
    return ", ".join(files[:6]) + (f" and {len(files) - 6} more" if len(files) > 6 else "")
