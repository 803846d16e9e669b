"""Concurrent autosaves against the real server on 127.0.0.1: throughput, latency, errors and lost updates.

    python -m bench.autosave_load [--units 40] [--clients 8] [--saves 250] [--leaves 10] [--sqlite-only]

PostgreSQL is measured too when BENCH_DATABASE_URL is a postgres:// URL: the benchmark creates a database of
its own there (CREATE DATABASE, so the role needs that right) and drops it afterwards.

For each database it builds a fresh one (migrated; the 2025 commune criteria set; `--units` communes open for
self-assessment, each with an officer and a head account), starts the server as a subprocess on a free port
of 127.0.0.1 with DEBUG off, and drives it with `--clients` threads: the officer and the head of a unit
sign in once each, then autosave the same `--leaves` leaves of their unit at the same time, following
static/parindex/js/autosave.js (on 409 keep my answer, send it again on the server's version). Bounded:
`--saves` edits per client, and `--time-limit` seconds. Afterwards every 200 is checked against the leaf's
history in the database (bench/autosave_check.py). The goal is 0 errors and 0 lost updates; the exit status
is non-zero otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import os
import platform
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.autosave_check import Verdict, check
from bench.autosave_clients import (
    CONFLICT,
    ERROR,
    LOGIN_PATH,
    OTHER,
    REFUSED,
    REQUEST_TIMEOUT,
    SAVED,
    Client,
    ClientPlan,
    SaveRequest,
    Session,
)

ROOT = Path(__file__).resolve().parent.parent  # where manage.py is
SERVER_START_TIMEOUT = 90.0  # seconds: system checks and the first import on a busy machine
LOGIN_TIMEOUT = 120.0  # every client signed in (Argon2 verifies each password on purpose)
PROBLEMS_SHOWN = 10


class ServerDidNotStartError(RuntimeError):
    """The server process exited or never answered: nothing could be measured."""


# -- the databases ---------------------------------------------------------------------------------------------


def postgres_url() -> str | None:
    url = os.environ.get("BENCH_DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextlib.contextmanager
def sqlite_database(directory: Path) -> Iterator[dict[str, str]]:
    """A new SQLite file in the run's temporary directory, set up by the product's settings (WAL, IMMEDIATE)."""
    yield {"DATABASE_URL": f"sqlite:///{directory / 'autosave.sqlite3'}"}


def with_database(url: str, name: str) -> str:
    """The same server, user and options (host=/socket/dir …), another database."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


@contextlib.contextmanager
def postgres_database(url: str) -> Iterator[dict[str, str]]:
    """A database of the benchmark's own on the server of `url`, dropped afterwards (even when the run fails),
    so that BENCH_DATABASE_URL may point at a server holding anything else."""
    import psycopg

    name = f"parindex_autosave_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        connection = psycopg.connect(url, autocommit=True)
    except psycopg.Error as error:
        raise RuntimeError(f"cannot reach BENCH_DATABASE_URL: {error}") from None
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
        try:
            yield {"DATABASE_URL": with_database(url, name)}
        finally:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def base_environment(directory: Path, database: Mapping[str, str]) -> dict[str, str]:
    """The environment of the helper and the server: the run's database and data directory, DEBUG off.

    Not PARINDEX_PRODUCTION: on top of DEBUG off it redirects to HTTPS and makes the cookies Secure
    (`__Host-`), which a plain-HTTP client on 127.0.0.1 cannot follow, and it serves static files from a
    collected manifest. DEBUG off is what changes the request path (no query log, no debug pages); the same
    middleware, CSRF and session checks run either way. Mail goes nowhere: opening a period notifies everyone.
    The caller's PARINDEX_* and DJANGO_* settings are left out, so that a run is defined by this benchmark.
    """
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PARINDEX_", "DJANGO_"))}
    for name in ("DATABASE_URL", "DATABASE_CONN_MAX_AGE"):  # the run's database, with the settings' defaults
        environment.pop(name, None)
    return environment | {
        **database,
        "PARINDEX_DATA_DIR": str(directory),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PARINDEX_LOG_LEVEL": "WARNING",
    }


