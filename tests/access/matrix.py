"""The permission matrix: one entry per named URL of the project (Django's admin aside), saying who may use
it, which methods it takes, how to build its arguments from the world (for A's objects and B's), and who may
see the object. expected() applies the rules of rules.py to an entry; run_phase() asks every URL as every
user, in one phase, and records every answer.

Adding a URL without adding its entry here fails test_every_url_has_an_entry_in_the_matrix: a new page
cannot escape the matrix.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from unittest import mock
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from tests.access.rules import (
    APPRAISERS,
    COUNCIL,
    EVERY_ROLE,
    HEAD,
    MANAGERS,
    ORGANIZER,
    READERS,
    SEES_EVERY_UNIT,
    UNIT_ROLES,
    USERS,
    Who,
    appraises,
    forbidden_markers,
    is_unit_member,
    published,
    sees_assessment,
    sees_criteria_set,
    sees_group_results,
    sees_unit_result,
)
from tests.access.world import UNIT_DATA, World

GET, POST = "GET", "POST"
READ, WRITE = frozenset({GET}), frozenset({POST})
READ_WRITE = frozenset({GET, POST})
# Rule 6: the right person's write is answered with one of these, whatever the phase.
WRITE_OK = frozenset({200, 302, 400, 409, 422})
# The id used for an object that does not exist yet in the phase (the evidence of a period not open).
MISSING_PK = 987_654

Kwargs = Callable[[World], dict[str, Any]]
Sees = Callable[[Who, str, str], bool]  # (user, variant, phase)


def _always(*_args: Any) -> bool:
    return True


@dataclass(frozen=True)
class Route:
    name: str
    roles: frozenset[str] | None  # None: anyone signed in (@login_required)
    methods: frozenset[str]
    variants: Mapping[str, Kwargs]  # "a" / "b" (whose object), or another label; "" for a URL without object
    sees: Sees = _always
    writes: Callable[[Who, str], bool] = _always  # rule 6: may change what they may see
    present: Callable[[World, str], bool] = _always  # the object exists in the world of this phase
    data: Callable[[World, str], dict[str, Any]] | None = None  # what a POST sends (empty when None)
    public: bool = False
    signs_out: bool = False  # its write ends the session: the answer is the sign-in page
    sends_signed_in_on: bool = False  # the sign-in page: a signed-in user is sent on to work


def no_object() -> Mapping[str, Kwargs]:
    return {"": lambda world: {}}


def each_assessment(name: str = "pk", **extra: str) -> Mapping[str, Kwargs]:
    return {unit: _assessment_kwargs(unit, name, extra) for unit in ("a", "b")}


def _assessment_kwargs(unit: str, name: str, extra: dict[str, str]) -> Kwargs:
    return lambda world: {name: world.assessments[unit].pk, **extra}


def each_document() -> Mapping[str, Kwargs]:
    return {unit: _object_kwargs("documents", unit) for unit in ("a", "b")}


def each_citation() -> Mapping[str, Kwargs]:
    return {unit: _object_kwargs("citations", unit) for unit in ("a", "b")}


def _object_kwargs(kind: str, unit: str) -> Kwargs:
    def kwargs(world: World) -> dict[str, Any]:
        found = getattr(world, kind).get(unit)
        return {"pk": found.pk if found else MISSING_PK}

    return kwargs


def _evidence_exists(world: World, unit: str) -> bool:
    return unit in world.documents


def the_period() -> Mapping[str, Kwargs]:
    return {"": lambda world: {"pk": world.period.pk}}


def the_group() -> Mapping[str, Kwargs]:
    return {"": lambda world: {"period": world.period.pk, "group": world.group.code}}


def the_group_by_id() -> Mapping[str, Kwargs]:
    return {"": lambda world: {"period_id": world.period.pk, "group_id": world.group.pk}}


def the_group_by_year() -> Mapping[str, Kwargs]:
    return {"": lambda world: {"year": world.period.year, "group": world.group.code}}


def each_published_unit() -> Mapping[str, Kwargs]:
    """A unit's page on the public portal, for A and B: the address is guessable in every phase."""
    return {unit: _published_unit_kwargs(unit) for unit in ("a", "b")}


