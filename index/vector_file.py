"""Vectors read from a ``.npy`` file row by row with ``pread``: on disk, in the page cache, not resident."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import numpy.typing as npt

Rows = npt.NDArray[np.int64]


class VectorFile:
    """Rows of a ``.npy`` file of float16 or float32 vectors, read with ``pread`` (a run of rows at once).

    Not memory-mapped: the kernel maps the neighbours of every faulted page too, so re-ranking 400 rows a
    question left 720 MB of the million-passage file resident in the serving process after a hundred
    questions. Read this way the pages stay in the shared page cache, outside the process.
    """

    def __init__(self, path: Path) -> None:
        with path.open("rb") as fh:
            np.lib.format.read_magic(fh)
            (self.count, self.dim), _, dtype = np.lib.format.read_array_header_1_0(fh)
            self.offset = fh.tell()
        if dtype not in (np.dtype("<f2"), np.dtype("<f4")):
            raise ValueError(f"{path}: expected float16 or float32 vectors, found {dtype}")
        self.dtype = dtype
        self.row_bytes = dtype.itemsize * self.dim
        self._fd = os.open(path, os.O_RDONLY)

    def rows(self, ids: Rows) -> npt.NDArray[np.float32]:
        """The rows ``ids`` (ascending) as float32."""
        if len(ids) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        runs = np.split(ids, np.flatnonzero(np.diff(ids) != 1) + 1)
        data = b"".join(
            os.pread(self._fd, len(run) * self.row_bytes, self.offset + int(run[0]) * self.row_bytes)
            for run in runs
        )
        return np.frombuffer(data, dtype=self.dtype).reshape(-1, self.dim).astype(np.float32)

    def rows_any_order(self, ids: Rows) -> npt.NDArray[np.float32]:
        """The rows ``ids`` in the order given (read in ascending order)."""
        ids = np.asarray(ids, dtype=np.int64)
        order = np.argsort(ids, kind="stable")
        found = self.rows(ids[order])
        out = np.empty_like(found)
        out[order] = found
        return out

    def __len__(self) -> int:
        return int(self.count)

    def close(self) -> None:
        os.close(self._fd)
