"""Replies and tables written as Markdown and CSV for the package (the same words as in Slack)."""

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from handlers.archive.records import Words
from handlers.cases.table import CSV_DELIMITER, FORMULA_STARTS
from handlers.cleaning import clean_text
from handlers.replies import Divider, Fields, Header, Note, Paragraph, Reply

BULLET = "• "
BOLD = re.compile(r"(?<![\\\w*])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])")
"""Slack's *bold*, written **bold** in Markdown (as `lokusbot summary` does)."""


def reply_markdown(reply: Reply, words: Words) -> bytes:
    """The reply as Markdown: a heading, paragraphs, a list for fields, quoted notes (buttons are left out)."""
    blocks: list[str] = []

    def words_md(value: Any) -> str:
        return BOLD.sub(r"**\1**", words(value))

    for part in reply.parts:
        match part:
            case Header(text=text):
                blocks.append(f"# {words(text)}")
            case Paragraph(text=text):
                blocks.append(_lines(words_md(text)))
            case Fields(items=items):
                blocks.append("\n".join(_field(words_md(label), words_md(value)) for label, value in items))
            case Note(text=text):
                blocks.append("> " + _lines(words_md(text)).replace("\n", "\n> "))
            case Divider():
                blocks.append("---")
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _lines(text: str) -> str:
    """Line breaks kept as Markdown line breaks (two spaces), paragraphs as they are."""
    return "  \n".join(text.splitlines())


def _field(label: str, value: str) -> str:
    first, *more = value.splitlines() or [""]
    return "\n".join([f"- **{label}:** {first}", *(f"  - {line.removeprefix(BULLET)}" for line in more)])


def csv_bytes(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """Rows as CSV the way Swedish Excel opens it (semicolons, CRLF, a byte order mark), formulas defused."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = clean_text("" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text
