"""Sentences as canon reads them (graph.extract.reading.nlp): the statistical sentence
recogniser's starts corrected at paragraph breaks and Markdown emphasis."""

import pytest

from graph.extract.reading.nlp import load_pipeline


def _sentences(text):
    return [sent.text.strip() for sent in load_pipeline()(text).sents]


@pytest.mark.parametrize("text, first, second", [
    ("Ada Marsh is raised from the dead by Orrin Vale.\n\nLate in the second season of "
     "Harbour Lights she is stabbed by Mara Quill.",
     "Ada Marsh is raised from the dead by Orrin Vale.",
     "Late in the second season of Harbour Lights she is stabbed by Mara Quill."),
    ("Orrin Vale sails north!\n  \nthen the storm breaks over Port Ellis.",
     "Orrin Vale sails north!", "then the storm breaks over Port Ellis."),
    ("Tomas Reed says \"never again.\"\n\nRuth Kane laughs at him.",
     "Tomas Reed says \"never again.\"", "Ruth Kane laughs at him."),
    ("_A guide to the harbour._\n\n**Ines Vidal** joins the cast.",
     "_A guide to the harbour._", "**Ines Vidal** joins the cast."),
])
def test_a_paragraph_after_a_full_stop_starts_a_sentence(text, first, second):
    """A blank line after a stop (and a closing quote or emphasis) ends the sentence."""
    assert _sentences(text) == [first, second]


def test_a_heading_stays_with_the_sentence_under_it():
    """A heading has no stop: it stays joined to the first sentence of its section,
    which it often times."""
    text = "Tara's death\n\nSeason 6 contains the most controversial death."
    assert _sentences(text) == [text]


def test_a_headline_is_a_sentence_of_its_own():
    """A first line of a headline's length before a blank line ends there, though it
    has no stop."""
    text = "Night of firsts at the Harbour Awards\n\nMara Quill won best actress."
    assert _sentences(text) == ["Night of firsts at the Harbour Awards",
                                "Mara Quill won best actress."]


@pytest.mark.parametrize("text, sentences", [
    ("Ines Vidal plays Ada in _The Lantern Street_ (2017), a drama.",
     ["Ines Vidal plays Ada in _The Lantern Street_ (2017), a drama."]),
    ("In _The Lantern Street_, Ada Marsh is raised from the dead.",
     ["In _The Lantern Street_, Ada Marsh is raised from the dead."]),
    ("Orrin Vale sails. _Harbour Lights_ itself was created by **Joy Adebayo**.",
     ["Orrin Vale sails.", "_Harbour Lights_ itself was created by **Joy Adebayo**."]),
])
def test_an_emphasis_mark_belongs_to_the_sentence_of_its_word(text, sentences):
    """"in _The Lantern Street_" is not cut after the "_"; a mark after a full stop
    opens the next sentence."""
    assert _sentences(text) == sentences


@pytest.mark.parametrize("text, word, lemma", [
    ("Mara Quill is wounded by Tomas Reed and later dies of her wounds.", "dies", "die"),
    ("Shot twice, Ada Marsh dies of her wounds in the cellar.", "dies", "die"),
    ("Ada Marsh perishes in the fire.", "perishes", "perish"),
])
def test_verbs_read_as_nouns_are_verbs(text, word, lemma):
    """The tagger sometimes reads "dies" as the plural noun "dy" and "perishes" as
    "perishe"; canon reads the verb."""
    token = next(t for t in load_pipeline()(text) if t.lower_ == word)
    assert (token.lemma_, token.pos_, token.tag_) == (lemma, "VERB", "VBZ")


def test_the_parse_and_the_named_entities_come_with_every_doc():
    doc = load_pipeline()("Mara Quill, who played Ada Marsh in the sitcom, met Orrin Vale.")
    relative = next(t for t in doc if t.text == "played")
    assert (relative.dep_, relative.head.text) == ("relcl", "Quill")
    assert any(ent.label_ == "PERSON" for ent in doc.ents)


def test_the_parser_keeps_to_the_recognisers_sentences():
    doc = load_pipeline()("The **second season** of Harbour Lights brings back Owen Pike "
                          "as Tomas Reed.\nNewcomer Lena Ferris plays Dr Ada Marsh.")
    assert [s.text.strip() for s in doc.sents] == [
        "The **second season** of Harbour Lights brings back Owen Pike as Tomas Reed.",
        "Newcomer Lena Ferris plays Dr Ada Marsh."]


def test_story_time_phrases_stay_entities_of_their_own():
    doc = load_pipeline()("Mara Quill returns in season two of Harbour Lights.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "STORYTIME"] == [
        ("season two", "STORYTIME")]


@pytest.mark.parametrize("text, sentences", [
    ("Cast\n- Ines Vidal as Mara Quill\n- Owen Pike as Tomas Reed\nProduction began in 2019.",
     ["Cast", "- Ines Vidal as Mara Quill", "- Owen Pike as Tomas Reed",
      "Production began in 2019."]),
    ("1. Lena Ferris as Ada Marsh\n2) Joy Adebayo as Ruth Kane",
     ["1. Lena Ferris as Ada Marsh", "2) Joy Adebayo as Ruth Kane"]),
    ("| Created by | Imogen Castell |\n| Starring | Joy Adebayo |",
     ["| Created by | Imogen Castell |", "| Starring | Joy Adebayo |"]),
])
def test_a_list_item_or_table_row_is_a_sentence_of_its_own(text, sentences):
    assert _sentences(text) == sentences


def test_a_hard_wrapped_paragraph_stays_one_sentence():
    text = "Ines Vidal, who plays Mara Quill in the\nsecond season, returns - as a ghost."
    assert _sentences(text) == [text]


def test_a_sentence_starts_after_citation_marks():
    text = "Night Harbour was made for Channel Nine.[1] It ran for four series.[2][note 3] Ok."
    assert _sentences(text) == ["Night Harbour was made for Channel Nine.[1]",
                                "It ran for four series.[2][note 3]", "Ok."]


@pytest.mark.parametrize("text, words", [
    ("directed by Anton Weiss.[2] The", ["Anton", "Weiss", ".", "[", "2", "]", "The"]),
    ("Imogen Castell[13] wrote", ["Imogen", "Castell", "[", "13", "]", "wrote"]),
    ("Nine.[2][note 1] It", ["Nine", ".", "[", "2", "]", "[", "note", "1", "]", "It"]),
])
def test_citation_marks_are_tokens_of_their_own(text, words):
    assert [t.text for t in load_pipeline().tokenizer(text)][-len(words):] == words
