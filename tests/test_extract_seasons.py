"""Season facts (rules/seasons/mention.py, owner.py): every common way of naming a
season or several, the show each belongs to, and what is no TV season, on sentences
written for these tests about made-up shows."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _article(text, work=None, season=None, episode=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work, season=season, episode=episode)


def _seasons(text, **kwargs):
    return {(f.claim.work, f.claim.season) for f in extract_article(_article(text, **kwargs))
            if f.kind == "season"}


@pytest.mark.parametrize("text, expected", [
    ("Season three of Night Harbour opens in a storm.", {3}),
    ("Night Harbour Season 3 opens in a storm.", {3}),
    ("The fourth series of Night Harbour opens in a storm.", {4}),
    ("Series four of Night Harbour opens in a storm.", {4}),
    ("Mara Quill appeared in seasons 5, 7 and 8 of Night Harbour.", {5, 7, 8}),
    ("Orrin Vale starred in series 2 to 6 of Night Harbour.", {2, 3, 4, 5, 6}),
    ("Seasons one through three of Night Harbour were shot in Cork.", {1, 2, 3}),
    ("Seasons 1-3 of Night Harbour were shot in Cork.", {1, 2, 3}),
    ("The second and third seasons of Night Harbour were shot in Cork.", {2, 3}),
    ("Night Harbour, now in its sixth and final season, returns on Sunday.", {6}),
    ("Night Harbour begins its third season on Sunday.", {3}),
    ("Night Harbour S3 arrives on TV on Friday.", {3}),
])
def test_season_forms_with_the_show_named(text, expected):
    """Each form names its seasons, and the show named in the phrase owns them."""
    assert _seasons(text) == {("Night Harbour", s) for s in expected}


@pytest.mark.parametrize("text, work, season", [
    ('Fans of "Night Harbour" have waited for the show\'s 10th season.', "Night Harbour", 10),
    ('Fans of "Night Harbour" await the upcoming fifth season.', "Night Harbour", 5),
    ("The Tide Show's 14th season drew record viewers on TV.", "The Tide Show", 14),
    ('She coaches in Season 14 of "The Tide Show".', "The Tide Show", 14),
    ('Ivo Brandt was cast in "Salt Road" in its first season.', "Salt Road", 1),
    ('Ivo Brandt, who hated "Salt Road" at first, now films its 10th season.', "Salt Road",
     10),
])
def test_the_show_of_the_phrase_or_the_sentence(text, work, season):
    """The show named in the phrase, else the one the sentence names ("its", "the
    show's", a title in quotes)."""
    assert _seasons(text) == {(work, season)}


def test_a_bare_season_in_an_article_about_a_show():
    """"the third season", "S3" in an article whose front matter names the show;
    "S3" alone in an article about no show is none."""
    assert _seasons("Critics loved the third season.", work="Night Harbour") == {
        ("Night Harbour", 3)}
    assert _seasons("Ada dies in S3.", work="Night Harbour") == {("Night Harbour", 3)}
    assert _seasons("Ada drives in S3.") == set()


def test_the_show_a_definite_noun_stands_for_is_the_headline_title():
    """"the network show ... in Season 14": the show of the headline, not another
    title the sentence names."""
    text = ("Ivo Brandt Is Coming To 'The Tide Show'\n\n"
            'Former "Lantern Street" star Ivo Brandt will join the network show, where '
            "he will coach in Season 14.")
    assert _seasons(text) == {("The Tide Show", 14)}


@pytest.mark.parametrize("text", [
    "He played a cop in the US series 21 Jump Harbour for three years.",
    ("In 1984 he played a teenager in the horror film Night On Quay Lane. Later he "
     "played a detective in the US series 21 Salt Street for three years from 1987."),
    "Night Harbour was the first season to be filmed in colour on TV.",
    "The studio plans a second series of films about the heist.",
    "Ada Marsh's first season as a coach on the show was a triumph.",
    "Orrin Vale finished his third season with the Port Ash Rovers.",
    "Rovers were suspended for the whole third season of the competition.",
    "The Old Quay's first season under its new director opens tonight.",
    "Awards season is here, and so are the holiday season and the football season.",
    "This season the coats are long, and last season they were short.",
    "The Oscars' 77th season of campaigning has begun.",
    "Night Harbour will not return for a fourth series.",
    "She bought a Samsung Galaxy S3 and an Audi S4 last year.",
    "It was the first series of The Office to win a Bafta.",
])
def test_what_is_no_season_of_a_show(text):
    """Titles that open with a number, the earliest season to do something, a series
    of films, a person's, a team's, a venue's or a competition's season, seasons of
    the year, fashion and awards give no season fact."""
    assert _seasons(text) == set()


@pytest.mark.parametrize("text", [
    "The BBC's fourth series of Night Harbour starts tonight.",
    "Night Harbour's fourth series airs on BBC One.",
])
def test_a_channel_never_owns_a_season(text):
    """A channel before a season is not its show: "the BBC's fourth series of X"."""
    assert _seasons(text) == {("Night Harbour", 4)}


def test_a_country_never_owns_a_season():
    """"the US series 4" is no season of a show called US."""
    assert all(work not in ("US", "UK") for work, _s in _seasons(
        "Ivo Brandt joined the US series 4 of Salt Road in 2004."))


def test_a_heading_names_a_season_of_the_article_show():
    """A heading "## Season 2" in an article about a show is its season 2."""
    text = "## Season 2\n\nMara Quill sails at dawn.\n"
    assert _seasons(text, work="Night Harbour") == {("Night Harbour", 2)}


def test_the_subject_of_the_clause_owns_a_bare_season():
    """"Night Harbour will return to TV for a fourth series": the subject's, when it is
    no person."""
    assert _seasons("Night Harbour will return to TV screens for a fourth series.") == {
        ("Night Harbour", 4)}
    assert _seasons("Ada Marsh will return to TV screens for a fourth series.") == set()


def test_a_relative_clause_hangs_the_season_on_its_noun():
    """"Night Harbour, which returns for a third series on BBC One": Night Harbour's."""
    assert _seasons("Night Harbour, which returns for a third series on BBC One, is "
                    "a hit.") == {("Night Harbour", 3)}


def test_the_show_possessive_is_the_article_show():
    """"the streaming show's sophomore season" in an article whose headline names the
    show is that show's, not another name earlier in the sentence."""
    text = ("Night Harbour Season Two: First Photos\n\n"
            "Harbour Weekly got the first synopsis of the streaming show's sophomore season.")
    assert _seasons(text) == {("Night Harbour", 2)}


WEEKEND = "What to watch on television this weekend\n\n"


@pytest.mark.parametrize("text, expected", [
    (WEEKEND + "The BBC drama Salt Road returns in May. Fans of Salt Road have waited two "
     "years. Ada Marsh, who starred in the film Copperhead, says the show's third series "
     "will be darker.", {("Salt Road", 3)}),
    (WEEKEND + "The ITV drama Copperhead has ended. Its star Ada Marsh now joins the BBC "
     "drama Salt Road, and says the show's second series will be darker.",
     {("Salt Road", 2)}),
])
def test_the_show_of_a_news_story_is_the_one_it_names_most(text, expected):
    """With no front matter and no title in the headline, "the show's" season is the
    show the story names most often, not a film named last in a star's career; with no
    such show, the one named last."""
    assert _seasons(text) == expected


def test_a_show_named_like_a_city_owns_its_seasons_and_is_the_article_work():
    """NER calls "Boston" a place, but the article calls it a soap: "the season 8
    finale of Boston" is the show's, and the death in it is in Boston."""
    text = ("Boston, the prime-time soap about a shipping family, ran for ten seasons. "
            "In the season 8 finale of Boston, Cal Marrow died in hospital.")
    facts = extract_article(_article(text))
    assert ("Boston", 8) in {(f.claim.work, f.claim.season) for f in facts
                             if f.kind == "season"}
    assert {f.claim.work for f in facts if f.kind == "event"} == {"Boston"}


def test_a_city_is_no_show():
    """In an article that never calls it a show, "the Boston series 4" is no season."""
    assert _seasons("The Boston series 4 of lectures opens on Monday.") == set()


def test_a_cast_list_aside_belongs_to_the_page_show():
    """"(series 1–2)" after "A as B, C's husband" is the page show's, not B's."""
    article = Article(doc="t.md", path="t.md", format="md", content_hash="0" * 64,
                      body_start=0, title="Lantern Street (TV series)",
                      text="## Cast\n\n- Orrin Vale as Cal Flynn, Nora's husband (series 1–2)\n")
    found = {(f.claim.work, f.claim.season) for f in extract_article(article)
             if f.kind == "season"}
    assert found == {("Lantern Street", 1), ("Lantern Street", 2)}


def test_a_headline_season_is_the_default_story_time():
    """A review headlined "X, season two:" sets season 2 for its events."""
    text = ("Lantern Street, season two: worth the trip\n\n"
            "Reverend Ash is murdered by his brother at the end, which I did not expect.")
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, title="Lantern Street, season two: worth the trip")
    events = [f.claim for f in extract_article(article) if f.kind == "event"]
    assert [(e.character, e.event, e.work, e.season) for e in events] == [
        ("Reverend Ash", "death", "Lantern Street", 2)]


