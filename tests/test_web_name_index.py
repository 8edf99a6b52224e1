"""webviz.name_index: the names search and suggestions match, ranked as search
ranked them when it scored every name in Python (tests/test_web_scope_pages.py
compares the two over every name of the demo and fixtures stores)."""

from webviz.name_index import NameIndex

NAMES = ["Kilgrave", "Kilgrave's Father", "Jessica Jones", "Jessica Campbell",
         "Matt Murdock", "Trish Walker", "Dr. Kilgrave", "kilgrave"]


def _found(index, query):
    return [index.entries[n][0] for n in index.matches(query)]


def test_same_then_starting_then_containing_then_near_each_by_name():
    index = NameIndex((name, None) for name in NAMES)
    assert _found(index, "kilgrave") == ["Kilgrave", "kilgrave", "Kilgrave's Father",
                                         "Dr. Kilgrave"]
    assert _found(index, "kilgrav") == ["Kilgrave", "kilgrave", "Kilgrave's Father",
                                        "Dr. Kilgrave"]


def test_a_near_name_matches_by_a_run_of_as_many_words_as_the_query_has():
    index = NameIndex((name, None) for name in NAMES)
    assert _found(index, "jesica jnes") == ["Jessica Jones"]
    assert _found(index, "murdok") == ["Matt Murdock"]
    assert _found(index, "kilx") == []


def test_short_queries_match_by_substring_only_and_nothing_matches_nothing():
    index = NameIndex((name, None) for name in NAMES)
    assert _found(index, "wa") == ["Trish Walker"]
    assert _found(index, "zzzz") == []
    assert _found(NameIndex([]), "kilgrave") == []


def test_an_alias_finds_its_entry_and_claims_order_equal_matches():
    names = ["Ed Skrein", "Eddard Stark", "Ned Umber", "Arya Stark"]
    index = NameIndex(((name, None) for name in names), aliases={1: ("Ned",)},
                      weights={0: 1, 1: 40, 2: 2, 3: 30})
    assert _found(index, "ned") == ["Eddard Stark", "Ned Umber", "Ed Skrein"]
    assert _found(index, "stark") == ["Eddard Stark", "Arya Stark"]
    assert _found(index, "ed") == ["Eddard Stark", "Ed Skrein", "Ned Umber"]


def test_a_query_with_titles_matches_the_name_without_them():
    index = NameIndex((name, None) for name in ["Robert Baratheon", "Doctor Who"])
    assert _found(index, "king robert baratheon") == ["Robert Baratheon"]
    assert _found(index, "doctor who") == ["Doctor Who"]
