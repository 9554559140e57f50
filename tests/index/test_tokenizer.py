"""Normalisation and tokens: domain terms whole, scripts folded, figures intact, stop words out."""

import pytest

from index.normalize import normalize
from index.tokenizer import STOP_WORDS, domain_terms, tokenize


@pytest.mark.parametrize(
    "text, term",
    [
        ("推進粵港澳大灣區建設", "粤港澳大湾区"),
        ("前海的定位", "前海"),
        ("落馬洲河套地區發展", "落马洲河套地区"),
        ("港珠澳大橋主體工程", "港珠澳大桥"),
        ("政制及內地事務局負責統籌", "政制及内地事务局"),
        ("CEPA補充協議七於今年1月1日起開始實施", "cepa补充协议七"),
        ("深港合作會議", "深港合作会议"),
    ],
)
def test_domain_terms_stay_whole(text, term):
    assert term in tokenize(text)


def test_simplified_and_traditional_give_the_same_tokens():
    assert tokenize("深港合作會議何時成立？") == tokenize("深港合作会议何时成立？")
    assert tokenize("前海的定位是甚麼？") == tokenize("前海的定位是什么？")
    assert tokenize("衞生當局着力推動") == tokenize("卫生当局着力推动")


def test_figures_and_paper_numbers_are_single_tokens():
    assert tokenize("立法會CB(2)2193/11-12(01)號文件") == [
        "立法",
        "法会",
        "立法会",
        "cb(2)2193/11-12(01)",
        "号",
        "文件",
    ]
    assert "3089" in tokenize("總數：3 089")
    assert "48.9%" in tokenize("佔同期香港貿易總值的48.9%")
    assert "31280" in tokenize("港幣31,280億元")


def test_stop_words_and_punctuation_are_dropped():
    assert tokenize("的了和。，？") == []
    assert tokenize("When was the meeting set up?") == ["meeting", "set", "up"]
    assert {"的", "what", "何时"} <= STOP_WORDS


def test_normalize_folds_width_case_and_script():
    assert normalize("ＣＥＰＡ（補充協議）") == "cepa(补充协议)"


def test_domain_dictionary_has_the_issue_terms():
    terms = set(domain_terms())
    assert {
        "粵港澳大灣區",
        "前海",
        "落馬洲河套地區",
        "港珠澳大橋",
        "政制及內地事務局",
        "CEPA補充協議七",
    } <= terms
