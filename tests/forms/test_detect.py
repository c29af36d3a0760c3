"""Which form a document without our marks is: by its printed labels, or a clear no."""

from __future__ import annotations

import pytest
from docx.document import Document as DocxDocument

from supervision_forms import PackRegistry, parse
from supervision_forms.docx.package import read_package
from supervision_forms.docx.reader import read_body
from supervision_forms.errors import NotASupervisionForm
from supervision_forms.reading.detect import choose
from supervision_forms.reading.forms.layout import from_pages
from tests.conftest import shared_file
from tools.corpus.build import make_form
from tools.corpus.seeds import Seed

from .kit import document, table


@pytest.mark.parametrize("council", ["portsmouth", "surrey", "sefton"])
def it_detects_each_councils_own_form(council: str, packs: PackRegistry) -> None:
    data, item = make_form(council, 0, seed=11, seeds=shared_file("seeds"))
    result = parse(data, packs=packs)
    assert (result.pack, result.document) == (council, "agreement")
    assert 0.5 < result.confidence <= 1.0
    assert item.council == council


def it_tells_an_agreement_from_a_record_whose_headings_it_prints(packs: PackRegistry) -> None:
    # Sefton's agreement lists the welfare record's headings ("Annual Leave", "Health and
    # Safety"...) among its topics; reworded labels must not tip the choice to the record.
    seeds = shared_file("seeds")
    for number in (0, 1, 18, 40):  # 18 and 40 have reworded labels
        data, _ = make_form("sefton", number, seed=9, seeds=seeds)
        assert parse(data, packs=packs).document == "agreement"


def it_reads_as_the_pack_it_is_told(packs: PackRegistry) -> None:
    data = document(lambda doc: table(doc, [["Staff member", "Jane Smith"], ["Manager", "Tom Jones"]]))
    result = parse(data, pack="portsmouth", packs=packs)
    assert result.pack == "portsmouth"
    assert result.data.supervisee.name == "Jane Smith"  # type: ignore[attr-defined]
    assert "right pack" in result.warnings[0].message  # only two of its labels are there


def it_says_plainly_when_a_document_is_not_a_supervision_form(packs: PackRegistry) -> None:
    def letter(doc: DocxDocument) -> None:
        doc.add_paragraph("Dear Ms Smith,")
        doc.add_paragraph("Thank you for your letter about the parking permit. Date: 3 March 2026")
        doc.add_paragraph("Yours sincerely, the Manager")

    with pytest.raises(NotASupervisionForm, match="not a supervision form"):
        parse(document(letter), packs=packs)


def it_builds_forms_from_the_seed_text(packs: PackRegistry) -> None:
    seed = Seed("surrey", shared_file("seeds"))
    assert seed.line("7. Date this agreement").startswith("7. Date this agreement will be reviewed")


def _typeset(text: str) -> str:
    """Text as a typesetter that hyphenates sets it, once its lines are joined: every
    fifth long word broken ("alter-native")."""
    words = text.split(" ")
    for at in range(0, len(words), 5):
        word = words[at]
        if len(word) >= 8 and word.isalpha() and word.islower():
            words[at] = f"{word[:4]}-{word[4:]}"
    return " ".join(words)


def it_knows_a_form_whose_printed_words_a_typesetter_broke_at_hyphens(packs: PackRegistry) -> None:
    # LaTeX hyphenates printed paragraphs ("alter-native", "per-sonal"). With no label to
    # go by (an older edition words them differently), the printed text tells the form.
    data, _ = make_form("portsmouth", 0, seed=11, seeds=shared_file("seeds"))
    text = _typeset("\n".join(p.text for p in read_body(read_package(data, "form"), "form").paragraphs))
    assert "-" in text
    choice = choose(from_pages(()), text, packs, "form", None, None)
    assert (choice.pack.name, choice.document) == ("portsmouth", "agreement")
