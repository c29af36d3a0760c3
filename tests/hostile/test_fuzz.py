"""A bounded fuzz run: mutated .docx and .pdf files meet only the library's own errors.

About a thousand mutated files per run, from fixed seeds (so a failure names its batch and
can be replayed). Set SF_FUZZ_SCALE=10 for a longer run on your machine.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supervision_forms import PackRegistry
from supervision_forms.errors import SupervisionFormsError
from supervision_forms.reading import parse, pdf
from supervision_forms.render import render
from tests.hostile import pdfs
from tests.hostile.corpus import text_lines
from tests.hostile.mutate import DOCX_MUTATIONS, PDF_MUTATIONS, Mutation

SCALE = int(os.environ.get("SF_FUZZ_SCALE", "1"))
BATCHES = 8
PER_BATCH = 60 * SCALE


@pytest.fixture(scope="module")
def docx_seeds(packs: PackRegistry) -> list[bytes]:
    seeds = []
    for pack in packs:
        for kind in pack.documents:
            seeds.append(render(pack.example(kind), pack=pack, document=kind))
    return seeds


@pytest.fixture(scope="module")
def pdf_seeds(docx_seeds: list[bytes]) -> list[bytes]:
    lines = text_lines(docx_seeds[0])
    return [pdfs.text_pdf(lines), pdfs.text_pdf(lines, deflate=False), pdfs.text_pdf(lines, keywords="x")]


@pytest.fixture(autouse=True)
def quick_pdf_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "SECONDS_PER_PDF", 2.0)


def survive(data: bytes, packs: PackRegistry, where: str) -> None:
    try:
        parse(data, packs=packs)
    except SupervisionFormsError as error:
        assert "\n" not in str(error), where
    except BaseException as error:  # the point of the test: name what escaped, and where
        pytest.fail(f"{where}: {type(error).__name__} escaped: {str(error)[:200]}")


def apply(mutation: Mutation, data: bytes, rng: random.Random) -> bytes:
    """A second mutation; those that unzip need a zip that still opens."""
    try:
        return mutation(data, rng)
    except Exception:  # the mutator could not open it; the library is not under test here
        return data


def run_batch(
    kind: str, batch: int, seeds: list[bytes], mutations: list[Mutation], packs: PackRegistry
) -> None:
    rng = random.Random(f"{kind}-{batch}")
    for number in range(PER_BATCH):
        seed = rng.randrange(len(seeds))
        mutation = rng.choice(mutations)
        data = mutation(seeds[seed], rng)
        if rng.random() < 0.3:
            data = apply(rng.choice(mutations), data, rng)
        survive(data, packs, f"{kind} batch {batch} #{number} seed {seed} {mutation.__name__}")


@pytest.mark.parametrize("batch", range(BATCHES))
def it_survives_mutated_docx_files(batch: int, docx_seeds: list[bytes], packs: PackRegistry) -> None:
    run_batch("docx", batch, docx_seeds, DOCX_MUTATIONS, packs)


@pytest.mark.parametrize("batch", range(BATCHES // 2))
def it_survives_mutated_pdf_files(batch: int, pdf_seeds: list[bytes], packs: PackRegistry) -> None:
    run_batch("pdf", batch, pdf_seeds, PDF_MUTATIONS, packs)


@settings(max_examples=100 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=2048),
    head=st.sampled_from([b"", b"PK\x03\x04", b"%PDF-1.7\n", b"\xd0\xcf\x11\xe0"]),
)
def it_survives_arbitrary_bytes(data: bytes, head: bytes, packs: PackRegistry) -> None:
    survive(head + data, packs, "arbitrary bytes")
