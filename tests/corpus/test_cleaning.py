"""Cleaning functions on hand-written fixtures with exact expected values."""

from corpus.cleaning import (
    ends_sentence,
    fold_compatibility_ideographs,
    join_lines,
    normalize_unicode,
    page_number,
    strip_bullet,
    tidy_spaces,
)


def test_compatibility_ideographs_become_unified():
    # U+F98E is the compatibility form of 年 (U+5E74); U+F9B2 of 零 (U+96F6).
    assert fold_compatibility_ideographs("2009\uf98e") == "2009年"
    assert fold_compatibility_ideographs("二\uf9b2\uf9b2九") == "二零零九"
    assert normalize_unicode("\ufeff深港\r\n合作") == "深港\n合作"


def test_tidy_spaces_drops_stray_spaces_but_keeps_thousands():
    assert tidy_spaces("行 政 長 官 及") == "行政長官及"
    assert tidy_spaces("政制事務局於 2007 年正式改名") == "政制事務局於2007年正式改名"
    assert tidy_spaces("超過3 800家內地企業") == "超過3 800家內地企業"
    assert tidy_spaces("(廣州 )") == "(廣州)"
    assert tidy_spaces("通過 CEPA 基本實現") == "通過 CEPA 基本實現"


def test_join_lines_cjk_and_latin():
    assert join_lines(["雙方更在2004年設立由政務司司長及深圳市市長共同主", "持的深港合作會議"]) == (
        "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議"
    )
    assert join_lines(["the Closer Economic", "Partnership Arrangement"]) == (
        "the Closer Economic Partnership Arrangement"
    )


def test_page_number_lines():
    assert page_number("2  ") == 2
    assert page_number(" - 5 -") == 5
    assert page_number("2016年") is None
    assert page_number("1,600") is None


def test_sentence_end_and_bullet():
    assert ends_sentence("交代會議的成果。")
    assert ends_sentence("「一年多簽」。」")
    assert not ends_sentence("政務司司長與深")
    assert strip_bullet("◢ 2012年7月") == "2012年7月"
