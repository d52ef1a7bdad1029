"""Opening the live index generation for queries (it stays valid while newer generations are built)."""

from __future__ import annotations

import logging
from pathlib import Path

from retrieval.embedders import Embedder
from retrieval.generations import BuildReport, IndexUnavailable, build_index, current_generation
from retrieval.store import LoadedIndex, format_version, read_manifest

log = logging.getLogger(__name__)

__all__ = ["LoadedIndex", "open_index", "open_or_build"]


def _live_generation(index_dir: Path, embedder: Embedder) -> Path:
    """The live generation if it exists and was built with this embedder and format (manifest only)."""
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexUnavailable("no index has been built yet")
    manifest = read_manifest(generation)
    if manifest.get("format_version") != format_version():
        raise IndexUnavailable("the index was built by another version of the parser or store")
    if manifest.get("embedder") != embedder.identity:
        raise IndexUnavailable(f"index was built with {manifest.get('embedder')}, not {embedder.identity}")
    return generation


def open_index(index_dir: Path, embedder: Embedder) -> LoadedIndex:
    """The live generation, loaded; IndexUnavailable if it is missing or from another embedder/format."""
    return LoadedIndex(_live_generation(index_dir, embedder))


def open_or_build(
    articles_dir: Path, index_dir: Path, embedder: Embedder, **build_args
) -> tuple[LoadedIndex, BuildReport]:
    """Bring the index up to date with the articles folder, then open it (loaded once). A build that
    another process is running is waited for: two questions asked at once must both be answered."""
    try:
        _live_generation(index_dir, embedder)
    except IndexUnavailable as why:
        log.info("building a new index: %s", why)
    report = build_index(articles_dir, index_dir, embedder, wait=True, **build_args)
    return open_index(index_dir, embedder), report
