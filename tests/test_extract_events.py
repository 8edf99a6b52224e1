"""Event rules: every form, mode, agent and cause, on sentences written for these
tests; and the statements that must give no event (negated, hedged, asked,
intended, future, travel, actors, backstory)."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _article(text, work="Harbour Lights", season=None, episode=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work, season=season, episode=episode)


def _events(text, **kwargs):
    return [f for f in extract_article(_article(text, **kwargs)) if f.kind == "event"]


def _keys(text, **kwargs):
    return {(f.claim.character, f.claim.event) for f in _events(text, **kwargs)}


def _one(text, character, event, **kwargs):
    found = [f for f in _events(text, **kwargs)
             if (f.claim.character, f.claim.event) == (character, event)]
    assert len(found) == 1, [f.claim for f in _events(text, **kwargs)]
    return found[0]


@pytest.mark.parametrize("text, character, agent, rule", [
    ("Mara Quill kills Tomas Reed on the pier.", "Tomas Reed", "Mara Quill",
     "event.death_active"),
    ("Late that night Mara Quill murders Tomas Reed.", "Tomas Reed", "Mara Quill",
     "event.death_active"),
    ("Henrik Dahl taunts Ilse Brandt for an hour. Ilse Brandt snaps his neck.",
     "Henrik Dahl", "Ilse Brandt", "event.death_active"),
    ("Mara Quill ends Orrin Vale's life.", "Orrin Vale", "Mara Quill", "event.death_active"),
    ("Tomas Reed is killed in the storm by Mara Quill.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Tomas Reed is stabbed to death by Mara Quill.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Tomas Reed is fatally shot by Mara Quill.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Mara Quill has Tomas Reed beheaded.", "Tomas Reed", "Mara Quill",
     "event.death_passive"),
    ("Tomas Reed escapes and is killed by Mara Quill's hound, Fang.", "Tomas Reed", "Fang",
     "event.death_passive"),
    ("Ada Marsh dies on the pier.", "Ada Marsh", None, "event.death_intransitive"),
    ("Ruth Kane is found dead in the harbour.", "Ruth Kane", None,
     "event.death_intransitive"),
    ("The duel results in Orrin Vale's death.", "Orrin Vale", None, "event.death_noun"),
    ("Orrin Vale pushes Ada Marsh to her death.", "Ada Marsh", "Orrin Vale",
     "event.death_noun"),
    ("A dying Orrin Vale names his heir.", "Orrin Vale", None, "event.dying"),
])
def test_death_forms_with_agents(text, character, agent, rule):
    """Active, passive, intransitive and noun deaths name the victim and the killer."""
    fact = _one(text, character, "death")
    assert (fact.claim.agent, fact.evidence.rule) == (agent, rule)
    assert fact.claim.work == "Harbour Lights"


def test_a_death_names_every_victim_of_a_list():
    """"X murders A and B" is two deaths by X."""
    facts = [f for f in _events("Orrin Vale murders Ada Marsh and Ruth Kane.")
             if f.claim.event == "death"]
    assert {(f.claim.character, f.claim.agent) for f in facts} == {
        ("Ada Marsh", "Orrin Vale"), ("Ruth Kane", "Orrin Vale")}


@pytest.mark.parametrize("text, cause", [
    ("Ada Marsh dies of poison.", "poison"),
    ("Ada Marsh dies in a car accident.", "a car accident"),
    ("Ada Marsh succumbs to her wounds.", "wounds"),
    ("Ada Marsh is strangled by Orrin Vale.", "strangulation"),
])
def test_death_causes(text, cause):
    """The cause of a death is read where the sentence states it."""
    assert _one(text, "Ada Marsh", "death").claim.cause == cause


def test_a_noun_death_with_its_killer_and_story_time():
    """"X's murder of Y in the season 2 finale" gives Y, X and the finale of season 2."""
    fact = _one("Mara Quill's murder of Tomas Reed in the season 2 finale stunned viewers.",
                "Tomas Reed", "death")
    assert (fact.claim.agent, fact.claim.season, fact.claim.episode) == ("Mara Quill", 2,
                                                                         "finale")


@pytest.mark.parametrize("text, agent", [
    ("Ada Marsh is raised from the dead by Orrin Vale.", "Orrin Vale"),
    ("Orrin Vale brings Ada Marsh back to life.", "Orrin Vale"),
    ("Ada Marsh is resurrected in the third season.", None),
    ("Ada Marsh returns from the dead.", None),
])
def test_resurrection_forms(text, agent):
    """Raised, brought back, resurrected, back from the dead: a resurrection."""
    fact = _one(text, "Ada Marsh", "resurrection")
    assert (fact.claim.agent, fact.evidence.rule) == (agent, "event.resurrection")


@pytest.mark.parametrize("text, mode", [
    ("Tomas Reed (Owen Pike) returns as a ghost.", "ghost"),
    ("Tomas Reed (Owen Pike) returns in Ada's head.", "hallucination"),
    ("Tomas Reed (Owen Pike) returns as a hallucination.", "hallucination"),
    ("Tomas Reed (Owen Pike) comes back in a dream.", "dream"),
    ("Tomas Reed (Owen Pike) returns in flashbacks.", "flashback"),
    ("Tomas Reed (Owen Pike) reappears in a vision.", "vision"),
    ("Tomas Reed (Owen Pike) returns as a voice on the radio.", "voice"),
    ("Tomas Reed (Owen Pike) returns as a clone.", "clone"),
    ("Tomas Reed (Owen Pike) returns from another universe.", "alternate"),
    ("Tomas Reed (Owen Pike) returns in season 2.", None),
])
def test_return_modes(text, mode):
    """The words around a return give its mode."""
    fact = _one(text, "Tomas Reed", "return")
    assert (fact.claim.mode, fact.evidence.rule) == (mode, "event.return")


@pytest.mark.parametrize("text, agent", [
    ("Ada Marsh has Tomas Reed resurrected.", "Ada Marsh"),
    ("Tomas Reed is raised as a wight by the Pale King.", "Pale King"),
    ("Tomas Reed returns as a vampire.", None),
    ("Tomas Reed is brought back as a zombie.", None),
])
def test_causative_and_undead_resurrections(text, agent):
    """"X has Y resurrected" raises Y, not X; "raised as a wight", "returns as a
    vampire": back from the dead, undead."""
    assert _keys(text, season=1, episode=3) == {("Tomas Reed", "resurrection")}
    assert _one(text, "Tomas Reed", "resurrection", season=1, episode=3).claim.agent == agent


