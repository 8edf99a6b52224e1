"""Season length rules: how many episodes a season has, on sentences written for
these tests; and the counts that are no season's length (a part of a season,
episodes watched so far, a whole show, a comparison) or are not asserted."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _article(text, work="Harbour Lights", season=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work, season=season, episode=None)


def _lengths(text, **kwargs):
    return [f for f in extract_article(_article(text, **kwargs))
            if f.kind == "season" and f.claim.episodes is not None]


def _keys(text, **kwargs):
    return {(f.claim.work, f.claim.season, f.claim.episodes) for f in _lengths(text, **kwargs)}


@pytest.mark.parametrize("text, season, episodes, rule, quote", [
    ("Netflix ordered the 13-episode first season in 2014.", 1, 13,
     "season.length_adjective", "13-episode first season"),
    ("The show came back with its ten-episode second season.", 2, 10,
     "season.length_adjective", "ten-episode second season"),
    ("The network renewed it for a 10-episode season 4.", 4, 10,
     "season.length_adjective", "10-episode season 4"),
    ("Fans waited for the twenty-two episode Season Six.", 6, 22,
     "season.length_adjective", "twenty-two episode Season Six"),
    ("Season 2's thirteen episodes were shot in Cork.", 2, 13,
     "season.length_possessive", "Season 2's thirteen episodes"),
    ("The third season's 12-episode run ended in June.", 3, 12,
     "season.length_possessive", "third season's 12-episode run"),
    ("Critics praised the eight episodes of season three.", 3, 8,
     "season.length_of", "eight episodes of season three"),
    ("All ten episodes of the second season arrive on Friday.", 2, 10,
     "season.length_of", "ten episodes of the second season"),
    ("The channel renewed the show for a fifth season of 16 episodes.", 5, 16,
     "season.length_of", "fifth season of 16 episodes"),
    ("Season one runs for 13 episodes.", 1, 13, "season.length_verb",
     "Season one runs for 13 episodes"),
    ("Season 7 ran nine episodes.", 7, 9, "season.length_verb", "Season 7 ran nine episodes"),
    ("Season 3 consists of 10 episodes.", 3, 10, "season.length_verb",
     "Season 3 consists of 10 episodes"),
    ("Series two comprises six episodes.", 2, 6, "season.length_verb",
     "Series two comprises six episodes"),
    ("Season 8 has only six episodes.", 8, 6, "season.length_verb",
     "Season 8 has only six episodes"),
    ("Season 5 will have 20 episodes in total.", 5, 20, "season.length_verb",
     "Season 5 will have 20 episodes"),
    ("The first season was ten episodes long.", 1, 10, "season.length_verb",
     "first season was ten episodes long"),
    ("The first season, consisting of ten episodes, premiered in May.", 1, 10,
     "season.length_verb", "first season, consisting of ten episodes"),
    ("The fourth season of the show is made up of 11 episodes.", 4, 11, "season.length_verb",
     "fourth season of the show is made up of 11 episodes"),
])
def test_season_lengths(text, season, episodes, rule, quote):
    """Every form gives the season's length, of the article's work, quoting the count
    and the season."""
    [fact] = _lengths(text)
    assert (fact.claim.work, fact.claim.season, fact.claim.episodes) == \
        ("Harbour Lights", season, episodes)
    assert (fact.evidence.rule, fact.evidence.quote) == (rule, quote)
    assert _article(text).text[fact.evidence.start:fact.evidence.end] == quote


@pytest.mark.parametrize("text, season, episodes", [
    ("Lantern Street's 13-episode first season aired weekly.", 1, 13),
    ("The 10-episode second season of Lantern Street aired weekly.", 2, 10),
    ("Season 2 of Lantern Street will consist of 12 episodes.", 2, 12),
    ("Lantern Street Season Three has eight episodes.", 3, 8),
])
def test_lengths_of_a_named_work(text, season, episodes):
    """A work named beside the season, before or after it, is the count's work, with
    more confidence than the article's."""
    [fact] = _lengths(text)
    assert (fact.claim.work, fact.claim.season, fact.claim.episodes) == \
        ("Lantern Street", season, episodes)
    assert fact.evidence.confidence > _lengths("Season 3 has 8 episodes.")[0].evidence.confidence


