"""What the model is given: cited passages first, numbered as the asker sees them, in the asker's script."""

from corpus.models import Passage
from index import Hit
from qa.generators import ContextPassage, generation_request, messages_for
from qa.readers import AnswerSpan, EvidenceSentence, Reading

TEXTS = [
    "深港合作會議討論跨境基建。",
    "港珠澳大橋已經動工。",
    "雙方在2004年設立深港合作會議。",
    "前海合作區發展迅速。",
]


def hit(i: int, text: str) -> Hit:
    passage = Passage(
        f"d:{i * 100}:{i * 100 + len(text)}", "d", i * 100, i * 100 + len(text), text, None, None, None, None
    )
    return Hit(passage.chunk_id, 1.0 / (i + 1), passage, i + 1, 1.0, None, None, ())


def reading(abstain: bool = False) -> Reading:
    sentence = EvidenceSentence(2, "d", 200, 200 + len(TEXTS[2]), TEXTS[2], 0.9)
    return Reading(
        expected="date",
        hits=tuple(hit(i, t) for i, t in enumerate(TEXTS)),
        sentences=() if abstain else (sentence,),
        span=None if abstain else AnswerSpan("d", 204, 209, "2004年", "date"),
        confidence=0.8,
        abstain_reason="weak_evidence" if abstain else None,
    )


def test_cited_passage_comes_first_then_the_top_ones_in_rank_order():
    request = generation_request("When was it set up?", "en", reading(), passages=2, span_english="2004")
    assert request is not None
    assert request.passages == (ContextPassage(1, TEXTS[0]), ContextPassage(3, TEXTS[2]))
    assert request.evidence == (ContextPassage(3, TEXTS[2]),)
    assert (request.language, request.span, request.span_english) == ("en", "2004年", "2004")


def test_simplified_askers_get_simplified_passages_and_a_mixed_question_english():
    request = generation_request("何时设立？", "zh-Hans", reading(), passages=1)
    assert request is not None
    assert request.passages == (ContextPassage(3, "双方在2004年设立深港合作会议。"),)
    mixed = generation_request("When 設立?", "mixed", reading(), passages=1)
    assert mixed is not None and mixed.language == "en"


def test_nothing_is_generated_when_the_reader_abstains():
    assert generation_request("When was it set up?", "en", reading(abstain=True), passages=3) is None


def test_messages_number_the_passages_and_name_the_evidence():
    request = generation_request("When was it set up?", "en", reading(), passages=1, span_english="2004")
    assert request is not None
    system, user = messages_for(request)
    assert (system.role, user.role) == ("system", "user")
    assert "in English" in system.content
    assert user.content == (
        "Passages:\n[3] 雙方在2004年設立深港合作會議。\n\n"
        "The sentence that answers: 雙方在2004年設立深港合作會議。 [3]\n"
        "The answer's key expression: 2004年 (2004)\n\n"
        "Question: When was it set up?\n"
        "Answer in English in one to three sentences; end each sentence with its passage's number in "
        "square brackets, such as [2]."
    )
