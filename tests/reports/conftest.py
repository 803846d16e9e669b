import pytest

# The council's scenario (four departments of one group with figures worked out by hand) in every phase.
from tests.council.conftest import (  # noqa: F401
    DECISION_DATE,
    DECISION_NUMBER,
    appraised,
    approved,
    head_b,
    published,
    scenario,
    unit_c,
    unit_d,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Export files go to a folder of the test's own; no thread is started unless a test asks for one."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PARINDEX_EXPORTS_IN_PROCESS = False
    return settings.MEDIA_ROOT
