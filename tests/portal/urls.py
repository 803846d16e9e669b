"""The portal's addresses for a scenario, written out (not reversed): they are a published contract."""

from __future__ import annotations

from typing import Any


def group_url(scenario: Any) -> str:
    return f"/cong-khai/{scenario.period.year}/{scenario.group.code}/"


def unit_url(scenario: Any, key: str) -> str:
    return f"{group_url(scenario)}{scenario.assessment(key).pk}/"


def csv_url(scenario: Any) -> str:
    return f"/cong-khai/du-lieu/{scenario.period.year}/{scenario.group.code}.csv"


def json_url(scenario: Any) -> str:
    return f"/cong-khai/du-lieu/{scenario.period.year}/{scenario.group.code}.json"


CATALOGUE_URL = "/cong-khai/du-lieu/"
CATALOGUE_JSON_URL = "/cong-khai/du-lieu/danh-muc.json"
INDEX_URL = "/cong-khai/"
