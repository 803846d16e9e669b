"""Lost updates: the clients' log of saves against what the database kept (bench/autosave_load.py).

A save the server answered 200 for is a promise: "your answer is stored as version v of this leaf". After the
run, every promise is checked against the leaf's history — its `answer.saved` audit events, written in the
same transaction as the answer, and the answer row itself:

- the history of each leaf is versions 1, 2, … n in order, each event's `before` being the version just
  before it, and the answer row ends at version n with the last event's content;
- each 200 matches exactly one version: version v of the history holds the very answer and note that
  request sent, and no other 200 claims v;
- each 200 reported the version after the one the client sent (a save that jumped from version 3 to 5 has
  silently overwritten version 4, someone else's answer, which its author was told was saved);
- and the other way round, every committed version was answered 200 to somebody (a version nobody was told
  about would come from a request that failed or was reported as a conflict, yet committed).

Every 200 that fails one of these is a lost update. Pure Python: the test suite checks that it catches each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.autosave_clients import SAVED, SaveRequest

Leaf = tuple[int, str]  # (assessment id, leaf code)


@dataclass(frozen=True)
class Version:
    number: int
    raw: str
    note: str
    before: int | None  # the version the event says it replaced (None: the first save)


@dataclass
class Verdict:
    saves_checked: int = 0
    versions: int = 0
    leaves: int = 0
    lost: list[str] = field(default_factory=list)  # one line per lost update
    unacknowledged: list[str] = field(default_factory=list)  # committed versions no 200 announced
    broken: list[str] = field(default_factory=list)  # leaves whose history is not 1…n, or whose row disagrees

    @property
    def ok(self) -> bool:
        return not (self.lost or self.unacknowledged or self.broken)


def histories(state: Mapping[str, Any]) -> tuple[dict[Leaf, Mapping[str, Any]], dict[Leaf, list[Version]]]:
    """The final answer row and the audit history (in commit order) of every leaf that has an answer."""
    rows = {(row["assessment"], row["code"]): row for row in state["answers"]}
    leaf_of = {row["id"]: leaf for leaf, row in rows.items()}
    history: dict[Leaf, list[Version]] = defaultdict(list)
    for event in state["events"]:  # ordered by id: the audit chain serialises them in commit order
        after, before = event["after"], event["before"] or {}
        version = Version(after["version"], after["raw"], after["note"], before.get("version"))
        history[leaf_of[event["answer"]]].append(version)
    return rows, dict(history)


def leaf_name(leaf: Leaf) -> str:
    return f"assessment {leaf[0]}, leaf {leaf[1]}"


def _history_problems(leaf: Leaf, row: Mapping[str, Any] | None, versions: Sequence[Version]) -> list[str]:
    problems = []
    for position, version in enumerate(versions, start=1):
        expected_before = position - 1 or None
        if version.number != position or version.before != expected_before:
            problems.append(
                f"{leaf_name(leaf)}: audit event {position} records version {version.number} replacing "
                f"{version.before}, expected {position} replacing {expected_before}"
            )
    if row is None:
        return problems + ([f"{leaf_name(leaf)}: audit events but no answer row"] if versions else [])
    last = versions[-1] if versions else None
    if last is None or (row["version"], row["raw"], row["note"]) != (last.number, last.raw, last.note):
        problems.append(f"{leaf_name(leaf)}: the answer row (version {row['version']}) is not the last event's {last}")
    return problems


def _promise_problems(leaf: Leaf, saves: Sequence[SaveRequest], versions: Sequence[Version]) -> list[str]:
    by_number = {version.number: version for version in versions}
    claimed: set[int] = set()
    lost = []
    for save in saves:
        committed = by_number.get(save.version) if save.version is not None else None
        where = f"{leaf_name(leaf)}, client {save.client} ({save.note!r})"
        if committed is None or (committed.raw, committed.note) != (save.raw, save.note):
            lost.append(f"{where}: told saved as version {save.version}, but the history holds {committed}")
        elif save.version in claimed:
            lost.append(f"{where}: version {save.version} was announced to another save too")
        elif save.version != (save.sent_version or 0) + 1:
            lost.append(
                f"{where}: sent on version {save.sent_version}, saved as {save.version}: it overwrote a version "
                "its author never saw"
            )
        if save.version is not None:
            claimed.add(save.version)
    return lost


def check(requests: Iterable[SaveRequest], state: Mapping[str, Any]) -> Verdict:
    rows, history = histories(state)
    saves: dict[Leaf, list[SaveRequest]] = defaultdict(list)
    for request in requests:
        if request.outcome == SAVED:
            saves[(request.assessment, request.code)].append(request)
    verdict = Verdict()
    for leaf in sorted(set(rows) | set(history) | set(saves)):
        versions = history.get(leaf, [])
        verdict.leaves += 1
        verdict.versions += len(versions)
        verdict.saves_checked += len(saves[leaf])
        verdict.broken += _history_problems(leaf, rows.get(leaf), versions)
        verdict.lost += _promise_problems(leaf, saves[leaf], versions)
        announced = {save.version for save in saves[leaf]}
        verdict.unacknowledged += [
            f"{leaf_name(leaf)}: version {version.number} ({version.note!r}) was committed, no save was told so"
            for version in versions
            if version.number not in announced
        ]
    return verdict