def _published_unit_kwargs(unit: str) -> Kwargs:
    return lambda world: {"year": world.period.year, "group": world.group.code, "pk": world.assessments[unit].pk}


def each_criteria_set() -> Mapping[str, Kwargs]:
    return {
        "issued": lambda world: {"pk": world.issued_set.pk},
        "draft": lambda world: {"pk": world.draft_set.pk},
    }


def _sees_assessment(who: Who, unit: str, phase: str) -> bool:
    return sees_assessment(who, unit)


def _appraises(who: Who, unit: str, phase: str) -> bool:
    return appraises(who, unit)


def _own_unit(who: Who, unit: str, phase: str) -> bool:
    return is_unit_member(who, unit)


def _sees_unit_result(who: Who, unit: str, phase: str) -> bool:
    return sees_unit_result(who, unit, phase)


def _published(who: Who, variant: str, phase: str) -> bool:
    return published(phase)


def _sees_group_results(who: Who, variant: str, phase: str) -> bool:
    return sees_group_results(who, phase)


def _sees_criteria_set(who: Who, which: str, phase: str) -> bool:
    return sees_criteria_set(who, which)


def _is_recipient(who: Who, variant: str, phase: str) -> bool:
    return who.key == "officer_a"


def _unit_member_writes(who: Who, unit: str) -> bool:
    return is_unit_member(who, unit)


def _cite_own_document(world: World, unit: str) -> dict[str, Any]:
    # Already cited by 1.1: the service refuses it as a duplicate, which is a write answered, not a 5xx.
    document = world.documents.get(unit)
    return {"document": document.pk if document else MISSING_PK, "locator": "trang 3"}


def _organizers_export(world: World) -> dict[str, Any]:
    """A finished export of the period's workbook, asked for by Sở Nội vụ (made once per world)."""
    job = getattr(world, "export_job", None)
    if job is None:
        from django.core.files.base import ContentFile

        from parindex.reports.models import ExportJob, ExportKind, ExportStatus

        job = ExportJob(
            kind=ExportKind.WORKBOOK,
            params={"period": world.period.pk},
            requested_by=world.users["organizer"],
            status=ExportStatus.DONE,
            progress=100,
            filename="ket-qua.xlsx",
        )
        job.file.save("ket-qua.xlsx", ContentFile(b"PK\x03\x04"), save=True)
        setattr(world, "export_job", job)  # noqa: B010 - World declares no such field: the matrix's own cache
    return {"pk": job.pk}


def _requested_it(who: Who, variant: str, phase: str) -> bool:
    """A background export is its requester's only: anyone else, whatever the role, gets 404."""
    return who.key == "organizer"


def _sees_unit_sheet(who: Who, unit: str, phase: str) -> bool:
    """Those who see every unit, any unit at any time; the unit's own people once its appraisal is done; never
    another unit's, published or not (the sheet has the unit's own answers and notes)."""
    from tests.access.rules import APPRAISAL_DONE_FROM, SEES_EVERY_UNIT
    from tests.access.world import PHASES

    if who.role in SEES_EVERY_UNIT:
        return True
    return is_unit_member(who, unit) and PHASES.index(phase) >= PHASES.index(APPRAISAL_DONE_FROM)


UNIT_ROLE_SET = frozenset(UNIT_ROLES)
EVERY = frozenset(EVERY_ROLE)
ORGANIZER_ONLY = frozenset({ORGANIZER})
# The analysis compares every unit, published or not: Sở Nội vụ, the council and the administrator only.
ANALYSTS = MANAGERS | {COUNCIL}

