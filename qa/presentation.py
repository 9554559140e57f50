"""How a reading is shown to the asker: [n] markers, the asker's script, English names, abstention messages.

The reader returns Traditional sentences with offsets; everything a person reads is shaped here, once, for
the HTTP API and the CLI alike.
"""

from __future__ import annotations

from index import default_glossary, to_simplified
from qa.readers import Reading

ABSTAIN_MESSAGES = {
    "en": {
        "focus_not_found": "The papers do not seem to discuss this.",
        "no_date": "The papers mention this but give no date for it.",
        "no_number": "The papers mention this but give no such figure.",
        "no_who": "The papers mention this but do not say who.",
        "no_place": "The papers mention this but do not say where.",
        "no_reason": "The papers mention this but do not say why.",
        "list_not_given": "The papers mention these but do not list them.",
        "weak_evidence": "The passages found do not answer this clearly.",
        "no_evidence": "Nothing in the papers matches this question.",
    },
    "zh-Hant": {
        "focus_not_found": "文件似乎沒有談及這個問題。",
        "no_date": "文件提及此事，但沒有說明日期。",
        "no_number": "文件提及此事，但沒有提供相關數字。",
        "no_who": "文件提及此事，但沒有說明由誰負責。",
        "no_place": "文件提及此事，但沒有說明地點。",
        "no_reason": "文件提及此事，但沒有說明原因。",
        "list_not_given": "文件提及此事，但沒有逐一列出。",
        "weak_evidence": "找到的段落未能清楚回答這個問題。",
        "no_evidence": "文件中沒有與此問題相符的內容。",
    },
}


def display_language(language: str) -> str:
    """The language the asker reads: a mixed question is answered as an English one."""
    return "en" if language == "mixed" else language


def in_script(text: str, language: str) -> str:
    """Text in the asker's Chinese script: Simplified for a Simplified question, else as written."""
    return to_simplified(text) if language == "zh-Hans" else text


def answer_text(reading: Reading, language: str) -> str | None:
    """The answer sentences joined, in the asker's script, each run followed by its passage's [n]."""
    if reading.abstained:
        return None
    parts: list[str] = []
    for i, sentence in enumerate(reading.sentences):
        parts.append(in_script(sentence.text.strip(), language))
        following = reading.sentences[i + 1] if i + 1 < len(reading.sentences) else None
        if following is None or following.hit != sentence.hit:
            parts.append(f" [{sentence.hit + 1}]")
    return "".join(parts)


def english_terms(reading: Reading, language: str) -> list[tuple[str, str]]:
    """(Chinese, English) names of things in the answer, for English askers only."""
    if display_language(language) != "en" or reading.abstained:
        return []
    return default_glossary().label_chinese("".join(s.text for s in reading.sentences))


def abstain_message(reading: Reading, language: str) -> str | None:
    if not reading.abstained or reading.abstain_reason is None:
        return None
    key = reading.abstain_reason.removesuffix("_for_focus")
    lang = display_language(language)
    messages = ABSTAIN_MESSAGES["en" if lang == "en" else "zh-Hant"]
    return in_script(messages.get(key, messages["weak_evidence"]), lang)
