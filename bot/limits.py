"""Per-user flood control and answer-time statistics (both in memory, reset at restart)."""

from __future__ import annotations

import enum
import time
from collections import defaultdict, deque
from collections.abc import Callable

import numpy as np


class Verdict(enum.Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit: say so once ...
    SILENT = "silent"  # ... then ignore the user until the window has room again


class FloodGate:
    """At most `limit` questions per user in any sliding `window` seconds; one notice per flood."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._seen: dict[int, deque[float]] = defaultdict(deque)
        self._noticed_until: dict[int, float] = {}

    def check(self, user_id: int) -> tuple[Verdict, int]:
        """The verdict, and the seconds until the user may ask again (0 when allowed)."""
        now = self._clock()
        seen = self._seen[user_id]
        while seen and now - seen[0] >= self.window:
            seen.popleft()
        if len(seen) < self.limit:
            seen.append(now)
            self._noticed_until.pop(user_id, None)
            return Verdict.ALLOW, 0
        free_at = seen[0] + self.window
        wait = max(1, int(free_at - now + 0.999))
        if now < self._noticed_until.get(user_id, 0.0):
            return Verdict.SILENT, wait
        self._noticed_until[user_id] = free_at
        return Verdict.NOTIFY, wait


class AnswerStats:
    """Answer latencies since start, for /stats."""

    def __init__(self, keep: int = 10_000) -> None:
        self._seconds: deque[float] = deque(maxlen=keep)
        self.answered = 0

    def record(self, seconds: float) -> None:
        self.answered += 1
        self._seconds.append(seconds)

    def percentiles_ms(self) -> tuple[str, str]:
        if not self._seconds:
            return "-", "-"
        p50, p95 = np.percentile(np.array(self._seconds) * 1000, [50, 95])
        return f"{p50:.0f}", f"{p95:.0f}"
