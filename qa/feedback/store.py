"""Feedback and the opt-in query log in one SQLite file (WAL): a committed row survives a killed server."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from qa.feedback.models import AskedCount, Citation, Feedback, LoggedQuery, Quality, Verdict

SCHEMA_VERSION = 1
FILE_NAME = "feedback.sqlite3"
LANGUAGES = ("en", "zh-Hant", "zh-Hans")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    language TEXT NOT NULL,
    answer TEXT,
    citations TEXT NOT NULL,
    index_version TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
    comment TEXT
);
CREATE TABLE IF NOT EXISTS query_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    language TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    latency_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS query_log_question ON query_log (question, language);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class FeedbackStore:
    """``<data folder>/feedback.sqlite3``; opened per call, so any thread (or process) may write."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            # WAL: a commit is durable once its frame is in the log; a killed writer loses only what it had
            # not committed. FULL also syncs the log on every commit (a power cut loses nothing committed).
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            if not self._ready:
                db.executescript(_SCHEMA)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self._ready = True
            with db:  # one transaction: committed on success, rolled back on error
                yield db

    def add(self, feedback: Feedback) -> Feedback:
        """Store one verdict; returns it with its id and time."""
        created = _now()
        citations = json.dumps([c.__dict__ for c in feedback.citations], ensure_ascii=False)
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO feedback (created_at, question, language, answer, citations, index_version,"
                " verdict, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    created,
                    feedback.question,
                    feedback.language,
                    feedback.answer,
                    citations,
                    feedback.index_version,
                    feedback.verdict,
                    feedback.comment,
                ),
            )
            row_id = cursor.lastrowid
        return Feedback(
            feedback.question,
            feedback.language,
            feedback.answer,
            feedback.citations,
            feedback.index_version,
            feedback.verdict,
            feedback.comment,
            created,
            row_id,
        )

    def feedback(
        self, verdict: Verdict | None = None, language: str | None = None, limit: int | None = None
    ) -> list[Feedback]:
        """Stored feedback, newest first."""
        where, params = _where(verdict=verdict, language=language)
        sql = f"SELECT * FROM feedback {where} ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            return [_feedback(row) for row in db.execute(sql, params)]

    def log_query(self, query: LoggedQuery) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO query_log (created_at, question, language, abstained, latency_ms)"
                " VALUES (?, ?, ?, ?, ?)",
                (_now(), query.question, query.language, int(query.abstained), query.latency_ms),
            )

    def queries(self, language: str | None = None) -> list[LoggedQuery]:
        where, params = _where(language=language)
        with self._connect() as db:
            rows = db.execute(
                f"SELECT question, language, abstained, latency_ms, created_at FROM query_log {where}"
                " ORDER BY id DESC",
                params,
            ).fetchall()
        return [LoggedQuery(q, lang, bool(a), ms, at) for q, lang, a, ms, at in rows]

    def purge_queries(self) -> int:
        """Delete the whole query log (feedback stays: people sent it on purpose); returns rows deleted."""
        with self._connect() as db:
            deleted = db.execute("DELETE FROM query_log").rowcount
        with closing(sqlite3.connect(self.path)) as db:
            # The deleted questions must not linger in the log file or free pages either.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("VACUUM")
        return deleted

    def quality(self, language: str | None = None, limit: int = 20, query_log: bool = False) -> Quality:
        """Recent abstentions, 👎 answers and the most asked questions (optionally for one language)."""
        where, params = _where(language=language)
        with self._connect() as db:
            logged, abstained = db.execute(
                f"SELECT COUNT(*), COALESCE(SUM(abstained), 0) FROM query_log {where}", params
            ).fetchone()
            votes = dict(
                db.execute(f"SELECT verdict, COUNT(*) FROM feedback {where} GROUP BY verdict", params)
            )
            recent = db.execute(
                "SELECT question, language, abstained, latency_ms, created_at FROM query_log"
                f" {where} {'AND' if where else 'WHERE'} abstained = 1 ORDER BY id DESC LIMIT ?",
                [*params, limit],
            ).fetchall()
            asked = db.execute(
                f"SELECT question, language, COUNT(*) AS n FROM query_log {where}"
                " GROUP BY question, language ORDER BY n DESC, MAX(id) DESC LIMIT ?",
                [*params, limit],
            ).fetchall()
        return Quality(
            languages=(language,) if language else LANGUAGES,
            logged=logged,
            abstained=abstained,
            feedback_up=votes.get("up", 0),
            feedback_down=votes.get("down", 0),
            recent_abstentions=tuple(LoggedQuery(q, lang, bool(a), ms, at) for q, lang, a, ms, at in recent),
            down_answers=tuple(self.feedback("down", language, limit)),
            most_asked=tuple(AskedCount(q, lang, n) for q, lang, n in asked),
            query_log_enabled=query_log,
        )


def _where(**equal: str | None) -> tuple[str, list[object]]:
    """``WHERE a = ? AND b = ?`` for the given columns that have a value."""
    pairs = [(column, value) for column, value in equal.items() if value is not None]
    if not pairs:
        return "", []
    return "WHERE " + " AND ".join(f"{column} = ?" for column, _ in pairs), [v for _, v in pairs]


def _feedback(row: sqlite3.Row) -> Feedback:
    return Feedback(
        question=row["question"],
        language=row["language"],
        answer=row["answer"],
        citations=tuple(Citation(**c) for c in json.loads(row["citations"])),
        index_version=row["index_version"],
        verdict=row["verdict"],
        comment=row["comment"],
        created_at=row["created_at"],
        feedback_id=row["id"],
    )
