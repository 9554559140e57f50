"""The ``policyqa`` command: thin wrappers over library functions; imports are lazy so --help is instant."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any


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
        where = " ".join(x for x in (p.annex, f"para {p.paragraph}" if p.paragraph else None) if x)
        page = f"p.{p.page}" if p.page else ""
        text = p.text if len(p.text) <= 60 else p.text[:59] + "…"
        print(f"{p.chunk_id:<34} {where:<16} {page:<6} {text}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policyqa", description=__doc__)
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``policyqa`` console script."""
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
