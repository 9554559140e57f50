"""The home page, the document view, the widget, and API docs served from installed files (no CDN)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse

from qa.api.errors import ApiError
from qa.api.headers import page_csp

router = APIRouter(include_in_schema=False)

DOC_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}

SWAGGER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>policyqa API</title>
<link rel="icon" href="/docs/assets/favicon.png"><link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/swagger-init.js"></script>
</body></html>"""

REDOC_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>policyqa API</title>
<link rel="icon" href="/docs/assets/favicon.png"></head>
<body><redoc spec-url="/openapi.json"></redoc><script src="/docs/assets/redoc.standalone.js"></script>
</body></html>"""


@cache
def _page(name: str) -> str:
    return resources.files("qa").joinpath("static", name).read_text(encoding="utf-8")


def _html(request: Request, html: str) -> HTMLResponse:
    csp = page_csp(html, request.app.state.settings.frame_ancestors)
    return HTMLResponse(html, headers={"content-security-policy": csp})


def _docs_assets() -> Path:
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


@router.get("/")
def home(request: Request) -> HTMLResponse:
    return _html(request, _page("index.html"))


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    return _html(request, _page("document.html"))


@router.get("/widget.js")
def widget() -> FileResponse:
    return FileResponse(
        str(resources.files("qa") / "static" / "widget.js"), media_type="text/javascript; charset=utf-8"
    )


@router.get("/swagger-init.js")
def swagger_init() -> FileResponse:
    return FileResponse(
        str(resources.files("qa") / "static" / "swagger-init.js"), media_type="text/javascript; charset=utf-8"
    )


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    return _html(request, SWAGGER_PAGE)


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    return _html(request, REDOC_PAGE)


@router.get("/docs/assets/{name}")
def docs_asset(name: str) -> FileResponse:
    if name not in DOC_ASSETS:
        raise ApiError(404, "not_found", f"no docs asset {name!r}")
    return FileResponse(_docs_assets() / name, media_type=DOC_ASSETS[name])