@pytest.mark.parametrize("text", [
    "Tomas Reed is raised as a Marsh by Ada Marsh.",
    "Tomas Reed returns as a guard.",
])
def test_raised_as_one_of_a_family_is_no_resurrection(text):
    """Only an undead noun ("wight", "vampire") after "as" makes a resurrection."""
    assert _keys(text, season=1, episode=3) == set()


def test_resurrects_in_her_head_is_a_return_not_a_resurrection():
    """"He resurrects in Ada's head": a return as a hallucination."""
    text = "Tomas Reed (Owen Pike) is gone. Now he resurrects in Ada Marsh's head."
    assert _keys(text) == {("Tomas Reed", "return")}
    assert _one(text, "Tomas Reed", "return").claim.mode == "hallucination"


def test_two_sentences_about_one_return_are_one_event():
    """A return with a season and the same return with a mode merge into one."""
    text = ("Tomas Reed (Owen Pike) would return for Harbour Lights Season Two. "
            "Rather, he returns in Ada Marsh's dreams.")
    facts = [f for f in _events(text) if f.claim.event == "return"]
    assert [(f.claim.season, f.claim.mode) for f in facts] == [(2, "dream")]


def test_an_actor_returning_as_a_character_is_the_character():
    """"Peter Lang returns as Orrin Vale": the event is Orrin Vale's."""
    text = "Orrin Vale (Peter Lang) vanished. Peter Lang returns as Orrin Vale in season 3."
    fact = _one(text, "Orrin Vale", "return")
    assert fact.claim.season == 3


