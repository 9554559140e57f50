"""``python -m eval compare RUN_A RUN_B``: two runs side by side on shared questions, paired p-values."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.answers import MEASURES
from eval.html_report import STYLE, markdown_table, table
from eval.metrics import RANX_METRICS
from eval.report import RESULTS_SUFFIX
from eval.run import LANGUAGES
from eval.significance import paired_p_value


class CompareError(ValueError):
    """A run folder or file that cannot be compared; the message says which and why."""


@dataclass(frozen=True)
class LoadedRun:
    name: str
    path: Path
    rows: dict[str, dict[str, Any]]


def load_run(where: str) -> LoadedRun:
    """A ``*.results.jsonl`` file, or a results folder holding one (or ``FOLDER:name`` to pick one)."""
    folder, _, name = where.partition(":") if not Path(where).exists() else (where, "", "")
    path = Path(folder)
    if path.is_dir():
        files = sorted(path.glob(f"*{RESULTS_SUFFIX}"))
        if name:
            files = [f for f in files if f.name == f"{name}{RESULTS_SUFFIX}"]
        if len(files) != 1:
            found = ", ".join(
                f.name.removesuffix(RESULTS_SUFFIX) for f in sorted(path.glob(f"*{RESULTS_SUFFIX}"))
            )
            raise CompareError(
                f"{where}: expected one run, found {found or 'none'}; name one as {folder}:NAME"
                if found
                else f"{where}: no *{RESULTS_SUFFIX} here; run `python -m eval run --out {folder}` first"
            )
        path = files[0]
    if not path.is_file():
        raise CompareError(f"{where}: no such results folder or file")
    rows = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            row = json.loads(line)
            rows[row["qid"]] = row
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CompareError(f"{path}:{number}: not a results row ({exc})") from exc
    return LoadedRun(path.name.removesuffix(RESULTS_SUFFIX), path, rows)


def compare_rows(a: LoadedRun, b: LoadedRun) -> list[dict[str, Any]]:
    """Per metric and language: mean of A, mean of B, the difference and its paired p-value."""
    shared = [q for q in a.rows if q in b.rows]
    out = []
    metrics = [("retrieval", m) for m in RANX_METRICS] + [("answer_values", m) for m in MEASURES]
    for section, metric in metrics:
        for lang in ("all", *LANGUAGES):
            qids = [
                q
                for q in shared
                if (lang == "all" or a.rows[q]["language"] == lang)
                and metric in a.rows[q][section]
                and metric in b.rows[q][section]
            ]
            xs = [a.rows[q][section][metric] for q in qids]
            ys = [b.rows[q][section][metric] for q in qids]
            if not qids:
                continue
            mean_a, mean_b = sum(xs) / len(xs), sum(ys) / len(ys)
            out.append(
                {
                    "metric": metric,
                    "language": lang,
                    "n": len(qids),
                    "a": round(mean_a, 4),
                    "b": round(mean_b, 4),
                    "delta": round(mean_b - mean_a, 4),
                    "p": round(paired_p_value(ys, xs), 4),
                }
            )
    return out


def changed_verdicts(a: LoadedRun, b: LoadedRun) -> list[dict[str, Any]]:
    return [
        {
            "qid": q,
            "language": a.rows[q]["language"],
            "question": a.rows[q].get("question", ""),
            "a": a.rows[q]["verdict"],
            "b": b.rows[q]["verdict"],
        }
        for q in a.rows
        if q in b.rows and a.rows[q].get("verdict") != b.rows[q].get("verdict")
    ]


def p_text(p: float) -> str:
    """A p-value as read: ranx's estimate is 0 when no permutation was as extreme (of 10 000)."""
    return f"{p:.4f}" if p > 0 else "< 0.0001"


def markdown(a: LoadedRun, b: LoadedRun, rows: list[dict[str, Any]]) -> str:
    lines = [
        f"| metric | language | n | A: {a.name} | B: {b.name} | Δ (B − A) | p (paired, Fisher) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['metric']} | {r['language']} | {r['n']} | {r['a']:.3f} | {r['b']:.3f} "
            f"| {r['delta']:+.3f} | {p_text(r['p'])} |"
        )
    return "\n".join(lines)


def write_comparison(a: LoadedRun, b: LoadedRun, out: Path) -> dict[str, Any]:
    """compare.md, compare.html and compare.json in ``out``; returns the JSON."""
    rows = compare_rows(a, b)
    changed = changed_verdicts(a, b)
    only = {"only_a": sorted(set(a.rows) - set(b.rows)), "only_b": sorted(set(b.rows) - set(a.rows))}
    result = {"a": str(a.path), "b": str(b.path), "shared": len(set(a.rows) & set(b.rows))} | only
    result |= {"metrics": rows, "changed_verdicts": changed}
    out.mkdir(parents=True, exist_ok=True)
    table_md = markdown(a, b, rows)
    (out / "compare.json").write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "compare.md").write_text(
        f"# {a.name} (A) vs {b.name} (B)\n\nA: {a.path}\nB: {b.path}\n\n{table_md}\n", encoding="utf-8"
    )
    e = html.escape
    changed_html = table(
        ["id", "language", "question", f"A: {e(a.name)}", f"B: {e(b.name)}"],
        [[e(c["qid"]), e(c["language"]), e(c["question"]), e(c["a"]), e(c["b"])] for c in changed],
        numeric_from=99,
    )
    (out / "compare.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(a.name)} vs {e(b.name)}</title>"
        f"<style>{STYLE}</style></head><body><header><h1>{e(a.name)} (A) vs {e(b.name)} (B)</h1>"
        f"<p>A: {e(str(a.path))} · B: {e(str(b.path))} · {result['shared']} shared questions"
        f" (only in A: {len(only['only_a'])}, only in B: {len(only['only_b'])})</p></header><main>"
        f"<h2>Metrics with paired significance</h2>{markdown_table(table_md)}"
        f"<h2>Questions whose verdict changed ({len(changed)})</h2>{changed_html}</main></body></html>",
        encoding="utf-8",
    )
    return result
