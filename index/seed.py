"""Write the seed of shipped vectors: every text the builder embeds for some papers, as float16."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from corpus.models import Document
from index.backends.embedded.builder import CACHE, build_index
from index.cache import encoder_folder, read_vectors, write_vectors
from index.encoders.base import Encoder


def export_seed(
    documents: list[Document],
    encoder: Encoder,
    encoder_spec: str,
    out: Path,
    known: Path | None = None,
    show_progress: bool = True,
) -> int:
    """Build an index in a scratch folder and keep the vectors it used; returns how many were written.

    ``known`` is a cache folder (e.g. ``var/index/cache``) or an older seed whose vectors are reused, so
    only texts new since then are embedded. The result covers exactly the texts this build embedded,
    whatever the builder embeds (passages today), and nothing stale.
    """
    with tempfile.TemporaryDirectory(prefix="policyqa-seed-") as scratch:
        root = Path(scratch)
        build_index(documents, encoder, root, encoder_spec, show_progress=show_progress, seed=known)
        rows = read_vectors(root / CACHE / encoder_folder(encoder.name), encoder.dim)
    # float16 halves the package size; cosine scores move by < 1e-3 (the eval gate checks ranking holds).
    write_vectors(out / encoder_folder(encoder.name), dict(sorted(rows.items())), encoder.dim, np.float16)
    return len(rows)
