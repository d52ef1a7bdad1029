"""Per-user rate limiting and answer-time statistics (both in memory, reset at restart)."""

from __future__ import annotations

import time
from collections import defaultdict, deque

import numpy as np


class RateLimiter:
    """At most `per_minute` questions per user in any sliding 60-second window."""

    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self._per_minute = per_minute
        self._clock = clock
        self._seen: dict[int, deque[float]] = defaultdict(deque)

    def check(self, user_id: int) -> int:
        """0 when allowed (and counted), else the seconds to wait."""
        now = self._clock()
        window = self._seen[user_id]
        while window and now - window[0] >= 60:
            window.popleft()
        if len(window) >= self._per_minute:
            return max(1, int(60 - (now - window[0])) + 1)
        window.append(now)
        return 0


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