@pytest.mark.parametrize("text, character, event, rule", [
    ("Ruth Kane (Joy Adebayo) leaves the show in season 4.", "Ruth Kane", "departure",
     "event.departure"),
    ("Ruth Kane (Joy Adebayo) is written out of the series.", "Ruth Kane", "departure",
     "event.departure"),
    ("Orrin Vale is badly wounded in the raid.", "Orrin Vale", "injury", "event.injury"),
    ("Orrin Vale loses a hand in the raid.", "Orrin Vale", "injury", "event.injury"),
    ("Ada Marsh gives birth to Lena Marsh.", "Lena Marsh", "birth", "event.birth"),
    ("Orrin Vale is revealed to be the smuggler.", "Orrin Vale", "revelation",
     "event.revelation"),
    ("Orrin Vale turns out to be the smuggler.", "Orrin Vale", "revelation",
     "event.revelation"),
])
def test_other_event_forms(text, character, event, rule):
    """Departures, injuries, births and revelations, each by its own rule."""
    assert _one(text, character, event).evidence.rule == rule


def test_unlike_x_y_wont_be_raised_means_x_was():
    """"Unlike X, Y won't be raised from the dead": X was, in the work named with X;
    Y gets no resurrection."""
    text = ("The trailer suggests that, unlike Ada Marsh (Ines Vidal) in The Lantern Street, "
            "Tomas Reed won't be raised from the dead.")
    fact = _one(text, "Ada Marsh", "resurrection")
    assert (fact.claim.work, fact.evidence.rule) == ("The Lantern Street", "event.contrast")
    assert ("Tomas Reed", "resurrection") not in _keys(text)


@pytest.mark.parametrize("text", [
    "Tomas Reed won't die this season.",
    "Tomas Reed does not die.",
    "Tomas Reed is rumoured to return as a ghost.",
    "If Tomas Reed comes back as a ghost, Ada will leave.",
    "Will Tomas Reed die in the finale?",
    "Mara Quill wants to kill Tomas Reed.",
    "Mara Quill tries to kill Tomas Reed.",
    "Mara Quill nearly kills Tomas Reed.",
    "Mara Quill threatens to kill Tomas Reed.",
    "Mara Quill will kill Tomas Reed.",
    "Mara Quill orders Tomas Reed killed.",
    "Tomas Reed is stabbed in the arm.",
    "Tomas Reed might be brought back to life.",
    "Tomas Reed is not exactly brought back to life.",
    "Mara Quill hates the raiders for killing Tomas Reed's dog.",
    "After Tomas Reed's death, the town mourns.",
    "Tomas Reed is dead.",
    "Tomas Reed succumbs to Ada's charm.",
    "Mara Quill is accused of killing Tomas Reed.",
    "Owen Pike died in March 2011.",
])
def test_statements_that_are_not_events(text):
    """Negated, hedged, conditional, asked, intended, future, non-fatal, referring
    and real-world statements give no event."""
    assert _keys(text) == set()


def test_travel_is_not_a_return_in_a_synopsis():
    """In an episode synopsis, returning to a place is travel."""
    text = "Ada Marsh (Ines Vidal) returns to Port Ellis. Tomas Reed returns home."
    assert _keys(text, season=1, episode=3) == set()


def test_backstory_in_a_synopsis_is_no_event():
    """A past-tense death in a present-tense synopsis happened before the episode."""
    text = ("Ada Marsh (Ines Vidal) sails north. She learns that Orrin Vale killed "
            "Ruth Kane years ago. Mara Quill kills Tomas Reed.")
    assert _keys(text, season=1, episode=3) == {("Tomas Reed", "death")}


