"""The public portal (/cong-khai/): published results by year and group, each unit's published page, the open
data and the catalogue. No login: every view is @public and its name is in core.permissions.PUBLIC_URLS.

What is published is decided in portal.selectors and nothing else; a result that is not published (never
was, not yet, or withdrawn by a reopening) is "not found", exactly like an address that never existed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date
from django.views.decorators.http import require_safe

from parindex.assessments.models import State
from parindex.core.permissions import public
from parindex.council.models import Approval, ResultSnapshot
from parindex.portal.charts import unit_chart, unit_fields
from parindex.portal.opendata import catalogue_json, results_csv, results_json
from parindex.portal.selectors import (
    NotPublished,
    PublicResults,
    PublishedGroup,
    public_changes,
    public_results,
    published_approval,
    published_catalogue,
    published_years,
)

# A withdrawn result must leave caches soon: pages for a minute (in the browser only, they may carry the
# signed-in user's name), the open data for five minutes in any cache, revalidated by ETag after that.
PAGE_MAX_AGE = 60
DATA_MAX_AGE = 300
# Bumped when the layout of the open data files changes, so that caches do not keep the old layout.
DATA_FORMAT = "1"


def _results_or_404(year: int, group: str) -> PublicResults:
    approval = published_approval(year, group)
    if approval is None:
        raise Http404
    try:
        return public_results(approval)
    except NotPublished as withdrawn:
        raise Http404 from withdrawn


def _page(request: HttpRequest, template: str, context: dict[str, object]) -> HttpResponse:
    response = render(request, template, context)
    patch_cache_control(response, private=True, max_age=PAGE_MAX_AGE)
    return response


def _data(request: HttpRequest, response: HttpResponse, etag: str, approval: Approval | None) -> HttpResponse:
    """Open data: cacheable by anyone for a while, then revalidated; readable by scripts of other sites."""
    response["ETag"] = etag
    if approval is not None and approval.published_at is not None:
        response["Last-Modified"] = http_date(approval.published_at.timestamp())
    patch_cache_control(response, public=True, max_age=DATA_MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    return get_conditional_response(request, etag=etag, response=response) or response


def _etag(*parts: object) -> str:
    return '"' + hashlib.sha256("|".join(map(str, (DATA_FORMAT, *parts))).encode()).hexdigest()[:32] + '"'


def _approval_etag(approval: Approval, kind: str) -> str:
    return _etag(kind, approval.pk, approval.published_at.isoformat() if approval.published_at else "")


def _disposition(as_attachment: bool, filename: str) -> str:
    return content_disposition_header(as_attachment, filename) or ""


def _file_name(results: PublicResults, extension: str) -> str:
    return f"chi-so-cchc-{results.year}-{results.group.code}.{extension}"


# -- pages ----------------------------------------------------------------------------------------------------


@public
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return _page(request, "portal/index.html", {"years": published_years()})


@public
@require_safe
def group_page(request: HttpRequest, year: int, group: str) -> HttpResponse:
    results = _results_or_404(year, group)
    changes = public_changes(results)
    table = [(row, changes[row.assessment_id]) for row in results.rows]
    return _page(request, "portal/group.html", {"results": results, "table": table})


@public
@require_safe
def unit_page(request: HttpRequest, year: int, group: str, pk: int) -> HttpResponse:
    results = _results_or_404(year, group)
    row = results.row(pk)
    if row is None:
        raise Http404
    context = {
        "results": results,
        "row": row,
        "change": public_changes(results)[row.assessment_id],
        "fields": unit_fields(results, row),
        "chart": unit_chart(results, row),
    }
    return _page(request, "portal/unit.html", context)


@public
@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    return _page(request, "portal/catalogue.html", {"entries": published_catalogue()})


# -- open data --------------------------------------------------------------------------------------------------


@public
@require_safe
def results_csv_view(request: HttpRequest, year: int, group: str) -> HttpResponse:
    results = _results_or_404(year, group)
    response = HttpResponse(results_csv(results), content_type="text/csv; charset=utf-8; header=present")
    response["Content-Disposition"] = _disposition(True, _file_name(results, "csv"))
    return _data(request, response, _approval_etag(results.approval, "csv"), results.approval)


def _unit_url(request: HttpRequest, results: PublicResults) -> Callable[[int], str]:
    def url(pk: int) -> str:
        return request.build_absolute_uri(reverse("portal:unit", args=(results.year, results.group.code, pk)))

    return url


@public
@require_safe
def results_json_view(request: HttpRequest, year: int, group: str) -> HttpResponse:
    results = _results_or_404(year, group)
    response = JsonResponse(
        results_json(results, _unit_url(request, results)), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = _disposition(False, _file_name(results, "json"))
    return _data(request, response, _approval_etag(results.approval, "json"), results.approval)


def _entry_urls(request: HttpRequest) -> Callable[[PublishedGroup], dict[str, str]]:
    def urls(entry: PublishedGroup) -> dict[str, str]:
        args = (entry.year, entry.group.code)
        return {
            name: request.build_absolute_uri(reverse(f"portal:{view}", args=args))
            for name, view in (("page", "group"), ("csv", "csv"), ("json", "json"))
        }

    return urls


@public
@require_safe
def catalogue_json_view(request: HttpRequest) -> HttpResponse:
    entries = published_catalogue()
    body = catalogue_json(entries, _entry_urls(request))
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = _disposition(False, "danh-muc-du-lieu-chi-so-cchc.json")
    # The list itself is the version: a withdrawal changes it without any newer publication date.
    etag = _etag("catalogue", json.dumps(body, sort_keys=True))
    return _data(request, response, etag, None)


# -- for search engines ------------------------------------------------------------------------------------------


@public
@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Search engines may read the public portal (and the static files its pages need), nothing else."""
    sitemap = request.build_absolute_uri(reverse("portal:sitemap"))
    lines = ["User-agent: *", "Allow: /cong-khai/", "Allow: /static/", "Disallow: /", f"Sitemap: {sitemap}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=DATA_MAX_AGE)
    return response


@public
@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    entries = published_catalogue()
    published_units = ResultSnapshot.objects.filter(
        approval__in=[entry.approval for entry in entries], assessment__state=State.PUBLISHED
    ).values_list("approval_id", "assessment_id")
    units: dict[int, list[int]] = {}
    for approval_id, assessment_id in published_units:
        units.setdefault(approval_id, []).append(assessment_id)
    urls = [reverse("portal:index"), reverse("portal:catalogue")]
    for entry in entries:
        args = (entry.year, entry.group.code)
        urls.append(reverse("portal:group", args=args))
        urls += [reverse("portal:unit", args=(*args, pk)) for pk in sorted(units.get(entry.approval.pk, []))]
    context = {"urls": [request.build_absolute_uri(url) for url in urls]}
    response = render(request, "portal/sitemap.xml", context, content_type="application/xml; charset=utf-8")
    patch_cache_control(response, public=True, max_age=DATA_MAX_AGE)
    return response
