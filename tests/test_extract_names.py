"""Name spans: sentence starts, apostrophes, particles, initials, non-ASCII names,
nicknames and title-case headlines, on sentences written for these tests."""

import pytest

from graph.extract.mentions.names import find_names
from graph.extract.reading.nlp import load_pipeline


def _names(text):
    return [span.text for span in find_names(load_pipeline()(text))]


@pytest.mark.parametrize("text, name", [
    ("Winifred Burkle (Amy Acker) dies in the fifth season.", "Winifred Burkle"),
    ("Conor O'Brien joins the cast.", "Conor O'Brien"),
    ("The cast adds Conor O\u2019Brien and Dara O\u2019Neill.", "Conor O\u2019Brien"),
    ("The cast adds Conor O\u2019Brien and Dara O\u2019Neill.", "Dara O\u2019Neill"),
    ("She met D'Arcy Lane at the studio.", "D'Arcy Lane"),
    ("The villain is Nikolaj Coster-Waldau this time.", "Nikolaj Coster-Waldau"),
    ("We loved Carice van Houten in it.", "Carice van Houten"),
    ("The knight Hugh of the Vale dies.", "Hugh of the Vale"),
    ("Then Kamar de los Reyes arrives.", "Kamar de los Reyes"),
    ("Veteran actor J. K. Simmons joins the show.", "J. K. Simmons"),
    ("The studio hired J.K. Simmons again.", "J.K. Simmons"),
    ("Samuel L. Jackson returns as the spy.", "Samuel L. Jackson"),
    ("Both Rory McCann and Kyle MacLachlan appear.", "Rory McCann"),
    ("Both Rory McCann and Kyle MacLachlan appear.", "Kyle MacLachlan"),
    ("The giant is Hafþór Júlíus Björnsson now.", "Hafþór Júlíus Björnsson"),
    ("Bakuto is played by Ramón Rodríguez.", "Ramón Rodríguez"),
    ("Later Ciarán Hinds took the part.", "Ciarán Hinds"),
])
def test_name_forms(text, name):
    """Each kind of name is one span with its exact text."""
    assert name in _names(text)


def test_sentence_initial_common_noun_is_not_part_of_the_name():
    """A role noun capitalised by the sentence start stays out of the name."""
    names = _names("Newcomer Lena Ferris plays Ada.")
    assert "Lena Ferris" in names
    assert not any("Newcomer" in name for name in names)


def test_a_word_used_in_lower_case_elsewhere_is_a_common_word_at_a_sentence_start():
    """The document's own lower-case use of a word shows it is not a name."""
    names = _names("Every stuntman needs luck. Stuntman Joel Rook fell twice.")
    assert "Joel Rook" in names
    assert not any("Stuntman" in name for name in names)


def test_a_word_capitalised_mid_sentence_is_a_name_at_a_sentence_start():
    """A name the tagger misreads at a sentence start is kept when the document
    capitalises it mid-sentence too."""
    names = _names("Grey Worm leads them. Then Grey Worm (Jon Ade) fights.")
    assert names.count("Grey Worm") == 2


def test_a_noun_used_after_a_stays_out_of_the_next_name():
    """"a Drifter" shows Drifter is a common noun: "fellow Drifter Mott" is Mott."""
    names = _names("She marries a Drifter named Kell. Later, fellow Drifter Mott (Ana Ruiz) "
                   "leaves.")
    assert "Mott" in names
    assert "Drifter Mott" not in names


def test_fellow_marks_a_common_noun_before_a_name():
    """"fellow Drifter Mott": after "fellow" comes a kind of person, then the name."""
    assert "Mott" in _names("Later, fellow Drifter Mott (Ana Ruiz) leaves the camp.")


def test_short_names_run_together_are_split():
    """A caption glued to the text ("Kell and Mott Kell and Mott") makes no name
    "Mott Kell" out of two names already met alone."""
    names = _names("Kell and Mott are back. Photos featuring Kell and Mott Kell and Mott (Photo "
                   "Credit - Ana Ruiz) appeared.")
    assert "Mott Kell" not in names
    assert names.count("Kell") == 3


@pytest.mark.parametrize("text, name, nickname", [
    ('Eddard "Ned" Stark rules the north.', "Eddard Stark", "Ned"),
    ("Sandor \u201cThe Hound\u201d Clegane guards him.", "Sandor Clegane", "The Hound"),
])
def test_quoted_nicknames(text, name, nickname):
    """A quoted nickname of one to three words sits inside the name, not in its text."""
    spans = find_names(load_pipeline()(text))
    assert (spans[0].text, spans[0].nickname) == (name, nickname)


def test_title_case_headline_is_split_at_style_capitals():
    """In a title-case headline only proper nouns make names: no "Ritter Returns", no
    "Hard-Drinking Hero"."""
    text = ("Krysten Ritter Returns As The Hard-Drinking Hero\n\n"
            "Krysten Ritter is back. The hero is hard-drinking and returns often.")
    names = _names(text)
    assert names[0] == "Krysten Ritter"
    assert not any("Returns" in name or "Hero" in name for name in names)


def test_season_words_end_a_name():
    """"Season Two" after a work is not part of a name, and "Two" is no name."""
    names = _names("Fans waited for Harbour Lights Season Two all year.")
    assert "Harbour Lights" in names
    assert not any("Two" in name for name in names)


def test_an_ampersand_joins_a_one_word_firm_or_title():
    """"Wolfram & Hart" and "Law & Order" are one name each; two full names around an
    "&" stay two, and a first name before one ("Mara & Tomas Reed") stays apart."""
    assert _names("The law firm Wolfram & Hart raised her.") == ["Wolfram & Hart"]
    assert _names("Fans of Law & Order rejoiced.") == ["Law & Order"]
    assert _names("It was written by Ann Marsh & Tom Reed.") == ["Ann Marsh", "Tom Reed"]
    assert _names("Then Mara & Tomas Reed arrived.") == ["Mara", "Tomas Reed"]


def test_function_words_at_a_sentence_start_are_not_names():
    """"Meanwhile", "Some" and "The" open no name."""
    assert _names("Meanwhile the crew sleeps. Some of the crew wake.") == []


def test_names_are_linear_in_the_text():
    """A long document is read in one pass: 2,000 sentences in well under a second
    of name finding."""
    import time

    doc = load_pipeline()("Mara Quill (Ines Vidal) sails to Port Ash. " * 200)
    started = time.perf_counter()
    spans = find_names(doc)
    assert len(spans) == 600
    assert time.perf_counter() - started < 1.0


def test_doctests():
    """The examples in the module's docstrings run."""
    import doctest

    import graph.extract.mentions.names

    assert doctest.testmod(graph.extract.mentions.names).failed == 0
