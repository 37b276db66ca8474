"""A modal's private_metadata: a typed model the bot seals when it opens the modal and checks when it is submitted.

Slack hands private_metadata back untouched, but whatever comes back in a request is input: the bot only trusts
metadata carrying its own HMAC (a key derived from the signing secret), written for this form and this person.
Anything else — not JSON, another shape, a changed id, another person's form, no seal — reads as None, and the
listener answers with a kind error on the form. Ids inside are still checked for access by the handlers.
"""

import hashlib
import hmac
import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.slack.payloads import Ours, SlackId
from handlers.context import Actor
from handlers.replies import Form

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
FormValue = int | bool | Annotated[str, StringConstraints(max_length=200)] | None
MAX_LENGTH = 3_000  # Slack's limit for private_metadata


class FormMetadata(BaseModel):
    """What the bot wrote into a modal it opened: which form, for whom, and the form's data."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    form: Ours
    team: SlackId
    user: SlackId
    data: Annotated[dict[Key, FormValue], Field(max_length=20)] = {}

    def canonical(self) -> bytes:
        """The bytes the seal is computed over: one JSON text for one model."""
        return json.dumps(self.model_dump(), sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


class SealedMetadata(BaseModel):
    """private_metadata as Slack carries it: the metadata and its seal."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    m: FormMetadata
    s: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class MetadataSeal:
    """Seals the metadata of the modals the bot opens and opens the seals of submitted ones."""

    def __init__(self, key: bytes) -> None:
        self.key = key

    def close(self, form: Form, actor: Actor) -> str:
        """The private_metadata for a form opened for this person (the form's data is the handler's JSON text)."""
        data: dict[str, Any] = json.loads(form.metadata) if form.metadata else {}
        metadata = FormMetadata(form=form.callback, team=actor.team_id, user=actor.user_id, data=data)
        sealed = SealedMetadata(m=metadata, s=self._seal(metadata))
        text = sealed.model_dump_json()
        if len(text) > MAX_LENGTH:
            raise ValueError(f"the metadata of form {form.callback} is longer than Slack keeps")
        return text

    def open(self, raw: str, *, form: str, actor: Actor) -> dict[str, FormValue] | None:
        """The form's data, if the metadata is the bot's own for this form and person; None otherwise."""
        if not raw or len(raw) > MAX_LENGTH:
            return None
        try:
            sealed = SealedMetadata.model_validate_json(raw)
        except ValidationError:
            return None
        metadata = sealed.m
        if not hmac.compare_digest(self._seal(metadata).encode(), sealed.s.encode()):
            return None
        if (metadata.form, metadata.team, metadata.user) != (form, actor.team_id, actor.user_id):
            return None
        return dict(metadata.data)

    def _seal(self, metadata: FormMetadata) -> str:
        return hmac.new(self.key, metadata.canonical(), hashlib.sha256).hexdigest()
