"""Every heading and label the record forms print is the councils' own wording.

Portsmouth's forms take their words from its agreement, procedures and standards (seeds 000,
003, 004), Surrey's monitoring form and Sefton's welfare record from their agreements (001,
002). Where the seeds have no words
for a field that issue 5 or the contract asks for, the label is the issue's: those few are
listed here, so that any other printed text must be found in the seeds.
"""

from __future__ import annotations

import re

import pytest

from supervision_forms import PackRegistry
from supervision_forms.models.paths import leaves
from supervision_forms.reading.text import fold as normalise
from tests.conftest import shared_file
from tests.records.conftest import RECORD_IDS, RECORDS

SEEDS = {"portsmouth": ["000", "003", "004"], "surrey": ["001"], "sefton": ["002"]}
SEED_FILES = {
    "000": "000_c1084a0e0e93736d.txt",
    "001": "001_e737624359976d20.txt",
    "002": "002_927d8df0098f5b1a.txt",
    "003": "003_1dc70158c0559e80.txt",
    "004": "004_75cc1bb1e2b2e8c8.txt",
}
ISSUE_WORDS = {  # named by issue 5 or the contract, not by the seeds
    "date of birth",
    "family sibling group",
    "legal status",
    "legal status details",
    "child in need",
    "cared for looked after",
    "by when",
    "reason for decision",
    "absence",
    "agenda",
    "leave",
    "health and safety",
    "minutes",
    "date of planned supervision",
    "cancelled by",
    "reason for cancellation",
}
NUMBERING = re.compile(r"^(section \d+|\d+)\s+")


def _seed_text(pack: str) -> str:
    return " ".join(
        normalise(shared_file("seeds", SEED_FILES[s]).read_text(encoding="utf-8")) for s in SEEDS[pack]
    )


def _printed(pack: str, kind: str, packs: PackRegistry) -> list[str]:
    """Each line of printed text between the form's answers, and its tick boxes' labels."""
    chosen = packs.get(pack)
    model = chosen.model(kind)
    pieces = chosen.knowledge(kind).statics
    texts = [line for piece in pieces for line in piece.split("\n") if normalise(line)]
    for leaf in leaves(model):
        if leaf.choices and leaf.path.removesuffix("[]") in chosen.document(kind).fields:
            texts += leaf.choice_labels().values()
    return texts


@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_prints_only_the_councils_words_and_the_issues_field_names(
    pack: str, kind: str, packs: PackRegistry
) -> None:
    seeds = _seed_text(pack)
    foreign = [
        text
        for text in _printed(pack, kind, packs)
        if (label := NUMBERING.sub("", normalise(text))) not in ISSUE_WORDS and label not in seeds
    ]
    assert foreign == []


@pytest.mark.parametrize(("pack", "kind"), RECORDS, ids=RECORD_IDS)
def it_prints_the_form_title_of_the_seeds(pack: str, kind: str, packs: PackRegistry) -> None:
    title = packs.get(pack).document(kind).title
    assert normalise(title) in _seed_text(pack)
    assert normalise(title) in normalise(" ".join(_printed(pack, kind, packs)))