# fmt: off
ROUTES: tuple[Route, ...] = (
    # -- accounts and home: anyone signed in ----------------------------------------------------------------
    Route("login", None, READ_WRITE, no_object(), public=True, sends_signed_in_on=True),
    Route("logout", None, WRITE, no_object(), signs_out=True),
    Route("password_change", None, READ_WRITE, no_object()),
    Route("home", None, READ, no_object()),
    # -- assessments: a unit's own, plus those who see every unit ---------------------------------------------
    Route("assessments:list", EVERY, READ, no_object()),
    Route("assessments:self_assessment", READERS, READ, each_assessment(), _sees_assessment),
    Route("assessments:self_assessment_save", UNIT_ROLE_SET, WRITE, each_assessment(code="1.1"), _own_unit),
    Route("assessments:complete", UNIT_ROLE_SET, WRITE, each_assessment(), _own_unit),
    Route("assessments:reopen", UNIT_ROLE_SET, WRITE, each_assessment(), _own_unit),
    Route("assessments:submit", frozenset({HEAD}), WRITE, each_assessment(), _own_unit),
    # Appraisers read the answers and evidence on their own screen: the report is not theirs (403).
    Route("assessments:report_pdf", READERS, READ, each_assessment(), _sees_assessment),
    Route("assessments:report_xlsx", READERS, READ, each_assessment(), _sees_assessment),
    Route("assessments:signed_report", frozenset({HEAD}), WRITE, each_assessment(), _own_unit),
    # -- appraisal: Sở Nội vụ and the assigned appraisers -----------------------------------------------------
    Route("appraisals:queue", APPRAISERS, READ, no_object()),
    Route("appraisals:appraisal", APPRAISERS, READ, each_assessment(), _appraises),
    Route("appraisals:appraisal_save", APPRAISERS, WRITE, each_assessment(code="1.1"), _appraises),
    Route("appraisals:accept", APPRAISERS, WRITE, each_assessment(code="1.1"), _appraises),
    Route("appraisals:close_round", APPRAISERS, WRITE, each_assessment(), _appraises),
    Route("appraisals:external_grid", ORGANIZER_ONLY, READ_WRITE, the_group_by_id()),
    # The unit's explanation: read like the self-assessment, written by the unit only.
    Route("appraisals:explanation", READERS, READ, each_assessment(), _sees_assessment),
    Route("appraisals:explanation_save", UNIT_ROLE_SET, WRITE, each_assessment(code="1.2"), _own_unit),
    Route("appraisals:explanation_submit", UNIT_ROLE_SET, WRITE, each_assessment(), _own_unit),
    # -- periods and assignments: Sở Nội vụ and the administrator ---------------------------------------------
    Route("periods:list", MANAGERS, READ, no_object()),
    Route("periods:create", MANAGERS, READ_WRITE, no_object()),
    Route("periods:detail", MANAGERS, READ, the_period()),
    Route("periods:add_units", MANAGERS, WRITE, the_period()),
    Route("periods:open", MANAGERS, WRITE, the_period()),
    Route("periods:extend", MANAGERS, WRITE, the_period()),
    Route("periods:reopen", MANAGERS, WRITE, the_period()),
    Route("periods:assignments", MANAGERS, READ_WRITE, the_period()),
    # Progress: Sở Nội vụ and the administrator follow it; the council reads it (every unit is theirs to see).
    Route("periods:progress_index", SEES_EVERY_UNIT, READ, no_object()),
    Route("periods:progress", SEES_EVERY_UNIT, READ, the_period()),
    Route("periods:assignment_delete", MANAGERS, WRITE,
          {"": lambda world: {"pk": world.period.pk, "assignment_pk": world.assignment.pk}}),
    # -- notifications: each person their own -----------------------------------------------------------------
    Route("notifications:list", None, READ, no_object()),
    Route("notifications:open", None, WRITE, {"officer_a's": lambda world: {"pk": world.notification.pk}},
          _is_recipient),
    Route("notifications:read_all", None, WRITE, no_object()),
    # -- council: results visible to every role only once published -------------------------------------------
    Route("council:index", EVERY, READ, no_object()),
    Route("council:results", EVERY, READ, the_group(), _sees_group_results),
    Route("council:detail", EVERY, READ, each_assessment(), _sees_unit_result),
    Route("council:correct", ORGANIZER_ONLY, WRITE, each_assessment(), _sees_unit_result,
          data=lambda world, unit: {"code": "1.1", "raw": "Không", "note": "", "reason": "Kiểm tra quyền"}),
    Route("council:comment", frozenset({COUNCIL, ORGANIZER}), WRITE, the_group(),
          data=lambda world, variant: {"text": "Đề nghị rà soát tiêu chí 1.2", "assessment": ""}),
    Route("council:approve", ORGANIZER_ONLY, WRITE, the_group(),
          data=lambda world, variant: {"decision_number": "46/QĐ-HĐĐG", "decision_date": "21/12/2025"}),
    Route("council:publish", ORGANIZER_ONLY, WRITE, the_group()),
    Route("council:reopen", ORGANIZER_ONLY, WRITE, the_group(),
          data=lambda world, variant: {"reason": "Điều chỉnh điểm tiêu chí 1.2"}),
    # -- analysis for the council: every group and unit, in every phase, for those who see every unit ----------
    Route("analysis:index", ANALYSTS, READ, no_object()),
    Route("analysis:group", ANALYSTS, READ, the_group()),
    Route("analysis:unit", ANALYSTS, READ, each_assessment()),
    Route("analysis:summary_save", ORGANIZER_ONLY, WRITE, the_group(),
          data=lambda world, variant: {"text": "Nhận định: nhóm còn yếu ở tiêu chí 1.2"}),
    Route("analysis:summary_revert", ORGANIZER_ONLY, WRITE, the_group()),
    # -- the province's national indices: every role reads; Sở Nội vụ imports and maps components -------------
    Route("indices:index", EVERY, READ, no_object()),
    Route("indices:detail", EVERY, READ, {"": lambda world: {"index": "papi"}}),
    Route("indices:import", ORGANIZER_ONLY, READ_WRITE, no_object()),
    Route("indices:template", ORGANIZER_ONLY, READ, no_object()),
    Route("indices:responsible", ORGANIZER_ONLY, READ_WRITE, {"": lambda world: {"index": "papi", "code": "1"}}),
    # -- public portal: anyone, signed in or not; a group's results and its units' pages once published ------
    Route("portal:index", None, READ, no_object(), public=True),
    Route("portal:catalogue", None, READ, no_object(), public=True),
    Route("portal:catalogue_json", None, READ, no_object(), public=True),
    Route("portal:sitemap", None, READ, no_object(), public=True),
    Route("robots_txt", None, READ, no_object(), public=True),
    Route("portal:group", None, READ, the_group_by_year(), _published, public=True),
    Route("portal:csv", None, READ, the_group_by_year(), _published, public=True),
    Route("portal:json", None, READ, the_group_by_year(), _published, public=True),
    Route("portal:unit", None, READ, each_published_unit(), _published, public=True),
    # -- units and users: Sở Nội vụ and the administrator -----------------------------------------------------
    Route("organization:unit_list", MANAGERS, READ, no_object()),
    Route("organization:unit_import", MANAGERS, READ_WRITE, no_object()),
    Route("organization:unit_import_template", MANAGERS, READ, no_object()),
    Route("users:user_list", MANAGERS, READ, no_object()),
    Route("users:user_import", MANAGERS, READ_WRITE, no_object()),
    Route("users:user_import_template", MANAGERS, READ, no_object()),
    # -- evidence: whoever sees the assessment reads it; the unit's own people change it ---------------------
    Route("evidence:registry", EVERY, READ_WRITE, each_assessment("assessment_id"), _sees_assessment,
          writes=_unit_member_writes),
    Route("evidence:leaf_citations", EVERY, READ_WRITE, each_assessment("assessment_id", stage="self", code="1.1"),
          _sees_assessment, writes=_unit_member_writes, data=_cite_own_document),
    Route("evidence:edit", UNIT_ROLE_SET, READ_WRITE, each_document(), _own_unit, present=_evidence_exists),
    Route("evidence:delete", UNIT_ROLE_SET, WRITE, each_document(), _own_unit, present=_evidence_exists),
    Route("evidence:download", EVERY, READ, each_document(), _sees_assessment, present=_evidence_exists),
    Route("evidence:preview", EVERY, READ, each_document(), _sees_assessment, present=_evidence_exists),
    Route("evidence:citation_remove", UNIT_ROLE_SET, WRITE, each_citation(), _own_unit, present=_evidence_exists),
    # -- criteria sets: issued ones for every role, drafts for Sở Nội vụ and the administrator ----------------
    Route("criteria:list", EVERY, READ, no_object()),
    Route("criteria:upload", ORGANIZER_ONLY, READ_WRITE, no_object()),
    Route("criteria:compare", EVERY, READ, no_object()),
    Route("criteria:detail", EVERY, READ, each_criteria_set(), _sees_criteria_set),
    Route("criteria:download_yaml", EVERY, READ, each_criteria_set(), _sees_criteria_set),
    Route("criteria:download_xlsx", EVERY, READ, each_criteria_set(), _sees_criteria_set),
    Route("criteria:clone", ORGANIZER_ONLY, READ_WRITE, each_criteria_set(), _sees_criteria_set),
    Route("criteria:issue", ORGANIZER_ONLY, WRITE, each_criteria_set(), _sees_criteria_set),
    # -- official outputs: Sở Nội vụ, the council and the administrator; a unit its own sheet --------------------
    Route("reports:index", MANAGERS | {COUNCIL}, READ, no_object()),
    Route("reports:export", MANAGERS | {COUNCIL}, WRITE, no_object(),
          data=lambda world, variant: {"kind": "workbook", "period": world.period.pk}),
    Route("reports:job", MANAGERS | {COUNCIL}, READ, {"organizer's": _organizers_export}, _requested_it),
    Route("reports:download", MANAGERS | {COUNCIL}, READ, {"organizer's": _organizers_export}, _requested_it),
    Route("reports:unit_sheet", READERS, READ, each_assessment(), _sees_unit_sheet),
)
# fmt: on
ROUTES_BY_NAME = {route.name: route for route in ROUTES}


