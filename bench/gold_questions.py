"""The gold set's question texts, read as data: benchmarks ask real questions without importing eval."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold" / "questions.jsonl"


def gold_questions(path: Path = GOLD) -> list[str]:
    """Every question of a question-set file, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["question"] for line in lines if line.strip()]
