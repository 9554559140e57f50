"""Encoders behind one protocol."""