# -- the expected answer -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    statuses: frozenset[int]
    to_login: bool = False  # a 302 that must go to the sign-in page

    def __str__(self) -> str:
        if self.to_login:
            return "302 → /dang-nhap/"
        return " or ".join(str(status) for status in sorted(self.statuses))


LOGIN = Expected(frozenset({302}), to_login=True)


def expected(route: Route, who: Who, variant: str, method: str, world: World) -> Expected:
    """The answer the rules of rules.py give, first rule that applies deciding."""
    if route.public:
        if route.sends_signed_in_on:
            # The sign-in page: a form for visitors; a signed-in user is sent on to work.
            return Expected(frozenset({200 if who.anonymous else 302}))
        # The public portal: the same answer for everyone, signed in or not; what is not published is 404.
        if method not in route.methods:
            return Expected(frozenset({405}))
        if not route.present(world, variant) or not route.sees(who, variant, world.phase):
            return Expected(frozenset({404}))
        return Expected(frozenset({200}))
    if who.anonymous:
        return LOGIN  # rule 1
    if route.roles is not None and who.role not in route.roles:
        return Expected(frozenset({403}))  # rule 2
    if method not in route.methods:
        return Expected(frozenset({405}))  # rule 3
    if not route.present(world, variant) or not route.sees(who, variant, world.phase):
        return Expected(frozenset({404}))  # rule 4
    if method == GET:
        return Expected(frozenset({200}))  # rule 5
    if not route.writes(who, variant):
        return Expected(frozenset({403}))  # rule 6
    return LOGIN if route.signs_out else Expected(WRITE_OK)


