"""An index rebuilt as if the shipped glossary lacked some entries: its tokenizer's dictionary too.

The tokenizer keeps every Chinese term of the glossary whole (jieba's domain dictionary), so dropping an
entry from the question analysis alone would still let its name be indexed as one token. Here the name is
gone from both, as for a paper nobody curated.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index import Index, build_index
from index import tokenizer as tokenizer_module
from index.glossary import Glossary, format_glossary
from qa.service import QAService

JIEBA_CACHE = "POLICYQA_JIEBA_CACHE_DIR"


def user_words() -> list[str]:
    """The shipped domain dictionary's own words (beside the glossary's terms)."""
    text = tokenizer_module._data_text(tokenizer_module.USER_DICT)
    return [line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]


@contextmanager
def tokenizer_with(glossary: Glossary, dropped_words: frozenset[str] = frozenset()) -> Iterator[None]:
    """Meanwhile, tokens are cut with this glossary's terms and the domain dictionary less
    ``dropped_words`` (jieba's shards for it go to a temporary folder, removed after)."""
    shipped = tokenizer_module._data_text
    text = format_glossary(list(glossary.entries))
    kept = "".join(
        line + "\n"
        for line in shipped(tokenizer_module.USER_DICT).splitlines()
        if not line.strip() or line.startswith("#") or line.split()[0] not in dropped_words
    )

    def data_text(name: str) -> str:
        if name == tokenizer_module.GLOSSARY:
            return text
        return kept if name == tokenizer_module.USER_DICT else shipped(name)

    saved = os.environ.get(JIEBA_CACHE)
    with tempfile.TemporaryDirectory(prefix="policyqa-lopo-") as shards:
        os.environ[JIEBA_CACHE] = shards
        tokenizer_module._data_text = data_text
        _forget_dictionary()
        try:
            yield
        finally:
            tokenizer_module._data_text = shipped
            _forget_dictionary()
            if saved is None:
                os.environ.pop(JIEBA_CACHE, None)
            else:
                os.environ[JIEBA_CACHE] = saved


def _forget_dictionary() -> None:
    tokenizer_module._jieba.cache_clear()
    tokenizer_module._mixed_terms.cache_clear()


def rebuilt_service(service: QAService, root: Path) -> QAService:
    """The service's papers indexed anew under ``root`` with the tokenizer as it is now (vectors come from
    the shipped seed and the cache: nothing is embedded again unless the papers changed)."""
    index = service.index
    if not isinstance(index, Index):
        raise TypeError(f"leave-one-paper-out rebuilds embedded indexes, not {index.backend}")
    build_index(
        service.full_documents(), index.encoder, root, index.manifest["encoder"]["spec"], show_progress=False
    )
    return QAService(Index.load(root, encoder=index.encoder), service.translator)
