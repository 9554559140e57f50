"""A held-out paper's names leave the tokenizer's dictionary too, and come back after."""

import os

from eval.held_out_index import JIEBA_CACHE, tokenizer_with
from index import default_glossary, tokenize
from index.glossary import Glossary


def test_the_dictionary_follows_the_glossary_and_is_restored():
    shipped = tokenize("落馬洲河套地區")
    assert "落马洲河套地区" in shipped
    before = os.environ.get(JIEBA_CACHE)
    without = Glossary([e for e in default_glossary().entries if "落馬洲河套地區" not in e.chinese])
    with tokenizer_with(without, frozenset({"落馬洲河套地區"})):
        assert "落马洲河套地区" not in tokenize("落馬洲河套地區")
        assert os.environ[JIEBA_CACHE] != before
    assert tokenize("落馬洲河套地區") == shipped
    assert os.environ.get(JIEBA_CACHE) == before
