"""Properties of story time (graph/model/storytime.py, graph/model/chronology.py) over
generated positions: a printed position reads back as itself, and inside one work
``compare`` is a total order on episodes that ``sort_key`` agrees with."""

import itertools

from hypothesis import assume, given
from hypothesis import strategies as st

from graph.errors import StoryTimeError
from graph.model.chronology import Chronology
from graph.model.storytime import Position, parse_position

# Title words: letters of any script, digits and the punctuation titles carry, and
# words of real titles that sit near story-time words (a possessive, a number, "The").
WORD = st.one_of(
    st.text(st.characters(categories=["L", "N"], include_characters=":-&!?.'’"),
            min_size=1, max_size=9),
    st.sampled_from(["The", "Grey's", "Hawkins'", "24", "911", "Year:", "Part", "II",
                     "Seasons", "Episodes", "S.H.I.E.L.D.", "Étoile", "東京"]))


def _reads_as_itself(title):
    """Whether a title alone reads as that title: one with a story-time word in it
    ("Foo season", "ep 4") is not a title, by the parser's contract."""
    try:
        return parse_position(title) == Position(title)
    except StoryTimeError:
        return False


TITLE = st.lists(WORD, min_size=1, max_size=4).map(" ".join).filter(_reads_as_itself)
SEASON = st.integers(1, 60)
EPISODE = st.one_of(st.none(), st.integers(1, 40), st.sampled_from(["premiere", "finale"]))


@st.composite
def positions(draw, work=TITLE):
    """A Position: a whole work, a season of it, or an episode (numbered or a word);
    with no work, a season or an episode of the work the context gives."""
    title = draw(st.one_of(st.none(), work))
    if title is not None and draw(st.booleans()):
        return Position(title)
    season = draw(SEASON)
    return Position(title, season, draw(EPISODE))


@given(positions())
def test_a_printed_position_reads_back_as_itself(position):
    """parse_position(str(p)) == p for every work, season and episode printed."""
    assert parse_position(str(position)) == position


@given(positions(), st.sampled_from(["{} of {}", "the {} of {}"]))
def test_a_season_written_out_reads_as_the_short_form(position, form):
    """"season N of TITLE" and "season N, episode E of TITLE" name the same position
    as "TITLE SN EE"."""
    assume(position.work and position.season and isinstance(position.episode, int | None))
    when = f"season {position.season}"
    if position.episode is not None:
        when += f", episode {position.episode}"
    assert parse_position(form.format(when, position.work)) == position


# One work's positions: the work itself, a season, or an episode; counts for some seasons.
IN_A_WORK = positions(work=st.just("Night Harbor")).filter(lambda p: p.work is not None)
COUNTS = st.dictionaries(st.integers(1, 6), st.integers(1, 30), max_size=4)
SMALL = st.builds(Position, st.just("Night Harbor"), st.integers(1, 6),
                  st.one_of(st.none(), st.integers(1, 30), st.sampled_from(["premiere",
                                                                            "finale"])))


def _chronology(counts):
    chronology = Chronology()
    for season, episodes in counts.items():
        chronology.add_season("Night Harbor", season, episodes)
    return chronology


def _spans(a, b):
    """Whether position ``a`` is a span that holds ``b`` (a work its seasons, a season
    its episodes)."""
    return a.season is None or (a.season == b.season and a.episode is None)


@given(COUNTS, st.lists(st.one_of(IN_A_WORK, SMALL), min_size=2, max_size=8))
def test_inside_a_work_compare_is_a_total_order_that_sort_key_agrees_with(counts, found):
    """Within one work nothing is unordered; compare is antisymmetric and transitive;
    0 means the same episode or a span holding the other; sort_key sorts the same way."""
    chronology = _chronology(counts)
    for a, b in itertools.product(found, repeat=2):
        order = chronology.compare(a, b)
        assert order in (-1, 0, 1), (a, b)
        assert chronology.compare(b, a) == -order, (a, b)
        if order == 0:
            ra, rb = chronology.resolve(a), chronology.resolve(b)
            assert ra == rb or _spans(a, b) or _spans(b, a), (a, b)
        else:
            assert (chronology.sort_key(a) < chronology.sort_key(b)) == (order == -1), (a, b)
    for a, b, c in itertools.product(found, repeat=3):
        if chronology.compare(a, b) == -1 and chronology.compare(b, c) == -1:
            assert chronology.compare(a, c) == -1, (a, b, c)


@given(COUNTS, st.lists(SMALL.filter(lambda p: p.episode is not None), min_size=2,
                        max_size=8, unique=True))
def test_episodes_are_totally_ordered_and_sort_as_they_compare(counts, episodes):
    """Episodes of a work: each pair is before, after, or the same resolved episode;
    sorting by sort_key leaves every pair in compare's order."""
    chronology = _chronology(counts)
    ordered = sorted(episodes, key=chronology.sort_key)
    for earlier, later in itertools.combinations(ordered, 2):
        assert chronology.compare(earlier, later) in (-1, 0)
    for a, b in itertools.combinations(episodes, 2):
        same = chronology.resolve(a) == chronology.resolve(b)
        assert (chronology.compare(a, b) == 0) == same, (a, b)
