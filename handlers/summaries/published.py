"""A summary posted in a channel is kept as it was shown: its parts as catalogue texts in JSON, read back for
the archive (`handlers/archive/`). The chart is not kept; its numbers are the text's.

The words are the catalogue's when the record is read: a wording changed later changes how an old summary
reads, never its numbers, which are stored as they were published (small numbers already hidden).
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from handlers.context import Ctx
from handlers.formatting import Amount, Identifier, Percent
from handlers.replies import Divider, Fields, Header, Note, Paragraph, Part, Reply
from handlers.summaries.group_settings import threshold_of
from handlers.summaries.periods import Period
from handlers.text import Join, Listing, Mention, Plain, Text
from storage import summaries as repo
from storage.models import Group

KEPT_PARTS = (Header, Paragraph, Fields, Note, Divider)


def keep_published(ctx: Ctx, group: Group, period: Period, summary: Reply, *, trigger: str, channel_id: str) -> Reply:
    """Store the summary being posted in the group's channel, and hand it on unchanged."""
    repo.record_published(
        ctx.session,
        group=group,
        channel_id=channel_id,
        period=(period.start, period.end),
        threshold=threshold_of(ctx, group),
        trigger=trigger,
        requested_by=ctx.actor.user_id if trigger == "command" else "",
        content={"parts": [encode_part(p) for p in summary.parts if isinstance(p, KEPT_PARTS)]},
        now=ctx.now,
    )
    return summary


def stored_reply(content: Mapping[str, Any]) -> Reply:
    """The kept parts as a reply again, to be rendered in the catalogue's words."""
    return Reply(tuple(decode_part(p) for p in content.get("parts", [])))


def encode_part(part: Part) -> dict[str, Any]:
    """One part as JSON."""
    match part:
        case Header(text=text):
            return {"header": encode(text)}
        case Paragraph(text=text):
            return {"paragraph": encode(text)}
        case Fields(items=items):
            return {"fields": [[encode(label), encode(value)] for label, value in items]}
        case Note(text=text):
            return {"note": encode(text)}
        case Divider():
            return {"divider": True}
    raise TypeError(f"a {type(part).__name__} is not kept")


def decode_part(data: Mapping[str, Any]) -> Part:
    """One part read back from JSON."""
    if "header" in data:
        return Header(decode(data["header"]))
    if "paragraph" in data:
        return Paragraph(decode(data["paragraph"]))
    if "fields" in data:
        return Fields(tuple((decode(label), decode(value)) for label, value in data["fields"]))
    if "note" in data:
        return Note(decode(data["note"]))
    return Divider()


def encode(value: Any) -> Any:
    """A text tree (catalogue texts, mentions, lists, dates, typed numbers) as JSON."""
    match value:
        case None | bool() | int() | float() | str():
            return value
        case Decimal():
            return {"decimal": str(value)}
        case Text(key=key, params=params):
            return {"text": key, "params": {name: encode(v) for name, v in params.items()}}
        case Mention(user_id=user_id):
            return {"mention": user_id}
        case Plain(value=plain):
            return {"plain": plain}
        case Join(items=items, sep=sep):
            return {"join": [encode(i) for i in items], "sep": sep}
        case Listing(items=items, word=word):
            return {"listing": [encode(i) for i in items], "word": word}
        case Amount(kronor=kronor):
            return {"amount": encode(kronor)}
        case Percent(value=number):
            return {"percent": encode(number)}
        case Identifier(value=number):
            return {"identifier": number}
        case datetime():
            return {"datetime": value.isoformat()}
        case date():
            return {"date": value.isoformat()}
    raise TypeError(f"a {type(value).__name__} cannot be kept in a published summary")


def decode(data: Any) -> Any:
    """A text tree read back from JSON."""
    if not isinstance(data, dict):
        return data
    if "text" in data:
        return Text(data["text"], {name: decode(v) for name, v in data["params"].items()})
    simple: dict[str, Callable[[Any], Any]] = {
        "decimal": Decimal,
        "mention": Mention,
        "plain": Plain,
        "identifier": Identifier,
        "datetime": datetime.fromisoformat,
        "date": date.fromisoformat,
    }
    for name, make in simple.items():
        if name in data:
            return make(data[name])
    if "join" in data:
        return Join(tuple(decode(i) for i in data["join"]), data["sep"])
    if "listing" in data:
        return Listing(tuple(decode(i) for i in data["listing"]), data["word"])
    if "amount" in data:
        return Amount(decode(data["amount"]))
    return Percent(decode(data["percent"]))