def test_a_one_word_show_after_season_of_is_no_place():
    """"the third season of Starfell": NER may call a made-up one-word title a place,
    but only a show stands after "season N of"."""
    assert _seasons("Orrin Vale has been cast in the third season of Starfell.") \
        == {("Starfell", 3)}


def test_its_season_is_no_persons():
    """"Mara Quill won its second series": "its" stands for the show named before,
    never for the person who is the subject; a show the parser or NER takes for a
    person still owns its own season."""
    assert _seasons("The reality show Island Nights was a hit with viewers. Mara Quill "
                    "won its second series.") == {("Island Nights", 2)}
    assert _seasons("Harbour Lights, now in its third season, has been renewed.") == {
        ("Harbour Lights", 3)}


def test_our_show_is_no_quoted_person():
    """"Season 1 of our show" is the show the article names, not a person's name it
    quotes (a model who goes by "Kendra")."""
    text = ("Growing Up Kendra\n\n"
            'Kendra Vell, who grew up on "Living With the Vells," now models. She prefers '
            'to go by simply "Kendra." Agents call her shy.\n\n'
            '"On Season 1 of our show, I wore neon jeans," she said, though when "Living '
            'With the Vells" premiered in 2007, Ms. Vell was 11 years old.')
    assert _seasons(text) == {("Living With the Vells", 1)}


