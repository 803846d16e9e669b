"""The load clients of bench/autosave_load.py: people autosaving their unit's self-assessment over HTTP.

Each client is one thread with its own cookie jar: it signs in once through the real login form (so django-axes
and the session machinery are on the path) and then saves leaves of its own unit the way
static/parindex/js/autosave.js does — the form's fields plus the version it last saw, the CSRF token in a
header; on 200 it keeps the version the server returns; on 409 it takes the server's current version and keeps
its own answer (sent again on that version); a 422 is not retried. Only urllib from the standard library:
nothing to install, and every request opens its own connection to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from typing import Any

LOGIN_PATH = "/dang-nhap/"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REQUEST_TIMEOUT = 20.0  # seconds, as autosave.js aborts a save
CONNECTION_ERROR = 0  # the status recorded when no HTTP response came back (refused, reset, timed out)


class LoginFailedError(RuntimeError):
    """A client could not sign in: the run would measure nothing, so it stops."""


@dataclass(frozen=True)
class Reply:
    status: int  # CONNECTION_ERROR when there was no response
    body: bytes
    location: str = ""


SAVED, CONFLICT, REFUSED, OTHER, ERROR = "saved", "conflict", "refused", "other", "error"


@dataclass(frozen=True)
class SaveRequest:
    """One save request as the client saw it: what it sent, what came back, how long it took."""

    client: int
    assessment: int
    code: str
    sent_version: int | None  # None: the leaf had no version yet in this client's form
    raw: str  # the answer text the server stores for these fields ("" for an input the rule refuses)
    note: str
    status: int  # the HTTP status, CONNECTION_ERROR when no response came back
    outcome: str  # SAVED (200 + its JSON), CONFLICT (409 + its JSON), REFUSED (422), ERROR (5xx, no answer,
    # a 200/409 without its JSON), OTHER (anything else: a redirect to the login page, 403, 404 …)
    seconds: float
    version: int | None = None  # the version a 200 reported, or a 409's current version
    detail: str = ""  # the start of an unexpected response, or the connection error


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A save answered with a redirect (to the login page: the session ended) must count as "other", not be
    # followed to a 200 HTML page; the login's own redirect is read from its Location header.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Session:
    """One browser: a cookie jar and no redirects followed."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect())

    def cookie(self, name: str) -> str:
        return next((cookie.value or "" for cookie in self.cookies if cookie.name == name), "")

    def send(
        self, path: str, fields: Mapping[str, str] | None = None, headers: Mapping[str, str] | None = None
    ) -> Reply:
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, headers=dict(headers or {}))
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return Reply(response.status, response.read())
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx: a response all the same
            return Reply(error.code, error.read(), error.headers.get("Location", ""))
        except (OSError, http.client.HTTPException) as error:  # refused, reset, timed out, cut short
            return Reply(CONNECTION_ERROR, repr(error).encode())

    def login(self, username: str, password: str) -> None:
        """Sign in through the form, as a person does: GET it for the CSRF token, POST, expect a redirect."""
        page = self.send(LOGIN_PATH)
        token = CSRF_INPUT.search(page.body.decode("utf-8", "replace"))
        if page.status != 200 or token is None:
            raise LoginFailedError(f"{username}: the login page answered {page.status} without a CSRF token")
        fields = {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
        reply = self.send(LOGIN_PATH, fields)
        if reply.status != 302 or LOGIN_PATH in reply.location or not self.cookie("sessionid"):
            raise LoginFailedError(f"{username}: signing in answered {reply.status} (Location {reply.location!r})")


@dataclass(frozen=True)
class ClientPlan:
    """Who a client is and what it edits: its unit's assessment, the leaves it shares with its partner."""

    number: int
    username: str
    password: str
    assessment: int
    codes: Sequence[str]  # the same list for the officer and the head of a unit: they collide on purpose
    inputs: Mapping[str, Mapping[str, Any]]  # per leaf: "options" (fields + stored raw), "refused" (fields)
    saves: int
    refused_share: float
    max_attempts: int  # an edit that meets this many conflicts in a row is given up (and counted)
    seed: int


@dataclass(frozen=True)
class Edit:
    """What a person typed into one leaf's form."""

    fields: Mapping[str, str]
    raw: str  # the answer text the server will store ("" when the rule will refuse the fields)
    note: str


@dataclass
class ClientLog:
    requests: list[SaveRequest] = field(default_factory=list)
    gave_up: int = 0
    finished: bool = False  # made every edit of its plan
    failure: str = ""  # why it stopped early, when it did


def save_path(assessment: int, code: str) -> str:
    return f"/danh-gia/{assessment}/tu-danh-gia/{urllib.parse.quote(code)}/luu/"


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def classify(status: int, body: dict[str, Any]) -> tuple[str, int | None]:
    """The outcome of a save and the version it reports (the new one, or on a conflict the server's)."""
    if status == 200:
        version = body.get("version")
        saved = body.get("status") == "saved" and isinstance(version, int)
        return (SAVED, version) if saved else (ERROR, None)
    if status == 409:
        current = body.get("current")
        version = current.get("version") if isinstance(current, dict) else None
        return (CONFLICT, version) if isinstance(version, int) else (ERROR, None)
    if status == 422:
        return REFUSED, None
    if status == CONNECTION_ERROR or status >= 500:
        return ERROR, None
    return OTHER, None


@dataclass
class Client:
    """One person at one browser: a session, the plan it follows, and the version its form holds per leaf."""

    plan: ClientPlan
    session: Session
    stop: threading.Event  # set at the time limit: no new edit, no further retry
    log: ClientLog = field(default_factory=ClientLog)
    versions: dict[str, int] = field(default_factory=dict)

    def post(self, code: str, edit: Edit) -> SaveRequest:
        """POST one save as autosave.js does, timed from sending the request to the end of the answer."""
        version = self.versions.get(code)
        headers = {"X-CSRFToken": self.session.cookie("csrftoken"), "X-Requested-With": "fetch"}
        payload = {**edit.fields, "note": edit.note, "version": "" if version is None else str(version)}
        started = time.perf_counter()
        reply = self.session.send(save_path(self.plan.assessment, code), payload, headers)
        seconds = time.perf_counter() - started
        outcome, reported = classify(reply.status, _json(reply.body))
        unexpected = outcome in (ERROR, OTHER)
        return SaveRequest(
            client=self.plan.number,
            assessment=self.plan.assessment,
            code=code,
            sent_version=version,
            raw=edit.raw,
            note=edit.note,
            status=reply.status,
            outcome=outcome,
            seconds=seconds,
            version=reported,
            detail=reply.body[:300].decode("utf-8", "replace") if unexpected else "",
        )

    def save(self, code: str, edit: Edit) -> None:
        """One edit of one leaf, to its end: saved, refused, failed, or given up after repeated conflicts."""
        for attempt in range(self.plan.max_attempts):
            if attempt and self.stop.is_set():
                return
            request = self.post(code, edit)
            self.log.requests.append(request)
            if request.version is not None:
                self.versions[code] = request.version  # saved: the new one; conflict: theirs, mine goes on it
            if request.outcome != CONFLICT:
                return  # refused and failed saves are not retried here (autosave.js would back off and retry)
        self.log.gave_up += 1

    def choose(self, rng: random.Random, code: str, number: int) -> Edit:
        inputs = self.plan.inputs[code]
        # The note makes every edit's content unique, so that each committed version in the audit log can be
        # traced to exactly one request (and the server's "same content again" shortcut never hides one).
        note = f"{self.plan.username} lần {number}"
        if inputs["refused"] and rng.random() < self.plan.refused_share:
            return Edit(rng.choice(inputs["refused"]), "", note)
        option = rng.choice(inputs["options"])
        return Edit(option["fields"], option["raw"], note)

    def run(self, start: threading.Barrier) -> None:
        """Sign in, wait for every client, then make the plan's edits (or fewer, when told to stop)."""
        try:
            self.session.login(self.plan.username, self.plan.password)
        finally:
            start.wait()  # a failed login must not leave the others waiting: the caller reports it
        rng = random.Random(self.plan.seed)
        for number in range(1, self.plan.saves + 1):
            if self.stop.is_set():
                self.log.failure = f"stopped at the time limit after {number - 1} of {self.plan.saves} edits"
                return
            code = rng.choice(self.plan.codes)
            self.save(code, self.choose(rng, code, number))
        self.log.finished = True
