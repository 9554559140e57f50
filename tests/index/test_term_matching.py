"""Names found by lookups: leftmost, longest at each place, offsets into the text as given."""

from index.term_matching import AcronymMatcher, LongestMatcher, PhraseMatcher


def test_longest_term_at_each_place_and_none_past_the_end():
    matcher = LongestMatcher(["前海", "前海深港現代服務業合作區", "深港"])
    text = "於前海深港現代服務業合作區及前海"
    assert list(matcher.finditer(text)) == [(1, 13, "前海深港現代服務業合作區"), (14, 16, "前海")]
    # a longer term's first characters at the end of the text are not that term
    assert list(matcher.finditer("引入前海深")) == [(2, 4, "前海")]


def test_phrases_fold_case_separators_and_plural_endings():
    matcher = PhraseMatcher(
        ["hong kong", "hong kong shenzhen cooperation meeting", "zone", "chief executive elect"]
    )
    text = "The Hong Kong–Shenzhen Cooperation Meetings and two Zones; Chief Executive-elect"
    assert list(matcher.finditer(text)) == [
        (4, 43, "hong kong shenzhen cooperation meeting"),
        (52, 57, "zone"),
        (59, 80, "chief executive elect"),
    ]
    assert text[4:43] == "Hong Kong–Shenzhen Cooperation Meetings"


def test_a_final_y_is_matched_as_ies_after_a_consonant_only():
    matcher = PhraseMatcher(["country", "local authority", "day"])
    text = "How many countries? Local Authorities, two days, not dayies"
    assert list(matcher.finditer(text)) == [
        (9, 18, "country"),
        (20, 37, "local authority"),
        (43, 47, "day"),
    ]


def test_phrases_start_only_at_word_starts():
    matcher = PhraseMatcher(["zone", "people's bank of china"])
    assert list(matcher.finditer("ozone layer")) == []
    assert list(matcher.finditer("the People’s Bank of China")) == [(4, 26, "people's bank of china")]


def test_acronyms_are_case_sensitive_whole_words():
    matcher = AcronymMatcher(["CEPA", "R&D", "9+2"])
    text = "CEPAs, cepa, R&D and 9+2; XCEPA"
    assert list(matcher.finditer(text)) == [(0, 5, "CEPA"), (13, 16, "R&D"), (21, 24, "9+2")]


def test_an_ing_or_ed_form_finds_its_verb_and_the_exact_word_wins():
    matcher = PhraseMatcher(["deepen", "enhance", "plan", "meet", "meeting"])
    text = "deepening ties, enhancing trade, planned and planning; a meeting"
    assert [name for _, _, name in matcher.finditer(text)] == [
        "deepen",
        "enhance",
        "plan",
        "plan",
        "meeting",
    ]
    # too short to be a stem, or no such verb
    assert list(PhraseMatcher(["br", "k"]).finditer("bring king")) == []


def test_a_preposition_made_from_a_verb_is_no_form_of_it():
    matcher = PhraseMatcher(["accord", "include", "deepen"])
    text = "What did they accord, according to the paper, including deepening ties?"
    assert [name for _, _, name in matcher.finditer(text)] == ["accord", "deepen"]
