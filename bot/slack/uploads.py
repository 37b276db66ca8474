"""Files to Slack in its three steps (what `files_upload_v2` does), with the middle step retried as well.

Steps 1 and 3 (`files.getUploadURLExternal`, `files.completeUploadExternal`) are Web API calls and get the
client's retry handlers. Step 2, the bytes to the upload URL, is a plain POST that slack_sdk sends without them,
so it is retried here the same way: a 429 (a short Retry-After), a 5xx, a timeout or a lost connection. A file
whose upload does not complete is never shared, so the outbox may run all three steps again later.
"""

import time
import urllib.request
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackRequestError

from bot.slack.retries import RATE_LIMIT_WAIT_CAP, read_failure

UPLOAD_ATTEMPTS = 3


@dataclass(frozen=True)
class Upload:
    """One file to share: its name, its title as the reader sees it, and its bytes."""

    filename: str
    title: str
    content: bytes


def upload_files(client: WebClient, *, channel: str, files: list[Upload], thread_ts: str = "") -> None:
    """Share the files in the channel (in the thread when given), as one upload."""
    targets = []
    for file in files:
        response = client.files_getUploadURLExternal(filename=file.filename, length=len(file.content))
        targets.append((str(response["file_id"]), str(response["upload_url"]), file))
    for _, url, file in targets:
        _send_bytes(client, url, file.content)
    client.files_completeUploadExternal(
        files=[{"id": file_id, "title": file.title} for file_id, _, file in targets],
        channel_id=channel,
        thread_ts=thread_ts or None,
    )


def _send_bytes(client: WebClient, url: str, content: bytes) -> None:
    """POST the bytes to the upload URL, trying again a little on a failure worth retrying."""
    for attempt in range(1, UPLOAD_ATTEMPTS + 1):
        try:
            request = urllib.request.Request(url, data=content, method="POST")
            with urllib.request.urlopen(request, timeout=client.timeout, context=client.ssl) as response:
                if response.status == 200:
                    return
                raise SlackRequestError(f"upload answered {response.status}")
        except Exception as error:  # read_failure decides: anything not worth a retry is raised at once
            failure = read_failure(error)
            if not failure.transient or attempt == UPLOAD_ATTEMPTS or failure.wait > RATE_LIMIT_WAIT_CAP:
                raise
            time.sleep(min(failure.wait or 0.2 * attempt, RATE_LIMIT_WAIT_CAP))
    raise AssertionError("unreachable")
