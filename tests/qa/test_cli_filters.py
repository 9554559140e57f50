"""`policyqa ask` narrows the search to a paper, a date range, a bureau or a committee."""

import json

from qa.cli import main


def _ask(capsys, root, *extra):
    assert main(["ask", "合作", "--k", "8", "--json", "--index", str(root), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_ask_filters_by_paper_and_by_date(capsys, real_index_root):
    by_paper = _ask(capsys, real_index_root, "--doc", "shenzhen-hk-2009")
    assert {p["doc_id"] for p in by_paper["passages"]} == {"shenzhen-hk-2009"}
    assert len(by_paper["passages"]) == 8
    up_to_2011 = _ask(capsys, real_index_root, "--to", "2011")
    assert {p["doc_id"] for p in up_to_2011["passages"]} <= {"shenzhen-hk-2009", "trade-guangdong-2011"}
    nothing = _ask(capsys, real_index_root, "--committee", "no such committee")
    assert nothing["passages"] == [] and nothing["answer"] is None
