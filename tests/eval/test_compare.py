"""``eval compare``: hand-written result rows give exact means, differences and changed verdicts."""

import json

import pytest

from eval.__main__ import main
from eval.compare import CompareError, changed_verdicts, compare_rows, load_run


def _row(qid, lang, hit1, evidence, verdict, question="前海的定位是甚麼？"):
    return {
        "qid": qid,
        "language": lang,
        "question": question,
        "verdict": verdict,
        "retrieval": {"hit@1": hit1, "hit@5": 1.0, "mrr@10": hit1, "ndcg@10": hit1, "recall@10": 1.0},
        "answer_values": {"evidence_in_answer": evidence, "citations_exact": 1.0},
    }


def _write(folder, name, rows):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.results.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.fixture()
def runs(tmp_path):
    before = _write(
        tmp_path / "before",
        "hybrid",
        [
            _row("q1", "zh-Hant", 1.0, 1.0, "right"),
            _row("q2", "en", 0.0, 0.0, "wrong", "What is Qianhai?"),
            _row("q3", "zh-Hans", 0.0, 1.0, "right", "前海的定位是什么？"),
            _row("gone", "en", 1.0, 1.0, "right"),
        ],
    )
    after = _write(
        tmp_path / "after",
        "hybrid",
        [
            _row("q1", "zh-Hant", 1.0, 1.0, "right"),
            _row("q2", "en", 1.0, 1.0, "right", "What is Qianhai?"),
            _row("q3", "zh-Hans", 1.0, 1.0, "right", "前海的定位是什么？"),
            _row("new", "en", 0.0, 0.0, "wrong"),
        ],
    )
    return load_run(str(before)), load_run(str(after))


def test_means_differences_on_shared_questions(runs):
    a, b = runs
    rows = {(r["metric"], r["language"]): r for r in compare_rows(a, b)}
    hit = rows[("hit@1", "all")]
    assert (hit["n"], hit["a"], hit["b"], hit["delta"]) == (3, round(1 / 3, 4), 1.0, round(2 / 3, 4))
    # Two of three questions better, none worse: 2 of the 4 sign patterns are as extreme (two-sided).
    assert 0.35 < hit["p"] < 0.65
    assert rows[("hit@1", "en")]["delta"] == 1.0
    evidence = rows[("evidence_in_answer", "all")]
    assert (evidence["a"], evidence["b"], evidence["p"]) == (round(2 / 3, 4), 1.0, 1.0)
    assert rows[("citations_exact", "all")]["delta"] == 0.0
    assert ("span_exact", "all") not in rows  # measured on no question of either run
    assert changed_verdicts(a, b) == [
        {"qid": "q2", "language": "en", "question": "What is Qianhai?", "a": "wrong", "b": "right"}
    ]


def test_command_writes_the_comparison(runs, tmp_path, capsys):
    a, b = runs
    out = tmp_path / "cmp"
    assert main(["compare", str(a.path.parent), str(b.path.parent), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 shared questions" in printed and "verdict changed on 1 questions" in printed
    result = json.loads((out / "compare.json").read_text(encoding="utf-8"))
    assert result["only_a"] == ["gone"] and result["only_b"] == ["new"]
    assert "<table>" in (out / "compare.html").read_text(encoding="utf-8")


def test_bad_runs_are_named(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nowhere"), str(tmp_path)]) == 2
    assert "nowhere: no such results folder or file" in capsys.readouterr().err
    _write(tmp_path / "abl", "bm25", [_row("q1", "en", 1.0, 1.0, "right")])
    _write(tmp_path / "abl", "dense", [_row("q1", "en", 0.0, 1.0, "right")])
    with pytest.raises(CompareError, match="found bm25, dense; name one"):
        load_run(str(tmp_path / "abl"))
    assert load_run(f"{tmp_path / 'abl'}:dense").name == "dense"
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "x.results.jsonl").write_text("{oops\n")
    with pytest.raises(CompareError, match=r"x.results.jsonl:1: not a results row"):
        load_run(str(tmp_path / "broken"))