# -- asking every URL as every user --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    route: str
    variant: str
    method: str
    user: str
    phase: str
    expected: Expected
    status: int
    location: str
    leaks: tuple[str, ...] = ()  # texts the page shows that the user may not see
    shown: frozenset[str] = frozenset()  # every marker the page shows (to prove the check can see them)

    @property
    def holds(self) -> bool:
        if self.status not in self.expected.statuses:
            return False
        to_login = self.status == 302 and urlsplit(self.location).path == _login_path()
        # A signed-in user sent to the sign-in page has lost the session: never a right answer.
        return to_login == self.expected.to_login

    def __str__(self) -> str:
        target = f"{self.route} [{self.variant}]" if self.variant else self.route
        got = f"{self.status} → {urlsplit(self.location).path}" if self.location else str(self.status)
        return f"{self.method} {target} as {self.user} in phase {self.phase}: expected {self.expected}, got {got}"


@dataclass
class PhaseRun:
    phase: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def mismatches(self) -> list[Cell]:
        return [cell for cell in self.cells if not cell.holds]

    @property
    def server_errors(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.status >= 500]

    @property
    def leaks(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.leaks]


def _login_path() -> str:
    return urlsplit(resolve_url(settings.LOGIN_URL)).path


def _clients(world: World) -> dict[str, Client]:
    clients = {}
    for who in USERS:
        # A 500 must come back as an answer to record, not as an exception that ends the walk.
        client = Client(raise_request_exception=False)
        if not who.anonymous:
            client.force_login(world.users[who.key])
        clients[who.key] = client
    return clients


