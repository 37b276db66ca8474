"""English: the whole catalogue, gathered from one module per feature."""

from bot.messages.en import (
    archive,
    cases,
    cli,
    conversations,
    evaluation,
    home,
    insatser,
    install,
    meetings,
    people,
    plans,
    platform,
    roles,
    summaries,
)

MESSAGES: dict[str, str] = {}
for _module in (
    platform,
    roles,
    conversations,
    cases,
    meetings,
    summaries,
    plans,
    cli,
    install,
    archive,
    evaluation,
    insatser,
    home,
    people,
):
    MESSAGES.update(_module.MESSAGES)
