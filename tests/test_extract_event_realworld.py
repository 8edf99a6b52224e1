"""Real people's deaths and births are no events (graph.extract.rules.events.realworld):
in news and reviews without a synopsis' front matter, on sentences written for these
tests; a character's death told as a story still is one."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _events(text, work=None):
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work=work)
    return {(f.claim.character, f.claim.event) for f in extract_article(article)
            if f.kind == "event"}


@pytest.mark.parametrize("text", [
    "Orrin Vale paid tribute to soul legend Pell Dunmore, who died last year.",
    "The film tells the life of late Harbour Boys singer Tam Reyes. The musician killed "
    "himself in 1980, aged 23. Nobody knows why Tam killed himself, so the film may say.",
    "Director Ada Marsh left the project in 2002, a month before she died.",
    "Mara Quill starred in Lantern Street. She gave birth to a daughter, Pia, in May.",
    "They visited the town where Pia was born.",
    "Mara Quill, who plays Ada Marsh in Lantern Street, died on Monday.",
])
def test_real_peoples_deaths_and_births_are_no_events(text):
    assert _events(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill stars as Ada Marsh. In the film, Ada dies.", ("Ada Marsh", "death")),
    ("Ada Marsh is killed off in the second season of Lantern Street.",
     ("Ada Marsh", "death")),
    ("Mara Quill plays Ada Marsh, who dies in the final episode.", ("Ada Marsh", "death")),
])
def test_a_characters_death_told_as_a_story_is_an_event(text, expected):
    assert expected in _events(text)


def test_a_synopsis_keeps_every_death():
    text = "Pell Dunmore dies at the funeral, aged 23, as the harbour burns."
    assert ("Pell Dunmore", "death") in _events(text, work="Harbour Lights")


@pytest.mark.parametrize("text", [
    "Orrin Vale won an award for playing the late poet Tam Reyes, who died last year.",
    "Mara Quill starred as the singer Ada Marsh, who died two years ago.",
])
def test_a_real_person_played_on_screen_who_died_last_year(text):
    """A death dated by the calendar ("last year", "two years ago") is the real
    world's, even of a person someone plays."""
    assert {fact for fact in _events(text) if fact[1] == "death"} == set()


@pytest.mark.parametrize("text", [
    # an injury with a real-world date is a real person's, as a death is
    "Orrin Vale, who was injured in a car crash in March, is recovering.",
    # a person the article says starred in something is an actor
    "Ann Marsh, who starred in Harbour Lights, died of cancer.",
    # an obituary's age in the next sentence
    "Ann Marsh died of cancer on the ward. She was 70.",
])
def test_real_injuries_actors_and_obituary_ages_are_no_events(text):
    """A real injury, an actor's death, and a death followed by "She was 70." are the
    real world's."""
    assert _events(text) == set()


@pytest.mark.parametrize("text, event", [
    ("In the film, Pia Lund is injured in a car crash in March.", ("Pia Lund", "injury")),
    ("Harbour Lights is back. In the fourth series, Pia Lund is badly injured in a fire.",
     ("Pia Lund", "injury")),
    ("Pia Lund dies in the finale of Harbour Lights. She was 70.", ("Pia Lund", "death")),
])
def test_story_injuries_and_deaths_stay_events(text, event):
    """Story context keeps a character's injury or death an event."""
    assert event in _events(text)


@pytest.mark.parametrize("text", [
    # a real person's "comeback from the dead" is a figure of speech
    "Mara Quill came back from the dead in 2005, when she won the award again.",
    # a star the article gives no role is a real person, whatever is revealed of him
    "The show's star Orrin Vale was revealed to be the father of the baby.",
])
def test_real_peoples_figurative_and_private_events_are_no_events(text):
    """A resurrection with real-world evidence, a revelation about a real person."""
    assert _events(text) == set()


@pytest.mark.parametrize("text, event", [
    ("Orrin Vale plays Tom Pell in Harbour Lights. Vale returns in the fourth series.",
     ("Tom Pell", "return")),
    ("Orrin Vale plays Tom Pell in Harbour Lights. Tom Pell was revealed to be the father.",
     ("Tom Pell", "revelation")),
])
def test_an_actor_standing_for_his_role_keeps_the_event(text, event):
    """An actor's name for the character he plays is the character's event."""
    assert event in _events(text)