def helper(environment: Mapping[str, str], command: str, out: Path, *arguments: str) -> dict[str, Any]:
    """Run bench/autosave_data.py in its own process (its own Django, on the run's database)."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.autosave_data", command, "--out", str(out), *arguments],
        cwd=ROOT,
        env=dict(environment),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench.autosave_data {command} failed:\n{completed.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


# -- the server ------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(kind: str, port: int, workers: int) -> tuple[list[str], str]:
    """The command line and its description. runserver by default: gunicorn is not a dependency of the
    project (docs/deployment.md leaves the WSGI server to the installer); `--server gunicorn` uses it when
    it is importable, with sync workers as a single-machine installation would run it."""
    import django

    if kind == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", "sync"]
        return command, f"gunicorn, {workers} sync worker processes, Django {django.get_version()}, DEBUG off"
    command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    description = f"Django {django.get_version()} runserver --noreload (one process, a thread per request), DEBUG off"
    return command, description


def wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerDidNotStartError(f"the server exited ({process.returncode}):\n{tail(log)}")
        try:
            with urllib.request.urlopen(base_url + LOGIN_PATH, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise ServerDidNotStartError(f"no answer from {base_url} in {SERVER_START_TIMEOUT:.0f} s:\n{tail(log)}")


def tail(path: Path, characters: int = 3000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-characters:]
    except OSError:
        return ""


@contextlib.contextmanager
def server(environment: Mapping[str, str], kind: str, workers: int, log: Path) -> Iterator[tuple[str, str]]:
    """The server running on a free port of 127.0.0.1: (base URL, description). Stopped afterwards."""
    port = free_port()
    command, description = server_command(kind, port, workers)
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=dict(environment), stdout=output, stderr=subprocess.STDOUT)
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_ready(process, base_url, log)
        yield base_url, description
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# -- the load --------------------------------------------------------------------------------------------------


def client_plans(plan: Mapping[str, Any], options: argparse.Namespace) -> list[ClientPlan]:
    """Clients 0 and 1 are the officer and the head of the first unit, 2 and 3 of the second, and so on; a
    unit's two clients edit the same leaves (a sample of the set's, drawn per unit)."""
    rng = random.Random(options.seed)
    codes = sorted(plan["leaves"])
    unit_leaves = [rng.sample(codes, min(options.leaves, len(codes))) for _ in plan["units"]]
    plans = []
    for number in range(options.clients):
        unit = plan["units"][number // 2]
        plans.append(
            ClientPlan(
                number=number,
                username=unit["officer"] if number % 2 == 0 else unit["head"],
                password=plan["password"],
                assessment=unit["assessment"],
                codes=unit_leaves[number // 2],
                inputs=plan["leaves"],
                saves=options.saves,
                refused_share=options.refused_share,
                max_attempts=options.max_attempts,
                seed=options.seed * 1000 + number,
            )
        )
    return plans


@dataclass
class Load:
    requests: list[SaveRequest]
    seconds: float
    gave_up: int
    failures: list[str] = field(default_factory=list)  # clients that could not sign in, or did not finish


def _client_thread(client: Client, start: threading.Barrier) -> None:
    try:
        client.run(start)
    except Exception as error:  # a login that failed, a broken barrier: reported, never silent
        client.log.failure = repr(error)


def run_load(plans: Sequence[ClientPlan], base_url: str, time_limit: float) -> Load:
    """Every client signs in, then all start saving at the same moment; timed from that moment to the last
    answer. At the time limit the clients are told to stop after their current edit; threads are daemons, so
    one stuck beyond that cannot keep the benchmark from reporting."""
    start, stop = threading.Barrier(len(plans) + 1), threading.Event()
    clients = [Client(plan, Session(base_url), stop) for plan in plans]
    threads = [threading.Thread(target=_client_thread, args=(client, start), daemon=True) for client in clients]
    for thread in threads:
        thread.start()
    # Broken only when the logins took too long: every client then stops at the barrier, its log says so.
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait(timeout=LOGIN_TIMEOUT)
    started = time.monotonic()
    for thread in threads:
        thread.join(timeout=max(0.0, started + time_limit - time.monotonic()))
    stop.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)  # the request in flight: answered or timed out by then
    seconds = time.monotonic() - started
    failures = [
        f"client {client.plan.number} ({client.plan.username}): {client.log.failure or 'still saving at the end'}"
        for client in clients
        if not client.log.finished
    ]
    requests = [request for client in clients for request in client.log.requests]
    return Load(requests, seconds, sum(client.log.gave_up for client in clients), failures)


# -- one database, start to end --------------------------------------------------------------------------------


@dataclass
class Run:
    database: str
    server: str
    leaves_in_set: int
    load: Load
    verdict: Verdict
    chain_problems: list[str]
    server_tracebacks: int

    def count(self, *outcomes: str) -> int:
        return sum(request.outcome in outcomes for request in self.load.requests)

    @property
    def failed(self) -> bool:
        return bool(
            self.count(ERROR, OTHER)
            or not self.verdict.ok
            or self.chain_problems
            or self.load.failures
            or self.server_tracebacks
        )


def measure(options: argparse.Namespace, postgres: str | None) -> Run:
    """Build a database, serve it, load it, read it back, check every save; everything removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="parindex-autosave-") as temporary:
        directory = Path(temporary)
        database = postgres_database(postgres) if postgres else sqlite_database(directory)
        with database as database_environment:
            environment = base_environment(directory, database_environment)
            plan = helper(environment, "setup", directory / "plan.json", "--units", str(options.units))
            log = directory / "server.log"
            with server(environment, options.server, options.workers, log) as (base_url, description):
                load = run_load(client_plans(plan, options), base_url, options.time_limit)
            state = helper(environment, "read", directory / "state.json")
            tracebacks = tail(log, characters=10**9).count("Traceback (most recent call last)")
    return Run(
        database=plan["database"],
        server=description,
        leaves_in_set=len(plan["leaves"]),
        load=load,
        verdict=check(load.requests, state),
        chain_problems=state["chain_problems"],
        server_tracebacks=tracebacks,
    )


