"""Papers added and removed through real HTTP with the admin key: jobs, three scripts, bad uploads."""

import json
import shutil
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer

pytestmark = pytest.mark.slow  # a real server rebuilding its index: CI runs these

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "papers"
PAPER = FIXTURES / "cross-border-ferry-pilot.txt"
META = (FIXTURES / "cross-border-ferry-pilot.json").read_text(encoding="utf-8")
GLOSSARY = (FIXTURES / "cross-border-ferry-pilot.glossary.tsv").read_text(encoding="utf-8")
KEY = {"x-api-key": "adm1n"}
DOC = "cross-border-ferry-pilot"
QUESTIONS = [
    "跨境渡輪「一票通」試驗計劃為期多久？",
    "跨境渡轮「一票通」试验计划为期多久？",
    "How long does the cross-boundary ferry one-ticket pilot scheme run?",
]


def copy_index(real_index_root: Path, target: Path) -> Path:
    """A private copy of the session's index, with its own embedding cache (so new texts stay private)."""
    shutil.copytree(real_index_root, target, symlinks=False)
    return target


@pytest.fixture(scope="module")
def server(real_index_root, tmp_path_factory):
    from qa.api import create_app
    from qa.settings import Settings

    data = tmp_path_factory.mktemp("papers-data")
    settings = Settings(
        index_path=copy_index(real_index_root, data / "index"),
        data_path=data / "data",
        admin_key="adm1n",
        max_upload_bytes=1024 * 1024,
        keep_versions=2,
    )
    with LiveServer(create_app(settings)) as live:
        wait_ready(live)
        live.settings = settings
        yield live


def wait_ready(live):
    deadline = time.monotonic() + 120
    while httpx.get(live.url + "/readyz").status_code != 200:
        assert time.monotonic() < deadline, "the server did not load its index"
        time.sleep(0.2)


def add(server, content=None, meta=META, name=PAPER.name, glossary=None, headers=KEY):
    files = {"file": (name, PAPER.read_bytes() if content is None else content)}
    data = {"meta": meta} | ({"glossary": glossary} if glossary is not None else {})
    return httpx.post(server.url + "/v1/admin/papers", files=files, data=data, headers=headers, timeout=60)


def wait(server, job_id, seconds=120):
    deadline = time.monotonic() + seconds
    while True:
        job = httpx.get(f"{server.url}/v1/admin/jobs/{job_id}", headers=KEY).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.1)


def cited_papers(server, question):
    r = httpx.post(server.url + "/v1/ask", json={"question": question}, timeout=30)
    assert r.status_code == 200
    return [p["doc_id"] for p in r.json()["passages"]]


def papers(server):
    r = httpx.get(server.url + "/v1/admin/papers", headers=KEY)
    assert r.status_code == 200
    return {p["doc_id"]: p for p in r.json()}


def test_without_the_admin_key_every_paper_route_refuses(server):
    calls = [
        ("POST", "/v1/admin/papers"),
        ("GET", "/v1/admin/papers"),
        ("DELETE", f"/v1/admin/papers/{DOC}"),
        ("GET", "/v1/admin/jobs/1-abc"),
    ]
    for method, path in calls:
        assert httpx.request(method, server.url + path).status_code == 401, path
        wrong = httpx.request(method, server.url + path, headers={"x-api-key": "nope"})
        assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden", path
    assert add(server, headers={}).status_code == 401
    assert DOC not in papers(server)


