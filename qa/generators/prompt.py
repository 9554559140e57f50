"""What the model is given: the reader's evidence and the top passages, numbered as the asker sees them."""

from __future__ import annotations

from qa.generators.base import ChatMessage, ContextPassage, GenerationRequest
from qa.presentation import display_language, in_script
from qa.readers import Reading

_INSTRUCTIONS = {
    "en": (
        "You answer questions about Hong Kong government papers. The passages are in Chinese. "
        "Answer in English in one to three short sentences, using only what the passages say. "
        "After each sentence, cite the passage it comes from as [n]. "
        "Copy every number, date and amount exactly as the passage gives it. Add nothing else."
    ),
    "zh-Hant": (
        "你根據香港政府文件回答問題。只用以下段落的內容，以繁體中文寫一至三句回答，"
        "每句後以 [n] 註明出自哪一段。數字、日期和金額須與段落完全一致。不要加入段落以外的內容。"
    ),
    "zh-Hans": (
        "你根据香港政府文件回答问题。只用以下段落的内容，以简体中文写一至三句回答，"
        "每句后以 [n] 注明出自哪一段。数字、日期和金额须与段落完全一致。不要加入段落以外的内容。"
    ),
}
_LABELS = {
    "en": ("Passages", "The sentence that answers", "The answer's key expression", "Question"),
    "zh-Hant": ("段落", "回答問題的句子", "答案的關鍵詞", "問題"),
    "zh-Hans": ("段落", "回答问题的句子", "答案的关键词", "问题"),
}
# Said last, where a small model still heeds it: the [n] are what the grounding check follows.
_REMINDERS = {
    "en": "Answer in English in one to three sentences; end each sentence with its passage's number in "
    "square brackets, such as [2].",
    "zh-Hant": "請以繁體中文用一至三句回答，每句句末以方括號註明出自哪一段，例如 [2]。",
    "zh-Hans": "请以简体中文用一至三句回答，每句句末以方括号注明出自哪一段，例如 [2]。",
}


def generation_request(
    question: str, language: str, reading: Reading, passages: int, span_english: str | None = None
) -> GenerationRequest | None:
    """Cited passages first, then the top ones, up to ``passages``; None when the reader abstains."""
    if reading.abstained:
        return None
    language = display_language(language)
    order = list(dict.fromkeys([*(n - 1 for n in reading.citations), *range(len(reading.hits))]))
    given = sorted(order[: max(passages, len(reading.citations))])
    return GenerationRequest(
        question=question,
        language=language,
        passages=tuple(
            ContextPassage(i + 1, in_script(reading.hits[i].passage.text, language)) for i in given
        ),
        evidence=tuple(
            ContextPassage(s.hit + 1, in_script(s.text.strip(), language)) for s in reading.sentences
        ),
        span=None if reading.span is None else in_script(reading.span.text, language),
        span_english=span_english,
    )


def messages_for(request: GenerationRequest) -> list[ChatMessage]:
    passages_label, evidence_label, span_label, question_label = _LABELS[request.language]
    lines = [f"{passages_label}:"]
    lines += [f"[{p.number}] {p.text.strip()}" for p in request.passages]
    lines.append("")
    lines.append(f"{evidence_label}: " + " ".join(f"{e.text} [{e.number}]" for e in request.evidence))
    if request.span:
        shown = f"{request.span} ({request.span_english})" if request.span_english else request.span
        lines.append(f"{span_label}: {shown}")
    lines.append("")
    lines.append(f"{question_label}: {request.question}")
    lines.append(_REMINDERS[request.language])
    return [ChatMessage("system", _INSTRUCTIONS[request.language]), ChatMessage("user", "\n".join(lines))]


def passages_by_number(request: GenerationRequest) -> dict[int, str]:
    return {p.number: p.text for p in request.passages}
