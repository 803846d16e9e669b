"""The Django side of the autosave load benchmark (bench/autosave_load.py), run as a subprocess of it:

    python -m bench.autosave_data setup --units 40 --out plan.json   # migrate, build the period, write the plan
    python -m bench.autosave_data read --out state.json              # answers and their audit history

It runs in its own process, with the benchmark's DATABASE_URL and PARINDEX_DATA_DIR in its environment, so
that it never touches the database of whoever started the benchmark (a developer's var/, or the test database
pytest-django has set up when the smoke test runs it). Django is imported only inside the commands: bench.run_all
imports every module of bench/.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH_PASSWORD = "parindex-tai-thu-2025"  # every benchmark account's; long and uncommon enough for the validators
GROUP = "xa"  # the demonstration set 2025-xa: 74 leaves a commune answers itself, every input kind
YEAR = 2025
# Not valid for any rule: each leaf's refused input is this, kept only where the engine indeed refuses it.
INVALID_VALUE = "không rõ"


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


# -- setup ---------------------------------------------------------------------------------------------------


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _province() -> tuple[Any, Any]:
    """The commune group with its 2025 demonstration set, issued by a Sở Nội vụ account (returned with it).

    Built here from the demonstration constants rather than with demo_setup, which also plays a whole demo
    cycle (minutes of work, and answers of its own in other periods).
    """
    from parindex.accounts.models import Role
    from parindex.accounts.services import user_create
    from parindex.core.demo import DEMO_GROUPS, DEMO_PASSWORD
    from parindex.criteria.services import DEMO_SETS_DIR, criteria_set_issue, criteria_set_upload
    from parindex.organization.services import unit_group_create

    code, name, ordering = next(group for group in DEMO_GROUPS if group[0] == GROUP)
    unit_group_create(actor=None, code=code, name=name, ordering=ordering)
    organizer = user_create(actor=None, username="sonoivu", password=DEMO_PASSWORD, role=Role.ORGANIZER)
    path = DEMO_SETS_DIR / f"{YEAR}-{GROUP}.yaml"
    version = criteria_set_upload(actor=organizer, filename=path.name, content=path.read_bytes())
    return organizer, criteria_set_issue(actor=organizer, version=version)


def _units(group: Any, count: int) -> list[Any]:
    """The demonstration province's communes (40 of them), and more made up in the same group when asked."""
    from parindex.core.demo import DEMO_COMMUNES
    from parindex.organization.services import unit_create

    names = [*DEMO_COMMUNES, *(f"Xã Thử Tải {number}" for number in range(len(DEMO_COMMUNES) + 1, count + 1))]
    return [
        unit_create(
            actor=None,
            code=f"X{number:02d}",
            name=name,
            short_name=name.removeprefix("Phường ").removeprefix("Xã "),
            group=group,
            active_from=date(YEAR, 7, 1),  # the two-tier communes exist from 01/07/2025
        )
        for number, name in enumerate(names[:count], start=1)
    ]


def _accounts(units: Sequence[Any]) -> list[dict[str, Any]]:
    """An officer (cán bộ đầu mối) and a head (thủ trưởng) for every unit.

    Written in one bulk insert with one password hash: hashing 80 passwords with Argon2 would only slow the
    setup down, and each client still signs in through the real login form, which verifies the hash.
    """
    from django.contrib.auth.hashers import make_password

    from parindex.accounts.models import Role, User

    encoded = make_password(BENCH_PASSWORD)
    users, plan = [], []
    for unit in units:
        suffix = unit.code.lower()
        officer, head = f"daumoi.{suffix}", f"thutruong.{suffix}"
        users += [
            User(username=officer, role=Role.UNIT_OFFICER, unit=unit, full_name=f"Đầu mối {unit.short_name}"),
            User(username=head, role=Role.UNIT_HEAD, unit=unit, full_name=f"Thủ trưởng {unit.short_name}"),
        ]
        plan.append({"unit": unit.code, "officer": officer, "head": head})
    for user in users:
        user.password = encoded
    User.objects.bulk_create(users)
    return plan


def _open_period(organizer: Any, version: Any, units: Sequence[Any]) -> Any:
    """The 2025 period for the communes, open, self-assessment due in 30 days (the later phases after it)."""
    from django.utils import timezone

    from parindex.periods.models import PHASE_ORDER
    from parindex.periods.services import period_add_units, period_create, period_open

    now = timezone.now()
    deadlines = {phase: now + timedelta(days=30 * (position + 1)) for position, phase in enumerate(PHASE_ORDER)}
    period = period_create(
        actor=organizer,
        year=YEAR,
        name=f"Kỳ đánh giá Chỉ số CCHC năm {YEAR} (thử tải)",
        criteria_sets={version.group: version},
        deadlines=deadlines,
    )
    period_add_units(actor=organizer, period=period, units=units)
    return period_open(actor=organizer, period=period)


