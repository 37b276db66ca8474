"""`/lokus insatser alla [år]` (förbund, privately): every group's insatser of a year against the förbund's steering:
granted kronor by kind beside the target split, prioritised target groups reached, goals met, share to work."""

from collections import Counter
from datetime import date

from handlers import access
from handlers.benchmark import work_share_source
from handlers.cases.vocabulary import WORK_OR_STUDIES
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.formatting import Amount, Percent
from handlers.insats.card import title
from handlers.insats.lookup import status_text
from handlers.insats.names import ACHIEVED, KINDS, PRIORITISED, report_key
from handlers.replies import Fields, Header, Paragraph, Part, Send, reply, to_requester
from handlers.text import Join, t
from storage import insatser as repo
from storage.case_stats import case_stats
from storage.insats_models import FINAL, GRANTED, MIDTERM, Insats

SHOWN = 40  # four blocks of ten fields


def overview_command(ctx: Ctx, args: str) -> list[Send]:
    """The förbund's report of a year (this year without one)."""
    if not access.is_forbund(ctx):
        raise NotAllowed("insats.forbund_only")
    word = args.strip()
    if word and not (word.isdigit() and len(word) == 4):
        raise DomainError("insats.overview_usage")
    year = int(word) if word else ctx.local_now.year
    groups = {g.id: g.name for g in access.visible_groups(ctx)}
    start, end = date(year, 1, 1), date(year, 12, 31)
    insatser = list(repo.insatser_of_groups(ctx.session, group_ids=list(groups), start=start, end=end))
    granted = [i for i in insatser if i.status == GRANTED]
    count = t(
        "insats.overview.count", count=len(insatser), granted=len(granted), groups=len({i.group_id for i in insatser})
    )
    parts: list[Part] = [Header(t("insats.overview.title", year=str(year))), Paragraph(count)]
    parts += _each(ctx, insatser, groups)
    parts += _split(ctx, granted)
    reached = sum(1 for i in granted if set(i.answers.get("malgrupper") or ()) & set(PRIORITISED))
    parts.append(Paragraph(t("insats.overview.prioritised", count=reached, total=len(granted))))
    parts += _goals(granted)
    parts.append(_work_share(ctx, [i.group_id for i in granted], start, min(end, ctx.local_now.date())))
    return [to_requester(reply(*parts))]


def _each(ctx: Ctx, insatser: list[Insats], groups: dict[int, str]) -> list[Part]:
    """One line per insats, by group: what it is, its kind and status, the amount."""
    if not insatser:
        return []
    today = ctx.local_now.date()
    items = []
    for insats in insatser[:SHOWN]:
        amount = Amount(insats.granted_kr if insats.granted_kr is not None else insats.applied_kr)
        line = t(
            "insats.overview.line",
            title=title(insats),
            kind=t(f"insats.kind.{insats.kind}"),
            status=status_text(insats, today),
            amount=amount,
        )
        items.append((groups.get(insats.group_id, ""), line))
    return [Fields(tuple(items))]


def _split(ctx: Ctx, granted: list[Insats]) -> list[Part]:
    by_kind = Counter({kind: 0 for kind in KINDS})
    for insats in granted:
        by_kind[insats.kind] += insats.granted_kr or 0
    total = sum(by_kind.values())
    items = []
    for kind, target in zip(KINDS, ctx.config.funding_split, strict=True):
        share = Percent(round(100 * by_kind[kind] / total)) if total else t("insats.overview.no_share")
        value = t("insats.overview.kind_value", amount=Amount(by_kind[kind]), share=share, target=Percent(target))
        items.append((t(f"insats.kind.{kind}"), value))
    return [Paragraph(t("insats.overview.split", total=Amount(total))), Fields(tuple(items))]


def _goals(granted: list[Insats]) -> list[Part]:
    """Goals by how the latest answered report says they went."""
    counted: Counter[str] = Counter()
    unreported = 0
    for insats in granted:
        answered = [r for r in insats.reports if r.answers is not None]
        latest = next((r for r in answered if r.kind == FINAL), next((r for r in answered if r.kind == MIDTERM), None))
        for n in range(1, len(insats.goals) + 1):
            status = (latest.answers or {}).get(report_key(n, "status")) if latest is not None else None
            if status in ACHIEVED:
                counted[status] += 1
            else:
                unreported += 1
    items = tuple((t(f"insats.achieved.{code}"), counted[code]) for code in ACHIEVED)
    return [Paragraph(t("insats.overview.goals", unreported=unreported)), Fields((*items,))]


def _work_share(ctx: Ctx, group_ids: list[int], start: date, end: date) -> Paragraph:
    """The share of the groups' closed lots-ärenden that went to work or studies, beside the benchmark."""
    benchmark = work_share_source(ctx.config)
    stats = (
        case_stats(ctx.session, group_ids=sorted(set(group_ids)), start=start, end=end)
        if group_ids and start <= end
        else None
    )
    closed = stats.closed if stats is not None else 0
    if stats is None or closed < ctx.config.small_number_threshold:
        return Paragraph(
            Join((t("insats.overview.work_few", threshold=ctx.config.small_number_threshold), benchmark), sep=" ")
        )
    work = sum(stats.closed_by_outcome[o] for o in WORK_OR_STUDIES)
    share = t("insats.overview.work", percent=Percent(round(100 * work / closed)), count=work, closed=closed)
    return Paragraph(Join((share, benchmark), sep=" "))
