"""Mergers: a unit merged on a date is active until the day before and not from that day on; the unit it
merged into keeps its predecessors (its lineage), so results can be compared year on year."""

import datetime

from parindex.organization.selectors import unit_lineage, unit_successor_on, units_active_on
from tests.factories import UnitFactory

D = datetime.date


def _merge(unit, into, on):
    unit.merged_into, unit.merged_on = into, on
    unit.save()


def test_x_merged_into_y_on_1_july_2025_is_active_before_and_not_after(db):
    y = UnitFactory.create(code="Y", active_from=D(2020, 1, 1))
    x = UnitFactory.create(code="X", active_from=D(2020, 1, 1))
    _merge(x, y, D(2025, 7, 1))

    assert x in units_active_on(D(2025, 6, 30))
    assert x not in units_active_on(D(2025, 7, 1))
    assert x not in units_active_on(D(2026, 1, 1))
    assert y in units_active_on(D(2025, 7, 1))
    assert unit_lineage(y) == [x]


def test_the_lineage_follows_earlier_mergers_nearest_first(db):
    ward = UnitFactory.create(name="Phường Hà Nam", active_from=D(2025, 7, 1))
    town = UnitFactory.create(name="Thị trấn Bình Mỹ", active_from=D(2020, 1, 1))
    commune = UnitFactory.create(name="Xã An Hòa", active_from=D(2020, 1, 1))
    old_commune = UnitFactory.create(name="Xã An Nội", active_from=D(2010, 1, 1))
    older_commune = UnitFactory.create(name="Xã Bình Nghĩa", active_from=D(2010, 1, 1))
    _merge(old_commune, commune, D(2020, 1, 1))
    _merge(older_commune, commune, D(2019, 1, 1))
    _merge(town, ward, D(2025, 7, 1))
    _merge(commune, ward, D(2025, 7, 1))
    unrelated = UnitFactory.create(name="Xã Khác")
    _merge(UnitFactory.create(name="Xã Nhập Khác", active_from=D(2010, 1, 1)), unrelated, D(2020, 1, 1))

    assert unit_lineage(ward) == [town, commune, old_commune, older_commune]
    assert unit_lineage(commune) == [old_commune, older_commune]
    assert unit_lineage(older_commune) == []


def test_the_lineage_takes_one_query_per_generation(db, django_assert_num_queries):
    ward = UnitFactory.create(active_from=D(2025, 7, 1))
    commune = UnitFactory.create(active_from=D(2020, 1, 1))
    _merge(commune, ward, D(2025, 7, 1))
    _merge(UnitFactory.create(active_from=D(2010, 1, 1)), commune, D(2020, 1, 1))

    with django_assert_num_queries(3):  # two generations, and the query that finds there is no third
        assert len(unit_lineage(ward)) == 2


def test_the_successor_on_a_date_follows_the_mergers_made_by_then(db):
    province_office = UnitFactory.create(name="Z", active_from=D(2020, 1, 1))
    y = UnitFactory.create(name="Y", active_from=D(2020, 1, 1))
    x = UnitFactory.create(name="X", active_from=D(2020, 1, 1))
    _merge(x, y, D(2025, 7, 1))
    _merge(y, province_office, D(2026, 1, 1))

    assert unit_successor_on(x, D(2025, 6, 30)) == x
    assert unit_successor_on(x, D(2025, 7, 1)) == y
    assert unit_successor_on(x, D(2026, 1, 1)) == province_office
    assert unit_successor_on(y, D(2025, 12, 31)) == y


def test_there_is_no_successor_before_the_unit_existed_or_after_a_dissolution(db):
    new = UnitFactory.create(active_from=D(2025, 7, 1))
    dissolved = UnitFactory.create(active_from=D(2020, 1, 1), active_to=D(2024, 12, 31))

    assert unit_successor_on(new, D(2025, 6, 30)) is None
    assert unit_successor_on(dissolved, D(2025, 1, 1)) is None
    assert unit_successor_on(dissolved, D(2024, 12, 31)) == dissolved