def _candidates(kind: str, spec: Any) -> list[dict[str, str]]:
    """Form fields a person could send for an input of this kind (static/parindex/js/autosave.js sends the
    form's fields as they are: value, second, na, not_done, severe)."""
    if kind == "choice":
        return [{"value": answer} for answer, _label in spec.choices]
    if kind == "whole":
        return [{"value": str(count)} for count in (0, 1, 2, 3)]
    if kind == "fraction":
        return [{"value": done, "second": "40"} for done in ("40", "37", "30")]
    if kind == "date":
        return [{"value": "2025-07-10"}, {"value": "2025-08-20"}, {"not_done": "1"}]
    return [{"value": value} for value in ("0", "1", spec.maximum) if value]  # number: points or a scale


def _leaf_inputs(criteria_set: Any) -> dict[str, dict[str, Any]]:
    """For every leaf the unit answers: valid inputs with the answer text the server will store, and an input
    the rule refuses (the 422 path), each checked with the engine here so the clients' log can be compared
    with the database text for text."""
    from parindex.assessments.inputs import compose_raw, input_spec
    from parindex.assessments.workflow import self_assessed_leaves
    from parindex.engine import InputError, parse_answer

    def valid(code: str, raw: str) -> bool:
        try:
            parse_answer(criteria_set, code, raw)
        except InputError:
            return False
        return True

    inputs: dict[str, dict[str, Any]] = {}
    for leaf in self_assessed_leaves(criteria_set):
        spec = input_spec(leaf, criteria_set.plan.leaves_by_code[leaf.code].na_allowed)
        fields = _candidates(spec.kind, spec) + ([{"na": "1"}] if spec.allows_na else [])
        options = {}
        for candidate in fields:
            raw = compose_raw(spec, candidate).strip()
            if raw and raw not in options and valid(leaf.code, raw):
                options[raw] = candidate
        refused = {"value": INVALID_VALUE, "second": "40"} if spec.kind == "fraction" else {"value": INVALID_VALUE}
        inputs[leaf.code] = {
            "options": [{"fields": fields_, "raw": raw} for raw, fields_ in options.items()],
            "refused": [] if valid(leaf.code, compose_raw(spec, refused).strip()) else [refused],
        }
        if not options:
            raise RuntimeError(f"leaf {leaf.code}: no valid input found for kind {spec.kind}")
    return inputs


def database_label() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version} (WAL, IMMEDIATE transactions)"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def setup(units: int) -> dict[str, Any]:
    """Migrate an empty database and build the benchmark's period; return the plan the clients follow."""
    from parindex.assessments.models import Assessment

    _migrate()
    organizer, version = _province()
    unit_list = _units(version.group, units)
    accounts = _accounts(unit_list)
    period = _open_period(organizer, version, unit_list)
    assessments = {a.unit.code: a for a in Assessment.objects.filter(period=period).select_related("unit")}
    for account in accounts:
        account["assessment"] = assessments[account["unit"]].pk
    criteria_set = version.criteria_set
    return {
        "database": database_label(),
        "criteria_set": criteria_set.name,
        "password": BENCH_PASSWORD,
        "units": accounts,
        "leaves": _leaf_inputs(criteria_set),
    }


# -- read back -----------------------------------------------------------------------------------------------


def read() -> dict[str, Any]:
    """Every self-assessment answer with its version, every `answer.saved` event, and the audit chain check."""
    from parindex.assessments.models import Answer, Stage
    from parindex.audit.models import AuditEvent
    from parindex.audit.services import audit_verify_chain

    answers = [
        {"id": a.pk, "assessment": a.assessment_id, "code": a.code, "raw": a.raw, "note": a.note, "version": a.version}
        for a in Answer.objects.filter(stage=Stage.SELF).order_by("pk")
    ]
    events = [
        {"id": e.pk, "answer": int(e.target_id), "before": e.before, "after": e.after}
        for e in AuditEvent.objects.filter(action="answer.saved", target_type="assessments.answer").order_by("pk")
    ]
    return {"answers": answers, "events": events, "chain_problems": audit_verify_chain()}


def cli(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.autosave_data")
    parser.add_argument("command", choices=["setup", "read"])
    parser.add_argument("--units", type=int, default=40)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args(argv)
    _django()
    result = setup(options.units) if options.command == "setup" else read()
    options.out.write_text(json.dumps(result, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