@pytest.mark.parametrize("text, episodes", [
    ("This season's ten episodes were directed by two people.", 10),
    ("The ten-episode season ends with a storm.", 10),
    ("The season consists of eight episodes.", 8),
    ("All nine episodes of the season were written by Ana Ruiz.", 9),
])
def test_the_season_of_the_front_matter(text, episodes):
    """"The season" of an article whose front matter names one is that season."""
    assert _keys(text, season=2) == {("Harbour Lights", 2, episodes)}


def test_the_season_needs_front_matter():
    """Without a season in the front matter, "the season" names none."""
    assert _keys("The season consists of eight episodes.") == set()


@pytest.mark.parametrize("text", [
    "The season finale is two episodes long.",
    "The 10-episode season 2 premiere was two hours long.",
    "A two-episode season finale closes the story.",
])
def test_episodes_of_a_finale_are_no_season_length(text):
    """A count beside a finale or premiere measures that episode, not the season."""
    assert _keys(text, season=2) == set()


@pytest.mark.parametrize("text", [
    "Season 3 doesn't have 10 episodes.",
    "Season 3 will never run 10 episodes.",
    "The show won't get a 13-episode second season.",
    "Season 3 could have 10 episodes.",
    "Season 3 might consist of ten episodes.",
    "If season 3 has 10 episodes, the finale airs in June.",
    "Does season 3 have 10 episodes?",
    "Season 3 is rumoured to run 10 episodes.",
    "The planned 10-episode season 4 was cancelled.",
])
def test_negated_and_hypothetical_lengths(text):
    """Negated, modal, conditional, hedged and asked lengths are no facts."""
    assert _keys(text) == set()


@pytest.mark.parametrize("text", [
    "The first 5 episodes of season 2 are slow.",
    "The last three episodes of the second season were reshot.",
    "She directed the three episodes of season 2 that aired in May.",
    "He wrote the two episodes of season 4 he is proudest of.",
    "Season 2 has three episodes directed by Ana Ruiz.",
    "Season 2 has two episodes featuring the lighthouse.",
    "Season 2's three episodes written by Ana Ruiz stand out.",
])
def test_a_part_of_a_season_is_no_length(text):
    """An ordinal count or a count a relative clause or participle narrows down is a
    part of the season."""
    assert _keys(text) == set()


@pytest.mark.parametrize("text", [
    "Thirteen episodes into season one, the plot finally moves.",
    "Season 1 is 13 episodes in and nothing has happened.",
    "Season 2 has 3 episodes left.",
    "Season 2 has three episodes to go.",
    "Season 3 has aired five episodes so far.",
    "We are 6 episodes in season 3 now.",
])
def test_episodes_watched_so_far_are_no_length(text):
    """A count of episodes aired, watched or left is no season's length."""
    assert _keys(text) == set()


@pytest.mark.parametrize("text", [
    "The show ran for over 100 episodes.",
    "Harbour Lights has 100 episodes across six seasons.",
    "By the end of season 6 the show had 60 episodes.",
    "Season 5 has over 20 episodes.",
    "Season 5 brought the total to 73 episodes.",
    "Season 2 has two episodes fewer than season 1.",
    "Season 2 is three episodes shorter than season 1.",
    "Episode 13 of season 1 is the finale.",
    "In season 2, Mara has 10 episodes of screen time.",
    "The 2011 episodes of season 1 were shot in Ireland.",
])
def test_whole_show_counts_and_comparisons_are_no_length(text):
    """Counts of a whole show, estimates, comparisons, episode numbers and counts
    whose subject is not the season give nothing."""
    assert _keys(text) == set()


def test_length_needs_a_work():
    """A season of no known work has no length."""
    assert _keys("Season 3 consists of 10 episodes.", work=None) == set()


def test_length_sits_beside_the_plain_season_fact():
    """The plain season fact stays as it was; the length is a fact of its own."""
    facts = [f for f in extract_article(_article("Season 3 consists of 10 episodes."))
             if f.kind == "season"]
    assert {(f.claim.season, f.claim.episodes) for f in facts} == {(3, None), (3, 10)}
    plain = next(f for f in facts if f.claim.episodes is None)
    assert "episodes" not in plain.to_json()


def test_doctests():
    """The module's example runs."""
    import doctest

    import graph.extract.rules.seasons.length

    result = doctest.testmod(graph.extract.rules.seasons.length)
    assert result.attempted and not result.failed
