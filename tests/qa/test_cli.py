"""The CLI refuses what HTTP refuses, exits non-zero with one line (no traceback), never builds by typo."""

import json
import shutil

import pymupdf
import pytest

from qa.cli import main
from tests.conftest import ferry_papers, free_port


def _one_line_error(capsys, prefix: str = "policyqa: error: ") -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(prefix)
    return lines[0]


@pytest.mark.parametrize(
    "question, code",
    [("", "empty"), ("   ", "empty"), ("深" * 6000, "limit is 500"), ("\udcff前海", "surrogate")],
)
def test_ask_refuses_what_http_refuses(tmp_path, capsys, question, code):
    assert main(["ask", question, "--index", str(tmp_path / "never")]) == 2
    assert code in _one_line_error(capsys)
    assert not (tmp_path / "never").exists()


@pytest.mark.parametrize("args", [["--k", "0"], ["--k", "21"], ["--mode", "magic"]])
def test_ask_checks_k_and_mode_like_http(tmp_path, capsys, args):
    assert main(["ask", "前海", "--index", str(tmp_path), *args]) == 2
    _one_line_error(capsys)


def test_ask_with_a_mistyped_index_does_not_build_one(tmp_path, capsys):
    typo = tmp_path / "typo"
    assert main(["ask", "前海的定位是甚麼？", "--index", str(typo)]) == 2
    assert "no index at" in _one_line_error(capsys)
    assert not typo.exists()


def test_ask_says_it_is_loading_on_stderr_and_answers(real_index_root, capsys):
    assert main(["ask", "前海的定位是甚麼？", "--index", str(real_index_root), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "loading the index…" in err
    assert json.loads(out)["passages"]


def test_missing_papers_folder_is_one_line(tmp_path, capsys):
    assert main(["corpus", "docs", "--papers", str(tmp_path / "nope")]) == 1
    assert "nope: no manifest.json" in _one_line_error(capsys)
    (tmp_path / "manifest.json").write_text('{"papers": [{"doc_id": "x"}]}', encoding="utf-8")
    assert main(["corpus", "docs", "--papers", str(tmp_path)]) == 1
    assert "not a papers manifest" in _one_line_error(capsys)


def test_scanned_pdf_is_one_line(tmp_path, capsys):
    with pymupdf.open() as pdf:
        page = pdf.new_page()
        page.draw_rect(pymupdf.Rect(50, 50, 300, 300), fill=(0.5, 0.5, 0.5))
        pdf.save(tmp_path / "scan.pdf")
    entry = {"doc_id": "scan", "file": "scan.pdf", "title_zh": "掃描", "title_en": "scan", "date": "2012-01"}
    (tmp_path / "manifest.json").write_text(json.dumps({"papers": [entry]}), encoding="utf-8")
    assert main(["corpus", "docs", "--papers", str(tmp_path)]) == 1
    assert "needs OCR" in _one_line_error(capsys)


@pytest.mark.parametrize(
    "manifest",
    [b"\xff\xfe not utf-8", b"[1, 2]", b'{"format_version": %d}', b'{"format_version": %d, "files": 3}'],
)
def test_a_bad_manifest_is_one_line_for_verify(real_index_root, tmp_path, capsys, manifest):
    from index.store import FORMAT_VERSION, resolve

    root = tmp_path / "index"
    shutil.copytree(real_index_root, root, symlinks=True)
    if b"%d" in manifest:
        manifest = manifest % FORMAT_VERSION
    (resolve(root) / "manifest.json").write_bytes(manifest)
    assert main(["index", "verify", "--index", str(root)]) == 1
    line = _one_line_error(capsys, "index invalid: ")
    assert "manifest" in line.split("/versions/")[-1]


@pytest.mark.parametrize("pointer", [b"\xff\xfe\x00", b"../../etc", b"", b"a/b"])
def test_a_bad_current_pointer_is_one_line(real_index_root, tmp_path, capsys, pointer):
    root = tmp_path / "index"
    shutil.copytree(real_index_root, root, symlinks=True)
    (root / "CURRENT").write_bytes(pointer)
    assert main(["index", "verify", "--index", str(root)]) == 1
    assert "CURRENT" in _one_line_error(capsys, "index invalid: ")


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("policyqa 0.")


def test_config_masks_secrets(monkeypatch, capsys):
    monkeypatch.setenv("POLICYQA_SEARCH_KEY", "top-secret-value")
    monkeypatch.setenv("POLICYQA_PORT", "9123")
    assert main(["config", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["port"] == 9123 and shown["search_key"] == "********" and shown["admin_key"] is None
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "top-secret-value" not in out and "POLICYQA_PORT=9123" in out


def test_a_bad_setting_is_one_line_naming_the_variable(monkeypatch, capsys):
    monkeypatch.setenv("POLICYQA_PORT", "eighty")
    assert main(["config"]) == 2
    line = _one_line_error(capsys)
    assert "POLICYQA_PORT='eighty'" in line and "integer" in line


def test_render_english_needs_a_server_and_says_so_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("POLICYQA_LLM_URL", raising=False)
    assert main(["index", "render-english", "--index", str(tmp_path / "index")]) == 2
    assert "no LLM server" in _one_line_error(capsys)
    assert not (tmp_path / "index").exists()


def test_render_english_with_a_server_that_is_down_is_one_line(tmp_path, capsys, monkeypatch):
    papers = ferry_papers(tmp_path / "papers")
    monkeypatch.setenv("POLICYQA_SHIPPED_PAPERS", "false")
    monkeypatch.setenv("POLICYQA_PAPERS_PATH", str(papers))
    url = f"http://127.0.0.1:{free_port()}/v1"
    args = ["index", "render-english", "--index", str(tmp_path / "index"), "--llm-url", url, "--timeout", "2"]
    assert main(args) == 1
    assert "llm_unreachable" in _one_line_error(capsys)
    assert not (tmp_path / "index" / "versions").exists()  # nothing built
