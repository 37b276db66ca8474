"""Lots-ärenden for tests and benchmarks, written straight through the models (registering them is another feature).

group = make_group(session, name="Uppsala", channel="CUPPSALA")
insert_cases(session, group=group, specs=[*times(35, CaseSpec(gender="kvinna")), CaseSpec(gender="man")])
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from storage import groups as groups_repo
from storage.case_models import Case, CaseFailure, CaseTargetGroup
from storage.models import Group

CHUNK = 5_000
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CaseSpec:
    """One case's answers; the defaults are an open case raised by AF in March 2026."""

    gender: str = "kvinna"
    party: str = "af"
    age_band: str = "30-39"
    raised_on: date = date(2026, 3, 2)
    referred_tr: bool = False
    status: str = "open"
    outcome: str | None = None
    closed_on: date | None = None
    unit: str = ""
    target_groups: tuple[str, ...] = ()
    failures: tuple[str, ...] = ()

    def closed(self, outcome: str | None, on: date) -> "CaseSpec":
        """The same case, closed on the day with the outcome."""
        return replace(self, status="closed", outcome=outcome, closed_on=on)


def times(count: int, spec: CaseSpec) -> list[CaseSpec]:
    """The same case count times."""
    return [spec] * count


def vary(specs: Sequence[CaseSpec], field: str, values: Sequence[Any]) -> list[CaseSpec]:
    """The specs with one field set from a list of the same length (e.g. the gender of each case)."""
    if len(values) != len(specs):
        raise ValueError(f"{len(values)} values for {len(specs)} cases")
    return [replace(spec, **{field: value}) for spec, value in zip(specs, values, strict=True)]


def spread(counts: dict[Any, int]) -> list[Any]:
    """The values repeated by their counts, in order: {"af": 2, "fk": 1} → ["af", "af", "fk"]."""
    return [value for value, count in counts.items() for _ in range(count)]


def make_group(
    session: Session, *, name: str, channel: str | None, team: str = "T0LOKUS", settings: dict[str, Any] | None = None
) -> Group:
    """A group in the workspace, linked to the channel."""
    workspace = groups_repo.get_or_create_workspace(session, team_id=team)
    group = groups_repo.create_group(session, workspace=workspace, name=name, channel_id=channel)
    group.settings = dict(settings or {})
    session.flush()
    return group


def insert_cases(session: Session, *, group: Group | int, specs: Iterable[CaseSpec]) -> int:
    """Insert the cases in bulk (numbered after the group's last); returns how many."""
    group_id = group if isinstance(group, int) else group.id
    number = session.scalar(select(func.coalesce(func.max(Case.number), 0)).where(Case.group_id == group_id)) or 0
    batch: list[CaseSpec] = []
    inserted = 0
    for spec in specs:
        batch.append(spec)
        if len(batch) == CHUNK:
            inserted += _insert_batch(session, group_id, number + inserted, batch)
            batch = []
    if batch:
        inserted += _insert_batch(session, group_id, number + inserted, batch)
    session.flush()
    return inserted


def _insert_batch(session: Session, group_id: int, after: int, specs: list[CaseSpec]) -> int:
    rows = [
        {
            "group_id": group_id,
            "number": after + index,
            "raised_on": s.raised_on,
            "party": s.party,
            "unit": s.unit,
            "gender": s.gender,
            "age_band": s.age_band,
            "failure_text": "",
            "referred_tr": s.referred_tr,
            "status": s.status,
            "outcome": s.outcome,
            "closed_on": s.closed_on,
            "note": "",
            "created_by": "UFACTORY",
            "created_at": CREATED,
            "updated_at": CREATED,
        }
        for index, s in enumerate(specs, start=1)
    ]
    ids = session.scalars(insert(Case).returning(Case.id, sort_by_parameter_order=True), rows).all()
    targets = [
        {"case_id": i, "group_id": group_id, "raised_on": s.raised_on, "code": code}
        for i, s in zip(ids, specs, strict=True)
        for code in set(s.target_groups)
    ]
    failures = [
        {"case_id": i, "group_id": group_id, "raised_on": s.raised_on, "code": code}
        for i, s in zip(ids, specs, strict=True)
        for code in set(s.failures)
    ]
    if targets:
        session.execute(insert(CaseTargetGroup), targets)
    if failures:
        session.execute(insert(CaseFailure), failures)
    return len(specs)


def uppsala_example() -> list[CaseSpec]:
    """The Uppsala plan's figures as 68 cases raised in 2026: 59 with gender documented (35 women, 24 men),
    24 referred to TR (16 women, 8 men); parties 20/12/14/22; 30 closed, 10 of them to work or studies."""
    genders = {
        "af": {"kvinna": 10, "man": 7, "ej_dokumenterat": 3},
        "fk": {"kvinna": 7, "man": 5},
        "region": {"kvinna": 8, "man": 4, "ej_dokumenterat": 2},
        "kommun": {"kvinna": 10, "man": 8, "ej_dokumenterat": 4},
    }
    specs = [
        CaseSpec(party=party, gender=gender, raised_on=date(2026, 1 + n % 10, 1 + n % 28))
        for n, (party, gender) in enumerate((p, g) for p, split in genders.items() for g in spread(split))
    ]
    referred = {"kvinna": 16, "man": 8}
    for index, spec in enumerate(specs):
        if referred.get(spec.gender, 0) > 0:
            referred[spec.gender] -= 1
            specs[index] = replace(spec, referred_tr=True)
    specs = vary(
        specs,
        "age_band",
        spread({"30-39": 15, "16-19": 6, "40-49": 12, "20-24": 10, "50-64": 8, "25-29": 9, "okant": 8}),
    )
    targets = spread(
        {
            ("psykisk_ohalsa",): 18,
            ("psykisk_ohalsa", "nyanlanda"): 12,
            ("unga_utan_gymnasium",): 10,
            ("forsorjningsstod",): 9,
            ("aktivitetsersattning",): 2,
            (): 17,
        }
    )
    specs = vary(specs, "target_groups", targets)
    failures = spread(
        {
            ("ansvarsfordelning",): 13,
            ("ansvarsfordelning", "information"): 15,
            ("information", "vantetider"): 5,
            ("vantetider",): 10,
            ("saknad_insats",): 5,
            (): 20,
        }
    )
    specs = vary(specs, "failures", failures)
    outcomes = spread({"arbete": 6, "studier": 4, "ordinarie": 10, "ersattning": 5, "annat": 3, "okant": 2})
    return [
        spec.closed(outcomes[i], spec.raised_on + timedelta(days=20)) if i < len(outcomes) else spec
        for i, spec in enumerate(specs)
    ]


def year_before(count: int) -> list[CaseSpec]:
    """Cases raised in 2025, for comparing with the period before."""
    return [CaseSpec(raised_on=date(2025, 3 + n % 9, 1 + n % 28)) for n in range(count)]
