"""The browser tests' server on SQLite: one request at a time.

The test database on SQLite lives in memory, and Django hands the live server's request threads the test's
own connection (an in-memory database cannot be opened twice). A page that sends an autosave while the next
click posts a form then has two threads in one connection, and one thread's savepoint disappears under the
other ("no such savepoint"), failing that request and every browser test after it. Requests are still accepted
by a threaded server (a browser opens several connections, some idle), but Django handles them one by one.
PostgreSQL gives each thread its own connection and keeps Django's server as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.core.servers.basehttp import ThreadedWSGIServer


class _OneRequestAtATime:
    def __init__(self, application: Callable[..., Iterable[bytes]]) -> None:
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        with self.lock:
            return self.application(environ, start_response)


class SerialWSGIServer(ThreadedWSGIServer):
    def set_app(self, application: Any) -> None:
        super().set_app(_OneRequestAtATime(application))


def serialize_live_server_on_sqlite() -> None:
    from django.conf import settings
    from django.test.testcases import LiveServerThread

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        LiveServerThread.server_class = SerialWSGIServer  # type: ignore[attr-defined]  # missing from django-stubs
