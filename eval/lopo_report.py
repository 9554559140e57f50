"""The leave-one-paper-out table, and its section of eval/RESULTS.md (kept when the ablation rewrites it)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from eval.lopo import Outcome

START = "<!-- leave-one-paper-out: start -->"
END = "<!-- leave-one-paper-out: end -->"


def lopo_table(outcomes: list[tuple[str, Outcome, str]]) -> str:
    """(question set, outcome, analysis) rows as Markdown, then the held-out rows per paper."""
    out = [
        "| questions | analysis | glossary | n | hit@1 | hit@5 | hit@1 retrieved |",
        "|---|---|---|---|---|---|---|",
    ]
    for gold, outcome, analysis in outcomes:
        glossary = "whole (curated)" if outcome.name == "curated" else "paper's own names dropped"
        out.append(
            f"| {gold} | {analysis} | {glossary} | {outcome.questions} "
            f"| {outcome.hit(1):.3f} | {outcome.hit(5):.3f} | {outcome.retrieved_hit():.3f} |"
        )
    out += [
        "",
        "| questions | analysis | paper held out | entries dropped | n | hit@1 | hit@5 | hit@1 retrieved |",
    ]
    out.append("|---|---|---|---|---|---|---|---|")
    for gold, outcome, analysis in outcomes:
        if outcome.name == "curated":
            continue
        for fold in outcome.folds:
            n = len(fold.hits_at_1)
            out.append(
                f"| {gold} | {analysis} | {fold.doc_id} | {fold.dropped} | {n} "
                f"| {sum(fold.hits_at_1) / n:.3f} | {sum(fold.hits_at_5) / n:.3f} "
                f"| {sum(fold.retrieved_at_1) / n:.3f} |"
            )
    return "\n".join(out)


ABOUT = (
    "For each paper, the curated glossary entries whose Chinese terms occur in that paper and in no other "
    "are dropped, from the question analysis and from the tokenizer's dictionary (with the domain "
    "dictionary's words only that paper uses); the papers are indexed anew and the English questions about "
    "that paper are asked; hit@k is over all of them, in the order the service shows the passages (the "
    'one its answer cites first, then the fused order); "hit@1 retrieved" is of the fused order alone. '
    '"Before" is retrieval as it was before this '
    'measurement (curated glossary only, no re-ranking by sentences); "+ papers\' own terms" adds the '
    "terms the index learns from its papers (names they pair with English, CC-CEDICT senses and romanised "
    "pinyin of their words) and the re-ranking of the fused top 30 by each passage's closest sentence; "
    '"now" also searches each English question in the passages\' English renderings (BM25 over their '
    "words and the encoder's vectors of them; a local LLM's, made once with the papers and shipped in "
    "`index/data/translations.jsonl` by `python -m eval render-papers`, each passage told the glossary's "
    "English names for its terms, but only for terms some other paper uses too: the names a held-out "
    "paper loses here were never told to the model). "
    '"Translated" adds what the service does with an LLM server (`POLICYQA_LLM_URL`, `LLM_TRANSLATE` on): '
    "each English question is also searched in the model's Chinese translation of it. The translations "
    "are the model's replies, checked as the service checks them, kept in "
    "`eval/gold/translations/MODEL.jsonl` (`--translations FILE`; `--translator-model MODEL.gguf` asks a "
    "local llama.cpp server for those missing) so that the row can be repeated: a small model's greedy "
    "reply still varies with the server's thread count. A translation does not depend on the glossary, "
    "so the held-out names can only come back through the model. The holdout (stranger-written) is "
    "reported, never tuned on."
)


def section(table: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    return (
        f"{START}\n## Leave-one-paper-out English retrieval\n\n"
        f"Written by `python -m eval lopo --write` on {stamp}. {ABOUT}\n\n{table}\n{END}\n"
    )


def keep_section(old: str, new: str) -> str:
    """``new`` with the leave-one-paper-out section of ``old`` appended (if ``old`` had one)."""
    if START not in old or END not in old:
        return new
    kept = old[old.index(START) : old.index(END) + len(END)]
    return new.rstrip("\n") + "\n\n" + kept + "\n"


def write_lopo_results(path: Path, table: str) -> None:
    """Replace (or add) the leave-one-paper-out section of a results file; the rest is left as it is."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in old and END in old:
        text = old[: old.index(START)] + section(table) + old[old.index(END) + len(END) :].lstrip("\n")
    else:
        text = (old.rstrip("\n") + "\n\n" if old else "") + section(table)
    path.write_text(text, encoding="utf-8")
