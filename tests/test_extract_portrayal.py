"""Portrayal forms, coordination, seasons, works and the look-alikes that must give
no portrayal, on sentences written for these tests."""

import pytest

from graph.extract.pipeline import extract_article, iter_read
from graph.sources import Article


def _article(text, work="Harbour Lights", season=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work, season=season)


def _facts(text, work="Harbour Lights"):
    return [f for f in extract_article(_article(text, work)) if f.kind == "portrayal"]


def _pairs(text, work="Harbour Lights"):
    return {(f.claim.actor, f.claim.character) for f in _facts(text, work)}


def _rules(text, actor, character, work="Harbour Lights"):
    """Return the names of the rules that find actor -> character in ``text`` (each of
    them, before the pipeline keeps the most confident one)."""
    facts, _ctx = next(iter_read([_article(text, work)]))
    return {f.evidence.rule for f in facts if f.kind == "portrayal"
            and (f.claim.actor, f.claim.character) == (actor, character)}


def _one(text, actor, character, work="Harbour Lights"):
    found = [f for f in _facts(text, work)
             if (f.claim.actor, f.claim.character) == (actor, character)]
    assert found, f"no portrayal {actor} -> {character} in {_pairs(text, work)}"
    return found[0]


@pytest.mark.parametrize("text, actor, character, rule", [
    ("Mara Quill (Ines Vidal) sails at dawn.", "Ines Vidal", "Mara Quill",
     "portrayal.parenthesis"),
    ("Everyone fears Kellan Marsh's (Dario Voss) temper.", "Dario Voss", "Kellan Marsh",
     "portrayal.parenthesis"),
    ("The show hired the actor Tomas Lind (Gregor Vane) late.", "Tomas Lind", "Gregor Vane",
     "portrayal.actor_parenthesis"),
    ("Viewers adored Owen Pike's gruff Tomas Reed.", "Owen Pike", "Tomas Reed",
     "portrayal.possessive"),
    ("Lena Ferris stars as Ada Marsh.", "Lena Ferris", "Ada Marsh", "portrayal.as"),
    ("Lena Ferris joins the cast as Ada Marsh.", "Lena Ferris", "Ada Marsh", "portrayal.as"),
    ("Newcomer Lena Ferris joins the cast as Ada Marsh.", "Lena Ferris", "Ada Marsh",
     "portrayal.as"),
    ("Elena Cruz returns as the ruthless lawyer Vera Stone.", "Elena Cruz", "Vera Stone",
     "portrayal.as"),
    ("Noor Haddad plays Ilse Brandt.", "Noor Haddad", "Ilse Brandt", "portrayal.plays"),
    ("Noor Haddad voices Ilse Brandt.", "Noor Haddad", "Ilse Brandt", "portrayal.plays"),
    ("June Park played the younger sister, Tilly Moss, for years.", "June Park",
     "Tilly Moss", "portrayal.plays"),
    ("Orrin Vale, played by Peter Lang, never smiles.", "Peter Lang", "Orrin Vale",
     "portrayal.played_by"),
    ("Orrin Vale is played by Peter Lang.", "Peter Lang", "Orrin Vale",
     "portrayal.played_by"),
    ("Orrin Vale (played by Peter Lang) never smiles.", "Peter Lang", "Orrin Vale",
     "portrayal.played_by"),
    ("Orrin Vale, the mayor of Port Ash, is played by Peter Lang.", "Peter Lang",
     "Orrin Vale", "portrayal.played_by"),
    ("The robot Gizmo Prime (voiced by Anna Kell) beeps.", "Anna Kell", "Gizmo Prime",
     "portrayal.voiced_by"),
    ("Dana Holt reprises the role of Vera Stone.", "Dana Holt", "Vera Stone",
     "portrayal.reprises"),
    ("Dana Holt reprises her role as Vera Stone.", "Dana Holt", "Vera Stone",
     "portrayal.reprises"),
    ("Dana Holt takes over the role of Vera Stone.", "Dana Holt", "Vera Stone",
     "portrayal.takes_over"),
    ("Dana Holt landed the role of Vera Stone.", "Dana Holt", "Vera Stone",
     "portrayal.role"),
    ("The film stars Dana Holt in the role of Vera Stone.", "Dana Holt", "Vera Stone",
     "portrayal.role"),
    ("Dana Holt, who plays Vera Stone, spoke first.", "Dana Holt", "Vera Stone",
     "portrayal.who_plays"),
    ("Dana Holt, who starred as Vera Stone, spoke first.", "Dana Holt", "Vera Stone",
     "portrayal.who_plays"),
    ("In the original casting, Dana Holt was Vera Stone.", "Dana Holt", "Vera Stone",
     "portrayal.was"),
])
def test_portrayal_forms(text, actor, character, rule):
    """Each form gives the portrayal with the rule that found it and a quote that
    holds both names."""
    fact = _one(text, actor, character)
    assert rule in _rules(text, actor, character)
    assert actor in fact.evidence.quote or character in fact.evidence.quote


def test_coordinated_actors_pair_with_coordinated_characters_in_order():
    """"A and B return as C and D" pairs A with C and B with D, never across."""
    pairs = _pairs("Deb Hale and Tom Ruiz return as Nina Cole and Paul Marsh.")
    assert pairs == {("Deb Hale", "Nina Cole"), ("Tom Ruiz", "Paul Marsh")}


def test_a_list_of_actor_as_character_pairs():
    """"A as C, B as D, and E as F" gives three pairs."""
    pairs = _pairs("The cast includes Deb Hale as Nina Cole, Tom Ruiz as Paul Marsh, and "
                   "Ivy Lamb as Rosa Finch.")
    assert pairs == {("Deb Hale", "Nina Cole"), ("Tom Ruiz", "Paul Marsh"),
                     ("Ivy Lamb", "Rosa Finch")}


def test_two_actors_and_one_character_pair_nothing():
    """"A and B return as C" does not say who plays C."""
    assert _pairs("Deb Hale and Tom Ruiz return as Nina Cole.") == set()


@pytest.mark.parametrize("text, seasons", [
    ("Dana Holt plays Vera Stone in season 2.", (2,)),
    ("From season six, Dana Holt plays Vera Stone.", (6,)),
    ("Dana Holt played Vera Stone for the second season.", (2,)),
    ("Dana Holt played Vera Stone in the first three seasons.", (1, 2, 3)),
    ("Dana Holt played Vera Stone in seasons 2 and 4.", (2, 4)),
    ("Dana Holt played Vera Stone in seasons 1-3.", (1, 2, 3)),
    ("Vera Stone was played for the first two seasons by Dana Holt.", (1, 2)),
    ("Dana Holt plays Vera Stone.", ()),
    ("Season Two sees Dana Holt play Vera Stone.", ()),
])
def test_seasons_of_a_portrayal(text, seasons):
    """Season phrases with a preposition give the portrayal's seasons."""
    assert _one(text, "Dana Holt", "Vera Stone").claim.seasons == seasons