def test_actors_are_never_characters():
    """The actor in "Character (Actor)" and "Actor's Character" is not the one who dies."""
    assert _keys("Owen Pike's gruff Tomas Reed dies in the storm.") == {("Tomas Reed", "death")}
    assert _keys("Tomas Reed (Owen Pike) dies.") == {("Tomas Reed", "death")}


def test_front_matter_gives_the_story_time():
    """An event with no time of its own takes the synopsis' season and episode."""
    fact = _one("Mara Quill kills Tomas Reed.", "Tomas Reed", "death", season=2, episode=5)
    assert (fact.claim.work, fact.claim.season, fact.claim.episode) == ("Harbour Lights", 2, 5)


def test_a_relative_clause_keeps_its_story_time_to_itself():
    """"Y, who was killed in the first series, returns as a ghost": the death is in
    series 1, the return is not; a time in the main clause is the relative's too."""
    text = ("Harbour news\n\nTomas Reed, who was killed in the first series, returns as a "
            "ghost in the new series.")  # a headline of its own: the headline gives no time
    assert _one(text, "Tomas Reed", "death", work=None).claim.season == 1
    assert _one(text, "Tomas Reed", "return", work=None).claim.season is None
    text = "Harbour news\n\nMara Quill kills Tomas Reed, who returns as a ghost in series 2."
    assert _one(text, "Tomas Reed", "death", work=None).claim.season is None
    assert _one(text, "Tomas Reed", "return", work=None).claim.season == 2


def test_one_death_told_twice_is_one_fact():
    """"Y died" and "Y died in the season 1 finale, when X killed him" are one death."""
    text = ("Tomas Reed, the villain of the first season, died in the season 1 finale, "
            "when Mara Quill killed him.")
    facts = [f for f in _events(text) if f.claim.event == "death"]
    assert [(f.claim.character, f.claim.season, f.claim.episode, f.claim.agent)
            for f in facts] == [("Tomas Reed", 1, "finale", "Mara Quill")]


def test_event_quotes_are_exact():
    """Every event quotes the article text it was read from."""
    text = "Orrin Vale pushes Ada Marsh to her death. Tomas Reed is killed by Mara Quill."
    for fact in _events(text):
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.quote


@pytest.mark.parametrize("text, character, event, agent", [
    ("Ada Marsh has been raised from the dead by Orrin Vale.", "Ada Marsh", "resurrection",
     "Orrin Vale"),
    ("Ada Marsh had been brought back to life by Orrin Vale.", "Ada Marsh", "resurrection",
     "Orrin Vale"),
    ("Tomas Reed has been killed by Mara Quill.", "Tomas Reed", "death", "Mara Quill"),
    ("Tomas Reed had been shot dead by Mara Quill.", "Tomas Reed", "death", "Mara Quill"),
    ("Tomas Reed has just been stabbed to death by Mara Quill.", "Tomas Reed", "death",
     "Mara Quill"),
    ("Orrin Vale has been badly wounded by Mara Quill.", "Orrin Vale", "injury",
     "Mara Quill"),
    ("Orrin Vale is wounded by Mara Quill in the raid.", "Orrin Vale", "injury", "Mara Quill"),
    ("Lena Marsh has been born.", "Lena Marsh", "birth", None),
])
def test_perfect_passives_are_events(text, character, event, agent):
    """"has been raised", "had been shot dead", "has been wounded by": the event,
    with the agent after "by"."""
    assert _one(text, character, event).claim.agent == agent


@pytest.mark.parametrize("text", [
    "Tomas Reed will have been killed by Mara Quill.",
    "Tomas Reed might have been killed by Mara Quill.",
    "Ada Marsh could have been raised from the dead.",
    "Ada Marsh would have been raised from the dead by Orrin Vale.",
    "Tomas Reed has not been killed.",
    "Ada Marsh has never been raised from the dead.",
])
def test_modal_and_negated_perfects_are_not_events(text):
    """A future, modal or negated perfect tells of no event."""
    assert _keys(text) == set()


