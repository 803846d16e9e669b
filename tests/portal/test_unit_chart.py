"""A unit's chart: a radar when the set has three fields or more (a shape needs three axes), bars below that;
the numbers at the set's rounding, a field with nothing applicable left empty rather than drawn as 0."""

from decimal import Decimal
from types import SimpleNamespace

from parindex.council.selectors import Averages, Component
from parindex.engine import Rounding
from parindex.portal.charts import unit_chart
from parindex.portal.selectors import PublicResults, PublicRow

TRUNCATE_2 = Rounding(places=2, mode="truncate")


def _results(codes, rounding=TRUNCATE_2):
    fields = [SimpleNamespace(code=code, title=f"Lĩnh vực {code}") for code in codes]
    components = {code: Component(Decimal(1), Decimal(2), Decimal("66.666666")) for code in codes}
    components[codes[-1]] = Component(None, None, None)
    row = PublicRow(1, "SA", "Sở Tư pháp", 1, False, Decimal(1), Decimal(2), Decimal(50), "Khá", components)
    averages = Averages(units=2, index=Decimal(50), points=Decimal(1), fields=dict.fromkeys(codes, Decimal("70.019")))
    results = PublicResults(
        approval=None,  # type: ignore[arg-type]
        fields=fields,  # type: ignore[arg-type]
        rounding=rounding,
        rows=[row],
        averages=averages,
        council=None,  # type: ignore[arg-type]
    )
    return results, row


def test_three_fields_make_a_radar_at_the_sets_rounding():
    results, row = _results(["1", "2", "3"])

    chart = unit_chart(results, row)

    assert chart["kind"] == "radar"
    assert chart["labels"] == ["LV 1", "LV 2", "LV 3"]
    assert chart["titles"] == ["1. Lĩnh vực 1", "2. Lĩnh vực 2", "3. Lĩnh vực 3"]
    assert chart["series"][0]["values"] == [66.66, 66.66, None]  # truncated, not rounded; nothing applicable
    assert chart["series"][1]["values"] == [70.01, 70.01, 70.01]


def test_two_fields_make_bars():
    results, row = _results(["1", "2"])

    assert unit_chart(results, row)["kind"] == "bar"
