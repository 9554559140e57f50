"""Security headers on every response, a CSP that lets the pages run, and API docs that need no internet."""

import re

import httpx
import pytest

from qa.api.headers import page_csp
from tests.conftest import LiveServer, make_app


@pytest.mark.parametrize("path", ["/", "/documents/shenzhen-hk-2009", "/docs", "/redoc", "/healthz", "/nope"])
def test_every_response_has_the_security_headers(live_server, path):
    r = httpx.get(live_server.url + path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors" in r.headers["content-security-policy"]
    assert r.headers["x-request-id"]


def test_pages_allow_their_own_inline_script_by_hash_only(live_server):
    r = httpx.get(live_server.url + "/")
    csp = r.headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert "frame-ancestors 'self'" in csp
    assert httpx.get(live_server.url + "/v1/documents").headers["content-security-policy"] == (
        "default-src 'none'; frame-ancestors 'none'"
    )


def test_page_csp_hashes_exactly_the_inline_scripts():
    csp = page_csp("<script>alert(1)</script><script src='/x.js'></script>", ["https://portal.example"])
    # sha256 of "alert(1)", base64
    assert "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='" in csp
    assert csp.count("sha256-") == 1
    assert "frame-ancestors https://portal.example" in csp


def test_frame_ancestors_is_configurable_for_portals(real_service):
    with LiveServer(make_app(real_service, frame_ancestors=["https://portal.intranet.example"])) as server:
        csp = httpx.get(server.url + "/").headers["content-security-policy"]
        assert "frame-ancestors https://portal.intranet.example" in csp


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_everything_from_this_server(live_server, page):
    html = httpx.get(live_server.url + page).text
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', html)
    assert assets
    for asset in assets:
        r = httpx.get(live_server.url + asset)
        assert r.status_code == 200, asset
        assert len(r.content) > 100, asset
    assert httpx.get(live_server.url + "/docs/assets/../../etc/passwd").status_code == 404
