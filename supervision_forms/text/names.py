"""People's names as they are written on forms: folded for comparison, and the names that may
be the same person written another way (a short form, an initial, a dropped middle name).

Folding removes only what never tells two people apart: case, accents, apostrophes, hyphens,
dots, titles and spacing ("Siobhán O'Neil" and "SIOBHAN ONEIL" fold alike). Short forms,
initials and a surname one letter off are only candidates: the audit joins them when other facts
agree, and asks when not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev"})
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")

# Common English short forms: "formal names | their short forms". Two formal names of one group
# are different people (Samuel, Samantha) unless spellings of one name (Stephen/Steven); a short
# form may be any of them.
_SHORT_FORMS: tuple[str, ...] = (
    "abigail | abby abbie abi",
    "albert | bert bertie al",
    "alexander alexandra | alex alexa sandy xander lex ali",
    "alfred | alf alfie fred",
    "alison/allison | ali ally",
    "amanda | mandy manda",
    "amelia | millie amy",
    "andrew | andy drew",
    "angela | angie",
    "anthony/antony | tony ant",
    "benjamin benedict | ben benny benji",
    "catherine/katherine/kathryn/katharine | cathy kathy cath kate katie kat kitty",
    "charles | charlie chas chuck",
    "charlotte | charlie lottie lotte",
    "christopher | chris kit topher",
    "christine/christina | chris chrissie tina",
    "daniel | dan danny",
    "danielle | dani",
    "david | dave davy",
    "deborah/debra | debbie deb",
    "dominic | dom",
    "donald | don donnie",
    "edward edmund | ed eddie ted teddy ned",
    "eleanor/elinor | ellie nell nellie nora",
    "elizabeth | eliza liz lizzie lizzy beth betty libby bess elsie",
    "emily emma | em emmy",
    "frances francesca | fran frankie",
    "francis | frank frankie",
    "frederick | freddie fred freddy",
    "gabrielle/gabriella | gabby gabi",
    "gillian/jillian | gill jill",
    "gregory | greg",
    "harriet | hattie harry",
    "henry | harry hal hank",
    "isabel/isabella/isobel | bella izzy issy",
    "jacqueline | jackie jacqui",
    "james | jim jimmy jamie",
    "jennifer | jen jenny jenni",
    "jessica | jess jessie",
    "joanne/joanna/johanna | jo",
    "john | jon johnny jack",
    "jonathan | jon jonny",
    "joseph | joe joey",
    "josephine | jo josie",
    "joshua | josh",
    "julia | julie jules",
    "julian | jules",
    "kimberley/kimberly | kim",
    "lawrence/laurence | larry laurie",
    "leonard | len lenny leo",
    "louise/louisa | lou lulu",
    "madeleine/madeline | maddie maddy",
    "margaret | maggie meg peggy mags",
    "mary | molly polly",
    "matthew | matt matty",
    "melanie | mel",
    "melissa | mel missy",
    "michael | mike mick mickey mikey",
    "nathan nathaniel | nat nate",
    "natalie | nat tally",
    "natasha | tasha tash",
    "nicholas | nick nicky nico",
    "nicola/nicole | nicky nikki",
    "oliver | olly ollie",
    "olivia | liv livvy",
    "pamela | pam",
    "patricia | pat patty trish tricia",
    "patrick | pat paddy",
    "penelope | penny",
    "peter | pete",
    "philip/phillip | phil pip",
    "rebecca | becky becca bex",
    "richard | rich richie rick ricky dick",
    "robert | rob robbie bob bobby bert",
    "ronald | ron ronnie",
    "rosemary | rosie rose",
    "samuel samantha | sam sammy",
    "sarah/sara | sally sadie",
    "sophia | sophie",
    "stephen/steven | steve stevie",
    "stephanie | steph",
    "susan/suzanne/susanne | sue susie suzy",
    "theodore | theo ted teddy",
    "thomas | tom tommy",
    "timothy | tim timmy",
    "tobias | toby",
    "valerie | val",
    "victoria | vicky vicki tori vic",
    "william | will bill billy liam",
    "zachary | zach zack",
)


@lru_cache(maxsize=8192)
def fold(text: str | None) -> str:
    """A name folded for comparison: 'Dr Siobhán O'Neil-Byrne' -> 'siobhan oneil byrne';
    'Taylor, Sam' -> 'sam taylor'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub("", text).replace("&", " and ")
    if text.count(",") == 1:  # "Surname, Given"
        surname, given = text.split(",")
        text = f"{given} {surname}"
    words = [w for w in re.sub(r"[^\w]+", " ", text).split() if w not in _TITLES]
    return " ".join(words)


def key(text: str | None) -> str:
    """The folded name without spaces: one key for 'Mary-Jane Smith' and 'Mary Jane Smith'."""
    return fold(text).replace(" ", "")


def employee_key(text: str | None) -> str:
    """An employee ID compared without case, spaces or dashes: 'e-01234' is 'E01234'."""
    return re.sub(r"[\s\-_./]", "", text or "").upper()


