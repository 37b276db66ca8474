"""Giving the förbund role in tests the way the operator does it on the server (`lokusbot roles grant`)."""

from bot.services import Services
from handlers import roles
from handlers.context import Actor
from tests.support.talk import TEAM


def grant_forbund(services: Services, user_id: str, team: str = TEAM) -> None:
    """The user gets the förbund role of the workspace, given by the operator."""
    assert services.handle(Actor(team, roles.OPERATOR), lambda ctx: roles.operator_grant(ctx, user_id))
