"""The typed sentence reader: the sentence holding what the question wants, its exact span, or an abstention.

Candidates are the sentences of the top passages and their neighbours in the same paragraph. Each is scored
by fitted weights over its features (semantic similarity with stored sentence vectors, IDF-weighted concept
coverage of it and of the sentence before it, whether it holds an expression of the expected type and unit,
and its passage's fused score and rank). A question that wants a date, number, post or place is answered only
by a sentence that holds one near its focus; otherwise the reader abstains and says what was missing.
"""

from __future__ import annotations

import math
import re

import numpy as np
import numpy.typing as npt

from index import Hit, Retriever
from qa.readers import spans
from qa.readers.base import AnswerSpan, EvidenceSentence, Reading
from qa.readers.calibration import UNCALIBRATED, Calibration
from qa.readers.features import (
    CONTINUES,
    FEATURES,
    PART_OF_WHOLE,
    Candidate,
    answer_body,
    candidates,
    gives_aim,
    gives_reason,
    names_items,
    narrows_to_asked,
    only_counts_the_list,
)
from qa.readers.question import QuestionAnalysis

_COV = FEATURES.index("coverage")
_PREV = FEATURES.index("previous_coverage")
_CHARS = FEATURES.index("char_coverage")
_NEAR = FEATURES.index("type_near_focus")
# Below this character coverage the best sentence misses most of the question: "focus_not_found".
FOCUS_MISSING = 0.5
_DENSE = FEATURES.index("dense")
_TABLE = FEATURES.index("table_row")
_PLACE_MISSING = FEATURES.index("place_missing")
_TYPE = FEATURES.index("type_match")
_ENUM = FEATURES.index("enumeration")
_PURPOSE = FEATURES.index("purpose_cue")
_UNIT = FEATURES.index("unit_match")
# Another sentence of the top passages is highlighted when it scores within this many logits of the answer.
HIGHLIGHT_MARGIN = 1.0
# A why or list question's best sentence that gives no reason or items yields to one within this many logits
# that does.
KIND_MARGIN = 1.0
# A sentence this short that ends in a colon or opens a list is read together with the next one.
SHORT_LEAD = 30
# A list broken at semicolons is read on for at most this many pieces after the best one.
MAX_LIST_PIECES = 10


# Words that open a list: 包括, 計有, 分別為.
_LIST_WORDS = "包括|計有|计有|分別為|分别为|分別是|分别是"
# A sentence opening with these names the things the sentence before it announced.
_NAMES_THEM = re.compile(rf"\s*(?:當中|当中|其中)?(?:{_LIST_WORDS})")


