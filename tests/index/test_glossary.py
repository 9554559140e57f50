"""The bilingual glossary: size, English matching, Chinese labels, synonyms, file format errors."""

import pytest

from index.glossary import default_glossary, parse_glossary
from index.query import prepare_query, side_pairs


def test_glossary_has_hundreds_of_entries():
    assert len(default_glossary().entries) >= 300


@pytest.mark.parametrize(
    "question, chinese",
    [
        ("What is the Greater Bay Area?", "粵港澳大灣區"),
        ("positioning of Qianhai", "前海"),
        ("the Lok Ma Chau Loop", "落馬洲河套地區"),
        ("How many ETOs are there?", "經濟貿易辦事處"),
        ("Economic and Trade Office in Wuhan", "經濟貿易辦事處"),
        ("Individual Visit Scheme for Shenzhen residents", "個人遊"),
        ("Hong Kong-Zhuhai-Macao bridge", "港珠澳大橋"),
        # the papers write a pilot 試點 (21 times), 試驗計劃 or 試行; 先行先試 is "early and pilot"
        ("the pilot on mutual recognition of e-signature certificates", "試點"),
        ("the 41 'early and pilot' measures", "先行先試"),
    ],
)
def test_english_names_map_to_chinese_terms(question, chinese):
    matches = default_glossary().match_english(question)
    assert any(chinese in m.entry.chinese for m in matches), [m.entry.chinese for m in matches]


def test_acronyms_match_case_sensitively():
    glossary = default_glossary()
    assert not any("美國" in m.entry.chinese for m in glossary.match_english("tell us about it"))
    assert any("美國" in m.entry.chinese for m in glossary.match_english("trade with the US"))


def test_longest_phrase_wins():
    matches = default_glossary().match_english("When was the Shenzhen-Hong Kong Cooperation Meeting set up?")
    assert [m.entry.chinese[0] for m in matches] == ["深港合作會議", "成立"]


def test_chinese_labels_for_english_readers():
    labels = default_glossary().label_chinese("深圳市政府將主導及負責開發管理前海地區。")
    assert ("前海", "Qianhai") in labels


def test_english_question_is_expanded_into_chinese_bm25_terms():
    prepared = prepare_query("What is the positioning of Qianhai?")
    assert prepared.language == "en"
    assert "前海" in prepared.tokens and "定位" in prepared.tokens
    assert ("Qianhai", "前海") in prepared.expansions


def test_chinese_synonyms_from_the_glossary():
    prepared = prepare_query("深港合作會議何時成立？", chinese_synonyms=True)
    assert "设立" in prepared.tokens


def test_bad_glossary_lines_are_reported():
    with pytest.raises(ValueError, match="line 1: expected 3"):
        parse_glossary("Qianhai\t前海")
    with pytest.raises(ValueError, match="line 2: empty"):
        parse_glossary("# comment\n\t前海\tplace")


def test_two_sides_an_english_question_names_are_searched_as_the_papers_pair_them():
    # the papers write 深港 and 粵港 where an asker writes "Shenzhen and Hong Kong"
    prepared = prepare_query("When did Hong Kong and Shenzhen sign the memorandum?")
    assert "深港" in prepared.tokens and "港深" in prepared.tokens
    assert side_pairs("廣東與香港") == ["港粤", "粤港"]
    assert side_pairs("香港") == []
    # a Chinese question writes the pair itself
    assert "深港" not in prepare_query("香港同深圳幾時簽備忘錄？").tokens
