"""Story time: season and episode mentions (graph.extract.mentions.storytime) and the story
time of a statement (``story_time``), on sentences written for these tests."""

import pytest

from graph.extract.mentions.storytime import find_story_mentions, story_time
from graph.extract.pipeline import extract_article
from graph.extract.reading.context import Context
from graph.extract.reading.nlp import load_pipeline
from graph.sources import Article


def _context(text, season=None, episode=None, work="Harbour Lights"):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work=work, season=season, episode=episode)
    return Context.build(article, load_pipeline()(text))


@pytest.mark.parametrize("phrase, season, episode", [
    ("the season 1 finale", 1, "finale"),
    ("the inaugural season's finale", 1, "finale"),
    ("the inaugural season\u2019s finale", 1, "finale"),
    ("the season two premiere", 2, "premiere"),
    ("the first season finale", 1, "finale"),
    ("the finale of season 3", 3, "finale"),
    ("the premiere of the second season", 2, "premiere"),
    ("episode 5", None, 5),
    ("the fifth episode", None, 5),
    ("episode 4 of season 2", 2, 4),
    ("Season 2, Episode 3", 2, 3),
    ("S2E3", 2, 3),
    ("S4", 4, None),
    ("the sophomore season", 2, None),
    ("the final season", None, None),
    ("the finale", None, "finale"),
    ("the season finale", None, "finale"),
    ("the series premiere", 1, "premiere"),
])
def test_story_mentions(phrase, season, episode):
    """Each way of naming a season, an episode or both gives its numbers."""
    ctx = _context(f"It happens in {phrase}.")
    assert [(m.season, m.episode) for m in find_story_mentions(ctx)] == [(season, episode)]


@pytest.mark.parametrize("phrase, season, episode", [
    ("the 13-episode first season", 1, None),
    ("a ten-episode second season", 2, None),
    ("a 13 episode third season", 3, None),
    ("the twenty-two-episode fourth series", 4, None),
    ("the 13-episode first season finale", 1, "finale"),
    ("Season 2 episode 3", 2, 3),
    ("episode one", None, 1),
])
def test_a_count_of_episodes_names_no_episode(phrase, season, episode):
    """"the 13-episode first season" is season 1 with no episode (not "episode
    first"); an episode named by its number still is one."""
    ctx = _context(f"It happens in {phrase}.")
    assert [(m.season, m.episode) for m in find_story_mentions(ctx)] == [(season, episode)]


def test_an_episode_count_alone_is_no_mention():
    """"the eight-episode team-up" names neither a season nor an episode."""
    assert find_story_mentions(_context("It happens in the eight-episode team-up.")) == []


def test_an_event_in_a_counted_season_is_in_that_season():
    """"dies in the 13-episode first season": season 1, no episode."""
    assert _time_of("Ada dies in the 13-episode first season.", "dies", season=3) == (
        "Harbour Lights", 1, None)


def test_a_mid_season_finale_is_not_a_finale():
    """"the mid-season finale" names no episode."""
    assert find_story_mentions(_context("It happens in the mid-season finale.")) == []


def _time_of(text, word, **kwargs):
    ctx = _context(text, **kwargs)
    index = next(t.i for t in ctx.doc if t.text == word)
    return story_time(ctx, index)


def test_the_sentence_mention_gives_the_time():
    """A mention in the sentence wins over the front matter."""
    assert _time_of("Ada dies in the season 3 finale.", "dies", season=1, episode=2) \
        == ("Harbour Lights", 3, "finale")


def test_the_nearest_mention_that_times_the_verb_wins():
    """"the villain of the first season, died in the season 2 finale": season 2."""
    text = "Orrin, the villain of the first season, died in the season 2 finale."
    assert _time_of(text, "died") == ("Harbour Lights", 2, "finale")


def test_a_finale_alone_takes_the_season_of_the_front_matter():
    """"the finale" in a synopsis of season 4 is the finale of season 4."""
    assert _time_of("Ada dies in the finale.", "dies", season=4) == ("Harbour Lights", 4,
                                                                     "finale")


def test_an_episode_with_no_season_anywhere_is_dropped():
    """An episode number that no season places is left out."""
    assert _time_of("Ada dies in episode 5.", "dies") == ("Harbour Lights", None, None)