# Words that open a list in the sentence itself (涵蓋範疇包括……；).
_OPENS_LIST = re.compile(rf"{_LIST_WORDS}|涵蓋|涵盖")


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class TypedSentenceReader:
    """Reads with the calibration its index carries (``UNCALIBRATED`` when the encoder has none)."""

    name = "typed-sentence"

    def __init__(self, index: Retriever, calibration: Calibration | None = None) -> None:
        self.index = index
        self.calibration = calibration or UNCALIBRATED
        self._weights = np.array([self.calibration.weights.get(f, 0.0) for f in FEATURES])

    def score(self, candidate: Candidate) -> float:
        return float(candidate.features @ self._weights) + self.calibration.bias

    def read(
        self, question: QuestionAnalysis, hits: list[Hit], query_vector: npt.NDArray[np.float32]
    ) -> Reading:
        cands = candidates(question, hits, query_vector, self.index)
        return self.decide(question, hits, cands)

    def choose(
        self, question: QuestionAnalysis, cands: list[Candidate]
    ) -> tuple[list[tuple[float, Candidate]], Candidate | None, float, str | None]:
        """Scored candidates (best first), the answering one or None, the confidence, and why not."""
        cal = self.calibration
        if not cands:
            return [], None, 0.0, "no_evidence"
        scored = sorted(((self.score(c), c) for c in cands), key=lambda sc: -sc[0])
        best_score, best = scored[0]
        if max(c.features[_CHARS] for c in cands) < FOCUS_MISSING:
            # No sentence read holds half of what the question is about (「2022年世界盃冠軍是哪一隊？」): the
            # papers do not discuss it, whatever kind of answer it wants.
            return scored, None, _sigmoid(best_score), "focus_not_found"
        if question.typed:
            fitting = [
                (s, c) for s, c in scored if fits(question, c) and c.features[_CHARS] >= cal.focus_coverage
            ]
            if not fitting:
                # Say "the papers mention this but not its date" only when they do mention it.
                mentioned = max(c.features[_CHARS] for c in cands) >= FOCUS_MISSING
                reason = f"no_{question.expected}_for_focus" if mentioned else "focus_not_found"
                return scored, None, _sigmoid(best_score), reason
            best_score, best = fitting[0]
            part = next((sc for sc in fitting if narrows_to_asked(question, best, sc[1])), None)
            if part is not None:
                best_score, best = part  # 其中出口到香港……: the part the question asks, not the total
        else:
            on_topic = [(s, c) for s, c in scored if c.on_topic]
            if not on_topic:
                # every sentence read is of another year, meeting or phase, or does not make what is asked
                return scored, None, _sigmoid(best_score), "weak_evidence"
            best_score, best = on_topic[0]
            if kind_not_given(question, best, cands):
                # 「督導組」由行政長官親自擔任組長…… (read on from the sentence before) for why the group
                # was set up, when that sentence (為繼續發揮好香港的獨特優勢，現屆政府……已成立) says why
                # and scores nearly as well: the one that gives what is asked
                giving = next(
                    (
                        (s, c)
                        for s, c in on_topic[1:]
                        if s >= best_score - KIND_MARGIN
                        # and covers the question better on its own, or lists with 、 or ；: purpose words
                        # and 及 are common (以鞏固…… is why the meeting was set up, not why an acting mayor
                        # came; 計劃及內地高等院校的詳情 names no universities)
                        and (
                            c.features[_COV] > best.features[_COV]
                            or (question.expected == "list" and c.features[_ENUM] > 0)
                        )
                        and c.features[_CHARS] >= cal.focus_coverage
                        and not kind_not_given(question, c, cands)
                    ),
                    None,
                )
                if giving is not None:
                    best_score, best = giving
            elif question.expected == "reason":
                # the sentence read on from one that says why (為繼續發揮好……，現屆政府……已成立) and is about
                # what is asked: that one, whatever purpose the next one's verbs (帶領……對接) carry
                before = next(
                    (
                        (s, c)
                        for s, c in on_topic[1:]
                        if c.sentence.row == best.sentence.row - 1
                        and c.sentence.doc_id == best.sentence.doc_id
                        and s >= best_score - KIND_MARGIN
                        and c.features[_COV] > best.features[_COV]
                        and c.features[_PURPOSE] > 0
                    ),
                    None,
                )
                if before is not None:
                    best_score, best = before
        confidence = self.answerability(question, scored, best_score, best)
        counted_only = only_counts_the_list(question, best.sentence.text)
        if counted_only and self.follower(question, best, cands) is None:
            # 就11個合作領域達成共識 for "what were the 11 areas": counted, not listed
            return scored, None, confidence, "list_not_given"
        not_given = kind_not_given(question, best, cands)
        if question.asks_why and not_given:
            # 雙方更成功邀請美國杜邦公司於香港設立……總部 for why DuPont chose Hong Kong: what was done, and
            # neither it nor the next sentence says why, however sure the reading is of the sentence.
            return scored, None, confidence, "no_reason_for_focus"
        if question.cities_only and names_no_place(best, cands):
            # 香港創業青年內地行的參加者到訪內地重點高新科技城市 for which cities they visited: none named,
            # however sure the reading is of the sentence (for which places, 內地重點高新科技城市 may be
            # the answer: only the threshold decides)
            return scored, None, confidence, "list_not_given"
        if confidence < cal.threshold(question.typed):
            if not_given:
                # 現時特區政府駐內地的辦事處包括…… for why one office sits under another: no cause, no aim;
                # 開展內地部分高等院校免試招收香港學生計劃 for "which universities take part": none named
                return (
                    scored,
                    None,
                    confidence,
                    "no_reason_for_focus" if question.expected == "reason" else "list_not_given",
                )
            # Most of the question's words missing from the best sentence: the papers do not discuss it,
            # unless the question is typed: another sentence read holds them (the check above), so only the
            # answer is missing (the scheme's sentence for its application fee, the only sum elsewhere).
            reason = "weak_evidence"
            if best.features[_CHARS] < FOCUS_MISSING:
                reason = f"no_{question.expected}_for_focus" if question.typed else "focus_not_found"
            return scored, None, confidence, reason
        return scored, best, confidence, None

    def answerability(
        self, question: QuestionAnalysis, scored: list[tuple[float, Candidate]], score: float, best: Candidate
    ) -> float:
        """How likely the chosen sentence answers: the fitted answerability model over the reading."""
        cal = self.calibration
        if not cal.answerability:
            return _sigmoid(score)
        values = answerability_features(question, scored, score, best)
        z = cal.answerability_bias + sum(cal.answerability.get(k, 0.0) * v for k, v in values.items())
        return _sigmoid(z)

    def decide(self, question: QuestionAnalysis, hits: list[Hit], cands: list[Candidate]) -> Reading:
        """The reading from candidates (split from ``read`` so calibration can replay it)."""
        scored, best, confidence, reason = self.choose(question, cands)
        if best is None:
            return Reading(question.expected, tuple(hits), (), None, confidence, reason)
        return self._answer(question, hits, scored, best, confidence)

    def _answer(
        self,
        question: QuestionAnalysis,
        hits: list[Hit],
        scored: list[tuple[float, Candidate]],
        best: Candidate,
        confidence: float,
    ) -> Reading:
        out_hits = list(hits)
        positions = {h.chunk_id: i for i, h in enumerate(out_hits)}

        def position_of(c: Candidate) -> int:
            chunk_id = self.index.passage_at(c.sentence.passage_row).chunk_id
            if chunk_id not in positions:
                out_hits.append(self.index.neighbour_hit(c.sentence, hits[c.hit], question.prepared))
                positions[chunk_id] = len(out_hits) - 1
            return positions[chunk_id]

        chosen = [best, *self.followers(question, best, [c for _, c in scored])]
        whole = self.whole_of(best, [c for _, c in scored])
        if whole is not None:
            chosen.insert(0, whole)
        score_of = {c.sentence.row: score for score, c in scored}
        sentences = tuple(
            EvidenceSentence(
                position_of(c),
                c.sentence.doc_id,
                c.sentence.start,
                c.sentence.end,
                c.sentence.text,
                score_of[c.sentence.row],
            )
            for c in chosen
        )
        span = self._span(question, best)
        best_score = scored[0][0]
        highlights: dict[int, list[tuple[int, int]]] = {}
        for s in sentences:
            _add_highlight(highlights, out_hits[s.hit], s.hit, s.start, s.end)
        for score, c in scored:
            if score >= best_score - HIGHLIGHT_MARGIN and c.own and c.features[_COV] > 0:
                _add_highlight(highlights, out_hits[c.hit], c.hit, c.sentence.start, c.sentence.end)
        reading = Reading(question.expected, tuple(out_hits), sentences, span, confidence, None, highlights)
        # The passage that answers comes first, the others keep their retrieved order: a person reads the
        # first passage as the answer's source, and a type-fitting sentence is surer than the fused rank.
        first = position_of(best)
        return reading.with_hits([first] + [i for i in range(len(out_hits)) if i != first])

    def follower(
        self, question: QuestionAnalysis, best: Candidate, cands: list[Candidate]
    ) -> Candidate | None:
        """The next sentence, when the best one only leads into it (a short lead-in, or a list's opening)."""
        text = best.sentence.text.strip()
        leads = text.endswith(("：", ":")) or (question.expected == "list" and len(text) < SHORT_LEAD)
        # a list broken at a semicolon goes on in the next piece, when that one lists too
        # (包括投資控股、專業及商用服務；進出口貿易、批發及零售；……)
        semicolon = question.expected == "list" and text.endswith(("；", ";"))
        # a sentence announcing several things (籌備多個嶄新的大型合作項目。) before the one naming them
        # (當中包括……、……)
        announces = question.expected == "list" and not any(c in text for c in "、；;")
        # a why question's sentence that says what is done, not why, before the one that says why
        # (……宣傳推廣大灣區建設的重大機遇。一方面吸引外國資金、人才、技術通過香港進入灣區……)
        reason_next = question.expected == "reason" and not gives_reason(text)
        if not (leads or semicolon or announces or reason_next):
            return None
        follower = next_own(best, cands)
        if follower is None or leads:
            return follower
        if reason_next:
            return follower if says_why_next(follower.sentence.text) else None
        # a list opened by 包括 and broken at semicolons has items of one thing each (在粵港資企業轉型升級；)
        if "、" not in follower.sentence.text and not (semicolon and _OPENS_LIST.search(text)):
            return None
        if not semicolon and not _NAMES_THEM.match(answer_body(follower.sentence.text)[1]):
            return None
        return follower

    def followers(
        self, question: QuestionAnalysis, best: Candidate, cands: list[Candidate]
    ) -> list[Candidate]:
        """``follower``, and for a list broken at semicolons every further piece up to the sentence's end
        (包括投資控股、專業及商用服務；進出口貿易、批發及零售；和運輸及倉庫等)."""
        first = self.follower(question, best, cands)
        if first is None:
            return []
        out = [first]
        while (
            question.expected == "list"
            and len(out) < MAX_LIST_PIECES
            and out[-1].sentence.text.strip().endswith(("；", ";"))
            and (piece := next_own(out[-1], cands)) is not None
        ):
            out.append(piece)
        return out

    def whole_of(self, best: Candidate, cands: list[Candidate]) -> Candidate | None:
        """The sentence before, when the best one only narrows it (其中出口到香港……): what it is a part of;
        or when it goes on from it after a semicolon (；以及……): the sentence it completes."""
        body = answer_body(best.sentence.text)[1]
        narrows, goes_on = PART_OF_WHOLE.match(body), CONTINUES.match(body)
        if not narrows and not goes_on:
            return None
        before = next(
            (
                c
                for c in cands
                if c.sentence.row == best.sentence.row - 1 and c.sentence.doc_id == best.sentence.doc_id
            ),
            None,
        )
        if (
            goes_on
            and not narrows
            and (before is None or not before.sentence.text.rstrip().endswith(("；", ";")))
        ):
            return None
        return before

    def _span(self, question: QuestionAnalysis, best: Candidate) -> AnswerSpan | None:
        """The typed expression of the best sentence closest to the question's focus."""
        if not question.typed or not best.typed:
            return None
        chosen = spans.choose(question, best.sentence.text, list(best.typed), best.focus)
        s = best.sentence
        return AnswerSpan(s.doc_id, s.start + chosen.start, s.start + chosen.end, chosen.text, chosen.kind)


