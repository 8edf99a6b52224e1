"""Work titles: reading a title at a position, lists of titles, which names an article
treats as works, and which work "the series" means."""

import pytest

from graph.extract.mentions import works, works_index, works_prose, works_text
from graph.extract.reading.context import Context
from graph.extract.reading.nlp import load_pipeline
from graph.sources import Article


def _ctx(text, work=None):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work=work)
    return Context.build(article, load_pipeline()(text))


def _token(ctx, word, nth=0):
    """Return the index of the nth token whose text is ``word``."""
    return [t.i for t in ctx.doc if t.text == word][nth]


@pytest.mark.parametrize("text, word, expected", [
    ("It was a crossover with The Defenders last year.", "The", "The Defenders"),
    ("Nobody expected Avengers: Infinity War to be so long.", "Avengers",
     "Avengers: Infinity War"),
    ("Fans of Lantern Street: Dawn will like it.", "Lantern", "Lantern Street: Dawn"),
    ("The pilot of Marvel's Harbour Lights was shot in Leith.", "Marvel", "Harbour Lights"),
    ("Then came _Harbour Lights: Low Tide_ (2021), a film.", "Harbour",
     "Harbour Lights: Low Tide"),
])
def test_title_at(text, word, expected):
    """A title read from its first token: "The", subtitle, owner dropped, italics."""
    ctx = _ctx(text, work="Harbour Lights")
    assert works.title_at(ctx, _token(ctx, word)).text == expected


def test_owner_of_something_else_is_no_title():
    """"Northlight's adaptations": the name owns another thing, so no title starts there."""
    ctx = _ctx("It shares nothing with Northlight's adaptations.")
    assert works.title_at(ctx, _token(ctx, "Northlight")) is None


def test_quoted_title_only_when_asked():
    """A title in quotes counts where the caller expects one."""
    ctx = _ctx('The best episode is "Salt and Iron" by far.')
    quote = _token(ctx, '"')
    assert works.title_at(ctx, quote) is None
    assert works.title_at(ctx, quote, quoted=True).text == "Salt and Iron"


@pytest.mark.parametrize("text, before, expected", [
    ("The team then made Low Tide (2021), a film.", ",", "Low Tide"),
    ("The Night Ferry is a spin-off.", "is", "The Night Ferry"),
    ("Later, Lantern Street: Dawn is a prequel.", "is", "Lantern Street: Dawn"),
])
def test_title_ending(text, before, expected):
    """A title read backwards from the token after it: a year in parentheses skipped,
    a sentence-initial "The" and a subtitle kept."""
    ctx = _ctx(text)
    assert works.title_ending(ctx, _token(ctx, before)).text == expected


def test_strict_title_ending_refuses_the_character():
    """As a subject, "the Doctor" is a character, not a title."""
    ctx = _ctx("The speech by the Doctor was written by a fan.")
    was = _token(ctx, "was")
    assert works.title_ending(ctx, was).text == "Doctor"
    assert works.title_ending(ctx, was, strict=True) is None


@pytest.mark.parametrize("text, expected", [
    ("a crossover with Lantern Street, The Night Ferry and Harbour Lights, which",
     ["Lantern Street", "The Night Ferry", "Harbour Lights"]),
    ("a crossover with Lantern Street and The Night Ferry.", ["Lantern Street",
                                                               "The Night Ferry"]),
    ("a crossover with Lantern Street, the best show on air.", ["Lantern Street"]),
    ("a crossover with Lantern Street, Mara Quill's home.", ["Lantern Street"]),
])
def test_titles_from(text, expected):
    """A list needs "and" before its last item; a comma alone starts an aside."""
    ctx = _ctx(text)
    assert [t.text for t in works.titles_from(ctx, _token(ctx, "with") + 1)] == expected


@pytest.mark.parametrize("text, name, expected", [
    ("Lantern Street premiered on ITV in 2010.", "Lantern Street", True),
    ("The Night Ferry, a spin-off of Harbour Lights, starts soon.", "The Night Ferry", True),
    ("The Night Ferry, a spin-off of Harbour Lights, starts soon.", "Harbour Lights", True),
    ("She also starred in the film Salt Road with him.", "Salt Road", True),
    ("Salt Road was created by Ines Calder.", "Salt Road", True),
    ("She loved _Salt Road_ as a child.", "Salt Road", True),
    ("Ines Calder, the show's creator, spoke first.", "Ines Calder", False),
    ("Ines Calder walked on the beach.", "Ines Calder", False),
    ("Nobody mentioned it.", "Coastal Cinematic Universe", True),
])
def test_is_work(text, name, expected):
    """A name is a work where only works stand; a shared universe always is."""
    assert works.is_work(_ctx(text), name) is expected


