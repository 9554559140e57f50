"""Bring your own questions: only `question` and `answers` are needed; bad lines are named; no team gate."""

import json

import pytest

from eval.__main__ import main
from eval.gold import GoldFormatError, load_gold

MINIMAL = [
    {"question": "深港合作會議何時成立？", "answers": ["2004年設立"]},
    {"question": "When was the Shenzhen-Hong Kong Cooperation Meeting set up?", "answers": ["2004年設立"]},
    {"question": "腾讯的董事长是谁？", "answers": []},
]


def _write(tmp_path, rows, name="mine.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    )
    return path


def test_minimal_questions_get_ids_languages_and_kinds(tmp_path):
    questions = load_gold(_write(tmp_path, MINIMAL))
    assert [q.qid for q in questions] == ["q1", "q2", "q3"]
    assert [q.language for q in questions] == ["zh-Hant", "en", "zh-Hans"]
    assert [q.answerable for q in questions] == [True, True, False]
    assert questions[2].kind == "unanswerable"


def test_every_bad_line_is_named(tmp_path):
    rows = [
        {"question": "前海的定位是甚麼？"},
        "{not json",
        {"question": "前海？", "answers": ["前海"], "colour": "red"},
        {"question": "前海？", "answers": ["前海"], "lang": "fr"},
        {"question": "  ", "answers": []},
        {"question": "前海？", "answers": ["前海"], "id": "x"},
        {"question": "前海？", "answers": ["前海"], "id": "x"},
    ]
    with pytest.raises(GoldFormatError) as caught:
        load_gold(_write(tmp_path, rows))
    message = str(caught.value)
    for number in (1, 2, 3, 4, 5):
        assert f"mine.jsonl:{number}:" in message
    assert "answers" in message and "colour" in message and "duplicate id(s) x" in message


def test_run_in_process_without_the_gate(tmp_path, real_index_root, capsys):
    path = _write(tmp_path, MINIMAL)
    code = main(
        ["run", "--gold", str(path), "--index", str(real_index_root), "--no-gate", "--out", str(tmp_path)]
    )
    assert code == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("3 questions |") and "gate: not applied" in line
    assert (tmp_path / "report.html").exists() and (tmp_path / "summary.json").exists()
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<pre>" not in page and page.count('<tr data-lang="') == 3
    assert '<tr data-lang="zh-Hans" data-verdict="abstained">' in page
    assert page.count('src="data:image/png;base64,') == 2
    rows = [json.loads(line) for line in (tmp_path / "hybrid.results.jsonl").read_text().splitlines()]
    assert [(r["qid"], r["language"], r["verdict"]) for r in rows] == [
        ("q1", "zh-Hant", "right"),
        ("q2", "en", "right"),
        ("q3", "zh-Hans", "abstained"),
    ]


@pytest.mark.slow
def test_trec_files_load_back_in_ranx(tmp_path, real_index_root):
    from ranx import Qrels, Run

    from eval.gold import load_gold
    from eval.report import write_trec
    from eval.run import run_service
    from qa.service import load_service
    from qa.settings import Settings

    service = load_service(Settings(index_path=real_index_root))
    run = run_service(service, load_gold(_write(tmp_path, MINIMAL)), show_progress=False)
    write_trec(run, tmp_path)
    loaded = Run.from_file(str(tmp_path / "hybrid.run.trec"), kind="trec")
    assert loaded.name == "hybrid"
    assert {q: list(docs) for q, docs in loaded.to_dict().items()} == {
        r.qid: [c for c, _ in r.ranked] for r in run.results if r.answerable
    }
    assert Qrels.from_file(str(tmp_path / "hybrid.qrels.trec"), kind="trec").to_dict() == run.qrels


def test_run_against_a_server(tmp_path, live_server, capsys):
    path = _write(tmp_path, MINIMAL)
    code = main(
        ["run", "--gold", str(path), "--url", live_server.url, "--no-gate", "--json", "--out", str(tmp_path)]
    )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["questions"] == 3 and summary["gate_failures"] == []
    assert summary["answer"]["citations_ok"]


def test_a_bad_file_exits_2_with_the_lines(tmp_path, capsys):
    code = main(["run", "--gold", str(_write(tmp_path, [{"question": "x"}])), "--no-gate"])
    assert code == 2
    assert "mine.jsonl:1:" in capsys.readouterr().err