@pytest.mark.parametrize("text", [
    # a performer's return to work, not a character's to the story
    "Mara Quill is back on our screens in the new drama Cold Meridian.",
    "Mara Quill played Ada Marsh in Lantern Street. Mara Quill returns in a new drama "
    "next year.",
    "Orrin Vale is returning to host the quiz show for a third year.",
    "Orrin Vale makes a return to the stage in a revival of an old comedy.",
    "After a ten-year break, Pip Gander is back with a new series.",
    "Orrin Vale's comeback was cut short when he was injured on stage in Leeds.",
    # a channel or a network raises a show, not a character
    "Lantern Street was axed after three series, but ITV resurrected the show last year.",
    "The BBC drama Lantern Street was brought back from the dead by Channel 4.",
    # a return of a name no one plays, outside a synopsis, is a performer's
    "Orrin Vale quit the soap in 2001 to make films. He returned to the soap last year.",
    "Mara Quill has left the BBC. She will return to the screen next year in a drama.",
    # a career dies, not its owner
    "Fans saw the death of Orrin Vale's career when his show was cancelled.",
    "Viewers saw Ada Marsh hit by a car in the finale of Lantern Street.",
    "A dying Orrin Vale told his wife to finish the film.",
    # words of presence that tell no presence: a verb, a modifier, another topic
    "Orrin Vale returns to voice the cartoon cat in the new series.",
    "Mara Quill returned to her dream job as a presenter.",
    "Orrin Vale is back with a new vision for the festival.",
    "Mara Quill returns to the BBC in a new series about memory and loss.",
    "Orrin Vale was brought back by the network to host the awards ceremony.",
    # real lives: their weekends, holidays, illnesses, and the works dedicated to them
    "Orrin Vale died at the weekend after a short illness.",
    "Orrin Vale was killed in the tsunami while on holiday in Thailand.",
    "The show is dedicated to Tom Pell, who died suddenly during the series.",
    # works die, are killed off and killed by channels too
    "The BBC drama Lantern Street was killed off by ITV after two series.",
    "The sitcom Lantern Street died a death in the ratings and was axed.",
    "The BBC has killed the comedy Lantern Street after one series.",
    # reviewers' figures of speech
    "Orrin Vale brings Ada Marsh to life with real menace.",
    "I nearly died laughing when Orrin Vale turned up as the vicar.",
    "Mara Quill kills it as the villain Ada Marsh.",
    # an actor's birth told beside his career
    "Orrin Vale has died aged 74. Vale, who was born in Leeds, starred in the hit series "
    "Lantern Street.",
    # harm on a set, during filming, in a stunt happens to the performer
    "Mara Quill was injured in a fall on the set of Lantern Street.",
    "Orrin Vale was badly hurt and injured during filming of the final scenes.",
    "The film is dedicated to Mara Quill, who died in a plane crash during production.",
    # news reveals castings and winners, not a story's secrets
    "Orrin Vale was revealed as the new host of the Saturday night quiz show.",
    "Mara Quill turned out to be the surprise winner of the award.",
])
def test_performers_returns_and_mishaps_are_no_events(text):
    """News tells performers' returns to work and their injuries on set: no event."""
    assert _events(text) == set()


@pytest.mark.parametrize("text, event", [
    ("Mara Quill plays Ada Marsh in the BBC drama Lantern Street. Ada Marsh, who was "
     "killed off in 2019, comes back as a ghost in the new series.", ("Ada Marsh", "death")),
    ("Mara Quill plays Ada Marsh in the BBC drama Lantern Street. Ada Marsh, who was "
     "killed off in 2019, comes back as a ghost in the new series.", ("Ada Marsh", "return")),
    ("Mara Quill's character Ada Marsh makes a surprise return to the show in the finale.",
     ("Ada Marsh", "return")),
    ("Mara Quill plays Ada Marsh in the BBC drama Lantern Street. Ada Marsh returns to "
     "Lantern Street in the new series.", ("Ada Marsh", "return")),
    ("Mara Quill plays Ada Marsh in the BBC drama Lantern Street. Ada Marsh is back in "
     "the new series.", ("Ada Marsh", "return")),
    ("Viewers saw Ada Marsh killed in a car crash in the finale of Lantern Street.",
     ("Ada Marsh", "death")),
    ("Mara Quill plays Ada Marsh in the BBC soap Lantern Street. The character was killed "
     "off in 2005.", ("Ada Marsh", "death")),
    ("Orrin Vale, who played Tom Pell until his character died in 2003, is to star in a "
     "new drama.", ("Tom Pell", "death")),
    ("Mara Quill plays Ada Marsh in the BBC soap Lantern Street. Ada Marsh was brought "
     "back for the Christmas special.", ("Ada Marsh", "return")),
    ("Mara Quill plays Ada Marsh in the BBC soap Lantern Street. Producers brought Ada "
     "Marsh back in 2008.", ("Ada Marsh", "return")),
    ("Mara Quill plays Ada Marsh in the BBC soap Lantern Street. Ada Marsh is to be axed "
     "from the show.", ("Ada Marsh", "departure")),
    # an encyclopedia's "X is a character": X's events are a story's
    ("Ada Marsh is a fictional character in the drama Lantern Street. Ada is shot by the "
     "police in the third series. She reappears in the fifth series as a ghost.",
     ("Ada Marsh", "return")),
    ("Ada Marsh is a character in Lantern Street. In 2009, Ada was revealed to be Tom "
     "Pell's sister.", ("Ada Marsh", "revelation")),
    ("Ada Marsh is a character in Lantern Street. Ada gives birth to a son, Pip Marsh, in "
     "the second series.", ("Pip Marsh", "birth")),
])
def test_story_returns_and_dated_killings_off_stay_events(text, event):
    """A character killed off in a year, and a character's return to the show told as
    a noun or to the show's title, are story events."""
    assert event in _events(text)


def test_the_subject_of_a_quoted_verb_is_the_one_quoted():
    """'X said Y "dies a hero"': Y dies, not the one who said it."""
    text = 'Mara Quill said Ada Marsh "dies a hero" in the last episode of Lantern Street.'
    assert _events(text) == {("Ada Marsh", "death")}
