"""`/lokus mina uppgifter`: everything the bot stores that is linked to the person's Slack id, sent privately as a
message and as two files (JSON to read by machine, Markdown to read), found through the registry in
storage/personal_data.py. Only the workspace of the request; only the columns each place shows, so nothing of
other people comes along (who else was at a meeting, who gave a role)."""

import json
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import Any

from handlers.context import Ctx
from handlers.conversation.state import read_state
from handlers.replies import Attachment, Fields, Header, Note, Paragraph, Send, reply, say, to_requester
from handlers.text import t
from storage import people as people_repo
from storage import personal_records as records
from storage.personal_records import Found

Words = Callable[[Any], str]


def my_data(ctx: Ctx, args: str) -> list[Send]:
    """Send the person, privately, what the bot stores about them."""
    found = records.held_rows(ctx.session, user_id=ctx.actor.user_id, team_id=ctx.actor.team_id)
    if not found:
        return [to_requester(say(t("mydata.nothing")))]
    export = _export(ctx, found)
    counts: dict[str, int] = {}
    for part in export["records"]:
        counts[part["kind"]] = counts.get(part["kind"], 0) + len(part["rows"])
    made = ctx.local_now.date().isoformat()
    files = (
        Attachment(f"mina-uppgifter-{made}.json", _json(export), t("mydata.file.json")),
        Attachment(f"mina-uppgifter-{made}.md", lambda words: _markdown(export, words), t("mydata.file.markdown")),
    )
    fields = tuple((t(f"mydata.kind.{kind}"), count) for kind, count in counts.items())
    message = reply(
        Header(t("mydata.title")),
        Paragraph(t("mydata.intro", rows=sum(counts.values()))),
        Fields(fields),
        Note(t("mydata.files")),
        files=files,
    )
    return [to_requester(message)]


def _export(ctx: Ctx, found: list[Found]) -> dict[str, Any]:
    group_ids = {row["group_id"] for part in found for row in part.rows if row.get("group_id") is not None}
    names = people_repo.group_names(ctx.session, group_ids=group_ids)
    parts = []
    for part in found:
        rows = [_plain(_answers_only(row), names, ctx.config.tz) for row in part.rows]
        parts.append({"kind": part.place.kind, "place": part.place.name, "rows": rows})
    return {
        "user_id": ctx.actor.user_id,
        "team_id": ctx.actor.team_id,
        "made_at": ctx.local_now.isoformat(),
        "records": parts,
    }


def _plain(row: dict[str, Any], group_names: dict[int, str], tz: tzinfo) -> dict[str, Any]:
    """The row as JSON values (times in the bot's time zone, Europe/Stockholm), with its group's name."""
    plain = {key: _value(value, tz) for key, value in row.items()}
    if row.get("group_id") in group_names:
        plain["group"] = group_names[row["group_id"]]
    return plain


def _answers_only(row: dict[str, Any]) -> dict[str, Any]:
    """A conversation's row with its state as the answers the person gave so far (no ids the bot keeps there)."""
    if "state" not in row:
        return row
    state = read_state(row.get("flow", ""), row["state"] or {}, row.get("status", ""))
    given = [p.answers for p in (state.active, *state.aside) if p is not None and p.answers]
    return {**{k: v for k, v in row.items() if k != "state"}, "answers": given}


def _value(value: Any, tz: tzinfo) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(tz).isoformat(timespec="seconds")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _json(export: dict[str, Any]) -> bytes:
    return json.dumps(export, ensure_ascii=False, indent=2, sort_keys=True).encode()


def _markdown(export: dict[str, Any], words: Words) -> bytes:
    lines = [f"# {words(t('mydata.title'))}", "", words(t("mydata.file.intro", user=export["user_id"])), ""]
    for part in export["records"]:
        lines += [f"## {words(t('mydata.kind.' + part['kind']))} ({part['place']})", ""]
        for row in part["rows"]:
            shown = "; ".join(f"{key}: {_cell(value)}" for key, value in row.items())
            lines.append(f"- {shown}")
        lines.append("")
    return "\n".join(lines).encode()


def _cell(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)
