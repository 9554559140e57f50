"""The feedback store: save → load round trips, the query log and its purge, the quality summary."""

import sqlite3

from qa.feedback import Citation, Feedback, FeedbackStore, LoggedQuery

CITED = Citation("qianhai-2011", 10, 22, "前海定位為深港現代服務業合作區")


def _feedback(verdict="up", **changes):
    base = dict(
        question="前海的定位是甚麼？",
        language="zh-Hant",
        answer="前海定位為深港現代服務業合作區 [1]",
        citations=(CITED,),
        index_version="v1",
        verdict=verdict,
        comment=None,
    )
    return Feedback(**(base | changes))


def test_feedback_round_trip(tmp_path):
    store = FeedbackStore(tmp_path / "data")
    saved = store.add(_feedback(comment="好"))
    assert saved.feedback_id == 1 and saved.created_at.endswith("+00:00")
    again = FeedbackStore(tmp_path / "data").feedback()
    assert again == [saved]
    assert again[0].citations == (CITED,)


def test_the_file_is_in_wal_mode(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add(_feedback())
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_filter_by_verdict_and_language_newest_first(tmp_path):
    store = FeedbackStore(tmp_path)
    store.add(_feedback("up"))
    store.add(_feedback("down", language="en", question="What is Qianhai?"))
    store.add(_feedback("down", answer=None, citations=()))
    assert [f.feedback_id for f in store.feedback()] == [3, 2, 1]
    assert [f.feedback_id for f in store.feedback("down")] == [3, 2]
    assert [f.feedback_id for f in store.feedback("down", "en")] == [2]
    assert store.feedback("up", "en") == []


def test_query_log_quality_and_purge(tmp_path):
    store = FeedbackStore(tmp_path)
    for question, lang, abstained in [
        ("前海的定位是甚麼？", "zh-Hant", False),
        ("前海的定位是甚麼？", "zh-Hant", False),
        ("腾讯的董事长是谁？", "zh-Hans", True),
        ("Who chairs Tencent?", "en", True),
    ]:
        store.log_query(LoggedQuery(question, lang, abstained, 12.5))
    store.add(_feedback("down", comment="答非所問"))
    quality = store.quality(query_log=True)
    assert (quality.logged, quality.abstained, quality.feedback_up, quality.feedback_down) == (4, 2, 0, 1)
    assert [q.question for q in quality.recent_abstentions] == ["Who chairs Tencent?", "腾讯的董事长是谁？"]
    assert (quality.most_asked[0].question, quality.most_asked[0].count) == ("前海的定位是甚麼？", 2)
    assert [f.comment for f in quality.down_answers] == ["答非所問"]
    hans = store.quality("zh-Hans")
    assert (hans.languages, hans.logged, hans.abstained, hans.feedback_down) == (("zh-Hans",), 1, 1, 0)
    assert store.purge_queries() == 4
    assert store.queries() == []
    assert store.quality().logged == 0 and store.quality().feedback_down == 1
    # The purged questions are gone from the file itself, not only from the table.
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("feedback.sqlite3"))
    assert "腾讯".encode() not in raw and b"Tencent" not in raw
