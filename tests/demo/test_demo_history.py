"""The demonstration's published 2024: the departments' results approved and published through the real
services, so the 2025 pages have last year's figures; built once."""

import io

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment, State
from parindex.council.models import Approval
from parindex.criteria.services import criteria_set_issue, criteria_set_upload
from parindex.demo.history import DECISION_NUMBER, demo_history
from parindex.results.selectors import unit_year_on_year
from tests.criteria.conftest import DEMO_SETS
from tests.factories import UnitFactory, UnitGroupFactory, UserFactory


def test_the_departments_2024_is_published_once_with_varied_results(db):
    organizer = UserFactory.create(username="sonoivu", role=Role.ORGANIZER)
    group = UnitGroupFactory.create(code="so", name="Sở, ban, ngành")
    units = [
        UnitFactory.create(group=group, code=code, name=name)
        for code, name in (("STP", "Sở Tư pháp"), ("SYT", "Sở Y tế"))
    ]
    path = DEMO_SETS / "2025-so.yaml"
    criteria_set_issue(
        actor=organizer, version=criteria_set_upload(actor=organizer, filename=path.name, content=path.read_bytes())
    )

    period = demo_history(stdout=io.StringIO())

    assert period is not None
    assert period.year == 2024
    assert set(Assessment.objects.filter(period=period).values_list("state", flat=True)) == {State.PUBLISHED}
    approval = Approval.objects.get(period=period)
    assert (approval.decision_number, approval.is_published) == (DECISION_NUMBER, True)
    indices = {unit_year_on_year(unit).results[0].index for unit in units}
    assert len(indices) == 2  # each department its own answers
    out = io.StringIO()
    assert demo_history(stdout=out) is None
    assert "đã có, giữ nguyên" in out.getvalue()
