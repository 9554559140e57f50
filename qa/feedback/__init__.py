"""What askers tell us: 👍/👎 with a comment, an opt-in query log, and their export as test questions."""

from qa.feedback.export import question_rows
from qa.feedback.models import Citation, Feedback, LoggedQuery, Quality
from qa.feedback.store import FeedbackStore

__all__ = ["Citation", "Feedback", "FeedbackStore", "LoggedQuery", "Quality", "question_rows"]
