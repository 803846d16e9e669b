"""The access rules, written down before the matrix was run: what every role may open, for its own unit and
for another, in every phase. The sources are docs/security.md, docs/design/assessment-cycle.md ("Access"),
PAR_INDEX.md §1 and each view's stated role list. The matrix (matrix.py) turns them into one expected
answer per URL, user, object and phase; where a view disagrees, the view is what gets fixed.

Every request is judged in this order, the first rule that applies deciding:

 1. Anonymous visitors are sent to the sign-in page (302 to /dang-nhap/); only the sign-in page and the
    public portal (/cong-khai/, robots.txt) are public. The portal answers everyone alike, signed in or not:
    a group's published results and its units' pages (200), and 404 for anything not published.
 2. A signed-in user whose role is not in the view's role list gets 403 (a user without a role is refused
    every role-restricted page; pages for "anyone signed in" let them in).
 3. A method the view does not take is 405 (asked after the role: a GET on a write action says nothing
    about the object).
 4. An object the user may not see is 404, never 403: its existence is not theirs to know. So is an object
    that does not exist (the evidence of a period not yet open).
 5. A read (GET) of an object the user may see is 200.
 6. A write (POST): a user who may see the object but not change it gets 403 (the council reading a unit's
    registry may not upload to it); the right person gets an answer that is not an error of the server or
    of access — 200 (a form with its errors), 302 (done, or refused with a message), 400 (a council form
    with its errors), 409 (someone saved first) or 422 (an answer refused) — and never a 5xx.

Who may see what (rule 4):

 - Assessments, their answers, evidence, explanations, reports: Sở Nội vụ (organizer), the administrator and
   the council see every unit; a unit's officer and head their own unit only — another unit's is 404, in
   every phase, published or not (evidence and answers are never published); an appraiser the units they
   are assigned to, never the unit they come from; an appraiser with no assignment nothing.
 - The appraisal screen and its actions: Sở Nội vụ any unit; an appraiser as above.
 - A group's ranked table: Sở Nội vụ, the council and the administrator always; every other role only once
   the group's results are published.
 - A unit's result detail: Sở Nội vụ, the council and the administrator always; the unit's own people once
   its appraisal is done (appraised, reappraised, approved, published); everyone with a role once published.
 - Criteria sets: issued ones every role; a draft only Sở Nội vụ and the administrator.
 - Notifications: each person their own only.

And what must never be in a page (checked on the text of every 200 answer, forbidden_markers()):

 - a unit's evidence (file name, document number) and its answers' notes, to anyone who may not see its
   assessment, in every phase: they are never published;
 - and, before publication, even the unit's name, to anyone who may not see its assessment and does not
   come from it: a unit does not learn who else is being assessed, or how, until the results are out.
"""

from __future__ import annotations

from dataclasses import dataclass

from parindex.accounts.models import Role
from tests.access.world import PHASES, PUBLISHED_PHASES, UNIT_DATA

ORGANIZER, ADMIN, COUNCIL, APPRAISER = Role.ORGANIZER, Role.ADMIN, Role.COUNCIL, Role.APPRAISER
OFFICER, HEAD = Role.UNIT_OFFICER, Role.UNIT_HEAD
UNIT_ROLES = frozenset({OFFICER, HEAD})
EVERY_ROLE = frozenset(Role.values)
SEES_EVERY_UNIT = frozenset({ORGANIZER, ADMIN, COUNCIL})
MANAGERS = frozenset({ORGANIZER, ADMIN})  # periods, assignments, units, users
READERS = frozenset({*UNIT_ROLES, ORGANIZER, ADMIN, COUNCIL})  # a unit's self-assessment and its report
APPRAISERS = frozenset({APPRAISER, ORGANIZER})

# The phase in which each unit's appraisal is done (A reappraised, B appraised) and stays done.
APPRAISAL_DONE_FROM = "e"


@dataclass(frozen=True)
class Who:
    """A user of the matrix: the role, the unit acted for or come from ("a", "b" or None), assignments."""

    key: str
    role: str | None  # None: anonymous; "": signed in without a role
    unit: str | None = None
    assigned: bool = False  # an appraiser with field 1 for every unit

    @property
    def anonymous(self) -> bool:
        return self.role is None

    @property
    def in_unit_role(self) -> bool:
        return self.role in UNIT_ROLES


USERS = (
    Who("anonymous", None),
    Who("no_role_user", ""),
    Who("admin_user", ADMIN),
    Who("organizer", ORGANIZER),
    Who("council", COUNCIL),
    Who("appraiser", APPRAISER, assigned=True),
    Who("appraiser_from_a", APPRAISER, unit="a", assigned=True),
    Who("appraiser_unassigned", APPRAISER),
    Who("officer_a", OFFICER, unit="a"),
    Who("head_a", HEAD, unit="a"),
    Who("officer_b", OFFICER, unit="b"),
    Who("head_b", HEAD, unit="b"),
)
USERS_BY_KEY = {who.key: who for who in USERS}


def sees_assessment(who: Who, unit: str) -> bool:
    """assessments_visible_to, as the design states it."""
    if who.role in SEES_EVERY_UNIT:
        return True
    if who.in_unit_role:
        return who.unit == unit
    if who.role == APPRAISER:
        return who.assigned and who.unit != unit
    return False


def appraises(who: Who, unit: str) -> bool:
    """May open the unit's appraisal screen: Sở Nội vụ any unit, an appraiser the assigned ones but their own."""
    if who.role == ORGANIZER:
        return True
    return who.role == APPRAISER and who.assigned and who.unit != unit


def is_unit_member(who: Who, unit: str) -> bool:
    """The unit's own officer or head: the only people who change its answers and evidence."""
    return who.in_unit_role and who.unit == unit


def published(phase: str) -> bool:
    return phase in PUBLISHED_PHASES


def sees_group_results(who: Who, phase: str) -> bool:
    return who.role in SEES_EVERY_UNIT or (bool(who.role) and published(phase))


def sees_unit_result(who: Who, unit: str, phase: str) -> bool:
    if who.role in SEES_EVERY_UNIT or (bool(who.role) and published(phase)):
        return True
    return is_unit_member(who, unit) and PHASES.index(phase) >= PHASES.index(APPRAISAL_DONE_FROM)


def sees_criteria_set(who: Who, which: str) -> bool:
    return which == "issued" or who.role in MANAGERS


def forbidden_markers(who: Who, phase: str) -> tuple[str, ...]:
    """The texts no page may show this user in this phase (see the docstring above)."""
    forbidden: list[str] = []
    for unit, data in UNIT_DATA.items():
        if sees_assessment(who, unit):
            continue
        forbidden += data.private_markers
        # An appraiser from the unit knows its name: it is theirs, whatever they may appraise.
        if who.unit != unit and not published(phase):
            forbidden.append(data.name)
    return tuple(forbidden)
