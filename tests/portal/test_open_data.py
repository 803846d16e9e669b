"""The open data files: CSV and JSON per year and group at stable addresses, full precision with "." as the
decimal mark, UTF-8 without a byte-order mark, a file name to save under, and caching headers that let
caches keep them a while and revalidate them by ETag."""

import csv
import io
import json
from decimal import Decimal

from parindex.council.models import ResultSnapshot
from parindex.portal.opendata import UNIT_COLUMNS
from tests.portal.urls import CATALOGUE_JSON_URL, CATALOGUE_URL, csv_url, group_url, json_url

COLUMNS = [
    *UNIT_COLUMNS,
    "field_1_points",
    "field_1_maximum",
    "field_1_index",
    "field_2_points",
    "field_2_maximum",
    "field_2_index",
]


def _csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_the_csv_has_one_row_per_published_unit_in_ranked_order(published, client):
    response = client.get(csv_url(published))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response["Content-Disposition"] == 'attachment; filename="chi-so-cchc-2025-so.csv"'
    body = response.content
    assert not body.startswith(b"\xef\xbb\xbf")  # no byte-order mark: see docs/open-data.md
    assert body.split(b"\r\n")[0].decode() == ",".join(COLUMNS)
    rows = _csv_rows(response)
    assert [(row["rank"], row["tied"], row["unit_name"]) for row in rows] == [
        ("1", "false", "Sở Tư pháp"),
        ("2", "true", "Sở Đối ngoại"),
        ("2", "true", "Sở Giáo dục và Đào tạo"),
        ("4", "false", "Sở Y tế"),
    ]
    assert {row["year"] for row in rows} == {"2025"}
    assert {row["group_code"] for row in rows} == {"so"}


def test_the_csv_figures_are_the_snapshots_at_full_precision(published, client):
    rows = {row["unit_name"]: row for row in _csv_rows(client.get(csv_url(published)))}

    snapshots = ResultSnapshot.objects.filter(superseded_at__isnull=True)
    assert len(snapshots) == len(rows) == 4
    for snapshot in snapshots:
        row = rows[snapshot.unit_name]
        assert Decimal(row["index"]) == snapshot.index
        assert Decimal(row["points"]) == snapshot.points
        assert Decimal(row["maximum"]) == snapshot.maximum
        for code in ("1", "2"):
            assert Decimal(row[f"field_{code}_index"]) == snapshot.component(code)["index"]
    assert rows["Sở Tư pháp"]["index"] == "93.88888888888888888888888889"  # not rounded, "." decimal mark
    assert rows["Sở Tư pháp"]["unit_code"] == "SA"
    assert rows["Sở Tư pháp"]["band"] == "Tốt"


def test_the_json_carries_the_decision_rounding_fields_averages_and_units(published, client):
    response = client.get(json_url(published))

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'inline; filename="chi-so-cchc-2025-so.json"'
    data = json.loads(response.content.decode("utf-8"))
    assert data["year"] == 2025
    assert data["group"] == {"code": "so", "name": published.group.name}
    assert data["decision"] == {"number": "123/QĐ-HĐĐG", "date": "2025-11-26"}
    assert data["rounding"] == {"places": 2, "mode": "half_up"}
    assert [field["code"] for field in data["fields"]] == ["1", "2"]
    assert data["averages"]["units"] == 4
    assert Decimal(data["averages"]["index"]) == Decimal("83.25")
    first = data["units"][0]
    assert first["unit_name"] == "Sở Tư pháp"
    assert first["index"] == "93.88888888888888888888888889"
    assert first["components"]["1"] == {"points": "7.8", "maximum": "8", "index": "97.5"}
    assert first["url"] == f"http://testserver{group_url(published)}{published.assessment('a').pk}/"
    assert [unit["rank"] for unit in data["units"]] == [1, 2, 2, 4]


def test_the_open_data_may_be_cached_and_revalidated(published, client):
    for url in (csv_url(published), json_url(published)):
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Last-Modified"]

        again = client.get(url, headers={"If-None-Match": response["ETag"]})
        assert again.status_code == 304
        assert again.content == b""


def test_the_csv_and_the_json_have_different_etags(published, client):
    assert client.get(csv_url(published))["ETag"] != client.get(json_url(published))["ETag"]


def test_the_catalogue_lists_every_published_dataset_with_absolute_addresses(published, client):
    data = json.loads(client.get(CATALOGUE_JSON_URL).content)

    (entry,) = data["datasets"]
    assert entry["year"] == 2025
    assert entry["group_code"] == "so"
    assert entry["units"] == 4
    assert entry["decision_number"] == "123/QĐ-HĐĐG"
    assert entry["csv"] == f"http://testserver{csv_url(published)}"
    assert entry["json"] == f"http://testserver{json_url(published)}"
    assert entry["page"] == f"http://testserver{group_url(published)}"
    html = client.get(CATALOGUE_URL).content.decode()
    assert f'href="{csv_url(published)}"' in html
    assert f'href="{json_url(published)}"' in html


def test_the_catalogue_etag_changes_when_results_are_withdrawn(published, client):
    from parindex.council.services import approval_reopen

    before = client.get(CATALOGUE_JSON_URL)["ETag"]
    approval_reopen(actor=published.organizer, period=published.period, group=published.group, reason="Điều chỉnh")

    response = client.get(CATALOGUE_JSON_URL, headers={"If-None-Match": before})
    assert response.status_code == 200
    assert json.loads(response.content) == {"datasets": []}


def test_the_open_data_takes_no_writes(published, client):
    assert client.post(csv_url(published)).status_code == 405
    assert client.post(json_url(published)).status_code == 405


def test_every_column_is_documented(settings):
    docs = (settings.BASE_DIR / "docs" / "open-data.md").read_text(encoding="utf-8")

    for column in (*UNIT_COLUMNS, "field_<code>_points", "field_<code>_maximum", "field_<code>_index"):
        assert f"`{column}`" in docs, column
