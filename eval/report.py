"""Reports: Markdown and HTML with plots (languages, latency), TREC files and per-question rows."""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path
from typing import Any

from eval.run import LANGUAGES, RunResult

HEADLINE = ("hit@1", "hit@5", "mrr@10", "ndcg@10", "recall@10")


def write_trec(run: RunResult, folder: Path) -> None:
    """``run.trec`` and ``qrels.trec`` in the standard formats (ranx, ir-measures and trec_eval read them)."""
    lines = []
    for r in run.results:
        if not r.answerable:
            continue
        for rank, (chunk_id, score) in enumerate(r.ranked, start=1):
            lines.append(f"{r.qid} Q0 {chunk_id} {rank} {score:.6f} {run.name}")
    (folder / f"{run.name}.run.trec").write_text("\n".join(lines) + "\n", encoding="utf-8")
    qrels = [f"{q} 0 {doc} {rel}" for q, docs in run.qrels.items() for doc, rel in docs.items()]
    (folder / "qrels.trec").write_text("\n".join(qrels) + "\n", encoding="utf-8")


def write_results(run: RunResult, folder: Path) -> None:
    rows = [
        {
            "qid": r.qid,
            "language": r.language,
            "answerable": r.answerable,
            "answer": r.answer,
            "top": [c for c, _ in r.ranked[:5]],
            "relevant": sorted(run.qrels.get(r.qid, {})),
            "hit@5": run.summary["per_query"]["hit@5"].get(r.qid),
            "took_ms": round(r.took_ms, 2),
        }
        for r in run.results
    ]
    (folder / f"{run.name}.results.jsonl").write_text(
        "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", encoding="utf-8"
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


def _plots(summaries: list[dict[str, Any]], runs: list[RunResult], folder: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = []
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.8))
    for ax, metric in zip(axes, ("hit@1", "hit@5"), strict=True):
        width = 0.8 / max(1, len(summaries))
        for i, s in enumerate(summaries):
            xs = [j + i * width for j in range(len(LANGUAGES))]
            ax.bar(xs, [s[lang][metric] for lang in LANGUAGES], width, label=s["name"])
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(LANGUAGES))], LANGUAGES)
        ax.set_ylim(0, 1)
        ax.set_title(f"{metric} by question language")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=min(5, len(labels)), fontsize=8)
    fig.tight_layout(rect=(0, 0.12, 1, 1))
    fig.savefig(folder / "languages.png", dpi=110)
    plt.close(fig)
    names.append("languages.png")
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for run in runs:
        ax.hist([r.took_ms for r in run.results], bins=30, alpha=0.6, label=run.name)
    ax.set_xlabel("ms per question (service layer)")
    ax.set_ylabel("questions")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(folder / "latency.png", dpi=110)
    plt.close(fig)
    names.append("latency.png")
    return names


def answer_table(summaries: list[dict[str, Any]]) -> str:
    out = [
        "| config | evidence in answer | answered | citations exact | abstain precision | abstain recall "
        "| false abstain "
        "| p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in summaries:
        a, ab, lat = s["answer"], s["abstention"], s["latency_ms"]
        out.append(
            f"| {s['name']} | {a['evidence_in_answer']:.3f} | {a['answered']} | {a['citations_ok']} | "
            f"{ab['precision']:.3f} | {ab['recall']:.3f} | {ab['false_abstain_rate']:.3f} | "
            f"{lat['p50']} | {lat['p95']} |"
        )
    return "\n".join(out)


def write_report(runs: list[RunResult], folder: Path, title: str, extra_markdown: str = "") -> Path:
    """report.md, report.html and the plots in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    summaries = [r.summary for r in runs]
    for run in runs:
        write_trec(run, folder)
        write_results(run, folder)
    sys.stderr.write(f"writing plots to {folder}\n")
    plots = _plots(summaries, runs, folder)
    markdown = "\n\n".join(
        [
            f"# {title}",
            "## Retrieval (answerable questions)",
            summary_table(summaries),
            "## Answers",
            answer_table(summaries),
            extra_markdown,
            *[f"![{p}]({p})" for p in plots],
        ]
    )
    (folder / "report.md").write_text(markdown + "\n", encoding="utf-8")
    body = "".join(
        f"<pre>{html.escape(block)}</pre>" for block in markdown.split("\n\n") if not block.startswith("![")
    )
    images = "".join(f'<img src="{p}" alt="{p}">' for p in plots)
    (folder / "report.html").write_text(
        f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>{body}{images}",
        encoding="utf-8",
    )
    return folder / "report.md"