@pytest.mark.parametrize("text, expected", [
    ("Tom Reed won the fourth series of Channel 4's Island Nights.", {("Island Nights", 4)}),
    ("Tom Reed won the second series of the BBC's Island Nights last year.",
     {("Island Nights", 2)}),
    ("Ann Marsh won the first series of Tom Reed's talent show.", set()),
])
def test_a_channel_possessive_after_of_gives_the_show(text, expected):
    """"the fourth series of Channel 4's X": the season is X's, never the channel's."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The BBC drama Harbour Lights is a hit. The orchestra opens its second season with a "
     "gala.", set()),
    ("The BBC drama Harbour Lights is a hit. The first season of the new league starts in "
     "May.", set()),
    ("The BBC cartoon Harbour Lights is a hit. The cartoon returns for its third season.",
     {("Harbour Lights", 3)}),
])
def test_its_season_of_a_thing_is_no_shows(text, expected):
    """"its" for an orchestra or a league, "the season of the new league": no show's
    season, though a show was named before; "the cartoon ... its" is the show's."""
    assert _seasons(text) == expected


def test_a_channel_and_a_show_noun_after_of_are_the_article_show():
    """"the fourth series of the ITV1 show" is the season of the show named before;
    "the first season of the Premier League" stays nobody's."""
    assert _seasons("The reality show Island Nights ended on Friday. Tom Reed won the "
                    "fourth series of the ITV1 show.") == {("Island Nights", 4)}
    assert _seasons("She appeared on the sixth season of the NBC competition The "
                    "Boardroom.") == {("The Boardroom", 6)}
    assert _seasons("Rovers won the first season of the Premier League.") == set()


@pytest.mark.parametrize("text, work, season", [
    ("The network has ordered a third season of the spy drama Glasshouse.", "Glasshouse", 3),
    ("Viewers loved the second series of the cooking contest Salt Kitchen.", "Salt Kitchen", 2),
    ("The cooking contest Salt Kitchen lost viewers over series three.", "Salt Kitchen", 3),
    ("Mara Quill left the hospital drama St Brigid's at the end of its ninth season.",
     "St Brigid's", 9),
])
def test_a_kind_of_show_before_its_title_names_the_owner(text, work, season):
    """A title after a noun for a kind of show ("the spy drama X", "the cooking contest
    X", a title ending in its possessive) owns the season."""
    assert (work, season) in _seasons(text)


