"""An English question's everyday words found in Chinese sentences through the dictionary's senses."""

import numpy as np
import pytest

from qa.readers.glosses import asked_stems, gloss_coverage, held_stems, stem

SENSES = {
    "建设": ("build", "construct", "develop"),
    "新闻": ("news",),
    "公报": ("bulletin", "communique"),
    "伙伴": ("partner", "companion"),
    "数目": ("number",),
}
STEMS = {word: frozenset(stem(w) for w in senses) for word, senses in SENSES.items()}


@pytest.mark.parametrize(
    ("a", "b"),
    [("completion", "complete"), ("institutions", "institution"), ("events", "event"), ("press", "press")],
)
def test_words_of_one_stem_are_compared_alike(a, b):
    assert stem(a) == stem(b)


def test_a_question_asks_the_words_some_sense_holds_but_not_its_asking_words():
    question = "What number of partners did the construction work have, per the news?"
    # "number" says what kind of answer is wanted; "what", "the", "did" are stop words; "work" no sense has
    assert asked_stems(question, STEMS) == {stem("partners"), stem("construction"), stem("news")}


def test_a_four_character_word_the_dictionary_lacks_means_what_its_halves_do():
    assert held_stems(frozenset({"新闻公报", "发布"}), STEMS) == STEMS["新闻"] | STEMS["公报"]
    assert held_stems(frozenset({"建设"}), STEMS) == {"build", "constr", "develo"}


def test_a_stem_few_candidates_hold_weighs_more():
    news, partner = stem("news"), stem("partner")
    asked = frozenset({news, partner})
    held = [frozenset({news}), frozenset({news}), frozenset({news, partner}), frozenset()]
    covered = gloss_coverage(asked, held)
    assert covered[2] == pytest.approx(1.0)
    # each of the first two holds only the stem three candidates share: less than half
    assert covered[0] == covered[1] < 0.5
    assert covered[3] == 0.0
    assert gloss_coverage(frozenset(), held) == [0.0] * 4


def _feature(service, question, name):
    """Each candidate sentence's value of one reader feature, by its text."""
    from qa.readers.features import FEATURES, READ_DEPTH, candidates
    from qa.readers.question import analyse

    prepared = service.index.prepare(question)
    vector = service.index.embed_query(prepared)
    hits = service.index.search(prepared, READ_DEPTH, vector=vector)
    at = FEATURES.index(name)
    found = candidates(analyse(prepared), hits, vector, service.index)
    return {c.sentence.text: c.features[at] for c in found}


def _glossed(service, question):
    return _feature(service, question, "gloss_coverage")


def test_an_english_question_finds_its_everyday_words_in_the_sentence_that_answers(real_service):
    # "industry", "delegation", "exhibition" reach no Chinese through the glossary; the dictionary's senses
    # of 業界, 代表 and 會展 bring them, and no other candidate holds more of the question's words
    question = (
        "Which bureau took an industry delegation to the China International Marine exhibition in Shanghai?"
    )
    glossed = _glossed(real_service, question)
    answer = next(text for text in glossed if "運輸及房屋局率領業界在上海出席中國國際海事會展" in text)
    assert glossed[answer] == max(glossed.values()) > 0.5
    reading = real_service.ask(question).reading
    assert "運輸及房屋局率領業界" in reading.sentences[0].text


def test_a_chinese_question_has_no_gloss_coverage(real_service):
    glossed = _glossed(real_service, "邊個政策局帶業界去上海參加中國國際海事會展？")
    assert glossed and set(glossed.values()) == {0.0}


def test_the_words_known_follow_the_mapping_asked_about():
    # a new index version brings a new mapping: what it knows is read from it, not from the one before
    before = {"新闻": frozenset({stem("news")})}
    after = {"伙伴": frozenset({stem("partner")})}
    assert asked_stems("news of partners", before) == {stem("news")}
    assert asked_stems("news of partners", after) == {stem("partners")}


def _rendered(service, question):
    return _feature(service, question, "rendering_coverage")


def test_an_english_question_meets_its_words_in_the_rendering_of_the_sentence_that_answers(real_service):
    # "save keying in the same data twice" reaches 減省業界的資料輸入工作 through no glossary name; the
    # passage's English rendering says "reduce ... data input" and "unify the format" where that sentence lies
    question = (
        "To save traders keying in the same data twice, what did HK and Mainland customs agree to do with "
        "their two electronic road cargo systems?"
    )
    rendered = _rendered(real_service, question)
    answer = next(text for text in rendered if "統一該兩個電子系統在相同資料項目上的格式" in text)
    assert rendered[answer] > 0.3
    assert rendered[answer] > sorted(rendered.values())[len(rendered) // 2]


def test_a_chinese_question_has_no_rendering_coverage(real_service):
    rendered = _rendered(real_service, "兩地海關同意怎樣處理兩個道路貨物電子系統？")
    assert rendered and set(rendered.values()) == {0.0}


def test_while_a_passage_read_has_no_rendering_the_renderings_count_for_no_candidate(real_index_root):
    # a paper added without an LLM server has no rendering: its sentences must not lose to the rendered
    # ones for the words only the renderings hold, so no candidate of the question is credited
    import dataclasses
    from types import SimpleNamespace

    from index import Index

    index = Index.load(real_index_root)
    try:
        assert index.english is not None
        index.english = dataclasses.replace(index.english, texts=None)
        question = "To save traders keying in the same data twice, what did the two customs agree to do?"
        sentences = [index.sentences.sentence(row) for row in range(3)]
        assert np.isnan(index.english_coverage(question, sentences)).all()
        rendered = _rendered(SimpleNamespace(index=index), question)
        assert rendered and set(rendered.values()) == {0.0}
    finally:
        index.close()
