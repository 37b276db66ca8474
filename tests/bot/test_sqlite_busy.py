"""SQLite refuses a write at once when another writer won the file (under WAL a read that turns into a write is
not helped by the busy timeout): the request is handled again rather than told the database is away."""

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from bot.services import Services
from handlers.context import Ctx
from handlers.errors import Unavailable
from tests.support.talk import actor


def _locked() -> OperationalError:
    return OperationalError("UPDATE conversations SET …", {}, sqlite3.OperationalError("database is locked"))


def test_a_locked_file_is_handled_again_and_the_second_try_answers(services: Services) -> None:
    tries: list[int] = []

    def run(ctx: Ctx) -> str:
        tries.append(1)
        if len(tries) == 1:
            raise _locked()
        return "svar"

    assert services.handle(actor(), run) == "svar" and len(tries) == 2


def test_a_file_locked_every_time_is_the_kind_database_message_in_the_end(services: Services) -> None:
    def run(ctx: Ctx) -> str:
        raise _locked()

    with pytest.raises(Unavailable):
        services.handle(actor(), run)


def test_another_operational_error_is_not_tried_again(services: Services) -> None:
    tries: list[int] = []

    def run(ctx: Ctx) -> str:
        tries.append(1)
        raise OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))

    with pytest.raises(Unavailable):
        services.handle(actor(), run)
    assert len(tries) == 1