def fits(question: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a candidate may answer a typed question: it holds an expression of the asked type (and, for
    a number, of a fitting unit) and is about what the question asks."""
    f = candidate.features
    return f[_TYPE] > 0 and candidate.on_topic and (question.expected != "number" or f[_UNIT] > 0)


def answerability_features(
    question: QuestionAnalysis, scored: list[tuple[float, Candidate]], score: float, best: Candidate
) -> dict[str, float]:
    """What says whether the chosen sentence answers at all, rather than which sentence answers best."""
    return {
        "top_score": scored[0][0],
        "answer_score": score,
        "margin": score - (scored[1][0] if len(scored) > 1 else score - 5.0),
        "char_coverage": float(best.features[_CHARS]),
        "coverage": float(max(best.features[_COV], best.features[_PREV])),
        "type_near_focus": float(best.features[_NEAR]),
        "max_dense": max(float(c.features[_DENSE]) for _, c in scored),
        "english": float(question.prepared.language in ("en", "mixed")),
        "typed": float(question.typed),
        "table_row": float(best.features[_TABLE]),
        "place_missing": float(best.features[_PLACE_MISSING]),
        "kind_not_given": float(kind_not_given(question, best, [c for _, c in scored])),
    }


def kind_not_given(question: QuestionAnalysis, best: Candidate, cands: list[Candidate]) -> bool:
    """A why question's sentence that gives no purpose, cause or aim; a list question's that joins no items,
    nor does the next sentence of its paragraph; a list of places asked (邊啲城市) and neither names one
    beyond the question's own (推廣大灣區的活動 for the cities that host them)."""
    if question.expected == "reason":
        if gives_reason(best.sentence.text) or gives_aim(best.sentence.text):
            return False
        follower = next_own(best, cands)
        return follower is None or not says_why_next(follower.sentence.text)
    if question.expected != "list":
        return False
    if names_no_place(best, cands):
        return True
    follower = next_own(best, cands)
    if names_items(best.sentence.text):
        return False
    return follower is None or not names_items(follower.sentence.text)


def names_no_place(best: Candidate, cands: list[Candidate]) -> bool:
    """For a list of places asked (邊啲城市, "which Mainland cities"): neither the sentence nor the next one
    names a place beyond the question's own (到訪內地重點高新科技城市 names none)."""
    follower = next_own(best, cands)
    return not best.names_place and (follower is None or not follower.names_place)


# A sentence that goes on from the one before with what it is for (一方面吸引……, 從而……, 務求……).
_GOES_ON = re.compile(
    r"\s*(?:[（(]?\d+[)）.]\s*)?(?:一方面|另一方面|从而|從而|藉此|借此|以便|务求|務求|旨在|冀|希望|目的)"
)


def says_why_next(text: str) -> bool:
    """Whether the sentence after a why question's chosen one says why: a purpose or a cause, or it goes on
    from it with what that is for (一方面吸引外國資金……)."""
    body = answer_body(text)[1]
    return gives_reason(body) or bool(_GOES_ON.match(body))


def next_own(best: Candidate, cands: list[Candidate]) -> Candidate | None:
    """The sentence after the best one in its own passage, if it was read."""
    return next((c for c in cands if c.sentence.row == best.sentence.row + 1 and c.own), None)


def _add_highlight(
    highlights: dict[int, list[tuple[int, int]]], hit: Hit, position: int, start: int, end: int
) -> None:
    """Offsets relative to the passage's text; a sentence outside the passage is not highlighted there."""
    p = hit.passage
    if p.start <= start and end <= p.end:
        span = (start - p.start, end - p.start)
        spans = highlights.setdefault(position, [])
        if span not in spans:
            spans.append(span)
            spans.sort()
