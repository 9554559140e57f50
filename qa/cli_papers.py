"""``policyqa papers add | remove | list``: the admin routes for papers, through a running server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def _admin_client(args: argparse.Namespace) -> Any:
    from qa.admin_client import AdminClient
    from qa.settings import load_settings

    settings = load_settings()
    key = settings.admin_key.get_secret_value() if settings.admin_key else None
    return AdminClient(args.url or f"http://{settings.host}:{settings.port}", key)


def _follow(client: Any, accepted: dict[str, Any], args: argparse.Namespace) -> int:
    """Report a job's stages on stderr until it ends; exit 1 when it failed."""
    if args.no_wait:
        print_json(accepted)
        return 0

    def show(job: dict[str, Any]) -> None:
        sys.stderr.write(f"job {job['id']}: {job['status']} ({job['stage']}, {job['progress']:.0%})\n")

    job = client.wait(accepted["job"], show)
    if args.json:
        print_json(job)
    if job["status"] == "failed":
        sys.stderr.write(f"policyqa: error: job {job['id']} failed: {job['error']}\n")
        return 1
    return 0


def _cmd_papers_add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        from qa.cli import UsageError

        raise UsageError(f"{path}: no such file")
    meta = Path(args.meta).read_text(encoding="utf-8") if args.meta.endswith(".json") else args.meta
    glossary = Path(args.glossary).read_text(encoding="utf-8") if args.glossary else None
    with _admin_client(args) as client:
        return _follow(client, client.add(path, meta, glossary), args)


def _cmd_papers_remove(args: argparse.Namespace) -> int:
    with _admin_client(args) as client:
        return _follow(client, client.remove(args.doc_id), args)


def _cmd_papers_list(args: argparse.Namespace) -> int:
    with _admin_client(args) as client:
        rows = client.papers()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r['doc_id']:<28} {r['source']:<8} {r['passages']:>4} passages  {r['date']:<10} {r['title_zh']}"
        )
    if rows:
        print(f"index version {rows[0]['index_version']}")
    return 0


def add_papers_commands(sub: Any) -> None:
    """The ``papers`` command group on the top-level parser's subparsers."""
    papers = sub.add_parser("papers", help="add, remove and list papers through a running server")
    papers_sub = papers.add_subparsers(dest="papers_command", required=True)
    add = papers_sub.add_parser("add", help="add a paper (.txt or .pdf) and wait for the index to serve it")
    add.add_argument("file")
    add.add_argument("--meta", required=True, help='JSON or a .json file: {"title_zh": ..., "date": ...}')
    add.add_argument("--glossary", help="a TSV of glossary entries for this paper")
    remove = papers_sub.add_parser("remove", help="remove an added paper and wait for the new index")
    remove.add_argument("doc_id")
    listing = papers_sub.add_parser("list", help="every served paper with its source")
    for command, func in ((add, _cmd_papers_add), (remove, _cmd_papers_remove), (listing, _cmd_papers_list)):
        command.add_argument("--url", help="the server (default http://POLICYQA_HOST:POLICYQA_PORT)")
        command.add_argument("--json", action="store_true", help="JSON on stdout")
        if command is not listing:
            command.add_argument("--no-wait", action="store_true", help="print the job and return")
        command.set_defaults(func=func)


def print_json(payload: Any) -> None:
    import json

    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