def test_add_ask_in_three_scripts_then_remove(server):
    from index.backends.embedded.builder import indexed_text
    from index.sentences import embedded_text, split_passages
    from index.store import read_manifest
    from qa.papers import load_papers

    before = papers(server)
    assert {p["source"] for p in before.values()} == {"shipped"} and len(before) == 5
    for question in QUESTIONS:
        assert DOC not in cited_papers(server, question)

    r = add(server, glossary=GLOSSARY)
    assert r.status_code == 202, r.text
    accepted = r.json()
    assert accepted["doc_id"] == DOC and accepted["status"] in ("queued", "running")
    job = wait(server, accepted["job"])
    assert job["status"] == "done" and job["progress"] == 1.0 and job["error"] is None, job

    listed = papers(server)
    assert listed[DOC]["source"] == "added" and listed[DOC]["passages"] == 8 and listed[DOC]["glossary"]
    assert {p["index_version"] for p in listed.values()} == {job["index_version"]}
    # Only the new paper's passages and sentences were embedded; the rest came from the cache.
    new_doc = next(d for d in load_papers(server.settings) if d.doc_id == DOC)
    new_texts = {indexed_text(p) for p in new_doc.passages} | {
        embedded_text(s, new_doc.passages[s.passage_row]) for s in split_passages(new_doc.passages)
    }
    manifest = read_manifest(server.settings.index_path / "versions" / job["index_version"])
    assert manifest["counts"]["embedded_now"] == len(new_texts)
    # The glossary entries uploaded with the paper travel with the index version that serves it.
    version = server.settings.index_path / "versions" / job["index_version"]
    assert "one-ticket ferry pilot|one ticket pilot\t" in (version / "uploaded_glossary.tsv").read_text(
        encoding="utf-8"
    )
    for question in QUESTIONS:
        assert DOC in cited_papers(server, question)[:5], question
    # Its own front matter and sign-off answer what people ask of a paper: when, and for which panel.
    for question, span in (
        ("跨境渡輪「一票通」嗰份文件係幾時出㗎？", "2025年4月"),
        (
            "Which LegCo panel got the paper on the cross-boundary ferry one-ticket pilot?",
            "經濟發展事務委員會",  # the panel's own name: the question says it is LegCo's
        ),
    ):
        answer = httpx.post(server.url + "/v1/ask", json={"question": question}, timeout=30).json()["answer"]
        assert answer is not None and answer["span"]["text"] == span, (question, answer)

    duplicate = add(server)
    assert duplicate.status_code == 409 and duplicate.json()["error"]["code"] == "duplicate_doc_id"

    r = httpx.delete(f"{server.url}/v1/admin/papers/{DOC}", headers=KEY)
    assert r.status_code == 202
    job = wait(server, r.json()["job"])
    assert job["status"] == "done", job
    assert DOC not in papers(server)
    version = server.settings.index_path / "versions" / job["index_version"]
    assert "一票通" not in (version / "uploaded_glossary.tsv").read_text(encoding="utf-8")
    for question in QUESTIONS:
        assert DOC not in cited_papers(server, question)
    store = server.settings.store_path
    assert json.loads((store / "manifest.json").read_text(encoding="utf-8")) == {"papers": []}
    assert sorted(p.name for p in store.rglob("*") if p.is_file()) == ["manifest.json"]
    # Versions past keep_versions are pruned.
    assert len(list((server.settings.index_path / "versions").iterdir())) <= 2


def test_a_second_build_while_one_runs_gets_409_naming_it(server):
    first = add(server)
    assert first.status_code == 202
    job_id = first.json()["job"]
    second = add(server, meta=json.dumps(json.loads(META) | {"doc_id": "another-ferry"}))
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "build_running" and job_id in second.json()["error"]["message"]
    assert wait(server, job_id)["status"] == "done"
    r = httpx.delete(f"{server.url}/v1/admin/papers/{DOC}", headers=KEY)
    assert wait(server, r.json()["job"])["status"] == "done"


def scanned_pdf() -> bytes:
    import pymupdf

    pdf = pymupdf.open()
    page = pdf.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 300, 300), fill=(0.2, 0.2, 0.2))
    return pdf.tobytes()