# A recap told in the present tense (a synopsis, for the backstory rule) but of no one
# episode, in which a sentence is inserted.
RECAP = ("Ada Marsh (Ines Vidal) meets Ruth Kane at the harbour. Ruth refuses to help her, "
         "and Ada leaves the harbour. The storm breaks at night. Ada hides in the lighthouse "
         "while Ruth searches the town. In the morning Ruth finds the lighthouse and climbs "
         "the stairs. She tells Ada the news. {} Ada takes the news badly and walks out into "
         "the rain. Ruth follows her to the pier. Ada asks Ruth for the letter, and Ruth "
         "gives it to her. Ada opens the letter and reads it twice. She writes an answer. "
         "Ruth visits the mayor, who hears the story and sees the danger. The mayor calls "
         "the council. Ada decides to stay in the town. Ruth buys a boat. The town sleeps.")


@pytest.mark.parametrize("sentence, past, character, event", [
    ("Ruth learns that Tomas Reed has been raised from the dead by Orrin Vale.",
     "Ruth learns that Tomas Reed had been raised from the dead by Orrin Vale.",
     "Tomas Reed", "resurrection"),
    ("Ruth learns that Tomas Reed has been killed by Mara Quill.",
     "Ruth learns that Tomas Reed was killed by Mara Quill.", "Tomas Reed", "death"),
    ("Ruth learns that Mara Quill has killed Tomas Reed.",
     "Ruth learns that Mara Quill had killed Tomas Reed.", "Tomas Reed", "death"),
])
def test_a_present_perfect_in_a_recap_is_part_of_its_story(sentence, past, character, event):
    """In an article that tells a season or a show in the present, a present perfect
    tells of the story; in the synopsis of one episode it happened before the
    episode, and a past or a past perfect is backstory in both."""
    assert (character, event) in _keys(RECAP.format(sentence))
    assert (character, event) not in _keys(RECAP.format(sentence), season=1, episode=3)
    assert (character, event) not in _keys(RECAP.format(past))


@pytest.mark.parametrize("text, agent, cause", [
    ("Ada Marsh is stabbed by Orrin Vale and dies in the harbour.", "Orrin Vale", "stabbing"),
    ("Lady Ada Marsh meets Ruth Kane. Late in the season she is stabbed by Orrin Vale, the "
     "smuggler, while fighting at Tomas Reed's side, and she dies in his arms.",
     "Orrin Vale", "stabbing"),
    ("Lord Orrin Vale shoots Lady Ada Marsh, and she dies on the pier.", "Orrin Vale",
     "gunshot"),
    ("Ada Marsh is poisoned by Orrin Vale and later dies.", "Orrin Vale", "poison"),
    ("Ada Marsh has been wounded by Orrin Vale and dies of her wounds.", "Orrin Vale",
     "wounds"),
])
def test_a_harm_told_before_a_death_gives_its_agent(text, agent, cause):
    """"Y is stabbed by X ..., and she dies": Y dies, killed by X, of the stabbing."""
    fact = _one(text, "Ada Marsh", "death")
    assert (fact.claim.agent, fact.claim.cause) == (agent, cause)


@pytest.mark.parametrize("text", [
    "Ada Marsh is stabbed by Orrin Vale, but she dies of a fever years later.",
    "Ada Marsh is saved by Orrin Vale and dies.",
    "Ada Marsh is shot by Orrin Vale. She dies.",
    "Ada Marsh kills Orrin Vale and dies.",
    "Tomas Reed is stabbed by Orrin Vale, and Ada Marsh dies.",
])
def test_a_death_with_no_harm_to_its_victim_before_it_has_no_agent(text):
    """No harm to Y in the sentence of Y's death, or one that "but" parts from it:
    no agent."""
    assert _one(text, "Ada Marsh", "death").claim.agent is None


