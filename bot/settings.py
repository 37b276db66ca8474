"""Configuration from the environment (or a .env file), validated at start with messages that name the variable."""

import re
from datetime import timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from handlers.context import Config, Retention
from handlers.evaluation.survey_loader import SurveyError, configured_survey


class SettingsError(Exception):
    """The configuration cannot be used; the message says which variable to set or fix."""


class Settings(BaseSettings):
    """Everything lokusbot reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_client_id: str = ""  # with the secret and no bot token: Slack's OAuth install, many workspaces
    slack_client_secret: SecretStr | None = None
    slack_redirect_uri: str = ""  # only when the app has several redirect URLs: the one to come back to
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = "sqlite:///lokusbot.db"
    language: Literal["sv", "en"] = "sv"
    timezone: str = "Europe/Stockholm"
    conversation_timeout_hours: float = Field(default=24, gt=0)
    small_number_threshold: int = Field(default=3, ge=1)
    national_work_share: int = Field(default=34, ge=0, le=100)
    national_work_share_year: int = Field(default=2015, ge=1990, le=2100)
    national_work_share_source: str = "Samordningsförbundets inriktning 2018"  # where the benchmark is from
    funding_split: str = "60/30/10"  # the förbund's target split: individ/struktur/kompetens, in per cent
    insats_ceiling_kr: int | None = Field(default=None, gt=0)  # the most one insats may apply for; none by default
    insats_midterm_percent: int = Field(default=50, gt=0, lt=100)  # the delrapport: this far into the period
    insats_final_report_days: int = Field(default=1, ge=0)  # the slutrapport: this many days after the end
    flat_rate_kr: int = Field(default=600_000, gt=0)
    console_admins: str = ""  # console users (comma-separated names) who count as workspace admins there
    # Delivery to Slack (bot/slack/deliverer.py): seconds a Slack call may take before it counts as failed, the
    # threads that deliver the outbox in each process, and the hours after which an undeliverable message is
    # given up (logged with its id).
    slack_timeout: float = Field(default=10, gt=0)
    outbox_workers: int = Field(default=4, ge=1)
    outbox_give_up_hours: float = Field(default=24, gt=0)
    ics_organizer: str = "noreply@lokusbot.invalid"  # who meeting invitations are from when the convenor's is unknown
    evaluation_survey: str = ""  # path of a förbund's own evaluation survey (YAML); empty: the shipped one
    retention_finished_conversation_days: int = Field(default=30, ge=1)  # a saved or cancelled conversation's state
    retention_paused_conversation_days: int = Field(default=90, ge=1)  # an unfinished one, untouched that long
    retention_case_text_years: int = Field(default=3, ge=1)  # a case's free text and follow-up notes
    erasure_grace_days: int = Field(default=30, ge=0)  # a user Slack says was deleted is erased after this
    retention_hour: int = Field(default=3, ge=0, le=23)  # the local hour from which the daily job runs

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value

    @field_validator("funding_split")
    @classmethod
    def _a_split(cls, value: str) -> str:
        parts = value.replace(" ", "").split("/")
        if len(parts) != 3 or not all(p.isdigit() for p in parts) or sum(int(p) for p in parts) != 100:
            raise ValueError(f"not a split of 100 % in three parts: {value!r} (write e.g. 60/30/10)")
        return "/".join(parts)

    @field_validator("ics_organizer")
    @classmethod
    def _an_address(cls, value: str) -> str:
        address = value.strip().removeprefix("mailto:")
        if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", address):
            raise ValueError(f"not an e-mail address: {value!r} (write e.g. lokusbot@samordningsforbundet.se)")
        return address

    @field_validator("evaluation_survey")
    @classmethod
    def _usable_survey(cls, value: str) -> str:
        if value:
            try:
                configured_survey(value)
            except SurveyError as error:
                raise ValueError(f"the evaluation survey {value!r} cannot be used: {error}") from error
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @property
    def has_slack(self) -> bool:
        """Whether any Slack credential is set (otherwise the console is the front door)."""
        return bool(self.slack_bot_token or self.slack_signing_secret or self.slack_app_token or self.oauth)

    @property
    def oauth(self) -> bool:
        """Whether workspaces install the bot through Slack's OAuth flow, each with a token of its own.

        A bot token set beside the client id and secret wins: one token, one workspace, as before.
        """
        return bool(self.slack_client_id and self.slack_client_secret and not self.slack_bot_token)

    @property
    def socket_mode(self) -> bool:
        """Whether to connect over Socket Mode instead of receiving HTTP requests."""
        return self.slack_app_token is not None

    def require_slack(self) -> None:
        """Raise SettingsError naming every Slack variable that `serve` needs but is missing.

        Either a bot token (one workspace), or the app's client id and secret (Slack's OAuth install, HTTP mode).
        """
        if self.oauth and self.socket_mode:
            raise SettingsError(
                "lokusbot serve installs workspaces through Slack's OAuth flow over HTTP: unset SLACK_APP_TOKEN, "
                "or set SLACK_BOT_TOKEN for one workspace over Socket Mode (see README.md, 'Connect to Slack')."
            )
        missing = [] if self.slack_bot_token or self.oauth else self._token_or_client()
        if not self.socket_mode and not self.slack_signing_secret:
            missing.append("SLACK_SIGNING_SECRET")
        if missing:
            raise SettingsError(
                f"lokusbot serve needs {' and '.join(missing)}: set them in the environment or in .env "
                "(see README.md, 'Connect to Slack')."
            )

    def _token_or_client(self) -> list[str]:
        """What is missing for either way of connecting: the client id or secret once one is set, else the token."""
        if self.slack_client_id and not self.slack_client_secret:
            return ["SLACK_CLIENT_SECRET"]
        if self.slack_client_secret and not self.slack_client_id:
            return ["SLACK_CLIENT_ID"]
        return ["SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"]

    def handler_config(self) -> Config:
        """The part of the settings that handlers use."""
        return Config(
            language=self.language,
            timezone=self.timezone,
            conversation_timeout=timedelta(hours=self.conversation_timeout_hours),
            small_number_threshold=self.small_number_threshold,
            national_work_share=self.national_work_share,
            national_work_share_year=self.national_work_share_year,
            national_work_share_source=self.national_work_share_source,
            funding_split=_split(self.funding_split),
            insats_ceiling_kr=self.insats_ceiling_kr,
            insats_midterm_percent=self.insats_midterm_percent,
            insats_final_report_days=self.insats_final_report_days,
            flat_rate_kr=self.flat_rate_kr,
            ics_organizer=self.ics_organizer,
            evaluation_survey=self.evaluation_survey,
            retention=Retention(
                finished_conversation_days=self.retention_finished_conversation_days,
                paused_conversation_days=self.retention_paused_conversation_days,
                case_text_years=self.retention_case_text_years,
                erasure_grace_days=self.erasure_grace_days,
                run_hour=self.retention_hour,
            ),
        )


def _split(value: str) -> tuple[int, int, int]:
    individ, struktur, kompetens = (int(p) for p in value.split("/"))
    return individ, struktur, kompetens


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, or SettingsError explaining which variable is wrong."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in error.errors())
        raise SettingsError(f"invalid configuration – {problems}") from error
