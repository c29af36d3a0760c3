"""Which pack and document a file is: from our identity stamp where it has one, else by
its printed labels; and whether it is the council's original layout or our template.

Without a stamp, each candidate form scores by its labels found on the document
(exactly, after normalising; else reworded or loosely too), weighted by their length in
words; the best must reach `MIN_SCORE` and lead the next-best form by `MIN_MARGIN`.
Where the labels do not tell (an older edition of the form words them its own way), the
form whose printed text the document mostly holds is taken; else the document is not
taken as a form of ours. Given a pack (`--pack`), the document is read as that pack's
best-matching form whatever its score; a low score is then a warning.

Our templates reproduce the councils' printed text, so the printed text cannot tell an
original from our template (filled originals hold 97-100% of the template's lines).
The label reader reads both; only a document with our annex of further details, which
the originals never have, is read by lining it up with our template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..docx.annex import ANNEX_LEAD
from ..errors import NotASupervisionForm, UnknownPack
from ..packs import Pack, PackRegistry
from .forms.labels import Finder
from .forms.layout import Layout, reading_text
from .text import fold
from .unwrap import unhyphenated

# Word keeps the keywords' "; " separators; LibreOffice re-saves them as " " and exports PDFs with ", ".
STAMP = re.compile(r"supervision-forms[;,\s]+pack=([\w-]+)[;,\s]+document=(\w+)")

MIN_SCORE = 0.45
MIN_MARGIN = 0.12
CERTAIN = 0.9  # a share of labels found word for word that needs no loose second look
MIN_COVER_RATIO = 1.5  # within the margin, the form with this many times the label words wins
MIN_PRINTED = 0.6  # share of a form's printed text that makes a document that form, labels aside
PAGE_WORDS = 12  # label words, printed word for word, that make a scanned page a page of a form
PAGE_LEAD = 2.0  # ... when as many as this times any other form's
PRINTED_WORDS = 4  # a line of printed text this long, found on a scan, speaks for its form
OWN_WORDS = 2  # a header or footer line this long is a form's own ("OFFICIAL" alone is anyone's)


@dataclass(frozen=True)
class Choice:
    """The form a document was taken for, how sure that is, and which reader reads it."""

    pack: Pack
    document: str
    confidence: float
    original: bool  # the council's own layout (True) or our template (False)
    stamped: bool = False  # our identity stamp said so


def detect(
    keywords: str,
    layout: Layout,
    text: str,
    packs: PackRegistry,
    label: str,
    pack: str | None,
    document: str | None,
) -> Choice:
    """The form a file is: as its stamp says (unless `pack` says otherwise), else by its labels."""
    forced = chosen_pack(pack, document, packs)
    stamp = from_stamp(keywords, packs)
    if stamp is not None and (forced is None or stamp.pack is forced) and document in (None, stamp.document):
        return stamp
    if stamp is not None and forced is not None and document is not None:
        return Choice(forced, document, 1.0, original=False, stamped=True)
    return choose(layout, text, packs, label, forced, document)


def from_stamp(keywords: str, packs: PackRegistry) -> Choice | None:
    """The pack and document our identity stamp names, when that pack is installed."""
    match = STAMP.search(keywords or "")
    if not match or match.group(1) not in packs:
        return None
    pack = packs.get(match.group(1))
    if match.group(2) not in pack.documents:
        return None
    return Choice(pack, match.group(2), 1.0, original=False, stamped=True)


def chosen_pack(pack: str | None, document: str | None, packs: PackRegistry) -> Pack | None:
    """The pack asked for (`--pack`), checked to have the document asked for."""
    if pack is None:
        return None
    chosen = packs.get(pack)
    if document and document not in chosen.documents:
        raise UnknownPack(f"pack '{pack}' has no '{document}' document")
    return chosen


def choose(
    layout: Layout, text: str, packs: PackRegistry, label: str, only: Pack | None, document: str | None
) -> Choice:
    """The best-matching form, or `NotASupervisionForm` when none clearly matches: by its
    labels; where they do not tell (an older edition words them differently), by how much
    of the form's printed text the document holds."""
    candidates = [
        (pack, kind)
        for pack in ([only] if only else list(packs))
        for kind in pack.documents
        if document is None or kind == document
    ]
    finder = Finder(layout)
    scored = label_scores(finder, candidates, loose=False)
    if not _clear(scored, only):  # labels worded differently: compare them loosely too
        scored = label_scores(finder, candidates, loose=True)
    original = fold(ANNEX_LEAD) not in fold(text)
    if not scored:
        raise NotASupervisionForm(f"{label}: not a supervision form of any installed pack")
    close = [item for item in scored if scored[0][0] - item[0] < MIN_MARGIN or item[0] >= MIN_SCORE]
    best, found, pack, kind = max(
        close, key=lambda item: item[1]
    )  # a small form inside a bigger one: the bigger
    clear = len(close) == 1 or all(
        found >= item[1] * MIN_COVER_RATIO for item in close if item[2:] != (pack, kind)
    )
    if best >= MIN_SCORE and (clear or only is not None):
        return Choice(pack, kind, round(min(1.0, best), 3), original)
    by_text = _by_printed_text((fold(text), fold(unhyphenated(text))), candidates, label)
    if by_text is not None:
        return Choice(by_text[1], by_text[2], round(min(1.0, by_text[0]), 3), original)
    if only is not None:  # read as the pack asked for, with a warning
        return Choice(pack, kind, round(best, 3), original)
    if best >= MIN_SCORE:
        raise NotASupervisionForm(f"{label}: could be more than one pack's form; give --pack")
    raise NotASupervisionForm(f"{label}: not a supervision form of any installed pack")


