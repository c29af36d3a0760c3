"""Which form a document without our marks is: by its printed labels, or a clear no."""

from __future__ import annotations

import pytest
from docx.document import Document as DocxDocument

from supervision_forms import PackRegistry, parse
from supervision_forms.errors import NotASupervisionForm
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
