"""The demonstration's provincial indices: a few years of every index, marked as illustrative figures on every
page, components mapped to demo departments; run twice it changes nothing, and it never overwrites figures
imported as official."""

import io

from django.urls import reverse

from parindex.audit.models import AuditEvent
from parindex.indices.demo import YEARS, demo_indices
from parindex.indices.models import IndexComponent, IndexResult
from parindex.indices.services import indices_import
from tests.factories import UnitFactory
from tests.indices.helpers import PAPI_2024


def test_the_demo_loads_illustrative_years_of_every_index_and_says_so(client, organizer, unit_a):
    UnitFactory.create(code="STP", name="Sở Tư pháp (minh họa)", group=unit_a.group)
    out = io.StringIO()
    demo_indices(stdout=out)
    assert "MINH HỌA" in out.getvalue()
    results = IndexResult.objects.all()
    assert {result.year for result in results} == set(YEARS)
    assert {result.component.index for result in results.select_related("component")} == {
        "par_index",
        "sipas",
        "papi",
        "pci",
    }
    assert all(result.illustrative for result in results)
    assert IndexComponent.objects.get(index="par_index", code="2").responsible_units.get().code == "STP"
    client.force_login(organizer)
    for url in (reverse("indices:index"), reverse("indices:detail", args=["pci"])):
        assert "Số liệu minh họa, không phải kết quả chính thức" in client.get(url).content.decode()
    count, events = results.count(), AuditEvent.objects.count()
    demo_indices(stdout=io.StringIO())
    assert IndexResult.objects.count() == count
    assert AuditEvent.objects.count() == events


def test_the_demo_never_overwrites_official_figures(organizer):
    indices_import(actor=organizer, filename="papi.csv", content=PAPI_2024)
    out = io.StringIO()
    demo_indices(stdout=out)
    assert "đã có số liệu chính thức" in out.getvalue()
    assert not IndexResult.objects.filter(illustrative=True).exists()


def test_official_figures_carry_no_illustrative_warning(client, organizer):
    indices_import(actor=organizer, filename="papi.csv", content=PAPI_2024)
    client.force_login(organizer)
    assert "Số liệu minh họa" not in client.get(reverse("indices:detail", args=["papi"])).content.decode()