def test_a_season_of_a_described_thing_is_still_no_show():
    """Describing nouns before a noun that is no kind of show keep it no show's."""
    assert _seasons("It was the third season of the youth football league.") == set()


def test_its_season_after_a_presenter_is_the_show():
    """"Its" never stands for the host a relative clause hangs on: the show does."""
    text = ("The cooking contest Brain Harbour is back. The host Mara Quill, who has presented "
            "the show since its first series, is staying.")
    assert _seasons(text) == {("Brain Harbour", 1)}


def test_a_year_is_no_season_number():
    """"Season 2021" names a year, not the ordinal of a season."""
    assert _seasons("The dance contest Floor Fever saw its season 2021 final top the "
                    "ratings.") == set()


def test_a_numbered_channel_before_the_kind_of_show():
    """"Of the BBC Two comedy X": the channel's number is skipped, the title owns."""
    assert _seasons("The second series of the BBC Two comedy Little Harbour starts next "
                    "week.") == {("Little Harbour", 2)}


def test_a_plural_possessive_in_an_article_that_names_a_numbered_channel():
    """"Island Nights' second series ... on ITV1": ITV1 makes it an article about
    television, where the possessive is a show's."""
    assert _seasons("Island Nights' second series will be shown on ITV1 in the autumn.") \
        == {("Island Nights", 2)}
    assert _seasons("The Old Quay's second season of concerts opens in May.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Ivo Brandt, who left Copperhead after its second season, now stars in Ember Crown.",
     {("Copperhead", 2)}),
    ("Mara Quill left Salt Road after season 4 and joined Harbour Lights in its fifth season.",
     {("Salt Road", 4), ("Harbour Lights", 5)}),
    ("House of Tides ended in 2019 with its eighth season, which many fans disliked.",
     {("House of Tides", 8)}),
    ("Copper Coast returned to TV for a second season last year; its third season arrives "
     "on Friday.", {("Copper Coast", 2), ("Copper Coast", 3)}),
])
def test_its_and_a_bare_season_take_the_show_the_parse_gives(text, expected):
    """"its" is the nearest name before it that is no person, or the show a verb of
    joining or leaving takes, never a show named after it; a bare season after "left
    X" is X's; a subject of several words is read whole."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text", [
    "Salt Road will not return for a third season, the network confirmed.",
    "The fantasy drama Gull Island was not renewed for a fourth season.",
    "The network is said to be considering a fifth season of Dunmore Hall.",
    "Fans hope that the BBC comedy Quay Street could return for a fifth series.",
    "If the drama Copperhead is renewed for a sixth season, the writers plan a time jump.",
    "The BBC will not make a third series of the sitcom Little Pier.",
    "A third series of the sitcom Little Pier is unlikely, its star said.",
    "There will be no fourth season of the drama Ember Crown after the network pulled it.",
    "The fantasy drama Ember Crown was axed ahead of a third season.",
    "The network denied that the drama Red Orchard would return for a fourth season.",
])
def test_a_season_denied_doubted_or_wished_is_none(text):
    """A season whose making verb is negated, modal, hedged or conditional, a season
    the phrase says "no" to, or one the show was cancelled before, is no season."""
    assert _seasons(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Ada Marsh will not return for the third series of Harbour Lights, the BBC said.",
     {("Harbour Lights", 3)}),
    ("Mara Quill won't appear in the second season of Ember Crown.", {("Ember Crown", 2)}),
    ("Mara Quill had a role in the third season of Ember Crown, but she did not get a "
     "credit.", {("Ember Crown", 3)}),
    ("The fantasy drama Ember Crown has been renewed for a third season and a fourth season.",
     {("Ember Crown", 3), ("Ember Crown", 4)}),
    ("The BBC comedy Moonlit Ferry will be back for a third series.", {("Moonlit Ferry", 3)}),
])
def test_a_season_made_whatever_a_person_does(text, expected):
    """A person staying away from a season, or a negation elsewhere in the sentence,
    leaves the season made; an asserted renewal or return makes it."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tessa Marlow's second season on Ember Crown saw her character die.",
     {("Ember Crown", 2)}),
    ("Orrin Vale will host the second series of the quiz show Brain Box.", {("Brain Box", 2)}),
    ("The reality show Glass House returns tonight. The fifth series of the Channel 4 show "
     "has 14 contestants.", {("Glass House", 5)}),
    ("Her first season on the board was difficult for the BBC.", set()),
    ("Ivo Brandt spent his first season on BBC One presenting the news.", set()),
])
def test_a_persons_season_on_a_show_is_the_shows(text, expected):
    """"her second season on X" is X's; "of the quiz show X" reads past both kind
    nouns; "the Channel 4 show" is no show called Channel; a season on a board or a
    channel is no show's."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hollow Pines: Season Two review\n\nThe thriller is darker now.", {("Hollow Pines", 2)}),
    ("Kilmore Tales, series 3, episode 2: the fishermen strike back\n\nA tense hour.",
     {("Kilmore Tales", 3)}),
    ("'Red Orchard' Season 3 Trailer Is Here\n\nNetflix dropped it on Monday.",
     {("Red Orchard", 3)}),
    ("Ada Marsh, series 1-3, was the best thing in it.", set()),
])
def test_a_title_labelling_a_season_at_the_start_of_a_line(text, expected):
    """A title opening a line labels the season after a colon or a comma, or in quotes
    before it; a person before a comma lists a cast, not a show."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text", [
    "Chelsea won the first season of the Premiership under their new owner.",
    "The third series of the Ashes will be played in Brisbane.",
    "The second season of the Proms begins in July at the Royal Albert Hall.",
])
def test_sports_and_concert_seasons_are_no_shows(text):
    """"of the X" in an article about no television, and names of leagues, matches
    and concert seasons, own no season."""
    assert _seasons(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Tide and the Lantern's sixth and final season drew huge audiences on TV.",
     {("Tide and the Lantern", 6)}),
    ("She was a contestant on Racing With the Tides season 23 last fall.",
     {("Racing With the Tides", 23)}),
    ("Ember Crown and Salt Road's second seasons were filmed on TV sets in Belfast.",
     {("Salt Road", 2)}),
])
def test_the_owner_is_the_whole_title_the_names_cut(text, expected):
    """A title the names finder cut at a small word is the season's owner whole ("X
    and the Y", "X With the Y"); two shows joined by a lone "and" stay two."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The third-season premiere of Ember Crown drew 5 million viewers on HBO.",
     {("Ember Crown", 3)}),
    ("The season-two finale of Red Orchard aired on Netflix on Friday.", {("Red Orchard", 2)}),
    ("She starred in the BBC series 40 Quays, which ended in May.", set()),
    ("The BBC drama Harbour Lights was a hit. The series 2 DVD sold 100,000 copies.",
     {("Harbour Lights", 2)}),
])
def test_hyphenated_seasons_and_numbers_that_open_titles(text, expected):
    """"third-season", "season-two" name seasons; "the BBC series 40 Quays" is a title
    with a number, but "the series 2 DVD" is season 2 (an acronym opens no title)."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text", [
    "The singer watched the game on TV. The Rangers' first season in the new stadium "
    "ended in defeat.",
    "Port Ash's second season at the new stadium was shown on TV around the world.",
    "Rodriguez, who hosts a show on the network, spent his first season with the Yankees "
    "at third base.",
])
def test_a_teams_season_in_an_article_about_television_is_none(text):
    """Words of sport in the sentence make a possessive's season a team's, though the
    article speaks of television elsewhere."""
    assert _seasons(text) == set()