def test_work_named_after_the_character():
    """"as Elektra in The Defenders" is a portrayal in The Defenders."""
    fact = _one("Elodie Yung returns as Elektra in The Defenders.", "Elodie Yung", "Elektra",
                work="Daredevil")
    assert fact.claim.work == "The Defenders"


@pytest.mark.parametrize("text, work, seasons", [
    ("Dana Holt joined Lantern Street in its second season as Vera Stone.",
     "Lantern Street", (2,)),
    ("Dana Holt joined _Salt Road_ as Vera Stone, and _Salt Road_ was renewed.",
     "Salt Road", ()),
    ("Dana Holt has joined the cast of _Salt Road_ as Vera Stone.", "Salt Road", ()),
    ("**Dana Holt** joined _Salt Road_ for season three as **Vera Stone**.", "Salt Road", (3,)),
])
def test_joining_a_named_work_as_a_character(text, work, seasons):
    """"joined <Work> (in its second season) as Character": the work named there is
    the portrayal's, and the time phrase gives its seasons; Markdown marks around
    the names do not matter."""
    fact = _one(text, "Dana Holt", "Vera Stone", work="Lantern Street")
    assert fact.evidence.rule == "portrayal.as"
    assert (fact.claim.work, fact.claim.seasons) == (work, seasons)


@pytest.mark.parametrize("text", [
    "Dana Holt signed on to play Vera Stone.",
    "Dana Holt has signed on to play Vera Stone.",
    "Dana Holt is set to play Vera Stone.",
    "Dana Holt was tapped to play Vera Stone.",
    "Dana Holt agreed to play Vera Stone.",
])
def test_taking_a_part_to_play_a_character(text):
    """A verb of taking a part before "to play" still gives the portrayal."""
    assert _one(text, "Dana Holt", "Vera Stone").evidence.rule == "portrayal.plays"


@pytest.mark.parametrize("text", [
    "Dana Holt joined the Night Watch as a recruit.",
    "Dana Holt joined Lantern Street as a writer.",
    "Dana Holt refused to play Vera Stone.",
    "Dana Holt wanted to play Vera Stone.",
    "Dana Holt is not set to play Vera Stone.",
])
def test_joining_or_agreeing_look_alikes_give_nothing(text):
    """Joining what is no work, joining with no character, refusing or wanting a
    part, a negated one: no portrayal."""
    assert _pairs(text, work="Lantern Street") == set()


def test_work_defaults_to_the_article():
    """With no work in the sentence the portrayal is in the article's work."""
    assert _one("Mara Quill (Ines Vidal) sails.", "Ines Vidal", "Mara Quill").claim.work \
        == "Harbour Lights"


def test_eponymous_character_is_a_character():
    """A character named like the work ("stars as Harbour Lights") is still one."""
    assert ("Ines Vidal", "Harbour Lights") in _pairs("Ines Vidal stars as Harbour Lights.")


@pytest.mark.parametrize("text", [
    "The story moves to Lisbon (Portugal) for the finale.",
    "The pilot aired on Channel Four (UK) last week.",
    "Ines Vidal's performance is the best thing about it.",
    "She was cast as a doctor in the pilot.",
    "Dana Holt returns as a doctor with a secret.",
    "The Grandfather of Mara (Father of Ned) is dead.",
    "The House of Silence (House of Tomas Reed) burns.",
    "The Night's Watch arrives at dawn.",
    "He read it in a book in Maester Aemon's Library.",
    "Some of the Night's Watchmen survive.",
    "Ned returns as Hand of the King.",
    "Tom Baker's Doctors were loud.",
    "The cannibalistic Tharns (Joseph Gatt) arrive.",
    "Dana Holt does not play Vera Stone.",
    "Dana Holt could play Vera Stone next year.",
    "Does Dana Holt play Vera Stone?",
    "Dana Holt was Vera Stone's neighbour for years.",
    "Dana Holt was Vera Stone at the party.",
    "Krysten Ritter Returns As The Hard-Drinking Hero\n\nThe hero is hard-drinking.",
])
def test_look_alikes_give_no_portrayal(text):
    """Places and titles in parentheses, possessives of no character, roles with no
    name, titles and plural nouns, negated or asked statements, headlines: nothing."""
    assert _pairs(text) == set()


def test_a_character_of_the_article_is_never_an_actor():
    """A name the article gives an actor cannot itself be an actor later."""
    pairs = _pairs("Mara Quill (Ines Vidal) sails home. Mara Quill returns as Captain Rook.")
    assert pairs == {("Ines Vidal", "Mara Quill")}


def test_a_possessive_parenthesis_is_not_read_backwards():
    """"the actor Tomas Lind (Gregor Vane)" never makes Gregor Vane the actor."""
    assert ("Gregor Vane", "Tomas Lind") not in _pairs(
        "The show hired the actor Tomas Lind (Gregor Vane) late.")


def test_season_phrase_doctests():
    """The examples in the season-phrase module's docstrings run."""
    import doctest

    import graph.extract.rules.portrayal.seasons

    result = doctest.testmod(graph.extract.rules.portrayal.seasons)
    assert result.attempted > 0 and result.failed == 0


def test_the_front_matter_season_times_the_cast_of_a_synopsis():
    """In the synopsis of S1E3, a cast member the sentence does not time is in season 1;
    a season phrase in the sentence still wins."""
    article = Article(doc="t.txt", path="t.txt", format="txt", content_hash="0" * 64,
                      text="Mara Quill (Ines Vidal) sails. Dana Holt plays Vera Stone in "
                           "season 4.", body_start=0, work="Harbour Lights", season=1,
                      episode=3)
    found = {(f.claim.actor, f.claim.seasons) for f in extract_article(article)
             if f.kind == "portrayal"}
    assert found == {("Ines Vidal", (1,)), ("Dana Holt", (4,))}


def test_a_season_heading_times_the_cast_below_it():
    """Under "## Season 2" the cast named is the season-2 cast; above it, untimed."""
    text = ("Orrin Vale (Peter Lang) rules.\n\n## Season 2\n\nMara Quill (Ines Vidal) sails.\n"
            "\n## Season 3\n\nTomas Reed (Owen Pike) arrives.")
    found = {(f.claim.actor, f.claim.seasons) for f in _facts(text)}
    assert found == {("Peter Lang", ()), ("Ines Vidal", (2,)), ("Owen Pike", (3,))}


