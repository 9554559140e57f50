"""The passages' English renderings: their words and vectors, searched by English questions."""

import dataclasses
import itertools
import json

import numpy as np
import pytest

from corpus import load_corpus
from index import FusionConfig, Index
from index.english import (
    ENGLISH_TEXTS,
    EnglishSide,
    aligned_tokens,
    english_tokens,
    read_translations,
    rendering_pieces,
    shipped_translations,
    stem,
    translations_hash,
    write_english_side,
)


def test_tokens_are_lower_case_words_without_stop_words_and_stemmed():
    assert stem("funds") == "fund"
    assert stem("training") == "train"
    assert stem("studies") == "study"
    assert stem("bus") == "bus"  # too short to strip
    assert english_tokens("What are the Bureaus' tasks for HK fishing?") == ["bureau", "task", "fish"]


def test_the_shipped_renderings_cover_every_shipped_passage():
    rendered = shipped_translations()
    passages = [p.text for d in load_corpus() for p in d.passages]
    assert all(rendered.get(text, "").strip() for text in passages)
    assert len(translations_hash()) == 16


def test_rows_without_a_rendering_are_left_out_and_filters_apply(tmp_path):
    texts = ["甲", "乙", "丙"]
    renderings = {"甲": "fishing patrols at sea", "丙": "futures business cooperation"}
    vectors = {"fishing patrols at sea": [1.0, 0.0], "futures business cooperation": [0.0, 1.0]}

    def embed(batch):
        return np.asarray([vectors[t] for t in batch], dtype=np.float32)

    assert write_english_side(tmp_path, texts, renderings, embed) == 2
    side = EnglishSide.load(tmp_path)
    assert side is not None and side.rows.tolist() == [0, 2]
    lexical, dense = side.search(np.array([0.0, 1.0], np.float32), english_tokens("futures?"), 10, None)
    assert list(lexical) == [2]
    assert max(dense, key=dense.get) == 2 and set(dense) == {0, 2}
    lexical, dense = side.search(np.array([0.0, 1.0], np.float32), ["future"], 10, np.array([0, 1]))
    assert lexical == {} and set(dense) == {0}


def test_a_rendering_is_cut_into_sentences_placed_by_their_share_of_its_length():
    sentences = ["Fishing patrols at sea.", "Futures business!", "Meeting twice a year"]
    pieces = rendering_pieces("  ".join(sentences))
    assert [words for _, _, words in pieces] == [set(english_tokens(s)) for s in sentences]
    assert pieces[0][0] == 0.0 and pieces[-1][1] == 1.0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    # a Chinese sentence in the first tenth of its passage meets the first English sentence only; one
    # across the middle meets the sentences it overlaps
    assert aligned_tokens(pieces, 0.0, 0.1) == set(english_tokens(sentences[0]))
    assert aligned_tokens(pieces, 0.3, 0.7) >= set(english_tokens(sentences[1]))
    assert aligned_tokens(pieces, 0.95, 1.0) == set(english_tokens(sentences[2]))


def test_the_renderings_are_kept_to_align_sentences_with_and_a_bad_file_is_refused(tmp_path):
    texts = ["甲。乙。", "丙"]
    renderings = {"甲。乙。": "Fishing patrols. Futures trading."}

    def embed(batch):
        return np.ones((len(batch), 2), dtype=np.float32)

    assert write_english_side(tmp_path, texts, renderings, embed) == 1
    side = EnglishSide.load(tmp_path)
    assert side is not None and side.texts == ["Fishing patrols. Futures trading."]
    assert side.sentence_words(0, 0.5, 1.0) == set(english_tokens("Futures trading."))
    assert side.sentence_words(1, 0.0, 1.0) is None  # no rendering
    assert 0 < side.idf(stem("fishing")) < side.idf("unseen")
    (tmp_path / ENGLISH_TEXTS).write_text('["one", "two"]', encoding="utf-8")
    with pytest.raises(ValueError, match="one rendering for each"):
        EnglishSide.load(tmp_path)


def test_an_index_without_renderings_has_no_english_side(tmp_path):
    assert write_english_side(tmp_path, ["甲"], {}, lambda batch: np.zeros((0, 2), np.float32)) == 0
    assert EnglishSide.load(tmp_path) is None
    assert EnglishSide.load(tmp_path / "absent") is None


def test_a_translations_file_skips_rows_without_english(tmp_path):
    path = tmp_path / "t.jsonl"
    rows = [{"text": "甲", "english": "A"}, {"text": "乙", "english": " "}, {"text": "丙"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert read_translations(path) == {"甲": "A"}
    assert read_translations(tmp_path / "absent.jsonl") == {}


def test_everyday_english_finds_the_passage_through_its_rendering(real_index_root):
    """A stranger's question (probe 42) in words no glossary name reaches ("party boss", "meet"): the
    passage on the Chief Executive meeting Shaanxi's party secretary comes first only with the renderings."""
    index = Index.load(real_index_root)
    assert index.english is not None and len(index.english) == index.bm25.size
    question = "Where did HK's Chief Executive meet Shaanxi party boss Zhao Yide in 2024?"
    answer = "policy-address-2024:2328-2486"
    assert index.search(question, k=5)[0].chunk_id == answer
    index.fusion = dataclasses.replace(index.fusion, english=(0.0, 0.0))
    assert answer not in [h.chunk_id for h in index.search(question, k=5)]
    # Chinese questions never take the English legs
    chinese = "特首是在哪里会见陕西省委书记赵一德的？"
    off = [h.chunk_id for h in index.search(chinese, k=5)]
    index.fusion = dataclasses.replace(index.fusion, english=FusionConfig().english)
    assert [h.chunk_id for h in index.search(chinese, k=5)] == off


def test_the_question_as_asked_is_embedded_in_the_same_call(real_index_root):
    index = Index.load(real_index_root)
    real, calls = index.encoder, []

    class Counting:
        name, dim = real.name, real.dim

        def encode_queries(self, texts):
            calls.append(list(texts))
            return real.encode_queries(texts)

    index.encoder = Counting()
    prepared = index.prepare("When did the Wuhan trade office open?")
    assert prepared.dense_text != prepared.text  # the glossary translated a name
    [vector] = index.embed_queries([prepared])
    hits = index.search(prepared, k=5, vector=vector)
    assert calls == [[prepared.dense_text, prepared.text]]
    assert any("2014年4月" in h.passage.text for h in hits)  # the answer cites it first (test_typed)
    # Nothing translated: the one vector serves both
    calls.clear()
    plain = index.prepare("What did they agree on?")
    assert plain.dense_text == plain.text
    index.search(plain, k=5, vector=index.embed_queries([plain])[0])
    assert calls == [[plain.text]]
