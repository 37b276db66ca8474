"""Is a request from Slack? Slack's v0 signature over the raw body, its timestamp a plain integer within 5 minutes.

Checked on bytes and ASCII patterns only, before anything parses the body: a header that is not exactly what Slack
sends (full-width digits, "1e9", two values joined by a comma, another scheme than v0) is simply not a signature.
"""

import hashlib
import hmac
import re

WINDOW_SECONDS = 5 * 60
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


def well_formed(timestamp: str | None, signature: str | None, now: float) -> bool:
    """Whether the two headers look like Slack's and the timestamp is within the window of now."""
    if timestamp is None or signature is None:
        return False
    if TIMESTAMP.fullmatch(timestamp) is None or SIGNATURE.fullmatch(signature) is None:
        return False
    return abs(now - int(timestamp)) <= WINDOW_SECONDS


def signed_by(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """Whether the signature is the v0 HMAC-SHA256 of "v0:{timestamp}:{body}" under the secret (constant time)."""
    return hmac.compare_digest(sign(secret, timestamp, body).encode("ascii"), signature.encode("ascii"))


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature of a body: "v0=" and the hex HMAC-SHA256 of "v0:{timestamp}:{body}" under the secret."""
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


def derived_key(secret: str, purpose: str) -> bytes:
    """A key for one purpose of the bot's own (e.g. sealing modal metadata), derived from the signing secret."""
    return hmac.new(secret.encode("utf-8"), b"lokusbot:" + purpose.encode("ascii"), hashlib.sha256).digest()
