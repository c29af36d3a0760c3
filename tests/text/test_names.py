"""Names as written on forms: folded for comparison, and the names that may be one person's."""

from __future__ import annotations

import pytest

from supervision_forms.text.names import (
    employee_key,
    fold,
    is_candidate,
    key,
    may_be_same,
    written_like_a_name,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Siobhán O'Neil", "siobhan oneil"),
        ("SIOBHAN O’NEIL", "siobhan oneil"),
        ("Dr Amara Okafor", "amara okafor"),
        ("Taylor, Sam", "sam taylor"),
        ("  mary-jane   smith. ", "mary jane smith"),
        ("Zoë Brontë", "zoe bronte"),
    ],
)
def it_folds_what_never_tells_two_people_apart(written: str, folded: str) -> None:
    assert fold(written) == folded


def it_keys_a_hyphen_and_a_space_alike() -> None:
    assert key("Mary-Jane Smith") == key("Mary Jane Smith") == "maryjanesmith"
    assert employee_key(" e-01234 ") == employee_key("E01234") == "E01234"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sam Taylor", "Samuel Taylor"),
        ("Bill Okafor", "William Okafor"),
        ("S. Reid", "Sarah Reid"),
        ("Chris Lee", "Christopher Lee"),
        ("Mary Anne Jones", "Mary Jones"),
        ("Steve Ball", "Stephen Ball"),
        ("Stephen Ball", "Steven Ball"),
        ("Aisha Khan", "Aisha Kahn"),
        ("Jane Smith", "Jane Smyth"),
    ],
)
def it_takes_short_forms_initials_and_slips_as_candidates(a: str, b: str) -> None:
    assert is_candidate(a, b) and is_candidate(b, a) and may_be_same(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Samuel Taylor", "Samantha Taylor"),
        ("Charles Kemp", "Charlotte Kemp"),
        ("Sam Reid", "Sam Reed"),
        ("Sam Taylor", "Sam Turner"),
        ("Sam Taylor", "Tom Taylor"),
        ("Taylor", "Sam Taylor"),
    ],
)
def it_keeps_different_names_apart(a: str, b: str) -> None:
    assert not is_candidate(a, b)


def it_does_not_call_one_name_a_candidate_of_itself() -> None:
    assert not is_candidate("Siobhán O'Neil", "siobhan oneil")
    assert may_be_same("Siobhán O'Neil", "siobhan oneil")


@pytest.mark.parametrize(
    "name",
    [
        "Jane Smith",
        "jane smith",
        "Ludwig van Beethoven",
        "Maria del Carmen García López",
        "Dr. J. Smith",
        "Smith, Jane",
        "Siobhán O’Neil-Byrne",
        "Mr A. B. Jones",
    ],
)
def it_takes_what_people_write_as_names_for_names(name: str) -> None:
    assert written_like_a_name(name)


@pytest.mark.parametrize(
    "text",
    [
        "was previously a peer in this team",  # a sentence from an answer nearby
        "Thu 25",  # a date's pieces
        "APRIL 2025",
        "Tomasz St John DATE",  # a form's word stuck to it
        "Jo Smith Date:",
        "Callum Pryce-",  # cut where it wrapped
        "Help with prioritising",
        "Jane Smith; Tom Jones",
        "background",  # one word of an answer, in lower case
    ],
)
def it_does_not_take_other_text_for_a_name(text: str) -> None:
    assert not written_like_a_name(text)