def test_work_for_follows_section_headings():
    """Under a heading naming a work, that work; before any, the article's."""
    text = ("Coastal dramas\n\nHarbour Lights began it all.\n\nLantern Street\n\n"
            "Lantern Street premiered on ITV. The series was a hit.\n")
    ctx = _ctx(text, work="Harbour Lights")
    assert works.work_for(ctx, _token(ctx, "began")) == "Harbour Lights"
    assert works.work_for(ctx, _token(ctx, "hit")) == "Lantern Street"


def test_work_for_uses_the_headline_without_front_matter():
    """An article with no work in its front matter is about the known work its first
    line names."""
    text = ("Why The Night Ferry still matters\n\nThe Night Ferry premiered on ITV in 2001. "
            "The series was a hit.")
    ctx = _ctx(text)
    assert works.work_for(ctx, _token(ctx, "hit")) == "The Night Ferry"


def test_norm_title():
    """Titles compare without case, curly quotes or a leading "the"."""
    assert works_index.norm_title("The  Night’s Ferry") == works_index.norm_title("night's ferry")


def test_line_sentence_stops_at_paragraphs():
    """A sentence never runs across a blank line."""
    ctx = _ctx("He could not say.\n\nWritten by Ines Calder, it was a hit.")
    start, end = works_text.line_sentence(ctx.doc, _token(ctx, "Written"))
    assert ctx.doc[start].text == "Written" and ctx.doc[end - 1].text == "."


@pytest.mark.parametrize("text, expected", [
    ('He was the director of "The Salt Road" and other classics.', {"The Salt Road"}),
    ("Critics loved the boxing drama Iron Tide and the wine comedy Corkscrew.",
     {"Iron Tide", "Corkscrew"}),
    ("She starred in the sitcom Parlour Games for ten years.", {"Parlour Games"}),
    ("The biopic Marlowe (2004) opened in May.", {"Marlowe"}),
    ("The production is called Glass Harbour.", {"Glass Harbour"}),
    ("Nobody expected Ann Marsh's The Long Night to win.", {"The Long Night"}),
    ("Bleak Water - Ann Marsh's 1950s drama about a ferry - won.", {"Bleak Water"}),
    ("He played a soldier in his next film, Red Meridian.", {"Red Meridian"}),
    ("Her role in Lantern Street made her famous.", {"Lantern Street"}),
    ("A sequel to Night Harbour is planned.", {"Night Harbour"}),
    ("The film Harbour Lights 2 opens in June.", {"Harbour Lights 2"}),
])
def test_prose_titles(text, expected):
    """News writes titles in quotes, after a kind of work, with a year, after "called",
    after a possessive "The", in apposition with an owner's drama, after a role."""
    ctx = _ctx(text)
    assert {t for _s, _e, t in works_prose.prose_titles(ctx)} == expected


@pytest.mark.parametrize("text, expected", [
    ("Saltmarsh was written and directed by Orrin Vale. Saltmarsh opened in May.",
     {"Saltmarsh"}),
    ("The Lantern Keeper, helmed by Ann Marsh, opens on Friday.", {"The Lantern Keeper"}),
    ("The Salt Road was produced by Orrin Vale for Harbour Pictures.", {"The Salt Road"}),
    ("Iron Tide director Ann Marsh was at the ceremony.", {"Iron Tide"}),
    ("Fans cheered when Glass Harbour star Mara Quill arrived.", {"Glass Harbour"}),
    ("Ann Marsh won best director for Corkscrew on Saturday.", {"Corkscrew"}),
    ("Mara Quill was nominated for Bleak Water in 2004.", {"Bleak Water"}),
    ("Orrin Vale has signed on to direct Tales of Tor.", {"Tales of Tor"}),
    ("Ann Marsh will produce Corkscrew 2 for the studio.", {"Corkscrew 2"}),
    ("The Saltmarsh director Ann Marsh is back.", {"Saltmarsh"}),
    ("Glass Harbour author Ruth Obi came to the premiere.", {"Glass Harbour"}),
    ("Ruth Obi, a writer and producer on Bleak Water, runs the new show.", {"Bleak Water"}),
    ("Glasshouse was named best limited series on Sunday.", {"Glasshouse"}),
    ("The Salt Road won best drama at the ceremony.", {"The Salt Road"}),
])
def test_titles_the_credits_mark(text, expected):
    """A name made by a person (a passive making verb), named before a credit noun
    and a person, or won an award for, is a title with no quotes or kind noun."""
    ctx = _ctx(text)
    assert {t for _s, _e, t in works_prose.prose_titles(ctx)} == expected


