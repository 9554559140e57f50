"""The terms an index learns from its papers: layers, saving and loading, use in English questions."""

from index.glossary import Entry, Glossary, parse_glossary
from index.paper_terms import TERMS_FILE, UPLOADED_FILE, PaperTerms
from index.query import prepare_query

CURATED = Glossary([Entry(("Qianhai",), ("前海",), "place"), Entry(("set up",), ("成立",), "term")])
UPLOADED = Entry(("Nansha",), ("南沙",), "place")
MINED = Entry(("CEPA",), ("更緊密經貿關係的安排",), "mined")
SENSE = Entry(("cooperation", "Cooperation"), ("合作",), "dictionary")
PLACE = Entry(("Hengqin",), ("橫琴",), "dictionary")


def _terms():
    return PaperTerms.from_entries([UPLOADED, MINED, SENSE, PLACE])


def test_uploaded_entries_join_the_curated_glossary_and_the_rest_fall_back():
    terms = _terms()
    assert terms.uploaded == (UPLOADED,)
    assert terms.fallback.entries == [MINED, SENSE, PLACE]
    assert terms.glossary(CURATED).entries == [*CURATED.entries, UPLOADED]
    assert PaperTerms.from_entries([MINED]).glossary(CURATED) is CURATED
    assert terms.counts == {"uploaded": 1, "mined": 1, "dictionary": 2}


def test_save_then_load_gives_the_same_terms(tmp_path):
    _terms().save(tmp_path)
    loaded = PaperTerms.load(tmp_path)
    assert loaded is not None
    assert (loaded.uploaded, loaded.fallback.entries) == (_terms().uploaded, _terms().fallback.entries)
    assert parse_glossary((tmp_path / UPLOADED_FILE).read_text(encoding="utf-8")) == [UPLOADED]
    assert "CC-CEDICT" in (tmp_path / TERMS_FILE).read_text(encoding="utf-8").splitlines()[0]


def test_an_index_without_terms_loads_none(tmp_path):
    assert PaperTerms.load(tmp_path) is None


def test_fallback_only_for_words_the_glossary_lacks():
    prepared = prepare_query(
        "When was Qianhai cooperation with Hengqin set up?", CURATED, fallback=_terms().fallback
    )
    assert prepared.expansions == (("Qianhai", "前海"), ("set up", "成立"))
    # dictionary senses are BM25 terms (weighed as everyday words), not concepts a reader must find
    assert prepared.senses == (("cooperation", "合作"), ("Hengqin", "橫琴"))
    assert prepared.tokens.count("合作") == 1 and prepared.tokens.count("横琴") == 1
    # a name the question writes is translated for the dense leg, an everyday word is not
    assert prepared.dense_text == "When was 前海 cooperation with 橫琴 成立?"


def test_a_capital_that_only_starts_the_question_is_not_a_name():
    prepared = prepare_query("Cooperation in Hengqin?", CURATED, fallback=_terms().fallback)
    assert prepared.dense_text == "Cooperation in 橫琴?"


def test_mined_names_weigh_as_names():
    prepared = prepare_query("Who signed CEPA?", CURATED, fallback=_terms().fallback)
    assert prepared.expansions == (("CEPA", "更緊密經貿關係的安排"),)
    assert prepared.dense_text == "Who signed 更緊密經貿關係的安排?"


def test_without_fallback_the_question_is_as_before():
    prepared = prepare_query("When was Qianhai cooperation with Hengqin set up?", CURATED)
    assert prepared.expansions == (("Qianhai", "前海"), ("set up", "成立"))
    assert prepared.senses == ()
    assert "合作" not in prepared.tokens


def test_only_a_sense_the_dictionary_writes_as_a_name_is_translated():
    fallback = Glossary([Entry(("mechanism", "scheme"), ("機關",), "dictionary"), PLACE])
    prepared = prepare_query("What is the Transshipment Scheme in Hengqin?", CURATED, fallback=fallback)
    assert prepared.dense_text == "What is the Transshipment Scheme in 橫琴?"
    assert prepared.senses == (("Scheme", "機關"), ("Hengqin", "橫琴"))


def test_a_lower_layer_phrase_across_a_glossary_word_does_not_hide_its_own_word():
    curated = Glossary([Entry(("industry",), ("產業",), "term")])
    fallback = Glossary(
        [Entry(("film industry",), ("影業",), "dictionary"), Entry(("film",), ("電影",), "dictionary")]
    )
    prepared = prepare_query("When was the film industry deal signed?", curated, fallback=fallback)
    assert ("film", "電影") in prepared.senses
    assert ("film industry", "影業") not in prepared.senses


def test_how_insistently_the_asker_asks_is_no_sense():
    fallback = Glossary(
        [
            Entry(("actually", "originally"), ("原來",), "dictionary"),
            Entry(("supply",), ("供應",), "dictionary"),
        ]
    )
    prepared = prepare_query("How much water did Guangdong actually supply?", CURATED, fallback=fallback)
    assert prepared.senses == (("supply", "供應"),)
    assert "原來" not in prepared.tokens
    # nor how the question is framed
    fallback = Glossary(
        [
            Entry(("supposed", "estimate"), ("估計",), "dictionary"),
            Entry(("kinds",), ("種類",), "dictionary"),
            Entry(("supply",), ("供應",), "dictionary"),
        ]
    )
    prepared = prepare_query("What kinds of supply was it supposed to get?", CURATED, fallback=fallback)
    assert prepared.senses == (("supply", "供應"),)


def test_a_hyphenated_word_the_dictionary_knows_whole_is_not_read_in_parts():
    curated = Glossary([Entry(("end",), ("完結",), "term"), Entry(("film",), ("電影",), "term")])
    fallback = Glossary([Entry(("high-end",), ("高端",), "dictionary")])
    prepared = prepare_query("Which high-end film services?", curated, fallback=fallback)
    assert ("high-end", "高端") in prepared.senses
    assert ("end", "完結") not in prepared.expansions
    assert "完結" not in prepared.dense_text and "high-end" in prepared.dense_text
    # a hyphenated word nobody knows whole is read in its words (thin-film)
    prepared = prepare_query("Who makes thin-film panels?", curated, fallback=fallback)
    assert ("film", "電影") in prepared.expansions


def test_glosses_read_the_dictionary_forwards_again():
    build = Entry(("build", "construct", "main part"), ("建設",), "dictionary")
    terms = PaperTerms.from_entries([UPLOADED, MINED, SENSE, PLACE, build])
    # normalised Chinese -> lower-case English words; romanised names and other layers are left out
    assert terms.glosses == {
        "合作": frozenset({"cooperation"}),
        "建设": frozenset({"build", "construct", "main", "part"}),
    }
