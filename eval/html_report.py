"""The HTML report: one self-contained file with tables, inline plots and a filterable per-question table."""

from __future__ import annotations

import base64
import html
import json
from typing import Any

from eval.answers import MEASURES, VERDICTS
from eval.metrics import RANX_METRICS
from eval.run import LANGUAGES, RunResult

STYLE = """
body { font-family: system-ui, "Noto Sans CJK TC", sans-serif; margin: 0; color: #1b1f24;
  background: #fafbfc; }
header { background: #003b66; color: #fff; padding: 1rem 1.5rem; }
header h1 { margin: 0; font-size: 1.4rem; }
header p { margin: .3rem 0 0; opacity: .9; }
main { padding: 0 1.5rem 2rem; max-width: 90rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #d6dbe1; padding-bottom: .3rem; }
table { border-collapse: collapse; background: #fff; margin: .5rem 0 1rem; font-size: .92rem; }
.wide { overflow-x: auto; }
th, td { border: 1px solid #d6dbe1; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.ci { color: #5b6470; font-size: .85em; white-space: nowrap; }
img { max-width: 100%; border: 1px solid #d6dbe1; background: #fff; margin: .5rem 1rem .5rem 0; }
.filters { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin: .5rem 0; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: #5b6470; }
.filters select, .filters input { font: inherit; padding: .25rem .4rem; }
.verdict { font-weight: 600; white-space: nowrap; }
.v-right, .v-abstained { color: #11632c; }
.v-wrong, .v-should-abstain { color: #a4000f; }
.v-missed { color: #8a5a00; }
#questions td.q { min-width: 14rem; } #questions td.a { min-width: 22rem; }
.muted { color: #5b6470; }
"""

FILTER_SCRIPT = """
(() => {
  const rows = [...document.querySelectorAll("#questions tbody tr")];
  const lang = document.getElementById("f-lang"), verdict = document.getElementById("f-verdict");
  const text = document.getElementById("f-text"), count = document.getElementById("f-count");
  function apply() {
    const needle = text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok = (!lang.value || row.dataset.lang === lang.value)
        && (!verdict.value || row.dataset.verdict === verdict.value)
        && (!needle || row.textContent.toLowerCase().includes(needle));
      row.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + " of " + rows.length + " questions";
  }
  for (const el of [lang, verdict, text]) el.addEventListener("input", apply);
  apply();
})();
"""

