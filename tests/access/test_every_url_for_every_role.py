"""The permission matrix (issue 3): every URL of the project, as every role, for its own unit's objects and
another unit's, in every phase of the cycle, answers what the rules of tests/access/rules.py say, and no
page shows anyone what is not theirs to see.

Each phase's world is built once, through the real services, and every cell is asked in it. The answers are
kept for the whole session (shared between xdist workers through a file, the pattern pytest-xdist documents
for work done once per session), so the checks below read one walk per phase instead of walking again.
"""

from __future__ import annotations

import contextlib
import fcntl
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import transaction

from parindex.core.testing import iter_url_samples
from tests.access.matrix import ROUTES, ROUTES_BY_NAME, PhaseRun, report, run_phase
from tests.access.rules import USERS
from tests.access.world import PHASE_NAMES, PHASES, UNIT_DATA, build_world

_RUNS: dict[str, PhaseRun] = {}
UNPUBLISHED = [phase for phase in PHASES if phase != "g"]


def _phase_id(phase: str) -> str:
    return f"{phase}: {PHASE_NAMES[phase]}"


def _walk(phase: str, cast) -> PhaseRun:
    # In a savepoint rolled back at the end: a test may walk several phases, each from the cast alone.
    with transaction.atomic():
        run = run_phase(build_world(phase, cast))
        transaction.set_rollback(True)
    return run


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture
def phase_run(cast, tmp_path_factory, worker_id) -> Callable[[str], PhaseRun]:
    def get(phase: str) -> PhaseRun:
        if phase in _RUNS:
            return _RUNS[phase]
        if worker_id == "master":  # not under xdist: this process is the whole session
            _RUNS[phase] = _walk(phase, cast)
            return _RUNS[phase]
        # Under xdist the parent of the worker's basetemp belongs to this session and is shared by its workers.
        shared = tmp_path_factory.getbasetemp().parent / "access-matrix"
        shared.mkdir(exist_ok=True)
        stored = shared / f"{phase}.pickle"
        with _locked(shared / f"{phase}.lock"):
            if stored.exists():
                _RUNS[phase] = pickle.loads(stored.read_bytes())
            else:
                _RUNS[phase] = _walk(phase, cast)
                stored.write_bytes(pickle.dumps(_RUNS[phase]))
        return _RUNS[phase]

    return get


def _project_urls():
    # Django's admin guards its own views and is walked by tests/core; everything else is ours to prove.
    return [sample for sample in iter_url_samples() if sample.namespace != "admin"]


def test_every_url_has_an_entry_in_the_matrix():
    unnamed = [str(sample) for sample in _project_urls() if sample.name is None]
    missing = sorted({sample.name for sample in _project_urls() if sample.name} - set(ROUTES_BY_NAME))

    assert not unnamed, f"a URL without a name cannot be placed in the matrix: {unnamed}"
    assert not missing, f"URLs with no entry in tests/access/matrix.py ROUTES: {missing}"


def test_every_entry_of_the_matrix_is_a_url_of_the_project():
    names = {sample.name for sample in _project_urls()}

    assert sorted(set(ROUTES_BY_NAME) - names) == []
    assert len(ROUTES_BY_NAME) == len(ROUTES), "one entry per URL name"


@pytest.mark.parametrize("phase", PHASES, ids=_phase_id)
def test_every_url_answers_every_user_as_the_rules_say(phase_run, phase):
    run = phase_run(phase)

    assert len(run.cells) > len(ROUTES) * len(USERS)
    assert not run.mismatches, f"{len(run.mismatches)} of {len(run.cells)} cells differ:\n{report(run.mismatches)}"


def test_no_response_in_the_whole_matrix_is_a_server_error(phase_run):
    errors = [cell for phase in PHASES for cell in phase_run(phase).server_errors]

    assert not errors, report(errors)


@pytest.mark.parametrize("phase", PHASES, ids=_phase_id)
def test_no_page_shows_anyone_what_is_not_theirs_to_see(phase_run, phase):
    """Before publication a unit never sees another unit's anything, not even its name; a unit's evidence
    and notes are never shown to anyone who may not see its assessment."""
    leaks = [f"{cell}: the page shows {', '.join(cell.leaks)}" for cell in phase_run(phase).leaks]

    assert not leaks, "\n".join(leaks)


def test_the_leak_check_sees_what_a_page_shows(phase_run):
    """The markers are really rendered: each unit's people find their own name, file name and note in their
    pages, so their absence from every other page means something."""
    run = phase_run("c")
    seen = {(cell.user, marker) for cell in run.cells for marker in cell.shown}

    for user, unit in (("officer_a", "a"), ("head_b", "b")):
        data = UNIT_DATA[unit]
        assert {(user, data.name), (user, data.file_name), (user, data.self_note)} <= seen
