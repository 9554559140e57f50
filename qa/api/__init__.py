"""The HTTP service: ``create_app`` builds it, ``server_config`` runs it under uvicorn with our limits."""

from qa.api.app import create_app
from qa.api.server import server_config

__all__ = ["create_app", "server_config"]
