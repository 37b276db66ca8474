"""The logs carry no personal data beyond Slack ids: no message text, no answers.

Our own log lines name ids, counts and kinds only. Slack's libraries are the ones that quote text: at DEBUG
slack_sdk logs every Web API request and response body (the bot's replies, which repeat what was typed) and Bolt
logs payloads it skips; at WARNING Bolt quotes a whole request body when a middleware neither answers nor calls
next(). `keep_text_out_of_logs` raises their loggers to INFO and withholds any of their records that quotes a
body, whatever the level the operator sets for the rest (tests/bot/test_logs_hold_no_text.py).
"""

import logging

LIBRARIES = ("slack_sdk", "slack_bolt")
QUOTES_A_BODY = ("body", "payload", "Skipped self event", "'text':", '"text":')
WITHHELD = "(a log line of Slack's library withheld: it quotes a request or response, which may hold typed text)"


class WithoutBodies(logging.Filter):
    """Lets a library's record through only when it quotes no request or response body."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO:
            return False
        message = record.getMessage()
        if any(mark in message for mark in QUOTES_A_BODY):
            record.msg, record.args = WITHHELD, ()
        return True


def keep_text_out_of_logs(*more: logging.Logger) -> None:
    """Quiet Slack's libraries (and the loggers given, e.g. the one Bolt's app is built with) for good."""
    quiet = WithoutBodies()
    for logger in (*(logging.getLogger(name) for name in LIBRARIES), *more):
        if logger.level < logging.INFO:  # NOTSET or DEBUG: what the operator sets for the root does not open it
            logger.setLevel(logging.INFO)
        if not any(isinstance(f, WithoutBodies) for f in logger.filters):
            logger.addFilter(quiet)
