"""The autosave load benchmark (bench/autosave_load.py) still runs, and its lost-update check still catches
what it claims to catch.

The first test starts the real server on 127.0.0.1 with a tiny workload on SQLite — 2 units, 4 clients,
20 edits each on 4 shared leaves — and holds it to the benchmark's goal: no errors, no lost updates, and
conflicts that really happened (otherwise the check would have had nothing to check). Timings are not
checked here; bench/RESULTS.md holds those. It is skipped only where this machine forbids listening on
127.0.0.1 at all (a sandbox without a loopback network), which says nothing about the product; a server
that cannot start for any other reason fails the test.

The other tests feed the check made-up histories, one kind of loss each.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest

from bench import autosave_load
from bench.autosave_check import check
from bench.autosave_clients import CONFLICT, SAVED, SaveRequest, classify
from bench.run_all import benchmarks

TINY = ["--units", "2", "--clients", "4", "--saves", "20", "--leaves", "4", "--time-limit", "60", "--sqlite-only"]


def loopback_available() -> bool:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            probe.listen()
    except OSError:
        return False
    return True


def table(output: str) -> dict[str, str]:
    """The SQLite row of the report's table, by column name."""
    lines = output.splitlines()
    header = next(line for line in lines if line.startswith("| database "))
    row = next(line for line in lines if line.startswith("| SQLite "))
    names = [cell.strip() for cell in header.strip("|").split("|")]
    return dict(zip(names, (cell.strip() for cell in row.strip("|").split("|")), strict=True))


@pytest.mark.skipif(not loopback_available(), reason="this machine forbids listening on 127.0.0.1")
def test_concurrent_autosaves_lose_nothing_and_really_conflict(capsys: pytest.CaptureFixture[str]) -> None:
    assert autosave_load.main(TINY) == 0
    output = capsys.readouterr().out
    row = table(output)
    assert (row["errors"], row["other"], row["lost updates"]) == ("0", "0", "0")
    assert int(row["409 conflict"]) > 0
    assert int(row["422 refused"]) > 0
    assert int(row["200 saved"]) > 0
    assert "0 lost, 0 committed without a 200, 0 broken histories; audit chain intact" in output
    assert "Goal 0 errors and 0 lost updates: met." in output
    assert "python -m bench.autosave_load --units 2 --clients 4 --saves 20 --leaves 4" in output


# -- the check, on made-up histories ----------------------------------------------------------------------------


def save(client: int, sent: int | None, version: int, raw: str, note: str) -> SaveRequest:
    return SaveRequest(client, 1, "1.1", sent, raw, note, 200, SAVED, 0.01, version)


def event(number: int, version: int, raw: str, note: str, before: int | None) -> dict[str, Any]:
    previous = None if before is None else {"version": before}
    return {"id": number, "answer": 7, "before": previous, "after": {"version": version, "raw": raw, "note": note}}


def state(*events: dict[str, Any]) -> dict[str, Any]:
    last = events[-1]["after"]
    row = {"id": 7, "assessment": 1, "code": "1.1", **last}
    return {"answers": [row], "events": list(events), "chain_problems": []}


# The same leaf, edited by clients 0 and 1: 0 saves v1, 1 conflicts, keeps its answer, saves v2 on v1.
GOOD_SAVES = [
    save(0, None, 1, "Có", "a1"),
    SaveRequest(1, 1, "1.1", None, "Không", "b1", 409, CONFLICT, 0.01, 1),
    save(1, 1, 2, "Không", "b1"),
]
GOOD_HISTORY = [event(1, 1, "Có", "a1", None), event(2, 2, "Không", "b1", 1)]


def test_the_check_passes_a_faithful_history() -> None:
    verdict = check(GOOD_SAVES, state(*GOOD_HISTORY))
    assert verdict.ok
    assert (verdict.saves_checked, verdict.versions, verdict.leaves) == (2, 2, 1)


def test_it_catches_a_save_answered_200_that_the_history_does_not_hold() -> None:
    history = [GOOD_HISTORY[0], event(2, 2, "Có", "someone else", 1)]
    verdict = check(GOOD_SAVES, state(*history))
    assert len(verdict.lost) == 1
    assert "client 1 ('b1'): told saved as version 2" in verdict.lost[0]


def test_it_catches_two_saves_told_the_same_version() -> None:
    saves = [save(0, None, 1, "Có", "a1"), save(1, None, 1, "Có", "a1")]
    verdict = check(saves, state(GOOD_HISTORY[0]))
    assert verdict.lost == ["assessment 1, leaf 1.1, client 1 ('a1'): version 1 was announced to another save too"]


def test_it_catches_a_save_that_overwrote_a_version_its_author_never_saw() -> None:
    # Client 1 sent on version 1 and was told 3: version 2, client 0's, vanished without a conflict.
    saves = [save(0, None, 1, "Có", "a1"), save(0, 1, 2, "Không", "a2"), save(1, 1, 3, "Có", "b1")]
    history = [*GOOD_HISTORY[:1], event(2, 2, "Không", "a2", 1), event(3, 3, "Có", "b1", 1)]
    verdict = check(saves, state(*history))
    assert len(verdict.lost) == 1
    assert "sent on version 1, saved as 3" in verdict.lost[0]
    assert verdict.broken == [
        "assessment 1, leaf 1.1: audit event 3 records version 3 replacing 1, expected 3 replacing 2"
    ]


def test_it_catches_a_version_committed_without_a_200() -> None:
    verdict = check(GOOD_SAVES[:1], state(*GOOD_HISTORY))
    assert not verdict.lost
    assert verdict.unacknowledged == ["assessment 1, leaf 1.1: version 2 ('b1') was committed, no save was told so"]
    assert not verdict.ok


def test_it_catches_an_answer_row_that_is_not_the_last_saved_version() -> None:
    broken = state(*GOOD_HISTORY)
    broken["answers"][0] |= {"raw": "Có", "note": "a1"}
    verdict = check(GOOD_SAVES, broken)
    assert len(verdict.broken) == 1
    assert "the answer row (version 2) is not the last event's" in verdict.broken[0]


def test_run_all_finds_the_autosave_benchmark_and_only_it() -> None:
    names = dict(benchmarks())
    assert "autosave_load" in names
    assert not {"autosave_data", "autosave_check", "autosave_clients"} & set(names)


@pytest.mark.parametrize(
    ("status", "body", "outcome"),
    [
        (200, {"status": "saved", "version": 3}, ("saved", 3)),
        (409, {"status": "conflict", "current": {"version": 4}}, ("conflict", 4)),
        (422, {"status": "refused"}, ("refused", None)),
        (200, {}, ("error", None)),  # a 200 that is not the save's JSON (an HTML page) is not a save
        (302, {}, ("other", None)),  # the session ended: sent to the login page
        (403, {}, ("other", None)),
        (500, {}, ("error", None)),
        (0, {}, ("error", None)),  # no answer at all
    ],
)
def test_each_answer_is_classified_as_the_report_counts_it(
    status: int, body: dict[str, Any], outcome: tuple[str, int | None]
) -> None:
    assert classify(status, body) == outcome