@pytest.mark.parametrize("text, actor, character, rule", [
    ("Actress Ann Marsh picked up the prize for playing singer Vera Stone in Harbour "
     "Lights.", "Ann Marsh", "Vera Stone", "portrayal.verb"),
    ("Ann Marsh, who won for playing screen legend Vera Stone, thanked everyone.",
     "Ann Marsh", "Vera Stone", "portrayal.verb"),
    ("Ann Marsh has signed on to play legendary newsman and Port Ash Herald editor "
     "Orrin Vale.", "Ann Marsh", "Orrin Vale", "portrayal.verb"),
    ("Ann Marsh signed on, while Tom Reed will play the paper's owner Lia Fox.",
     "Tom Reed", "Lia Fox", "portrayal.plays"),
    ("Ann Marsh is to play Vera Stone in the film.", "Ann Marsh", "Vera Stone",
     "portrayal.verb"),
    ("The actress, Ann Marsh, plays Vera Stone.", "Ann Marsh", "Vera Stone",
     "portrayal.verb"),
    ("Actress Ann Marsh gave a talk. She played undercover cop Vera Stone in the series.",
     "Ann Marsh", "Vera Stone", "portrayal.verb"),
    ("Actress Ann Marsh won. Marsh, who played the title role in Vera Stone, was named "
     "best actress.", "Ann Marsh", "Vera Stone", "portrayal.title_role"),
    ("Ann Marsh's turn as Vera Stone won praise from critics.", "Ann Marsh", "Vera Stone",
     "portrayal.performance"),
    ("Ann Marsh's portrayal of Vera Stone won an award.", "Ann Marsh", "Vera Stone",
     "portrayal.performance"),
    ("Ann Marsh, whose latest role was Vera Stone in Harbour Lights, is celebrated.",
     "Ann Marsh", "Vera Stone", "portrayal.performance"),
    ("Ann Marsh is an American actress known for her role as Vera Stone in Harbour "
     "Lights.", "Ann Marsh", "Vera Stone", "portrayal.performance"),
    ("Stars include Ann Marsh (Vera Stone) and Tom Reed (Orrin Vale).", "Tom Reed",
     "Orrin Vale", "portrayal.parenthesis"),
    ("The cartoon features the voices of Ann Marsh (Vera Stone) and Lia Fox (Mara Bell).",
     "Lia Fox", "Mara Bell", "portrayal.parenthesis"),
    ("The film stars Ann Marsh as Vera Stone, Tom Reed as Orrin Vale and Lia Fox as Mara "
     "Bell.", "Lia Fox", "Mara Bell", "portrayal.as"),
    ("Cast: Ann Marsh as Vera Stone.", "Ann Marsh", "Vera Stone", "portrayal.as"),
    ("Ann Marsh and Tom Reed play Vera Stone and Orrin Vale respectively.", "Tom Reed",
     "Orrin Vale", "portrayal.plays"),
])
def test_news_and_encyclopedia_forms(text, actor, character, rule):
    """The forms of news and encyclopedia prose, read from the parse: relative clauses,
    prepositions, infinitives, pronouns and lone surnames for the performer, role
    nouns, cast lists and parentheses after the actor."""
    _one(text, actor, character, work=None)
    assert rule in _rules(text, actor, character, work=None)


@pytest.mark.parametrize("text", [
    "Ann Marsh's Harbour Lights opens tonight.",
    "Director Ann Marsh's The Long Tide opens tonight.",
    "Author Tom Reed's Vera Stone is a bestseller.",
    "Tom Reed's classic Vera Stone and the Glass Tower sold well.",
    "Best actor nominees include Douglas Lane (Dumb Luck) and Stan Town (Silver City).",
    "Ann Marsh plays herself in the film.",
    "Ann Marsh is said to be in talks to play Vera Stone.",
    "Ann Marsh would love to play Vera Stone.",
    "Ann Marsh denied she would play Vera Stone.",
    "If Ann Marsh plays Vera Stone, the film will work.",
    "Ann Marsh was rumoured to play Vera Stone.",
    "Ann Marsh hosts Harbour Lights Tonight.",
    "Tom Reed, who plays the Presley role on stage, sang.",
    "Adult actors include Tim Lane as Billy's father.",
    "Ann Marsh, who played Billy's teacher, was nominated.",
    "Ann Marsh, Tom Reed's daughter, was there.",
    "Director Ann Marsh, who plays golf, met Vera Stone.",
])
def test_news_look_alikes_give_no_portrayal(text):
    """A maker's possessive, award lists of works, people playing themselves, hosts,
    rumoured, hoped-for and hypothetical castings, a possessor or a modifier where
    the character would be: nothing."""
    assert _pairs(text, work=None) == set()


@pytest.mark.parametrize("text, actor, character, rule", [
    ("Ann Marsh is an actress. She starred as Vera Stone in Harbour Lights (2004).",
     "Ann Marsh", "Vera Stone", "portrayal.as_parse"),
    ("Ann Marsh, who has since been cast as Vera Stone, spoke.", "Ann Marsh", "Vera Stone",
     "portrayal.as_parse"),
    ("Actress Ann Marsh spoke. Another film, Salt Road, starred Marsh as the crazed cult "
     "film-maker Vera Stone, in 1994.", "Ann Marsh", "Vera Stone", "portrayal.as"),
    ("Actress Ann Marsh spoke. Vera Stone is played by Marsh.", "Ann Marsh", "Vera Stone",
     "portrayal.played_by"),
    ("Actress Ann Marsh spoke. Marsh says her Harbour Lights character Vera Stone also "
     "struggles with fear.", "Ann Marsh", "Vera Stone", "portrayal.performance"),
    ("Actress Ann Marsh makes an effective Vera Stone.", "Ann Marsh", "Vera Stone",
     "portrayal.makes"),
    ("The three boys playing Billy are Tom Lane, 15, Rob Hale, 14, and Ian Fox, 12.",
     "Ian Fox", "Billy", "portrayal.playing_are"),
    ("The actress playing Vera Stone is Ann Marsh.", "Ann Marsh", "Vera Stone",
     "portrayal.playing_are"),
    ("Tom Reed took the role of Father Vane, made famous by Lia Fox in the 1973 film.",
     "Lia Fox", "Father Vane", "portrayal.made_famous"),
    ("Ann Marsh, the Vera Stone to Tom Reed's Orrin Vale, sent love.", "Tom Reed",
     "Orrin Vale", "portrayal.counterpart"),
    ("Tessa Crane - Ann Marsh's 1950s drama - won, and Marsh, who played the title role, "
     "was named best actress.", "Ann Marsh", "Tessa Crane", "portrayal.title_role"),
    ("Actress Ann Marsh met Meryl Stone. Meryl will play the publisher Lia Fox.",
     "Meryl Stone", "Lia Fox", "portrayal.plays"),
])
def test_pronouns_surnames_and_idioms(text, actor, character, rule):
    """A pronoun or a lone surname stands for the performer the article named; the
    idioms of entertainment writing name actor and role in fixed shapes."""
    _one(text, actor, character, work=None)
    assert rule in _rules(text, actor, character, work=None)