def test_the_final_season_has_no_number():
    """"the final season" names a season whose number the text does not give."""
    assert _time_of("Ada dies in the final season.", "dies", season=2) == (
        "Harbour Lights", None, None)


def test_no_mention_takes_the_front_matter_or_the_work():
    """With no mention: the front matter's season and episode, else the work alone."""
    assert _time_of("Ada dies.", "dies", season=2, episode=7) == ("Harbour Lights", 2, 7)
    assert _time_of("Ada dies.", "dies") == ("Harbour Lights", None, None)


def test_a_mention_names_its_own_work():
    """"season 3 of Lantern Street" is Lantern Street's."""
    assert _time_of("Ada dies in season 3 of Lantern Street.", "dies") == (
        "Lantern Street", 3, None)


def test_season_facts_keep_working_and_skip_mentions_with_no_number():
    """"the season 1 finale" still gives season 1; "the final season" gives none."""
    ctx = _context("The season 1 finale was grim, and the final season was worse.")
    facts = extract_article(ctx.article)
    assert {(f.claim.work, f.claim.season) for f in facts if f.kind == "season"} == {
        ("Harbour Lights", 1)}


@pytest.mark.parametrize("phrase, seasons", [
    ("seasons 5, 7 and 8", (5, 7, 8)),
    ("series 2 to 6", (2, 3, 4, 5, 6)),
    ("seasons one through three", (1, 2, 3)),
    ("Seasons 2 & 3", (2, 3)),
    ("the second and third seasons", (2, 3)),
    ("the first three seasons", (1, 2, 3)),
    ("its sixth and final season", (6,)),
    ("the upcoming fifth season", (5,)),
    ("the show's 10th season", (10,)),
])
def test_lists_and_ranges_of_seasons(phrase, seasons):
    """A list or a range names every season in it; one season is still one."""
    ctx = _context(f"It happens in {phrase}.")
    assert [m.seasons for m in find_story_mentions(ctx)] == [seasons]


@pytest.mark.parametrize("text", [
    "He starred in the US series 21 Lantern Street for years.",
    "It was the first season to be filmed in colour.",
    "The studio wants a second series of films.",
])
def test_phrases_that_name_no_season(text):
    """A number opening a title, "the first season to ...", "a series of films"."""
    assert [m for m in find_story_mentions(_context(text)) if m.seasons] == []


@pytest.mark.parametrize("heading", ["## Season 2", "Season Two", "**Season 2**",
                                     "Season 2: The Flood", "Second Season", "### S2"])
def test_a_heading_times_the_text_under_it(heading):
    """A season heading gives its season to the sentences below it, not to those
    above, until the next heading."""
    text = (f"Ada sails.\n\n{heading}\n\nAda dies. Orrin grieves.\n\n## Reception\n\n"
            "Orrin laughs.")
    assert _time_of(text, "sails") == ("Harbour Lights", None, None)
    assert _time_of(text, "grieves") == ("Harbour Lights", 2, None)
    assert _time_of(text, "laughs") == ("Harbour Lights", None, None)


def test_a_heading_overrides_the_front_matter_season():
    """Under "## Season 3" of an article whose front matter says season 1, season 3."""
    text = "Ada sails.\n\n## Season 3\n\nOrrin grieves."
    assert _time_of(text, "sails", season=1, episode=2) == ("Harbour Lights", 1, 2)
    assert _time_of(text, "grieves", season=1, episode=2) == ("Harbour Lights", 3, None)


@pytest.mark.parametrize("line", ["Season 2 was darker than the first.",
                                  "Season 2 of the show drew fewer viewers, sadly."])
def test_a_sentence_is_no_heading(line):
    """A sentence that opens with a season times itself only."""
    ctx = _context(f"{line}\n\nOrrin grieves.")
    index = next(t.i for t in ctx.doc if t.text == "grieves")
    assert story_time(ctx, index) == ("Harbour Lights", None, None)


def test_a_bare_season_number_before_a_name_stays():
    """"In season 2 Cora Vell returns": the name after the number is the subject."""
    ctx = _context("In season 2 Cora Vell returns as a ghost.")
    assert [m.seasons for m in find_story_mentions(ctx)] == [(2,)]
