"""Every batch a fault test starts is stopped and reaped when the test ends, pass or fail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.faults.kit import end_started


@pytest.fixture(autouse=True)
def no_batch_outlives_its_test() -> Iterator[None]:
    yield
    end_started()