def _by_printed_text(
    texts: tuple[str, ...], candidates: list[tuple[Pack, str]], label: str
) -> tuple[float, Pack, str] | None:
    """The form most of whose printed text the document holds: of those holding at least
    `MIN_PRINTED` of theirs, the one that explains the most words (a small form whose text
    is printed inside a bigger one is the bigger one, even when only some of the bigger
    one's pages are here); None when none does, and `NotASupervisionForm` when two explain
    about as much."""
    shares = sorted(
        ((*_printed_share(texts, pack, kind), pack, kind) for pack, kind in candidates),
        key=lambda item: -item[1],
    )
    likely = [item for item in shares if item[0] >= MIN_PRINTED]
    if not likely:
        return None
    share, words, pack, kind = likely[0]
    bigger = [item for item in shares if item[1] >= words * MIN_COVER_RATIO]
    if bigger:  # some pages of a bigger form that prints the smaller one's text too
        share, _, pack, kind = bigger[0]
        return share, pack, kind
    if len(likely) > 1 and words < likely[1][1] * MIN_COVER_RATIO:
        raise NotASupervisionForm(f"{label}: could be more than one pack's form; give --pack")
    return share, pack, kind


def _printed_share(texts: tuple[str, ...], pack: Pack, kind: str) -> tuple[float, int]:
    """The share of a form's printed lines (by words; lines of a few words left out) that
    the document holds word for word (in one of `texts`, its folded readings), and how
    many words that is."""
    found = total = 0
    for line in pack.knowledge(kind).printed_lines:
        weight = len(line.split())
        total += weight
        if any(line in text for text in texts):
            found += weight
    return (found / total if total else 0.0), found


def label_scores(
    finder: Finder, candidates: list[tuple[Pack, str]], *, loose: bool
) -> list[tuple[float, int, Pack, str]]:
    """Each candidate form's label share and label words found, best first."""
    return sorted(
        ((*_label_share(finder, pack, kind, loose), pack, kind) for pack, kind in candidates),
        key=lambda item: (-item[0], -item[1]),
    )


def _clear(scored: list[tuple[float, int, Pack, str]], only: Pack | None) -> bool:
    """Whether the best form is a clear winner by its labels printed word for word: nearly
    all of them there, well ahead of the next (one form's labels may be printed on
    another: a record's headings in an agreement's list of topics)."""
    if not scored or scored[0][0] < CERTAIN:
        return False
    return only is not None or len(scored) == 1 or scored[0][0] - scored[1][0] >= MIN_MARGIN


def _label_share(finder: Finder, pack: Pack, kind: str, loose: bool) -> tuple[float, int]:
    """The share of a form's labels (by words) printed on the document, and how many
    label words that is."""
    found = total = 0
    seen: set[str] = set()
    for info in pack.knowledge(kind).fields:
        needle = info.needle
        if not needle or needle in seen:
            continue
        seen.add(needle)
        weight = len(needle.split())
        total += weight
        if finder.occurs(info.labels, info.starts_piece, loose=loose):
            found += weight
    return (found / total if total else 0.0), found


