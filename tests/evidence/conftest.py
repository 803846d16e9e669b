import pytest

from parindex.audit.models import AuditEvent
from tests.cycle import assessment_of, make_period


@pytest.fixture
def period(organizer, unit_a, unit_b):
    return make_period(organizer, [unit_a, unit_b])


@pytest.fixture
def assessment_a(period, unit_a):
    return assessment_of(period, unit_a)


@pytest.fixture
def assessment_b(period, unit_b):
    return assessment_of(period, unit_b)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a folder of the test's own, never to var/media; no trust root unless a test
    sets one."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EVIDENCE_TRUST_ROOTS_DIR = ""
    return settings.MEDIA_ROOT


def stored_files(media_root):
    return sorted(path.relative_to(media_root).as_posix() for path in media_root.rglob("*") if path.is_file())


class AuditMark:
    """The audit events written after this point, to assert a call's events exactly. Sign-ins
    (client.force_login writes auth.logged_in) are left out: they are not what these tests are about."""

    def __init__(self):
        self.last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def _events(self):
        return AuditEvent.objects.filter(id__gt=self.last).exclude(action__startswith="auth.").order_by("id")

    def actions(self):
        return list(self._events().values_list("action", flat=True))

    def events(self):
        return list(self._events())


@pytest.fixture
def audit_mark(db):
    return AuditMark
