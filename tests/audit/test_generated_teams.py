"""Generated teams with planted breaches: the audit finds each planted finding exactly, accuses
no one falsely, and gives each person their own documents. (The full measurement over more
seeds and Word copies: python -m tests.audit.measure.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from supervision_forms.audit import audit_folder
from tests.audit.measure import DEVELOPMENT_SEEDS, score
from tests.audit.planted import AS_OF, SCENARIOS, build_team, scenarios_for

SEEDS = (3, 11, 17, 23)


@pytest.mark.parametrize("seed", SEEDS)
def it_finds_exactly_what_was_planted_in_a_generated_team(tmp_path: Path, seed: int) -> None:
    team = build_team(tmp_path, seed, docx_share=0.1)
    result = score(team, audit_folder(tmp_path, as_of=AS_OF))
    assert (result.merged, result.split) == ([], [])
    assert dict(result.false) == {}  # no false accusation, nothing unplanted
    assert dict(result.missed) == {}
    assert result.expected, "every team has something planted"


def it_plants_every_scenario_across_the_seeds_measured() -> None:
    chosen = {scenario for seed in DEVELOPMENT_SEEDS for scenario in scenarios_for(seed)}
    assert chosen == {*SCENARIOS}