def test_a_show_in_quotes_keeps_its_season_in_a_sentence_of_sport():
    """A title in quotes owns its season though the sentence speaks of a league."""
    assert _seasons('The footballer joined "Salt Kitchen" for its second season, after '
                    "leaving the league.") == {("Salt Kitchen", 2)}


def test_its_after_a_title_named_after_a_common_noun_subject():
    """"The actress joined X for its third series": X stands between the subject and
    "its", so the season is X's; "The orchestra opens its second season" stays none."""
    assert _seasons("The actress joined the BBC drama Harbour Lights for its third "
                    "series.") == {("Harbour Lights", 3)}
    assert _seasons("The orchestra opens its second season with a gala.") == set()


def test_a_review_headed_by_a_name_is_of_that_show():
    """A season with no show in sight is the show the headline names alone, though NER
    calls it a person; a headline naming a person and a show gives the show."""
    text = "Harbour Lights\n\nI loved season one but season two dragged. Still, 8/10 from me."
    assert _seasons(text) == {("Harbour Lights", 1), ("Harbour Lights", 2)}
    text = ("'I grew up on set': Mara Quill on The Salt Orchard\n\nMara Quill has spent years "
            "as the heir. The second season ended with her father's death.")
    assert ("The Salt Orchard", 2) in _seasons(text)


