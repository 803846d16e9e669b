from __future__ import annotations

import pytest
from django.urls import reverse

from parindex.organization.models import UnitGroup
from tests.factories import UnitGroupFactory

IMPORT_URL = reverse("organization:unit_import")


@pytest.fixture
def groups(db: None) -> dict[str, UnitGroup]:
    return {
        "so": UnitGroupFactory.create(code="so", name="Sở, ban, ngành", ordering=10),
        "huyen": UnitGroupFactory.create(code="huyen", name="UBND cấp huyện", ordering=20),
        "xa": UnitGroupFactory.create(code="xa", name="UBND cấp xã, phường, đặc khu", ordering=30),
    }
