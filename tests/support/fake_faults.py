"""Fault injection for the fake Slack beyond `rate_limit_next` and `fail_next`: Slack having a bad day.

`FakeSlack.chaos(0.3, "429")` answers 30 % of calls with HTTP 429 and Retry-After, `"500"` with a server error,
`"hang"` holds the request (the client times out) and then answers 503; `calm()` ends it. `hang_next(method)`
and `server_error_next(method)` do it to the next calls of one method. A faulted call is recorded with its
`fault` and has no effect: nothing is posted, updated or uploaded. The draw is seeded, so a run repeats.
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from dataclasses import dataclass

KINDS = ("429", "500", "hang")
SPARED = frozenset({"auth.test"})  # Bolt's start-up check is not what these tests are about


@dataclass(frozen=True)
class Fault:
    """What to do to one call: its kind, Retry-After (429) and how long to hang."""

    kind: str
    retry_after: int = 1
    hang: float = 2.0


class Faults:
    """Which calls fail, and how: queued for one method, or drawn at a rate for all (or some) methods."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queued: dict[str, deque[Fault]] = {}
        self._rate = 0.0
        self._fault = Fault("429")
        self._methods: frozenset[str] | None = None
        self._random = random.Random(0)

    def chaos(self, rate: float, fault: Fault, methods: frozenset[str] | None, seed: int) -> None:
        """From now on, fail `rate` of the calls (to `methods`, or to all but SPARED) this way."""
        if fault.kind not in KINDS or not 0 <= rate <= 1:
            raise ValueError(f"a fault is one of {KINDS} at a rate between 0 and 1")
        with self._lock:
            self._rate, self._fault, self._methods, self._random = rate, fault, methods, random.Random(seed)

    def calm(self) -> None:
        """No more drawn faults (queued ones stay)."""
        with self._lock:
            self._rate = 0.0

    def queue(self, method: str, fault: Fault, count: int) -> None:
        """Fail the next `count` calls to `method` this way."""
        with self._lock:
            self._queued.setdefault(method, deque()).extend([fault] * count)

    def clear(self) -> None:
        """Forget every fault."""
        with self._lock:
            self._queued.clear()
            self._rate = 0.0

    def draw(self, method: str) -> Fault | None:
        """The fault for this call, if any; a hang sleeps here (outside the fake's lock) before answering."""
        with self._lock:
            queued = self._queued.get(method)
            fault = queued.popleft() if queued else None
            chosen = self._methods is None or method in self._methods
            if fault is None and self._rate and method not in SPARED and chosen and self._random.random() < self._rate:
                fault = self._fault
        if fault is not None and fault.kind == "hang":
            time.sleep(fault.hang)
        return fault