def page_of_form(layout: Layout, packs: PackRegistry, document: str | None) -> Choice | None:
    """The form a scan of some of its pages is (pages are often scanned one a file): the
    one with the most words printed on it word for word (its labels, and its lines of
    printed text of `PRINTED_WORDS` words or more, page headers and footers left out),
    when that is `PAGE_WORDS` words at least and `PAGE_LEAD` times as many as any other
    form's. Forms that share their wording (one council's form drawn from another's) are
    told apart by their own page headers and footers: of those close to the best, the one
    form whose header or footer lines are on the page. None otherwise."""
    scored = _page_scores(layout, packs, document)
    if not scored or scored[0][0] < PAGE_WORDS:
        return None
    close = _close(scored)
    marked = [item for item in close if item[1]]
    if len(close) > 1 and len(marked) != 1:
        return None
    words, _, pack, kind = marked[0] if len(close) > 1 else close[0]
    runner_up = max((item[0] for item in scored if item[2:] != (pack, kind)), default=0)
    return Choice(pack, kind, round(words / (words + runner_up), 3), original=True)


def page_refused(
    layout: Layout, packs: PackRegistry, document: str | None, label: str
) -> NotASupervisionForm | None:
    """Why scanned pages that some form's printed words are on, but that `page_of_form`
    could not place, are refused, truly: too few of them to tell (a page of signatures,
    say); or what they print, several forms print alike (and no page header or footer
    tells them apart). None for pages with no form's printed words."""
    scored = _page_scores(layout, packs, document)
    if not scored or scored[0][0] == 0:
        return None
    if scored[0][0] < PAGE_WORDS:
        return NotASupervisionForm(
            f"{label}: too few of any form's printed words are on it ({scored[0][0]}) to tell"
            " which form it is a page of; give --pack and --document"
        )
    forms = ", ".join(f"{pack.name} {kind}" for _, _, pack, kind in _close(scored))
    return NotASupervisionForm(
        f"{label}: what it prints, several forms print alike ({forms}), and no page header or"
        " footer tells which it is a page of; give --pack and --document"
    )


def _page_scores(
    layout: Layout, packs: PackRegistry, document: str | None
) -> list[tuple[int, bool, Pack, str]]:
    """Each form's words printed word for word on the pages, and whether one of its own
    header or footer lines is there, most words first (`page_of_form`)."""
    candidates = [(p, kind) for p in packs for kind in p.documents if document in (None, kind)]
    scores = label_scores(Finder(layout), candidates, loose=False)
    labels = {(p.name, kind): words for _, words, p, kind in scores}
    lines = [fold(line) for line in reading_text(layout).split("\n")]
    scored = []
    for pack, kind in candidates:
        knowledge = pack.knowledge(kind)
        margins = {fold(margin) for margin in knowledge.margins}
        printed = sum(
            len(line.split())
            for line in lines
            if len(line.split()) >= PRINTED_WORDS and line not in margins and knowledge.is_printed(line)
        )
        own = any(margin in line for margin in margins if len(margin.split()) >= OWN_WORDS for line in lines)
        scored.append((labels.get((pack.name, kind), 0) + printed, own, pack, kind))
    scored.sort(key=lambda item: -item[0])
    return scored


def _close(scored: list[tuple[int, bool, Pack, str]]) -> list[tuple[int, bool, Pack, str]]:
    """The forms whose words come within `PAGE_LEAD` times of the best's."""
    return [item for item in scored if scored[0][0] < PAGE_LEAD * item[0]]


def on_scanned_pages(choice: Choice, layout: Layout, packs: PackRegistry, document: str | None) -> Choice:
    """The form scanned pages are: a page or two of a bigger form may hold a smaller
    form's labels whole (a council's cancellation form asks for the names and dates the
    first page of its agreement asks for), and the labels' share then speaks for the
    smaller form. The form whose printed words the pages hold clearly the most
    (`page_of_form`) is taken instead, when there is one; our stamp is never overruled."""
    if choice.stamped:
        return choice
    page = page_of_form(layout, packs, document)
    if page is None or (page.pack.name, page.document) == (choice.pack.name, choice.document):
        return choice
    return page
