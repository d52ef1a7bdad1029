"""Command line: `python -m retrieval index | ask | eval | bench`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from pathlib import Path

from retrieval.config import RetrievalSettings, SettingError
from retrieval.embedders import Embedder, build_embedder
from retrieval.generations import BuildReport, IndexBusy, build_index
from retrieval.reader import open_or_build
from retrieval.search import RankingConfig, Searcher
from retrieval.wording import plain_text

MAX_QUESTION_CHARS = 2000


class _ProgressBar:
    """A tqdm bar (rate and time left) on stderr, opened on the first report of a build that embeds;
    where stderr is no terminal (a log, a pipe), one line saying why the command is waiting."""

    def __init__(self) -> None:
        self._bar = None

    def __call__(self, done: int, total: int) -> None:
        from tqdm import tqdm

        if self._bar is None:
            interactive = sys.stderr.isatty()
            if not interactive:
                print(f"building the index: embedding {total} new passages and sentences", file=sys.stderr, flush=True)
            self._bar = tqdm(total=total, unit="text", desc="embedding", disable=not interactive)
        self._bar.update(done - self._bar.n)
        if done >= total:
            self._bar.close()


def _open_searcher(settings: RetrievalSettings, embedder: Embedder, config: RankingConfig | None = None) -> Searcher:
    index, report = open_or_build(
        settings.articles_dir,
        settings.index_dir,
        embedder,
        progress=_ProgressBar(),
        hnsw_threshold=settings.hnsw_threshold,
    )
    _report_skipped(report)
    return Searcher(index, embedder, config)


def _report_skipped(report: BuildReport) -> None:
    for name, why in report.skipped.items():
        print(f"warning: skipped {name}: {why}", file=sys.stderr)


def cmd_index(args: argparse.Namespace, settings: RetrievalSettings) -> int:
    embedder = build_embedder(settings.embedding_model, settings.query_prompt, settings.passage_prompt)
    report = build_index(
        args.articles or settings.articles_dir,
        args.index or settings.index_dir,
        embedder,
        rebuild=args.rebuild,
        progress=_ProgressBar(),
        hnsw_threshold=settings.hnsw_threshold,
    )
    _report_skipped(report)
    print(report.summary())
    return 0


def cmd_ask(args: argparse.Namespace, settings: RetrievalSettings) -> int:
    embedder = build_embedder(settings.embedding_model, settings.query_prompt, settings.passage_prompt)
    searcher = _open_searcher(settings, embedder)
    k = args.k or settings.top_k
    if args.question is not None:
        return _ask_one(searcher, args.question, k, args.json)
    for line in sys.stdin:  # one question per line in, one JSON object per line out
        if line.strip():
            print(json.dumps(_safe_answer(searcher, line.strip(), k), ensure_ascii=False), flush=True)
    return 0


def _safe_answer(searcher: Searcher, question: str, k: int) -> dict:
    if len(question) > MAX_QUESTION_CHARS:
        return {"question": question[:80] + "…", "error": f"question longer than {MAX_QUESTION_CHARS} characters"}
    return searcher.ask(question, k).to_json()


def _ask_one(searcher: Searcher, question: str, k: int, as_json: bool) -> int:
    if not question.strip():
        print("error: the question is empty", file=sys.stderr)
        return 2
    if len(question) > MAX_QUESTION_CHARS:
        print(f"error: the question is longer than {MAX_QUESTION_CHARS} characters", file=sys.stderr)
        return 2
    answer = searcher.ask(question, k)
    if as_json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1))
    else:
        print(plain_text(answer, searcher.summary()))
    return 0


def cmd_eval(args: argparse.Namespace, settings: RetrievalSettings) -> int:
    from retrieval.evaluate import evaluate, format_table, load_qa

    items = [item for path in args.qa for item in load_qa(Path(path))]
    if args.split:
        items = [item for item in items if item.split in args.split]
    embedder = build_embedder(settings.embedding_model, settings.query_prompt, settings.passage_prompt)
    base = RankingConfig()
    variants = {"hybrid": base}
    if args.compare:
        variants["dense-only"] = dataclasses.replace(base, use_lexical=False)
        variants["bm25-only"] = dataclasses.replace(base, use_dense=False)
    searcher = _open_searcher(settings, embedder)
    for name, config in variants.items():
        searcher.config = config
        result = evaluate(searcher, items)
        print(format_table(result, f"== {name} ({len(items)} questions, {' '.join(args.qa)})"))
        if args.verbose and result["failures"]:
            print("\n".join("  " + f for f in result["failures"]))
        print()
    return 0


def cmd_bench(args: argparse.Namespace, settings: RetrievalSettings) -> int:
    from retrieval.bench import run_bench

    embedder = build_embedder(settings.embedding_model, settings.query_prompt, settings.passage_prompt)
    run_bench(settings, embedder, sizes=args.sizes, queries=args.queries)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retrieval", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("index", help="build or update the index")
    p.add_argument("--articles", type=Path)
    p.add_argument("--index", type=Path)
    p.add_argument("--rebuild", action="store_true", help="re-embed everything, ignoring the cache")
    p.set_defaults(run=cmd_index)
    p = sub.add_parser("ask", help="answer a question (or one per line on stdin, as JSON lines)")
    p.add_argument("question", nargs="?")
    p.add_argument("--k", type=int, choices=range(1, 11), metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_ask)
    p = sub.add_parser("eval", help="quality on a QA file")
    p.add_argument("qa", nargs="+", help="QA files (JSON lines)")
    p.add_argument(
        "--split", nargs="*", help="only these splits (e.g. tune); a file without splits is named by its stem"
    )
    p.add_argument("--compare", action="store_true", help="also dense-only and BM25-only")
    p.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    p.set_defaults(run=cmd_eval)
    p = sub.add_parser("bench", help="latency, memory and indexing throughput")
    p.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    p.add_argument("--queries", type=int, default=200)
    p.set_defaults(run=cmd_bench)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    import bm25s  # noqa: F401  (it sets its own logger level on import; quiet it after)

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        settings = RetrievalSettings.from_env()
        return args.run(args, settings)
    except (SettingError, FileNotFoundError, IndexBusy, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away ('… | head'): as the Python docs advise, point stdout at devnull so
        # the interpreter's final flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
