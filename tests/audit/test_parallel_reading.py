"""Reading an audit's folder in several processes gives exactly what one process reads."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from supervision_forms import render
from supervision_forms.audit import audit_folder
from supervision_forms.audit.load import default_jobs, load_folder
from supervision_forms.models import Agreement
from supervision_forms.registry import installed_packs

AS_OF = datetime.date(2026, 11, 24)


def it_reads_a_folder_in_processes_as_one_process_does(
    tmp_path: Path, examples: dict[str, Agreement]
) -> None:
    for name, example in examples.items():
        content = render(example, pack=name)
        (tmp_path / f"{name}.docx").write_bytes(content)
        (tmp_path / f"{name} (copy).docx").write_bytes(content)
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a document")
    (tmp_path / "rota.txt").write_text("not ours", encoding="utf-8")
    packs = installed_packs()
    alone = load_folder(tmp_path, packs=packs, jobs=1)
    together = load_folder(tmp_path, packs=packs, jobs=2)
    assert together == alone
    assert len(alone[0]) == len(examples) and len(alone[1]) == 2 and len(alone[2]) == len(examples)
    assert (
        audit_folder(tmp_path, as_of=AS_OF, jobs=2).as_json()
        == audit_folder(tmp_path, as_of=AS_OF, jobs=1).as_json()
    )


def it_reads_a_few_files_in_one_process_and_never_uses_more_processes_than_cores() -> None:
    assert default_jobs(3) == 1
    assert 1 <= default_jobs(10_000) <= len(os.sched_getaffinity(0))
