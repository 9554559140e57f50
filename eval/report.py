"""Reports: Markdown and HTML (tables, inline plots, every question), TREC files and per-question rows."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from eval.answers import MEASURES
from eval.html_report import ANSWER_LABELS, markdown_table, render
from eval.metrics import RANX_METRICS
from eval.run import LANGUAGES, RunResult

HEADLINE = tuple(RANX_METRICS)
RESULTS_SUFFIX = ".results.jsonl"


def write_trec(run: RunResult, folder: Path) -> None:
    """``<name>.run.trec`` and ``<name>.qrels.trec`` in the standard formats (ranx, trec_eval read them)."""
    lines = []
    for r in run.results:
        if not r.answerable:
            continue
        # Scored by served position (the answer's passage first), so a tool that sorts by score keeps it.
        for rank, (chunk_id, _) in enumerate(r.ranked, start=1):
            lines.append(f"{r.qid} Q0 {chunk_id} {rank} {len(r.ranked) - rank + 1} {run.name}")
    (folder / f"{run.name}.run.trec").write_text("\n".join(lines) + "\n", encoding="utf-8")
    qrels = [f"{q} 0 {doc} {rel}" for q, docs in run.qrels.items() for doc, rel in docs.items()]
    (folder / f"{run.name}.qrels.trec").write_text("\n".join(qrels) + "\n", encoding="utf-8")


def result_rows(run: RunResult) -> list[dict[str, Any]]:
    """One row per question: what was asked and answered, its verdict, and every per-question value."""
    by_qid = {r.qid: r for r in run.results}
    per_query = run.summary["per_query"]
    rows = []
    for o in run.outcomes:
        r = by_qid[o.qid]
        rows.append(
            {
                "qid": o.qid,
                "language": o.language,
                "kind": o.kind,
                "question": run.questions[o.qid].question,
                "answerable": o.answerable,
                "answer": r.answer,
                "verdict": o.verdict,
                "rank": o.rank,
                "top": [c for c, _ in r.ranked[:5]],
                "relevant": sorted(run.qrels.get(o.qid, {})),
                "retrieval": {m: per_query[m][o.qid] for m in RANX_METRICS if o.qid in per_query[m]},
                "answer_values": {
                    name: float(value(o)) for name, (measured, value) in MEASURES.items() if measured(o)
                },
                "took_ms": round(r.took_ms, 2),
            }
        )
    return rows


def write_results(run: RunResult, folder: Path) -> None:
    (folder / f"{run.name}{RESULTS_SUFFIX}").write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in result_rows(run)), encoding="utf-8"
    )


def summary_table(summaries: list[dict[str, Any]]) -> str:
    """A Markdown table: one row per configuration and language."""
    out = [
        "| config | language | n | " + " | ".join(HEADLINE) + " |",
        "|---|---|---|" + "---|" * len(HEADLINE),
    ]
    for s in summaries:
        for lang in ("all", *LANGUAGES):
            row = s[lang]
            out.append(
                f"| {s['name']} | {lang} | {row['n']} | "
                + " | ".join(f"{row[m]:.3f}" for m in HEADLINE)
                + " |"
            )
    return "\n".join(out)


def answer_table(summary: dict[str, Any]) -> str:
    """Answer metrics per group (all, language, kind): value [95% interval]."""
    out = [
        "| group | n | " + " | ".join(ANSWER_LABELS[m] for m in MEASURES) + " | p50 ms | p95 ms |",
        "|---|---|" + "---|" * (len(MEASURES) + 2),
    ]
    for group, values in summary["answers"].items():
        cells = []
        for m in MEASURES:
            e = values[m]
            cells.append(f"{e['value']:.3f} [{e['low']:.3f}, {e['high']:.3f}]" if e["n"] else "–")
        out.append(
            f"| {group} | {values['n']} | "
            + " | ".join(cells)
            + f" | {values['p50_ms']} | {values['p95_ms']} |"
        )
    return "\n".join(out)


def write_report(
    runs: list[RunResult], folder: Path, title: str, extra: list[tuple[str, str]] | None = None
) -> Path:
    """report.md, report.html (self-contained), the plots, TREC files and per-question rows in ``folder``.

    ``extra`` holds (heading, Markdown pipe table) sections, e.g. significance and fusion baselines.
    """
    from eval.plots import plots

    extra = extra or []
    folder.mkdir(parents=True, exist_ok=True)
    for run in runs:
        write_trec(run, folder)
        write_results(run, folder)
    sys.stderr.write(f"writing the report to {folder}\n")
    images = plots(runs)
    for name, data in images.items():
        (folder / name).write_bytes(data)
    primary = next((r for r in runs if r.name in ("hybrid", "http")), runs[0])
    markdown = "\n\n".join(
        [
            f"# {title}",
            "## Retrieval (answerable questions)",
            summary_table([r.summary for r in runs]),
            f"## Answers ({primary.name}): mean [95% bootstrap interval]",
            answer_table(primary.summary),
            *[f"## {heading}\n\n{body}" for heading, body in extra],
            *[f"![{name}]({name})" for name in images],
        ]
    )
    (folder / "report.md").write_text(markdown + "\n", encoding="utf-8")
    sections = [(heading, markdown_table(body)) for heading, body in extra]
    (folder / "report.html").write_text(render(title, runs, images, sections), encoding="utf-8")
    return folder / "report.md"
