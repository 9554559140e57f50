"""Plots for the reports (matplotlib, in the eval extra): PNG bytes, written beside and inlined in HTML."""

from __future__ import annotations

import io
from typing import Any

from eval.run import LANGUAGES, RunResult


def _png(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def plots(runs: list[RunResult]) -> dict[str, bytes]:
    """``languages.png`` (hit@1 and evidence in answer per language, with intervals) and ``latency.png``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = {}
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    width = 0.8 / max(1, len(runs))
    for i, run in enumerate(runs):
        xs = [j + i * width for j in range(len(LANGUAGES))]
        axes[0].bar(xs, [run.summary[lang]["hit@1"] for lang in LANGUAGES], width, label=run.name)
        answers = [run.summary["answers"][lang]["evidence_in_answer"] for lang in LANGUAGES]
        values = [a["value"] for a in answers]
        errors = [[a["value"] - a["low"] for a in answers], [a["high"] - a["value"] for a in answers]]
        axes[1].bar(xs, values, width, yerr=errors, capsize=3, label=run.name)
    for ax, title in zip(axes, ("hit@1 (retrieval)", "evidence in answer, 95% interval"), strict=True):
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(LANGUAGES))], LANGUAGES)
        ax.set_ylim(0, 1)
        ax.set_title(title)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=min(5, len(labels)), fontsize=8)
    fig.tight_layout(rect=(0, 0.1 if len(runs) > 1 else 0.05, 1, 1))
    out["languages.png"] = _png(fig)
    fig, ax = plt.subplots(figsize=(6, 3.4))
    for run in runs:
        ax.hist([r.took_ms for r in run.results], bins=30, alpha=0.6, label=run.name)
    ax.set_xlabel("ms per question")
    ax.set_ylabel("questions")
    ax.legend(fontsize=8)
    fig.tight_layout()
    out["latency.png"] = _png(fig)
    return out