@pytest.mark.parametrize("text, character, event, quote", [
    ("Ada Marsh is raised from the dead by Orrin Vale.\n\nLate in the second season she "
     "is stabbed by Mara Quill, and she dies in his arms.", "Ada Marsh", "death",
     "she is stabbed by Mara Quill, and she dies"),
    ("Ada Marsh fights Orrin Vale on the pier, and she dies.", "Ada Marsh", "death",
     "she dies"),
    ("Lord Tomas Reed meets Ruth Kane. Soon he is killed.", "Tomas Reed", "death",
     "he is killed"),
    ("Lady Ada Marsh finds Lord Orrin Vale on the pier. She brings him back to life.",
     "Orrin Vale", "resurrection", "She brings him back to life"),
])
def test_a_pronoun_is_quoted_where_it_stands(text, character, event, quote):
    """The character a pronoun stands for is named in the fact, but the quote stays in
    the sentence of the event, from the pronoun on."""
    fact = _one(text, character, event)
    assert fact.evidence.quote == quote
    assert text[fact.evidence.start:fact.evidence.end] == quote


def test_deaths_on_either_side_of_a_resurrection_are_two_deaths():
    """The killer told after a resurrection is not the agent of the death before it."""
    text = ("Tomas Reed dies in the second season.\n\nLater Tomas Reed is raised from the "
            "dead by Ada Marsh.\n\nThen Mara Quill kills Tomas Reed.")
    deaths = [f.claim for f in _events(text) if f.claim.event == "death"]
    assert sorted((d.season or 0, d.agent or "") for d in deaths) == [
        (0, "Mara Quill"), (2, "")]
    without = "Tomas Reed dies in the second season.\n\nThen Mara Quill kills Tomas Reed."
    assert [(f.claim.season, f.claim.agent) for f in _events(without)] == [(2, "Mara Quill")]


def test_resurrections_on_either_side_of_a_death_are_two_resurrections():
    """Raised, killed, back from the dead again: two resurrections, the second with
    no agent."""
    text = ("Ada Marsh is raised from the dead by Orrin Vale. Mara Quill kills Ada Marsh. "
            "Later Ada Marsh returns from the dead.")
    raised = [f.claim.agent for f in _events(text) if f.claim.event == "resurrection"]
    assert sorted(raised, key=str) == [None, "Orrin Vale"]


# "The Lantern Street" is a work here: it is written in italics.
KNOWN_WORK = "Ines Vidal plays Ada Marsh in _The Lantern Street_. "


@pytest.mark.parametrize("text, work, season", [
    (KNOWN_WORK + "In The Lantern Street, Ada Marsh is raised from the dead by Orrin Vale.",
     "The Lantern Street", None),
    (KNOWN_WORK + "In _The Lantern Street_ (2017), Ada Marsh is raised from the dead.",
     "The Lantern Street", None),
    ("The Lantern Street season 1 ends. In The Lantern Street, Ada Marsh is raised from "
     "the dead.", "The Lantern Street", None),
    # not a work the article knows, a place, or no work at all: the article's
    ("In The Lantern Street, Ada Marsh is raised from the dead by Orrin Vale.",
     "Harbour Lights", 2),
    (KNOWN_WORK + "In Port Ellis, Ada Marsh is raised from the dead by Orrin Vale.",
     "Harbour Lights", 2),
    (KNOWN_WORK + "In the end, Ada Marsh is raised from the dead by Orrin Vale.",
     "Harbour Lights", 2),
])
def test_a_work_opening_the_sentence_beats_the_articles(text, work, season):
    """"In <Work>, Y is raised ...": the event is the work's, with no season of the
    article's, when the article treats the name as a work."""
    fact = _one(text, "Ada Marsh", "resurrection", season=2)
    assert (fact.claim.work, fact.claim.season) == (work, season)


def test_a_death_after_a_wounding_by_x_is_by_x():
    """"Y is wounded by X and later dies of her wounds" is one death by X, even where
    the tagger reads "dies" as a noun."""
    fact = _one("Mara Quill is wounded by Tomas Reed and later dies of her wounds.",
                "Mara Quill", "death")
    assert fact.claim.agent == "Tomas Reed"