def test_a_recast_with_lone_surnames_names_the_new_actor():
    """"Reed then replaced Neal in the role of X": both surnames are the full names
    the article gave, and the recast is the character's."""
    text = ("Actor Tom Reed and actor Ian Neal met. Reed then replaced Neal in the role of "
            "Father Vane.")
    assert ("Tom Reed", "Father Vane") in _pairs(text, work=None)


@pytest.mark.parametrize("text", [
    "The actress playing Vera Stone is not Ann Marsh.",
    "The singer Lia Fox appeared as herself.",
    "The presenter Lia Fox returned as host of Harbour Lights Tonight.",
    "The storm makes a brief Vera Stone appearance.",
    "Ann Marsh makes an effective Vera Stone.",
    "Tom Reed played as a striker for Port Ash United.",
    "Glen Hale has not beaten Ann Marsh to play Vera Stone.",
    "Ann Marsh denies that she beat Lia Fox to play Vera Stone in the film.",
    "Director Ann Marsh's film, made famous by Lia Fox, opens.",
    "He played Vera Stone in the series.",
])
def test_idiom_and_pronoun_look_alikes_give_nothing(text):
    """No performer for the pronoun, an unknown subject of "makes an effective", a
    negated or denied casting, singers and presenters as themselves, sport: nothing."""
    assert _pairs(text, work=None) == set()


@pytest.mark.parametrize("text, actor, character, rule", [
    ("Mara Quill, who was Vera Stone in Harbour Lights, returns.", "Mara Quill",
     "Vera Stone", "portrayal.copula"),
    ("Mara Quill was Vera Stone in the long-running show for ten years.", "Mara Quill",
     "Vera Stone", "portrayal.copula"),
    ("Tom Reed is the voice of Vera Stone in the cartoon.", "Tom Reed", "Vera Stone",
     "portrayal.performance"),
    ("Ann Marsh plays Vera Stone. Ann Marsh (Vera Stone) and Tom Reed smiled.",
     "Ann Marsh", "Vera Stone", "portrayal.plays"),
])
def test_copulas_voices_and_actor_parentheses(text, actor, character, rule):
    """A copula with the work the part was in, "the voice of", and a parenthesis after
    a name the article has playing: the actor is the one the article shows playing."""
    _one(text, actor, character, work=None)
    assert rule in _rules(text, actor, character, work=None)
    assert (character, actor) not in _pairs(text, work=None)


@pytest.mark.parametrize("text", [
    "Mara Quill was Vera Stone's mother in Harbour Lights.",
    "Mara Quill was Tom Reed's agent.",
    "Mara Quill was at Port Ash in May.",
    "Mara Quill was not Vera Stone in Harbour Lights.",
    "Mara Quill never played Vera Stone.",
])
def test_copula_look_alikes_give_nothing(text):
    """A family relation, a job, a place, a negated copula: no portrayal."""
    assert _pairs(text, work=None) == set()


@pytest.mark.parametrize("text", [
    "Ann Marsh, as Vera Stone, is superb.",
    "Ann Marsh is terrific as Vera Stone.",
    "Ann Marsh, best known as Vera Stone in Harbour Lights, has died.",
    "Ann Marsh shines as Vera Stone.",
    "Ann Marsh to play Vera Stone in new drama\n\nThe drama starts soon.",
])
def test_review_and_headline_forms(text):
    """Reviews praise a performer "as" the role; a headline drops the verb's auxiliary."""
    assert ("Ann Marsh", "Vera Stone") in _pairs(text, work=None)


@pytest.mark.parametrize("text", [
    "Ann Marsh, known as Annie, has died.",
    "Ann Marsh is as tall as Vera Stone.",
    "Ann Marsh dressed as Santa Claus for the party.",
    "Ann Marsh worked as Vera Stone's assistant.",
    "Ann Marsh is known as Vera Stone to her friends.",
    "Tom Reed was named as Lord Commander of the guild.",
])
def test_as_look_alikes_give_nothing(text):
    """A nickname, a comparison, a costume, a job, a title: no role."""
    assert _pairs(text, work=None) == set()


@pytest.mark.parametrize("text, pairs", [
    ("Ann Marsh (born 1970) is an English actress. She is best known for her roles as "
     "Vera Stone in Harbour Lights and Mara Bell in Salt Road.",
     {("Ann Marsh", "Vera Stone"), ("Ann Marsh", "Mara Bell")}),
    ("Ann Marsh is an English actress. Her film roles include Vera Stone in Salt Road "
     "(2004) and Mara Bell in Port Ash (2006).",
     {("Ann Marsh", "Vera Stone"), ("Ann Marsh", "Mara Bell")}),
    ("Ann Marsh is an English actress. She also appeared in Salt Road as Mara Bell.",
     {("Ann Marsh", "Mara Bell")}),
    ("The film stars Ann Marsh, with Tom Reed as Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
])
def test_encyclopedia_role_lists(text, pairs):
    """An encyclopedia page lists a performer's roles, each in its work; the work
    named after "appeared in" is no actor."""
    assert _pairs(text, work=None) == pairs


def test_a_possessive_with_a_who_clause_is_a_part():
    """"Dana Holt's Vera Stone, who died last season": a person's person told of with
    "who" is the part she plays."""
    assert ("Dana Holt", "Vera Stone") in _pairs(
        "Viewers know Dana Holt's Vera Stone, who died at the end of the first season.")


@pytest.mark.parametrize("text, actor, character", [
    ("Everyone fears Kellan Marsh's Gregor Vane, who rules the harbour.", "Kellan Marsh",
     "Gregor Vane"),
    ("Eka Varro's Tilly Moss, meanwhile, grows into a hero.", "Eka Varro", "Tilly Moss"),
])
def test_a_persons_person_is_a_part(text, actor, character):
    """A review's "Actor's Character" with no adjective: both names are people's."""
    assert (actor, character) in _pairs(text, work=None)


@pytest.mark.parametrize("text", [
    "Tom Reed took over as showrunner in 2010, the year Ann Marsh arrived as Vera Stone.",
    "Tom Reed's classic Charlie and the Glass Tower sold well.",
    "\"Foxx will win,\" says Tom Reed's Lia Fox.",
    "The film, to be directed by A Bright Mind's Tom Reed, starts soon.",
    "She designed shoes for Tom Reed's Reed Girl line.",
])
def test_a_maker_and_a_title_give_no_part(text):
    """"took over as showrunner" makes a maker, who plays no one; a title running on
    in lower-case words is a work; a possessive of a work, a brand or a quoted critic
    is no part."""
    assert not {pair for pair in _pairs(text, work=None) if "Tom Reed" in pair}


@pytest.mark.parametrize("text, expected", [
    ("## Cast\n\n- Orrin Vale as Cal Flynn, the harbour master (series 1–3)\n",
     {("Orrin Vale", "Cal Flynn")}),
    ("## Cast\n\n- Orrin Vale as Cal Flynn, Nora's husband (series 1–2)\n"
     "- Mara Quill as Nora Flynn\n",
     {("Orrin Vale", "Cal Flynn"), ("Mara Quill", "Nora Flynn")}),
])
def test_cast_list_item_with_a_description_and_seasons(text, expected):
    """A description and a season range after the character leave it a character: the
    "series" in brackets does not make the name a work."""
    assert _pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mara Quill is terrific as Edith Vane, a widow, and Orrin Vale, playing her "
     "brother-in-law Jonah, gives the film its menace.",
     {("Mara Quill", "Edith Vane"), ("Orrin Vale", "Jonah")}),
    ("I met Mara Quill, playing golf with Orrin Vale.", set()),
])
def test_a_name_before_a_playing_participle_is_its_actor(text, expected):
    """"B, playing Y," makes B the actor even when the parse hangs the participle on
    another clause's verb; playing a game is no part."""
    assert _pairs(text) == expected


