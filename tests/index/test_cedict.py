"""CC-CEDICT read backwards: senses a question could use, romanised names, only the papers' words."""

import pytest

from index.cedict import (
    DictionaryWord,
    dictionary_entries,
    english_names,
    parse_line,
    read_dictionary,
    romanised,
)
from index.glossary import Entry


def test_a_dictionary_line_is_parsed():
    word = parse_line("粵 粤 [Yue4] /Cantonese/short name for Guangdong 廣東|广东[Guang3 dong1]/\n")
    assert word == DictionaryWord(
        "粵", "粤", "Yue4", ("Cantonese", "short name for Guangdong 廣東|广东[Guang3 dong1]")
    )
    assert parse_line("# CC-CEDICT") is None


@pytest.mark.parametrize(
    ("sense", "names"),
    [
        ("to cooperate; to collaborate", ["cooperate", "collaborate"]),
        ("short name for Guangdong 廣東|广东[Guang3 dong1]", ["Guangdong"]),
        ("Hong Kong (abbr. for 香港[Xiang1 gang3])", ["Hong Kong"]),
        ("Nansha Islands, aka Spratly Islands", ["Nansha Islands", "aka Spratly Islands"]),
        ("CL:個|个[ge4]", []),
        ("variant of 面[mian4]", []),
        # CC-CEDICT is American; Hong Kong askers write British, so both spellings are names
        (
            "physical labor; organization",
            ["physical labor", "physical labour", "organization", "organisation"],
        ),
        ("exhibition center; size", ["exhibition center", "exhibition centre", "size"]),
        ("a sense far too long to be a name a question uses", []),
    ],
)
def test_english_names_of_a_sense(sense, names):
    assert english_names(sense) == names


def test_proper_nouns_are_romanised_and_common_words_are_not():
    assert romanised("Shen1 zhen4") == "Shenzhen"
    assert romanised("Lu:4 shun4") == "Lushun"
    assert romanised("he2 zuo4") is None
    assert romanised("Yue4") is None  # too short to be told from an English word


WORDS = [
    DictionaryWord("合作", "合作", "he2 zuo4", ("to cooperate", "to collaborate")),
    DictionaryWord("會議", "会议", "hui4 yi4", ("meeting", "conference", "CL:場|场[chang3]")),
    DictionaryWord("深圳", "深圳", "Shen1 zhen4", ("Shenzhen subprovincial city in Guangdong",)),
    DictionaryWord("粵", "粤", "Yue4", ("Cantonese", "short name for Guangdong 廣東|广东[Guang3 dong1]")),
    DictionaryWord("深", "深", "shen1", ("deep",)),
    DictionaryWord("前", "前", "qian2", ("front",)),
    DictionaryWord("海", "海", "hai3", ("ocean",)),
    DictionaryWord("蘋果", "苹果", "ping2 guo3", ("apple",)),
]


def test_only_the_papers_words_and_commonest_first():
    vocabulary = {"合作": 40, "会议": 90, "深圳": 12, "粤": 30, "深": 5, "前海": 3}
    entries = dictionary_entries(vocabulary, WORDS)
    assert entries == [
        Entry(("meeting", "conference"), ("會議",), "dictionary"),
        Entry(("cooperate", "collaborate"), ("合作",), "dictionary"),
        Entry(("Cantonese", "Guangdong"), ("粵",), "dictionary"),
        Entry(("Shenzhen",), ("深圳",), "dictionary"),
        # not in the dictionary: its characters' readings make its name
        Entry(("Qianhai",), ("前海",), "dictionary"),
    ]


def test_the_packaged_dictionary_is_read():
    first = next(read_dictionary())
    assert first.traditional and first.senses
