"""The sentence store: spans inside passages, neighbours in a paragraph, and a save -> load round trip."""

import numpy as np

from corpus import SIGN_OFF
from corpus.models import Passage
from index.sentences import SentenceStore, embedded_text, split_passages
from index.vector_file import VectorFile

TEXT = "深港合作會議於2004年設立。會議由政務司司長主持。前海定位為合作區。"
PASSAGES = [
    Passage("d:0:26", "d", 0, 26, TEXT[0:26], "2", None, None, None),
    Passage("d:26:35", "d", 26, 35, TEXT[26:35], "3", None, None, None),
]


def test_sentences_keep_document_offsets():
    sentences = split_passages(PASSAGES)
    texts = [s.text for s in sentences]
    assert texts == ["深港合作會議於2004年設立。", "會議由政務司司長主持。", "前海定位為合作區。"]
    assert all(TEXT[s.start : s.end] == s.text for s in sentences)
    assert [s.passage_row for s in sentences] == [0, 0, 1]


def test_save_load_round_trip(tmp_path):
    sentences = split_passages(PASSAGES)
    vectors = np.eye(3, 4, dtype=np.float32)
    SentenceStore.from_sentences(sentences, vectors, PASSAGES).save(tmp_path)
    loaded = SentenceStore.load(tmp_path, PASSAGES.__getitem__)
    assert [loaded.sentence(i) for i in range(len(loaded))] == sentences
    assert isinstance(loaded.vectors, VectorFile)  # read from disk, not held in memory
    assert np.array_equal(loaded.vectors.rows_any_order(np.array([2, 0, 1])), vectors[[2, 0, 1]])
    assert [s.text for s in loaded.of_passage(0)] == ["深港合作會議於2004年設立。", "會議由政務司司長主持。"]
    assert loaded.of_passage(7) == []
    assert [s.text for s in loaded.of_passage(1)] == ["前海定位為合作區。"]
    assert loaded.similarity(np.array([0, 1, 0, 0], dtype=np.float32), [0, 1]).tolist() == [0.0, 1.0]


def test_a_sign_off_is_embedded_with_the_front_matter_it_signs():
    text = "政制及內地事務局\n\n二零零九年十二月"
    front = "資料文件 立法會工商事務委員會 2009年深港合作會議"
    sign_off = Passage("d:0-17", "d", 0, len(text), text, None, front, None, None, SIGN_OFF)
    paragraph = Passage("d:0-17", "d", 0, len(text), text, "1", "背景", None, None)
    (sentence,) = split_passages([sign_off])
    assert embedded_text(sentence, sign_off) == f"{front}\n{text}"
    assert embedded_text(sentence, paragraph) == text