def meta_without(field):
    return json.dumps({k: v for k, v in json.loads(META).items() if k != field})


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"content": scanned_pdf(), "name": "scan.pdf"}, 422, "needs_ocr"),
        ({"content": "跨境渡輪".encode("big5") + b"\xff\xfe", "name": "big5.txt"}, 415, "unsupported_file"),
        ({"content": b"PK\x03\x04 not a pdf", "name": "paper.pdf"}, 415, "unsupported_file"),
        ({"name": "paper.docx"}, 415, "unsupported_file"),
        ({"meta": meta_without("title_zh")}, 422, "invalid_meta"),
        ({"meta": meta_without("date")}, 422, "invalid_meta"),
        ({"meta": json.dumps(json.loads(META) | {"date": "April 2025"})}, 422, "invalid_meta"),
        ({"meta": json.dumps(json.loads(META) | {"doc_id": "../etc"})}, 422, "invalid_meta"),
        ({"meta": "{not json"}, 422, "invalid_meta"),
        ({"meta": "[1, 2]"}, 422, "invalid_meta"),
        (
            {"meta": json.dumps(json.loads(META) | {"doc_id": "division-of-work-2012"})},
            409,
            "duplicate_doc_id",
        ),
        ({"meta": json.dumps(json.loads(META) | {"paper_no": "CB(2)999/24-25(01)"})}, 200, None),
        ({"glossary": "only one field"}, 422, "invalid_glossary"),
        ({"content": b"x" * (2 * 1024 * 1024)}, 413, "body_too_large"),
    ],
)
def test_bad_uploads_get_a_clear_4xx_and_nothing_is_kept(server, kwargs, status, code):
    r = add(server, **kwargs)
    if status == 200:  # a paper number the text does not state is allowed; cancel the add again
        assert r.status_code == 202
        wait(server, r.json()["job"])
        r = httpx.delete(f"{server.url}/v1/admin/papers/{DOC}", headers=KEY)
        assert wait(server, r.json()["job"])["status"] == "done"
        return
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code and error["message"]
    store = server.settings.store_path
    kept = [p.name for p in store.rglob("*") if p.is_file() and p.name != "manifest.json"]
    assert kept == [] and DOC not in papers(server)


def test_missing_parts_and_unknown_ids(server):
    r = httpx.post(server.url + "/v1/admin/papers", data={"meta": META}, headers=KEY)
    assert r.status_code == 422 and r.json()["error"]["code"] == "missing_field"
    r = httpx.post(server.url + "/v1/admin/papers", files={"file": ("a.txt", b"x")}, headers=KEY)
    assert r.status_code == 422 and r.json()["error"]["code"] == "missing_field"
    r = httpx.delete(server.url + "/v1/admin/papers/no-such-paper", headers=KEY)
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_paper"
    r = httpx.delete(server.url + "/v1/admin/papers/division-of-work-2012", headers=KEY)
    assert r.status_code == 409 and r.json()["error"]["code"] == "not_removable"
    r = httpx.get(server.url + "/v1/admin/jobs/no-such-job", headers=KEY)
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_job"