@pytest.mark.parametrize("text, expected", [
    ("Ivo Brandt has been cast as the Lantern Queen in Salt Orchard season 1, the studio "
     "said.", {("Salt Orchard", 1)}),
    ("# List of The Quiet Harbour episodes\n\n## Season 1\n\nThe pilot aired on TV in May.",
     set()),
])
def test_a_whole_title_stops_at_a_role_and_at_the(text, expected):
    """A title is never extended over a role's name ("the Lantern Queen in X") or past a
    mid-sentence "The" ("List of The X")."""
    found = _seasons(text)
    assert expected <= found
    assert all(work in {w for w, _s in expected} | {"The Quiet Harbour", "Quiet Harbour"}
               for work, _s in found)


@pytest.mark.parametrize("text, expected", [
    ("Moonlit Ferry has been renewed for a third series, its makers said.",
     {("Moonlit Ferry", 3)}),
    ("Harbour Lights was recommissioned for a fourth series after strong ratings.",
     {("Harbour Lights", 4)}),
    ("Harbour Lights was not recommissioned for a fourth series.", set()),
    ("Ada Marsh was cast for a third series after strong ratings.", set()),
])
def test_a_renewed_subject_is_a_show_whatever_ner_says(text, expected):
    """People are not renewed or recommissioned: the passive subject of such a verb
    owns the season though NER calls it a person; a person cast owns none."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Copper Coast was filmed in Cornwall over two long winters. The show is now in its "
     "fifth season.", {("Copper Coast", 5)}),
    ("Mara Quill grew up in Devon. The show is now in its fifth season.", set()),
])
def test_the_show_is_the_subject_of_the_sentence_before(text, expected):
    """With no show known to the article, "the show" is the subject of the sentence
    before when nothing makes it a person."""
    assert _seasons(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Orrin Vale, whose sitcom Quay Street ran on BBC Two, will write a new comedy for the "
     "channel. The first series will have six episodes.", set()),
    ("The sitcom Quay Street ran on BBC Two. A second series was commissioned in 2004, "
     "and the show was later renewed for a third series.",
     {("Quay Street", 2), ("Quay Street", 3)}),
])
def test_a_new_show_with_no_name_owns_the_bare_season_after_it(text, expected):
    """"a new comedy" brought in after the last title named makes "the first series"
    that new show's, which has no name; "a second series" is a season, not a show."""
    assert _seasons(text) == expected


def test_a_generic_show_noun_brings_in_no_new_show():
    """"no character has been more present in a television series" names no new show,
    so the bare season after it stays the article's."""
    text = ("No character has ever been more present in a television series. Years later, "
            "the third season has finished its run.")
    assert _seasons(text, work="Night Harbour") == {("Night Harbour", 3)}


def test_a_bare_season_belongs_to_the_show_whose_season_came_before():
    """With no show in sight, a bare season is the show whose season the article named
    last ("its first season" of Glasshouse, then "the second season")."""
    text = (WEEKEND + "Three years after its first season ended, Glasshouse is back on "
            "Apple TV+. Critics agree the second season has been worth the wait.")
    assert ("Glasshouse", 2) in _seasons(text)


def test_a_streaming_service_owns_no_season():
    """"Paramount+" is a service, never a show: "its third season" there is nobody's."""
    text = (WEEKEND + "Paramount+ has dropped the comedy Salt Road. Paramount+ had "
            "promised fans its third season.")
    assert not {w for w, _n in _seasons(text) if w.endswith("+")}


def test_the_show_renewed_for_a_season_owns_it():
    """"renewed Salt Road, a spin-off of X, for a second season": the renewed show's."""
    text = (WEEKEND + "The network renewed Salt Road, a spin-off of Harbour Lights, for a "
            "second season.")
    assert _seasons(text) == {("Salt Road", 2)}
