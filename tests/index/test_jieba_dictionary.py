"""jieba over its dictionary's shards cuts as over the whole dictionary, reading only what it meets."""

import marshal

import pytest

from corpus.pipeline import load_corpus
from index import tokenizer
from index.jieba_dictionary import FORMAT, ShardedDictionary, write_shards
from index.normalize import normalize


def test_shards_round_trip_and_load_only_the_characters_met(tmp_path):
    freq = {"深港": 5, "深": 0, "合作": 3, "合": 0, "會議": 2, "會": 0}
    path = tmp_path / "d.shards"
    write_shards(freq, 10, path)
    shards = ShardedDictionary(path)
    assert shards.total == 10
    assert shards.freq == {}
    shards.ensure("深港合")
    assert shards.freq == {"深港": 5, "深": 0, "合作": 3, "合": 0}
    shards.ensure("會議？")  # a character with no entries is remembered, not an error
    assert shards.freq == freq
    assert path.stat().st_mode & 0o777 == 0o644  # readable by another user's server on the machine


@pytest.mark.parametrize("content", [b"", b"\x00" * 8, b"garbage that is not a shard file at all"])
def test_unreadable_shards_are_an_error_the_tokenizer_can_fall_back_on(tmp_path, content):
    path = tmp_path / "bad.shards"
    path.write_bytes(content)
    with pytest.raises((ValueError, EOFError, TypeError)):
        ShardedDictionary(path)


def test_another_format_is_refused(tmp_path):
    path = tmp_path / "old.shards"
    header = marshal.dumps(("another-format", 1, {}))
    path.write_bytes(len(header).to_bytes(8, "little") + header)
    with pytest.raises(ValueError, match=FORMAT):
        ShardedDictionary(path)


def test_sharded_cuts_equal_whole_dictionary_cuts_on_the_papers_and_questions():
    jieba = tokenizer._import_jieba()
    whole = jieba.Tokenizer()
    whole.initialize()
    for word in tokenizer._domain_words():
        whole.add_word(word, freq=tokenizer.DOMAIN_FREQ)
    questions = [
        normalize(q)
        for q in ("深港合作會議何時成立？", "前海的定位是甚麼？", "CEPA服务贸易协议开放了多少个部门？")
    ]
    texts = [normalize(p.text) for doc in load_corpus() for p in doc.passages[:12]]
    tokenizer._jieba.cache_clear()
    _, shards = tokenizer._jieba()
    assert shards is not None, "the shards could not be written to the temporary folder"
    for text in questions:
        assert tokenizer._cut(text) == list(whole.cut_for_search(text, HMM=True)), text
    assert len(shards.freq) < len(whole.FREQ) / 10  # three questions read a small part of the dictionary
    for text in texts:
        assert tokenizer._cut(text) == list(whole.cut_for_search(text, HMM=True)), text