def test_a_cast_member_who_does_not_appear_is_not_the_front_matter_seasons_cast():
    """In a review of season 2, "Ines Vidal's Mara Quill does not appear this season"
    keeps the part but gives it no season; a cast member who does appear is season 2's."""
    article = Article(doc="t.txt", path="t.txt", format="txt", content_hash="0" * 64,
                      text="Actress Ines Vidal's Mara Quill does not appear this season. "
                           "Dana Holt plays Vera Stone with real menace.", body_start=0,
                      work="Harbour Lights", season=2)
    found = {(f.claim.actor, f.claim.seasons) for f in extract_article(article)
             if f.kind == "portrayal"}
    assert found == {("Ines Vidal", ()), ("Dana Holt", (2,))}


@pytest.mark.parametrize("text, actor, character", [
    ("Actress Ann Marsh won. Marsh, who played the title role in Tessa Crane, was named "
     "best actress.", "Ann Marsh", "Tessa Crane"),
    ("Tessa Crane, Ruth Leigh's tale about a nurse, is nominated in 11 categories. These "
     "include best actress for Ann Marsh who plays the eponymous character.", "Ann Marsh",
     "Tessa Crane"),
    ("Being the newest star landed Ann Marsh the title role in Tessa Crane: Sky Raider, "
     "based on a video game.", "Ann Marsh", "Tessa Crane"),
    ("Ann Marsh has been cast in the title role of Tessa Crane.", "Ann Marsh",
     "Tessa Crane"),
    ("The director cast Ann Marsh in the title role of Tessa Crane.", "Ann Marsh",
     "Tessa Crane"),
])
def test_a_title_role_is_the_person_the_work_is_named_after(text, actor, character):
    """"the title role", "the eponymous character": the character is the work's title
    up to a colon, who plays it the subject, the one given or cast in it."""
    fact = _one(text, actor, character, work=None)
    assert fact.evidence.rule == "portrayal.title_role"
    assert fact.claim.work.startswith(character)


@pytest.mark.parametrize("text", [
    "Ann Marsh played the title role in Harbour Lights.",
    "Ann Marsh played the title role in The Long Night.",
    "Actress Ann Marsh turned down the title role in Tessa Crane.",
    "Actress Ann Marsh was considered for the title role in Tessa Crane.",
    "Actress Ann Marsh will not play the title role in Tessa Crane.",
    "The director Ruth Leigh cast the title role of Tessa Crane last week.",
])
def test_title_role_look_alikes_give_nothing(text):
    """A title that is no person's name, a role turned down, considered, denied, or a
    director casting it: no portrayal."""
    assert _pairs(text, work=None) == set()


@pytest.mark.parametrize("text, expected", [
    ("The technique lets Peter Lang play a number of roles, including the young boy at "
     "the centre of the story, and Father Winter.", {("Peter Lang", "Father Winter")}),
    ("Ann Marsh has played many roles, including Vera Stone in Harbour Lights and Mara "
     "Bell in Salt Road.", {("Ann Marsh", "Vera Stone"), ("Ann Marsh", "Mara Bell")}),
    ("Actress Ann Marsh is busy. She turned her talent into a series of starring roles, "
     "including Vera Stone in Maid in Harbour, which grossed millions.",
     {("Ann Marsh", "Vera Stone")}),
    ("The director lets Ann Marsh play Vera Stone in the sequel.",
     {("Ann Marsh", "Vera Stone")}),
])
def test_roles_listed_after_including_and_a_controlled_infinitive(text, expected):
    """"roles, including A and B" gives each; the object of "lets X play" plays."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text", [
    "Ann Marsh has played in many towns, including Port Ash and Salt Bay.",
    "The festival showed many films, including Vera Stone and Harbour Lights.",
    "Critics praised the roles, including Vera Stone and Mara Bell.",
    "The studio asked Tom Reed to play Orrin Vale.",
    "Ann Marsh told the director, who plays golf, about Vera Stone.",
])
def test_including_and_infinitive_look_alikes_give_nothing(text):
    """Places or films included, roles nobody owns, a request to play: no portrayal."""
    assert _pairs(text, work=None) == set()


def test_a_proper_noun_before_who_is_the_one_who_plays():
    """"best actress for Ann Marsh who plays Vera": the parser may hang the clause on
    "actress", the name right before "who" plays."""
    assert ("Ann Marsh", "Vera Stone") in _pairs(
        "The nominations include best actress for Ann Marsh who plays Vera Stone.", work=None)


def test_she_in_an_article_about_a_performer_is_that_performer():
    """A subject pronoun with no performer named near it stands for the person the
    article is about."""
    text = ("Ann Marsh is busy. Marsh has a new film. Critics love Marsh. Her friend Tom "
            "Reed was there. \"I came from a promo for my show [in which she plays "
            "detective Vera Stone], so I was dressed like a boy.\"")
    assert ("Ann Marsh", "Vera Stone") in _pairs(text, work=None)


def test_the_work_named_in_the_sentence_is_the_portrayals():
    """With no work next to the pair, the work the sentence names is the portrayal's."""
    fact = _one("The BBC drama Harbour Lights was a hit. Mara Quill was in her first "
                "leading role, playing Orrin Vale in a remake of Harbour Lights.",
                "Mara Quill", "Orrin Vale", work=None)
    assert fact.claim.work == "Harbour Lights"


