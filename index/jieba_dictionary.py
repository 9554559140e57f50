"""jieba's prefix dictionary split by first character, read per character on demand.

jieba answers every lookup of a cut with a substring of the text being cut, so the entries starting with the
text's characters are all it ever reads. Unmarshalling all 580k words with their prefixes took 0.6-1.0 s of
every start; a start now reads an offset table (milliseconds) and a question a few hundred small pieces.
The segmentation is the same as with the whole dictionary: same entries, same frequencies, same total.
"""

from __future__ import annotations

import hashlib
import marshal
import mmap
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

FORMAT = "policyqa-jieba-shards-1"


class ShardedDictionary:
    """The entries of a jieba prefix dictionary, loaded into one dict a first character at a time."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        header_size = int.from_bytes(self._map[:8], "little")
        fmt, total, offsets = marshal.loads(self._map[8 : 8 + header_size])
        if fmt != FORMAT:
            raise ValueError(f"{path}: not a {FORMAT} file")
        self.total: int = total
        self._base = 8 + header_size
        self._offsets: dict[str, tuple[int, int]] = offsets
        self.freq: dict[str, int] = {}
        self._loaded: set[str] = set()
        self._lock = threading.Lock()

    def ensure(self, text: str) -> None:
        """Load the entries of every character of ``text`` not loaded yet (before jieba cuts it)."""
        missing = set(text) - self._loaded
        if not missing:
            return
        with self._lock:
            for char in missing - self._loaded:
                span = self._offsets.get(char)
                if span is not None:
                    start, length = span
                    self.freq.update(
                        marshal.loads(self._map[self._base + start : self._base + start + length])
                    )
                # entries first, then the mark: another thread never cuts with a half-loaded character
                self._loaded.add(char)


def write_shards(freq: dict[str, int], total: int, path: Path) -> None:
    """Write a prefix dictionary split by first character, atomically (a temporary file, then a rename)."""
    by_char: dict[str, dict[str, int]] = {}
    for word, count in freq.items():
        if word:
            by_char.setdefault(word[0], {})[word] = count
    blobs: list[bytes] = []
    offsets: dict[str, tuple[int, int]] = {}
    position = 0
    for char, entries in by_char.items():
        blob = marshal.dumps(entries)
        offsets[char] = (position, len(blob))
        blobs.append(blob)
        position += len(blob)
    header = marshal.dumps((FORMAT, total, offsets))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(len(header).to_bytes(8, "little"))
            out.write(header)
            for blob in blobs:
                out.write(blob)
        os.chmod(tmp, 0o644)  # public dictionary data: another user's server on the machine reads it too
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def shards_path(words: Iterable[tuple[str, int]], version: str) -> Path:
    """Where the shards of jieba ``version`` plus these added words live: the temporary folder, as jieba's
    own cache does (``POLICYQA_JIEBA_CACHE_DIR`` moves it, e.g. for a read-only /tmp)."""
    digest = hashlib.sha256(f"{FORMAT}\n{version}\n".encode())
    for word, freq in words:
        digest.update(f"{word}\t{freq}\n".encode())
    folder = os.environ.get("POLICYQA_JIEBA_CACHE_DIR") or tempfile.gettempdir()
    return Path(folder) / f"policyqa-jieba-{digest.hexdigest()[:16]}.shards"
