"""Which pack's form an unmarked document is (no bookmarks, no identity stamp), and
whether it is the council's original layout or our template with the marks lost.

Each candidate form scores by its labels found on the document (exactly, after
normalising), weighted by their length in words; the best must reach `MIN_SCORE` and
lead the next-best form by `MIN_MARGIN`, or the document is not taken as a form of
ours. Given a pack (`--pack`), the document is read as that pack's best-matching
form whatever its score; a low score is then a warning.

Our templates reproduce the councils' printed text, so the printed text cannot tell an
original from our template (filled originals hold 97-100% of the template's lines).
The label reader reads both; only a document with our annex of further details, which
the originals never have, is read by lining it up with our template.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...docx.annex import ANNEX_LEAD
from ...errors import NotASupervisionForm
from ...packs import Pack, PackRegistry
from .knowledge import knowledge
from .labels import Finder
from .layout import Layout
from .text import fold, strip_numbering

MIN_SCORE = 0.45
MIN_MARGIN = 0.12


@dataclass(frozen=True)
class Choice:
    """The form a document was taken for, how sure that is, and which reader reads it."""

    pack: Pack
    document: str
    confidence: float
    original: bool  # the council's own layout (True) or our template (False)


def choose(
    layout: Layout, text: str, packs: PackRegistry, label: str, only: Pack | None, document: str | None
) -> Choice:
    """The best-matching form, or `NotASupervisionForm` when none clearly matches."""
    candidates = [
        (pack, kind)
        for pack in ([only] if only else list(packs))
        for kind in pack.documents
        if document is None or kind == document
    ]
    finder = Finder(layout)
    scored = sorted(
        ((_label_share(finder, pack, kind), pack, kind) for pack, kind in candidates),
        key=lambda item: -item[0],
    )
    if not scored or (scored[0][0] < MIN_SCORE and only is None):
        raise NotASupervisionForm(f"{label}: not a supervision form of any installed pack")
    best, pack, kind = scored[0]
    if len(scored) > 1 and only is None and best - scored[1][0] < MIN_MARGIN:
        raise NotASupervisionForm(f"{label}: could be more than one pack's form; give --pack")
    original = fold(ANNEX_LEAD) not in fold(text)
    return Choice(pack, kind, round(min(1.0, best), 3), original)


def _label_share(finder: Finder, pack: Pack, kind: str) -> float:
    """The share of a form's labels (by words) printed on the document."""
    found = total = 0
    seen: set[str] = set()
    for info in knowledge(pack, kind).fields:
        needle = fold(strip_numbering(info.spec.label))
        if not needle or needle in seen:
            continue
        seen.add(needle)
        weight = len(needle.split())
        total += weight
        if finder.occurs(needle):
            found += weight
    return found / total if total else 0.0