@pytest.mark.parametrize("text, expected", [
    ("Actress Ann Marsh, 45, stars as Vera Stone in Harbour Lights.",
     {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh, 45, who plays Vera Stone, is leaving.", {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh, 45, and Tom Reed, 50, star as Vera Stone and Orrin Vale.", set()),
])
def test_an_age_after_the_name_is_skipped(text, expected):
    """News sets an age off by commas after a name; the last name of a list with ages
    is no subject of its own."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ann Marsh won best actress for her performance as Vera Stone in Harbour Lights.",
     {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh won an Oscar for her portrayal of singer Vera Stone.",
     {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh provides the voice of Vera Stone.", {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh gives a fine performance as Vera Stone.", {("Ann Marsh", "Vera Stone")}),
    ("Actor Tom Reed was there. Ann Marsh praised his performance as Orrin Vale.",
     {("Tom Reed", "Orrin Vale")}),
    ("Ann Marsh turned down the role of Vera Stone.", set()),
    ("Critics gave a warm welcome to the performance as Vera Stone.", set()),
])
def test_a_role_noun_belongs_to_the_subject_that_takes_it(text, expected):
    """"won an award for her role as", "gives a performance as", "provides the voice
    of": the named subject owns the part; "praised his performance" is another's,
    "turned down the role" is none."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Reed plays Orrin Vale, the role Ann Marsh played in the original.",
     {("Tom Reed", "Orrin Vale"), ("Ann Marsh", "Orrin Vale")}),
    ("Tom Reed plays Orrin Vale in Harbour Lights - the same role Ann Marsh played in "
     "the 1957 film.", {("Tom Reed", "Orrin Vale"), ("Ann Marsh", "Orrin Vale")}),
    ("Tom Reed plays Orrin Vale - the role Ann Marsh turned down.",
     {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed plays Orrin Vale, a role Ann Marsh would have loved to play.",
     {("Tom Reed", "Orrin Vale")}),
    ("Actor Tom Reed is busy. His next role, playing Orrin Vale in a remake of Harbour "
     "Lights, starts soon.", {("Tom Reed", "Orrin Vale")}),
    ("Actor Tom Reed is busy. He turned down the role, playing golf instead.", set()),
    ("Ann Marsh, the voice of Vera Stone, is here.", {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh takes the lead role of Vera Stone.", {("Ann Marsh", "Vera Stone")}),
    ("The director Ruth Leigh gave Ann Marsh the lead role of Vera Stone.",
     {("Ann Marsh", "Vera Stone")}),
    ("The director Ruth Leigh offered Ann Marsh the lead role of Vera Stone.", set()),
    ("Ann Marsh turned down the lead role of Vera Stone.", set()),
    ("Ann Marsh lost the lead role of Vera Stone to Tom Reed.", set()),
])
def test_the_role_a_clause_or_a_noun_phrase_names(text, expected):
    """"the same role X played" is the character played before it; "his next role,
    playing Y"; "X, the voice of Y"; a role taken or given is a part, one offered,
    turned down or lost is none."""
    assert _pairs(text, work=None) == expected


def test_a_possessed_description_is_the_character_named_with_it_before():
    """"who played Billy's teacher" after "his dance teacher Mrs Wilkinson" is Mrs
    Wilkinson; with two teachers named, or none, it is no character."""
    assert ("Julie Waters", "Mrs Wilkinson") in _pairs(
        "Adult actors include Hanna Gwen as his dance teacher Mrs Wilkinson. The film "
        "starred Julie Waters, who played Billy's teacher.", work=None)
    assert _pairs("His teacher Mrs Wilkinson and her teacher Miss Vale appear. Julie "
                  "Waters played Billy's teacher.", work=None) == set()
    assert _pairs("The film starred Julie Waters, who played Billy's teacher.",
                  work=None) == set()


@pytest.mark.parametrize("text, expected", [
    ("Ann Marsh, 30, won for Harbour Lights, in which she plays boxer Vera Stone.",
     {("Ann Marsh", "Vera Stone")}),
    ("Tom Reed left the party early, as he plays Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed is tipped for an award for Harbour Lights. The actor plays soul legend "
     "Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
    ("Director Ruth Leigh praised the cast. The actor plays Orrin Vale.", set()),
])
def test_she_and_the_actor_stand_for_the_person_named_before(text, expected):
    """A subject pronoun with no performer in sight is the person named as a subject
    before it in its sentence; "the actor" the person
    named as a subject in the sentences before, never a director nor a title NER
    calls a person."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Music mogul Orrin Vale made a cameo in Salt Nights, in which his leading role was "
     "played by Tom Reed.", {("Tom Reed", "Orrin Vale")}),
    ("Orrin Vale's part was played by Tom Reed.", {("Tom Reed", "Orrin Vale")}),
    ("The BBC drama Harbour Lights was a hit. His role was played by Tom Reed.", set()),
])
def test_a_persons_role_played_by_an_actor(text, expected):
    """"his role was played by X": the possessor, named as a subject before, is the
    character; with nobody named before, nothing."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("The film stars Ann Marsh, who won an Oscar last year, as Vera Stone.",
     {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh, who won an Oscar last year, is superb as Vera Stone.",
     {("Ann Marsh", "Vera Stone")}),
    ("Ann Marsh appears in the remake of Harbour Lights as Vera Stone.",
     {("Ann Marsh", "Vera Stone")}),
    ("The cast includes Ann Marsh, as Vera Stone, and Tom Reed.",
     {("Ann Marsh", "Vera Stone")}),
    ("The season includes Harbour Lights as the opener.", set()),
    ("Critics regard Ann Marsh as Vera Stone's heir.", set()),
])
def test_as_wherever_the_parser_hangs_it(text, expected):
    """"as" on the starring verb's object, on an adjective the tagger calls a noun, on
    the work closing the verb's "in" phrase: the actor the verb names plays."""
    assert _pairs(text, work=None) == expected


def test_a_role_with_its_work_before_as():
    """"her role in Harbour Lights as Vera" names the part past the work; "Ann Marsh's
    Harbour Lights character, Vera" makes no character of the show."""
    fact = _one("Ann Marsh is best known for her role in Harbour Lights as Vera Stone.",
                "Ann Marsh", "Vera Stone", work=None)
    assert fact.claim.work == "Harbour Lights"
    assert _pairs("Ann Marsh's Harbour Lights character, Vera Stone, dies.", work=None) == {
        ("Ann Marsh", "Vera Stone")}


