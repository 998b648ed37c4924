"""The `briefs` command line: argument parsing only; the work is in pipeline and publish."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from builder.diagnostics import (
    Diagnostic,
    Severity,
    count,
    format_github,
    format_json,
    format_text,
    has_errors,
    with_suggestion,
)
from builder.memo import cache_dir

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def _root_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--root", type=Path, default=default, metavar="DIR",
        help="project folder holding mkdocs.yml, seeds/ and briefs/ (default: current folder)",
    )  # fmt: skip
    parser.add_argument(
        "--no-cache", dest="cache", action="store_false",
        default=True if default is not argparse.SUPPRESS else argparse.SUPPRESS,
        help="neither read nor write the reuse cache (results of earlier runs, reused per file)",
    )  # fmt: skip


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefs", description="Research-brief generator.")
    _root_option(parser, Path("."))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    _root_option(common, argparse.SUPPRESS)

    check = commands.add_parser("check", parents=[common], help="check all content, build nothing")
    check.add_argument("--format", choices=["text", "json", "github"], default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    build = commands.add_parser("build", parents=[common], help="check, then build site/")
    build.add_argument("--no-strict", dest="strict", action="store_false",
                       help="do not fail on MkDocs warnings")  # fmt: skip
    serve = commands.add_parser("serve", parents=[common], help="preview with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    serve.add_argument(
        "--full", action="store_true",
        help="re-render every page on each change (default: only the pages the change alters)",
    )  # fmt: skip
    serve.add_argument(
        "--poll", action="store_true",
        help="look for edits only by listing the files, every 0.1-0.5 s (for network shares "
        "and container mounts whose changes the system does not report)",
    )  # fmt: skip
    export = commands.add_parser("export", parents=[common], help="write the model as data")
    export.add_argument(
        "--format", choices=["json", "csv", "stix"], default="json",
        help="json: one file (briefs/1); csv: a folder, a file per record kind; stix: STIX 2.1",
    )  # fmt: skip
    export.add_argument(
        "--out", type=Path, required=True, metavar="PATH", help="file, or folder for csv"
    )
    new = commands.add_parser("new", parents=[common], help="start a new record (never overwrites)")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    article = kinds.add_parser("article", parents=[common], help="an article: text and sidecar")
    article.add_argument("id", metavar="ID", nargs="?", help="default: from each file's name")
    article.add_argument(
        "--from", dest="sources", type=Path, nargs="+", metavar="FILE", required=True,
        help="a saved web page (its article text and metadata are taken) or a text file "
        "(copied verbatim); several files or a folder import one article each",
    )  # fmt: skip
    article.add_argument("--url")
    article.add_argument("--outlet", metavar="ID")
    article.add_argument("--published", metavar="YYYY-MM-DD")
    article.add_argument("--title")
    actor = kinds.add_parser("actor", parents=[common], help="an actor profile")
    actor.add_argument("name", metavar="NAME")
    actor.add_argument("--id", dest="record_id", metavar="ID")
    actor.add_argument("--type", dest="actor_type")
    topic = kinds.add_parser("topic", parents=[common], help="a topic brief")
    topic.add_argument("title", metavar="TITLE")
    topic.add_argument("--id", dest="record_id", metavar="ID")
    suggest = commands.add_parser("suggest", parents=[common], help="names to add as actors")
    suggest.add_argument(
        "articles", nargs="*", metavar="ARTICLE", help="article ids (default: all)"
    )
    suggest.add_argument("--add", metavar="NAME", help="write NAME into an actor file")
    target = suggest.add_mutually_exclusive_group()
    target.add_argument("--to", metavar="ACTOR", help="as an alias of this actor")
    target.add_argument("--new", action="store_true", help="as the name of a new actor")
    quote = commands.add_parser(
        "quote", parents=[common], help="passages of an article that read like some words"
    )
    quote.add_argument("article", metavar="ARTICLE")
    quote.add_argument("words", nargs="+", metavar="WORDS")
    changes = commands.add_parser(
        "diff", parents=[common], help="content changes between revisions"
    )
    changes.add_argument("base", metavar="BASE")
    changes.add_argument("head", metavar="HEAD", nargs="?")
    render = commands.add_parser("render", parents=[common], help="write the Markdown tree")
    render.add_argument("--out", type=Path, required=True, metavar="DIR")
    return parser


FORMATS = {"text": format_text, "json": format_json, "github": format_github}


def _report(diagnostics: list[Diagnostic], fmt: str = "text") -> None:
    sys.stdout.write(FORMATS[fmt](diagnostics))


def _exit_code(diagnostics: list[Diagnostic], strict: bool) -> int:
    if has_errors(diagnostics) or (strict and count(diagnostics, Severity.WARNING)):
        return EXIT_CONTENT
    return EXIT_OK


def run_check(root: Path, fmt: str, strict: bool, cache: Path | None) -> int:
    from builder.pipeline import check

    result = check(root, cache)
    _report(result.diagnostics, fmt)
    return _exit_code(result.diagnostics, strict)


def run_build(root: Path, strict: bool, cache: Path | None) -> int:
    from builder.pipeline import build_pages
    from builder.publish import publish

    result = build_pages(root, cache)
    _report(result.diagnostics)
    if result.analysis is None:
        print("no site written; the previous site/ is unchanged", file=sys.stderr)
        return EXIT_CONTENT
    published = publish(root, result, strict=strict)
    print(published.message, file=sys.stderr)
    return EXIT_OK if published.ok else EXIT_CONTENT


def run_serve(root: Path, dev_addr: str, full: bool, poll: bool) -> int:
    from mkdocs.commands import serve as serving
    from mkdocs.livereload import LiveReloadServer

    from builder.preview import preview_server

    logging.getLogger("mkdocs").setLevel(logging.INFO)
    # MkDocs' server, told of edits by the system where it can be (see preview.EditWatcher).
    serving.LiveReloadServer = preview_server(root, poll)  # type: ignore[attr-defined,assignment]
    try:
        serving.serve(
            config_file=str(root / "mkdocs.yml"),
            livereload=True,
            build_type=None if full else "dirty",
            dev_addr=dev_addr,
        )
    finally:
        serving.LiveReloadServer = LiveReloadServer  # type: ignore[attr-defined]
    return EXIT_OK


def run_render(root: Path, out: Path, cache: Path | None) -> int:
    from builder.pipeline import build_pages
    from builder.render.feed import FEED_PATH, atom_feed
    from builder.render.tree import refusal, standalone_config, write_tree

    refused = refusal(root, out)
    if refused:
        print(f"briefs render: {refused}", file=sys.stderr)
        return EXIT_USAGE
    result = build_pages(root, cache)
    _report(result.diagnostics)
    if result.analysis is None:
        return EXIT_CONTENT
    site_name = str(standalone_config(root).get("site_name", ""))
    write_tree(root, result.pages, out, {FEED_PATH: atom_feed(result.analysis, site_name)})
    return EXIT_OK


def run_export(root: Path, out: Path, cache: Path | None, form: str = "json") -> int:
    """Write the export; what was at `out` stays until the new one is complete."""
    import shutil

    from builder.export.build import build_export, export_json
    from builder.pipeline import check

    result = check(root, cache)
    _report(result.diagnostics)
    if result.analysis is None:
        return EXIT_CONTENT
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    if form == "csv":
        from builder.export.tables import csv_files

        if out.exists() and not out.is_dir():
            print(f"briefs export: {out} is a file; --format csv writes a folder", file=sys.stderr)
            return EXIT_USAGE
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        export = build_export(result.analysis, result.diagnostics)
        for name, text in csv_files(export, result.analysis).items():
            (partial / name).write_text(text, encoding="utf-8", newline="")
        old = out.with_name(f".{out.name}.old")
        shutil.rmtree(old, ignore_errors=True)  # left by an export that was stopped
        if out.exists():
            out.replace(old)
        try:
            partial.replace(out)
        except OSError:
            if old.exists():
                old.replace(out)  # the earlier export stays where it was
            raise
        shutil.rmtree(old, ignore_errors=True)
        return EXIT_OK
    if out.is_dir():
        print(f"briefs export: {out} is a folder; --format {form} writes a file", file=sys.stderr)
        return EXIT_USAGE
    if form == "stix":
        from builder.export.stix import export_stix
        from builder.render.tree import standalone_config

        project = str(standalone_config(root).get("site_name", "") or "Research briefs")
        text = export_stix(result.analysis, project)
    else:
        text = export_json(result.analysis, result.diagnostics)
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)
    return EXIT_OK


def run_new(root: Path, args: argparse.Namespace) -> int:
    import datetime as dt

    from builder import scaffold

    if args.kind == "article":
        given = scaffold.Given(args.url, args.outlet, args.published, args.title)
        written = scaffold.import_articles(root, args.sources, args.id, given)
    elif args.kind == "actor":
        written = scaffold.new_actor(root, args.name, args.record_id, args.actor_type)
    else:
        written = scaffold.new_topic(root, args.title, args.record_id, dt.date.today())
    if written.problem:
        print(f"briefs new: {written.problem}", file=sys.stderr)
        return EXIT_CONTENT
    for path in written.paths:
        print(f"wrote {path.relative_to(root).as_posix()}")
    return EXIT_OK


def run_suggest(root: Path, args: argparse.Namespace) -> int:
    from builder.load.corpus import load_corpus
    from builder.suggest import add_drafts, format_suggestions, suggest
    from builder.validate import validate

    raw = load_corpus(root)
    corpus = validate(raw)
    if args.add is not None:
        return run_add_name(root, corpus, args)
    articles: list[str] = args.articles
    missing = add_drafts(corpus, raw, articles)
    if missing:
        for message in missing:
            print(f"briefs suggest: {message}", file=sys.stderr)
        return EXIT_CONTENT
    found = suggest(corpus, root, articles)
    if found.problems:
        _report(found.problems)
    sys.stdout.write(format_suggestions(found))
    return EXIT_OK


def run_add_name(root: Path, corpus: Any, args: argparse.Namespace) -> int:
    from builder import scaffold
    from builder.aliases import add_alias

    if args.new:
        written = scaffold.new_actor(root, args.add, None, None)
        if written.problem:
            print(f"briefs suggest: {written.problem}", file=sys.stderr)
            return EXIT_CONTENT
        print(f"wrote {written.paths[0].relative_to(root).as_posix()}")
        return EXIT_OK
    if args.to is None:
        print("briefs suggest: --add NAME needs --to ACTOR or --new", file=sys.stderr)
        return EXIT_USAGE
    problem = add_alias(root, corpus, args.add, args.to)
    if problem:
        print(f"briefs suggest: {problem}", file=sys.stderr)
        return EXIT_CONTENT
    print(f"added '{args.add}' to the aliases of {args.to}")
    return EXIT_OK


QUOTE_FLOOR = 60  # `briefs quote` lists weaker matches than a did-you-mean would propose


def run_quote(root: Path, article_id: str, words: list[str]) -> int:
    from builder.load.corpus import load_corpus
    from builder.validate import validate
    from builder.validate.quotes import passages_like
    from builder.validate.schema import closest as closest_id

    corpus = validate(load_corpus(root))
    article = corpus.articles.get(article_id)
    if article is None:
        known = sorted(corpus.articles)
        hint = closest_id(article_id, known)
        print(with_suggestion(f"briefs quote: no article '{article_id}'", hint), file=sys.stderr)
        return EXIT_CONTENT
    found = passages_like(" ".join(words), article.text, QUOTE_FLOOR)[:5]
    if not found:
        print(f"no passage of {article.text_path} reads like that", file=sys.stderr)
        return EXIT_CONTENT
    for score, number, passage in found:
        print(f"#p{number} ({score:.0f}%): {passage}")
    return EXIT_OK


def run_diff(root: Path, base: str, head: str | None) -> int:
    from builder.diff import RevisionError, diff

    try:
        sys.stdout.write(diff(root, base, head))
    except RevisionError as exc:
        print(f"briefs diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def dispatch(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not (root / "seeds").is_dir() and not (root / "briefs").is_dir():
        print(f"briefs: {root} holds neither seeds/ nor briefs/; use --root DIR", file=sys.stderr)
        return EXIT_USAGE
    cache = cache_dir(root) if args.cache else None
    if args.command == "check":
        return run_check(root, args.format, args.strict, cache)
    if args.command == "build":
        return run_build(root, args.strict, cache)
    if args.command == "serve":
        return run_serve(root, args.dev_addr, args.full, args.poll)
    if args.command == "export":
        return run_export(root, args.out, cache, args.format)
    if args.command == "new":
        return run_new(root, args)
    if args.command == "suggest":
        return run_suggest(root, args)
    if args.command == "diff":
        return run_diff(root, args.base, args.head)
    if args.command == "quote":
        return run_quote(root, args.article, args.words)
    return run_render(root, args.out, cache)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefs` console script; returns the exit code."""
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    try:
        return dispatch(args)
    except KeyboardInterrupt:
        return EXIT_USAGE
    except Exception as exc:  # an internal error: reported, never a bare traceback
        print(f"briefs: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    """The console script: `main`, then exit without tearing down the objects of a large corpus
    one by one (a second or more at 10,000 articles); everything is written and flushed first."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