def _ask(client: Client, method: str, path: str, data: dict[str, Any]) -> HttpResponse:
    """One request in a savepoint rolled back afterwards, with the session cookie put back: a POST that
    submits, deletes or signs out changes nothing the next request sees."""
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        response = client.post(path, data) if method == POST else client.get(path)
        transaction.set_rollback(True)
    client.cookies = cookies
    return response  # type: ignore[return-value]


TEXT_TYPES = ("text/", "application/json")


def _body(response: HttpResponse) -> str:
    if response.streaming:
        # A file download: read to the end, which closes the file the way the test client means it to. (A bare
        # close() would fire request_finished with close_old_connections attached: on PostgreSQL that closes
        # the connection in the middle of the test's transaction.)
        response.getvalue()
        return ""
    if not response.get("Content-Type", "").startswith(TEXT_TYPES):
        return ""
    return response.content.decode("utf-8", errors="replace")


ALL_MARKERS = frozenset(marker for data in UNIT_DATA.values() for marker in (data.name, *data.private_markers))


def cells_to_ask(world: World) -> Iterator[tuple[Route, str, str, Who]]:
    """Every (route, variant, method, user): the GETs first, then the POSTs, so that a write (rolled back
    anyway) never stands between two reads."""
    for method in (GET, POST):
        for route in ROUTES:
            if method == POST and POST not in route.methods:
                continue  # a read-only page: its POST is not a write action
            for variant in route.variants:
                for who in USERS:
                    yield route, variant, method, who


@contextlib.contextmanager
def _quiet_refusals() -> Iterator[None]:
    """Thousands of expected 403/404/405 would each log a warning with a traceback; a 500 is still logged."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextlib.contextmanager
def _each_report_rendered_once() -> Iterator[None]:
    """The self-assessment PDF is the same whoever downloads it (a pure function of the report), and
    WeasyPrint takes half a second: render each distinct report once per phase, for real, and hand the
    same bytes to every reader the matrix asks as."""
    from parindex.assessments import report_views

    with mock.patch.object(report_views, "report_pdf", functools.lru_cache(maxsize=None)(report_views.report_pdf)):
        yield


def run_phase(world: World) -> PhaseRun:
    with _quiet_refusals(), _each_report_rendered_once():
        return _run_phase(world)


def _run_phase(world: World) -> PhaseRun:
    clients = _clients(world)
    run = PhaseRun(world.phase)
    for route, variant, method, who in cells_to_ask(world):
        path = reverse(route.name, kwargs=route.variants[variant](world))
        data = route.data(world, variant) if route.data and method == POST else {}
        response = _ask(clients[who.key], method, path, data)
        body = _body(response) if response.status_code == 200 else ""
        shown = frozenset(marker for marker in ALL_MARKERS if marker in body)
        leaks = tuple(marker for marker in forbidden_markers(who, world.phase) if marker in shown)
        run.cells.append(
            Cell(
                route=route.name,
                variant=variant,
                method=method,
                user=who.key,
                phase=world.phase,
                expected=expected(route, who, variant, method, world),
                status=response.status_code,
                location=response.get("Location", ""),
                leaks=leaks,
                shown=shown,
            )
        )
    return run


def report(cells: list[Cell], limit: int = 400) -> str:
    lines = [str(cell) for cell in cells[:limit]]
    if len(cells) > limit:
        lines.append(f"… and {len(cells) - limit} more")
    return "\n".join(lines)
