"""Tokens for BM25: jieba with a domain dictionary, figures and paper numbers kept whole, stop words out."""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from functools import lru_cache
from importlib import resources
from typing import Any

from index.jieba_dictionary import ShardedDictionary, shards_path, write_shards
from index.normalize import normalize

# Figures and paper numbers are cut out before jieba sees the text, so they stay one token.
_PROTECTED = re.compile(
    r"cb\(\d\)\d+/\d{2}-\d{2}\(\d{2}\)"  # LegCo paper number
    r"|\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?%?"  # 3 089, 31,280, 10 000
    r"|\d+(?:\.\d+)?%"  # 48.9%
    r"|\d+(?:\.\d+)?"
)
_WORD = re.compile(r"[a-z][a-z0-9&+\-]*|[\u3400-\u9fff]+")
_STOP_WORDS_ZH = (
    "的 了 和 与 及 在 是 为 有 于 以 并 等 亦 也 而 或 其 之 由 将 "
    "会 就 对 把 被 所 这 那 个 中 上 下 已 从 至 到 各 该 此 与其 以及 "
    "并且 但 又 则 即 还 我们 他们 吗 呢 吧 啊 什么 甚么 何时 多少 哪些 "
    "哪个 哪 几 如何 怎样 怎么 是否 为何 为什么 谁 有关 关于 方面 情况 一 "
    "请问 "
)
_STOP_WORDS_EN = (
    "the a an of to in on for and or is are was were be been being by with at from as that this these "
    "those which what when where who whom whose how why did does do has have had it its into about "
    "many much there their they them than then so such can could would should will shall may might "
    "any all some "
)
STOP_WORDS = frozenset((_STOP_WORDS_ZH + _STOP_WORDS_EN).split())
USER_DICT = "userdict.txt"
GLOSSARY = "glossary.tsv"


def _data_text(name: str) -> str:
    return (resources.files("index") / "data" / name).read_text(encoding="utf-8")


def domain_terms() -> list[str]:
    """Chinese terms that must stay whole: the user dictionary plus every Chinese term of the glossary."""
    terms = [
        line.split()[0] for line in _data_text(USER_DICT).splitlines() if line and not line.startswith("#")
    ]
    for line in _data_text(GLOSSARY).splitlines():
        if line and not line.startswith("#"):
            terms.extend(t for t in line.split("\t")[1].split("|") if re.search("[\u3400-\u9fff]", t))
    return terms


def dictionary_hash() -> str:
    """Hash of the domain dictionary and glossary, stamped into an index manifest."""
    digest = hashlib.sha256()
    for name in (USER_DICT, GLOSSARY):
        digest.update(_data_text(name).encode("utf-8"))
    return digest.hexdigest()[:16]


def _import_jieba() -> Any:
    """jieba, imported without pkg_resources: jieba only uses it to open its own files and falls back to
    ``open`` when it is missing, and importing it (deprecated, with its vendored packages) took 80 ms."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    return jieba


DOMAIN_FREQ = 200000  # high enough that jieba keeps a domain term whole


def _domain_words() -> list[str]:
    words = (normalize(term).replace(" ", "") for term in domain_terms())
    return [w for w in words if len(w) >= 2]


@lru_cache(maxsize=1)
def _jieba() -> tuple[object, ShardedDictionary | None]:
    """jieba with the domain terms added, over its dictionary's shards when they can be read or written.

    The first process on a machine loads the whole dictionary (0.6-1.0 s) and writes the shards; later
    processes read the entries of the characters they meet (see ``index.jieba_dictionary``).
    """
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    words = _domain_words()
    path = shards_path(((w, DOMAIN_FREQ) for w in words), jieba.__version__)
    tokenizer = jieba.Tokenizer()
    try:
        shards = ShardedDictionary(path)
    except (OSError, ValueError, EOFError, TypeError):
        tokenizer.initialize()
        for word in words:
            tokenizer.add_word(word, freq=DOMAIN_FREQ)
        try:
            write_shards(tokenizer.FREQ, tokenizer.total, path)
        except OSError as exc:
            logging.getLogger(__name__).warning("jieba shards not written to %s: %s", path, exc)
        return tokenizer, None
    tokenizer.FREQ = shards.freq
    tokenizer.total = shards.total
    tokenizer.initialized = True
    return tokenizer, shards


def _cut(text: str) -> list[str]:
    tokenizer, shards = _jieba()
    if shards is not None:
        shards.ensure(text)
    return list(tokenizer.cut_for_search(text, HMM=True))  # type: ignore[attr-defined]


def _figure(token: str) -> str:
    return token.replace(" ", "").replace(",", "")


@lru_cache(maxsize=1)
def _mixed_terms() -> re.Pattern[str]:
    """Domain terms mixing Latin and Chinese (CEPA補充協議七): jieba would split them at the script change."""
    mixed = {
        normalize(t) for t in domain_terms() if re.search("[A-Za-z]", t) and re.search("[\u3400-\u9fff]", t)
    }
    names = sorted(mixed, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names) or "(?!)")


def tokenize(text: str) -> list[str]:
    """Normalised tokens of a text: domain terms whole (plus their known sub-words), figures whole."""
    norm = normalize(text)
    tokens: list[str] = []
    last = 0
    for m in _PROTECTED.finditer(norm):
        tokens.extend(_with_mixed_terms(norm[last : m.start()]))
        tokens.append(_figure(m.group(0)))
        last = m.end()
    tokens.extend(_with_mixed_terms(norm[last:]))
    return tokens


def _with_mixed_terms(text: str) -> list[str]:
    out: list[str] = []
    last = 0
    for m in _mixed_terms().finditer(text):
        out.extend(_words(text[last : m.end()]))
        out.append(m.group(0))
        last = m.end()
    out.extend(_words(text[last:]))
    return out


def _words(text: str) -> list[str]:
    out: list[str] = []
    for m in _WORD.finditer(text):
        chunk = m.group(0)
        pieces = _cut(chunk) if not chunk.isascii() else [chunk]
        out.extend(p for p in pieces if p.strip() and p not in STOP_WORDS)
    return out
