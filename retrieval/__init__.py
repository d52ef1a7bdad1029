"""Question answering over security-cooperation news: the public API the bot and the CLI use.

settings = RetrievalSettings.from_env()
embedder = build_embedder(settings.embedding_model)          # load once, pass in
index, report = open_or_build(settings.articles_dir, settings.index_dir, embedder)
answer = Searcher(index, embedder).ask("Việt Nam ký gì với Belarus năm 2023?")
"""

from retrieval.config import RetrievalSettings
from retrieval.embedders import Embedder, build_embedder
from retrieval.generations import BuildReport, IndexBusy, IndexUnavailable, build_index
from retrieval.reader import open_index, open_or_build
from retrieval.search import Answer, CorpusSummary, Passage, Searcher

__all__ = [
    "Answer",
    "BuildReport",
    "CorpusSummary",
    "Embedder",
    "IndexBusy",
    "IndexUnavailable",
    "Passage",
    "RetrievalSettings",
    "Searcher",
    "build_embedder",
    "build_index",
    "open_index",
    "open_or_build",
]