ANSWER_LABELS = {
    "evidence_in_answer": "evidence in answer",
    "span_exact": "exact span",
    "abstain_precision": "abstain precision",
    "abstain_recall": "abstain recall",
    "false_abstention": "false abstention",
    "citations_exact": "citations exact",
}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def table(headers: list[str], rows: list[list[str]], numeric_from: int = 1, table_id: str = "") -> str:
    """Cells are already escaped HTML; columns from ``numeric_from`` are right-aligned numbers."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i >= numeric_from else f"<td>{c}</td>" for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    ident = f' id="{table_id}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def markdown_table(markdown: str) -> str:
    """A pipe table as written by the ablation and compare (no escapes, no alignment) as HTML."""
    lines = [line.strip().strip("|").split("|") for line in markdown.strip().splitlines() if line.strip()]
    headers, rows = lines[0], [r for r in lines[2:]]
    return table([_e(h.strip()) for h in headers], [[_e(c.strip()) for c in r] for r in rows], numeric_from=2)


def retrieval_table(runs: list[RunResult]) -> str:
    rows = []
    for run in runs:
        for lang in ("all", *LANGUAGES):
            s = run.summary[lang]
            rows.append([_e(run.name), _e(lang), str(s["n"]), *[f"{s[m]:.3f}" for m in RANX_METRICS]])
    return table(["config", "language", "n", *RANX_METRICS], rows, numeric_from=2)


def _estimate(e: dict[str, Any]) -> str:
    if not e["n"]:
        return '<span class="muted">–</span>'
    return f'{e["value"]:.3f} <span class="muted">[{e["low"]:.3f}, {e["high"]:.3f}] n={e["n"]}</span>'


def answer_table(run: RunResult) -> str:
    rows = []
    for group, values in run.summary["answers"].items():
        rows.append(
            [
                _e(group),
                str(values["n"]),
                *[_estimate(values[m]) for m in MEASURES],
                str(values["p50_ms"]),
                str(values["p95_ms"]),
            ]
        )
    headers = ["group", "n", *[ANSWER_LABELS[m] for m in MEASURES], "p50 ms", "p95 ms"]
    return table(headers, rows)


def question_table(run: RunResult) -> str:
    """Every question of one run: question, answer, evidence, rank of the first relevant passage, verdict."""
    by_qid = {r.qid: r for r in run.results}
    rows = []
    for o in run.outcomes:
        q, r = run.questions[o.qid], by_qid[o.qid]
        verdict = o.verdict
        evidence = (
            "<br>".join(_e(e) for e in q.evidence) or '<span class="muted">(none: should abstain)</span>'
        )
        answer = (
            _e(r.answer)
            if r.answer is not None
            else f'<span class="muted">abstained: {_e(r.abstain_reason)}</span>'
        )
        rows.append(
            f'<tr data-lang="{_e(o.language)}" data-verdict="{_e(verdict)}">'
            f"<td>{_e(o.qid)}</td><td>{_e(o.language)}</td><td>{_e(o.kind)}</td>"
            f'<td class="q">{_e(q.question)}</td><td class="a">{answer}</td><td>{evidence}</td>'
            f'<td class="n">{o.rank or "–"}</td>'
            f'<td class="verdict v-{verdict.replace(" ", "-")}">{_e(verdict)}</td></tr>'
        )

    def options(values: tuple[str, ...]) -> str:
        return '<option value="">all</option>' + "".join(
            f'<option value="{_e(v)}">{_e(v)}</option>' for v in values
        )

    filters = (
        '<div class="filters">'
        f'<label>language<select id="f-lang">{options(LANGUAGES)}</select></label>'
        f'<label>verdict<select id="f-verdict">{options(VERDICTS)}</select></label>'
        '<label>contains<input id="f-text" type="search" placeholder="text in any column"></label>'
        '<span id="f-count" class="muted"></span></div>'
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("id", "language", "kind", "question", "answer", "evidence", "rank", "verdict")
    )
    return (
        f'{filters}<table id="questions"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def render(
    title: str, runs: list[RunResult], images: dict[str, bytes], sections: list[tuple[str, str]]
) -> str:
    """The whole page; ``sections`` are (heading, HTML) placed after the answer tables."""
    primary = next((r for r in runs if r.name in ("hybrid", "http")), runs[0])
    counts = {v: sum(1 for o in primary.outcomes if o.verdict == v) for v in VERDICTS}
    parts = [
        f"<header><h1>{_e(title)}</h1><p>{len(primary.results)} questions · configurations: "
        f"{_e(', '.join(r.name for r in runs))} · verdicts ({_e(primary.name)}): "
        + _e(", ".join(f"{k} {v}" for k, v in counts.items()))
        + "</p></header><main>",
        "<h2>Retrieval (answerable questions, computed by ranx)</h2>",
        retrieval_table(runs),
        f"<h2>Answers ({_e(primary.name)}), mean [95% bootstrap interval]</h2>",
        f'<div class="wide">{answer_table(primary)}</div>',
        *[f"<h2>{_e(heading)}</h2>{body}" for heading, body in sections],
        "<h2>Plots</h2>",
        *[
            f'<img alt="{_e(name)}" src="data:image/png;base64,{base64.b64encode(data).decode()}">'
            for name, data in images.items()
        ],
        f"<h2>Every question ({_e(primary.name)})</h2>",
        question_table(primary),
        "</main>",
    ]
    summary = json.dumps({r.name: r.summary["all"] for r in runs}, ensure_ascii=False)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style>'
        f'<script type="application/json" id="summary">{_e(summary)}</script></head>'
        f"<body>{''.join(parts)}<script>{FILTER_SCRIPT}</script></body></html>"
    )