@dataclass(frozen=True)
class Name:
    """A folded name: its given names and surname."""

    given: tuple[str, ...]
    surname: str

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""


def parse(text: str | None) -> Name | None:
    words = fold(text).split()
    if len(words) < 2:
        return None
    return Name(tuple(words[:-1]), words[-1])


@cache
def _groups() -> tuple[dict[str, frozenset[int]], frozenset[str]]:
    """Each name -> the groups it belongs to; and the formal names."""
    found: dict[str, set[int]] = {}
    formal: set[str] = set()
    for index, line in enumerate(_SHORT_FORMS):
        formals, shorts = line.split("|")
        for spellings in formals.split():  # one name, spelt more ways: a group of its own
            names = spellings.split("/")
            formal.update(names)
            own = -1 - len(formal)  # negative: never a short-form group's index
            for word in names:
                found.setdefault(word, set()).update({index, own})
        for word in shorts.split():
            found.setdefault(word, set()).add(index)
    return {word: frozenset(groups) for word, groups in found.items()}, frozenset(formal)


def same_given_name(a: str, b: str) -> bool:
    """True when two given names may be one person's: equal, one a short form of the other,
    one an initial of the other, or one the start of the other (Chris, Christopher)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    groups, formal = _groups()
    shared = groups.get(a, frozenset()) & groups.get(b, frozenset())
    if a in formal and b in formal:
        return any(g < 0 for g in shared)  # Stephen/Steven, not Samuel/Samantha
    if shared:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 3 and long.startswith(short)


def may_be_same(a: str | None, b: str | None) -> bool:
    """True when two written names may be the same person (same key, or a candidate)."""
    if key(a) and key(a) == key(b):
        return True
    return is_candidate(a, b)


def is_candidate(a: str | None, b: str | None) -> bool:
    """True when two different names may be one person: first names that are short forms or
    initials of each other (a middle name may be left out), and the same surname or one a
    letter off it (a slip of the pen: 'Kahn' for 'Khan')."""
    first, second = parse(a), parse(b)
    if first is None or second is None or key(a) == key(b):
        return False
    if first.surname != second.surname and not _slip(first.surname, second.surname):
        return False
    return same_given_name(first.first, second.first)


def _slip(a: str, b: str) -> bool:
    """One letter added, dropped or changed in names of five letters or more, or two letters
    swapped in names of four or more ('Kahn', 'Khan')."""
    if min(len(a), len(b)) < 4 or OSA.distance(a, b) > 1:
        return False
    return min(len(a), len(b)) >= 5 or sorted(a) == sorted(b)


# Words a name may hold in lower case ("Ludwig van Beethoven", "Fatima bin Laden", "da Silva").
_PARTICLES = frozenset(
    {
        "af",
        "al",
        "bin",
        "binti",
        "bint",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "st",
        "ten",
        "ter",
        "van",
        "von",
        "y",
        "zu",
    }
)
# Words a form prints around a name, never part of one ("Tomasz St John DATE").
_FORM_WORDS = frozenset({"date", "dated", "signed", "signature", "sign", "print", "name", "agreed"})
MAX_NAME_WORDS = 6
# Particles a Dutch or German name puts before another ("van der Berg", "von dem Busche").
_FIRST_PARTICLES = frozenset({"van", "von"})
_SECOND_PARTICLES = frozenset({"de", "den", "der", "dem", "ten", "ter", "zu"})


def written_like_a_name(text: str) -> bool:
    """Whether text could be a person's name as people write one on a form: a few words, no
    digits, no sentence punctuation, no form words, lower case only for particles (or all of
    it, a name of two to four words typed in lower case). False for "was previously a peer in
    this team", "Thu 25", "Jo Smith Date", "background"."""
    words = text.replace(",", " ").split()
    if not words or len(words) > MAX_NAME_WORDS or any(c.isdigit() for c in text):
        return False
    if re.search(r"[;:?!()\[\]{}/\\|@#%&*+=<>]", text) or text.count(",") > 1:
        return False
    bare = [w.strip(".'’-").casefold() for w in words]
    if any(w in _FORM_WORDS for w in bare):
        return False
    if any("." in w.rstrip(".") or (w.endswith(".") and len(w) > 4) or w.endswith("-") for w in words):
        return False  # a full stop ends only an initial or a title ("J.", "Dr."); "Pryce-" goes on
    lower = [w for w, b in zip(words, bare, strict=True) if w[:1].islower() and b not in _PARTICLES]
    return not lower or (len(lower) == len(words) and 2 <= len(words) <= 4)


def particles_run_together(word: str) -> bool:
    """Whether a word of a name is two particles with the space between them lost, as OCR
    reads "Van der Berg" as "Vander Berg" (such names are also written so: it cannot be told)."""
    bare = word.casefold()
    return any(
        bare.startswith(first) and bare[len(first) :] in _SECOND_PARTICLES for first in _FIRST_PARTICLES
    )