# -- the report ------------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def command_line(options: argparse.Namespace) -> str:
    flags = f"--units {options.units} --clients {options.clients} --saves {options.saves} --leaves {options.leaves}"
    defaults = parse_options([])
    for name in ("refused_share", "max_attempts", "time_limit", "seed", "server", "workers"):
        if getattr(options, name) != getattr(defaults, name) and (name != "workers" or options.server == "gunicorn"):
            flags += f" --{name.replace('_', '-')} {getattr(options, name)}"
    if options.sqlite_only:
        flags += " --sqlite-only"
    return f"python -m bench.autosave_load {flags}"


def machine() -> str:
    from bench.engine_vs_sql import cpu_model

    load = os.getloadavg()[0]
    return (
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs ({cpu_model()}), {platform.system()} "
        f"{platform.release()}; load average {load:.1f} when the run started (clients and server share the machine)"
    )


TABLE_HEADER = (
    "| database | requests | seconds | req/s | p50 ms | p95 ms | p99 ms | 200 saved | 409 conflict | 422 refused "
    "| other | errors | lost updates |"
)


def table_row(run: Run) -> str:
    requests = run.load.requests
    milliseconds = [request.seconds * 1000 for request in requests]
    per_second = len(requests) / run.load.seconds if run.load.seconds else math.nan
    cells = [
        run.database,
        f"{len(requests):,}",
        f"{run.load.seconds:.1f}",
        f"{per_second:.1f}",
        *(f"{percentile(milliseconds, share):.0f}" for share in (0.50, 0.95, 0.99)),
        *(f"{run.count(outcome):,}" for outcome in (SAVED, CONFLICT, REFUSED, OTHER, ERROR)),
        f"{len(run.verdict.lost):,}",
    ]
    return "| " + " | ".join(cells) + " |"


def _problems(title: str, lines: Sequence[str]) -> list[str]:
    if not lines:
        return []
    shown = [f"  {line}" for line in lines[:PROBLEMS_SHOWN]]
    more = [f"  … and {len(lines) - PROBLEMS_SHOWN} more"] if len(lines) > PROBLEMS_SHOWN else []
    return [f"{title} ({len(lines)}):", *shown, *more]