def test_the_same_round_trip_with_the_cli(server, monkeypatch, capsys, tmp_path):
    from qa.cli import main

    monkeypatch.setenv("POLICYQA_ADMIN_KEY", "adm1n")
    meta = tmp_path / "meta.json"
    meta.write_text(META, encoding="utf-8")
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    assert (
        main(
            [
                "papers",
                "add",
                str(PAPER),
                "--meta",
                str(meta),
                "--glossary",
                str(glossary),
                "--url",
                server.url,
            ]
        )
        == 0
    )
    assert "done (done, 100%)" in capsys.readouterr().err
    assert main(["papers", "list", "--json", "--url", server.url]) == 0
    listed = {p["doc_id"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed[DOC]["source"] == "added" and listed[DOC]["glossary"] is True
    for question in QUESTIONS:
        assert DOC in cited_papers(server, question)[:5], question
    assert main(["papers", "add", str(PAPER), "--meta", META, "--url", server.url]) == 2
    assert capsys.readouterr().err.startswith(
        "policyqa: error: duplicate_doc_id: doc_id 'cross-border-ferry-pilot'"
    )
    assert main(["papers", "remove", DOC, "--url", server.url]) == 0
    assert main(["papers", "list", "--url", server.url]) == 0
    out = capsys.readouterr().out
    assert DOC not in out and "division-of-work-2012" in out and "shipped" in out
    for question in QUESTIONS:
        assert DOC not in cited_papers(server, question)


def test_cli_errors_are_one_line(server, monkeypatch, capsys, tmp_path):
    from qa.cli import main

    monkeypatch.setenv("POLICYQA_ADMIN_KEY", "wrong")
    assert main(["papers", "list", "--url", server.url]) == 2
    assert capsys.readouterr().err == "policyqa: error: forbidden: the admin key is wrong\n"
    monkeypatch.setenv("POLICYQA_ADMIN_KEY", "adm1n")
    assert main(["papers", "add", str(tmp_path / "missing.txt"), "--meta", META, "--url", server.url]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["papers", "add", str(PAPER), "--meta", "{}", "--url", server.url]) == 2
    assert "invalid_meta: meta: title_zh is missing" in capsys.readouterr().err
    assert main(["papers", "remove", "no-such-paper", "--url", server.url]) == 2
    assert main(["papers", "list", "--url", "http://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "no policyqa server at http://127.0.0.1:9" in err


def test_405_lists_every_method_of_the_papers_path(server):
    r = httpx.put(server.url + "/v1/admin/papers", headers=KEY)
    assert r.status_code == 405 and r.headers["allow"] == "GET, POST"
    r = httpx.post(server.url + f"/v1/admin/papers/{DOC}", headers=KEY)
    assert r.status_code == 405 and r.headers["allow"] == "DELETE"


def test_removing_while_a_job_runs_names_the_job(server):
    first = add(server)
    assert first.status_code == 202
    r = httpx.delete(f"{server.url}/v1/admin/papers/{DOC}", headers=KEY)
    assert r.status_code == 409 and first.json()["job"] in r.json()["error"]["message"]
    assert wait(server, first.json()["job"])["status"] == "done"
    r = httpx.delete(f"{server.url}/v1/admin/papers/{DOC}", headers=KEY)
    assert r.status_code == 202 and wait(server, r.json()["job"])["status"] == "done"


def test_a_200_mb_upload_is_refused_while_it_arrives(server):
    sent = []

    def body():
        boundary = b"--pqa\r\n"
        yield boundary + b'Content-Disposition: form-data; name="meta"\r\n\r\n' + META.encode() + b"\r\n"
        yield boundary + b'Content-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        for _ in range(200):  # 200 MB of text, streamed without a declared length
            sent.append(1)
            yield "跨".encode() * (1024 * 1024 // 3)

    headers = KEY | {"content-type": "multipart/form-data; boundary=pqa"}
    try:
        r = httpx.post(server.url + "/v1/admin/papers", content=body(), headers=headers, timeout=60)
        assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"
    except httpx.TransportError:
        pass  # the server may close the connection before the client reads the 413
    assert len(sent) < 20, "the server read far past its limit"
    assert DOC not in papers(server)


@pytest.mark.llm
def test_an_added_paper_is_rendered_in_english_by_the_llm_server(real_index_root, tmp_path, llama_server):
    """With an LLM server set, the add job renders the new paper's passages (the real small model) into the
    index's cache before building, and the served index searches English questions in them."""
    from index import Index
    from qa.api import create_app
    from qa.settings import Settings

    settings = Settings(
        index_path=copy_index(real_index_root, tmp_path / "index"),
        data_path=tmp_path / "data",
        admin_key="adm1n",
        llm_url=llama_server.url,
        llm_model=llama_server.alias,
        llm_timeout=300,
    )
    with LiveServer(create_app(settings)) as live:
        wait_ready(live)
        r = add(live)
        assert r.status_code == 202
        job = wait(live, r.json()["job"], seconds=600)
        assert job["status"] == "done", job
        assert DOC in cited_papers(live, QUESTIONS[2])[:1]
    rows = (settings.index_path / "cache" / "translations.jsonl").read_text(encoding="utf-8").splitlines()
    rendered = {json.loads(line)["text"] for line in rows}
    index = Index.load(settings.index_path)
    added = [p for p in index.iter_passages() if p.doc_id == DOC]
    assert added and {p.text for p in added} <= rendered
    assert index.english is not None and len(index.english) == index.bm25.size
