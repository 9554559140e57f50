"""The answer reader's calibration ships per encoder in the package; each index build copies it in."""

from __future__ import annotations

import hashlib
import re
from importlib import resources
from importlib.abc import Traversable


def calibration_path(encoder_name: str) -> Traversable:
    """Where the package ships the answer reader's calibration for an encoder."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder_name)
    return resources.files("index") / "data" / "calibration" / f"{safe}.json"


def shipped_calibration(encoder_name: str) -> str | None:
    path = calibration_path(encoder_name)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def calibration_hash(encoder_name: str) -> str | None:
    """Hash of the shipped calibration: a refit makes indexes built before it stale."""
    text = shipped_calibration(encoder_name)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text is not None else None
