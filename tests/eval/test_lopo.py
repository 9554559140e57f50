"""Leave-one-paper-out: which curated entries a held-out paper loses, and the report's section."""

from eval.lopo import Fold, Outcome, only_in, papers_of, without_paper
from eval.lopo_report import END, START, keep_section, lopo_table, write_lopo_results
from index.glossary import Entry, Glossary
from index.normalize import normalize

TEXTS = {
    "sz": normalize("深港合作會議在前海舉行。").replace(" ", ""),
    "gd": normalize("粵港合作聯席會議討論前海及南沙。").replace(" ", ""),
}
QIANHAI = Entry(("Qianhai",), ("前海",), "place")
SZ_MEETING = Entry(("Shenzhen-Hong Kong Cooperation Meeting",), ("深港合作會議",), "mechanism")
NANSHA = Entry(("Nansha",), ("南沙",), "place")
NOWHERE = Entry(("Hengqin",), ("橫琴",), "place")


def test_an_entry_belongs_to_the_papers_that_use_it():
    assert papers_of(QIANHAI, TEXTS) == {"sz", "gd"}
    assert papers_of(SZ_MEETING, TEXTS) == {"sz"}
    assert papers_of(NOWHERE, TEXTS) == set()


def test_a_word_only_one_paper_uses():
    assert only_in("深港合作會議", "sz", TEXTS)
    assert not only_in("前海", "sz", TEXTS)
    assert not only_in("橫琴", "sz", TEXTS)


def test_only_names_no_other_paper_has_are_dropped():
    glossary = Glossary([QIANHAI, SZ_MEETING, NANSHA, NOWHERE])
    kept, dropped = without_paper(glossary, "sz", TEXTS)
    assert (kept.entries, dropped) == ([QIANHAI, NANSHA, NOWHERE], 1)
    kept, dropped = without_paper(glossary, "gd", TEXTS)
    assert (kept.entries, dropped) == ([QIANHAI, SZ_MEETING, NOWHERE], 1)


def _outcomes():
    folds = (Fold("sz", 1, (1.0, 0.0), (1.0, 1.0)), Fold("gd", 2, (0.0,), (1.0,)))
    return [
        ("gold", Outcome("curated", (Fold("all", 0, (1.0, 1.0, 0.0), (1.0, 1.0, 1.0)),)), "today"),
        ("gold", Outcome("today", folds), "today"),
    ]


def test_hits_are_averaged_over_questions_not_papers():
    outcome = _outcomes()[1][1]
    assert outcome.questions == 3
    assert (round(outcome.hit(1), 4), outcome.hit(5)) == (0.3333, 1.0)


def test_the_table_has_the_totals_then_each_paper():
    table = lopo_table(_outcomes())
    assert "| gold | today | whole (curated) | 3 | 0.667 | 1.000 |" in table
    assert "| gold | today | paper's own names dropped | 3 | 0.333 | 1.000 |" in table
    assert "| gold | today | sz | 1 | 2 | 0.500 | 1.000 |" in table
    assert "| gold | today | gd | 2 | 1 | 0.000 | 1.000 |" in table


def test_the_section_is_replaced_in_place_and_survives_the_ablation(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# ablation\n", encoding="utf-8")
    write_lopo_results(results, "| old |")
    write_lopo_results(results, "| new |")
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# ablation\n\n" + START)
    assert "| new |" in text and "| old |" not in text and text.count(START) == 1
    rewritten = keep_section(text, "# ablation, rewritten\n")
    assert rewritten.startswith("# ablation, rewritten\n\n" + START) and rewritten.rstrip().endswith(END)
    assert keep_section("# no section\n", "# fresh\n") == "# fresh\n"
