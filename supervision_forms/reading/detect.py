"""Which pack and document a file is: from our identity stamp, or by its printed text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import NotASupervisionForm, UnknownPack
from ..packs import Pack, PackRegistry
from .align import skeleton
from .values import normalise

# LibreOffice rewrites the keywords "a; b; c" as "a b c" when it re-saves a document
# Word keeps the "; " separators; LibreOffice re-saves them as " " and exports PDFs with ", ".
STAMP = re.compile(r"supervision-forms[;,\s]+pack=([\w-]+)[;,\s]+document=(\w+)")
MIN_SCORE = 0.5
MIN_MARGIN = 0.1
MIN_COVER_RATIO = 1.5  # within the margin, a form must explain this much more of the text


@dataclass(frozen=True)
class Detection:
    pack: Pack
    document: str
    confidence: float


def from_stamp(keywords: str, packs: PackRegistry) -> Detection | None:
    match = STAMP.search(keywords or "")
    if not match or match.group(1) not in packs:
        return None
    pack = packs.get(match.group(1))
    if match.group(2) not in pack.documents:
        return None
    return Detection(pack, match.group(2), 1.0)


def by_text(text: str, packs: PackRegistry, label: str, only: Pack | None = None) -> Detection:
    """Score each pack's printed text against the document's; demand a clear winner."""
    haystack = normalise(text)
    scores: list[tuple[float, int, Pack, str]] = []
    for pack in [only] if only else list(packs):
        for kind in pack.documents:
            scores.append((*_score(pack, kind, haystack), pack, kind))
    scores.sort(key=lambda s: (-s[0], -s[1]))  # a short form inside a longer one ties: prefer the longer
    if not scores or scores[0][0] < MIN_SCORE:
        raise NotASupervisionForm(f"{label}: not a supervision form of any installed pack")
    if (
        not only
        and len(scores) > 1
        and scores[0][0] - scores[1][0] < MIN_MARGIN
        and scores[0][1] < scores[1][1] * MIN_COVER_RATIO
    ):
        raise NotASupervisionForm(f"{label}: could be more than one pack's form; give --pack")
    best = scores[0]
    return Detection(best[2], best[3], round(best[0], 3))


def _score(pack: Pack, kind: str, haystack: str) -> tuple[float, int]:
    """The share of the form's printed lines found in the text, and how much text they cover."""
    skel = skeleton(pack.template(kind), pack.model(kind))
    lines = [normalise(line) for piece in skel.statics for line in piece.split("\n")]
    lines = [line for line in lines if len(line.split()) >= 3]
    if not lines:
        return 0.0, 0
    found = [line for line in lines if line in haystack]
    return len(found) / len(lines), sum(len(line) for line in found)


def choose(pack: str | None, document: str | None, packs: PackRegistry) -> Pack | None:
    if pack is None:
        return None
    chosen = packs.get(pack)
    if document and document not in chosen.documents:
        raise UnknownPack(f"pack '{pack}' has no '{document}' document")
    return chosen
