"""Recall, precision and every false accusation of the audit on planted-breach teams.

    python -m tests.audit.measure                 # the development seeds
    python -m tests.audit.measure --seeds 20271   # a held-out seed
    python -m tests.audit.measure --docx 0.3      # more Word documents (slower)

A finding counts when its supervisee (the person who owns the documents), rule, level, field and
document all match a planted one; each count is exact (a finding repeated twice counts twice).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from supervision_forms.audit import AuditReport, audit_folder
from tests.audit.planted import AS_OF, TEAM, Key, Team, build_team

DEVELOPMENT_SEEDS = tuple(range(1, 25))


@dataclass
class Score:
    """What one or more teams' audits found against what was planted."""

    found: Counter[Key] = field(default_factory=Counter)
    expected: Counter[Key] = field(default_factory=Counter)
    merged: list[str] = field(default_factory=list)  # workers holding more than one person's documents
    split: list[str] = field(default_factory=list)  # people spread over more than one worker
    documents: int = 0
    workers: int = 0
    fallbacks: int = 0

    @property
    def hits(self) -> Counter[Key]:
        return self.found & self.expected

    @property
    def false(self) -> Counter[Key]:
        return self.found - self.expected

    @property
    def missed(self) -> Counter[Key]:
        return self.expected - self.found

    def add(self, other: Score) -> None:
        self.found.update(other.found)
        self.expected.update(other.expected)
        self.merged += other.merged
        self.split += other.split
        self.documents += other.documents
        self.workers += other.workers
        self.fallbacks += other.fallbacks


def score(team: Team, report: AuditReport, label: str = "") -> Score:
    """Each worker named by the person who owns its documents; every finding keyed."""
    result = Score(expected=Counter(team.expected), documents=report.files_read, fallbacks=team.fallbacks)
    seen: Counter[str] = Counter()
    for worker in report.workers:
        owners = Counter(team.owner.get(file, "?") for file in worker.documents)
        owner = owners.most_common(1)[0][0]
        if len(owners) > 1:
            result.merged.append(f"{label}{worker.supervisee}: {dict(owners)}")
        seen[owner] += 1
        result.workers += 1
        for finding in worker.findings:
            result.found[(owner, finding.rule, finding.level, finding.field, finding.document)] += 1
    result.split += [f"{label}{owner} in {count} workers" for owner, count in seen.items() if count > 1]
    for note in report.team:
        f = note.finding
        result.found[(TEAM, f.rule, f.level, f.field, f.document)] += 1
    return result


def run(seeds: tuple[int, ...], docx_share: float) -> tuple[Score, dict[int, Score]]:
    total, each = Score(), {}
    for seed in seeds:
        root = Path(tempfile.mkdtemp(prefix=f"sf-planted-{seed}-"))
        try:
            team = build_team(root, seed, docx_share=docx_share)
            one = score(team, audit_folder(root, as_of=AS_OF), f"seed {seed}: ")
        finally:
            shutil.rmtree(root, ignore_errors=True)
        each[seed] = one
        total.add(one)
    return total, each


def _describe(key: Key, count: int) -> str:
    person, rule, level, field_, document = key
    times = f" ×{count}" if count > 1 else ""
    return f"{level:<7} {rule:<42} {field_:<24} {document or '—'} ({person}){times}"


def _by_rule(total: Score) -> None:
    """Planted, found and matched for each rule and level."""
    print(f"{'rule':<44} {'level':<8} planted found matched")
    keys = sorted({(k[1], k[2]) for k in total.expected} | {(k[1], k[2]) for k in total.found})
    for rule, level in keys:
        counts = [
            sum(v for k, v in counter.items() if (k[1], k[2]) == (rule, level))
            for counter in (total.expected, total.found, total.hits)
        ]
        print(f"{rule:<44} {level:<8} {counts[0]:>7} {counts[1]:>5} {counts[2]:>7}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="*", default=list(DEVELOPMENT_SEEDS))
    parser.add_argument("--docx", type=float, default=0.15, help="share of documents written as Word files")
    parser.add_argument("--by-rule", action="store_true", help="planted, found and matched for each rule")
    args = parser.parse_args(argv)
    total, each = run(tuple(args.seeds), args.docx)
    hits, false, missed = sum(total.hits.values()), total.false, total.missed
    accusations = Counter({k: v for k, v in false.items() if k[2] in ("error", "warning")})
    found, expected = sum(total.found.values()), sum(total.expected.values())
    print(
        f"teams {len(each)}, documents {total.documents}, workers {total.workers}, "
        f"Word copies that fell back to JSON {total.fallbacks}"
    )
    print(f"planted findings {expected}, found {found}, matched {hits}")
    print(f"recall {hits / expected:.3f}  precision {hits / found if found else 1:.3f}")
    print(f"false accusations (error or warning not planted): {sum(accusations.values())}")
    for key, count in sorted(accusations.items()):
        print("  FALSE  " + _describe(key, count))
    for key, count in sorted(false.items()):
        if key not in accusations:
            print("  EXTRA  " + _describe(key, count))
    for key, count in sorted(missed.items()):
        print("  MISSED " + _describe(key, count))
    for line in total.merged:
        print("  MERGED " + line)
    for line in total.split:
        print("  SPLIT  " + line)
    if args.by_rule:
        _by_rule(total)
    per_seed = [seed for seed, one in each.items() if one.found != one.expected or one.merged or one.split]
    print(
        f"teams exactly right: {len(each) - len(per_seed)} of {len(each)}"
        + (f" (not: {per_seed})" if per_seed else "")
    )
    return 0 if not (false or missed or total.merged or total.split) else 1


if __name__ == "__main__":
    sys.exit(main())