@pytest.mark.parametrize("text", [
    "Music was written by Tomas Vell.",
    "British director Ann Marsh was at the ceremony.",
    "Veteran director Ann Marsh was at the ceremony.",
    "Harbour Pictures producer Orrin Vale said little.",
    "Ann Marsh directed Mara Quill in the play.",
    "Corkscrew won an award for Mara Quill, and Quill thanked her mother.",
    "Mara Quill was nominated for Best Actress.",
    "Mara Quill won best actress at the ceremony.",
    "Ann Marsh's Iron Tide and British director Orrin Vale lead the field.",
    "Latest news\n\nIt was directed by Ann Marsh.",
    "Ann Marsh directed Mara Quill in the play.",
    "Ann Marsh wrote Blue Harbour for her band.",
])
def test_no_titles_from_credits(text):
    """A common noun or a pronoun opening a sentence, a nation, a company, a performer,
    a person the article names by surname, an award category, a list of names, what
    someone wrote (a song as often as a screen work) are no titles."""
    ctx = _ctx(text)
    assert {t for _s, _e, t in works_prose.prose_titles(ctx)} == set()


@pytest.mark.parametrize("text, expected", [
    ("She was the star of Homicide and Salt Road. Salt Road ran for years.",
     {"Homicide", "Salt Road"}),
    ("He was the star of Pride and Prejudice in 1995.", {"Pride and Prejudice"}),
    ("He is the author of Angels and Demons. Angels and Demons sold well.",
     {"Angels and Demons"}),
])
def test_a_run_of_two_titles_splits_at_and(text, expected):
    """A run of capitals with "and" is two titles when the article writes the part after
    "and" on its own elsewhere, else one title."""
    ctx = _ctx(text)
    assert {t for _s, _e, t in works_prose.prose_titles(ctx)} == expected


@pytest.mark.parametrize("text", [
    "The film won best film at the Oscars on Monday.",
    "The show aired on the US network last year.",
    '"I never thought it would end," she said.',
    "It was the best film of the year, said the critic.",
    "The film was shot in the summer of 2002 in France.",
])
def test_no_prose_titles(text):
    """Awards, countries, speech in quotes and plain nouns are no titles."""
    ctx = _ctx(text)
    assert works_prose.prose_titles(ctx) == []


def test_the_film_is_the_work_last_named():
    """Without front matter, "the film" means the work named last before it."""
    text = ("Ann Marsh starred in the thriller Iron Tide. Later came the drama Corkscrew. "
            "The film was a hit.")
    ctx = _ctx(text)
    assert works.work_for(ctx, _token(ctx, "film")) == "Corkscrew"


def test_front_matter_work_wins_over_the_last_named():
    """A synopsis's own work stays what "the series" means."""
    text = "The series borrows from the drama Corkscrew. The series ends well."
    ctx = _ctx(text, work="Harbour Lights")
    assert works.work_for(ctx, _token(ctx, "series", 1)) == "Harbour Lights"


@pytest.mark.parametrize("title, expected", [
    ("Lantern Street (TV series)", "Lantern Street"),
    ("List of Lantern Street episodes", "Lantern Street"),
    ("List of The Night Ferry characters", "The Night Ferry"),
    ("The Night Ferry review: a ghost story that earns its chills", "The Night Ferry"),
    ("Review: Lantern Street, a slow burn", "Lantern Street"),
    ("Lantern Street, season two: still worth the trip", "Lantern Street"),
    ("Lantern Street series 3 episode 2 recap", "Lantern Street"),
    ("TV review: Lantern Street, a slow burn", "Lantern Street"),
    ("Film review: all the week's new releases", None),
    ("Why I stopped writing a review", None),
    ("Mara Quill says season two is better", None),
    ("The first season of Lantern Street", None),
])
def test_work_from_title(title, expected):
    """An encyclopedia title, a list page, a review's or a season's headline name the
    article's work; a sentence about a season does not."""
    from graph.extract.mentions.subject import work_from_title
    assert work_from_title(title) == expected


@pytest.mark.parametrize("text, known", [
    ("Lantern Street is a British crime drama television series created by Ines Calder.",
     True),
    ("Lantern Street is also an animated series for children.", True),
    ("Mara Quill is a British actress and writer.", False),
    ("Lantern Street is a show's worst nightmare.", False),
])
def test_lead_sentence_makes_its_subject_a_work(text, known):
    """"X is a ... series" makes X a work; "X is a British actress" does not."""
    ctx = _ctx(text)
    assert works.is_work(ctx, "Lantern Street" if "Lantern" in text else "Mara Quill") is known


@pytest.mark.parametrize("text, name, expected", [
    ("Orrin Vale won for Low Harbour, the third feature from Mara Quill.", "Low Harbour",
     True),
    ("The jury honoured Low Harbour, a quiet family saga.", "Low Harbour", True),
    ("Mara Quill talks about the last season of Low Harbour.", "Low Harbour", True),
    ("She directed an episode of Low Harbour.", "Low Harbour", True),
    # a feature or a saga alone, or before a noun, makes no title
    ("Mara Quill, a feature writer, joined the paper.", "Mara Quill", False),
    ("Orrin Vale, the saga fan, left early.", "Orrin Vale", False),
])
def test_appositive_and_part_nouns_make_works(text, name, expected):
    """"X, the third feature", "X, a family saga" and "the season of X" make X a work."""
    assert works.is_work(_ctx(text), name) is expected
