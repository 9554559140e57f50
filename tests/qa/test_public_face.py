"""qa/ talks to the index only through the names ``index/__init__.py`` exports."""

import ast
from pathlib import Path

import index

ROOT = Path(__file__).resolve().parents[2]


def _index_imports(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names if alias.name.split(".")[0] == "index"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.module, a.name) for a in node.names if node.module.split(".")[0] == "index"]
    return found


def test_qa_imports_only_public_names_of_index():
    offenders = []
    for path in sorted((ROOT / "qa").rglob("*.py")):
        for module, name in _index_imports(path):
            if module != "index" or name not in index.__all__:
                offenders.append(f"{path.relative_to(ROOT)}: {module} {name}".strip())
    assert not offenders, "qa/ reaches into index internals:\n" + "\n".join(offenders)


def test_the_walker_sees_a_private_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from index.tokenizer import tokenize\nfrom index import Hit\nimport index.store\n")
    assert _index_imports(sample) == [("index.tokenizer", "tokenize"), ("index", "Hit"), ("index.store", "")]