def _synopses(*texts):
    """Return {(doc, character, event)} of the events of synopses of episodes 1, 2,
    ... of season 1, read together."""
    from graph.extract.pipeline import extract_articles
    articles = [Article(doc=f"e{n}.txt", path=f"e{n}.txt", format="txt", text=text,
                        body_start=0, content_hash=str(n) * 64, work="Harbour Lights",
                        season=1, episode=n) for n, text in enumerate(texts, 1)]
    return {(f.evidence.doc, f.claim.character, f.claim.event)
            for facts in extract_articles(articles) for f in facts if f.kind == "event"}


def test_a_death_told_again_in_a_later_episode_is_the_first_one():
    """The next episode's synopsis that tells the death again tells no new event."""
    assert _synopses("Mara Quill is executed by Orrin Vale at dawn.",
                     "Orrin Vale flees. Mara Quill is executed by Orrin Vale.") == {
        ("e1.txt", "Mara Quill", "death")}


def test_a_death_after_a_resurrection_is_a_new_death():
    found = _synopses("Mara Quill is executed by Orrin Vale at dawn.",
                      "Mara Quill is raised from the dead by Ada Marsh.",
                      "Mara Quill is killed by Orrin Vale.")
    assert found == {("e1.txt", "Mara Quill", "death"),
                     ("e2.txt", "Mara Quill", "resurrection"),
                     ("e3.txt", "Mara Quill", "death")}


@pytest.mark.parametrize("part", ["pilot", "cast", "second season"])
def test_a_name_after_a_part_of_a_work_is_no_pronoun_antecedent(part):
    """"in the pilot of Harbour" names a title: "killed her" is Mara Quill, not it."""
    text = (f"Mara Quill rules the docks. Ann Marsh first played her in the {part} of "
            "Harbour, and Orrin Vale killed her with a knife in the first season.")
    assert _keys(text, work=None) == {("Mara Quill", "death")}


def test_a_show_coming_back_is_no_character_returning():
    """"Lantern Street came back this spring" (a known show) is no return event, while
    a character coming back in the same article is."""
    text = ("Lantern Street, season two: still worth it\n\nLantern Street came back this "
            "spring. Reverend Ash comes back as a ghost in the last episode.")
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, title="Lantern Street, season two: still worth it")
    found = {(f.claim.character, f.claim.event) for f in extract_article(article)
             if f.kind == "event"}
    assert found == {("Reverend Ash", "return")}


@pytest.mark.parametrize("text, expected", [
    ("Orrin Vale plays Cal Flynn. His character was killed in the finale.",
     {("Cal Flynn", "death")}),
    ("Orrin Vale plays Cal Flynn. Vale's character dies in the second series.",
     {("Cal Flynn", "death")}),
    ("## Cast\n\n- Orrin Vale as Cal Flynn\n\n## Production\n\nOrrin Vale left after the "
     "second series, and his character was killed off in its finale.",
     {("Cal Flynn", "death")}),
    ("Orrin Vale plays Cal Flynn. His character will not be killed off.", set()),
    ("Orrin Vale left the show. His character was killed in the finale.", set()),
])
def test_an_actors_character_is_the_role_the_article_gives(text, expected):
    """"his character" and "Vale's character" stand for the role the article gives the
    actor; a negated death or an actor with no role gives nothing."""
    assert _keys(text, work="Lantern Street") == expected


def test_its_finale_after_a_season_is_that_seasons_finale():
    """"left after the second series, and ... in its finale": season 2's finale."""
    text = ("Orrin Vale plays Cal Flynn. Orrin Vale left after the second series, and his "
            "character was killed off in its finale.")
    death = _one(text, "Cal Flynn", "death", work="Lantern Street")
    assert (death.claim.season, death.claim.episode) == (2, "finale")
