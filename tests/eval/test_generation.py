"""The generation evaluation's own pieces: the sample of question groups and whether figures were kept."""

from eval.generation import kept_figures, sample_groups
from eval.gold import GoldQuestion


def q(group: str, language: str, evidence: tuple[str, ...] = ("x",)) -> GoldQuestion:
    return GoldQuestion(f"{group}-{language}", group, language, "?", None, evidence, "date", None)


def test_the_same_groups_are_asked_in_every_language():
    questions = [q(f"f{i:03d}", lang) for i in range(10) for lang in ("en", "zh-Hant", "zh-Hans")]
    questions.append(q("u001", "en", evidence=()))  # unanswerable: never sampled
    chosen = sample_groups(questions, 3)
    assert [x.qid for x in chosen] == [
        "f000-en", "f003-en", "f006-en",
        "f000-zh-Hant", "f003-zh-Hant", "f006-zh-Hant",
        "f000-zh-Hans", "f003-zh-Hans", "f006-zh-Hans",
    ]  # fmt: skip


def test_figures_kept_in_english_and_chinese():
    assert kept_figures("2011年6月底前", "By the end of June 2011 [1].", "en")
    assert not kept_figures("2011年6月底前", "By the end of July 2011 [1].", "en")
    assert kept_figures("港幣31,280億元", "HK$3,128 billion [1].", "en")
    assert not kept_figures("港幣31,280億元", "HK$31,280 billion [1].", "en")
    assert kept_figures("超過2 700個", "共批准超过2 700个资助项目 [1]。", "zh-Hans")
