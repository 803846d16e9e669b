import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Evidence files go to a folder of the test's own, never to var/media; no trust root for signatures."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EVIDENCE_TRUST_ROOTS_DIR = ""
    return settings.MEDIA_ROOT


@pytest.fixture
def cast(organizer, appraiser, council, officer_a, head_a, officer_b, admin_user, no_role_user):
    """The cast of tests/conftest.py, by name; the world builder adds head_b and two more appraisers."""
    return {
        "organizer": organizer,
        "appraiser": appraiser,
        "council": council,
        "officer_a": officer_a,
        "head_a": head_a,
        "officer_b": officer_b,
        "admin_user": admin_user,
        "no_role_user": no_role_user,
    }
