"""The shipped papers' renderings: each paper's passages are told only the names other papers share."""

import json

from eval.renderings import render_papers
from index.glossary import Entry, Glossary
from index.normalize import normalize
from qa.translators.passages import PassageRenderer
from tests.llm_servers import ScriptedLLM

SZ = "深港合作會議在前海舉行。"
GD = "粵港合作聯席會議討論前海及南沙。"
TEXTS = {"sz": normalize(SZ).replace(" ", ""), "gd": normalize(GD).replace(" ", "")}
GLOSSARY = Glossary(
    [
        Entry(("Qianhai",), ("前海",), "place"),
        Entry(("Shenzhen-Hong Kong Cooperation Meeting",), ("深港合作會議",), "mechanism"),
    ]
)


def test_a_paper_is_told_the_names_other_papers_share_and_not_its_own(tmp_path):
    out = tmp_path / "translations.jsonl"
    with ScriptedLLM(reply="The meeting was held in Qianhai.") as llm:
        renderer = PassageRenderer(llm.url, "qwen")
        done, failed = render_papers([("sz", SZ), ("gd", GD)], TEXTS, GLOSSARY, renderer, out)
        renderer.close()
    assert (done, failed) == (2, [])
    told = [r["messages"][-1]["content"] for r in llm.requests]
    # 深港合作會議 is only the Shenzhen paper's: leave-one-paper-out drops it, so its rendering never saw it.
    assert "前海 = Qianhai" in told[0] and "深港合作會議 =" not in told[0] and told[0].endswith(SZ)
    assert "前海 = Qianhai" in told[1] and told[1].endswith(GD)
    assert [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()] == [SZ, GD]


def test_rows_already_rendered_are_kept_and_skipped(tmp_path):
    out = tmp_path / "translations.jsonl"
    out.write_text(json.dumps({"text": SZ, "english": "Kept."}, ensure_ascii=False) + "\n", encoding="utf-8")
    with ScriptedLLM(reply="The joint conference discussed Qianhai and Nansha.") as llm:
        renderer = PassageRenderer(llm.url, "qwen")
        done, failed = render_papers([("sz", SZ), ("gd", GD)], TEXTS, GLOSSARY, renderer, out)
        renderer.close()
    assert (done, failed, len(llm.requests)) == (1, [], 1)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == {"text": SZ, "english": "Kept."} and rows[1]["text"] == GD


def test_the_command_needs_a_model_or_a_server(tmp_path, capsys):
    from eval.__main__ import main

    assert main(["render-papers", "--out", str(tmp_path / "t.jsonl")]) == 2
    assert "--model" in capsys.readouterr().err
    assert not (tmp_path / "t.jsonl").exists()