def run_summary(run: Run) -> list[str]:
    """What was checked on this database, and every problem found (the first few of each kind)."""
    verdict, load = run.verdict, run.load
    saved = run.count(SAVED)
    lines = [
        f"{run.database}: {saved:,} saves answered 200 ({saved / load.seconds:.1f}/s) checked against "
        f"{verdict.versions:,} committed versions of {verdict.leaves} leaves (audit events and answer rows): "
        f"{len(verdict.lost)} lost, {len(verdict.unacknowledged)} committed without a 200, "
        f"{len(verdict.broken)} broken histories; audit chain {'intact' if not run.chain_problems else 'BROKEN'}; "
        f"{load.gave_up} edits given up (a conflict on every try); "
        f"server log: {run.server_tracebacks} tracebacks.",
    ]
    unexpected = [
        f"{request.code} of assessment {request.assessment}, client {request.client}: HTTP {request.status} "
        f"{request.detail[:200]!r}"
        for request in load.requests
        if request.outcome in (ERROR, OTHER)
    ]
    lines += _problems("Errors and unexpected answers", unexpected)
    lines += _problems("Lost updates", verdict.lost)
    lines += _problems("Committed without a 200", verdict.unacknowledged)
    lines += _problems("Broken histories", verdict.broken)
    lines += _problems("Audit chain", run.chain_problems)
    lines += _problems("Clients", load.failures)
    return lines


def format_report(options: argparse.Namespace, runs: Sequence[Run], started_load: str) -> str:
    postgres = any(run.database.startswith("PostgreSQL") for run in runs)
    pairs = math.ceil(options.clients / 2)
    lines = [
        f"Command: {command_line(options)}" + ("  (with BENCH_DATABASE_URL=postgres://…)" if postgres else ""),
        f"Machine: {started_load}",
        f"Server: {runs[0].server}, on 127.0.0.1; a fresh database per run",
        f"Workload: {options.units} communes open for self-assessment (the 2025 demonstration set, "
        f"{runs[0].leaves_in_set} leaves a unit answers); {options.clients} clients = the officer and the head of "
        f"{pairs} units, each signed in once; {options.saves} edits per client, each on one of the same "
        f"{options.leaves} leaves as its partner's, {options.refused_share:.0%} of them a value the rule refuses; "
        f"on 409 the client keeps its answer and sends it again on the server's version (at most "
        f"{options.max_attempts} tries per edit)",
        "Latency: each request from sending to the end of the answer, every request counted (200, 409, 422 …); "
        "throughput = requests ÷ seconds from the moment every client had signed in to the last answer",
        "",
        TABLE_HEADER,
        "|---|" + "---:|" * 12,
        *(table_row(run) for run in runs),
        "",
    ]
    for run in runs:
        lines += run_summary(run)
    return "\n".join(lines)


def goal(runs: Sequence[Run], failures: Sequence[str]) -> str:
    failed = [run.database for run in runs if run.failed] + list(failures)
    return f"Goal 0 errors and 0 lost updates: {'FAILED on ' + '; '.join(failed) if failed else 'met'}."


# -- the command -----------------------------------------------------------------------------------------------


def parse_options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.autosave_load", description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=40, help="communes in the period (default 40)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients, two per unit (default 8)")
    parser.add_argument("--saves", type=int, default=250, help="edits per client (default 250)")
    parser.add_argument("--leaves", type=int, default=10, help="leaves a unit's two clients share (default 10)")
    parser.add_argument("--refused-share", type=float, default=0.02, help="edits the rule refuses (default 0.02)")
    parser.add_argument("--max-attempts", type=int, default=5, help="tries per edit on conflicts (default 5)")
    parser.add_argument("--time-limit", type=float, default=600, help="seconds of saving at most (default 600)")
    parser.add_argument("--seed", type=int, default=2025, help="seed of the clients' choices")
    parser.add_argument("--server", choices=["runserver", "gunicorn"], default="runserver")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL even when a URL is set")
    options = parser.parse_args(argv)
    if not 1 <= options.clients <= 2 * options.units:
        parser.error("--clients must be between 1 and twice --units (an officer and a head per unit)")
    if options.server == "gunicorn" and importlib.util.find_spec("gunicorn") is None:
        parser.error("--server gunicorn: gunicorn is not installed (it is not a dependency of the project)")
    return options


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    started_load = machine()
    postgres = None if options.sqlite_only else postgres_url()
    runs, failures = [], []
    for url in [None, *([postgres] if postgres else [])]:
        try:
            runs.append(measure(options, url))
        except (ServerDidNotStartError, RuntimeError, subprocess.SubprocessError) as error:
            failures.append(f"{'PostgreSQL' if url else 'SQLite'}, which could not run: {error}")
    if runs:
        print(format_report(options, runs, started_load) + "\n")
    print(goal(runs, failures))
    return 1 if failures or any(run.failed for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