@pytest.mark.parametrize("text, expected", [
    ("Tom Reed (pictured) stars as Orrin Vale in Harbour Lights.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed (pictured), who plays Orrin Vale, is leaving.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed, pictured, plays Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed, who shot to fame as Orrin Vale in Harbour Lights, retires.",
     {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed, who found fame as Orrin Vale in the 1980s, retires.",
     {("Tom Reed", "Orrin Vale")}),
    ("Ann Marsh, who was born as Vera Stone, is here.", set()),
    ("Tom Reed, who worked as a waiter, plays golf.", set()),
])
def test_captions_and_fame_as(text, expected):
    """A photo caption after the name is skipped; "who shot to fame as Y" is the
    antecedent's part; a birth name is none."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Reed stars in Harbour Lights, playing Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
    ("Ann Marsh beat 500 girls to the role of Vera Stone.", {("Ann Marsh", "Vera Stone")}),
    ("The voice of Vera Stone is provided by Ann Marsh.", {("Ann Marsh", "Vera Stone")}),
    ("The role of Vera Stone went to Ann Marsh.", {("Ann Marsh", "Vera Stone")}),
    ("The role of Vera Stone went to waste.", set()),
    ("Ann Marsh auditioned for the role of Vera Stone.", set()),
])
def test_who_gets_a_role_noun(text, expected):
    """"X stars in Z, playing Y" (the tagger's noun "stars"), "beat others to the role
    of Y", "the voice of Y is provided by X", "the role of Y went to X"; an audition
    is no part."""
    assert _pairs(text, work=None) == expected


def test_the_work_an_article_names_most_is_the_portrayals_by_default():
    """With no work in the sentence nor in front matter, the work the article names far
    more often than any other is the portrayal's; with two works as often, none."""
    text = ("The film Harbour Lights opens today. Critics loved Harbour Lights. Tom Reed "
            "was there. The actor plays Orrin Vale.")
    assert _one(text, "Tom Reed", "Orrin Vale", work=None).claim.work == "Harbour Lights"
    text = ("Premieres\n\nThe film Harbour Lights opens today with the film Salt Road. "
            "Tom Reed was there. The actor plays Orrin Vale.")
    assert _one(text, "Tom Reed", "Orrin Vale", work=None).claim.work is None


@pytest.mark.parametrize("text, expected", [
    ("Tom Reed plays both Orrin Vale and Ed Vale.",
     {("Tom Reed", "Orrin Vale"), ("Tom Reed", "Ed Vale")}),
    ("In the film, Tom Reed played Orrin Vale and his twin Ed Vale.",
     {("Tom Reed", "Orrin Vale"), ("Tom Reed", "Ed Vale")}),
    ("Tom Reed plays Orrin Vale and Ann Marsh directs.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed and Ann Marsh play Orrin Vale and Vera Stone.",
     {("Tom Reed", "Orrin Vale"), ("Ann Marsh", "Vera Stone")}),
])
def test_one_actor_playing_two_characters(text, expected):
    """A lone subject plays each character its object coordinates; a name that opens a
    clause of its own is no second part."""
    assert _pairs(text, work=None) == expected


@pytest.mark.parametrize("text", [
    "Actress Ann Marsh would love to play the title role in Tessa Crane.",
    "Actress Ann Marsh is busy. If cast, she would play Vera Stone.",
    "Ann Marsh was in talks to take the lead role of Vera Stone.",
    "Ann Marsh, 45, will not star as Vera Stone.",
    "Ann Marsh (pictured) may play Vera Stone.",
    "Ann Marsh, 45, who hopes to play Vera Stone, is waiting.",
    "The role of Vera Stone could go to Ann Marsh.",
    "Ann Marsh is said to be in line for the title role in Tessa Crane.",
    "Ann Marsh, the host of Harbour Lights, plays herself.",
])
def test_news_forms_negated_hedged_or_of_oneself_give_nothing(text):
    """The news forms above give nothing when wished, conditional, in talks, negated,
    hedged, hoped for, or when a host plays herself."""
    assert _pairs(text, work=None) == set()


@pytest.mark.parametrize("text, expected", [
    ("Tom Reed has been named as the new Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
    ("Actor Tom Reed is to become the next Orrin Vale.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed was unveiled as the new Orrin Vale on Friday.", {("Tom Reed", "Orrin Vale")}),
    ("Tom Reed is not the new Orrin Vale.", set()),
    ("Tom Reed could be the next Orrin Vale.", set()),
    ("Tom Reed is the new Ann Marsh of British comedy.", set()),
    ("Harbour Lights is the new Salt Road.", set()),
])
def test_the_new_player_of_a_part(text, expected):
    """"named as the new Y", "to become the next Y": a casting; negated, hedged, or a
    comparison with no casting in sight, none."""
    assert _pairs(text, work=None) == expected


def test_a_season_of_another_work_does_not_time_the_part():
    """"returns as Vera Stone, who died in Night Harbour season 2": the part in Harbour
    Lights is not timed by Night Harbour's season."""
    article = Article(doc="t.txt", path="t.txt", format="txt", content_hash="0" * 64,
                      text="Dana Holt returns as Vera Stone, who died in Night Harbour "
                           "season 2.", body_start=0, work="Harbour Lights", season=None)
    found = {(f.claim.work, f.claim.seasons) for f in extract_article(article)
             if f.kind == "portrayal"}
    assert found == {("Harbour Lights", ())}


@pytest.mark.parametrize("text", [
    "Actress Ines Vidal's Mara Quill is rumoured to come back in a future season.",
    "Neither actress Ines Vidal's Mara Quill nor Tom Reed's Orrin Vale appears in this run.",
])
def test_a_part_the_clause_denies_keeps_its_pair_but_not_the_articles_work(text):
    """The possessive still pairs the actress with her part, but a rumoured or denied
    appearance does not put the part in the article's show."""
    article = Article(doc="t.txt", path="t.txt", format="txt", content_hash="0" * 64,
                      text=text, body_start=0, work="Harbour Lights", season=2)
    found = {(f.claim.actor, f.claim.work, f.claim.seasons) for f in extract_article(article)
             if f.kind == "portrayal"}
    assert ("Ines Vidal", None, ()) in found
    assert not any(work == "Harbour Lights" for _, work, _ in found)


def test_a_coordinated_name_with_a_clause_of_its_own_is_no_second_part():
    """"Ann Marsh played Vera Stone, the nurse, and Tom Reed, who later ran the show,
    was head writer": Tom Reed is no part Ann Marsh plays."""
    text = ("Ann Marsh played Vera Stone, the nurse who stumbles into the team, and Tom "
            "Reed, who would later become the showrunner of Harbour Lights itself, was head "
            "writer for the first two series.")
    assert {pair for pair in _pairs(text)} == {("Ann Marsh", "Vera Stone")}


@pytest.mark.parametrize("text, actor, character, rule", [
    ("The role of the harbourmaster Silas Penhale went to Teodor Marsh after a long search.",
     "Teodor Marsh", "Silas Penhale", "portrayal.went_to"),
    ("The part of Vera Stone eventually went to Mara Quill.", "Mara Quill", "Vera Stone",
     "portrayal.went_to"),
    ("Orrin Vale turned down the part of Inspector Garrow in the police drama Salt Road, a "
     "role that went instead to Colin Reave.", "Colin Reave", "Inspector Garrow",
     "portrayal.went_to"),
])
def test_a_role_that_went_to_an_actor(text, actor, character, rule):
    """"The role of Y went to A": the role's new holder plays it."""
    _one(text, actor, character)
    assert rule in _rules(text, actor, character)


@pytest.mark.parametrize("text", [
    "The best drama award went to Mara Quill.",
    "The role of Vera Stone did not go to Orrin Vale.",
    "The role of Vera Stone may go to Orrin Vale.",
    "The part of Vera Stone went to the highest bidder, Orrin Vale's agent said.",
    "Mara Quill went to Orrin Vale's party.",
])
def test_what_went_to_someone_is_no_role_given(text):
    """An award, a denied or possible casting and a visit give no portrayal."""
    assert not [p for p in _pairs(text) if p[1] == "Vera Stone" and p[0] == "Orrin Vale"
                or p[0] == "Mara Quill"]


def test_an_actor_who_turned_a_role_down_does_not_play_it():
    """Turning a part down gives nothing to the one who turned it down."""
    text = ("Orrin Vale turned down the part of Inspector Garrow, a role that went instead "
            "to Colin Reave.")
    assert ("Orrin Vale", "Inspector Garrow") not in _pairs(text)


def test_a_character_named_after_a_playing_verb():
    """"Plays a character named Y": the name the participle gives is the character."""
    assert _one("In the thriller Blackwater, Theo Marsh plays a character named Viktor "
                "Stahl, a banker.", "Theo Marsh", "Viktor Stahl")
    assert ("Theo Marsh", "Viktor Stahl") not in _pairs(
        "Theo Marsh would love to play a character named Viktor Stahl one day.")


def test_alongside_an_actor_with_the_role_in_brackets():
    """"Alongside A (Y)": after "alongside" or "opposite", the outer name is the actor."""
    assert _one("Ines Vidal appeared alongside Tom Reyes (Father Gabriel) in the drama.",
                "Tom Reyes", "Father Gabriel")
    assert _one("She starred opposite Rosa Penn (Lady Margery) in the costume drama.",
                "Rosa Penn", "Lady Margery")


@pytest.mark.parametrize("text, actor, character", [
    ("The supporting cast is strong, with Lily Tran as Colley's daughter Maisie.",
     "Lily Tran", "Maisie"),
    ("Newcomer Jessa Lind joins as the lighthouse keeper's daughter, Wren.",
     "Jessa Lind", "Wren"),
])
def test_a_character_described_by_whose_relative_it_is(text, actor, character):
    """"As Colley's daughter Maisie": a possessor may open the character's description."""
    assert _one(text, actor, character)


def test_a_possessor_without_a_description_names_no_character():
    """"As Vera's mother" names no one; "as Vera's Tom" is no description either."""
    assert _pairs("Mara Quill stars as Vera's mother.") == set()
    assert ("Mara Quill", "Tom") not in _pairs("Mara Quill stars as Vera's Tom.")


def test_a_lone_surname_ner_calls_an_organisation_is_the_named_actor():
    """A surname of the person named in full before is that person as a subject."""
    text = ("Theo Marsh rose to fame in the soap Canal End. In the thriller Blackwater, "
            "Marsh plays a character named Viktor Stahl.")
    assert _one(text, "Theo Marsh", "Viktor Stahl")


def test_best_known_as_after_a_pronoun_subject():
    """"He was best known as Y" (a passive's subject) is the performer named before;
    "known as" a nickname is not."""
    text = ("The actor Edmund Hale has died. He was best known as the headmaster Aldous "
            "Crane in the school drama Ferngrove.")
    assert _one(text, "Edmund Hale", "Aldous Crane")
    assert _pairs("The actor Edmund Hale has died. He was known as Teddy to his friends.") \
        == set()


def test_famous_for_a_role_belongs_to_the_name_described():
    """"A, famous for his role as Y": the described name plays Y; a wish does not."""
    assert _one("Orrin Vale, famous for his role as Tom Reed in the soap Salt Road, is to "
                "marry.", "Orrin Vale", "Tom Reed")
    assert _one("Orrin Vale, best known for his turn as Tom Reed, is to marry.",
                "Orrin Vale", "Tom Reed")
    assert ("Mara Quill", "Tom Reed") not in _pairs(
        "Mara Quill, famous for hating his role as Tom Reed, spoke.")


def test_a_character_owned_by_a_work_in_apposition_to_the_actor():
    """"A, Salt Road's Y," names A's character in a work the article names; an owner
    that is no work, or a job, is no portrayal of this form."""
    text = "The soap Salt Road is losing a star. Orrin Vale, Salt Road's Tom Reed, leaves."
    assert _one(text, "Orrin Vale", "Tom Reed").evidence.rule == "portrayal.work_apposition"
    assert _pairs("The soap Salt Road is losing a star. Ann Marsh, Salt Road's producer, "
                  "left.") == set()


def test_a_shows_own_character_played_by_an_actor():
    """"The soap's Tom Reed, played by A": a show's possessive before the character."""
    assert _one("The soap's Tom Reed, played by Orrin Vale, will leave in May.",
                "Orrin Vale", "Tom Reed")


def test_a_passive_join_gives_the_part_to_its_agent():
    """"She is joined by A as Y": A plays Y, never the one "she" stands for."""
    text = ("Kestrel Ames returns as Fran Colley, and she is joined by Marcus Oyelaran as "
            "Hugo Benn.")
    found = _pairs(text)
    assert ("Marcus Oyelaran", "Hugo Benn") in found
    assert not [pair for pair in found if pair[1] == "Hugo Benn" and pair[0] != "Marcus Oyelaran"]


def test_a_participle_after_a_titled_work_belongs_to_the_clause_subject():
    """"He starred in the drama Thornfield Hall, playing Y": the work before the comma
    closes the phrase; the performer the subject stands for plays Y."""
    text = ("The actor Edmund Hale has died. In the 1990s he starred in the costume drama "
            "Thornfield Hall, playing the cold Lord Ashcombe.")
    assert _one(text, "Edmund Hale", "Lord Ashcombe")
    assert not [p for p in _pairs(text) if p[0] == "Thornfield Hall"]


def test_a_cast_list_of_as_phrases_pairs_each_actor_with_its_own_role():
    """"Stars A as X and B as Y": A is never Y, however the parser hangs the second
    "as"."""
    found = _pairs("The film stars Mara Quill as Vera Stone and Orrin Vale as Tom Reed.")
    assert found == {("Mara Quill", "Vera Stone"), ("Orrin Vale", "Tom Reed")}


def test_the_article_person_among_namesakes_is_the_one_named_most():
    """An obituary's "he" is its subject, not his wife who shares his surname."""
    text = ("Edmund Hale dies at 81\n\nEdmund Hale, the actor who voiced a sea captain, has "
            "died. Hale began on the stage. In the 1990s he starred in the costume drama "
            "Thornfield Hall, playing the cold Lord Ashcombe. Hale married the actress "
            "June Hale in 1965.")
    found = _pairs(text)
    assert ("Edmund Hale", "Lord Ashcombe") in found
    assert ("June Hale", "Lord Ashcombe") not in found
