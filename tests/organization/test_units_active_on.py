import datetime

from parindex.organization.selectors import units_active_on
from tests.factories import UnitFactory, UnitGroupFactory

D = datetime.date


def test_it_lists_the_units_that_existed_on_that_day(db):
    department = UnitFactory.create(name="Sở Tư pháp", active_from=D(2020, 1, 1))
    district = UnitFactory.create(name="UBND huyện Bình Lục", active_from=D(2020, 1, 1), active_to=D(2025, 6, 30))
    commune = UnitFactory.create(name="Xã Bình Lục", active_from=D(2025, 7, 1))
    old = UnitFactory.create(name="Sở Tài nguyên và Môi trường", active_from=D(2020, 1, 1))
    old.merged_into, old.merged_on = department, D(2025, 3, 1)
    old.save()

    assert set(units_active_on(D(2025, 2, 28))) == {department, district, old}
    assert set(units_active_on(D(2025, 3, 1))) == {department, district}
    assert set(units_active_on(D(2025, 6, 30))) == {department, district}
    assert set(units_active_on(D(2025, 7, 1))) == {department, commune}
    assert set(units_active_on(D(2019, 12, 31))) == set()


def test_it_filters_by_group(db):
    so = UnitGroupFactory.create(code="so", name="Sở, ban, ngành")
    xa = UnitGroupFactory.create(code="xa", name="UBND cấp xã, phường, đặc khu")
    department = UnitFactory.create(group=so)
    UnitFactory.create(group=xa)

    assert list(units_active_on(D(2025, 8, 1), group=so)) == [department]
