"""A period's page: its groups and sets, deadlines with every change, the units taking part by group in
Vietnamese order with their state and own deadlines, the units that may still join; a bounded number of
queries however many units take part."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from parindex.periods.models import Phase
from parindex.periods.services import deadline_extend, phase_reopen
from tests.cycle import deadline_of, make_period, new_unit
from tests.factories import UnitGroupFactory

# Units in Vietnamese alphabetical order: Đ after D, Ư after U, Ơ after O (the database's order differs).
NAMES_IN_ORDER = ["Sở Du lịch", "Sở Đắk", "Sở Ngoại vụ", "Sở Ơn", "Sở Uông", "Sở Ưng"]


def test_the_page_shows_groups_sets_deadlines_and_the_units_in_vietnamese_order(client, organizer, unit_a):
    units = [new_unit(name=name, group=unit_a.group) for name in reversed(NAMES_IN_ORDER)]
    period = make_period(organizer, units, opened=False)
    client.force_login(organizer)
    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()
    assert "Chưa mở" in page
    assert reverse("criteria:detail", args=[period.groups.get().criteria_set.pk]) in page
    positions = [page.index(name) for name in NAMES_IN_ORDER]
    assert positions == sorted(positions)
    assert page.count("Đang tự đánh giá") == len(NAMES_IN_ORDER)
    assert (
        deadline_of(period, Phase.SELF_ASSESSMENT)
        .astimezone(timezone.get_current_timezone())
        .strftime("%d/%m/%Y %H:%M")
        in page
    )
    assert "Mở kỳ đánh giá" in page
    assert str(period.year) in page
    assert "2.025" not in page


def test_the_page_lists_extensions_and_reopenings_with_reason_author_and_time(client, organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    later = deadline_of(period, Phase.SELF_ASSESSMENT) + timedelta(days=3)
    deadline_extend(
        actor=organizer, period=period, unit=unit_a, phase=Phase.SELF_ASSESSMENT, deadline=later, reason="Mất điện"
    )
    phase_reopen(
        actor=organizer,
        period=period,
        phase=Phase.APPRAISAL_1,
        deadline=deadline_of(period, Phase.APPRAISAL_1) + timedelta(days=1),
        reason="Bổ sung thành viên Tổ thẩm định",
    )
    client.force_login(organizer)
    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()
    shown = timezone.localtime(later).strftime("%d/%m/%Y %H:%M")
    assert "Lý do: Mất điện" in page
    assert "Lý do: Bổ sung thành viên Tổ thẩm định" in page
    assert "Mở lại cho mọi đơn vị" in page
    assert page.count("Trần Thị Tổ Chức,") == 2
    assert f"Tự đánh giá: đến <strong>{shown}</strong>" in page  # unit A's own deadline, beside the unit
    assert page.count("Tự đánh giá: đến") == 1  # unit B keeps the common one


def test_the_page_offers_the_active_units_of_the_periods_groups_not_yet_in(client, organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    waiting = new_unit(name="Sở Xây dựng", group=unit_a.group)
    closed = new_unit(name="Sở đã giải thể", group=unit_a.group, active_to=timezone.now().date().replace(year=2024))
    merged = new_unit(
        name="Sở sáp nhập giữa năm", group=unit_a.group, merged_on=timezone.now().date().replace(2025, 7, 1)
    )
    commune = new_unit(name="Xã An Bình", group=UnitGroupFactory(code="xa", name="UBND cấp xã"))
    client.force_login(organizer)
    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()
    form = page[page.index('data-testid="add-units"') :]
    assert f'name="units" value="{waiting.pk}"' in form
    assert f'name="units" value="{merged.pk}"' in form
    assert "hoạt động đến hết 30/06/2025" in form
    assert f'value="{unit_a.pk}"' not in form.split("</form>")[0]
    assert closed.name not in page
    assert commune.name not in page
    assert 'data-select-all="nhom-' in form


def _queries(client, url):
    client.get(url)  # warm caches (session, content types) so both counts compare like with like
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _period_of(organizer, group, count, prefix):
    units = [new_unit(name=f"{prefix} {n}", group=group) for n in range(count)]
    period = make_period(organizer, units)
    for unit in units[:3]:
        deadline_extend(
            actor=organizer,
            period=period,
            unit=unit,
            phase=Phase.SELF_ASSESSMENT,
            deadline=deadline_of(period, Phase.SELF_ASSESSMENT) + timedelta(days=2),
            reason="Lý do",
        )
    for n in range(count):  # as many units still waiting to join
        new_unit(name=f"{prefix} chờ {n}", group=group)
    return period


def test_the_number_of_queries_does_not_grow_with_the_number_of_units(client, organizer, unit_a):
    small = _period_of(organizer, unit_a.group, 5, "Sở nhỏ")
    big = _period_of(organizer, unit_a.group, 40, "Sở lớn")
    client.force_login(organizer)
    counts = [_queries(client, reverse("periods:detail", args=[period.pk])) for period in (small, big)]
    assert counts[0] == counts[1] <= 12, counts


def test_the_list_shows_each_period_with_its_state_units_and_current_phase(client, organizer, unit_a, unit_b):
    running = make_period(organizer, [unit_a, unit_b])
    planned = make_period(organizer, [unit_a], opened=False)
    client.force_login(organizer)
    with CaptureQueriesContext(connection) as context:
        page = client.get(reverse("periods:list")).content.decode()
    rows = page.split("<tr>")[2:]
    assert planned.name in rows[0]
    assert "Chưa mở" in rows[0]
    assert ">1</td>" in rows[0]
    assert running.name in rows[1]
    assert "Đang diễn ra" in rows[1]
    assert ">2</td>" in rows[1]
    assert "Tự đánh giá" in rows[1]
    assert "2025" in page
    assert "2.025" not in page
    assert len(context.captured_queries) <= 10  # session and user, three for the periods, the bell, session save
